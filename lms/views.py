from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail import views as wagtail_views

from accounts.services import user_set_language
from courses.routing import route_for_request

from .health import UNAVAILABLE, health_details_allowed, system_health
from .languages import landing_for, language_name
from .middleware import SUPPORTED_LANGUAGES


@never_cache
@require_GET
def healthz(request):
    """Up or not, with the code a load balancer reads, for everyone; how each part is set up (engines,
    backends, worker host names) only from the internal network or for signed-in staff.

    A cache or task queue that is down leaves the site serving from the database ("degraded"), and
    every web process would say so at once: 200, so that the load balancer keeps them all. Only
    without the database is a process of no use (503)."""
    status, checks = system_health()
    body = {"status": status}
    if health_details_allowed(request):
        body["checks"] = checks
    return JsonResponse(body, status=503 if status == UNAVAILABLE else 200)


@require_POST
def set_language(request):
    """Switch language: land on the same page in it, remember the choice in the profile and a cookie."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if language not in SUPPORTED_LANGUAGES:
        messages.error(request, _("That language is not available."))
        return HttpResponseRedirect(next_url)
    landing = landing_for(request, next_url, language)
    translation.activate(language)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language)
    if landing.is_fallback:
        messages.info(
            request,
            _("This page is not yet available in %(language)s. You are on the nearest page that is.")
            % {"language": language_name(language)},
        )
    response = HttpResponseRedirect(landing.url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


FAVICON = settings.BASE_DIR / "lms" / "static" / "favicon.ico"


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    """The site's icon where browsers look for it without being told, so that their request for it
    finds an icon rather than a page."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")


def serve_page(request, path):
    """Wagtail's page view (privacy, hooks, a page's own ``serve``), its route found through the
    tree cache rather than with a site and locale look-up on every request."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
