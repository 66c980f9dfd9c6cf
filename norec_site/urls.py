from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from norec_site import views
from norec_site.sitemaps import sitemaps

admin.site.site_header = _("Norec: content administration")
admin.site.site_title = _("Norec admin")
admin.site.index_title = _("Content")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
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

handler400 = "norec_site.views.bad_request"
handler404 = "norec_site.views.page_not_found"
handler500 = "norec_site.views.server_error"
