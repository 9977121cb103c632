from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.urls import account_urlpatterns
from certificates.urls import public_urlpatterns as certificate_public_urls

from . import pwa, views
from .api import api

# Wagtail's own addresses, its pages served by Cascade's view of them (``views.serve_page``).
wagtail_pages = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
wagtail_pages.append(re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"))

# Addresses without a language prefix: machines, links printed on paper, and the accounts pages.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # The app's manifest and its service worker, at the root so that the worker's scope is the site.
    path("manifest.webmanifest", pwa.web_manifest, name="web_manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("api/v1/", api.urls),
    path("language/", views.set_language, name="set_language"),
    # The Wagtail admin signs people in through allauth (rate limits, MFA, audit).
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include(account_urlpatterns)),
    path("accounts/", include("allauth.urls")),
    path("", include(certificate_public_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("cohorts.urls")),
    path("", include("certificates.urls")),
    path("", include("reports.urls")),
    path("", include("core.urls")),
    path("offline/", pwa.offline, name="offline"),
    # Wagtail's login for pages restricted to signed-in people is Django's own LoginView: the
    # password alone, no second factor, no attempt limit. It is shadowed here by allauth's.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's catch-all comes last.
    path("", include(wagtail_pages)),
    prefix_default_language=True,
)
