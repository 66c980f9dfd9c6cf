import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from news.models import Article, ArticleAuthor
from norec_site.models import SlugRedirect, Status
from tests.factories import ImageFactory, PersonFactory

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">link</a>',
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<body onload="alert(1)">',
    '<div onmouseover="alert(1)">hover</div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<img src=x onerror=alert(1)>-->",
    '<a href="https://example.org" onclick="alert(1)" target="_blank">ok</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
]

FORBIDDEN = ["<script", "onerror", "onload", "onclick", "onmouseover", "javascript:", "vbscript:",
             "data:", "<style", "<iframe", "<svg", "<img", "<object", "<embed", "<form", "<meta",
             "<base", "style=", "srcdoc", "target="]  # fmt: skip


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_body_is_sanitized_on_save_in_every_language(payload, language):
    article = ArticleFactory(**{f"body_{language}": f"<p>Før</p>{payload}<p>Etter</p>"})
    article.refresh_from_db()
    body = getattr(article, f"body_{language}").lower()
    for marker in FORBIDDEN:
        assert marker not in body, (payload, body)
    assert "<p>før</p>" in body and "<p>etter</p>" in body


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_editor_formatting_survives_the_sanitizer(language):
    html = (
        "<h2>Mellomtittel</h2><p><strong>Feit</strong> og <em>kursiv</em> "
        '<a href="https://www.norec.no/">lenkje</a></p><ul><li>Punkt</li></ul>'
        "<ol><li>Nummer</li></ol><blockquote><p>Sitat</p></blockquote>"
    )
    article = ArticleFactory(**{f"body_{language}": html})
    article.refresh_from_db()
    body = getattr(article, f"body_{language}")
    for tag in ("<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<li>", "<blockquote>"):
        assert tag in body
    assert '<a href="https://www.norec.no/" rel="noopener noreferrer">lenkje</a>' in body


