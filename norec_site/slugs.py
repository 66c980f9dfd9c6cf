"""Per-language slugs made from titles, with Norwegian letters spelled out."""

from django.utils.text import slugify

NORWEGIAN_LETTERS = str.maketrans(
    # En and em dashes join words as hyphens do: "sør–sør" is "sor-sor".
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "–": "-", "—": "-"}
)


def slug_from_title(title, max_length=80):
    """``Sør-sør-samarbeid på FN-konferansen`` -> ``sor-sor-samarbeid-pa-fn-konferansen``."""
    slug = slugify((title or "").translate(NORWEGIAN_LETTERS))
    return slug[:max_length].strip("-")


def unique_slug(queryset, field, base, max_length=80):
    """``base``, or ``base-2``, ``base-3``... whichever no row in ``queryset`` has."""
    base = base or "item"
    taken = set(
        queryset.filter(**{f"{field}__startswith": base[: max_length - 4]}).values_list(
            field, flat=True
        )
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        number += 1
    return candidate
