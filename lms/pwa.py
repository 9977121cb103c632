"""Cascade as an installable web app: its manifest, its service worker and the page shown offline.

The service worker is served from the site's root (not from /static/) so that its scope is the
whole site. It is the same script for everyone: what a learner keeps for offline is stored by the
page's own scripts in caches named after the person (lms/static/js/offline_modules.js for modules,
attendance.js for a trainer's sheet), never by the worker on its own initiative."""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .templatetags.assets import asset_url

THEME_COLOUR = "#0b5a8a"
BACKGROUND_COLOUR = "#ffffff"

# What every page's frame links, and the scripts of the pages kept for offline besides lessons:
# kept by the worker when it is installed, so that a page kept for offline opens with its styles,
# fonts and scripts.
SHELL_ASSETS = (
    "css/cascade.css",
    "css/fonts.css",
    "fonts/NotoSans-Regular-subset.woff2",
    "fonts/NotoSans-Bold-subset.woff2",
    "js/menu.js",
    "js/offline.js",
    "js/offline_modules.js",
    "js/lesson.js",
    # Linked by a quiz attempt's page and "Modules kept for offline", both kept to open offline.
    "js/quiz.js",
    "js/offline_quiz.js",
    "js/attendance.js",
    "icons/icon-192.png",
)

ICONS = (
    ("icons/icon-192.png", "192x192", "image/png", "any"),
    ("icons/icon-512.png", "512x512", "image/png", "any"),
    ("icons/maskable-512.png", "512x512", "image/png", "maskable"),
    ("icons/icon.svg", "any", "image/svg+xml", "any"),
)


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@require_GET
def web_manifest(request):
    """The manifest in the request's language (``?lang=``, as the page that links it asks): its
    name, description and start page, the learner's "My learning"."""
    language = translation.get_language()
    body = {
        "id": "/",
        "name": _("Cascade: training for child protection"),
        "short_name": "Cascade",
        "description": _("Cascade: training for the people who protect children in Mongolia."),
        "lang": language,
        "dir": "ltr",
        "start_url": reverse("my_learning"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": asset_url(path), "sizes": sizes, "type": kind, "purpose": purpose}
            for path, sizes, kind, purpose in ICONS
        ],
    }
    response = JsonResponse(body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-cache"
    return response


def service_worker_config() -> dict:
    offline_pages, scan_pages, scan_prefixes = {}, {}, {}
    for language in _languages():
        with translation.override(language):
            offline_pages[language] = reverse("offline")
            scan_pages[language] = reverse("attendance_scan_offline")
            scan_prefixes[language] = reverse("attendance_scan", args=["-"]).removesuffix("-/")
    return {
        "shell": [asset_url(path) for path in SHELL_ASSETS],
        "offline": offline_pages,
        # A roster code's address opened without a connection: the scan page of the shell, which
        # queues the mark (cohorts/scan_offline.html).
        "scanOffline": scan_pages,
        "scanPrefix": scan_prefixes,
        "defaultLanguage": settings.LANGUAGE_CODE,
        "staticPrefix": settings.STATIC_URL,
        "apiPrefix": "/api/",
    }


@require_GET
def service_worker(request):
    """The worker's script. Its version is the digest of what it is and what it keeps, so a new
    stylesheet or script (a new hashed name) makes a new worker, which replaces the old shell."""
    config = service_worker_config()
    script = render_to_string("lms/sw.js", {"config": json.dumps(config, sort_keys=True)})
    version = hashlib.sha256(script.encode()).hexdigest()[:12]
    response = HttpResponse(script.replace("__VERSION__", version), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Browsers check for a new worker at most once a day unless told; this keeps it fresh.
    response["Cache-Control"] = "no-cache, max-age=0"
    return response


@require_GET
def offline(request):
    """What a page that cannot be reached shows when nothing of it is kept. The worker keeps it
    fetched without cookies, so it names no one."""
    return render(request, "lms/offline.html")
