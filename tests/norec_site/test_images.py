import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import Image as PILImage

from norec_site.image_uploads import check_upload, store_image
from norec_site.models import Image, Rendition
from tests.factories import ImageFactory, UserFactory, picture_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def exif_with_location_and_rotation():
    exif = PILImage.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (59.0, 54.0, 0.0), 3: "E", 4: (10.0, 45.0, 0.0)}  # GPS
    return exif


def test_store_image_turns_picture_upright_and_removes_location():
    upload = picture_upload(size=(800, 400), exif=exif_with_location_and_rotation())
    image = store_image(Image(alt_nn="Utveksling i Nairobi"), upload=upload)

    with image.file.open("rb") as stored:
        picture = PILImage.open(stored)
        assert picture.size == (400, 800)
        exif = picture.getexif()
    assert 0x8825 not in exif
    assert 0x0112 not in exif
    assert (image.width, image.height) == (400, 800)


def test_renditions_are_webp_in_several_widths_and_shapes():
    image = ImageFactory(upload=picture_upload(size=(2000, 1000)))

    widths = {r.width for r in image.renditions_for("")}
    assert widths == {320, 640, 960, 1280, 1920}
    for rendition in image.renditions_for("16x9"):
        assert rendition.height == round(rendition.width * 9 / 16)
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as stored:
            assert PILImage.open(stored).format == "WEBP"


def test_small_image_is_never_enlarged():
    image = ImageFactory(upload=picture_upload(size=(200, 100)))
    assert [r.width for r in image.renditions_for("")] == [200]


def test_crop_keeps_the_focal_point():
    # Left half blue, right half yellow; focus on the right: the square crop is yellow.
    picture = PILImage.new("RGB", (1600, 800), "#0000ff")
    picture.paste("#ffff00", (800, 0, 1600, 800))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    upload = SimpleUploadedFile("halves.png", buffer.getvalue(), "image/png")
    image = store_image(Image(alt_nn="Halvdelar", focal_x=90, focal_y=50), upload=upload)

    square = image.renditions_for("1x1")[0]
    with square.file.open("rb") as stored:
        average = PILImage.open(stored).convert("RGB").resize((1, 1), PILImage.Resampling.BOX)
    red, green, blue = average.getpixel((0, 0))
    assert red > 180 and green > 180 and blue < 80  # mostly the yellow half


def test_renditions_are_made_once_not_per_request(client, django_assert_num_queries):
    image = ImageFactory()
    count = Rendition.objects.filter(image=image).count()
    image.refresh_from_db()
    store_image(image)  # saving again (say, a new focal point) replaces, not adds
    assert Rendition.objects.filter(image=image).count() == count


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "photo.jpg", "not a picture we can read"),
        (b"", "empty.png", "not a picture we can read"),
        (b"%PDF-1.7 not an image", "cover.png", "not a picture we can read"),
    ],
)
def test_files_that_are_not_pictures_are_refused_by_content(content, name, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(SimpleUploadedFile(name, content))


def test_gif_is_refused_even_when_named_jpg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, format="GIF")
    with pytest.raises(ValidationError, match="GIF images are not accepted"):
        check_upload(SimpleUploadedFile("photo.jpg", buffer.getvalue()))


def test_decompression_bomb_is_refused(settings):
    settings.NOREC_IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="too many pixels"):
        check_upload(picture_upload(size=(2000, 1000), image_format="PNG"))


def test_oversized_file_is_refused(settings):
    settings.NOREC_IMAGE_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="images may be at most"):
        check_upload(picture_upload(size=(800, 800), image_format="PNG"))


def test_failed_save_leaves_no_row_and_no_file(stored_files):
    with pytest.raises(ValidationError):
        store_image(Image(alt_nn=""), upload=picture_upload())  # alt text is required
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_focal_point_outside_picture_is_refused_by_the_database():
    image = ImageFactory()
    with pytest.raises(IntegrityError):
        Image.objects.filter(pk=image.pk).update(focal_x=150)


def test_picture_tag_gives_srcset_sizes_and_dimensions():
    from django.template import Context, Template

    image = ImageFactory(upload=picture_upload(size=(1400, 700)))
    html = Template('{% load norec %}{% picture image "16x9" sizes="50vw" %}').render(
        Context({"image": image})
    )
    assert 'sizes="50vw"' in html
    assert "640w" in html and "1280w" in html
    assert 'width="640" height="360"' in html
    assert f'alt="{image.alt}"' in html


def test_admin_upload_of_a_non_image_is_a_form_error(client):
    user = UserFactory(groups=["Communications"], admin_language="en")
    client.force_login(user)
    response = client.post(
        "/admin/norec_site/image/add/",
        data={
            "file": SimpleUploadedFile("evil.jpg", b"<script>alert(1)</script>"),
            "alt_nn": "Noko",
            "focal_x": 50,
            "focal_y": 50,
        },
    )
    assert response.status_code == 200
    assert "not a picture we can read" in response.content.decode()
    assert Image.objects.count() == 0


def test_admin_upload_stores_image_with_renditions(client):
    user = UserFactory(groups=["Communications"])
    client.force_login(user)
    response = client.post(
        "/admin/norec_site/image/add/",
        {"file": picture_upload(), "alt_nn": "Partnarar i Kampala", "focal_x": 40, "focal_y": 60},
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == user
    assert image.renditions.count() > 5


def test_missing_alt_text_is_spoken_in_the_language_it_is_written_in():
    from django.template import Context, Template
    from django.utils import translation

    image = ImageFactory(alt_nn="Jordmødrer i Kisumu", alt_en="")
    with translation.override("en"):
        html = Template("{% load norec %}{% picture image %}").render(Context({"image": image}))
        assert image.alt_text == "Jordmødrer i Kisumu"
        assert image.caption == ""
    assert 'alt="Jordmødrer i Kisumu" lang="nn"' in html


def fits_file():
    """A FITS picture header (the format behind CVE-2026-40192's shape), 2880-byte block."""
    cards = ["SIMPLE  =                    T", "BITPIX  =                    8",
             "NAXIS   =                    2", "NAXIS1  =                10000",
             "NAXIS2  =                10000", "END"]  # fmt: skip
    return "".join(card.ljust(80) for card in cards).ljust(2880).encode("ascii")


def test_no_decoder_but_jpeg_png_and_webp_ever_runs(monkeypatch):
    from PIL import FitsImagePlugin, GifImagePlugin

    ran = []
    for plugin in (FitsImagePlugin.FitsImageFile, GifImagePlugin.GifImageFile):
        original = plugin._open
        monkeypatch.setattr(plugin, "_open", lambda self, o=original: ran.append(self) or o(self))
    gif = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(gif, format="GIF")
    with pytest.raises(ValidationError, match="FITS images are not accepted") as refused:
        check_upload(SimpleUploadedFile("photo.png", fits_file()))
    assert refused.value.code == "format"
    with pytest.raises(ValidationError, match="GIF images are not accepted"):
        check_upload(SimpleUploadedFile("photo.png", gif.getvalue()))
    assert ran == []


def test_the_pixel_limit_holds_for_the_whole_process():
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from PIL import Image; "
        "print(Image.MAX_IMAGE_PIXELS == settings.NOREC_IMAGE_MAX_PIXELS != 89478485)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr
