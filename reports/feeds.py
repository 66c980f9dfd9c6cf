"""RSS 2.0 and Atom feeds of the latest reports, one per language, each with its PDF."""

from django.utils.feedgenerator import Enclosure
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from norec_site.feeds import AtomFeedMixin, PublishableFeed
from reports.models import Report


class ReportFeed(PublishableFeed):
    """New reports in the page's language, newest first, each with its PDF."""

    model = Report
    index_url_name = "reports:index"
    feed_url_name = "reports:feed"
    guid_prefix = "report"

    def title(self):
        return _("Norec: reports")

    def description(self):
        return _("New reports and publications from Norec.")

    def get_queryset(self):
        return super().get_queryset().select_related("series").prefetch_related("files")

    def item_description(self, item):
        return Truncator(strip_tags(item.summary)).words(80)

    def item_categories(self, item):
        return [item.series.name] if item.series else []

    def item_enclosures(self, item):
        main_file = item.file_for()
        if main_file is None:
            return []
        url = self.request.build_absolute_uri(main_file.get_absolute_url())
        return [Enclosure(url, str(main_file.size), "application/pdf")]

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None


class ReportAtomFeed(AtomFeedMixin, ReportFeed):
    feed_url_name = "reports:feed_atom"
