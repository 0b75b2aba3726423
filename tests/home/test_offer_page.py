"""The offer page a parent can use: how to get help first, the professional detail after it and collapsible,
a print button, and long words that wrap on a phone."""

from pathlib import Path

from django.conf import settings

from testdata.offers import make_offer


def _offer(school):
    return make_offer(
        school,
        phone="0116 123 4567",
        email="early.help.and.family.support.coordinator@oaktreeprimaryschool.example",
        contact_name="Sam Patel",
        opening_times=[("hours", {"days": ["MO"], "opens_at": "08:30", "closes_at": "15:30", "notes": ""})],
    )


def test_the_page_leads_with_how_to_get_help_and_what_is_offered(client, school, offer_index):
    html = client.get(_offer(school).url).content.decode()
    order = [
        html.index('<h2 id="how-to-get-help">How to get help</h2>'),
        html.index('href="tel:01161234567"'),
        html.index("<h3>Opening times</h3>"),
        html.index('<h2 id="what-we-offer">What we offer</h2>'),
        html.index("Bereavement counselling / groups"),
        html.index(">Outcome measures</h2>"),
        html.index(">Signed and agreed</h2>"),
    ]
    assert order == sorted(order), order


def test_outcome_measures_and_the_sign_off_are_collapsible_sections_under_their_own_headings(
    client, school, offer_index
):
    page = _offer(school)
    html = client.get(page.url).content.decode()
    for title in ("Outcome measures", "Signed and agreed"):
        # <details>/<summary>: the browser makes the summary a button (Enter/Space), no script needed.
        assert f'<summary><h2 class="offer__details-title">{title}</h2></summary>' in html
    outcomes = html[html.index(">Outcome measures</h2>") : html.index(">Signed and agreed</h2>")]
    measure = next(item for block in page.areas for item in block.value["outcomes"])
    assert measure in outcomes
    what_we_offer = html[html.index(">What we offer</h2>") : html.index(">Outcome measures</h2>")]
    assert "How we will know it is working" not in what_we_offer  # the measures moved out of the family's part
    assert "Head teacher" in html[html.index(">Signed and agreed</h2>") :]


def test_an_offer_without_outcomes_has_no_empty_outcome_section(client, agency, offer_index):
    page = make_offer(agency, areas=[("area", {"name": "Staying safe", "primary": ["Drop-in"], "outcomes": []})])
    html = client.get(page.url).content.decode()
    assert "Outcome measures" not in html and "Drop-in" in html


def test_a_print_button_that_is_a_real_button_and_print_css_hides_navigation(client, school, offer_index):
    html = client.get(_offer(school).url).content.decode()
    assert (
        '<button type="button" class="button button--secondary" data-print-page hidden>Print this page</button>' in html
    )
    assert "home/print.js" in html
    script = (Path(settings.BASE_DIR) / "static/home/print.js").read_text()
    assert "window.print()" in script and "button.hidden = false" in script and "d.open = true" in script
    css = (Path(settings.BASE_DIR) / "static/home/offers.css").read_text()
    print_rules = css[css.rindex("@media print") :]
    assert ".site-header" in print_rules and "nav" in print_rules and ".site-footer" in print_rules


def test_long_words_emails_and_addresses_wrap_on_a_phone(client, school, offer_index):
    html = client.get(_offer(school).url).content.decode()
    assert "early.help.and.family.support.coordinator@oaktreeprimaryschool.example" in html
    css = (Path(settings.BASE_DIR) / "static/home/offers.css").read_text()
    assert ".offer, .offer dd, .offer a, .offer td, .site-footer { overflow-wrap: anywhere; }" in css


def test_the_services_include_sits_inside_what_we_offer(client, school, offer_index):
    # The page's content is in its own template, which the shared cache keeps (home_tags.offer_article).
    source = (Path(settings.BASE_DIR) / "templates/home/includes/offer_article.html").read_text()
    start, end = source.index('id="what-we-offer"'), source.index("<h2>Who it is for</h2>")
    assert '{% include "home/includes/offer_services.html" %}' in source[start:end]
