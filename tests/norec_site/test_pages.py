"""Site pages: paths that follow the tree, 301s after moves, reserved slugs, menus,
the footer's statement link, search, sitemap, and the query budget of every page."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from lxml import etree, html
from reversion.models import Version

from news.models import Article
from norec_site.errors import page_not_found, service_unavailable
from norec_site.models import (
    MenuItem,
    Organisation,
    PageRedirect,
    SitePage,
    SiteSettings,
    Status,
)
from norec_site.pages.chrome import fixed_chrome
from projects.models import Project
from reports.models import Report
from tests.conftest import log_in, url_in
from tests.factories import ImageFactory, SitePageFactory, UserFactory
from tests.sitemaps import sitemap_document

pytestmark = pytest.mark.django_db


def inside(css_class):
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"


def links(response, css_class):
    """(text, href) of the links inside the elements of ``css_class``."""
    tree = html.fromstring(response.content)
    return [
        (a.text_content().strip(), a.get("href")) for a in tree.xpath(inside(css_class) + "//a")
    ]


def test_page_is_served_at_its_path_in_each_language(client):
    page = SitePageFactory(title_nn="Om oss", title_nb="Om oss", title_en="About us")
    assert url_in("nn", "pages:detail", path="om-oss") == "/nn/om-oss/"
    assert page.get_absolute_url("en") == "/en/about-us/"
    for language, title in (("nn", "Om oss"), ("nb", "Om oss"), ("en", "About us")):
        response = client.get(page.get_absolute_url(language))
        assert response.status_code == 200
        assert html.fromstring(response.content).xpath("string(//h1)") == title


def test_child_path_follows_its_parent_and_shows_breadcrumbs(client):
    parent = SitePageFactory(title_nn="Om Norec", title_en="About Norec")
    child = SitePageFactory(title_nn="Kontakt", title_en="Contact", parent=parent)
    assert child.path_nn == "om-norec/kontakt"
    assert child.get_absolute_url("en") == "/en/about-norec/contact/"
    response = client.get("/nn/om-norec/kontakt/")
    assert links(response, "breadcrumbs") == [("Om Norec", "/nn/om-norec/")]
    assert ("Kontakt", "/nn/om-norec/kontakt/") in links(
        client.get("/nn/om-norec/"), "site-page__children"
    )


def test_moving_a_page_keeps_its_old_paths_and_its_childrens_answering_301(client):
    about = SitePageFactory(title_nn="Om Norec")
    organisation = SitePageFactory(title_nn="Organisasjon")
    team = SitePageFactory(title_nn="Tilsette", parent=about)
    people = SitePageFactory(title_nn="Folk", parent=team)
    team.parent = organisation
    team.save()
    people.refresh_from_db()
    assert people.path_nn == "organisasjon/tilsette/folk"
    for old, new in (
        ("/nn/om-norec/tilsette/", "/nn/organisasjon/tilsette/"),
        ("/nn/om-norec/tilsette/folk/", "/nn/organisasjon/tilsette/folk/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    assert client.get("/nn/organisasjon/tilsette/folk/").status_code == 200


def test_changing_a_slug_redirects_the_old_path_in_that_language(client):
    page = SitePageFactory(title_nn="Personvern", title_en="Privacy")
    page.slug_en = "privacy-policy"
    page.save()
    response = client.get("/en/privacy/")
    assert (response.status_code, response["Location"]) == (301, "/en/privacy-policy/")
    assert PageRedirect.objects.filter(language="en", old_path="privacy").exists()


def test_a_new_page_on_an_old_path_wins_over_the_redirect(client):
    page = SitePageFactory(title_nn="Gammal")
    page.slug_nn = "ny"
    page.save()
    SitePageFactory(title_nn="Gammal side", slug_nn="gammal")
    assert client.get("/nn/gammal/").status_code == 200
    assert not PageRedirect.objects.filter(language="nn", old_path="gammal").exists()


def test_draft_page_is_404_and_its_old_path_does_not_redirect(client):
    page = SitePageFactory(title_nn="Utkast", status=Status.DRAFT)
    assert client.get("/nn/utkast/").status_code == 404
    page.slug_nn = "anna"
    page.save()
    assert client.get("/nn/utkast/").status_code == 404


def test_page_missing_a_language_redirects_to_one_it_has(client):
    page = SitePageFactory(title_nn="Berre nynorsk", title_nb="", title_en="", body_en="")
    response = client.get(f"/en/{page.path_nn}/")
    assert (response.status_code, response["Location"]) == (301, "/nn/berre-nynorsk/")


@pytest.mark.parametrize("slug", ["nyhende", "sok", "rapportar", "prosjekter", "news", "search"])
def test_a_top_level_slug_that_is_a_section_is_refused(slug):
    page = SitePage(title_nn="Side", slug_nn=slug, body_nn="<p>x</p>", status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug_nn" in error.value.message_dict


def test_a_section_slug_is_fine_under_a_parent():
    parent = SitePageFactory(title_nn="Arkiv")
    SitePage(title_nn="Nyhende", slug_nn="nyhende", body_nn="<p>x</p>", parent=parent).full_clean()


def test_admin_refuses_a_reserved_slug_with_a_form_error(client):
    log_in(client, UserFactory(is_superuser=True))
    response = client.post(
        reverse("admin:norec_site_sitepage_add"),
        {
            "title_nn": "Søk",
            "slug_nn": "sok",
            "body_nn": "<p>Tekst</p>",
            "status": "draft",
            "position": 0,
        },
    )
    assert response.status_code == 200
    # The admin speaks the site's default language, Nynorsk.
    assert "«sok» er adressa til ein del av nettstaden" in response.content.decode()
    assert not SitePage.objects.exists()


def test_a_page_cannot_be_placed_under_its_own_child():
    parent = SitePageFactory(title_nn="Forelder")
    child = SitePageFactory(title_nn="Barn", parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "parent" in error.value.message_dict


def test_pages_are_in_the_sitemap_and_search_but_not_on_the_home_page(client):
    SitePageFactory(
        title_nn="Personvern", title_en="Privacy", body_en="<p>We record login attempts.</p>"
    )
    sitemap = sitemap_document(client).decode()
    assert "/nn/personvern/" in sitemap and "/en/privacy/" in sitemap
    response = client.get("/en/search/", {"q": "login attempts", "type": "pages"})
    assert links(response, "search-result__title") == [("Privacy", "/en/privacy/")]
    assert "Privacy" not in html.fromstring(client.get("/en/").content).xpath("string(//main)")
    assert "Privacy" not in client.get("/en/news/rss.xml").content.decode()


def test_menus_and_footer_are_the_editors_per_language(client):
    about = SitePageFactory(title_nn="Om Norec", title_en="About Norec")
    draft = SitePageFactory(title_nn="Utkast", title_en="Draft", status=Status.DRAFT)
    MenuItem.objects.create(menu="main", language="nn", section="projects:index", position=1)
    MenuItem.objects.create(menu="main", language="nn", page=about, position=2)
    MenuItem.objects.create(menu="main", language="nn", page=draft, position=3)
    MenuItem.objects.create(menu="footer", language="en", page=about, position=1)
    nn = client.get("/nn/om-norec/")
    assert links(nn, "site-nav") == [
        ("Prosjekt", "/nn/prosjekt/"),
        ("Om Norec", "/nn/om-norec/"),
    ]
    assert 'aria-current="page">Om Norec' in nn.content.decode()
    en = client.get("/en/")
    # No English main menu yet: the sections stand in.
    assert [label for label, _url in links(en, "site-nav")] == ["News", "Reports", "Projects"]
    assert links(en, "site-footer__links")[0] == ("About Norec", "/en/about-norec/")


def test_the_home_page_introduction_is_the_editors_per_language(client):
    SiteSettings.objects.update_or_create(
        pk=1, defaults={"home_heading_nb": "Velkommen til Norec", "home_text_nb": "Vi utveksler."}
    )
    tree = html.fromstring(client.get("/nb/").content)
    assert tree.xpath("string(//h1)") == "Velkommen til Norec"
    assert tree.xpath("string(//p[@class='lead'])") == "Vi utveksler."
    english = html.fromstring(client.get("/en/").content).xpath("string(//h1)")
    assert english == "Exchange of staff between organisations, south–south and triangular"


def test_every_page_links_the_accessibility_statement_in_its_language(client):
    call_command("seed_demo", verbosity=0)
    expected = {
        "nn": ("Tilgjengelegheitserklæring", "/nn/tilgjengelegheitserklaering/"),
        "nb": ("Tilgjengelighetserklæring", "/nb/tilgjengelighetserklaering/"),
        "en": ("Accessibility statement", "/en/accessibility-statement/"),
    }
    for language, link in expected.items():
        for name in ("home", "news:index", "reports:index", "projects:index", "search"):
            response = client.get(url_in(language, name))
            assert links(response, "site-footer__links")[-1] == link, (language, name)
        statement = client.get(link[1])
        text = html.fromstring(statement.content).text_content()
        assert "uustatus.no" in statement.content.decode()
        assert "tilgjengelegheit@norec.no" in text
        assert "2026" in text  # the date of the last review
        assert statement.content.decode().count("<h2>") >= 2  # not accessible, feedback


def test_the_privacy_page_says_what_the_site_records(client):
    call_command("seed_demo", verbosity=0)
    text = html.fromstring(client.get("/en/privacy/").content).text_content()
    assert "login" in text.lower() and "IP address" in text
    assert "keyed hash" in text and "once per file and hour" in text


def test_the_statement_has_a_stable_address_for_pages_without_a_database(client):
    call_command("seed_demo", verbosity=0)
    response = client.get(url_in("nb", "pages:accessibility"))
    assert (response.status_code, response["Location"]) == (302, "/nb/tilgjengelighetserklaering/")
    SiteSettings.objects.update(accessibility_page=None)
    assert client.get(url_in("nb", "pages:accessibility")).status_code == 404


def test_the_404_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/nn/finst-ikkje/")
    with django_assert_num_queries(0):
        page = render_to_string("404.html", {"site_chrome": fixed_chrome(request.path)}, request)
    tree = html.fromstring(page)
    assert [a.text for a in tree.xpath(inside("site-nav") + "//a")] == [
        "Nyhende",
        "Rapportar",
        "Prosjekt",
    ]
    footer = tree.xpath(inside("site-footer__links") + "//a")
    assert footer[-1].get("href") == "/nn/tilgjengelegheit/"


def test_the_404_handler_runs_no_query(django_assert_num_queries):
    request = RequestFactory().get("/nn/finst-ikkje/")
    with django_assert_num_queries(0):
        response = page_not_found(request, Http404())
    assert response.status_code == 404
    assert "Tilgjengelegheitserklæring" in response.content.decode()


def test_uustatus_address_must_be_at_uustatus():
    settings_row = SiteSettings.load()
    settings_row.uustatus_url = "https://example.org/erklaering"
    with pytest.raises(ValidationError) as error:
        settings_row.full_clean()
    assert "uustatus_url" in error.value.message_dict


@pytest.mark.parametrize(
    ("model", "field"), [(SiteSettings, "uustatus_url"), (Organisation, "website")]
)
def test_an_address_typed_without_its_scheme_is_an_https_one(rf, model, field):
    request = rf.get("/admin/")
    request.user = UserFactory(is_superuser=True)
    form = admin.site.get_model_admin(model).get_form(request)
    address = form.base_fields[field].clean("uustatus.no/nn/erklaringer/1")
    assert address == "https://uustatus.no/nn/erklaringer/1"


def test_every_public_page_stays_within_eight_queries(client, django_assert_max_num_queries):
    call_command("seed_demo", verbosity=0)
    for language in ("nn", "nb", "en"):
        urls = [
            url_in(language, name)
            for name in ("home", "news:index", "reports:index", "projects:index", "search")
        ]
        urls += [
            url_in(language, "search") + "?q=Norec",
            url_in(language, "projects:index") + "?region=africa",
        ]
        for model in (Article, Report, Project, SitePage):
            urls += [
                item.get_absolute_url(language) for item in model.objects.public(language)[:3]
            ]
        for url in urls:
            with django_assert_max_num_queries(8):
                assert client.get(url).status_code == 200, url


def test_page_shows_its_cleaned_rich_text_and_its_picture(client):
    page = SitePageFactory(
        title_en="Our work",
        body_en="<h2>Exchanges</h2><p>With <strong>partners</strong>.</p><script>x()</script>",
        image=ImageFactory(alt_en="Staff at a partner's office"),
    )
    tree = html.fromstring(client.get(page.get_absolute_url("en")).content)
    prose = tree.xpath(inside("site-page") + "/div[@class='prose']")[0]
    assert prose.xpath("string(.//strong)") == "partners"
    assert prose.xpath("string(.//h2)") == "Exchanges"
    assert not tree.xpath("//main//script")
    assert tree.xpath("//figure[@class='site-page__figure']//img/@alt") == [
        "Staff at a partner's office"
    ]


def test_saving_a_page_keeps_a_revision_that_its_history_shows(client):
    editor = UserFactory(is_superuser=True)
    log_in(client, editor)
    page = SitePageFactory(title_nn="Kontakt")
    change = reverse("admin:norec_site_sitepage_change", args=[page.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"title_nn": "Kontakt oss", "expected_version": page.version, "position": 0}
    data.pop("image", None)
    data.pop("parent", None)
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    versions = Version.objects.get_for_object(page)
    assert versions.count() >= 1
    assert versions.first().field_dict["title_nn"] == "Kontakt oss"
    history = client.get(reverse("admin:norec_site_sitepage_history", args=[page.pk]))
    assert history.status_code == 200


@pytest.mark.parametrize(
    ("field", "slug"),
    [
        ("slug_nb", "nyheter"),
        ("slug_nb", "rapporter"),
        ("slug_en", "reports"),
        ("slug_en", "news"),
    ],
)
def test_a_section_slug_is_refused_in_the_language_field_that_has_it(field, slug):
    page = SitePageFactory.build(**{field: slug})  # published, in all three languages
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert list(error.value.message_dict) == [field]


def test_search_type_pages_finds_only_pages_and_is_offered_as_a_choice(client):
    SitePageFactory(title_en="Contact", body_en="<p>Write to the exchange office.</p>")
    article = Article.objects.create(
        title_en="Exchange office opens",
        lead_en="The exchange office opens.",
        body_en="<p>Office.</p>",
        status=Status.PUBLISHED,
    )
    everything = client.get("/en/search/", {"q": "exchange office"})
    assert {title for title, _url in links(everything, "search-result__title")} == {
        "Contact",
        article.title_en,
    }
    pages = client.get("/en/search/", {"q": "exchange office", "type": "pages"})
    assert links(pages, "search-result__title") == [("Contact", "/en/contact/")]
    (choice,) = [href for text, href in links(everything, "search-types") if text == "Pages (1)"]
    assert "type=pages" in choice


def test_sitemap_lists_each_page_in_its_languages_with_hreflang_alternates(client):
    SitePageFactory(title_nn="Personvern", title_nb="Personvern", title_en="Privacy")
    SitePageFactory(title_nn="Berre nynorsk", title_nb="", title_en="", body_en="", body_nb="")
    SitePageFactory(title_nn="Utkast-side", status=Status.DRAFT)
    tree = etree.fromstring(sitemap_document(client))
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    urls = {
        url.findtext("s:loc", namespaces=namespaces): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
        for url in tree.findall("s:url", namespaces)
    }
    privacy = {
        "nn": "http://testserver/nn/personvern/",
        "nb": "http://testserver/nb/personvern/",
        "en": "http://testserver/en/privacy/",
    }
    for location in privacy.values():
        assert urls[location] == privacy
    assert urls["http://testserver/nn/berre-nynorsk/"] == {
        "nn": "http://testserver/nn/berre-nynorsk/"
    }
    assert not any("utkast-side" in location for location in urls)


def test_pages_are_in_no_home_latest_list_and_no_feed(client):
    SitePageFactory(title_nn="Sidetittel", title_nb="Sidetittel", title_en="Pagetitle")
    Article.objects.create(
        title_nn="Nyhende", lead_nn="Ingress.", body_nn="<p>x</p>", status=Status.PUBLISHED
    )
    for language in ("nn", "nb", "en"):
        home = html.fromstring(client.get(url_in(language, "home")).content)
        assert "tittel" not in home.xpath("string(//main)").lower().replace("nyhende", "")
        for name in ("news:feed", "news:feed_atom", "reports:feed", "reports:feed_atom"):
            feed = client.get(url_in(language, name))
            assert feed.status_code == 200
            assert "Sidetittel" not in feed.content.decode()
            assert "Pagetitle" not in feed.content.decode()
    assert "Nyhende" in client.get(url_in("nn", "news:feed")).content.decode()


STATEMENT_LINKS = {
    "nn": "Tilgjengelegheitserklæring",
    "nb": "Tilgjengelighetserklæring",
    "en": "Accessibility statement",
}


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_the_503_page_needs_no_database_and_shows_the_fixed_footer(
    django_assert_num_queries, language
):
    request = RequestFactory().get(f"/{language}/nyhende/")
    with django_assert_num_queries(0):
        response = service_unavailable(request)
    assert response.status_code == 503
    tree = html.fromstring(response.content)
    footer = tree.xpath(inside("site-footer__links") + "//a")
    assert (footer[-1].text_content().strip(), footer[-1].get("href")) == (
        STATEMENT_LINKS[language],
        url_in(language, "pages:accessibility"),
    )
    assert [a.get("href") for a in tree.xpath(inside("site-nav") + "//a")] == [
        url_in(language, name) for name in ("news:index", "reports:index", "projects:index")
    ]


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_the_404_page_shows_the_statement_link_in_its_language(language):
    response = page_not_found(RequestFactory().get(f"/{language}/finst-ikkje/"), Http404())
    footer = html.fromstring(response.content).xpath(inside("site-footer__links") + "//a")
    assert footer[-1].text_content().strip() == STATEMENT_LINKS[language]


STATEMENT_PARTS = {
    "nn": ("Det som enno ikkje er tilgjengeleg", "Tilbakemelding", "Sist gått gjennom:"),
    "nb": ("Det som ennå ikke er tilgjengelig", "Tilbakemelding", "Sist gjennomgått:"),
    "en": ("What is not yet accessible", "Feedback", "Last reviewed:"),
}
REVIEW_DATES = {"nn": "3. mars 2026", "nb": "3. mars 2026", "en": "3 March 2026"}


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_the_statement_shows_the_parts_the_supervisory_authority_asks_for(client, language):
    page = SitePageFactory(title_nn="Erklæring", title_nb="Erklæring", title_en="Statement")
    SiteSettings.objects.update_or_create(
        pk=1,
        defaults={
            "accessibility_page": page,
            "uustatus_url": "https://uustatus.no/nn/erklaringer/publisert/abc-123",
            "feedback_email": "uu@norec.example",
            "last_reviewed": datetime.date(2026, 3, 3),
            f"not_accessible_{language}": "<p>Old PDF reports lack tags: they predate 2019.</p>",
        },
    )
    response = client.get(page.get_absolute_url(language))
    tree = html.fromstring(response.content)
    statement = tree.xpath(inside("statement"))[0]
    not_accessible, feedback, reviewed = STATEMENT_PARTS[language]
    headings = [h2.text_content() for h2 in statement.xpath(".//h2")]
    assert headings[:2] == [not_accessible, feedback]
    assert "predate 2019" in statement.text_content()
    assert statement.xpath(".//a[starts-with(@href, 'mailto:')]/@href") == [
        "mailto:uu@norec.example"
    ]
    assert "https://uustatus.no/nn/erklaringer/publisert/abc-123" in statement.xpath(".//a/@href")
    assert statement.xpath("string(.//time/@datetime)") == "2026-03-03"
    assert f"{reviewed} {REVIEW_DATES[language]}" in " ".join(statement.text_content().split())


def test_the_demo_has_about_contact_privacy_and_the_statement_in_three_languages(client):
    call_command("seed_demo", verbosity=0)
    titles = {
        "nn": {"Om Norec", "Kontakt", "Personvern", "Tilgjengelegheitserklæring"},
        "nb": {"Om Norec", "Kontakt", "Personvern", "Tilgjengelighetserklæring"},
        "en": {"About Norec", "Contact", "Privacy", "Accessibility statement"},
    }
    for language, expected in titles.items():
        public = SitePage.objects.public(language)
        assert expected <= {getattr(page, f"title_{language}") for page in public}, language
        for page in public:
            assert client.get(page.get_absolute_url(language)).status_code == 200
