"""Request-wide rules of the accounts app."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from core.api import error_body

from . import roles
from .audit_context import acting_as, actor_from_request

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
}


class AuditContextMiddleware:
    """Makes the requesting user and address available to audit records written during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(actor_from_request(request)):
            return self.get_response(request)


def must_set_up_mfa(user) -> bool:
    required = set(settings.CASCADE_MFA_REQUIRED_ROLES)
    if not getattr(user, "is_authenticated", False) or not (roles.roles_of(user) & required):
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


class RequireMFAMiddleware:
    """Coordinators, editors and admins must have an authenticator app before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if must_set_up_mfa(request.user) and not self._is_exempt(request.path_info):
            if request.path_info.startswith("/api/"):
                body = error_body(_("Set up two-factor authentication first."), "mfa_required")
                return JsonResponse(body, status=403)
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
