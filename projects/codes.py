"""The codes and checks the IATI file needs: DAC sectors, activity identifiers, currencies."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

IATI_IDENTIFIER = re.compile(
    r"^[A-Za-z]{2}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-[A-Za-z0-9][A-Za-z0-9._/-]*$"
)


class DacSector(models.TextChoices):
    """OECD DAC 5-digit purpose codes, for the IATI file."""

    EDUCATION = "11110", _("Education policy and administrative management")
    VOCATIONAL = "11330", _("Vocational training")
    HEALTH = "12110", _("Health policy and administrative management")
    WATER = "14010", _("Water sector policy and administrative management")
    PUBLIC_SECTOR = "15110", _("Public sector policy and administrative management")
    CIVIL_SOCIETY = "15150", _("Democratic participation and civil society")
    WOMENS_RIGHTS = "15170", _("Women's rights organisations and movements")
    EMPLOYMENT = "16020", _("Employment creation")
    CULTURE = "16061", _("Culture and recreation")
    ICT = "22040", _("Information and communication technology")
    ENERGY = "23110", _("Energy policy and administrative management")
    BUSINESS = "25010", _("Business policy and administration")
    AGRICULTURE = "31120", _("Agricultural development")
    FISHERIES = "31320", _("Fishery development")
    ENVIRONMENT = "41010", _("Environmental policy and administrative management")
    MULTISECTOR = "43010", _("Multisector aid")


def validate_iati_identifier(value):
    if not IATI_IDENTIFIER.match(value):
        raise ValidationError(
            _(
                "Write the IATI identifier as the reporting organisation's reference, "
                "a hyphen and the activity's own code, such as NO-BRC-971277882-PRJ123."
            ),
            code="iati_identifier",
        )


validate_currency = RegexValidator(
    r"^[A-Z]{3}$", _("Write the currency as a three-letter ISO 4217 code, such as NOK or USD.")
)
