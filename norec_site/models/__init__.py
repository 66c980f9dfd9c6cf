from .images import Image, Rendition
from .ordered import Ordered
from .pages import MenuItem, PageRedirect, SitePage, SiteSettings
from .publishable import (
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    SlugRedirect,
    Status,
)
from .vocabulary import Organisation, Person, SustainableDevelopmentGoal, Topic

__all__ = [
    "Image",
    "MenuItem",
    "Ordered",
    "Organisation",
    "PageRedirect",
    "Person",
    "Publishable",
    "PublishableManager",
    "PublishableQuerySet",
    "Rendition",
    "SitePage",
    "SiteSettings",
    "SlugRedirect",
    "Status",
    "SustainableDevelopmentGoal",
    "Topic",
]
