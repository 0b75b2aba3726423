from django.conf import settings
from django.utils.functional import SimpleLazyObject

from portal.navigation import Navigation


def portal(request):
    return {
        "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        # Lazy: built only when a template shows the header, so JSON and file responses never pay for it.
        "navigation": SimpleLazyObject(lambda: Navigation(request)),
    }
