"""Clausewise settings: one file, read from the environment.

SQLite works right after checkout; PostgreSQL is one variable away
(``DATABASE_URL=postgres://...``). Production sets ``DEBUG=0``,
``SECRET_KEY`` and ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# The fallback key is only good for local development; `check --deploy` flags it.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-clausewise-development-only-key")
if not DEBUG and SECRET_KEY.startswith("django-insecure"):
    raise RuntimeError("Set SECRET_KEY when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The absolute base for permalinks in exports; unset, each export uses the address it was asked on.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    "django_htmx",
    "axes",
    "accounts",
    "licenses",
    "review",
    "search",
    "demo",
    "ninja",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages go out compressed to browsers that ask (a big review's 400 KB page is ~40 KB on the
    # wire); Django pads the gzip header at random against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "config.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.timezones.TimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.idempotency.IdempotencyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "api.middleware.ApiCorsMiddleware",
    "licenses.aliases.LicenseAliasRedirectMiddleware",
    "config.edges.HtmxSessionEnded",
    "config.edges.FriendlyNotFound",
]
# With DEBUG on, a 404 still shows the styled page (config.edges.FriendlyNotFound);
# DEBUG_TECHNICAL_404=1 shows Django's page listing the URL patterns instead.
DEBUG_TECHNICAL_404 = env_bool("DEBUG_TECHNICAL_404", False)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if not DEBUG and not os.environ.get("DATABASE_URL") and not env_bool("ALLOW_SQLITE", False):
    # A production server that silently falls back to a file beside the code loses data on the
    # next deploy; say which database you mean.
    raise RuntimeError("Set DATABASE_URL when DEBUG is off (or ALLOW_SQLITE=1 to run on SQLite on purpose).")
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers on the embedded default: take the write lock at BEGIN (no deadlocked
    # upgrades from read to write), let readers run beside a writer (WAL), and wait for a busy
    # lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        }
    )
    # Tests get a file too, not Django's shared in-memory database: there, a browser journey's
    # server thread and the test meet table locks that fail at once ("database table is locked")
    # instead of waiting like the busy timeout above.
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", str(BASE_DIR / ".test-db.sqlite3"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and lockouts must be shared by every worker process: production caches in the
# database (``manage.py createcachetable``, run by ``make serve`` and the container) or Redis
# (``CACHE_URL=redis://…``). Development keeps the per-process memory cache.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clausewise",
    }
    if DEBUG
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "clausewise_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
if os.environ.get("CACHE_URL", "").startswith("redis://"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["CACHE_URL"],
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Failed logins per client address, and from everyone, in a five-minute window before log-in
# answers 429 without hashing anything (accounts.throttle).
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "30"))
LOGIN_FAILURES_GLOBAL = int(os.environ.get("LOGIN_FAILURES_GLOBAL", "600"))
# Five failed logins lock the username/IP pair for fifteen minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Axes logs "AXES: BEGIN …" at start-up, i.e. on every manage.py command; AXES_VERBOSE=1 for that.
AXES_VERBOSE = env_bool("AXES_VERBOSE", False)

# Development prints mail (password resets) to the console; production sends it
# by SMTP, to EMAIL_HOST or a local relay on localhost:25.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if os.environ.get("EMAIL_HOST"):
    MAILERS["default"] = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["EMAIL_HOST"],
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        },
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Clausewise <noreply@localhost>")
# Notifications (review/notify): replies come back to reply+<token>@MAIL_DOMAIN; a token lasts
# REPLY_TOKEN_DAYS. LIST_ADDRESS is where "Post to the list" sends a review's summary.
MAIL_DOMAIN = os.environ.get("MAIL_DOMAIN", "localhost")
NOTIFY_FROM_EMAIL = os.environ.get("NOTIFY_FROM_EMAIL", f"Clausewise <notifications@{MAIL_DOMAIN}>")
REPLY_TOKEN_DAYS = int(os.environ.get("REPLY_TOKEN_DAYS", "90"))
LIST_ADDRESS = os.environ.get("LIST_ADDRESS", "")
# Background work (django.tasks). Development runs each task at once inside the request, so
# `make run` needs no worker; production queues them in the database (django-tasks-db) and
# `manage.py db_worker` runs them. TASKS_BACKEND=database|immediate overrides.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django.tasks.backends.immediate.ImmediateBackend",
    }
}
# A failed send is tried again after 1, 5, 30 minutes, 2 and 12 hours, then given up.
MAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 43200]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: license texts are capped at 1 MiB by validation, mail at 5 MiB;
# the request-level caps stop anything far larger before it reaches a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
# Any request body over this is refused from its Content-Length before it is read (413).
MAX_REQUEST_BODY = 8 * 1024 * 1024

# Above this many comments a review page shows its threads folded to their first line and
# fetches each on opening, so the first response stays small (bench/review_page.py).
REVIEW_INLINE_COMMENTS = int(os.environ.get("REVIEW_INLINE_COMMENTS", "200"))

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# The API (/api/v1/): CORS is off unless origins are listed ("*" for any; never with cookies);
# requests a minute per token or account, and per address for anonymous readers.
API_CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS")
API_REQUESTS_PER_MINUTE = int(os.environ.get("API_REQUESTS_PER_MINUTE", "300"))
API_ANONYMOUS_REQUESTS_PER_MINUTE = int(os.environ.get("API_ANONYMOUS_REQUESTS_PER_MINUTE", "60"))

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