WORD_PASTE = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><style>p.MsoNormal{margin:0cm;font-family:"Calibri"}</style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]--></head><body lang=NO-NYN style='tab-interval:35.4pt'><!--StartFragment-->
<p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span
style='font-size:12.0pt;font-family:"Calibri",sans-serif;mso-fareast-language:NO-NYN'>Første
avsnitt.<o:p></o:p></span></p>
<p class=MsoNormal><b><span style='mso-bidi-font-weight:normal'>Andre</span></b>
avsnitt.<o:p></o:p></p>
<!--EndFragment--></body></html>"""


def test_pasted_word_html_comes_out_as_clean_paragraphs():
    article = ArticleFactory(body_nn=WORD_PASTE)
    article.refresh_from_db()
    body = article.body_nn
    for marker in ("mso", "class=", "style", "<o:p", "<span", "<!--", "StartFragment", "xml",
                   "Calibri", "<html", "<body", "<head"):  # fmt: skip
        assert marker not in body, (marker, body)
    paragraphs = [line.strip() for line in body.split("</p>") if line.strip()]
    assert paragraphs == ["<p>Første\navsnitt.", "<p><b>Andre</b>\navsnitt."]


def test_empty_editor_paragraph_counts_as_no_body():
    article = ArticleFactory(body_en="<p></p>", title_en="Title", lead_en="Lead")
    article.refresh_from_db()
    assert article.body_en == ""
    assert "en" not in article.available_languages()


def test_slug_is_made_from_each_languages_title_with_norwegian_letters_spelled_out():
    article = ArticleFactory(
        title_nn="Sør-sør-samarbeid på FN-konferansen",
        title_nb="Sør-sør-samarbeid på FN-konferansen i Buenos Aires",
        title_en="South-south cooperation at the UN conference",
        lead_en="Lead.",
        body_en="<p>Body.</p>",
    )
    assert article.slug_nn == "sor-sor-samarbeid-pa-fn-konferansen"
    assert article.slug_nb == "sor-sor-samarbeid-pa-fn-konferansen-i-buenos-aires"
    assert article.slug_en == "south-south-cooperation-at-the-un-conference"


def test_ae_is_spelled_out_in_slugs():
    assert ArticleFactory(title_nn="Ærleg lærdom").slug_nn == "aerleg-laerdom"


def test_slug_is_unique_per_language():
    first = ArticleFactory(title_nn="Same tittel")
    second = ArticleFactory(title_nn="Same tittel")
    assert first.slug_nn == "same-tittel"
    assert second.slug_nn == "same-tittel-2"


def test_same_slug_in_another_language_is_allowed():
    ArticleFactory(title_nn="Partnarskap")
    other = ArticleFactory(title_nn="Noko anna", title_en="Partnarskap", slug_en="partnarskap")
    other.full_clean()
    assert other.slug_en == "partnarskap"


def test_taken_slug_fails_validation_with_a_message_for_the_editor():
    ArticleFactory(title_nn="Første", slug_nn="ei-adresse")
    clash = Article(title_nn="Andre", slug_nn="ei-adresse")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "Noko anna brukar alt denne adressa (nn)" in str(error.value)


def test_editor_can_set_the_slug_by_hand():
    assert ArticleFactory(title_nn="Lang tittel", slug_nn="kort").slug_nn == "kort"


def test_changing_the_slug_of_a_published_article_remembers_the_old_one():
    article = ArticleFactory(title_nn="Gammal tittel")
    article.slug_nn = "ny-adresse"
    article.save()
    assert SlugRedirect.objects.filter(old_slug="gammal-tittel", language="nn").exists()


def test_changing_the_slug_of_a_draft_leaves_no_old_address():
    article = ArticleFactory(title_nn="Utkast", draft=True)
    article.slug_nn = "ny-adresse"
    article.save()
    assert not SlugRedirect.objects.exists()


def test_an_article_needs_a_title_in_some_language():
    with pytest.raises(ValidationError, match="Skriv ein tittel på minst eitt språk"):
        Article(lead_nn="Berre ingress").clean()
    Article(title_en="Only English").clean()


def test_publishing_without_a_time_publishes_now():
    article = ArticleFactory(draft=True)
    article.status = Status.PUBLISHED
    article.save()
    assert article.published_at <= timezone.now()
    assert article.is_published()


def test_states_are_decided_at_query_time():
    publish_at = timezone.now() + datetime.timedelta(hours=3)
    article = ArticleFactory(published_at=publish_at)
    assert article.state_label == "Planlagd"
    assert not Article.objects.published().exists()
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        assert article.state_label == "Publisert"
        assert list(Article.objects.published()) == [article]


def test_version_goes_up_on_every_save():
    article = ArticleFactory()
    first = article.version
    article.save()
    assert article.version == first + 1


def test_caption_on_the_article_overrides_the_images_in_the_same_language():
    image = ImageFactory(caption_nn="Frå biletbanken")
    article = ArticleFactory(image=image)
    assert article.caption == "Frå biletbanken"
    article.image_caption_nn = "Eigen bilettekst"
    assert article.caption == "Eigen bilettekst"
    with translation.override("en"):
        assert article.caption == ""


def test_languages_need_title_lead_and_body():
    article = ArticleFactory(title_en="Only a title in English")
    assert article.available_languages() == ["nn"]
    assert list(Article.objects.public("en")) == []
    assert list(Article.objects.public("nn")) == [article]


def test_search_columns_follow_the_text():
    ArticleFactory(title_nn="Utveksling i Buenos Aires", lead_nn="Rapporten vart lansert.")
    found = Article.objects.filter(search_nn="buenos")
    assert found.count() == 1


def test_byline_job_title_is_only_shown_in_its_own_language():
    person = PersonFactory(job_title_nn="Rådgjevar", job_title_en="")
    byline = ArticleAuthor(article=ArticleFactory(), person=person)
    assert byline.job_title == "Rådgjevar"
    with translation.override("en"):
        assert byline.job_title == ""


# Related content: declared on the pointing side, read from both --------------------


def related_titles(item, language="nn", **kwargs):
    found = item.related_public(language, **kwargs)
    return {kind: [link.title for link in links] for kind, links in found.items()}


def test_related_content_is_read_both_ways_and_only_when_public_in_the_language(
    django_assert_num_queries,
):
    from tests.projects.factories import ProjectFactory
    from tests.reports.factories import ReportFactory

    report = ReportFactory(title_nn="Rapporten")
    project = ProjectFactory(languages=("nn",), title_nn="Prosjektet")
    project.related_reports.add(report)
    article = ArticleFactory(title_nn="Nyhendet")
    article.related_reports.add(report)
    article.related_projects.add(project)
    ArticleFactory(title_nn="Utkastet", draft=True).related_reports.add(report)

    with django_assert_num_queries(1):
        from_report = related_titles(report)
    assert from_report == {"article": ["Nyhendet"], "project": ["Prosjektet"]}
    assert related_titles(project) == {"article": ["Nyhendet"], "report": ["Rapporten"]}
    assert related_titles(article) == {"report": ["Rapporten"], "project": ["Prosjektet"]}
    assert related_titles(report, "en") == {"article": [], "project": []}


def test_related_links_point_to_the_items_pages_newest_first_and_can_be_limited():
    from tests.reports.factories import ReportFactory

    report = ReportFactory()
    articles = ArticleFactory.create_batch(3)
    for article in articles:
        article.related_reports.add(report)
    links = report.related_public("nn")["article"]
    assert [link.url for link in links] == [a.get_absolute_url("nn") for a in reversed(articles)]
    assert [link.title for link in report.related_public("nn", limit=2)["article"]] == [
        articles[2].title_nn,
        articles[1].title_nn,
    ]


def test_what_links_to_an_item_counts_drafts_too():
    from tests.reports.factories import ReportFactory

    report = ReportFactory()
    draft = ArticleFactory(draft=True)
    draft.related_reports.add(report)
    assert report.linked_from() == [draft]
    assert ArticleFactory().linked_from() == []


def test_shown_in_leaves_out_only_what_a_page_in_its_language_never_reads(
    django_assert_num_queries,
):
    article = ArticleFactory(translated=True, seo_title_nn="Kort", seo_title_en="Short")
    with translation.override("nn"):
        item = Article.objects.public("nn").shown_in("nn").get(pk=article.pk)
        deferred = item.get_deferred_fields()
        assert {"seo_title_nb", "seo_title_en", "image_caption_en", "title", "body"} <= deferred
        kept = {
            f"{name}_{code}"
            for name in ("title", "lead", "body", "slug")
            for code in ["nn", "nb", "en"]
        }
        assert not deferred & (kept | {"seo_title_nn", "image_caption_nn"})
        with django_assert_num_queries(0):
            assert item.meta_title == "Kort"
            assert item.available_languages() == ["nn", "nb", "en"]
            assert [code for code, _url in item.language_urls()] == ["nn", "nb", "en"]
            assert str(item) == article.title_nn
