"""ISBN and DOI checks that tell the editor what is wrong."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


def normalise_isbn(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def isbn_checksum_ok(digits):
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def validate_isbn(value):
    digits = normalise_isbn(value)
    if len(digits) not in (10, 13):
        raise ValidationError(
            _("An ISBN has 10 or 13 digits (hyphens and spaces are fine); this one has %(n)d."),
            code="isbn_length",
            params={"n": len(digits)},
        )
    if not isbn_checksum_ok(digits):
        raise ValidationError(
            _("This ISBN's check digit is wrong. Copy it again from the report's imprint page."),
            code="isbn_checksum",
        )


def validate_doi(value):
    if not DOI_PATTERN.match((value or "").strip()):
        raise ValidationError(
            _(
                "A DOI looks like 10.1234/abc-123: it starts with “10.”, a number, a slash "
                "and a name. Leave out “https://doi.org/”."
            ),
            code="doi",
        )
