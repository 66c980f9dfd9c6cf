"""The projects section of the home page."""

from django.utils.translation import get_language

from .models import Project


def latest_projects(language=None, count=3):
    """The projects that started most recently, in ``language``, ready for project cards.

    The home page passes this list as ``latest_projects`` to
    projects/includes/home_projects.html.
    """
    projects = Project.objects.public(language or get_language()).for_cards()
    return list(projects.order_by("-start_date", "pk")[:count])
