"""Telling editors about review steps: a line in their overview and an e-mail.

E-mail goes through Django's mail settings (the console backend in development). The
text is in each recipient's admin language.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation

from norec_site.admin_language import admin_language
from norec_site.models import Notification

logger = logging.getLogger(__name__)


def notify(users, message, link=""):
    """``message(user)`` (called in each user's language) to each of ``users``."""
    made = []
    for user in {user.pk: user for user in users if user is not None}.values():
        with translation.override(admin_language(user)):
            text = str(message())
        made.append(Notification.objects.create(user=user, text=text[:500], link=link))
        if user.email:
            url = f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{link}" if link else ""
            try:
                send_mail(text[:200], f"{text}\n\n{url}".strip(), None, [user.email])
            except OSError:  # the mail server is down: the overview line is enough
                logger.exception("Could not send a review notification")
    return made


def unread_for(user):
    """The user's unread notifications, newest first."""
    return list(Notification.objects.filter(user=user, read=False).order_by("-created_at"))


def mark_read(user, ids=None):
    rows = Notification.objects.filter(user=user, read=False)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read=True)
