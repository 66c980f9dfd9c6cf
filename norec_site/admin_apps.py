from django.contrib.admin.apps import AdminConfig


class NorecAdminConfig(AdminConfig):
    """Django's admin, on a site that adds the language report and language switch."""

    default_site = "norec_site.admin_site.NorecAdminSite"
