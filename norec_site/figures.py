"""How many items of each type are public in each language, and their latest change.

Lists page through every public item and the sitemap counts them per language; at
tens of thousands of items counting is most of such a page's work. The figures of
every type come from one query, each part counted from its language's partial index,
and are kept per content version (page_cache.fragment), so that a publish, an
unpublish or a scheduled time shows in them at once.
"""

from django.db.models import Count, Max, Value

from norec_site.languages import language_codes
from norec_site.page_cache import fragment
from norec_site.registry import content_models


def public_figures(models):
    """{model: {code: (count, latest change)}} of the items public in each language."""
    parts = [
        model.objects.public(code)
        .order_by()
        .annotate(kind=Value(model._meta.label_lower), code=Value(code))
        .values("kind", "code")
        .annotate(n=Count("*"), lastmod=Max("updated_at"))
        for model in models
        for code in language_codes()
    ]
    rows = parts[0].union(*parts[1:], all=True) if parts else []
    found = {(row["kind"], row["code"]): (row["n"], row["lastmod"]) for row in rows}
    return {
        model: {
            code: found.get((model._meta.label_lower, code), (0, None))
            for code in language_codes()
        }
        for model in models
    }


def kept_figures(request):
    """public_figures() of every content type, made once per process and content version."""
    return fragment(request, "public figures", lambda: public_figures(content_models()))


def public_count(request, model, language):
    """How many ``model`` items are public in ``language``; None for a type the kept
    figures do not know (one registered after they were made)."""
    figures = kept_figures(request).get(model)
    return None if figures is None else figures[language][0]
