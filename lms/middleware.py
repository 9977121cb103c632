"""Project-wide middleware: the language of a request and the Content-Security-Policy."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
UNPREFIXED_FOR_MACHINES = ("/api/", "/healthz", "/verify/", "/credentials/")


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with Cascade's order of precedence.

    An address under /mn/ or /en/ is in that language. Elsewhere: ``?lang=``; for the API, then the
    Accept-Language header; then the signed-in user's preferred language; then the language cookie
    set by the switcher; then Mongolian. Pages do not follow the browser's Accept-Language, because
    Mongolian is the first language of the interface even on browsers set up in English.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info) or self.unprefixed_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Machines' addresses never move under a language prefix, even when they answer 404.
        if request.path_info.startswith(UNPREFIXED_FOR_MACHINES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

    @staticmethod
    def unprefixed_language(request) -> str:
        candidates = [request.GET.get("lang")]
        if request.path_info.startswith("/api/"):
            header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
            candidates += [code.split("-")[0].lower() for code, _quality in parse_accept_lang_header(header)]
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False):
            candidates.append(user.preferred_language)
        candidates.append(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        return next((code for code in candidates if code in SUPPORTED_LANGUAGES), settings.LANGUAGE_CODE)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy everywhere, relaxed only for the Wagtail admin, which needs inline code."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/") and parts.config is None:
            parts.config = settings.CASCADE_ADMIN_CSP_DIRECTIVES
        return parts
