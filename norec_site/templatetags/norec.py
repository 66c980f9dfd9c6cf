"""Template helpers shared by every app: pictures, absolute links, structured data."""

from django import template
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def picture(image, ratio="", sizes="100vw", css_class="", loading="lazy", alt=None):
    """An <img> with srcset from the image's stored renditions (prefetch them).

    ``ratio`` is "" (original shape), "16x9" or "1x1". Empty alt text is only
    right for decorative pictures; by default the image's own alt is used.
    """
    if image is None:
        return ""
    renditions = image.renditions_for(ratio)
    if not renditions:
        return ""
    largest = renditions[-1]
    fallback = next((r for r in renditions if r.width >= 640), largest)
    srcset = ", ".join(f"{r.file.url} {r.width}w" for r in renditions)
    language = get_language()
    alt_language = language
    if alt is None:
        alt, alt_language = image.alt_for(language)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} class="{}" '
        'loading="{}" decoding="async">',
        fallback.file.url,
        srcset,
        sizes,
        fallback.width,
        fallback.height,
        alt,
        format_html(' lang="{}"', alt_language) if alt_language != language else "",
        css_class,
        loading,
    )


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """An absolute URL for feeds, canonical links and social cards."""
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def share_image_url(context, image):
    """The 1280-wide 16:9 rendition (or the largest) as an absolute URL."""
    if image is None:
        return ""
    renditions = image.renditions_for("16x9") or image.renditions_for("")
    if not renditions:
        return ""
    return absolute(context, renditions[-1].file.url)


@register.simple_tag
def json_ld(data):
    """schema.org data as a <script>, escaped so that no text can close the tag."""
    script = json_script(data)
    return mark_safe(  # noqa: S308 - json_script escapes <, > and & inside
        script.replace('<script type="application/json">', '<script type="application/ld+json">')
    )


def query_string(query, **changes):
    """``query`` with some parameters changed (None or "" removes one) and without
    ``page`` unless it is among them: "?a=1&b=2", or "" when nothing is left."""
    query = query.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed; None removes one."""
    return query_string(context["request"].GET, **changes) or "?"


class ScrollableNode(template.Node):
    def __init__(self, label, nodelist):
        self.label, self.nodelist = label, nodelist

    def render(self, context):
        return format_html(
            '<div class="scroll-box" role="region" tabindex="0" aria-label="{}">{}</div>',
            self.label.resolve(context),
            # The template's own rendered output, already escaped by the template engine.
            mark_safe(self.nodelist.render(context)),  # noqa: S308
        )


@register.tag
def scrollable(parser, token):
    """``{% scrollable label %}…{% endscrollable %}``: a box that scrolls sideways on
    phones, reachable with the keyboard (focusable) and named for screen readers.

    Wide tables go in one of these; no other element of the site scrolls.
    """
    try:
        _tag, label = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("{% scrollable %} takes one label") from error
    nodelist = parser.parse(("endscrollable",))
    parser.delete_first_token()
    return ScrollableNode(parser.compile_filter(label), nodelist)
