"""The HTTP API, mounted at /api/v1/. Each app contributes a router from its ``api.py``.

It answers in the language of ``?lang=`` or Accept-Language (see ``lms.middleware``).
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from accounts.api import router as accounts_router

api = NinjaAPI(
    title="Cascade API",
    version="1",
    description="Cascade learning management system. Answers in Mongolian (default) or English: "
    "send Accept-Language or ?lang=mn|en.",
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/", accounts_router)
