"""Demo content shared by the apps' demo modules: pictures, organisations, people."""

import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

from norec_site.image_uploads import store_image
from norec_site.models import Image, Organisation, Person, Topic

PALETTE = ["#0b4f6c", "#e0a526", "#3f7e44", "#c5192d", "#26bde2", "#a21942", "#fd6925"]


def picture_bytes(label, colour="#0b4f6c", size=(1600, 900), image_format="JPEG"):
    """A generated landscape: sky in ``colour``, a sun and rolling hills, varied by ``label``."""
    seed = sum(ord(char) * (index + 1) for index, char in enumerate(label))
    w, h = size
    sky = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(sky)
    for row in range(h):  # lighter towards the horizon
        shade = int(90 * row / h)
        base = PILImage.new("RGB", (1, 1), colour).getpixel((0, 0))
        draw.line([(0, row), (w, row)], fill=tuple(min(255, c + shade) for c in base))
    sun_x = w * (0.2 + (seed % 60) / 100)
    draw.ellipse((sun_x - h * 0.12, h * 0.15, sun_x + h * 0.12, h * 0.39), fill="#f6d58e")
    for layer, tone in enumerate(("#2f5d50", "#23473d", "#1b2430")):
        top = h * (0.55 + 0.12 * layer)
        phase = (seed >> layer) % 7
        points = [(0, h)]
        for step in range(9):
            x = w * step / 8
            y = top - h * 0.06 * (1 + ((step + phase) % 3)) / 2
            points.append((x, y))
        points.append((w, h))
        draw.polygon(points, fill=tone)
    buffer = io.BytesIO()
    sky.save(buffer, format=image_format, quality=88)
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
