"""Demo content shared by the apps' demo modules: pictures, organisations, people.

The content itself is in TOML files beside each demo module (``content.toml``); the
functions here read them and generate the pictures.
"""

import io
import tomllib
from pathlib import Path
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

from norec_site.image_uploads import store_image
from norec_site.languages import language_codes
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


def load(module_file):
    """The ``content.toml`` beside the demo module at ``module_file``."""
    with Path(module_file).with_name("content.toml").open("rb") as content:
        return tomllib.load(content)


def html(blocks):
    """A rich-text field from a list of blocks: plain text becomes a paragraph, HTML stays."""
    return "".join(block if block.startswith("<") else f"<p>{block}</p>" for block in blocks)


def translated(name, texts):
    """``{"nn": …, "en": …}`` as the fields ``name_nn``, ``name_en``."""
    return {f"{name}_{code}": texts[code] for code in language_codes() if code in texts}


def seed_shared():
    """Organisations, people and topics that every app's demo content uses."""
    content = load(__file__)
    organisations = {}
    for entry in content["organisations"]:
        organisations[entry["key"]], _ = Organisation.objects.get_or_create(
            name=entry["name"],
            country=entry.get("country", ""),
            defaults={"short_name": entry.get("short_name", ""), "kind": entry["kind"]},
        )
    topics = {}
    for entry in content["topics"]:
        names = entry["name"]
        topics[entry["slug"]], _ = Topic.objects.get_or_create(
            slug=entry["slug"], defaults={"name": names["nn"], **translated("name", names)}
        )
    people = {}
    for entry in content["people"]:
        titles = entry["job_title"]
        people[entry["key"]], _ = Person.objects.get_or_create(
            name=entry["name"],
            defaults={
                "job_title": titles["nn"],
                **translated("job_title", titles),
                "organisation": organisations[entry["organisation"]],
            },
        )
    return SimpleNamespace(organisations=organisations, topics=topics, people=people)
