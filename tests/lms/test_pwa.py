"""Cascade as an installable app: the manifest in each language, the service worker's address,
headers and scope, the offline page, and what every page links."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from lms.pwa import SHELL_ASSETS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name", "start"),
    [
        ("mn", "Cascade: хүүхэд хамгааллын сургалт", "/mn/learning/"),
        ("en", "Cascade: training for child protection", "/en/learning/"),
    ],
)
def test_the_manifest_speaks_the_pages_language_and_starts_at_my_learning(client, language, name, start):
    response = client.get(f"/manifest.webmanifest?lang={language}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == language
    assert manifest["name"] == name
    assert manifest["start_url"] == start
    assert manifest["scope"] == "/"
    assert manifest["id"] == "/"  # one app, whichever language installed it
    assert manifest["display"] == "standalone"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_a_signed_in_persons_manifest_follows_their_language(client):
    client.force_login(UserFactory(preferred_language="en"))
    assert json.loads(client.get("/manifest.webmanifest").content)["start_url"] == "/en/learning/"


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives & {"no-cache", "no-store"}
    assert "public" not in directives


def test_the_service_worker_keeps_the_shell_and_the_offline_pages_and_never_the_api(client):
    script = client.get("/sw.js").content.decode()
    config = json.loads(re.search(r"^const CONFIG = (.*);$", script, re.M).group(1))
    assert config["shell"] == [f"/static/{path}" for path in SHELL_ASSETS]
    assert config["offline"] == {"mn": "/mn/offline/", "en": "/en/offline/"}
    assert config["scanOffline"] == {"mn": "/mn/attendance/scan-offline/", "en": "/en/attendance/scan-offline/"}
    assert config["scanPrefix"] == {"mn": "/mn/attendance/scan/", "en": "/en/attendance/scan/"}
    assert config["apiPrefix"] == "/api/"
    version = re.search(r'const SHELL = "cascade-shell-(\w+)";', script).group(1)
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert client.get("/sw.js").content.decode() == script  # the same worker for everyone, every time
    for path in SHELL_ASSETS:
        assert finders.find(path), path


@pytest.mark.parametrize(("language", "heading"), [("mn", "Холболт алга"), ("en", "No connection")])
def test_the_offline_page_in_each_language(client, language, heading):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


def test_every_page_links_the_manifest_the_worker_and_who_is_signed_in(client):
    person = UserFactory()
    page = client.get("/en/offline/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=en">' in page
    assert '<meta name="theme-color" content="#0b5a8a">' in page
    assert '<meta name="cascade-user" content="">' in page
    assert 'data-service-worker="/sw.js"' in page
    client.force_login(person)
    page = client.get("/mn/offline/").content.decode()
    assert f'<meta name="cascade-user" content="{person.pk}">' in page


def test_with_hashed_static_names_the_worker_keeps_the_files_collected(client, tmp_path, settings):
    """Production serves static files under hashed names (a manifest storage): the worker keeps
    those very files, so a new stylesheet makes a new worker and a new shell."""
    from django.core.management import call_command

    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    script = client.get("/sw.js").content.decode()
    shell = json.loads(re.search(r"^const CONFIG = (.*);$", script, re.M).group(1))["shell"]
    assert len(shell) == len(SHELL_ASSETS)
    for address in shell:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", address), address
        assert (tmp_path / address.removeprefix("/static/")).is_file(), address
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert all((tmp_path / icon["src"].removeprefix("/static/")).is_file() for icon in manifest["icons"])


@pytest.mark.parametrize("path", ["/mn/", "/en/courses/", "/mn/offline/", "/mn/learning/offline/"])
def test_every_static_file_a_pages_frame_links_is_in_the_shell(client, path):
    """A stylesheet, font or script added to the frame but not to the shell would leave a kept
    page unstyled or broken offline; the shell is checked against what pages really link."""
    client.force_login(UserFactory())
    page = client.get(path, follow=True).content.decode()
    linked = set(re.findall(r'(?:href|src)="/static/([^"?#]+)"', page))
    frame = {asset for asset in linked if asset.startswith(("css/", "fonts/", "js/"))}
    assert frame, "no static file found on the page"
    assert frame <= set(SHELL_ASSETS), sorted(frame - set(SHELL_ASSETS))


def test_every_admin_page_carries_the_script_that_forgets_the_device_at_sign_out(client):
    """Signing out of the Wagtail admin forgets what the device keeps, as the site's sign-out does
    (tests/browser/test_admin_sign_out.py drives it in a browser)."""
    from tests.factories import with_totp

    client.force_login(with_totp(UserFactory(roles=["editor"])))
    page = client.get("/admin/").content.decode()
    assert re.search(r'<script src="/static/js/admin_signout\.js" data-logout="/admin/logout/" defer>', page)
    assert finders.find("js/admin_signout.js")


@pytest.mark.parametrize(("language", "heading"), [("mn", "Уншуулсан код"), ("en", "Scanned code")])
def test_the_scan_page_the_worker_keeps_for_codes_opened_offline_names_no_one(client, language, heading):
    """Fetched by the worker without cookies and answered for any code's address: it holds no name
    and no session, only what its script needs to queue the mark."""
    page = client.get(f"/{language}/attendance/scan-offline/").content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert '<meta name="cascade-user" content="">' in page
    assert 'data-pattern="^(?:/mn/attendance/scan/|/en/attendance/scan/)([^/]+)/$"' in page
    assert f'data-api="/api/v1/attendance/scans?lang={language}"' in page
    assert "/static/js/attendance.js" in page
