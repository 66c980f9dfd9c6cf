"""Shared vocabulary that news, reports and projects point to."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from norec_site.contrast import readable_text_colour
from norec_site.models.fields import library_image, optional_link


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        PRIVATE = "private", _("Private sector")
        PUBLIC = "public", _("Public sector")
        MULTILATERAL = "multilateral", _("Multilateral or UN body")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("An acronym such as UNOSSC.")
    )
    country = CountryField(_("country"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    logo = library_image(_("logo"))

    class Meta:
        ordering = ("name",)
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="organisation_name_country")
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = optional_link(Organisation, _("organisation"), related_name="people")
    photo = library_image(_("photo"))

    class Meta:
        ordering = ("name",)
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in addresses, such as ?topic=gender.")
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [models.UniqueConstraint(fields=["slug"], name="topic_slug_unique")]

    def __str__(self):
        return self.name


class SustainableDevelopmentGoal(models.Model):
    """The 17 UN goals, made by a data migration and never typed by editors."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("name"), max_length=120)
    colour = models.CharField(_("colour"), max_length=7, help_text=_("The UN colour, #rrggbb."))

    class Meta:
        ordering = ("number",)
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        constraints = [
            models.UniqueConstraint(fields=["number"], name="sdg_number_unique"),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="sdg_number_1_to_17"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def text_colour(self):
        """The number on the goal's colour: white or black, whichever is readable (AA)."""
        return readable_text_colour(self.colour)
