"""Reverting to an old revision changes the content, never who may publish it.

django-reversion's revision and recover pages write the old revision into the row,
then run the change form on it. That brought back the old publishing state (a
writer without the publish permission could put an unpublished item back on the
site, or move its unpublish time) and the old edit-conflict counter (which let a
stale form overwrite the revert). The live values are put back before the form
reads the row; a recovered item is a draft unless its recoverer may publish.
"""

from django.contrib.admin.utils import unquote

from norec_site.models import Status


class RevertKeepsLiveState:
    """For a ``PublishableAdmin``: goes before reversion's ``VersionAdmin``."""

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        fields = ["version"]
        if not self.has_publish_permission(request):
            fields += list(self.publishing_fields)
        live = self.model._base_manager.filter(pk=version.object_id).values(*fields).first()
        if live is None and "status" in fields:
            live = {"status": Status.DRAFT}  # recovering a deleted item
        request.norec_live_state = live or {}
        return super()._reversion_revisionform_view(request, version, template_name, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Inside reversion's transaction, after its revert: rolled back with it.
        live = getattr(request, "norec_live_state", None)
        if live and object_id:
            self.model._base_manager.filter(pk=unquote(object_id)).update(**live)
        return super().changeform_view(request, object_id, form_url, extra_context)
