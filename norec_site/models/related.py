"""Links between pieces of content, read in both directions.

A link is declared once, as a many-to-many field on the pointing side (an
article names related reports and projects, a project names related reports);
the other side reads it through Django's reverse relation. No app needs to
know which others point to it.
"""

from typing import NamedTuple

from django.db.models import Value
from django.urls import reverse
from django.utils.translation import override


class RelatedLink(NamedTuple):
    title: str
    url: str
    published_at: object


def link_url(model, language, value):
    """The detail address of a ``model`` item whose URL field in ``language`` is ``value``."""
    from norec_site.models.publishable import detail_url  # publishable imports this module

    if model.url_field == "slug":
        return detail_url(model.url_name, language, value)
    with override(language):
        return reverse(model.url_name, kwargs={model.url_field: value})


class Related:
    """Mixin of ``Publishable``: the content this item links to and that links to it."""

    @classmethod
    def content_relations(cls, pointing_here_only=False):
        """(accessor, model) of each many-to-many link between this model and other content,
        both the fields it declares and the reverse relations of those that point to it."""
        relations = []
        for field in cls._meta.get_fields():
            if not field.many_to_many or not issubclass(field.related_model, Related):
                continue
            pointing_here = field.auto_created and not field.concrete
            if pointing_here:
                relations.append((field.get_accessor_name(), field.related_model))
            elif not pointing_here_only:
                relations.append((field.name, field.related_model))
        return relations

    def linked_from(self):
        """Every item, in any state, whose links point to this one: what deleting it breaks."""
        return [
            item
            for accessor, _model in self.content_relations(pointing_here_only=True)
            for item in getattr(self, accessor).all()
        ]

    def related_public(self, language, limit=None):
        """{model name: [RelatedLink, newest first]} of the public items in ``language`` linked
        to this one either way; at most ``limit`` of each kind.

        One query whatever the number of relations (a UNION) or of items.
        """
        relations = self.content_relations()
        parts = []
        for kind, (accessor, model) in enumerate(relations):
            items = getattr(self, accessor).public(language).annotate(kind=Value(kind))
            items = items.order_by("-published_at") if limit else items.order_by()
            url_column = f"{model.url_field}_{language}"
            parts.append(
                items.values_list("kind", "published_at", f"title_{language}", url_column)[:limit]
            )
        found = {model._meta.model_name: [] for _accessor, model in relations}
        if not parts:
            return found
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for kind, published_at, title, slug in rows:
            model = relations[kind][1]
            url = link_url(model, language, slug)
            found[model._meta.model_name].append(RelatedLink(title, url, published_at))
        for links in found.values():
            links.sort(key=lambda link: link.published_at, reverse=True)
        return found
