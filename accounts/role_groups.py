"""The groups behind the roles, and what the Wagtail admin lets each do. Kept in step after every
``migrate`` (see ``AccountsConfig.ready``), so a fresh database and an old one end up the same.

What a role may do with an app's own models is declared by that app, in its ``AppConfig`` as
``role_permissions`` (role → codenames of the app's permissions), and collected here through the
app registry: accounts names no app above it."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from . import roles

# Editors write and translate courses and question banks in the Wagtail admin.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
# Wagtail's own: the admin, and submitting a page for translation.
EDITOR_WAGTAIL_PERMISSIONS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
WAGTAIL_APPS = ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtail_localize")


def declared_permissions(apps_registry) -> dict[str, list[tuple[str, str]]]:
    """Each role's permissions on the project's models, (app label, codename), as the apps declare them."""
    found: dict[str, list[tuple[str, str]]] = {}
    for config in apps_registry.get_app_configs():
        for role, codenames in getattr(config, "role_permissions", {}).items():
            found.setdefault(role, []).extend((config.label, codename) for codename in codenames)
    return found


def role_permissions(apps_registry) -> dict[str, list[tuple[str, str]]]:
    """Each role group's model permissions: Wagtail's for editors, and what the apps declare."""
    found = declared_permissions(apps_registry)
    found[roles.EDITOR] = [*EDITOR_WAGTAIL_PERMISSIONS, *found.get(roles.EDITOR, [])]
    return found


def sync_role_groups(apps_registry, verbosity: int = 0) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    # Permissions are created by post_migrate too, app by app; make sure the ones we hand out exist.
    granted = role_permissions(apps_registry)
    for app_label in dict.fromkeys([*WAGTAIL_APPS, *(label for pairs in granted.values() for label, _ in pairs)]):
        create_permissions(apps_registry.get_app_config(app_label), verbosity=verbosity)

    # wagtail-localize creates this one in a data migration, so a flushed test database lacks it.
    translation_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.GROUP_ROLES}
    for role, pairs in granted.items():
        for app_label, codename in pairs:
            groups[role].permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    editors = groups[roles.EDITOR]

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=editors, page=root_page, permission=permission)

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=root_collection, permission=permission
                )
