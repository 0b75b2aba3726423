"""The urgent-help numbers for every page's footer and "Urgent help" box (portal pages and public pages alike).

The footer is on every response, so the LA's setting is read once and kept in Django's cache: a page costs
no query for it once warm, and one when cold (the setting of the site the request names, else the default
site's, in one query; reading never creates a setting, so a GET writes nothing). Saving the setting bumps a
version number, so the next page shows the new numbers at once (see home/signals.py)."""

from django.core.cache import cache
from django.db.models import Case, Q, When
from django.utils.functional import SimpleLazyObject

FIELDS = (
    "duty_team_phone",
    "duty_team_hours",
    "out_of_hours_phone",
    "advice_point_phone",
    "advice_point_url",
    "note",
)
VERSION_KEY = "urgent-help:version"
TIMEOUT = 60 * 60  # an hour: a save clears it sooner, this only bounds a stale entry after a direct DB edit


def forget_urgent_help():
    """Make every cached copy stale: called when the LA saves the setting."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _numbers(request):
    version = cache.get_or_set(VERSION_KEY, 0, None)
    key = f"urgent-help:{version}:{request.get_host()}"
    numbers = cache.get(key)
    if numbers is None:
        from home.models import UrgentHelpSettings

        hostname = request.get_host().rsplit(":", 1)[0]
        setting = (
            UrgentHelpSettings.objects.filter(Q(site__hostname=hostname) | Q(site__is_default_site=True))
            .order_by(Case(When(site__hostname=hostname, then=0), default=1))
            .values(*FIELDS)
            .first()
        )
        numbers = {name: (setting or {}).get(name) or "" for name in FIELDS}
        cache.set(key, numbers, TIMEOUT)
    return numbers


def urgent_help(request):
    # Lazy: a JSON or file response never renders the footer, so never pays for it.
    return {"urgent_help": SimpleLazyObject(lambda: _numbers(request))}
