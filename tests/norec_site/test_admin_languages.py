"""The admin in each editor's language; flags, warnings and the language report."""

import csv
import datetime
import io

import pytest
import reversion
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from norec_site.groups import COMMUNICATIONS, REPORT_ADMINISTRATORS
from norec_site.models import EditorPreference, Organisation, Status
from norec_site.translation_status import statuses_for
from tests.conftest import log_in
from tests.factories import UserFactory
from tests.reports.factories import ReportFactory

from .languages_helpers import demo_article
from .test_machine_translation import change_data

pytestmark = pytest.mark.django_db


def html_lang(response):
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_admin_is_nynorsk_by_default_whatever_the_browser_says(client):
    log_in(client, UserFactory(is_superuser=True))
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert html_lang(response) == "nn"
    assert "Språk i admin" in response.content.decode()


def test_editor_switches_the_admin_language_and_it_is_remembered(client):
    user = UserFactory(is_superuser=True)
    log_in(client, user)
    response = client.post(
        reverse("admin:set_admin_language"), {"language": "nb", "next": "/admin/news/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/news/"
    assert EditorPreference.objects.get(user=user).admin_language == "nb"
    assert html_lang(client.get(reverse("admin:index"))) == "nb"
    client.logout()
    log_in(client, user)
    assert html_lang(client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")) == "nb"


def test_switch_ignores_unknown_languages_and_foreign_addresses(client):
    user = UserFactory(is_superuser=True)
    log_in(client, user)
    response = client.post(
        reverse("admin:set_admin_language"), {"language": "de", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("admin:index")
    assert not EditorPreference.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("nb-NO,nb;q=0.9", "nb"), ("en-US", "en"), ("de", "nn")]
)
def test_login_page_follows_the_browser_with_nynorsk_as_fallback(
    client, accept_language, expected
):
    response = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE=accept_language)
    assert html_lang(response) == expected


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("nn", "Rett opp feilen nedanfor."), ("nb-NO", "Rett opp feilen nedenfor."),
     ("en-US", "Please correct the error below.")],
)  # fmt: skip
def test_a_log_in_without_a_password_says_what_to_fix_in_its_language(
    client, accept_language, expected
):
    response = client.post(
        reverse("admin:login"),
        {"username": "redaktor", "password": ""},
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_public_site_keeps_the_language_of_its_address(client):
    log_in(client, UserFactory(is_superuser=True, admin_language="nb"))
    assert html_lang(client.get("/en/")) == "en"
    assert html_lang(client.get("/nn/")) == "nn"


def test_history_names_the_changed_fields_in_the_editors_language(client):
    article = demo_article("teachers-mekong")
    with reversion.create_revision():  # the revision the change is compared with
        article.save()
    client.force_login(UserFactory(groups=[COMMUNICATIONS], admin_language="en"))
    url = reverse("admin:news_article_change", args=[article.pk])
    tomorrow = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    client.post(
        url,
        change_data(
            article,
            title_en="Teachers swap classrooms",
            published_at_0=tomorrow.strftime("%Y-%m-%d"),
            published_at_1="09:00:00",
        ),
    )
    EditorPreference.objects.all().update(admin_language="nn")
    log_in(client, UserFactory(is_superuser=True))
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    page = history.content.decode()
    # The history lists what changed per language, in the reader's language.
    assert "Tittel (en)" in page and "Publiseringstid" in page
    assert "Title" not in page and "Publication time" not in page


def test_country_names_are_nynorsk_in_the_select_and_the_filter(client):
    Organisation.objects.create(name="Oslo Partner", country="NO", kind="civil_society")
    log_in(client, UserFactory(is_superuser=True))
    form = client.get(reverse("admin:norec_site_organisation_add")).content.decode()
    assert '<option value="NO">Noreg</option>' in form
    assert ">Åland<" in form and "Åland Islands" not in form
    listing = client.get(reverse("admin:norec_site_organisation_changelist")).content.decode()
    assert "Noreg" in listing and "Norway" not in listing


def test_pdf_languages_offer_the_sites_three_first_by_their_own_names(client):
    report = ReportFactory()
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    page = client.get(reverse("admin:reports_report_change", args=[report.pk])).content.decode()
    select = page.split('name="files-0-language"', 1)[1].split("</select>", 1)[0]
    options = [part.split(">", 1)[1].split("<", 1)[0] for part in select.split("<option")[1:]]
    assert options[:3] == ["Nynorsk", "Bokmål", "English"]
    assert "Tysk" in options and "German" not in options


def test_django_texts_are_nynorsk_not_bokmal_or_english(client):
    demo_article("teachers-mekong")
    log_in(client, UserFactory(is_superuser=True))
    page = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Slett valde artiklar" in page and "valgte" not in page
    assert "Vis tal" in page and "Show counts" not in page
    response = client.post(reverse("admin:news_article_add"), change_data(Article(), title_nn=""))
    note = response.content.decode().split('class="errornote"', 1)[1].split("</p>", 1)[0]
    assert "Rett opp feil" in note, note


# Out of date, save warnings ---------------------------------------------------------


def test_changing_the_nynorsk_flags_the_bokmal_until_an_editor_confirms_it(client):
    article = demo_article("youth-leaders", languages=("nn", "nb"))
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    url = reverse("admin:news_article_change", args=[article.pk])
    changed = article.lead_nn + " Dei kom heim i mai."
    client.post(url, change_data(article, lead_nn=changed, _publish="1"))
    article.refresh_from_db()
    assert statuses_for(article)["nb"].out_of_date
    assert not statuses_for(article)["nn"].out_of_date
    page = client.get(url).content.decode()
    assert "Bokmål kan vere utdatert: teksten på nynorsk er endra etterpå." in page
    changelist = reverse("admin:news_article_changelist")
    flagged = client.get(changelist + "?translation=outdated-nb")
    assert [a.pk for a in flagged.context["cl"].result_list] == [article.pk]

    article.refresh_from_db()
    client.post(url, change_data(article, confirm_languages=["nb"], _publish="1"))
    assert not statuses_for(article)["nb"].out_of_date
    assert (
        list(client.get(changelist + "?translation=outdated-nb").context["cl"].result_list) == []
    )


def test_changing_both_forms_together_flags_nothing(client):
    article = demo_article("youth-leaders", languages=("nn", "nb"))
    article.lead_nn += " Dei kom heim i mai."
    article.lead_nb += " De kom hjem i mai."
    article.save()
    assert not statuses_for(article)["nb"].out_of_date


def test_check_boxes_show_only_when_there_is_something_to_check(client):
    article = demo_article("youth-leaders", languages=("nn", "nb"))
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    url = reverse("admin:news_article_change", args=[article.pk])
    page = client.get(url).content.decode()
    assert 'type="checkbox" name="confirm_languages"' not in page
    assert 'type="hidden" name="publish_machine_text"' in page
    article.lead_nn += " Dei kom heim i mai."
    article.save()
    page = client.get(url).content.decode()
    assert 'type="checkbox" name="confirm_languages" value="nb"' in page


def test_a_title_without_its_other_texts_warns_but_saves(client):
    article = demo_article("teachers-mekong")
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    url = reverse("admin:news_article_change", args=[article.pk])
    data = change_data(article, title_en="Teachers swap classrooms", _publish="1")
    response = client.post(url, data)
    assert response.status_code == 302
    warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert [str(m) for m in warnings] == [
        "«Teachers swap classrooms» har tittel på engelsk, men ikkje ingress og brødtekst: "
        "det blir ikkje vist på engelsk før dei er skrivne."
    ]
    assert Article.objects.get(pk=article.pk).title_en == "Teachers swap classrooms"


# The language report ----------------------------------------------------------------


def test_language_report_counts_texts_per_year_and_type(client):
    for key in ("bapa40-launch", "call-for-partners"):
        demo_article(key, languages=("nn", "nb", "en"))
    demo_article("youth-leaders", languages=("nn",))
    demo_article("teachers-mekong", languages=("nn",), status=Status.DRAFT, published_at=None)
    english = demo_article("midwives-kisumu", languages=("en",))
    log_in(client, UserFactory(is_superuser=True))
    response = client.get(reverse("admin:language_report") + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["År", "Innhaldstype", "Tekstar på nynorsk", "Del nynorsk (%)"]
    assert len(rows[0]) == 9
    by_year = {(row[0], row[1]): row for row in rows[1:]}
    english_year = str(timezone.localtime(english.published_at).year)
    assert by_year[(english_year, "Artiklar")][8] == "1"
    launch = Article.objects.get(title_nn__contains="BAPA+40")
    row = by_year[(str(launch.published_at.year), "Artiklar")]
    assert row[2] == "1" and row[5] == "1" and row[3] == "50.0"
    assert int(row[4]) > 500 and "<" not in row[4]
    page = client.get(reverse("admin:language_report")).content.decode()
    assert "Språkrapport" in page and "Artiklar" in page


def test_language_report_marks_years_below_a_quarter(client):
    for key in ("youth-leaders", "teachers-mekong", "midwives-kisumu", "bapa40-launch"):
        demo_article(key, languages=("nn",), published_at=timezone.now())
    demo_article("call-for-partners", languages=("nn", "nb"), published_at=timezone.now())
    log_in(client, UserFactory(is_superuser=True))
    page = client.get(reverse("admin:language_report")).content.decode()
    assert "language-report__low" in page and "⚠ under 25 %" in page


CSV_HEADERS = {
    "nn": [
        "År",
        "Innhaldstype",
        "Tekstar på nynorsk",
        "Del nynorsk (%)",
        "Lengd nynorsk (teikn)",
        "Tekstar på bokmål",
        "Del bokmål (%)",
        "Lengd bokmål (teikn)",
        "Berre engelsk",
    ],
    "nb": [
        "År",
        "Innholdstype",
        "Tekster på nynorsk",
        "Andel nynorsk (%)",
        "Lengde nynorsk (tegn)",
        "Tekster på bokmål",
        "Andel bokmål (%)",
        "Lengde bokmål (tegn)",
        "Bare engelsk",
    ],
    "en": [
        "Year",
        "Content type",
        "Nynorsk texts",
        "Nynorsk share (%)",
        "Nynorsk length (characters)",
        "Bokmål texts",
        "Bokmål share (%)",
        "Bokmål length (characters)",
        "English only",
    ],
}


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_language_report_csv_columns_are_headed_in_the_admins_language(client, language):
    log_in(client, UserFactory(is_superuser=True, admin_language=language))
    response = client.get(reverse("admin:language_report"), {"format": "csv"})
    assert next(csv.reader(io.StringIO(response.content.decode()))) == CSV_HEADERS[language]


def test_language_report_csv_counts_shares_and_lengths_by_the_rules(client):
    """Complete in a form (as in_language) and published: counted in that form, an item
    in both forms in both, English-only apart, drafts and incomplete forms not at all;
    lengths are the characters without markup."""
    when = timezone.make_aware(datetime.datetime(2021, 6, 1, 12))

    def article(**fields):
        return Article.objects.create(status=Status.PUBLISHED, published_at=when, **fields)

    article(
        title_nn="Ein", lead_nn="To", body_nn="<p>Tre</p>",
        title_nb="En", lead_nb="To", body_nb="<p><strong>Tre</strong></p>",
    )  # fmt: skip
    article(title_nn="Fire", lead_nn="Fem", body_nn="<p>Seks</p>")
    article(title_nn="Sju", lead_nn="Åtte", body_nn="<p>Ni</p>", title_nb="Sju")  # nb incomplete
    article(title_en="Ten", lead_en="Eleven", body_en="<p>Twelve</p>")
    Article.objects.create(title_nb="Utkast", lead_nb="x", body_nb="<p>x</p>")  # a draft
    log_in(client, UserFactory(is_superuser=True, admin_language="en"))
    response = client.get(reverse("admin:language_report"), {"format": "csv"})
    rows = {(row[0], row[1]): row for row in csv.reader(io.StringIO(response.content.decode()))}
    nn_length = len("EinToTre") + len("FireFemSeks") + len("SjuÅtteNi")
    assert rows[("2021", "Articles")] == [
        "2021", "Articles", "3", "75.0", str(nn_length), "1", "25.0", str(len("EnToTre")), "1"
    ]  # fmt: skip
    assert rows[("2021", "All content")][2:] == rows[("2021", "Articles")][2:]


def test_every_csv_export_writes_through_the_formula_safe_writer():
    """OWASP CSV injection: no export may write cells with a bare csv.writer."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    bare = [
        str(path.relative_to(root))
        for app in ("norec_site", "news", "reports", "projects")
        for path in (root / app).rglob("*.py")
        if "csv.writer(" in path.read_text() and path.name != "csvsafe.py"
    ]
    assert bare == []
