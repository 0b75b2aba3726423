"""The directory search as families use it: everyday words, other forms of a word, misspellings, relevance,
why each result matched, a postcode and distance, and what to try when nothing is found."""

import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home import geocoding, search, words
from home.models import OfferPage, SearchTerm, Synonym, UrgentHelpSettings
from portal.models import Organisation
from testdata.offers import make_offer

pytestmark = pytest.mark.django_db


def names(response):
    assert response.status_code == 200
    return re.findall(r'<h3 class="offer-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def matches(response):
    """Each result's "why it matched" lines, as HTML."""
    html = response.content.decode()
    return [
        " ".join(found.split()) for found in re.findall(r'<ul class="offer-result__matches">(.*?)</ul>', html, re.S)
    ]


def area(section, name, primary):
    return ("area", {"section": section, "name": name, "primary": primary, "secondary": [], "outcomes": []})


@pytest.fixture
def directory(school, other_school, agency, south, offer_index):
    """Oak Tree (LE4, north): bereavement counselling in its list. Birch Academy (LE2): play therapy and
    an anti-bullying champion. Family Action Group (LE5): bereavement in its name and summary. Advice Point
    South (no postcode): money advice."""
    make_offer(
        school,
        postcode="LE4 6AB",
        address="1 Oak Road\nLeicester",
        areas=[area("semh", "SEMH", ["Bereavement counselling / groups", "Nurture groups"])],
    )
    make_offer(
        other_school,
        postcode="LE2 8AA",
        address="2 Birch Road\nLeicester",
        min_age=11,
        max_age=18,
        areas=[area("staying-safe", "Staying safe", ["Anti-bullying champion", "Play therapy"])],
    )
    agency.name = "Family Bereavement Action Group"
    agency.save()
    make_offer(
        agency,
        localities=[],
        postcode="LE5 4AA",
        address="3 Action Street\nLeicester",
        summary="Bereavement support for children who have lost someone: bereavement groups after school.",
    )
    advice = Organisation.objects.create(name="Advice Point South", kind="la_service", sector="council", locality=south)
    make_offer(advice, summary="Advice on money, debt and benefits, housing and parenting.", postcode="")


# --- the words -------------------------------------------------------------------------------------------


def test_words_have_stems_so_other_forms_match():
    assert words.stem("groups") == words.stem("group")
    assert words.stem("bereaved") == words.stem("bereavement")
    assert words.stems("the groups for my child") == (words.stem("groups"), words.stem("child"))
    assert words.stems("the") == ("the",)  # only stopwords typed: they are searched after all


@pytest.mark.parametrize(
    "a, b, distance",
    [("bereavment", "bereavement", 1), ("atendance", "attendance", 1), ("teh", "the", 1), ("abc", "xyz", 3)],
)
def test_edit_distance_counts_insertions_deletions_substitutions_and_swaps(a, b, distance):
    assert words.edit_distance(a, b, 5) == distance


def test_closest_words_are_within_the_allowed_edits_and_short_words_are_never_guessed():
    vocabulary = ["bereavement", "attendance", "bullying", "bully"]
    assert words.closest("bereavment", vocabulary) == ["bereavement"]
    assert words.closest("bulying", vocabulary) == ["bullying"]
    assert words.closest("zebra", vocabulary) == []
    assert words.closest("bul", vocabulary) == []


def test_marking_escapes_the_text_and_marks_whole_words_by_stem():
    html, marked = words.mark("<b>Groups</b> & a group-work regroup", {words.stem("group")})
    assert marked
    assert html == "&lt;b&gt;<mark>Groups</mark>&lt;/b&gt; &amp; a <mark>group</mark>-work regroup"
    assert words.mark("nothing here", {"bereav"}) == ("nothing here", False)


def test_a_long_line_is_cut_around_its_match():
    text = " ".join(f"word{i}" for i in range(60)) + " bereavement " + " ".join(f"more{i}" for i in range(60))
    cut = words.excerpt(text, {words.stem("bereavement")}, around=5)
    assert cut.startswith("…word55") and cut.endswith("more4…") and "bereavement" in cut


# --- the postcode --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, normal", [("le4 6ab", "LE4 6AB"), ("LE46AB", "LE4 6AB"), (" le4 ", "LE4"), ("LE4 6", None), ("4LE", None)]
)
def test_postcodes_are_read_as_people_type_them(typed, normal):
    assert geocoding.normalise(typed) == normal


