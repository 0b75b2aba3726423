"""Settings shared by every environment. Everything deployment-specific comes from the environment.

Environment variables (all optional in development):
  DATABASE_URL   e.g. postgres://user@127.0.0.1:5432/portal (default: SQLite file db.sqlite3 here)
  SECRET_KEY     required in production
  DEBUG          true/false
  ALLOWED_HOSTS  comma-separated host names
  CACHE_URL      e.g. redis://127.0.0.1:6379/1 (default: local memory; use Redis with several servers)
  EMAIL_URL      e.g. smtp+tls://user:password@smtp.example.org:587 (default: print to the console)
  DEFAULT_FROM_EMAIL, SITE_BASE_URL
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The portal's own apps: the partnership core first, so its user model is in place.
    "portal",
    "home",
    "pledges",
    "audits",
    "caseaudits",
    "maturity",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "portal.apps.PortalUsersAppConfig",  # wagtail.users with job title and partnership role
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Security: login throttling and a Content-Security-Policy
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "auditlog",
    # Django
    "formtools",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the form renderer finds its widget templates here
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.security.WagtailAdminCSP",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A path or query string with NUL or control characters, or an over-long parameter: the 400 page.
    "portal.input_guard.InputGuard",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.RequireSecondFactor",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "auditlog.middleware.AuditlogMiddleware",  # records who made each change in the audit trail
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two requests writing at once (two sign-ins, say) would otherwise fail with "database is locked"
    # when one upgrades its read to a write; starting every transaction as a writer makes them queue.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 30})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) is what lets several app servers agree; local memory is fine for one.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# Sessions live in the database so that any app server can continue any session.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
CSRF_COOKIE_HTTPONLY = True

# Login throttling (django-axes): 5 failures for the same email from the same address lock that pair
# out for 15 minutes; a successful sign-in resets the count. Attempts are kept in the database, so
# every app server sees them.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # both sign-in forms post the email as "username"
AXES_USERNAME_CALLABLE = "portal.security.throttling_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)  # load balancers in front of the app servers

# Security headers. The Content-Security-Policy allows nothing inline and nothing from elsewhere on
# the portal's own pages; the Wagtail admin gets the relaxations its editor needs (portal.middleware).
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's page preview frames the site inside its own admin
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while a person is locked out
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploads (imports, documents) are capped; anything larger is refused with a message.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
IMPORT_MAX_BYTES = 2 * 1024 * 1024
# An import is checked and saved within one request: about 2 ms a row to check and 8 ms to save (each
# organisation is indexed for search and written to the audit trail), so 2,000 rows finish in about 20 s,
# inside Gunicorn's 30 s timeout. A bigger file is refused with "split it into smaller files".
IMPORT_MAX_ROWS = 2_000

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Early Help Partnership <no-reply@earlyhelp.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SITE_BASE_URL = env("SITE_BASE_URL", default="http://127.0.0.1:8000")
PARTNERSHIP_NAME = env("PARTNERSHIP_NAME", default="Leicester Early Help Partnership")

# Wagtail
WAGTAIL_SITE_NAME = PARTNERSHIP_NAME
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.image_uploads.ImageForm"  # a damaged image is refused, not a 500
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no email hashes sent to gravatar.com (the CSP would block the images anyway)
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

FORM_RENDERER = "portal.forms_renderer.PortalFormRenderer"

# Backups (portal/backup.py) use a JSON format that keeps times to the microsecond.
SERIALIZATION_MODULES = {"pjson": "portal.serializers"}

OTP_TOTP_ISSUER = PARTNERSHIP_NAME  # the name people see in their authenticator app

# The audit trail (django-auditlog): who changed what and when, for the records the partnership is
# accountable for. LA officers and administrators read it at /audit-trail/. Feature apps' models are
# added here; passwords and sign-in times are never recorded.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "portal.Organisation",
    "portal.Membership",
    {"model": "portal.User", "exclude_fields": ["password", "last_login"]},
    # Partnership pledges
    "pledges.Signature",
    "pledges.PledgeStatus",
    "pledges.DesignatedLead",
    "pledges.TrainingSummary",
    "pledges.TrainingRecord",
    "pledges.AccessRoutes",
    "pledges.ImpactMeasure",
    "pledges.ImpactReturn",
    # Maturity self-assessments: rounds, agreed ratings, contributors' ratings, action plans
    "maturity.Round",
    "maturity.StrandRating",
    "maturity.ContributorRating",
    "maturity.ActionItem",
    # Schools commitments audits: the audit, its outcomes, actions (RAG) and trained staff; offer visits
    "audits.Audit",
    "audits.OutcomeRecord",
    "audits.Action",
    "audits.TrainedStaff",
    "audits.OfferVisit",
    # EHA case-file audits: the record, each principle's finding, actions, moderation
    "caseaudits.CaseAudit",
    "caseaudits.PrincipleFinding",
    "caseaudits.AuditAction",
    "caseaudits.Moderation",
)
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_ON_RAW_SAVE = True  # restoring a backup or loading fixtures is not a change by anyone
