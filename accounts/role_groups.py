"""The groups behind the roles, and what the Wagtail admin lets each do. Kept in step after every
``migrate`` (see ``AccountsConfig.ready``), so a fresh database and an old one end up the same."""

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
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    # The question bank (snippets in the admin, and its import page).
    *[
        ("assessments", f"{action}_{model}")
        for model in ("question", "questioncategory")
        for action in ("view", "add", "change")
    ],
    # Whom learners can call beside content notes: contacts (snippets) and the site's choice (a setting).
    *[("courses", f"{action}_supportcontact") for action in ("view", "add", "change")],
    ("courses", "change_supportsettings"),
    # Certification rules and certificate templates (snippets).
    *[
        ("certificates", f"{action}_{model}")
        for model in ("certificationrule", "certificatetemplate")
        for action in ("view", "add", "change")
    ],
]


def sync_role_groups(apps_registry, verbosity: int = 0) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    # Permissions are created by post_migrate too, app by app; make sure the ones we hand out exist.
    for app_label in (
        "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtail_localize", "courses", "assessments",
        "certificates",
    ):  # fmt: skip
        create_permissions(apps_registry.get_app_config(app_label), verbosity=verbosity)

    # wagtail-localize creates this one in a data migration, so a flushed test database lacks it.
    translation_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.GROUP_ROLES}
    editors = groups[roles.EDITOR]
    for app_label, codename in EDITOR_MODEL_PERMISSIONS:
        editors.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))

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
