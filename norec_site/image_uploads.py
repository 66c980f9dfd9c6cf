"""Image uploads: checked by content, cleaned of location data, resized once."""

import io
import uuid
import warnings
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from norec_site.history import recorded, release_after_commit
from norec_site.limits import check_file_size
from norec_site.models import Image, Rendition
from norec_site.transactions import atomic_with_files

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Only these decoders ever run on an upload (Image.open(formats=...)); other formats are
# named from their first bytes, so that the editor is told what the file is.
DECODERS = list(ACCEPTED_FORMATS)
SIGNATURES = {
    b"GIF8": "GIF", b"BM": "BMP", b"II*\x00": "TIFF", b"MM\x00*": "TIFF",
    b"8BPS": "PSD", b"SIMPLE  =": "FITS", b"\x00\x00\x00\x0cjP": "JPEG 2000",
}  # fmt: skip


def sniffed_format(upload):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return next((name for magic, name in SIGNATURES.items() if head.startswith(magic)), None)


# Shapes that pages ask for, cropped around the focal point.
RATIOS = {"16x9": (16, 9), "1x1": (1, 1)}
CROP_WIDTHS = (320, 640, 960, 1280)


def check_upload(upload):
    """Open ``upload`` as a picture or raise a ValidationError that says what to do."""
    check_file_size(
        upload,
        settings.NOREC_IMAGE_MAX_BYTES,
        _("The file is %(size)s; images may be at most %(max)s. Save it smaller and try again."),
    )
    max_pixels = settings.NOREC_IMAGE_MAX_PIXELS
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            picture = PILImage.open(upload, formats=DECODERS)
            picture_format = picture.format
            width, height = picture.size
            if width * height > max_pixels:
                raise PILImage.DecompressionBombError
            picture.load()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The picture has too many pixels (at most %(max)s million). Scale it down first.")
            % {"max": max_pixels // 1_000_000},
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        other = sniffed_format(upload)
        if other:
            raise ValidationError(
                _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image.")
                % {"format": other},
                code="format",
            ) from error
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        ) from error
    if picture_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image.")
            % {"format": picture_format},
            code="format",
        )
    upload.seek(0)
    return picture


def clean_original(picture):
    """Turn the picture upright and drop its metadata (EXIF, GPS) before storing it."""
    picture_format = picture.format
    upright = ImageOps.exif_transpose(picture)
    buffer = io.BytesIO()
    options = {"icc_profile": picture.info.get("icc_profile")}
    if picture_format == "JPEG":
        upright = upright.convert("RGB")
        options.update(quality=90, optimize=True)
    elif picture_format == "WEBP":
        options.update(quality=90)
    upright.save(buffer, format=picture_format, **options)
    return ContentFile(buffer.getvalue()), ACCEPTED_FORMATS[picture_format]


def _rendition(picture, width, ratio, focal):
    if ratio:
        w, h = RATIOS[ratio]
        resized = ImageOps.fit(picture, (width, round(width * h / w)), centering=focal)
    else:
        resized = picture.copy()
        resized.thumbnail((width, width * 10))
    if resized.mode not in ("RGB", "RGBA"):
        resized = resized.convert("RGBA" if "A" in resized.getbands() else "RGB")
    buffer = io.BytesIO()
    resized.save(buffer, format="WEBP", quality=80, method=4)
    return ContentFile(buffer.getvalue()), resized.size


def make_renditions(image, written):
    """Write every rendition pages use; called once per upload or focal-point change."""
    old = list(image.renditions.values_list("file", flat=True))
    image.renditions.all().delete()
    release_after_commit(*old)  # an older revision of the picture may still need them
    with open_picture(image) as picture:
        picture.load()
        focal = (image.focal_x / 100, image.focal_y / 100)
        plans = [("", w) for w in settings.NOREC_IMAGE_RENDITION_WIDTHS if w < picture.width]
        plans.append(("", min(picture.width, settings.NOREC_IMAGE_RENDITION_WIDTHS[-1])))
        for ratio in RATIOS:
            plans += [(ratio, w) for w in CROP_WIDTHS if w <= picture.width] or [(ratio, 320)]
        for ratio, width in dict.fromkeys(plans):
            content, (actual_width, height) = _rendition(picture, width, ratio, focal)
            rendition = Rendition(image=image, ratio=ratio, width=actual_width, height=height)
            name = f"{image.pk}-{ratio or 'w'}-{width}-{uuid.uuid4().hex[:8]}.webp"
            rendition.file.save(name, content, save=False)
            written.append(rendition.file.name)
            rendition.save()


@contextmanager
def open_picture(image):
    with image.file.storage.open(image.file.name, "rb") as file:
        yield PILImage.open(file, formats=DECODERS)


def store_image(image, *, upload=None, user=None):
    """Save ``image`` (new or changed) with a cleaned original and fresh renditions.

    ``upload`` is a newly uploaded file, already accepted by ``check_upload``.
    """
    with recorded(user=user), atomic_with_files() as written:
        replaced = None
        if upload is not None:
            picture = check_upload(upload)
            content, extension = clean_original(picture)
            if image.pk:
                replaced = Image.objects.filter(pk=image.pk).values_list("file", flat=True).first()
            image.file.save(f"{uuid.uuid4().hex}.{extension}", content, save=False)
            written.append(image.file.name)
        if user is not None and image.uploaded_by_id is None:
            image.uploaded_by = user
        image.full_clean()
        image.save()
        release_after_commit(replaced)
        make_renditions(image, written)
    return image
