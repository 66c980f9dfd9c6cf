"""Norec's own demo texts as content for the language tests."""

from news import demo
from news.models import Article
from norec_site.models import Status


def demo_article(key, languages=("nn",), **fields):
    """One of the demo articles (without its picture), in ``languages`` only."""
    entry = next(entry for entry in demo.articles() if entry["key"] == key)
    values = demo.text_fields(entry, languages)
    values.update(fields)
    values.setdefault("status", Status.PUBLISHED)
    values.setdefault("published_at", demo.published_at(entry))
    return Article.objects.create(**values)


def demo_keys():
    return [entry["key"] for entry in demo.articles()]
