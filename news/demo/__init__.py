"""Demo news written for the site (content.toml), and synthetic articles for the benchmark."""

import datetime
import itertools
from functools import cache

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from news.models import Article, ArticleAuthor
from norec_site.demo import demo_image, html, load
from norec_site.languages import language_codes
from norec_site.models import Status
from norec_site.richtext import sanitize_html
from projects.models import Project
from reports.models import Report


@cache
def content():
    return load(__file__)


def articles():
    """The demo articles' entries in content.toml."""
    return content()["articles"]


def published_at(entry):
    """A fixed time, or ``days_ago`` (negative: in the future) at ``hour`` o'clock."""
    if "published_at" in entry:
        return entry["published_at"]
    moment = timezone.localtime() - datetime.timedelta(days=entry["days_ago"])
    return moment.replace(hour=entry.get("hour", 9), minute=0, second=0, microsecond=0)


def text_fields(entry, languages=None):
    """Title, lead and body in ``languages``, or in each language the entry is written in."""
    fields = {}
    for code in languages or [code for code in language_codes() if code in entry]:
        texts = entry[code]
        fields[f"title_{code}"] = texts["title"]
        fields[f"lead_{code}"] = texts["lead"]
        fields[f"body_{code}"] = html(texts["body"])
    return fields


def seed(shared):
    """The demo articles, made once; links to reports and projects when those exist."""
    for entry in articles():
        article = Article.objects.filter(title_nn=entry["nn"]["title"]).first()
        if article is None:
            article = create_demo_article(entry, shared)
        if entry.get("report"):
            report = Report.objects.filter(title_en=entry["report"]).first()
            if report:
                article.related_reports.add(report)
        if entry.get("project"):
            project = Project.objects.filter(title_nn=entry["project"]).first()
            if project:
                article.related_projects.add(project)


def create_demo_article(entry, shared):
    picture, alt = entry["picture"], entry["picture"]["alt"]
    image = demo_image(
        f"news-{entry['key']}",
        alt_nn=alt["nn"],
        alt_nb=alt.get("nb", ""),
        alt_en=alt.get("en", ""),
        caption_nn=picture.get("caption_nn", ""),
    )
    article = Article.objects.create(
        **text_fields(entry),
        image=image,
        featured=entry.get("featured", False),
        status=Status.PUBLISHED,
        published_at=published_at(entry),
    )
    article.topics.set(shared.topics[slug] for slug in entry["topics"])
    for position, author in enumerate(entry["authors"]):
        ArticleAuthor.objects.create(
            article=article,
            person=shared.people[author["person"]],
            role=author["role"],
            position=position,
        )
    return article


# Synthetic articles ------------------------------------------------------------------


def synthetic_texts(i):
    words = content()["synthetic"]
    places = words["places"]
    a = places[i % len(places)]
    b = places[(i * 7 + 3) % len(places)]
    fields = {}
    for code, (title, lead, body) in words["texts"].items():
        subjects, themes = words["subjects"][code], words["themes"][code]
        values = {
            "subject": subjects[i % len(subjects)],
            "theme": themes[(i // 3) % len(themes)],
            "a": a,
            "b": b,
        }
        heading = title.format(**values)
        fields[f"title_{code}"] = f"{heading[0].upper()}{heading[1:]} ({i + 1})"
        fields[f"slug_{code}"] = f"scale-{code}-{i + 1}"
        fields[f"lead_{code}"] = lead.format(**values)
        fields[f"body_{code}"] = sanitize_html(f"<p>{body.format(**values)}</p>")
    return fields


def seed_scale(shared, n, stdout=None):
    """``n`` more published articles in all three languages, older than the demo ones."""
    start = Article.objects.filter(slug_en__startswith="scale-en-").count()
    now = timezone.now()
    image = Article.objects.exclude(image=None).values_list("image", flat=True).first()
    topics = list(shared.topics.values())
    people = list(shared.people.values())
    batch_size = 1000
    progress = tqdm(total=n, desc="Articles", unit="article", file=stdout)
    with transaction.atomic():
        for offset in range(start, start + n, batch_size):
            numbers = range(offset, min(offset + batch_size, start + n))
            articles = Article.objects.bulk_create(
                [
                    Article(
                        **synthetic_texts(i),
                        image_id=image,
                        status=Status.PUBLISHED,
                        published_at=now - datetime.timedelta(days=60, hours=i),
                    )
                    for i in numbers
                ]
            )
            Article.topics.through.objects.bulk_create(
                Article.topics.through(article=article, topic=topics[i % len(topics)])
                for i, article in zip(numbers, articles, strict=True)
            )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, person=person, role="text", position=0)
                for article, person in zip(articles, itertools.cycle(people), strict=False)
            )
            progress.update(len(articles))
    progress.close()
    with connection.cursor() as cursor:
        # Fresh planner statistics, so that the benchmark measures the real plans.
        cursor.execute("ANALYZE news_article, news_article_topics, news_articleauthor")
    if stdout:
        stdout.write(f"Scale articles: {n} added")
