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
        self.page.screenshot(
            path=str(self.folder / f"{len(list(self.folder.glob('*.png'))) + 1:02d}-{name}.png"), full_page=True
        )

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


def without_session_release(journey):
    """Leaving the editor, the browser tells Wagtail by a beacon that the editing session is over, at the
    very moment it asks for the next page. The live test server shares one in-memory SQLite connection
    between its threads, so those two requests at once can break each other's transaction (a server on a
    real database serves both). The beacon matters to no step of this journey: it is dropped."""
    journey.page.route(re.compile(r"/admin/editing-sessions/release/"), lambda route: route.abort())
    return journey
