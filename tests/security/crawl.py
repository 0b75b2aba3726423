"""A small same-site crawler for the abusive-input tests: every page a person can reach by following links."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

# Never followed: signing out, files, and the Wagtail admin beyond the listings and editors people use.
SKIPPED = re.compile(r"^/(static|media|documents)/|^/accounts/(logout|password_reset)|/delete/?$|/unpublish/|/copy/")
ADMIN_ALLOWED = re.compile(
    r"^/admin/$|^/admin/pages/(\d+/)?$|^/admin/pages/\d+/(edit|history)/$|^/admin/(organisation|locality)/$"
    r"|^/admin/(organisation|locality)/edit/\d+/$|^/admin/users/$|^/admin/organisations-import/$|^/admin/reports/"
)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def links_in(html):
    parser = _Links()
    parser.feed(html)
    return parser.links


@dataclass
class Visit:
    path: str
    status: int
    content_type: str
    body: bytes


@dataclass
class Crawl:
    visits: list = field(default_factory=list)

    def pages(self):
        return [v for v in self.visits if v.content_type.startswith("text/html")]

    def files(self, content_type):
        return [v for v in self.visits if v.content_type.startswith(content_type)]


def crawl(client, starts, *, limit=150, already_checked=None, always=()):
    """GET every same-site link reachable from `starts` (one visit per path, whatever its query string).

    already_checked  paths another person's crawl has checked: skipped (their links are not followed), except
                     those in `always` (pages that differ by role, such as the dashboard)
    """
    result = Crawl()
    seen_paths = set(already_checked or ()) - set(always)
    queue = list(starts)
    while queue and len(result.visits) < limit:
        url = urldefrag(queue.pop(0))[0]
        path = urlsplit(url).path
        if path in seen_paths or SKIPPED.search(path):
            continue
        if path.startswith("/admin/") and not ADMIN_ALLOWED.search(path):
            continue
        seen_paths.add(path)
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        body = response.content if not getattr(response, "streaming", False) else b"".join(response.streaming_content)
        result.visits.append(Visit(url, response.status_code, content_type, body))
        if response.status_code == 200 and content_type.startswith("text/html"):
            for href in links_in(body.decode()):
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                    continue
                queue.append(href)
    return result