def test_the_offline_geocoder_places_leicestershire_districts_and_nothing_else():
    coder = geocoding.OfflineGeocoder()
    assert coder.locate("LE1 5WW") == coder.locate("LE1")
    assert coder.locate("SW1A 1AA") is None and coder.locate("nonsense") is None
    assert coder.covers() == "LE1 to LE19, LE65, LE67"
    # Leicester to Loughborough is about ten miles as the crow flies.
    assert 9 < geocoding.haversine_miles(coder.locate("LE1"), coder.locate("LE11")) < 11


@pytest.mark.parametrize(
    "miles, label", [(0.2, "under half a mile"), (1.234, "about 1.2 miles"), (14.4, "about 14 miles")]
)
def test_distances_are_said_in_words(miles, label):
    assert geocoding.distance_label(miles) == label


# --- relevance and sorting ---------------------------------------------------------------------------------


def test_searching_ranks_by_relevance_the_name_and_summary_before_a_line_in_a_list(client, directory):
    # The group has "bereavement" in its name and twice in its summary; Oak Tree once, in its provision.
    assert names(client.get("/offers/?q=bereavement")) == ["Family Bereavement Action Group", "Oak Tree Primary School"]
    assert names(client.get("/offers/?q=bereavement&sort=name")) == [
        "Family Bereavement Action Group", "Oak Tree Primary School",
    ]  # fmt: skip
    html = client.get("/offers/?q=bereavement").content.decode()
    assert '<option value="relevance" selected>Most relevant</option>' in html
    assert 'value="nearest"' not in html  # no postcode given: nearest is not offered


def test_the_same_search_sorted_by_name(client, directory, school):
    # Oak Tree mentions "groups" twice (its two lines), the group once in the summary and once in its name.
    ranked = names(client.get("/offers/?q=groups"))
    assert set(ranked) == {"Family Bereavement Action Group", "Oak Tree Primary School"}
    assert names(client.get("/offers/?q=groups&sort=name")) == sorted(ranked)


@pytest.mark.parametrize("sort", ["bogus", "", "nearest", "relevance", "%00", "x" * 300])
def test_a_sort_that_is_not_understood_never_breaks_the_page(client, directory, sort):
    response = client.get("/offers/", {"q": "bereavement", "sort": sort})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(names(response)) == 2


def test_browsing_stays_in_name_order(client, directory):
    assert names(client.get("/offers/")) == [
        "Advice Point South", "Birch Academy", "Family Bereavement Action Group", "Oak Tree Primary School",
    ]  # fmt: skip


# --- everyday words, forms and misspellings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, found",
    [
        ("grief", ["Family Bereavement Action Group", "Oak Tree Primary School"]),
        ("grieving", ["Family Bereavement Action Group", "Oak Tree Primary School"]),
        ("bullied", ["Birch Academy"]),
        ("money", ["Advice Point South"]),
        ("worried", ["Oak Tree Primary School"]),  # SEMH
        ("therapies", ["Birch Academy"]),  # another form of "therapy"
        ("bereaved", ["Family Bereavement Action Group", "Oak Tree Primary School"]),
    ],
)
def test_everyday_words_and_other_forms_find_the_offers(client, directory, typed, found):
    assert sorted(names(client.get(f"/offers/?q={typed}"))) == found


def test_a_synonym_says_what_else_was_searched_and_marks_it(client, directory):
    response = client.get("/offers/?q=grief")
    html = response.content.decode()
    assert "Including offers that mention “bereavement”." in html
    assert all("<mark>" in lines for lines in matches(response))
    assert "<mark>Bereavement</mark> counselling / groups" in html


