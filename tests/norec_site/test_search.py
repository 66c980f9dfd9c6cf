"""Site search: one query over published news, reports and projects, in the page's language."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Article
from norec_site.search import MAX_QUERY_LENGTH, parse_query
from projects.models import Project
from reports.demo.pdfgen import pdf_bytes
from reports.models import Report
from reports.services import upload_report_file
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def pinned_time(time_machine):
    time_machine.move_to(NOW, tick=False)


def ago(days):
    return NOW - datetime.timedelta(days=days)


# Rows are made directly, in one language each (the apps' factories fill several),
# so that every test says which languages an item exists in.


def texts(language, **fields):
    """``title="x"`` becomes ``title_<language>="x"``; other languages stay empty."""
    return {f"{name}_{language}": value for name, value in fields.items()}


def article(title, lead="Ingress.", body="<p>Brødtekst.</p>", *, language="nn", **extra):
    extra.setdefault("status", "published")
    extra.setdefault("published_at", ago(2))
    return Article.objects.create(**texts(language, title=title, lead=lead, body=body), **extra)


def report(title, summary="<p>Samandrag.</p>", *, language="nn", pdf_text="", **extra):
    extra.setdefault("status", "published")
    extra.setdefault("published_at", ago(2))
    extra.setdefault("publication_date", datetime.date(2019, 3, 20))
    return Report.objects.create(
        **texts(language, title=title, summary=summary), pdf_text=pdf_text, **extra
    )


def project(title, summary="Samandrag.", description="<p>Skildring.</p>", *, language="nn", **e):
    e.setdefault("status", "published")
    e.setdefault("published_at", ago(2))
    e.setdefault("start_date", datetime.date(2024, 1, 1))
    e.setdefault("end_date", datetime.date(2026, 12, 31))
    return Project.objects.create(
        **texts(language, title=title, summary=summary, description=description), **e
    )


def search_url(language):
    with translation.override(language):
        return reverse("search")


def search(client, query, language="nn", **params):
    response = client.get(search_url(language), {"q": query, **params})
    assert response.status_code == 200
    return response, response.content.decode()


def found(response):
    """Titles of the hits on the page, in order (highlight marks removed)."""
    return [hit.title.replace("<mark>", "").replace("</mark>", "") for hit in hits(response)]


def hits(response):
    return list(response.context["page_obj"].object_list)


# Parsing ---------------------------------------------------------------------


def test_hyphenated_words_become_clauses_that_any_hyphen_or_space_matches():
    parsed = parse_query("sør-sør-samarbeid helse")
    assert parsed.websearch == "helse"
    assert parsed.compounds == "('sør' <-> 'sør' | 'sør' <2> 'sør') & 'samarbeid'"
    assert parse_query("South–South").compounds == "('South' <-> 'South' | 'South' <2> 'South')"


def test_quoted_negated_or_alternative_hyphenated_words_stay_phrases():
    assert parse_query('"sør-sør" -sør-sør').websearch == '"sør sør" -"sør sør"'
    assert parse_query("sør-sør or helse").websearch == '"sør sør" or helse'


def test_numbers_and_exclusions_keep_their_hyphens():
    assert parse_query("COVID-19 -skule").websearch == "COVID-19 -skule"


def test_control_characters_and_curly_quotes_are_cleaned():
    parsed = parse_query("“sør\x00sør”\x02")
    assert parsed.text == '"sør sør"'
    assert not parsed.problem


# Stemming --------------------------------------------------------------------


@pytest.mark.parametrize("query", ["rapporten", "rapportar", "rapport", "rapportane"])
def test_nynorsk_inflected_forms_find_each_other(client, query):
    article("Nytt frå Kenya", body="<p>Dei nye rapportane kom i går.</p>")
    report("Rapportar om utveksling")
    project("Partnarskap", summary="Prosjektet skreiv ein rapport.")
    response, _html = search(client, query)
    assert sorted(found(response)) == ["Nytt frå Kenya", "Partnarskap", "Rapportar om utveksling"]


@pytest.mark.parametrize("query", ["prosjekta", "prosjektet", "utvekslinga", "utvekslingane"])
def test_nynorsk_definite_and_plural_forms_find_the_base_form(client, query):
    article("Prosjekt og utveksling", language="nn")
    response, _html = search(client, query)
    assert found(response) == ["Prosjekt og utveksling"]


@pytest.mark.parametrize("query", ["rapportene", "rapporten", "partnerskapene"])
def test_bokmal_inflected_forms_find_each_other(client, query):
    article("Ny rapport om partnerskap", lead="Ingress.", language="nb")
    response, _html = search(client, query, language="nb")
    assert found(response) == ["Ny rapport om partnerskap"]


@pytest.mark.parametrize("query", ["exchanges", "exchanged", "exchanging", "partnerships"])
def test_english_inflected_forms_find_each_other(client, query):
    project("Staff exchange partnership", summary="A summary.", language="en")
    response, _html = search(client, query, language="en")
    assert found(response) == ["Staff exchange partnership"]


def test_norwegian_stemmer_does_not_join_umlaut_plurals_or_split_compounds(client):
    article("Bøker og sørsamarbeid")
    assert found(search(client, "bok")[0]) == []
    assert found(search(client, "samarbeid")[0]) == []
    assert found(search(client, "bøker")[0]) == ["Bøker og sørsamarbeid"]


# Hyphens ---------------------------------------------------------------------


def test_sor_sor_samarbeid_finds_it_whatever_its_hyphens(client):
    article("Bindestrek", body="<p>Eit døme på sør-sør-samarbeid i Afrika.</p>")
    article("Tankestrek", body="<p>Eit døme på sør–sør-samarbeid i Asia.</p>")
    article("Mellomrom", body="<p>Sør sør samarbeid, skrive utan strek.</p>")
    report("Sør-sør- og triangulært samarbeid i praksis")
    article("Anna", body="<p>Sør-Asia og samarbeid om helse.</p>")
    response, html = search(client, "sør-sør-samarbeid")
    assert sorted(found(response)) == [
        "Bindestrek", "Mellomrom", "Sør-sør- og triangulært samarbeid i praksis", "Tankestrek",
    ]  # fmt: skip
    assert "<mark>sør</mark>-<mark>sør</mark>-<mark>samarbeid</mark>" in html


def test_sor_sor_is_not_found_in_unrelated_south(client):
    article("Sør-sør", body="<p>Om sør-sør.</p>")
    article("Sør-Asia", body="<p>Aust-Afrika og Sør-Asia.</p>")
    response, _html = search(client, "sør-sør")
    assert found(response) == ["Sør-sør"]


def test_south_south_finds_it_with_or_without_hyphen(client):
    project("Hyphenated", description="<p>Real south-south cooperation.</p>", language="en")
    project("Spaced", description="<p>More South South exchange.</p>", language="en")
    project("Dashed", description="<p>A South–South partnership.</p>", language="en")
    project("Apart", description="<p>South Africa and South Sudan.</p>", language="en")
    response, _html = search(client, "South-South", language="en")
    assert sorted(found(response)) == ["Dashed", "Hyphenated", "Spaced"]


# Web-search syntax -----------------------------------------------------------


@pytest.mark.parametrize(
    ("articles", "query", "expected"),
    [
        pytest.param(
            {
                "Saman": "<p>Utveksling av tilsette mellom partnarar.</p>",
                "Spreidd": "<p>Tilsette reiser. Utveksling skjer.</p>",
            },
            '"utveksling av tilsette"',
            ["Saman"],
            id="an exact phrase needs the words together",
        ),
        pytest.param(
            dict.fromkeys(["Om helse", "Om klima", "Om skule"], "<p>Brødtekst.</p>"),
            "helse or klima",
            ["Om helse", "Om klima"],
            id="or finds either word",
        ),
        pytest.param(
            dict.fromkeys(["Helse i Kenya", "Helse i Nepal"], "<p>Brødtekst.</p>"),
            "helse -nepal",
            ["Helse i Kenya"],
            id="minus leaves a word out",
        ),
    ],
)
def test_web_search_syntax(client, articles, query, expected):
    for title, body in articles.items():
        article(title, body=body)
    response, _html = search(client, query)
    assert sorted(found(response)) == expected


# Ranking, dates, pagination --------------------------------------------------


def test_title_match_ranks_above_body_match(client):
    article("Kvardagen i Kampala", body="<p>Om landbruk og vatn.</p>", published_at=ago(1))
    article("Landbruk i Malawi", body="<p>Om kvardagen.</p>", published_at=ago(30))
    response, _html = search(client, "landbruk")
    assert found(response) == ["Landbruk i Malawi", "Kvardagen i Kampala"]


def test_equal_rank_shows_the_newest_first(client):
    article("Eldre klima", published_at=ago(20))
    article("Nyare klima", published_at=ago(3))
    response, _html = search(client, "klima")
    assert found(response) == ["Nyare klima", "Eldre klima"]


def test_results_show_type_link_and_date_in_the_page_language(client):
    item = report("Annual report", summary="<p>Exchange.</p>", language="en")
    response, html = search(client, "annual", language="en")
    assert f'href="{item.get_absolute_url("en")}"' in html
    assert "20 March 2019" in html
    assert '<span class="search-result__type">Report</span>' in html
    report("Årsrapport", summary="<p>Samandrag.</p>")
    response, html = search(client, "årsrapport")
    assert "20. mars 2019" in html
    assert '<span class="search-result__type">Rapport</span>' in html


def test_project_shows_its_period(client):
    project("Vassforsyning", start_date=datetime.date(2023, 2, 1))
    _response, html = search(client, "vassforsyning")
    assert "1. februar 2023" in html and "31. desember 2026" in html


def test_results_are_paginated_twenty_a_page(client):
    for number in range(25):
        article(f"Klima {number}", published_at=ago(number + 1))
    response, html = search(client, "klima")
    assert len(hits(response)) == 20
    assert "25 treff" in html
    response, _html = search(client, "klima", page=2)
    assert found(response) == [f"Klima {number}" for number in range(20, 25)]


def test_page_out_of_range_shows_the_last_page(client):
    for number in range(25):
        article(f"Klima {number}", published_at=ago(number + 1))
    for page in ("9", "999999999999999999999", "last", "-1"):
        response, _html = search(client, "klima", page=page)
        expected = 20 if page == "last" else 5
        assert len(hits(response)) == expected


# What is found ---------------------------------------------------------------


def test_report_is_found_by_words_only_in_its_pdf(client):
    report("Årsmelding", pdf_text="Side 87: flamingoane i Rift Valley vart talde.")
    response, html = search(client, "flamingo")
    assert found(response) == ["Årsmelding"]
    assert "<mark>flamingoane</mark> i Rift Valley" in html


def test_report_is_found_by_a_word_in_the_pdf_it_was_uploaded_with(client):
    item = ReportFactory(title_nn="Årsmelding 2019", title_en="", summary_en="")
    content = pdf_bytes(
        "Arsmelding", ["Fotnote: flamingoane ved Nakurusjoen vart talde."], pages=4
    )
    upload = SimpleUploadedFile("arsmelding.pdf", content, content_type="application/pdf")
    upload_report_file(report=item, language="nn", upload=upload)
    response, _html = search(client, "flamingo")
    assert found(response) == ["Årsmelding 2019"]
    assert "<mark>flamingoane</mark> ved Nakurusjoen" in str(hits(response)[0].snippet)


def test_report_snippet_finds_a_word_deep_in_a_long_pdf(client):
    filler = "Partnarar utvekslar tilsette mellom land i sør. " * 8000
    report("Lang rapport", pdf_text=filler + "Flamingoane flaug over Nakurusjøen. " + filler)
    response, _html = search(client, "flamingo")
    assert "<mark>Flamingoane</mark> flaug over Nakurusjøen" in str(hits(response)[0].snippet)


def test_report_snippet_comes_from_the_summary_when_it_matches(client):
    report("Årsmelding", summary="<p>Om <em>vassforsyning</em> i Kenya.</p>",
           pdf_text="Vassforsyning i PDF-en.")  # fmt: skip
    response, _html = search(client, "vassforsyning")
    snippet = str(hits(response)[0].snippet)
    assert "<mark>vassforsyning</mark> i Kenya" in snippet
    assert "PDF" not in snippet


def test_drafts_and_scheduled_items_are_never_found_counted_or_quoted(client):
    article("Synleg", body="<p>Om kvartsitt.</p>")
    article("Utkast", body="<p>Hemmeleg kvartsitt.</p>", status="draft", published_at=None)
    article("Planlagd", body="<p>Framtidig kvartsitt.</p>", published_at=NOW.replace(year=2027))
    report("Utkast-rapport", pdf_text="Hemmeleg kvartsitt.", status="draft")
    report(
        "Planlagd rapport", pdf_text="Framtidig kvartsitt.", published_at=NOW.replace(year=2027)
    )
    project("Utkast-prosjekt", description="<p>Hemmeleg kvartsitt.</p>", status="draft")
    response, html = search(client, "kvartsitt")
    assert found(response) == ["Synleg"]
    assert response.context["total"] == 1
    assert {key: count for key, _label, count in response.context["type_counts"]} == {
        "news": 1,
        "reports": 0,
        "projects": 0,
        "pages": 0,
    }
    for secret in ("Utkast", "Planlagd", "Hemmeleg", "Framtidig"):
        assert secret not in html
    _response, html = search(client, "hemmeleg")
    assert "0 treff" in html


def test_items_are_found_only_in_the_languages_they_exist_in(client):
    article("Bare nynorsk", body="<p>Om exchange-programmet.</p>", language="nn")
    project("English exchange", summary="Exchange of staff.", language="en")
    response, _html = search(client, "exchange", language="en")
    assert found(response) == ["English exchange"]
    response, _html = search(client, "exchange", language="nb")
    assert found(response) == []


def test_an_item_missing_part_of_a_language_is_not_found_in_it(client):
    Article.objects.create(
        title_en="Half translated", lead_en="Only a lead.", body_nn="<p>Tekst.</p>",
        title_nn="Heil", lead_nn="Ingress.", status="published", published_at=ago(2),
    )  # fmt: skip
    response, _html = search(client, "translated", language="en")
    assert found(response) == []


# Counts and type filter ------------------------------------------------------


def test_count_per_type_and_filter_by_type(client):
    for number in range(3):
        article(f"Vatn {number}")
    for number in range(2):
        report(f"Vatn-rapport {number}")
    project("Vatn og sanitær")
    response, html = search(client, "vatn")
    counts = {key: count for key, _label, count in response.context["type_counts"]}
    assert counts == {"news": 3, "reports": 2, "projects": 1, "pages": 0}
    assert "6 treff" in html
    assert "Alle (6)" in html and "Nyhende (3)" in html
    response, html = search(client, "vatn", type="reports")
    assert sorted(found(response)) == ["Vatn-rapport 0", "Vatn-rapport 1"]
    assert "2 treff" in html
    assert {key: count for key, _label, count in response.context["type_counts"]} == counts
    assert 'name="type" value="reports"' in html


def test_unknown_type_searches_everything(client):
    article("Vatn")
    report("Vatn-rapport")
    response, _html = search(client, "vatn", type="<script>")
    assert len(hits(response)) == 2


def test_query_count_is_fixed_whatever_the_number_of_results(client, django_assert_num_queries):
    """Two for the search, one for the menus and footer (norec_site.pages.chrome)."""
    article("Skog")
    report("Skog-rapport")
    project("Skogprosjekt", summary="Skog.")
    with django_assert_num_queries(3):
        response, _html = search(client, "skog")
    assert len(hits(response)) == 3
    for number in range(30):
        article(f"Skog {number}", body="<p>Meir skog.</p>")
        report(f"Skog-rapport {number}", pdf_text="Skog " * 50)
        project(f"Skogprosjekt {number}", summary="Skog.")
    with django_assert_num_queries(3):
        response, _html = search(client, "skog")
    assert len(hits(response)) == 20
    with django_assert_num_queries(3):
        response, _html = search(client, "skog", page=2, type="projects")
    assert len(hits(response)) == 11


# Safety ----------------------------------------------------------------------


def test_snippet_never_carries_editor_html(client):
    article(
        "Ein artikkel",
        body='<p><strong>Viktig</strong> om <a href="https://example.org">partnarar</a>'
        " &amp; &lt;script&gt;alert(1)&lt;/script&gt; i Kenya.</p>",
    )
    response, html = search(client, "partnarar")
    snippet = str(hits(response)[0].snippet)
    assert "<strong>" not in snippet and "<a " not in snippet
    assert snippet.count("<") == snippet.count("<mark>") + snippet.count("</mark>")
    assert "<mark>partnarar</mark> &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in snippet
    assert "<script>alert(1)" not in html


def test_markers_in_the_text_cannot_make_marks(client):
    report("Rapport", pdf_text="Tekst \x02med\x03 ord og flamingo.")
    response, _html = search(client, "flamingo")
    assert str(hits(response)[0].snippet).count("<mark>") == 1


def test_query_html_is_echoed_escaped(client):
    article("Skript", body="<p>Alert.</p>")
    _response, html = search(client, '<script>alert("x")</script>')
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


# Bad queries -----------------------------------------------------------------


def test_empty_query_asks_for_words(client):
    response, html = search(client, "   ")
    assert "Skriv eitt eller fleire ord du vil søkje etter." in html
    assert "page_obj" not in response.context


def test_missing_query_asks_for_words(client):
    response = client.get(search_url("en"))
    assert response.status_code == 200
    assert "Type one or more words to search for." in response.content.decode()


def test_only_punctuation_says_so(client):
    _response, html = search(client, "!!! ?? --- ...", language="en")
    assert "Your search has no letters or numbers in it." in html


def test_stop_words_only_find_nothing_with_a_message(client):
    article("Og så vidare")
    _response, html = search(client, "og")
    assert "0 treff" in html
    assert "Ingenting passar" in html


def test_only_left_out_words_ask_for_a_word_to_find(client):
    article("Klima i Kenya")
    _response, html = search(client, "-kenya or", language="en")
    assert "A minus only leaves words out." in html


def test_long_query_is_cut_with_a_notice(client):
    article("Klima")
    query = "klima " + "x" * 300
    response, html = search(client, query, language="en")
    assert len(response.context["query"]) == MAX_QUERY_LENGTH
    assert f"longer than {MAX_QUERY_LENGTH} characters" in html
    assert f'value="{query[:MAX_QUERY_LENGTH]}"' in html


def test_unbalanced_quote_is_left_out_with_a_notice(client):
    article("Sør-sør i praksis")
    response, html = search(client, '"sør-sør', language="nn")
    assert found(response) == ["Sør-sør i praksis"]
    assert "Eit hermeteikn mangla partnaren sin" in html
    assert 'value="&quot;sør-sør"' in html


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE news_article; --",
        "klima' OR '1'='1",
        "\\x00 \x00 klima",
        "klima & | ! <-> :* ()",
        "((((",
        '"""',
        "-",
        "or",
        "a" * 5000,
    ],
)
def test_hostile_queries_give_a_normal_page(client, query):
    article("Klima")
    response, html = search(client, query)
    assert "<html" in html
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM news_article")
        assert cursor.fetchone()[0] == 1


def test_each_language_has_its_own_messages(client):
    assert "Skriv inn ett eller flere ord du vil søke etter." in search(client, "", "nb")[1]
    assert "Type one or more words to search for." in search(client, "", "en")[1]


def test_header_box_submits_to_the_search_page(client):
    html = client.get("/en/").content.decode()
    assert f'action="{search_url("en")}"' in html
    assert 'name="q"' in html


def test_page_is_not_indexed_and_has_a_labelled_form(client):
    _response, html = search(client, "klima", language="en")
    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<label for="search-q">' in html
    assert 'role="search"' in html


def test_published_at_in_the_past_counts_as_public(client):
    article("Akkurat no", published_at=timezone.now())
    response, _html = search(client, "akkurat")
    assert found(response) == ["Akkurat no"]


def test_head_is_answered_and_post_is_refused(client):
    assert client.head(search_url("en"), {"q": "klima"}).status_code == 200
    assert client.post(search_url("en"), {"q": "klima"}).status_code == 405
