"""What every page's frame needs: the language switcher and the navigation a role may use.

Templates get booleans and ready links; the role logic stays in ``accounts.permissions``.
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts import permissions, roles
from assessments import permissions as assessment_permissions
from certificates import permissions as certificate_permissions
from cohorts import permissions as cohort_permissions
from core.low_data import low_data
from courses.models import CourseIndexPage
from courses.page_cache import cached_upper
from reports import permissions as report_permissions


def _navigation(user) -> dict:
    return {
        "people": permissions.can_list_people(user),
        "audit_log": permissions.can_read_audit_log(user),
        "wagtail_admin": permissions.can_use_wagtail_admin(user),
        "marking": assessment_permissions.can_mark(user),
        "cohorts": cohort_permissions.can_list_cohorts(user),
        "cascade": roles.has_role(user, roles.MASTER_TRAINER),
        "authorisations": cohort_permissions.can_grant_authorisations(user),
        "certificates": certificate_permissions.can_list_certificates(user),
        "reports": report_permissions.can_view_reports(user),
        "signup": settings.CASCADE_SELF_SIGNUP,
    }


# The signed-in user's menu, in order: (the ``_navigation`` flag that shows it, or None for
# everyone signed in; URL name; label; group). The header keeps one row at a desktop's width for
# every role (the admin has ten places, in Mongolian's longer words): the places of daily work
# stand in the row, a role's occasional tools fold under "More", and the person's own pages
# under "Account", next to signing out.
MAIN, MORE, ACCOUNT = "main", "more", "account"
MENU = [
    (None, "my_learning", _("My learning"), MAIN),
    ("cohorts", "cohort_index", _("Cohorts"), MAIN),
    # The page's own title is longer in Mongolian ("the trainers I prepared"): too long for the row.
    ("cascade", "cascade", pgettext_lazy("menu", "My cascade"), MAIN),
    ("marking", "marking_queue", _("Answers to mark"), MORE),
    ("authorisations", "authorisations", _("Authorisations"), MORE),
    ("certificates", "certificate_list", _("Certificates"), MORE),
    ("reports", "reports", _("Reports"), MORE),
    ("people", "people", _("People"), MORE),
    ("audit_log", "audit_log", _("Audit log"), MORE),
    ("wagtail_admin", "wagtailadmin_home", _("Edit courses"), MORE),
    (None, "my_certificates", _("My certificates"), ACCOUNT),
    (None, "profile", _("My profile"), ACCOUNT),
]


@lru_cache(maxsize=256)
def _menu_links(language: str, script_prefix: str, shown: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    # Every page draws the menu: its addresses and labels are worked out once per language and role
    # mix, not with a URL lookup and a translation per link per request. (The script prefix is part
    # of every address reverse() gives.)
    return tuple(
        (reverse(name), str(label), group) for flag, name, label, group in MENU if flag is None or flag in shown
    )


def _forget_menu(*, setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES"}:
        _menu_links.cache_clear()


setting_changed.connect(_forget_menu, dispatch_uid="lms.context_processors.menu")


def menu_links(nav: dict, path: str) -> dict[str, list[dict]]:
    """The signed-in person's menu links by group (MAIN, MORE, ACCOUNT), the page being read marked."""
    shown = frozenset(flag for flag, on in nav.items() if on)
    groups: dict[str, list[dict]] = {MAIN: [], MORE: [], ACCOUNT: []}
    for url, label, group in _menu_links(translation.get_language(), get_script_prefix(), shown):
        groups[group].append({"url": url, "label": label, "current": url == path})
    return groups


def catalogue_url(language: str) -> str:
    """The course catalogue's address in ``language``: a fact of the upper page tree, cached with
    it (not worked out again when a lesson is published)."""
    return cached_upper("catalogue-url", language, lambda: _catalogue_url(language))


def _catalogue_url(language: str) -> str:
    page = CourseIndexPage.objects.live().filter(locale__language_code=language).first()
    return page.url if page else ""


def site_chrome(request) -> dict:
    current = translation.get_language()
    user = getattr(request, "user", None)
    nav = SimpleLazyObject(lambda: _navigation(user))
    return {
        "language_options": [
            {"code": code, "name": name, "is_current": code == current} for code, name in settings.LANGUAGES
        ],
        "nav": nav,
        "menu_links": SimpleLazyObject(lambda: menu_links(nav, request.path)),
        # Plain text, not a lazy object: the header reads it twice on every page.
        "catalogue_url": catalogue_url(current),
        # Read only by templates that draw differently with it (base.html does): reading it adds
        # "Vary: Save-Data" to the answer.
        "low_data": low_data(request),
    }
