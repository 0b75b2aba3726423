"""The machinery of the URL sweep: every URL pattern of the project, filled in, fetched and read as text.

- `routes()` walks `django.urls.get_resolver()` recursively and turns every pattern (path() routes and
  regular expressions alike) into a template such as "audits/<pk>/actions/<action_pk>/".
- `fill(route, fillers)` substitutes every parameter from a table of fillers (see test_url_sweep.py) and
  raises `Unfillable` when one has no filler, so a new view with a new parameter cannot go unswept.
- `readable(response)` is what a person would read: HTML, JSON and CSV as text, spreadsheets cell by cell,
  and the headers (a file name or a redirect can leak too).
"""

import io
import itertools
import re
import zipfile
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


class Unfillable(Exception):
    pass


@dataclass(frozen=True)
class Route:
    template: str  # "/audits/<pk>/steps/<step>/": every parameter as <name>
    name: str  # "namespace:name", or "" for unnamed patterns
    namespace: str

    @property
    def params(self):
        return re.findall(r"<(\w+)>", self.template)


_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")


def _regex_template(regex):
    """ "^services/(?P<service_id>[^/]+)/?$" -> "services/<service_id>/"; unnamed groups become <_1>, <_2>."""
    out, i, unnamed = [], 0, 0
    regex = regex.removeprefix("^").removesuffix("$")
    while i < len(regex):
        char = regex[i]
        if char == "(":
            depth, j = 1, i + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[j], 0) if regex[j - 1] != "\\" else 0
                j += 1
            named = re.match(r"\(\?P<(\w+)>", regex[i:])
            if named:
                out.append(f"<{named.group(1)}>")
            else:
                unnamed += 1
                out.append(f"<_{unnamed}>")
            i = j
        elif regex[i : i + 2] in (".*", ".+"):
            unnamed += 1
            out.append(f"<_{unnamed}>")
            i += 2
        elif char == "\\" and i + 1 < len(regex):
            out.append(regex[i + 1])
            i += 2
        elif regex[i : i + 2] == "/?":
            out.append("/")
            i += 2
        elif char in "[]*+?{}|$^":
            raise ValueError(f"cannot turn the regular expression {regex!r} into a URL")
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _template(pattern):
    if isinstance(pattern, RoutePattern):
        return _ROUTE_PARAM.sub(r"<\1>", str(pattern))
    if isinstance(pattern, RegexPattern):
        return _regex_template(pattern.regex.pattern)
    raise TypeError(f"unknown URL pattern type {type(pattern)}")


def routes():
    """Every URL pattern of the project, in resolution order."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            here = prefix + _template(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                walk(entry.url_patterns, here, inner)
            elif isinstance(entry, URLPattern):
                name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
                found.append(Route(template="/" + here, name=name, namespace=namespace))

    walk(get_resolver().url_patterns, "", "")
    return found


def filler_for(route, param, fillers):
    """The most specific filler: "template:param" (for unnamed routes), "namespace:name:param",
    "namespace:param", then "param"."""
    for key in (f"{route.template}:{param}", f"{route.name}:{param}", f"{route.namespace}:{param}", param):
        if key in fillers:
            return fillers[key]
    raise Unfillable(f"{route.template} ({route.name or 'unnamed'}): no filler for <{param}>")


def fill(route, fillers, world):
    """Every URL the route gives with the world's values (several when a filler gives several)."""
    params = list(dict.fromkeys(route.params))
    choices = [[str(v) for v in filler_for(route, p, fillers)(world)] for p in params]
    urls = []
    for values in itertools.product(*choices):
        url = route.template
        for param, value in zip(params, values):
            url = url.replace(f"<{param}>", value)
        urls.append(url.replace("//", "/"))
    return urls


def _spreadsheet_text(content):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    cells = []
    for sheet in workbook.worksheets:
        cells.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(value) for value in row if value is not None)
    workbook.close()
    return "\n".join(cells)


def body_bytes(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def readable(response):
    """What a person could read in the response: its text (spreadsheets decoded) and its headers."""
    content = body_bytes(response)
    kind = response.get("Content-Type", "")
    if content[:2] == b"PK" and ("spreadsheet" in kind or "excel" in kind or "octet-stream" in kind):
        try:
            text = _spreadsheet_text(content)
        except (zipfile.BadZipFile, KeyError, OSError) as problem:
            text = f"<unreadable spreadsheet: {problem}>"
    else:
        text = content.decode("utf-8-sig", errors="replace")
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return f"{headers}\n{text}"


def kind_of(response):
    """A short name for the response's format, for figures and messages."""
    kind = response.get("Content-Type", "")
    for name in ("spreadsheet", "csv", "json", "html"):
        if name in kind:
            return "xlsx" if name == "spreadsheet" else name
    return kind.split(";")[0] or "empty"
