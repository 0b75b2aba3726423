"""The load of bench/load.py: the public using the directory and the feed, partners signed in at work.

Run by bench/load.py against a Gunicorn server holding the demo partnership (`manage.py seed_demo`);
it can also be pointed at any such server by hand:

    .venv/bin/locust -f bench/locustfile.py --headless -u 10 -t 30s --host http://127.0.0.1:8000

Each request is named after its endpoint group ("public/directory", "partner/pledges", ...), so Locust's
statistics come out per group. Pages are found the way a person finds them, by following the links the
portal shows (offers from the directory, a partner's pages from the dashboard): a link the portal shows
that then answers 403 or 404 counts as an error, as does a signed-in page that sends back to sign-in.
"""

import random
import re

from locust import HttpUser, between, task

DEMO_PASSWORD = "EarlyHelp-demo-2026"
SCHOOL_ACCOUNTS = ["school.lead@example.org", "school.editor@example.org", "secondary.lead@example.org"]
AGENCY_ACCOUNTS = ["agency.lead@example.org", "agency.editor@example.org", "homestart.lead@example.org"]
SEARCHES = [
    "bereavement",
    "attendance",
    "housing",
    "breakfast club",
    "mental health",
    "parenting",
    "bullying",
    "young carers",
    "zzzz-no-such-offer",
]
AGES = [0, 4, 9, 13, 17]

HREF = re.compile(r'href="(/[^"#?]*)(?:\?[^"#]*)?"')
OFFER_LINK = re.compile(r'href="(/offers/[a-z0-9-]+/)"')
OPTION = re.compile(r'<select[^>]*name="(\w+)"|<option value="([^"]+)"')

# The signed-in pages a partner reads, by group; links outside these (writes behind confirmation pages,
# spreadsheet downloads, the rest of the CMS) are not followed.
PARTNER_GROUPS = [
    ("partner/dashboard", re.compile(r"^/dashboard/$")),
    ("partner/organisation", re.compile(r"^/organisations/[\w-]+/(contact/)?$")),
    (
        "partner/pledges",
        re.compile(r"^/pledges/(signatories/|designated-leads/|organisations/[\w-]+/(pledges/\d+/)?)?$"),
    ),
    ("partner/audits", re.compile(r"^/audits/(\d+/|schools/[\w-]+/|\d+/steps/([\w-]+/)?)?$")),
    ("partner/case-audits", re.compile(r"^/case-audits/(\d+/|actions/|reports/)?$")),
    ("partner/maturity", re.compile(r"^/maturity/(rounds/\d+/(contribute/)?|compare/)?$")),
    ("partner/offer-editor", re.compile(r"^/admin/pages/\d+/edit/$")),
    ("partner/offer-page", re.compile(r"^/offers/[a-z0-9-]+/$")),
]


def partner_group(path):
    for name, pattern in PARTNER_GROUPS:
        if pattern.match(path):
            return name
    return None


def select_options(html):
    """{select name: [option values]} of a page's filter form, empty values (\"any\") left out."""
    options, current = {}, None
    for name, value in OPTION.findall(html):
        if name:
            current = options.setdefault(name, [])
        elif current is not None:
            current.append(value)
    return options


