import pytest
from django.core.exceptions import ValidationError

from reports.validators import validate_doi, validate_isbn

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "isbn", ["978-92-1-004142-3", "9789210041423", "0-306-40615-2", "080442957X"]
)
def test_valid_isbns_pass(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize(
    ("isbn", "code"),
    [
        ("978-92-1-004142-9", "isbn_checksum"),
        ("0-306-40615-3", "isbn_checksum"),
        ("12345", "isbn_length"),
    ],
)
def test_wrong_isbns_say_what_is_wrong(isbn, code):
    with pytest.raises(ValidationError) as caught:
        validate_isbn(isbn)
    assert caught.value.code == code


@pytest.mark.parametrize("doi", ["10.5281/zenodo.1234", "10.18356/9789210041423"])
def test_valid_dois_pass(doi):
    validate_doi(doi)


@pytest.mark.parametrize(
    "doi", ["https://doi.org/10.5281/x", "10.12/abc", "doi:10.1234/x", "10.1234"]
)
def test_wrong_dois_are_refused_with_an_example(doi, english):
    with pytest.raises(ValidationError) as caught:
        validate_doi(doi)
    assert "10.1234/abc-123" in caught.value.messages[0]


def test_report_slug_spells_out_norwegian_letters():
    report = ReportFactory(title_nn="Sør-sør-samarbeid på tvers", title_en="South-south in action")
    assert report.slug_nn == "sor-sor-samarbeid-pa-tvers"
    assert report.slug_en == "south-south-in-action"


def test_report_exists_only_in_languages_with_title_and_summary():
    report = ReportFactory(title_nb="Tittel", summary_nb="")
    assert report.available_languages() == ["nn", "en"]


def test_credits_keep_the_order_editors_gave(django_assert_num_queries):
    from tests.factories import OrganisationFactory, PersonFactory

    people = [PersonFactory(name="Ingrid Haugland"), PersonFactory(name="Samuel Okello")]
    orgs = [OrganisationFactory(name="UNOSSC"), OrganisationFactory(name="Norec")]
    report = ReportFactory(authors=people[::-1], publishers=orgs)
    from reports.models import Report

    with django_assert_num_queries(1):
        loaded = Report.objects.with_credits().get(pk=report.pk)
        assert loaded.author_names == ["Samuel Okello", "Ingrid Haugland"]
        assert loaded.publisher_names == ["UNOSSC", "Norec"]