def test_the_la_edits_synonyms_and_the_directory_uses_them_at_once(client, directory):
    assert names(client.get("/offers/?q=sorrow")) == []
    Synonym.objects.create(everyday_words="sorrow, heartbreak", directory_words="bereavement")
    assert len(names(client.get("/offers/?q=sorrow"))) == 2
    assert len(names(client.get("/offers/?q=heartbreak"))) == 2


@pytest.mark.parametrize(
    "everyday, meaning",
    [
        ("grief", "bereavement"),
        ("anxiety", "semh"),
        ("stress", "emotional wellbeing"),
        ("autism", "send"),
        ("money", "debt"),
        ("money", "benefits"),
        ("bullying", "staying safe"),
    ],
)
def test_the_partnership_starts_with_sensible_synonyms(everyday, meaning):
    table = search.synonyms()
    assert meaning in table[everyday][1]


def test_a_misspelling_that_still_matches_gets_did_you_mean(client, directory):
    response = client.get("/offers/?q=bereavment&kind=school")
    html = response.content.decode()
    assert names(response) == ["Oak Tree Primary School"]
    assert 'Did you mean <a href="?q=bereavement&amp;kind=school">bereavement</a>?' in html


def test_a_misspelling_that_matches_nothing_is_searched_as_the_word_it_safely_means(client, directory):
    response = client.get("/offers/?q=nuture")
    html = response.content.decode()
    assert names(response) == ["Oak Tree Primary School"]
    assert "There are no offers with “nuture”, so these are for <strong>“nurture”</strong>." in html
    assert "<mark>Nurture</mark> groups" in html
    assert "Did you mean" not in html


def test_a_correct_word_and_another_form_of_it_get_no_did_you_mean(client, directory):
    for typed in ("bereavement", "groups", "group", "grief"):
        assert "Did you mean" not in client.get(f"/offers/?q={typed}").content.decode(), typed


def test_a_search_that_finds_nothing_offers_other_words_looser_filters_and_the_advice_point(client, directory):
    help_numbers = UrgentHelpSettings.for_site(Site.objects.get(is_default_site=True))
    help_numbers.advice_point_phone, help_numbers.duty_team_phone = "0116 496 0103", "0116 496 0101"
    help_numbers.save()
    response = client.get("/offers/?q=xylophone&kind=school&age=7")
    html = response.content.decode()
    assert names(response) == [] and "No offers found" in html
    assert "Check the spelling, or use another word, for example: " in html
    assert re.search(r'<a href="\?q=[a-z+]+&amp;kind=school&amp;age=7">[a-z ]+</a>', html)
    assert "Search without “Type of organisation: Schools”" in html
    assert "Search without “Age of the child or young person: 7”" in html
    assert "Search every offer for “xylophone”" in html
    assert 'href="tel:01164960103">0116 496 0103</a>' in html  # the Advice Point
    assert 'href="tel:01164960101">0116 496 0101</a>' in html  # and urgent help


# --- why it matched -----------------------------------------------------------------------------------------


def test_each_result_shows_the_lines_that_matched_instead_of_the_same_summary(client, directory, school):
    response = client.get("/offers/?q=nurture")
    html = response.content.decode()
    assert matches(response) == ['<li><span class="offer-result__label">SEMH:</span> <mark>Nurture</mark> groups</li>']
    assert "helps families as soon as difficulties start" not in html  # the summary did not match
    browse = client.get("/offers/?kind=school").content.decode()
    assert "Oak Tree Primary School helps families as soon as difficulties start." in browse


def test_marked_text_is_escaped(client, directory, agency):
    page = OfferPage.objects.get(organisation=agency)
    page.summary = "Bereavement <script>alert(1)</script> groups"
    page.save_revision(clean=False).publish()
    html = client.get("/offers/?q=bereavement").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<mark>Bereavement</mark> &lt;script&gt;alert(1)&lt;/script&gt; <mark>groups</mark>" not in html
    assert "<mark>Bereavement</mark> &lt;script&gt;alert(1)&lt;/script&gt; groups" in html


# --- only what is published ----------------------------------------------------------------------------------


