"""The content types the site-wide features loop over."""

from django.apps import apps

from norec_site.models import Publishable


def content_models():
    """The concrete Publishable subclasses in dependency order.

    The apps' models come in INSTALLED_APPS order, where each app follows the apps it
    links to (reports, projects, news); the site's own pages come last.
    """
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.app_config.name == "norec_site")
