"""Start-up checks: report a bad configuration before the first request."""

import ctypes.util
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host


@register()
def harfbuzz_subset_available(app_configs, **kwargs):
    """WeasyPrint subsets fonts with libharfbuzz-subset; without it every certificate takes
    about five to six times longer to render."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return []
    return [
        Warning(
            "libharfbuzz-subset0 is not installed: certificate PDFs will render several times slower.",
            hint="Install it with: apt-get install libharfbuzz-subset0",
            id="cascade.W001",
        )
    ]


# Caches that each process keeps to itself (or that keep nothing).
UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


@register(Tags.caches, deploy=True)
def cache_shared_between_processes(app_configs, **kwargs):
    """Sign-in and certificate-lookup limits are counted in the default cache: one that is not
    shared between web processes grants every limit once per worker."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in UNSHARED_CACHES:
        return []
    return [
        Error(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between processes: "
            "rate limits would hold per worker only.",
            hint="Set REDIS_URL so that the cache is Redis.",
            id="cascade.E001",
        )
    ]


# E-mail backends that deliver to nobody: the console and files end in a log or on disk, the
# others keep messages in memory or drop them.
UNDELIVERED_EMAIL = {
    "core.mail.ConsoleEmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(deploy=True)
def email_delivered(app_configs, **kwargs):
    """Certificates, invitations and password resets are e-mailed: a backend that delivers nothing
    loses them silently."""
    backend = settings.EMAIL_BACKEND
    if backend not in UNDELIVERED_EMAIL:
        return []
    return [
        Error(
            f"The e-mail backend ({backend}) delivers to nobody: certificates and invitations would be lost.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) so that e-mail goes out by SMTP.",
            id="cascade.E002",
        )
    ]


# --- What a deployment's environment can get wrong (docs/deploy.md, "Start-up checks") -----------

# The keys the development and test settings fall back to: public in the repository, so a
# production that copied one signs its sessions and password-reset links with a known key.
KNOWN_SECRET_KEYS = {
    "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef",
    "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
}


@register(Tags.security, deploy=True)
def secret_key_not_from_the_repository(app_configs, **kwargs):
    """Django's own security.W009 catches a short key; this one catches a long one that is public."""
    if settings.SECRET_KEY not in KNOWN_SECRET_KEYS:
        return []
    return [
        Error(
            "SECRET_KEY is the development or test key written in Cascade's code: anyone can forge "
            "sessions and password-reset links with it.",
            hint="Set SECRET_KEY to a new random value of at least 50 characters.",
            id="cascade.E003",
        )
    ]


@register(deploy=True)
def base_url_is_https(app_configs, **kwargs):
    """Every e-mailed link and every certificate's printed link and QR code is built on BASE_URL:
    a plain-http or malformed one sends them all somewhere wrong, for as long as they are kept."""
    address = settings.BASE_URL
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        parts = None
    if parts and parts.scheme == "https" and parts.hostname and parts.path in ("", "/") and not parts.query:
        return []
    return [
        Error(
            f"BASE_URL ({address!r}) is not the site's https address: e-mailed links and certificates' "
            "QR codes are built on it.",
            hint="Set BASE_URL to the address people open, such as https://cascade.example.mn (no path).",
            id="cascade.E004",
        )
    ]


@register(deploy=True)
def base_url_host_is_allowed(app_configs, **kwargs):
    """A link to a host that ALLOWED_HOSTS does not list is answered "400 Bad Request"."""
    host = urlsplit(settings.BASE_URL).hostname if settings.BASE_URL else None
    if not host or validate_host(host, settings.ALLOWED_HOSTS):
        return []
    return [
        Error(
            f"The host of BASE_URL ({host}) is not in ALLOWED_HOSTS: every e-mailed link and certificate "
            "link would be refused with 400 Bad Request.",
            hint=f"Add {host} to ALLOWED_HOSTS (a comma-separated list).",
            id="cascade.E005",
        )
    ]


REDIS_SCHEMES = {"redis", "rediss", "unix"}


def _redis_url_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return "its port is not a number"
    if parts.scheme not in REDIS_SCHEMES:
        return "it does not start with redis://, rediss:// or unix://"
    if parts.scheme == "unix":
        return None if parts.path else "it names no socket"
    if not parts.hostname:
        return "it names no host"
    database = parts.path.strip("/")
    if database and not database.isdigit():
        return "its path is not a database number"
    return None


@register(Tags.caches)
def redis_url_well_formed(app_configs, **kwargs):
    """The cache, the sessions' cache and the Celery broker are all on REDIS_URL: a malformed one
    fails at the first request or task, far from the setting that caused it."""
    if not settings.REDIS_URL:
        return []
    problem = _redis_url_problem(settings.REDIS_URL)
    if problem is None:
        return []
    return [
        Error(
            f"REDIS_URL cannot be used: {problem}.",
            hint="Write it as redis://[:password@]host[:port][/database], for example redis://127.0.0.1:6379/0.",
            id="cascade.E006",
        )
    ]


@register()
def credential_keys_readable(app_configs, **kwargs):
    """A signing key that cannot be read fails every certificate's credential at render time, in a
    worker; a retired key that cannot be read fails every verification."""
    from certificates import signing_key  # the check is registered before the apps are ready

    found = []
    for reader, name, hint, check_id in (
        (
            signing_key.configured_key,
            signing_key.KEY_ENVIRONMENT_VARIABLE,
            "Set it to an Ed25519 private key in unencrypted PKCS8 PEM (docs/deploy.md shows how to make one), "
            "or leave it empty to keep a key in the private storage.",
            "cascade.E007",
        ),
        (
            signing_key.configured_retired_keys,
            signing_key.RETIRED_ENVIRONMENT_VARIABLE,
            "Set it to the PEM public keys that manage.py rotate_credential_key printed, or leave it empty.",
            "cascade.E008",
        ),
    ):
        try:
            reader()
        except ImproperlyConfigured as error:
            found.append(Error(f"{name} cannot be used: {error}", hint=hint, id=check_id))
    return found


# Numbers read from the environment, the least each may be, and why.
NUMBER_SETTINGS = (
    ("SESSION_IDLE_MINUTES", lambda: settings.SESSION_IDLE_MINUTES, 1, "at 0 everyone is signed out at once"),
    ("CASCADE_EXPORT_INLINE_ROWS", lambda: settings.CASCADE_EXPORT_INLINE_ROWS, 0, "a count of rows"),
    (
        "CASCADE_DOWNLOAD_KEEP_HOURS",
        lambda: settings.CASCADE_DOWNLOAD_KEEP.total_seconds() / 3600,
        1,
        "a prepared export would be deleted before it can be downloaded",
    ),
    ("TRUSTED_PROXY_COUNT", lambda: settings.ALLAUTH_TRUSTED_PROXY_COUNT, 0, "a count of proxies"),
)


@register()
def numbers_in_range(app_configs, **kwargs):
    return [
        Error(
            f"{name} is {read():g}; it must be at least {least}: {reason}.",
            hint=f"Set {name} to a whole number of at least {least}, or leave it unset for the default.",
            id="cascade.E009",
        )
        for name, read, least, reason in NUMBER_SETTINGS
        if read() < least
    ]


@register(deploy=True)
def smtp_port_matches_tls(app_configs, **kwargs):
    """Cascade speaks STARTTLS (EMAIL_USE_TLS); port 465 expects TLS from the first byte, so every
    e-mail would wait for a timeout and fail."""
    if not settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        return []
    if settings.EMAIL_PORT != 465 or getattr(settings, "EMAIL_USE_SSL", False):
        return []
    return [
        Error(
            "EMAIL_PORT is 465, which expects TLS from the start; Cascade uses STARTTLS and no e-mail would be sent.",
            hint="Use the mail server's submission port, 587 (EMAIL_PORT=587, EMAIL_USE_TLS=true).",
            id="cascade.E010",
        )
    ]


@register(deploy=True)
def sender_address_deliverable(app_configs, **kwargs):
    """Mail from the default no-reply@cascade.local, a domain nobody owns, is refused or filed as
    spam by most receiving servers."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    domain = address.rpartition("@")[2].lower()
    if "@" in address and domain and not domain.endswith((".local", ".localhost", ".invalid", ".example")):
        return []
    return [
        Warning(
            f"DEFAULT_FROM_EMAIL ({settings.DEFAULT_FROM_EMAIL}) is not an address of a domain you own: "
            "certificates and invitations may be refused or end as spam.",
            hint='Set DEFAULT_FROM_EMAIL, for example "Cascade <no-reply@cascade.example.mn>".',
            id="cascade.W002",
        )
    ]
