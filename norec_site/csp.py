"""Content-Security-Policy: one strict policy for public pages, nonces for the admin.

Public pages are cached whole and shared by every visitor, so they carry no nonce:
they load scripts and styles from the site itself only ('self'), and inline styles
are classes. The admin is never cached; its inline import map (the prose editor's)
and the editor's own style element carry a nonce made for each response.
"""

from csp.constants import NONCE, SELF
from csp.middleware import CSPMiddleware
from js_asset import Media

ADMIN_PREFIX = "/admin/"
ADMIN_DIRECTIVES = {"script-src": [SELF, NONCE], "style-src": [SELF, NONCE]}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts


class NonceMediaAdminMixin:
    """Gives the change form's scripts (the prose editor's import map) the page's nonce."""

    def render_change_form(self, request, context, *args, **kwargs):
        media = context.get("media")
        nonce = getattr(request, "csp_nonce", None)
        if media is not None and nonce is not None:
            context["media"] = Media.from_media(media, nonce=nonce)
        return super().render_change_form(request, context, *args, **kwargs)
