"""Input no view should have to think about, refused or made safe at one layer.

- `InputGuard` (middleware): a path or query string holding NUL or another control character, or a query
  parameter longer than `MAX_PARAMETER_LENGTH`, gets the portal's 400 page before any view, database or
  search backend sees it. PostgreSQL cannot store NUL at all, and nothing a person types into a link or a
  search box needs control characters. It also passes the Wagtail admin's search boxes (`q` under
  /admin/: the explorer, choosers, images, documents, users, snippets) through `search_terms()`, since
  Wagtail hands them to the search backend as typed and a lone double quote broke SQLite's full-text
  query (the backend wraps each term in double quotes).
- `search_terms()`: what every search box passes to the search backend. Only words (letters and digits
  of any script) survive, as typed and separated by single spaces, so SQLite FTS5 and PostgreSQL
  full-text syntax never see a quote, an operator sign (*, ^, :, -) or a bracket (and the backends quote
  each word, so AND, OR, NOT and NEAR are words).
  A search of only punctuation becomes no search.
- A `next` (where to go after signing in) that is not a path on this site is dropped: the sign-in views
  redirect to it and failed on anything else.
- `id_parameter()`: a query parameter naming a record by its number; anything else is a 400.
- A Wagtail snippet URL (its edit, delete, history and chooser views) whose record key is not a number is
  a 404: every snippet the portal registers has a numeric id, and Wagtail hands the key to the database
  as typed, which failed on anything else.
"""

import re

from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

MAX_PARAMETER_LENGTH = 1000  # longer than any link the portal builds; a search box stops at 200
MAX_SEARCH_LENGTH = 200
SNIPPET_NAMESPACES = ("wagtailsnippets_", "wagtailsnippetchoosers_")

# C0 controls and DEL, except tab, line feed and carriage return (a pasted search can hold those).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL.search(value))


def query_problem(request) -> str | None:
    """Why this request's path or query string cannot be read, or None."""
    if has_control_characters(request.path):
        return "The web address holds a character that cannot be part of one."
    for name, values in request.GET.lists():
        for value in [name, *values]:
            if has_control_characters(value):
                return "The web address holds a character that cannot be part of a search or a filter."
            if len(value) > MAX_PARAMETER_LENGTH:
                return "A search or filter in the web address is too long."
    return None


class InputGuard:
    """Answer a request whose path or query string cannot be read with the 400 page, saying why; make the
    Wagtail admin's searches safe for the search backend."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if problem := query_problem(request):
            if request.path.startswith("/api/"):  # the open feed answers in JSON, to anyone
                response = JsonResponse({"error": problem}, status=400)
                response["Access-Control-Allow-Origin"] = "*"
                return response
            return render(request, "400.html", {"problem": problem}, status=400)
        self._make_safe(request)
        return self.get_response(request)

    @staticmethod
    def process_view(request, view_func, view_args, view_kwargs):
        namespace = request.resolver_match.namespace
        if namespace.startswith(SNIPPET_NAMESPACES) and not str(view_kwargs.get("pk", "0")).isdigit():
            raise Http404("No such record.")
        return None

    @staticmethod
    def _make_safe(request):
        admin_search = request.path.startswith("/admin/") and "q" in request.GET
        bad_next = "next" in request.GET and not is_local_path(request.GET["next"])
        if not (admin_search or bad_next):
            return
        request.GET = query = request.GET.copy()
        if admin_search:
            query["q"] = search_terms(query["q"], keep_punctuation=True)
        if bad_next:
            # Django's and Wagtail's sign-in views redirect to `next` and fail on one that is neither a path
            # nor a URL name; only the portal's own paths are ever a place to go on to.
            del query["next"]
        query._mutable = False


def search_terms(value: str | None, max_length: int = MAX_SEARCH_LENGTH, *, keep_punctuation: bool = False) -> str:
    """The words of a search box, safe for every full-text backend ("" when no word is left).

    `keep_punctuation` is for the Wagtail admin, whose listings also match with the database ("@" and "."
    in an email address must survive there): only control characters and double quotes go, the one
    character the search backends' own quoting of each term cannot hold.
    """
    text = _CONTROL.sub(" ", (value or "")[: max_length * 2])
    if keep_punctuation:
        return " ".join(text.replace('"', " ").split())[:max_length].strip()
    return " ".join(_WORD.findall(text))[:max_length].strip()


def is_local_path(value: str) -> bool:
    """A path on this site ("/dashboard/"), not another site's address or anything else."""
    return value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=set())


def id_parameter(request, name: str) -> int | None:
    """The record number in query parameter `name`, None when absent; anything but digits is a 400."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise BadRequest(f"'{name}' must be a record number.")
    return int(raw)
