"""Editor groups, made by migrations: each app adds its models' permissions."""

from django.contrib.auth.management import create_permissions


def grant(apps, group_name, app_label, model_names, actions=("add", "change", "delete", "view")):
    """Give ``group_name`` the ``actions`` on ``app_label``'s ``model_names``.

    Permissions are normally made after all migrations; make them now so a
    migration can hand them out.
    """
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Missing permissions for {group_name}: {sorted(missing)}")
    group.permissions.add(*permissions)


COMMUNICATIONS = "Communications"
REPORT_ADMINISTRATORS = "Report administrators"
PROJECT_EDITORS = "Project editors"
