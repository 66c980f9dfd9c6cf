"""Demo content shared by the apps' demo modules: pictures, organisations, people."""

import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

from norec_site.images import store_image
from norec_site.models import Image, Organisation, Person, Topic

PALETTE = ["#0b4f6c", "#e0a526", "#3f7e44", "#c5192d", "#26bde2", "#a21942", "#fd6925"]


def picture_bytes(label, colour="#0b4f6c", size=(1600, 900), image_format="JPEG"):
    """A generated picture: a coloured field with shapes and a label."""
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    w, h = size
    draw.ellipse((w * 0.55, h * 0.15, w * 0.95, h * 0.85), fill="#ffffff")
    draw.rectangle((w * 0.08, h * 0.6, w * 0.45, h * 0.9), fill="#1b2430")
    draw.text((w * 0.1, h * 0.1), label, fill="#ffffff", font_size=max(24, h // 12))
    buffer = io.BytesIO()
    picture.save(buffer, format=image_format, quality=88)
    return buffer.getvalue()


def demo_image(key, *, alt_nn, alt_nb="", alt_en="", caption_nn="", credit="Norec", colour=None):
    """The library image with alt text ``alt_nn``, made once."""
    existing = Image.objects.filter(alt_nn=alt_nn).first()
    if existing:
        return existing
    colour = colour or PALETTE[sum(map(ord, key)) % len(PALETTE)]
    upload = SimpleUploadedFile(f"{key}.jpg", picture_bytes(key, colour), "image/jpeg")
    image = Image(
        alt_nn=alt_nn,
        alt_nb=alt_nb,
        alt_en=alt_en,
        caption_nn=caption_nn,
        credit=credit,
        focal_x=70,
        focal_y=50,
    )
    return store_image(image, upload=upload)


ORGANISATIONS = [
    # key, name, short name, country, kind
    ("norec", "Norec", "Norec", "NO", Organisation.Kind.PUBLIC),
    ("unossc", "United Nations Office for South-South Cooperation", "UNOSSC", "", "multilateral"),
    ("mfa", "Norwegian Ministry of Foreign Affairs", "MFA", "NO", Organisation.Kind.PUBLIC),
    ("undp", "United Nations Development Programme", "UNDP", "", "multilateral"),
    ("kenya-health", "Lakeside Community Health Network", "", "KE", "civil_society"),
    ("uganda-radio", "Kampala Youth Radio Trust", "", "UG", "civil_society"),
    ("nepal-solar", "Himalayan Solar Cooperative", "", "NP", "private"),
    ("vietnam-teachers", "Mekong Teachers' College", "", "VN", "public"),
    ("colombia-agri", "Fundación Semillas del Cauca", "", "CO", "civil_society"),
    ("guatemala-health", "Red de Salud Maya", "", "GT", "civil_society"),
]

TOPICS = [
    # slug, nn, nb, en
    ("south-south", "Sør-sør-samarbeid", "Sør-sør-samarbeid", "South-south cooperation"),
    ("health", "Helse", "Helse", "Health"),
    ("education", "Utdanning", "Utdanning", "Education"),
    ("gender", "Likestilling", "Likestilling", "Gender equality"),
    ("climate", "Klima og miljø", "Klima og miljø", "Climate and environment"),
    ("youth", "Ungdom", "Ungdom", "Youth"),
]


def seed_shared():
    """Organisations, people and topics that every app's demo content uses."""
    organisations = {}
    for key, name, short, country, kind in ORGANISATIONS:
        organisations[key], _ = Organisation.objects.get_or_create(
            name=name, country=country, defaults={"short_name": short, "kind": kind}
        )
    topics = {}
    for slug, nn, nb, en in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": nn, "name_nn": nn, "name_nb": nb, "name_en": en}
        )
    people = {}
    for key, name, nn, nb, en in [
        ("adviser", "Ingrid Haugland", "Seniorrådgjevar", "Seniorrådgiver", "Senior Adviser"),
        ("consultant", "Samuel Okello", "Konsulent", "Konsulent", "Consultant"),
        ("secretary", "Marte Lien", "Statssekretær", "Statssekretær", "State Secretary"),
        ("communications", "Jonas Vik", "Kommunikasjonsrådgjevar", "Kommunikasjonsrådgiver",
         "Communications Adviser"),
    ]:  # fmt: skip
        organisation = organisations["mfa" if key == "secretary" else "norec"]
        people[key], _ = Person.objects.get_or_create(
            name=name,
            defaults={
                "job_title": nn,
                "job_title_nn": nn,
                "job_title_nb": nb,
                "job_title_en": en,
                "organisation": organisation,
            },
        )
    return SimpleNamespace(organisations=organisations, topics=topics, people=people)
