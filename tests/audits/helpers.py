"""Test helpers: read a page's form the way a browser would, so tests post exactly what a person would."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_index):
        super().__init__()
        self.form_index, self.seen_forms, self.inside = form_index, -1, False
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.seen_forms += 1
            self.inside = self.seen_forms == self.form_index
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self.inside and self._textarea:
            self.data[self._textarea] += data.removeprefix("\n") if not self.data[self._textarea] else data


def form_data(html, form_index=-1):
    """The fields of the page's form (by default the last one, after the sign-out form) as a dict."""
    forms = html.count("<form")
    reader = _FormReader(form_index % forms)
    reader.feed(html)
    return reader.data


def names(data, suffix):
    """Field names in posted data that end with `suffix`, in page order (e.g. "-rag")."""
    return [name for name in data if name.endswith(suffix) and not name.startswith("initial-")]
