"""What every page's frame needs: the language switcher and the navigation a role may use.

Templates get booleans; the role logic stays in ``accounts.permissions``.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from accounts import permissions, roles
from assessments import permissions as assessment_permissions
from certificates import permissions as certificate_permissions
from cohorts import permissions as cohort_permissions
from courses.models import CourseIndexPage


def _navigation(user) -> dict:
    return {
        "people": permissions.can_list_people(user),
        "audit_log": permissions.can_read_audit_log(user),
        "wagtail_admin": permissions.can_use_wagtail_admin(user),
        "marking": assessment_permissions.can_mark(user),
        "cohorts": cohort_permissions.can_see_cohorts(user),
        "cascade": roles.has_role(user, roles.MASTER_TRAINER),
        "authorisations": cohort_permissions.can_grant_authorisations(user),
        "certificates": certificate_permissions.can_list_certificates(user),
        "signup": settings.CASCADE_SELF_SIGNUP,
    }


def catalogue_url(language: str) -> str:
    """The course catalogue's address in ``language``; cached, since the header shows it on every page."""
    key = f"cascade:catalogue-url:{language}"
    url = cache.get(key)
    if url is None:
        page = CourseIndexPage.objects.live().filter(locale__language_code=language).first()
        url = page.url if page else ""
        cache.set(key, url, 600)
    return url


def site_chrome(request) -> dict:
    current = translation.get_language()
    user = getattr(request, "user", None)
    return {
        "language_options": [
            {"code": code, "name": name, "is_current": code == current} for code, name in settings.LANGUAGES
        ],
        "nav": SimpleLazyObject(lambda: _navigation(user)),
        "catalogue_url": SimpleLazyObject(lambda: catalogue_url(current)),
    }
