"""Settings shared by every environment. Everything deployment-specific comes from the environment.

Environment variables (all optional in development):
  DATABASE_URL   e.g. postgres://user@127.0.0.1:5432/portal (default: SQLite file db.sqlite3 here)
  SECRET_KEY     required in production
  DEBUG          true/false
  ALLOWED_HOSTS  comma-separated host names
  CACHE_URL      e.g. redis://127.0.0.1:6379/1 (default: local memory; use Redis with several servers)
  EMAIL_URL      e.g. smtp+tls://user:password@smtp.example.org:587 (default: print to the console)
  DEFAULT_FROM_EMAIL, SITE_BASE_URL
  TASKS_BACKEND  the background jobs' queue (default: django-tasks' database backend; `make worker` runs it)
  SEARCH_URL     e.g. https://opensearch-host:9200 (default: the database search backend)
  LOG_FORMAT     text (default) or json
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
    "performance",
    "strategy",
    "localities",
    "board",
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
    # Background jobs (portal/jobs.py): django-tasks, with its database queue as the embedded default
    "django_tasks",
    "django_tasks_db",
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
    "home.cms_scope.KeepTheCMSToEachOrganisation",  # editors see only their own organisations' pages in the CMS
    "django.contrib.messages.middleware.MessageMiddleware",
    # An offer approved or sent back from the CMS dashboard: the portal's words, back to the portal.
    "home.cms_journey.ModerationFromTheCMSDashboard",
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
                "home.context_processors.urgent_help",  # the duty numbers in every footer
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
# the portal's own pages; the Wagtail admin gets the relaxations its editor needs (portal.security.WagtailAdminCSP).
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
# A new person is invited by email and sets their own password (portal/invitations.py): the link's lifetime.
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=7)
# Administrators never type someone else's password: Wagtail's people screens have no password fields.
WAGTAILUSERS_PASSWORD_ENABLED = False
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
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=40 * 1024 * 1024)
# Imports run as background jobs (portal/jobs.py), outside any request's timeout; each is still one
# transaction, all or nothing. A bigger file is refused with "split it into smaller files".
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=50_000)
# An export of more rows than this is built by a background job, not in the request (portal/exports.py).
EXPORT_BACKGROUND_ROWS = env.int("EXPORT_BACKGROUND_ROWS", default=2_000)

# Background jobs: django-tasks. The database backend needs no extra service: `make worker` (manage.py
# db_worker) runs the queue, on as many machines as needed. TASKS_BACKEND may name another backend
# (for example django_tasks_rq's on the deployment's Redis). A job silent for JOB_STALE_AFTER seconds is
# shown as stalled, and its owner may retry it.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
JOB_STALE_AFTER = env.int("JOB_STALE_AFTER", default=30 * 60)

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Early Help Partnership <no-reply@earlyhelp.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Where emails link to: the configured address in production; in development the port `make run` serves on.
SITE_BASE_URL = env("SITE_BASE_URL", default=f"http://127.0.0.1:{env('PORT', default='8000')}")
PARTNERSHIP_NAME = env("PARTNERSHIP_NAME", default="Leicester Early Help Partnership")

# Wagtail
WAGTAIL_SITE_NAME = PARTNERSHIP_NAME
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# Search: the database backend (tested here, fine for one partnership's directory). For a regional or national
# directory, SEARCH_URL points at Elasticsearch or OpenSearch and SEARCH_BACKEND names Wagtail's backend for
# it (install its client too); then run `manage.py update_index`. See the README: not tested here.
SEARCH_URL = env("SEARCH_URL", default="")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env("SEARCH_BACKEND", default="wagtail.search.backends.elasticsearch8"),
            "URLS": env.list("SEARCH_URL"),
            "INDEX": env("SEARCH_INDEX", default="earlyhelp"),
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.image_uploads.ImageForm"  # a damaged image is refused, not a 500
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no email hashes sent to gravatar.com (the CSP would block the images anyway)
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# LOG_FORMAT=json writes one JSON object a line (portal/log_format.py), for a log collector; "text" is for people.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "portal.log_format.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"}
    },
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
    # The performance book: owners, targets, returns (each correction is also kept as a revision)
    "performance.IndicatorOwner",
    "performance.Target",
    "performance.Return",
    "performance.LocalityValue",
    "performance.IndicatorSet",
    # The strategy action plan: plans, responses, actions, their updates and evidence
    "strategy.Plan",
    "strategy.ObjectiveResponse",
    "strategy.Action",
    "strategy.ProgressUpdate",
    "strategy.EvidenceLink",
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
