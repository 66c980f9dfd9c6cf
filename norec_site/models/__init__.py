from .content_version import ContentVersion
from .drafts import Draft, Notification, ReviewEvent
from .fields import acting_user, library_image, optional_link, recorded_user, rich_text
from .images import Image, Rendition, with_renditions
from .languages import EditorPreference, TranslationStatus
from .old_addresses import SlugRedirect
from .ordered import Ordered
from .pages import MenuItem, PageRedirect, SitePage, SiteSettings
from .presence import EditingPresence
from .public import public_indexes, written_in
from .publishable import (
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    Status,
    slug_field,
    unique_per_language,
)
from .vocabulary import Organisation, Person, SustainableDevelopmentGoal, Topic

__all__ = [
    "ContentVersion",
    "Draft",
    "Notification",
    "ReviewEvent",
    "EditingPresence",
    "EditorPreference",
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
    "TranslationStatus",
    "acting_user",
    "library_image",
    "optional_link",
    "public_indexes",
    "recorded_user",
    "rich_text",
    "slug_field",
    "unique_per_language",
    "with_renditions",
    "written_in",
]
