from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from norec_site import adminguards, twofactor, views
from norec_site.sitemaps import sitemap_section, sitemap_xml

admin.site.site_header = _("Norec: content administration")
admin.site.site_title = _("Norec admin")
admin.site.index_title = _("Content")
admin.site.login_form = twofactor.TwoFactorAuthenticationForm

urlpatterns = [
    # Before the admin's own: its view-on-site shortcut redirects any staff to any draft.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(adminguards.view_on_site),
    ),
    path("admin/two-factor/", admin.site.admin_view(twofactor.setup), name="two_factor_setup"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("search/"), views.search, name="search"),
    path(_("news/"), include("news.urls")),
    path(_("reports/"), include("reports.urls")),
    path(_("projects/"), include("projects.urls")),
    path("", include("norec_site.pages.urls")),  # site pages: after every other route
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = "norec_site.errors.bad_request"
handler404 = "norec_site.errors.page_not_found"
handler500 = "norec_site.errors.server_error"
