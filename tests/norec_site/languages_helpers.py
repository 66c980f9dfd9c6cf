"""Norec's own demo texts as content for the language tests."""

from news import demo
from news.models import Article
from norec_site.models import Status


def demo_article(key, languages=("nn",), **fields):
    """One of the demo articles (without its picture), in ``languages`` only."""
    spec = next(spec for spec in demo.ARTICLES if spec["key"] == key)
    values = {}
    for code in languages:
        title, lead, body = spec[code]
        values.update({f"title_{code}": title, f"lead_{code}": lead, f"body_{code}": body})
    values.update(fields)
    values.setdefault("status", Status.PUBLISHED)
    values.setdefault("published_at", spec["published_at"]())
    return Article.objects.create(**values)


def demo_keys():
    return [spec["key"] for spec in demo.ARTICLES]
