import datetime

import pytest
import time_machine

from norec_site.models import Status
from projects.models import CooperationType

from .factories import ProjectFactory

TODAY = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)
SS, TRI, NS = CooperationType.SOUTH_SOUTH, CooperationType.TRIANGULAR, CooperationType.NORTH_SOUTH
D = datetime.date


@pytest.fixture(autouse=True)
def pinned_day():
    """Project status follows the date: every projects test runs on 15 June 2026."""
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def portfolio(db):
    """The hand-counted fixture (see the counts in test_facets.py).

    A-E are published in all three languages; F is a draft; G is published in English only.
    """
    return {
        "A": ProjectFactory(
            partners=[("NO", "civil_society"), ("KE", "civil_society"), ("ET", "public")],
            sdgs=[5, 17],
            cooperation_type=TRI,
            start=D(2024, 1, 1),
            end=D(2026, 12, 31),
        ),
        "B": ProjectFactory(
            partners=[("TZ", "civil_society"), ("NO", "private")],
            sdgs=[3, 17],
            cooperation_type=TRI,
            start=D(2022, 1, 1),
            end=D(2023, 12, 31),
        ),
        "C": ProjectFactory(
            partners=[("KE", "civil_society"), ("UG", "public")],
            sdgs=[5, 17],
            cooperation_type=SS,
            start=D(2026, 9, 1),
            end=D(2028, 8, 31),
        ),
        "D": ProjectFactory(
            partners=[("VN", "public"), ("KH", "private")],
            sdgs=[4, 17],
            cooperation_type=SS,
            start=D(2025, 1, 1),
            end=D(2027, 1, 1),
        ),
        "E": ProjectFactory(
            partners=[("NO", "public"), ("CO", "civil_society")],
            sdgs=[],
            cooperation_type=NS,
            start=D(2023, 3, 1),
            end=D(2026, 2, 28),
        ),
        "F": ProjectFactory(
            partners=[("KE", "civil_society"), ("NO", "private")],
            sdgs=[5],
            cooperation_type=TRI,
            status=Status.DRAFT,
        ),
        "G": ProjectFactory(
            partners=[("GH", "civil_society"), ("SN", "civil_society")],
            sdgs=[5, 8],
            cooperation_type=SS,
            start=D(2025, 6, 1),
            end=D(2027, 5, 31),
            languages=("en",),
        ),
    }
