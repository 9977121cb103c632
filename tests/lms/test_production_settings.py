"""Production settings: refuse to start without a secret, pass Django's deployment checks,
and send the security headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-test-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "cascade.example.mn",
    "REDIS_URL": "redis://127.0.0.1:6399/0",  # not contacted by these checks
    "EMAIL_HOST": "smtp.example.mn",
    "BASE_URL": "https://cascade.example.mn",
    "DEFAULT_FROM_EMAIL": "Cascade <cascade@example.mn>",
}


def run_python(code: str, env: dict, tmp_path) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")}
    environment.update(env)
    environment.setdefault("CASCADE_SQLITE_PATH", str(tmp_path / "db.sqlite3"))
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_python("import django; django.setup()", env, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checks(tmp_path):
    code = (
        "import django, sys; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(code, PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def production_headers(tmp_path_factory):
    code = """
import django, json; django.setup()
from django.test import Client
client = Client()
responses = {
    "https": client.get("/healthz", secure=True, HTTP_HOST="cascade.example.mn"),
    "http": client.get("/mn/", HTTP_HOST="cascade.example.mn"),
}
print(json.dumps({name: dict(r.headers) for name, r in responses.items()}
                 | {"status_http": responses["http"].status_code}))
"""
    result = run_python(code, PRODUCTION_ENV, tmp_path_factory.mktemp("prod"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_a_strict_content_security_policy(production_headers):
    headers = production_headers["https"]
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_production_redirects_plain_http_to_https(production_headers):
    assert production_headers["status_http"] == 301
    assert production_headers["http"]["Location"].startswith("https://")


def check_deploy_with(setting: str, tmp_path):
    """``manage.py check --deploy`` under the production settings, with one setting changed
    (``setting`` is a Python assignment to ``settings.X``)."""
    code = (
        "import django; django.setup();"
        "from django.conf import settings;"
        f"{setting};"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True)"
    )
    return run_python(code, PRODUCTION_ENV, tmp_path)


def test_production_refuses_to_start_without_redis_so_limits_are_not_kept_per_worker(tmp_path):
    """Without a shared cache each web process would count sign-in and lookup attempts on its own,
    and an attacker would get the limit once per worker."""
    env = {**PRODUCTION_ENV, "REDIS_URL": ""}
    result = run_python("import django; django.setup()", env, tmp_path)
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_the_deployment_checks_fail_when_the_cache_is_not_shared_between_processes(tmp_path, backend):
    result = check_deploy_with(
        f"settings.CACHES = {{'default': {{'BACKEND': {backend!r}, 'LOCATION': {str(tmp_path / 'cache')!r}}}}}",
        tmp_path,
    )
    assert result.returncode != 0
    assert "cascade.E001" in result.stderr


def test_production_refuses_to_start_without_an_email_host_so_certificates_are_not_mailed_to_a_log(tmp_path):
    """Without an SMTP host the e-mail backend would be the console: certificate e-mails, invitations
    and password resets would end in the worker's log and reach nobody."""
    env = {**PRODUCTION_ENV, "EMAIL_HOST": ""}
    result = run_python("import django; django.setup()", env, tmp_path)
    assert result.returncode != 0
    assert "EMAIL_HOST must be set" in result.stderr


@pytest.mark.parametrize(
    "backend",
    [
        "core.mail.ConsoleEmailBackend",
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ],
)
def test_the_deployment_checks_fail_when_email_would_reach_nobody(tmp_path, backend):
    result = check_deploy_with(f"settings.EMAIL_BACKEND = {backend!r}", tmp_path)
    assert result.returncode != 0
    assert "cascade.E002" in result.stderr


def test_production_refuses_to_start_without_its_public_address(tmp_path):
    result = run_python("import django; django.setup()", {**PRODUCTION_ENV, "BASE_URL": ""}, tmp_path)
    assert result.returncode != 0 and "BASE_URL must be set" in result.stderr


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"PORT": "8123"}, "http://127.0.0.1:8123/verify/"),
        ({}, "http://127.0.0.1:8000/verify/"),
        ({"PORT": "8123", "BASE_URL": "https://cascade.example.mn"}, "https://cascade.example.mn/verify/"),
    ],
)
def test_the_demos_printed_addresses_follow_the_port_it_serves_on(tmp_path, env, expected):
    """The address a certificate's QR code and printed link carry, and every e-mailed link."""
    code = (
        "import django; django.setup();"
        "from certificates.rendering import verification_url;"
        "from core.outbound import absolute_url;"
        "print(verification_url('7K3M9QXT2HVBD')); print(absolute_url('/mn/learning/'))"
    )
    environment = {"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "BASE_URL": "", "PORT": "", **env}
    result = run_python(code, environment, tmp_path)
    assert result.returncode == 0, result.stderr
    qr_address, link = result.stdout.split()
    assert qr_address.startswith(expected) and link == expected.replace("/verify/", "/mn/learning/")