class PublicVisitor(HttpUser):
    """A parent, carer or practitioner: the directory, its search and filters, offer pages, the feed."""

    weight = 3
    wait_time = between(0.1, 0.5)

    def on_start(self):
        self.offer_paths, self.filters, self.service_ids = [], {}, []
        self.directory()

    def get_page(self, path, name, expect, **params):
        with self.client.get(path, params=params or None, name=name, catch_response=True) as response:
            if response.status_code == 200 and expect not in response.text:
                response.failure(f"{path} did not show {expect!r}")
            return response

    @task(3)
    def directory(self):
        response = self.get_page("/offers/", "public/directory", "Search offers", page=random.choice([1, 1, 2]))
        if response.ok:
            self.offer_paths = sorted(set(OFFER_LINK.findall(response.text))) or self.offer_paths
            self.filters = select_options(response.text) or self.filters

    @task(3)
    def search(self):
        self.get_page("/offers/", "public/search", "Search offers", q=random.choice(SEARCHES))

    @task(3)
    def filter_by_locality(self):
        params = {"locality": random.choice(self.filters.get("locality") or ["central"])}
        if random.random() < 0.5:  # narrowed further, as people do once they see the first list
            extra = random.choice(["kind", "area", "age"])
            params[extra] = random.choice(AGES) if extra == "age" else random.choice(self.filters.get(extra) or [""])
        self.get_page("/offers/", "public/directory-filters", "Search offers", **params)

    @task(4)
    def offer_page(self):
        if self.offer_paths:
            self.get_page(random.choice(self.offer_paths), "public/offer-page", "<h1")

    @task(1)
    def home(self):
        self.get_page("/", "public/home", "<h1")

    @task(1)
    def stylesheet(self):
        self.client.get("/static/css/portal.css", name="public/static-file")

    @task(2)
    def feed_services(self):
        params = {"per_page": random.choice([5, 10, 50]), "page": random.choice([1, 2, 3])}
        if random.random() < 0.3:
            params["search"] = random.choice(SEARCHES[:4])
        with self.client.get(
            "/api/openreferral/services", params=params, name="public/feed-services", catch_response=True
        ) as response:
            if response.ok:
                try:
                    page = response.json()
                    ids = [service["id"] for service in page["contents"]]
                except (ValueError, KeyError, TypeError) as error:
                    response.failure(f"not an Open Referral page: {error!r}")
                    return
                self.service_ids = ids or self.service_ids

    @task(2)
    def feed_service(self):
        if self.service_ids:
            with self.client.get(
                f"/api/openreferral/services/{random.choice(self.service_ids)}",
                name="public/feed-service",
                catch_response=True,
            ) as response:
                if response.ok and "name" not in response.json():
                    response.failure("a service without its name")

    @task(1)
    def feed_other(self):
        path = random.choice(["", "service_at_locations", "taxonomies", "taxonomy_terms"])
        with self.client.get(f"/api/openreferral/{path}", name="public/feed-other", catch_response=True) as response:
            if response.ok:
                response.json()  # a body that is not JSON raises, and Locust counts the error


class Partner(HttpUser):
    """Someone at a school or an agency, signed in with a demo account, reading their own records."""

    abstract = True
    accounts = []
    wait_time = between(0.3, 1.0)

    def on_start(self):
        self.known = {}  # group -> set of paths the portal has linked to
        self.sign_in(random.choice(self.accounts))
        self.open("/dashboard/")

    def sign_in(self, email):
        self.client.get("/accounts/login/", name="partner/sign-in-page")
        token = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/accounts/login/",
            data={"username": email, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="partner/sign-in",
            catch_response=True,
        ) as response:
            if not response.url.endswith("/dashboard/"):
                response.failure(f"{email} was not signed in (ended at {response.url})")

    def open(self, path):
        group = partner_group(path)
        with self.client.get(path, name=group, catch_response=True) as response:
            if response.ok and "/accounts/login/" in response.url:
                response.failure(f"{path} sent a signed-in partner back to sign in")
                return
            if not response.ok:
                return
        for link in HREF.findall(response.text):
            link_group = partner_group(link)
            if link_group:
                self.known.setdefault(link_group, set()).add(link)

    def visit(self, group):
        paths = sorted(self.known.get(group, ()))
        if paths:
            self.open(random.choice(paths))

    @task(3)
    def dashboard(self):
        self.open("/dashboard/")

    @task(2)
    def organisation(self):
        self.visit("partner/organisation")

    @task(3)
    def pledges(self):
        if "partner/pledges" not in self.known:
            self.open("/pledges/")
        self.visit("partner/pledges")

    @task(2)
    def case_audits(self):
        self.visit("partner/case-audits")

    @task(2)
    def maturity(self):
        if "partner/maturity" not in self.known:
            self.open("/maturity/")
        self.visit("partner/maturity")

    @task(1)
    def own_offer(self):
        self.visit("partner/offer-page")

    @task(1)
    def offer_editor(self):
        self.visit("partner/offer-editor")


class SchoolPartner(Partner):
    """A school's DSL or editor: the commitments audit and its action plan on top of the shared pages."""

    weight = 1
    accounts = SCHOOL_ACCOUNTS

    @task(3)
    def audits(self):
        if "partner/audits" not in self.known:
            self.open("/audits/")
        self.visit("partner/audits")


class AgencyPartner(Partner):
    weight = 1
    accounts = AGENCY_ACCOUNTS