def test_a_drafts_words_are_never_found_and_an_unpublished_offer_leaves_the_index(client, directory, school):
    page = OfferPage.objects.get(organisation=school)
    page.summary = "Zebra crossing patrol every morning."
    page.save_revision(clean=False)  # a draft: not published
    assert names(client.get("/offers/?q=zebra")) == []
    assert names(client.get("/offers/?q=zebr")) == []  # nor offered as "did you mean"
    page.get_latest_revision().publish()
    assert names(client.get("/offers/?q=zebra")) == ["Oak Tree Primary School"]
    OfferPage.objects.get(pk=page.pk).unpublish()
    assert not SearchTerm.objects.filter(page_id=page.pk).exists()
    assert names(client.get("/offers/?q=zebra")) == []


def test_renaming_an_organisation_renames_what_its_offer_is_found_by(client, directory, school):
    school.name = "Willow Brook Primary"
    school.save()
    assert len(names(client.get("/offers/?q=willow"))) == 1


def test_the_index_is_rebuilt_by_a_command(client, directory, capsys):
    SearchTerm.objects.all().delete()
    call_command("index_offers")
    assert "Indexed 4 published offers." in capsys.readouterr().out
    assert len(names(client.get("/offers/?q=bereavement"))) == 2


# --- near a postcode ------------------------------------------------------------------------------------------


def test_a_postcode_sorts_by_distance_and_says_how_far(client, directory):
    response = client.get("/offers/?postcode=le4+6xy")
    html = response.content.decode()
    # LE4 (north) first, then LE5 (east), then LE2 (south); the Advice Point has no postcode: last.
    assert names(response) == [
        "Oak Tree Primary School", "Family Bereavement Action Group", "Birch Academy", "Advice Point South",
    ]  # fmt: skip
    assert "near LE4 6XY" in html
    assert html.count('class="offer-result__distance"') == 3
    assert "Under half a mile away" in html
    assert re.search(r"About \d\.\d miles away", html)
    assert '<option value="nearest" selected>Nearest first</option>' in html


def test_a_search_near_a_postcode_is_by_relevance_unless_nearest_is_chosen(client, directory):
    assert names(client.get("/offers/?q=bereavement&postcode=LE5")) == [
        "Family Bereavement Action Group", "Oak Tree Primary School",
    ]  # fmt: skip
    assert names(client.get("/offers/?q=groups&postcode=LE4&sort=nearest")) == [
        "Oak Tree Primary School", "Family Bereavement Action Group",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "postcode, message",
    [
        ("not a postcode", "Enter a real postcode, for example LE4 6AB, or its first part, LE4."),
        ("SW1A 1AA", "We cannot place SW1A 1AA: the directory knows postcodes in Leicester and Leicestershire"),
    ],
)
def test_a_wrong_postcode_is_explained_beside_the_field_and_the_search_kept(client, directory, postcode, message):
    response = client.get("/offers/", {"q": "bereavement", "postcode": postcode})
    html = response.content.decode()
    assert html.count(message) == 2  # in the summary and beside the field
    assert f'value="{postcode}"' in html  # what was typed, kept
    assert len(names(response)) == 2  # the search still ran


def test_nearest_without_a_postcode_asks_for_one(client, directory):
    html = client.get("/offers/?sort=nearest").content.decode()
    assert "Enter your postcode to see the nearest first." in html
    assert names(client.get("/offers/?sort=nearest"))[0] == "Advice Point South"  # name order meanwhile


def test_offers_are_located_from_their_postcode_when_published(directory, school):
    page = OfferPage.objects.get(organisation=school)
    assert (page.latitude, page.longitude) == geocoding.OfflineGeocoder().locate("LE4")
    assert OfferPage.objects.get(organisation__name="Advice Point South").latitude is None


# --- the feed ---------------------------------------------------------------------------------------------


def feed_names(client, query):
    response = client.get(f"/api/openreferral/service_at_locations?{query}")
    assert response.status_code == 200, response.content
    return [item["service"]["name"] for item in json.loads(response.content)["contents"]]


