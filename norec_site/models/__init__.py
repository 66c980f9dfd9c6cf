from .images import Image, Rendition
from .languages import EditorPreference, TranslationStatus
from .ordered import Ordered
from .presence import EditingPresence
from .publishable import (
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    SlugRedirect,
    Status,
)
from .vocabulary import Organisation, Person, SustainableDevelopmentGoal, Topic

__all__ = [
    "EditingPresence",
    "EditorPreference",
    "Image",
    "Ordered",
    "Organisation",
    "Person",
    "Publishable",
    "PublishableManager",
    "PublishableQuerySet",
    "Rendition",
    "SlugRedirect",
    "Status",
    "SustainableDevelopmentGoal",
    "Topic",
    "TranslationStatus",
]
