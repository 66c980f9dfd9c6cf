"""Keep the facet columns current however partners, goals or organisations change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from norec_site.models import Organisation

from .models import Partnership, Project
from .services import refresh_facets


@receiver(post_save, sender=Partnership)
@receiver(post_delete, sender=Partnership)
def partner_changed(sender, instance, **kwargs):
    refresh_facets(instance.project_id)


@receiver(m2m_changed, sender=Project.sdgs.through)
def goals_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        refresh_facets(instance.pk)
        return
    for project_id in pk_set or ():
        refresh_facets(project_id)


@receiver(post_save, sender=Organisation)
def organisation_changed(sender, instance, raw=False, **kwargs):
    """An organisation's kind is a project's sector: refresh the projects it takes part in."""
    if raw:
        return
    for project_id in instance.partnerships.values_list("project_id", flat=True).distinct():
        refresh_facets(project_id)
