"""Events: a content type declared as the README says, and nowhere else."""

from django.db import models

from norec_site import revisions
from norec_site.models import Publishable
from norec_site.registry import Content, HomeList
from norec_site.search import search_indexes, search_vector_field

SEARCH_WEIGHTS = {"A": ["title"], "C": ["body"]}


@revisions.register()
class Event(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, blank=True)
    body = models.TextField(blank=True)
    starts_on = models.DateField()
    search_nn = search_vector_field("nn", SEARCH_WEIGHTS)
    search_nb = search_vector_field("nb", SEARCH_WEIGHTS)
    search_en = search_vector_field("en", SEARCH_WEIGHTS)

    language_fields = ("title", "body")
    rich_text_fields = ("body",)
    url_name = "events:detail"
    content = Content(
        key="events",
        label="Event",
        plural="Events",
        position=50,
        snippet_fields=("body",),
        search_date="starts_on",
        home=HomeList("extra_content/home_events.html", "latest_events", count=2),
        index_url_name="events:index",
    )

    class Meta(Publishable.Meta):
        constraints = Publishable.slug_constraints("extra_content_event")
        indexes = [*Publishable.Meta.indexes, *search_indexes("extra_content_event")]
