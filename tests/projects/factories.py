"""Projects for tests, made through the same service the demo and the admin rules use."""

import datetime
import itertools

from norec_site.models import Organisation, Status
from projects.models import CooperationType, Partnership
from projects.services import create_project

_numbers = itertools.count(1)


def make_project(
    *,
    partners=(("KE", "civil_society"), ("UG", "public")),
    sdgs=(),
    cooperation_type=CooperationType.SOUTH_SOUTH,
    start=datetime.date(2025, 1, 1),
    end=datetime.date(2027, 12, 31),
    status=Status.PUBLISHED,
    languages=("nn", "nb", "en"),
    images=(),
    **fields,
):
    """A project whose first partner coordinates; ``partners`` are (country, kind) pairs."""
    number = next(_numbers)
    texts = {}
    for code in ("nn", "nb", "en"):
        present = code in languages
        texts[f"title_{code}"] = f"Prosjekt {number} {code}" if present else ""
        texts[f"summary_{code}"] = f"Samandrag {number} {code}" if present else ""
        texts[f"description_{code}"] = f"<p>Skildring {number} {code}</p>" if present else ""
    organisations = [
        Organisation.objects.get_or_create(
            name=f"Organisation {country} {kind}", country=country, defaults={"kind": kind}
        )[0]
        for country, kind in partners
    ]
    roles = [Partnership.Role.COORDINATING] + [Partnership.Role.PARTNER] * (len(partners) - 1)
    return create_project(
        partners=[(org, role, "") for org, role in zip(organisations, roles, strict=True)],
        sdg_numbers=sdgs,
        images=images,
        cooperation_type=cooperation_type,
        start_date=start,
        end_date=end,
        status=status,
        **(texts | fields),
    )
