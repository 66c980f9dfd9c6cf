"""The admin site: Django's, with the language report, the editor's language switch and
the editors' overview on the front page."""

from django.contrib import admin
from django.urls import path

from norec_site.admin_language import set_admin_language
from norec_site.languages import LOCAL_NAMES


class NorecAdminSite(admin.AdminSite):
    def get_urls(self):
        from norec_site.language_report import language_report
        from norec_site.review_admin import review_decide, review_queue

        return [
            path("review/", self.admin_view(review_queue), name="review_queue"),
            path("review/<int:draft_id>/", self.admin_view(review_decide), name="review_decide"),
            path("language/", self.admin_view(set_admin_language), name="set_admin_language"),
            path("language-report/", self.admin_view(language_report), name="language_report"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        from norec_site.overview import overview

        context = {"overview": overview(request.user), **(extra_context or {})}
        return super().index(request, extra_context=context)

    def each_context(self, request):
        context = super().each_context(request)
        # Each language named in itself, as in the public site's switcher.
        context["admin_languages"] = list(LOCAL_NAMES.items())
        return context
