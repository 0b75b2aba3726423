"""Real-browser journeys: Playwright driving Debian's Chromium against a live test server.

Chromium comes from the system (`apt-get install chromium`; `.ci/run` installs it), never a downloaded
browser. Without /usr/bin/chromium these tests are skipped with that reason.
Every page a journey visits is checked with axe-core (WCAG 2.2 A and AA) through `visit`/`check`,
and key pages are saved as screenshots under tests/browser/screenshots/<test name>/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (see README)")
    # Every journey runs against a live server on a real, committed database. Serialized rollback puts
    # back what the data migrations loaded (the frameworks, the offers directory) after any earlier
    # transactional test emptied the database.
    database = pytest.mark.django_db(transaction=True, serialized_rollback=True)
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(database)
            if not CHROMIUM.exists():
                item.add_marker(skip)


@pytest.fixture
def demo_data(transactional_db, live_server, settings):
    """The whole demo partnership, as `make run` shows it."""
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo")
    settings.DEBUG = False


@pytest.fixture
def chromium(demo_data, monkeypatch):
    """The browser, started only after the database is set up and seeded.

    Playwright's sync API runs an event loop in this thread, and Django then hands out different
    database connection objects; setting up the test database first keeps its bookkeeping intact.
    """
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Journey:
    """One person's browser tab, with accessibility checks and screenshots as it goes."""

    def __init__(self, page, base_url, folder):
        self.page = page
        self.base_url = base_url
        self.folder = folder
        self.checked = []

    def visit(self, path):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self, name=None):
        """Run axe-core on the page as it is now; fail on any WCAG 2.2 A/AA violation."""
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in violations
        ]
        assert not violations, f"{self.page.url}:\n" + "\n".join(summary)
        self.checked.append(self.page.url)
        if name:
            self.screenshot(name)

    def screenshot(self, name):
        self.folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.folder / f"{len(list(self.folder.glob('*.png'))) + 1:02d}-{name}.png"),
                             full_page=True)

    def sign_in(self, email, password):
        self.visit("/accounts/login/")
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Password").fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Sign in").click()
        self.check()


@pytest.fixture
def journey(chromium, live_server, request):
    """journey(viewport=PHONE) -> a Journey in a fresh browser context (its own cookies), on the demo data."""
    contexts = []
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)  # each run's screenshots replace the last run's

    def start(viewport=DESKTOP):
        context = chromium.new_context(viewport=viewport, accept_downloads=True, locale="en-GB")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return Journey(context.new_page(), live_server.url, folder)

    yield start
    for context in contexts:
        context.close()


# Helpers for the form journeys (journeys A): keyboard moves, visible focus, and errors tied to fields.
# They take the Playwright page so any journey can use them; each asserts what a keyboard or screen-reader
# user relies on, in the words of WCAG 2.2 (2.4.3 focus order, 2.4.7 focus visible, 3.3.1 error identification).

FOCUSED_DESCRIPTION = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const label = el.labels && el.labels.length ? el.labels[0].innerText.trim()
        : (el.getAttribute('aria-label') || el.innerText || el.value || '').trim();
    return {id: el.id, name: el.getAttribute('name') || '', tag: el.tagName.toLowerCase(),
            type: el.getAttribute('type') || '', label: label.replace(/\\s+/g, ' ')};
}"""


def focused(page):
    """What has the keyboard focus now: {id, name, tag, type, label}, or None for the page itself."""
    return page.evaluate(FOCUSED_DESCRIPTION)


def focus_is_visible(page):
    """The focused element draws an outline or a box shadow (the portal's and Wagtail's focus styles)."""
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}; }"
    )
    outlined = style["outline"] != "none" and style["width"] not in ("0px", "")
    return outlined or style["shadow"] not in ("none", "")


def tab_to(page, locator, limit=80, backwards=False):
    """Press Tab (or Shift+Tab) until `locator` has the focus; returns the elements passed on the way.

    Fails if the element is not reached within `limit` presses: it is not in the tab order.
    """
    handle = locator.element_handle()
    passed = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            assert focus_is_visible(page), f"no visible focus on {focused(page)}"
            return passed
        passed.append(focused(page))
    raise AssertionError(f"{locator} not reached by keyboard in {limit} presses; passed {passed[-5:]}")


def type_into(page, locator, text, limit=80):
    """Tab to a text field and type into it, replacing what is there, with the keyboard only."""
    tab_to(page, locator, limit)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def assert_error_tied_to_field(page, field, message):
    """An error the way screen-reader users get it: the field is marked invalid, its description holds the
    message, and the error summary at the top links to the field (or the first choice of a group)."""
    assert field.get_attribute("aria-invalid") == "true", f"{field} is not marked aria-invalid"
    field_id = field.get_attribute("id")
    described_by = (field.get_attribute("aria-describedby") or "").split()
    if not described_by:  # a radio or checkbox group is described by its fieldset
        described_by = (field.locator("xpath=ancestor::fieldset[1]").get_attribute("aria-describedby") or "").split()
    missing = [ref for ref in described_by if not page.locator(f"[id='{ref}']").count()]
    assert not missing, f"#{field_id} is described by elements that are not on the page: {missing}"
    texts = [page.locator(f"[id='{ref}']").inner_text() for ref in described_by]
    assert any(message in text for text in texts), f"{message!r} not in the description of #{field_id}: {texts}"
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert" or summary.locator("[role=alert]").count()
    link = summary.locator(f"a[href='#{field_id}']")
    assert link.count() and message in link.first.inner_text(), f"no error summary link to #{field_id}"


# Wagtail fades its messages in just after the page loads, and axe measures colours as drawn at that
# moment, so the admin's pages are checked once the page has been loaded a moment and no CSS transition
# is running (attention-seeking animations, like the pinging badges, are left to run).
SETTLED = """() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const loadedFor = navigation && navigation.loadEventEnd ? performance.now() - navigation.loadEventEnd : 0;
    const fading = document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running');
    return loadedFor > 250 && !fading;
}"""


def settled_check(journey, name=None):
    """Journey.check once the page has finished animating (for the Wagtail admin's pages)."""
    journey.page.wait_for_function(SETTLED)
    journey.check(name)


Journey.settled_check = settled_check
