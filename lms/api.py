"""The HTTP API, mounted at /api/v1/. Each app contributes a router from its ``api.py``.

It answers in the language of ``?lang=`` or Accept-Language (see ``lms.middleware``).
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from accounts.api import router as accounts_router
from accounts.api_auth import PersonalTokenAuth
from assessments.api import router as assessments_router
from certificates.api import router as certificates_router
from cohorts.api import router as cohorts_router
from core.api import install_error_handlers
from courses.api import router as courses_router
from reports.api import router as reports_router

api = NinjaAPI(
    title="Cascade API",
    version="1",
    description="Cascade learning management system. Answers in Mongolian (default) or English: "
    "send Accept-Language or ?lang=mn|en.",
    # The browser's session (with its CSRF token), or a personal token (Wagtail's APIToken,
    # made with `manage.py api_tokens`) for an offline or mobile client, refused like a sign-in
    # would be for staff without a second factor. The token is tried first: the session's CSRF
    # check refuses a write outright, so after it an app could never write. A browser never sends
    # the Authorization header by itself, so the token needs no CSRF token; a wrong one makes the
    # caller anonymous, and the session is then refused too.
    auth=[PersonalTokenAuth(), django_auth],
    urls_namespace="api",
)
# Every refusal, ninja's own included, answers the one error shape the operations declare.
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", courses_router)
api.add_router("/", assessments_router)
api.add_router("/", cohorts_router)
api.add_router("/", certificates_router)
api.add_router("/", reports_router)
