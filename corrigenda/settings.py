"""Settings, read from the environment (twelve-factor).

Development is the default: `make run` needs no variables at all and uses an
embedded SQLite database. Production sets `CORRIGENDA_DEBUG=0`, `SECRET_KEY`,
`ALLOWED_HOSTS` and `DATABASE_URL`; `corrigenda check --deploy` then passes cleanly.
Every variable is listed in docs/settings.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_sockets(name: str) -> list[tuple[str, int]]:
    """ "host:port,[v6]:port" as (host, port) pairs."""
    sockets = []
    for item in env_list(name, ""):
        host, _, port = item.rpartition(":")
        sockets.append((host.strip("[]"), int(port)))
    return sockets


DEBUG = env_bool("CORRIGENDA_DEBUG", True)

_DEV_SECRET = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when CORRIGENDA_DEBUG=0")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "corrigenda.web",
    "corrigenda.archive",
    "corrigenda.stories",
    "corrigenda.outbox",
    "corrigenda.reports",
    "corrigenda.desk",
    "corrigenda.publish",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "corrigenda.urls"
WSGI_APPLICATION = "corrigenda.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded default is SQLite in WAL mode: readers never block the writer, and
# `synchronous=NORMAL` is durable across application crashes (WAL's recommended pairing).
# IMMEDIATE transactions take the write lock up front, so two writers queue instead of
# failing with "database is locked" halfway through.
SQLITE_PATH = Path(
    os.environ.get("CORRIGENDA_SQLITE_PATH", PROJECT_DIR / "var" / "corrigenda.sqlite3")
)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
            "PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work: Django's tasks framework with rows in the database, so a job is
# committed in the same transaction as the change that caused it. `corrigenda worker`
# runs them; no extra server is needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Login: django-axes locks an account (by user name and address) after repeated
# failures, in the database, so the lock holds across processes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("CORRIGENDA_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("CORRIGENDA_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "corrigenda.desk.views.locked_out"
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "desk:queue"
LOGOUT_REDIRECT_URL = "desk:login"
OTP_TOTP_ISSUER = os.environ.get("CORRIGENDA_OTP_ISSUER", "corrigenda")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Zurich")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "var" / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Fetching pages of the outlet and of readers' evidence (see corrigenda.fetcher).
FETCH_TIMEOUT_SECONDS = float(os.environ.get("CORRIGENDA_FETCH_TIMEOUT", "10"))
FETCH_MAX_BYTES = int(os.environ.get("CORRIGENDA_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
FETCH_USER_AGENT = os.environ.get(
    "CORRIGENDA_USER_AGENT", "corrigenda/0.1 (+https://github.com/corrigenda/corrigenda)"
)

# DANGEROUS, for test setups only: "127.0.0.1:8081,[::1]:8082" lets fetches reach exactly
# these sockets although they are not public addresses.
FETCH_ALLOW_PRIVATE = env_sockets("CORRIGENDA_FETCH_ALLOW_PRIVATE")

# E-mail out: confirmations and replies to readers go through the outbox (a row per
# message, sent by the worker). Development prints them to the console.
_SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
_MAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG else _SMTP_BACKEND
)
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "127.0.0.1"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": 30,
        }
        if _MAIL_BACKEND == _SMTP_BACKEND
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "corrigenda <desk@localhost>")
EMAIL_MESSAGE_ID_DOMAIN = os.environ.get("CORRIGENDA_MESSAGE_ID_DOMAIN", "corrigenda.invalid")

# E-mail in: the desk mailbox, read over IMAP by `corrigenda mail fetch`.
IMAP_HOST = os.environ.get("CORRIGENDA_IMAP_HOST", "")
IMAP_PORT = int(os.environ.get("CORRIGENDA_IMAP_PORT", "993"))
IMAP_SSL = env_bool("CORRIGENDA_IMAP_SSL", True)
IMAP_USER = os.environ.get("CORRIGENDA_IMAP_USER", "")
IMAP_PASSWORD = os.environ.get("CORRIGENDA_IMAP_PASSWORD", "")
IMAP_FOLDER = os.environ.get("CORRIGENDA_IMAP_FOLDER", "INBOX")

# Public links in e-mails to readers (their status page) start with this.
SITE_URL = os.environ.get("CORRIGENDA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Reverse proxies (addresses or networks) whose X-Forwarded-For names the reader, for
# the per-sender rate limits. Empty: the connecting address is the reader's.
TRUSTED_PROXIES = env_list("CORRIGENDA_TRUSTED_PROXIES", "")

# Intake: an Idempotency-Key in flight blocks retries for this long (a crashed
# request's lease then runs out and a retry takes over).
IDEMPOTENCY_LEASE_SECONDS = int(os.environ.get("CORRIGENDA_IDEMPOTENCY_LEASE", "30"))
# Testing only: "after_report_commit" kills the process between storing a report
# and answering, to show that nothing is lost or duplicated (tests/reports).
FAULT_INJECTION = os.environ.get("CORRIGENDA_FAULT_INJECTION", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"private_links": {"()": "corrigenda.reports.log_privacy.PrivateLinks"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["private_links"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default handler for its own loggers (it would print request
        # paths unfiltered); they go to the root's console, through the filter.
        "django": {"handlers": [], "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        # The development server's access log, through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # The worker command prints task progress through its own handler.
        "django.tasks": {"propagate": False},
    },
}

if not DEBUG:
    # In production whitenoise serves the collected static files; in development the
    # dev server and the test live server serve them from the apps.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
