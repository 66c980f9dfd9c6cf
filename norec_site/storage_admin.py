"""Admin pages that write files: an object-store failure is a form error, never a 500."""

from norec_site.object_storage import StorageUnavailable
from norec_site.storage import atomic_with_files


class StorageErrorsAsFormErrors:
    """Mix into a ModelAdmin whose save writes files (pictures, report PDFs).

    The whole save, inlines included, is one transaction whose files are deleted if
    it fails. When the store fails, the form is shown again with the editor's input
    and the store's error at the top, and no row is left.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with atomic_with_files():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except StorageUnavailable as error:
            if request.method != "POST":
                raise
            # Validate the same input again, this time with the store's error in the form.
            request.norec_storage_error = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        error = getattr(request, "norec_storage_error", None)
        if error is None:
            return form

        class FormWithStorageError(form):
            def clean(self):
                cleaned = super().clean()
                self.add_error(None, error)
                return cleaned

        return FormWithStorageError