def test_the_feed_takes_postcode_and_proximity(client, directory, agency):
    nearest = feed_names(client, "postcode=LE4+6AB")
    assert nearest[:3] == ["Oak Tree Primary School", "Family Bereavement Action Group", "Birch Academy"]
    # LE4 to LE5 is about 2.5 miles (4 km); LE2 is further.
    assert feed_names(client, "postcode=LE4+6AB&proximity=1000") == ["Oak Tree Primary School"]
    assert feed_names(client, "postcode=LE4+6AB&proximity=5000") == [
        "Oak Tree Primary School", "Family Bereavement Action Group",
    ]  # fmt: skip
    assert feed_names(client, "postcode=LE4&search=grief") == [
        "Oak Tree Primary School", "Family Bereavement Action Group",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "query, error",
    [
        ("postcode=nonsense", "postcode must be a UK postcode"),
        ("postcode=SW1A+1AA", "postcode SW1A 1AA is outside the area"),
        ("proximity=500", "proximity needs a postcode"),
        ("postcode=LE4&proximity=far", "proximity must be a number of metres."),
        ("postcode=LE4&proximity=-5", "proximity must be a number of metres, more than 0."),
        ("postcode=LE4&proximity=nan", "proximity must be a number of metres, more than 0."),
    ],
)
def test_the_feeds_place_parameters_are_checked(client, directory, query, error):
    response = client.get(f"/api/openreferral/service_at_locations?{query}")
    assert response.status_code == 400
    assert error in json.loads(response.content)["error"]


def test_the_feeds_search_uses_the_directory_search(client, directory):
    response = client.get("/api/openreferral/services?search=bereavment")
    assert sorted(item["name"] for item in json.loads(response.content)["contents"]) == [
        "Family Bereavement Action Group", "Oak Tree Primary School",
    ]  # fmt: skip


# --- who edits the words and the numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, allowed",
    [("admin_user", True), ("la_officer", True), ("school_editor", False), ("agency_lead", False), (None, False)],
)
def test_only_the_la_edits_synonyms_and_the_urgent_help_numbers(client_for, request, db, who, allowed):
    client = client_for(request.getfixturevalue(who)) if who else client_for(None)
    for url in ("/admin/snippets/home/synonym/", "/admin/snippets/home/synonym/add/"):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
            assert "grief, grieving" in response.content.decode() or "add" in url
        else:
            assert response.status_code in (302, 403), url
            assert "grief, grieving" not in response.content.decode()
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/home/urgenthelpsettings/{site.pk}/")
    assert (response.status_code == 200) is allowed
    if allowed:
        assert "social care duty team phone" in response.content.decode()


def test_an_la_officer_adds_a_synonym_in_the_admin_and_a_wordless_one_is_refused(client_for, la_officer, directory):
    client = client_for(la_officer)
    refused = client.post("/admin/snippets/home/synonym/add/", {"everyday_words": ", ,", "directory_words": "x"})
    assert refused.status_code == 200
    assert "Enter at least one word (letters or numbers)" in refused.content.decode()
    assert not Synonym.objects.filter(directory_words="x").exists()
    added = client.post(
        "/admin/snippets/home/synonym/add/", {"everyday_words": "sorrow", "directory_words": "bereavement"}
    )
    assert added.status_code == 302
    assert len(names(client.get("/offers/?q=sorrow"))) == 2


def test_the_urgent_help_box_shows_the_las_numbers_or_says_whom_to_contact(client, directory, school):
    offer_url = OfferPage.objects.get(organisation=school).url
    plain = client.get("/").content.decode()
    assert "contact the council's children's social care duty team" in plain
    help_numbers = UrgentHelpSettings.for_site(Site.objects.get(is_default_site=True))
    help_numbers.duty_team_phone, help_numbers.out_of_hours_phone = "0116 496 0101", "0116 496 0102"
    help_numbers.note = "Demonstration site: these are not real numbers."
    help_numbers.save()
    for url in ("/", offer_url, "/offers/?q=xylophone"):
        html = client.get(url).content.decode()
        assert '<a class="phone" href="tel:01164960101">0116 496 0101</a>' in html, url
        assert '<a class="phone" href="tel:01164960102">0116 496 0102</a>' in html, url
        assert "Demonstration site: these are not real numbers." in html, url
