"""Project-wide middleware: the session's idle timeout, the language of a request, the
Content-Security-Policy, keeping personal answers out of every cache, and low-data mode."""

import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from core.low_data import LowData

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
UNPREFIXED_FOR_MACHINES = ("/api/", "/healthz", "/verify/", "/credentials/")

# When a session last had its expiry moved (seconds since the epoch), kept in the session itself:
# no session backend tells its expiry date without another read.
SESSION_TOUCHED_KEY = "_cascade_touched"
# How far an idle expiry may lag behind the last request before it is moved.
SESSION_TOUCH_INTERVAL = 60


class IdleSessionMiddleware(SessionMiddleware):
    """Django's SessionMiddleware with an idle timeout that does not write on every request.

    A session lives ``SESSION_COOKIE_AGE`` (``SESSION_IDLE_MINUTES``) past the last request.
    Django's ``SESSION_SAVE_EVERY_REQUEST`` keeps that exactly by saving the session (three queries
    and a cache write) and sending its cookie again on every request. Here the session is saved only
    when its expiry would move by more than ``SESSION_TOUCH_INTERVAL``: a session idle for
    ``SESSION_IDLE_MINUTES`` has expired, one idle for a minute less has not. Only a session that
    holds something (someone signed in, a form's step) is kept alive: a visitor without one gets
    none, as before."""

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.session_key and response.status_code != 500:
            now = int(time.time())
            accessed = session.accessed
            touched = session.get(SESSION_TOUCHED_KEY)  # reads the session: a request keeps it alive
            holds_something = bool(session.keys() - {SESSION_TOUCHED_KEY})
            # The answer does not depend on this read: it must not add "Vary: Cookie" to it.
            session.accessed = accessed
            if holds_something and (not isinstance(touched, int) or not 0 <= now - touched < SESSION_TOUCH_INTERVAL):
                session[SESSION_TOUCHED_KEY] = now  # modified: Django saves it with a new expiry
        return super().process_response(request, response)


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


class PrivateResponsesMiddleware:
    """Whatever answers a signed-in person (by session or API token) is theirs: certificates,
    exports, progress, pages with their name. ``private, no-store`` keeps it out of shared caches
    (an office proxy, a CDN) and off the disk of a shared computer, in one place rather than on
    every view. A view that declares its answer public (the issuer's key, revocation lists) keeps
    that: it is the same for everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.personal(request) and not self.declared_public(response):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def personal(request) -> bool:
        # Read after the view: an API token signs its request in only there.
        user = getattr(request, "user", None)
        return getattr(user, "is_authenticated", False) or "HTTP_AUTHORIZATION" in request.META

    @staticmethod
    def declared_public(response) -> bool:
        directives = cc_delim_re.split(response.get("Cache-Control", ""))
        return any(directive.strip().lower() == "public" for directive in directives)


class LowDataMiddleware:
    """Gives each request its low-data state (``request.low_data``, see ``core.low_data``). An
    answer that looked at it differs with the ``Save-Data`` header: ``Vary: Save-Data`` tells any
    cache so. Cache-Control is left as the other middleware set it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.low_data = LowData(request)
        response = self.get_response(request)
        if request.low_data.read:
            patch_vary_headers(response, ("Save-Data",))
        return response
