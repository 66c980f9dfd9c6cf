"""One media library for every picture on the site."""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.base import ModelState
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from norec_site import revisions
from norec_site.models.fields import recorded_user
from norec_site.models.translated import ValidatesEachLanguage


def original_path(instance, filename):
    return f"images/originals/{filename}"


def rendition_path(instance, filename):
    return f"images/renditions/{filename}"


percent = [MinValueValidator(0), MaxValueValidator(100)]


def focal_coordinate(verbose_name, help_text):
    """One coordinate of a picture's focal point, in percent: the middle until chosen."""
    return models.PositiveSmallIntegerField(
        verbose_name, default=50, validators=percent, help_text=help_text
    )


@revisions.register(follow=("renditions",))
class Image(ValidatesEachLanguage, models.Model):
    class Kind(models.TextChoices):
        PICTURE = "picture", _("Editorial picture")
        COVER = "cover", _("Report cover")

    # Pickers for articles and projects offer only editorial pictures.
    PICTURES_ONLY = {"kind": Kind.PICTURE}

    file = models.ImageField(
        _("image file"),
        upload_to=original_path,
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP."),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"), max_length=150, blank=True, help_text=_("Photographer or source.")
    )
    focal_x = focal_coordinate(
        _("focal point, across (%)"),
        _("Where the subject is, from the left edge: 0 to 100. Crops keep it."),
    )
    focal_y = focal_coordinate(
        _("focal point, down (%)"), _("Where the subject is, from the top edge: 0 to 100.")
    )
    uploaded_by = recorded_user(_("uploaded by"))
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.PICTURE,
        editable=False,
        help_text=_("Report covers are made from the first page of a PDF."),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="image_focal_point_in_picture",
            )
        ]

    def __str__(self):
        return self.alt or self.alt_nn or self.file.name

    @property
    def alt_text(self):
        """The alt text in the page's language, or the first one written."""
        return self.alt_for(get_language())[0]

    def alt_for(self, language):
        """(alt text, its language): the page's language, else the first one written."""
        for code in (language, "nn", "nb", "en"):
            text = getattr(self, f"alt_{code}", "")
            if text:
                return text, code
        return "", language

    def renditions_for(self, ratio=""):
        """Renditions of one shape, narrowest first; uses prefetched rows if any."""
        stored = self.__dict__.get(STORED_RENDITIONS)
        renditions = self.renditions.all() if stored is None else stored
        return sorted((r for r in renditions if r.ratio == ratio), key=lambda r: r.width)


@revisions.register()
class Rendition(models.Model):
    """A resized WebP copy of an image, made once when the image is saved."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    ratio = models.CharField(max_length=10, blank=True, help_text="'' keeps the original shape")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.ImageField(upload_to=rendition_path)

    class Meta:
        ordering = ("image", "ratio", "width")
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["image", "ratio", "width"], name="rendition_unique")
        ]

    def __str__(self):
        return f"{self.image_id} {self.ratio or 'original'} {self.width}w"


RENDITION_COLUMNS = ("id", "ratio", "width", "height", "file")


# Where an image keeps the renditions its query brought (``keep_renditions``).
STORED_RENDITIONS = "_stored_renditions"


def renditions_rows(image):
    """The renditions of ``image`` (an OuterRef to an image's id) as an array of JSON
    objects, in the order ``renditions_for()`` gives them."""
    rows = (
        Rendition.objects.filter(image=image)
        .order_by("ratio", "width")
        .values(json=JSONObject(**{name: name for name in RENDITION_COLUMNS}))
    )
    return ArraySubquery(rows)


def keep_renditions(image, found):
    """``found`` (the JSON rows of ``renditions_rows``) as the renditions that
    ``image.renditions_for()`` reads: plain instances, without a related manager and
    queryset built for each picture of the page."""
    image.__dict__[STORED_RENDITIONS] = [rendition_from(image, data) for data in found]


def image_from(data, db):
    """An Image of ``data`` (the JSON of ``picture_json``): its id, its alt texts and its
    renditions, the other fields deferred."""
    names = ["id", *(f"alt_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)]
    image = Image.from_db(db, names, [data[name] for name in names])
    keep_renditions(image, data["renditions"] or [])
    return image


def picture_json(image):
    """What ``image_from`` needs of ``image`` (the name of a foreign key to Image in the
    subquery), as a JSON object: what the ``picture`` tag shows."""
    alts = {f"alt_{code}": f"{image}__alt_{code}" for code in settings.MODELTRANSLATION_LANGUAGES}
    return JSONObject(
        id=f"{image}_id", **alts, renditions=renditions_rows(models.OuterRef(f"{image}_id"))
    )


def with_renditions(queryset, field):
    """``queryset`` whose rows bring the renditions of their picture ``field`` (a foreign
    key to Image, selected with ``select_related``) in the same query, as if prefetched.

    One query fewer than ``prefetch_related(f"{field}__renditions")``, for each list of
    pictures on a page; ``renditions_for()`` reads them."""
    queryset = queryset.select_related(field).annotate(
        **{rendition_attribute(field): renditions_rows(models.OuterRef(field))}
    )
    queryset._iterable_class = renditions_iterable(field)
    return queryset


def rendition_attribute(field):
    return f"_{field}_renditions"


def renditions_iterable(field):
    attribute = rendition_attribute(field)

    class RenditionsIterable(ModelIterable):
        def __iter__(self):
            for row in super().__iter__():
                image = getattr(row, field)
                found = getattr(row, attribute)
                delattr(row, attribute)
                if image is not None:
                    keep_renditions(image, found)
                yield row

    return RenditionsIterable


def rendition_from(image, data):
    """What ``Rendition.from_db`` makes of a row, without its per-field work: a page
    reads a dozen renditions a picture. Renditions have no init signals to send."""
    rendition = Rendition.__new__(Rendition)
    state = rendition._state = ModelState()
    state.adding, state.db = False, image._state.db
    values = rendition.__dict__
    for name in RENDITION_COLUMNS:
        values[name] = data[name]
    values["image_id"] = image.pk
    state.fields_cache["image"] = image
    return rendition
