"""Many published offers at once, for the scale tests and the benchmark (bench/offers_bench.py).

Creating pages one by one through Wagtail costs tens of milliseconds each; these are written with a few
bulk inserts (page tree paths computed here), then added to the search index in one go. The pages are
what the CMS would have published: live, with their organisation, localities, areas, search entries and
(each in turn) a postcode district of the offline geocoder's table, located.
"""

import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home import geocoding, search_index
from home.directory_cache import DIRECTORY
from home.models import ChecklistSection, OfferIndexPage, OfferPage, OfferService
from portal.models import Locality, Organisation

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's page tree uses
PROVISION = ["First day calling", "Walking bus", "Nurture groups", "Play therapy"]
BEREAVEMENT = "Bereavement counselling / groups"


def _step(number: int) -> str:
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = ALPHABET[remainder] + text
    return text.rjust(Page.steplen, "0")


def _areas(i):
    """Every offer lists some provision; every third offers bereavement support."""
    picked = [PROVISION[(i + k) % len(PROVISION)] for k in range(2)] + ([BEREAVEMENT] if i % 3 == 0 else [])
    return [("area", {"section": "semh", "name": "SEMH", "primary": picked, "secondary": [], "outcomes": []})]


def _services(i, page):
    """Every agency lists two services: a free drop-in families can ask for, and a paid one by referral
    (every seventh temporarily closed)."""
    if i % 2 == 0:
        return []
    return [
        OfferService(
            page=page, sort_order=0, name="Family drop-in", description="Come in for a chat and a cup of tea.",
            min_age=0, max_age=18, self_referral=True, drop_in=True, languages="English, Punjabi",
        ),
        OfferService(
            page=page, sort_order=1, name="Therapy sessions", description="Weekly sessions with a therapist.",
            min_age=5, max_age=16, cost=OfferService.Cost.PAID, cost_amount=12, cost_details="per session",
            professional_referral=True, temporarily_closed=i % 7 == 0, closed_reason="Our therapist is on leave",
        ),
    ]  # fmt: skip


@transaction.atomic
def create_published_offers(count: int, *, label="Scale") -> list:
    """Create `count` organisations, each with a published offer page; returns the pages' ids."""
    index = OfferIndexPage.objects.get()
    localities = list(Locality.objects.all()) or [
        Locality.objects.create(name=f"{label} locality", slug=f"{label.lower()}-locality")
    ]
    semh = ChecklistSection.objects.filter(checklist__is_current=True, kind="area", slug="semh").first()
    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{label} organisation {start + i}",
                slug=f"{label.lower()}-organisation-{start + i}",
                kind=Organisation.Kind.SCHOOL if i % 2 == 0 else Organisation.Kind.AGENCY,
                sector=Organisation.Sector.EDUCATION if i % 2 == 0 else Organisation.Sector.VOLUNTARY,
                phase=Organisation.Phase.PRIMARY if i % 2 == 0 else "",
                urn=str(700000 + start + i) if i % 2 == 0 else None,
                locality=localities[i % len(localities)],
            )
            for i in range(count)
        ]
    )
    last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
    first_step = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(OfferPage)
    locale = Locale.get_default()
    pages = []
    centres = sorted(geocoding.OfflineGeocoder().centres.items())
    for i, organisation in enumerate(organisations):
        slug = organisation.slug
        district, centre = centres[i % len(centres)]
        pages.append(
            OfferPage(
                title=organisation.name,
                draft_title=organisation.name,
                slug=slug,
                content_type=content_type,
                path=index.path + _step(first_step + i),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                live_revision=None,
                locale=locale,
                translation_key=uuid.uuid4(),
                organisation=organisation,
                summary=f"{organisation.name} helps families early, whatever the difficulty.",
                how_to_get_help="Ring the office and ask for the Designated Safeguarding Lead.",
                min_age=4 if i % 2 == 0 else None,
                max_age=11 if i % 2 == 0 else None,
                phone="0116 000 0000",
                email="help@example.org",
                address=f"{i} Test Street\nLeicester",
                postcode=f"{district} 1AA",
                latitude=centre[0],
                longitude=centre[1],
                areas=_areas(i),
                completed_on=now.date(),
                review_date=now.date() + timedelta(days=365 if i % 5 else -1),
            )
        )
    base_fields = [f.attname for f in Page._meta.local_concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create([Page(**{name: getattr(p, name) for name in base_fields}) for p in pages])
    for page, base in zip(pages, bases):
        page.pk = page.id = page.page_ptr_id = base.pk
    child_fields = [f for f in OfferPage._meta.local_concrete_fields]
    batch = 500
    for offset in range(0, len(pages), batch):
        OfferPage._base_manager._insert(pages[offset : offset + batch], fields=child_fields, using="default")
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    served = OfferPage.localities.through
    served.objects.bulk_create(
        [served(offerpage_id=p.pk, locality_id=o.locality_id) for p, o in zip(pages, organisations)]
    )
    if semh:
        OfferPage.areas_offered.through.objects.bulk_create(
            [OfferPage.areas_offered.through(offerpage_id=p.pk, checklistsection_id=semh.pk) for p in pages]
        )
    OfferService.objects.bulk_create([service for i, page in enumerate(pages) for service in _services(i, page)])
    ids = [p.pk for p in pages]
    backend = get_search_backend()
    for offset in range(0, len(ids), batch):
        chunk = (
            OfferPage.objects.filter(pk__in=ids[offset : offset + batch])
            .select_related("organisation")
            .prefetch_related("services")
        )
        backend.add_bulk(OfferPage, list(chunk))
        search_index.index_offers(chunk)
    DIRECTORY.changed()  # bulk inserts send no signals
    return ids
