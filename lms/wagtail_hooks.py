"""The Wagtail admin's part in keeping pages offline: its sign-out forgets them too."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks

from .templatetags.assets import asset_url


@hooks.register("insert_global_admin_js")
def forget_offline_copies_at_sign_out():
    """Staff read courses on the site as learners do and may keep modules there; signing out of the
    admin must leave nothing of theirs on the device, as signing out of the site does."""
    return format_html(
        '<script src="{}" data-logout="{}" defer></script>',
        asset_url("js/admin_signout.js"),
        reverse("wagtailadmin_logout"),
    )
