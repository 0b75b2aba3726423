"""Site-wide security plumbing: the admin's Content-Security-Policy and how sign-in throttling names people."""

# The Wagtail admin's editor uses inline scripts and styles and blob: previews; the public site and the
# partner tools allow none of that.
ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
}


class WagtailAdminCSP:
    """Relax the Content-Security-Policy for /admin/ only (django-csp reads `_csp_update`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_update = ADMIN_CSP_UPDATE
        return response


def throttling_username(request, credentials):
    """The email a sign-in attempt is for, as django-axes counts failures: case-insensitive.

    Both sign-in forms (the portal's and the Wagtail admin's) post the email as `username`.
    """
    source = credentials or getattr(request, "POST", {}) or {}
    return (source.get("username") or "").strip().lower() or None
