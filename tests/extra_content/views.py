from norec_site.views import PublishableDetailView, PublishableListView

from .models import Event


class EventList(PublishableListView):
    model = Event
    template_name = "extra_content/events.html"


class EventDetail(PublishableDetailView):
    model = Event
    template_name = "extra_content/events.html"
