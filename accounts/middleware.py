"""Request-wide rules of the accounts app."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from core.api import error_body

from .audit_context import acting_as, actor_from_request
from .mfa import must_set_up_mfa

# Pages a person who must set up two-factor authentication can still reach.
MFA_SETUP_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "set_language",
    "healthz",
    "favicon",
    # The app's frame names no one: the worker and the manifest install as on any page.
    "service_worker",
    "web_manifest",
    "offline",
}


class AuditContextMiddleware:
    """Makes the requesting user and address available to audit records written during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(actor_from_request(request)):
            return self.get_response(request)


def is_page_navigation(request) -> bool:
    """Whether the request opens a page in the browser's window (not an image, a script's fetch,
    the browser's icon, or a form sent): only then may it be sent elsewhere.

    Browsers say so in the fetch metadata headers; without them (an old browser, a test client),
    a request that accepts HTML, or does not say what it accepts, counts as a page.
    """
    if request.method not in ("GET", "HEAD"):
        return False
    mode, destination = request.headers.get("Sec-Fetch-Mode"), request.headers.get("Sec-Fetch-Dest")
    if mode or destination:
        # The page the service worker fetches for the window keeps the "navigate" mode but goes
        # out with the destination "empty": it is still the page being opened.
        if mode == "navigate" and destination == "empty":
            return True
        return mode in (None, "navigate") and destination in (None, "document")
    accept = request.headers.get("Accept", "")
    return not accept or "text/html" in accept


class RequireMFAMiddleware:
    """Coordinators, editors and admins must have an authenticator app before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if must_set_up_mfa(request.user) and not self._is_exempt(request.path_info):
            if request.path_info.startswith("/api/"):
                body = error_body(_("Set up two-factor authentication first."), "mfa_required")
                return JsonResponse(body, status=403)
            if not is_page_navigation(request):
                # The page's own requests never land on the setup page: each visit there could
                # start the setup again behind the person's back.
                return HttpResponseForbidden(
                    _("Set up two-factor authentication first."), content_type="text/plain; charset=utf-8"
                )
            messages.warning(request, _("Your role requires two-factor authentication. Set it up to continue."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _is_exempt(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        try:
            return resolve(path).url_name in MFA_SETUP_URL_NAMES
        except Resolver404:
            return False
