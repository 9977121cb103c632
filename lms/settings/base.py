"""Settings shared by every run mode.

Everything that comes from the environment is read here, in one place; the
``dev``, ``test`` and ``production`` modules only adjust what differs.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        # Said by its name, not as Python's "invalid literal for int()" from somewhere in the settings.
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# --- The environment -------------------------------------------------------

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
SQLITE_PATH = env_str("CASCADE_SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "static_collected"))
EMAIL_URL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cascade <no-reply@cascade.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for what leaves it (e-mailed links, a certificate's printed link and
# QR code). Production must say it (BASE_URL); the demo serves on 127.0.0.1 at PORT (./cascade demo).
BASE_URL = env_str("BASE_URL")
WAGTAILADMIN_BASE_URL = BASE_URL or f"http://127.0.0.1:{env_int('PORT', 8000)}"
# Accounts come from invitations and imports; open sign-up is an explicit choice.
CASCADE_SELF_SIGNUP = env_bool("CASCADE_SELF_SIGNUP", False)
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
# Exports of at most this many rows are built while the browser waits; larger ones are prepared by
# a Celery worker, with a progress page and a download link (docs/deploy.md, "Exports").
CASCADE_EXPORT_INLINE_ROWS = env_int("CASCADE_EXPORT_INLINE_ROWS", 2000)
# A prepared file holds personal data: it is deleted this long after it is ready.
CASCADE_DOWNLOAD_KEEP = timedelta(hours=env_int("CASCADE_DOWNLOAD_KEEP_HOURS", 24))
# The organisation that runs this Cascade, named in the issuer of certificates' signed credentials
# ("Cascade · <name>"); without it the issuer is "Cascade".
CASCADE_ORGANISATION_NAME = env_str("CASCADE_ORGANISATION_NAME")
# The Ed25519 key that signs certificates' credentials (PKCS8 PEM, newlines may be written \n), and
# the public halves of earlier keys that still verify what they signed (certificates/signing_key.py).
# Without a key one is made once in the private storage.
CASCADE_CREDENTIAL_KEY = env_str("CASCADE_CREDENTIAL_KEY")
CASCADE_CREDENTIAL_RETIRED_KEYS = env_str("CASCADE_CREDENTIAL_RETIRED_KEYS")
# Where the embedded default keeps the e-mails it would have sent (core/mail.py).
CASCADE_MAIL_DIR = BASE_DIR / "var" / "mail"

# --- Applications ------------------------------------------------------------

INSTALLED_APPS = [
    # Project apps, in the order of docs/architecture.md §2's layers.
    "core",
    "accounts",
    "courses",
    "assessments",
    "cohorts",
    "certificates",
    "reports",
    "lms",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.middleware.ContentSecurityPolicyMiddleware",
    # Outside the session and authentication middleware, so it sees who the answer was for.
    "lms.middleware.PrivateResponsesMiddleware",
    # Django's SessionMiddleware, with the idle timeout below.
    "lms.middleware.IdleSessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.AuditContextMiddleware",
    "lms.middleware.LanguageMiddleware",
    # After authentication: the person's own choice counts as well as the browser's header.
    "lms.middleware.LowDataMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.site_chrome",
            ],
        },
    },
]

# --- Data ----------------------------------------------------------------------

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compiling: a recursive query's row estimates are far too high, so PostgreSQL
        # compiled the reports' cascade query (it runs in tens of milliseconds) for seconds.
        # A web application's queries are short; what JIT speeds up is long analytic scans.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # WAL lets the demo server read while a background write is in flight.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache is an accelerator, never a dependency (core/cache.py, docs/deploy.md): when Redis cannot
# be reached, requests go on from the database, with counters kept per process, and leave Redis
# alone for RETRY_AFTER seconds. Redis answers a connection on the same network within a
# millisecond: a short connect timeout keeps what an outage costs a request small.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cascade",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 2, "RETRY_AFTER": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cascade"}}

# Django's cached_db, which reads the database alone while the cache is down.
SESSION_ENGINE = "core.sessions"
# Idle timeout: the session lives SESSION_IDLE_MINUTES past the last request. It is saved when its
# expiry would move by more than a minute, not on every request (lms.middleware.IdleSessionMiddleware).
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Accounts --------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id first: new passwords, and old ones at their next sign-in, are stored with it
# (accounts/hashers.py). PBKDF2, Django's default before, still checks the hashes made with it.
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cascade] "
# allauth's own limits (they need a real cache, which every run mode has; while Redis is down, they
# count in each web process's memory: core/cache.py), merged over allauth's defaults. A training
# hall, or an agency behind one NAT, signs in from one address: the limits per address are sized
# for a hall of 100 trainees signing in within a minute, some of them mistyping.
# What stops anyone guessing a password is the limit per account, which stays strict: 5 failures,
# from whatever addresses, and the account refuses even the right password until the oldest of
# them is 5 minutes old. docs/security.md lists them all.
ACCOUNT_RATE_LIMITS = {
    # Every sign-in form sent, right or wrong: two for each of 100 trainees (allauth's 30 let only
    # 30 of a hall in).
    "login": "200/m/ip",
    # Failures: one for each of 100 trainees in the minute; a guesser at one address gets no
    # more than that across all accounts, and 5 on any one of them.
    "login_failed": "100/m/ip,5/5m/key",
    # Each request sends an e-mail (to unknown addresses too, so as not to tell who has an account):
    # kept lower, and a hall that has forgotten its passwords is through in five minutes.
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Behind a reverse proxy, how many X-Forwarded-For hops to trust for the visitor's address (the
# sign-in limits, and the certificate-lookup limit): 1 behind one nginx; 0 when none (the default).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Cascade"
# The secret shown to scan stays the same until the setup succeeds (allauth's own form draws a new
# one each time the page is shown).
MFA_FORMS = {"activate_totp": "accounts.mfa.SteadyActivateTOTPForm"}
# Roles whose accounts must have an authenticator app before doing anything else.
CASCADE_MFA_REQUIRED_ROLES = ["coordinator", "editor", "admin"]

# --- Languages -------------------------------------------------------------------

LANGUAGE_CODE = "mn"
LANGUAGES = [("mn", "Монгол"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ulaanbaatar"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "cascade_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

# --- Files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Certificates: never served from a public URL, only through views that check who asks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Cascade"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages restricted to signed-in people send visitors to allauth's sign-in, not Wagtail's own.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # allauth owns passwords
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt", "mp4", "webm", "mp3", "m4a", "ogg"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin shows initials, not Gravatar pictures: no third-party image is ever loaded (the content
# security policy would block it, and it would tell Gravatar who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Background jobs ---------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Without Redis (the embedded default) tasks run in-process, at once.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# Periodic jobs (a ``celery beat`` process in production): certificates still pending, and e-mails
# and imports still waiting, after a worker crash or a Redis outage are picked up again.
CELERY_BEAT_SCHEDULE = {
    "cohorts-sweep": {"task": "cohorts.tasks.sweep_cohort_work", "schedule": 10 * 60},
    "certificates-sweep": {"task": "certificates.tasks.sweep_certificates", "schedule": 10 * 60},
    "certificates-expiry-reminders": {"task": "certificates.tasks.send_expiry_reminders", "schedule": 24 * 60 * 60},
    # Prepared downloads whose task never reached a worker; files kept past CASCADE_DOWNLOAD_KEEP.
    "downloads-sweep": {"task": "core.tasks.sweep_downloads", "schedule": 5 * 60},
    # Each coordinator's summary of the month before, e-mailed early on the 1st (CELERY_TIMEZONE:
    # Ulaanbaatar), before the working day. Run again on the next six mornings, it sends only what
    # did not go (a mail server that refused, beat down on the 1st): nobody gets a second one.
    "reports-monthly-summaries": {
        "task": "reports.tasks.send_monthly_summaries",
        "schedule": crontab(minute=0, hour=6, day_of_month="1-7"),
    },
    # The report's pre- and post-test pairs, worked out again from every attempt, at night.
    "reports-rebuild-test-pairs": {
        "task": "reports.tasks.rebuild_test_pairs",
        "schedule": crontab(minute=30, hour=2),
    },
    # The report's months of activity, from every lesson, attempt and attendance record: the month
    # just ended is read from them whole until this has run in the new month.
    "reports-rebuild-activity": {
        "task": "reports.tasks.rebuild_activity",
        "schedule": crontab(minute=45, hour=2),
    },
}
# Rendering certificates (WeasyPrint, heavy on the CPU) and zipping them has a queue of its own,
# so that the certificates of a whole cohort never hold up invitations, reminders or imports, and
# the workers for it scale on their own. A worker must take both queues (docs/deploy.md); /healthz
# says when no worker takes one of them.
CERTIFICATES_QUEUE = "certificates"
CELERY_TASK_ROUTES = {
    "certificates.tasks.render_certificate": {"queue": CERTIFICATES_QUEUE},
    "certificates.tasks.build_bundle": {"queue": CERTIFICATES_QUEUE},
    # The monthly summaries are WeasyPrint work too, a batch of them on the 1st.
    "reports.tasks.send_monthly_summary": {"queue": CERTIFICATES_QUEUE},
}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis answers a connection on the same network within a millisecond: an outage should cost a
# request little. After a failure to send a task, a web process leaves the broker alone for this
# many seconds; what it does not send is left to the sweeps (core/enqueue.py).
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 0.5, "visibility_timeout": 3600}
CASCADE_BROKER_RETRY_AFTER = 5
CELERY_TIMEZONE = TIME_ZONE

# --- E-mail -------------------------------------------------------------------------

if EMAIL_URL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_URL_HOST
else:
    EMAIL_BACKEND = "core.mail.ConsoleEmailBackend"

# --- Security headers shared by every mode ------------------------------------------

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin needs inline scripts and styles; only its pages get them.
CASCADE_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's background tasks log every run at INFO; keep the console readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports each step of every certificate it renders at INFO.
        "weasyprint": {"level": "WARNING"},
    },
}
