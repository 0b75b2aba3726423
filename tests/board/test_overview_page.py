"""The overview page: every tool's section, its figures beside the previous period, the locality filter."""

import pytest

pytestmark = pytest.mark.django_db

SECTIONS = ["offers", "pledges", "commitments", "case_file_audits", "maturity", "performance"]


def _sections(response):
    return {section.key: section for section, _chart in response.context["sections"]}


def test_every_tool_has_its_section_in_order(partnership, la_officer, client_for):
    response = client_for(la_officer).get("/board/overview/")
    assert response.status_code == 200
    keys = [section.key for section, _ in response.context["sections"]]
    assert [k for k in keys if k in SECTIONS] == SECTIONS
    content = response.content.decode()
    for title in ("Early Help offers", "Pledges", "Schools commitments", "Case-file audits", "Partnership maturity"):
        assert title in content


def test_figures_for_the_whole_partnership(partnership, la_officer, client_for):
    sections = _sections(client_for(la_officer).get("/board/overview/"))
    offers = sections["offers"]
    assert offers.figure("Offers published").value == 2
    assert offers.figure("Published offers past their review date").value == 1
    assert offers.figure("Published offers reviewed on time").text == "50% (1 of 2)"
    pledges = sections["pledges"]
    assert pledges.figure("Organisations that have signed the pledges").value == 2
    assert pledges.figure("Organisations meeting every pledge that applies").value == 1
    # every pledge of the agency, and pledge 4 of the school whose published offer is past its review date
    # (pledge 4 follows the offer: pledges.rules.offer_pledge)
    assert pledges.figure("Pledge reviews overdue").value == 6
    commitments = sections["commitments"]
    assert commitments.figure("Schools that have started their audit").value == 1
    assert commitments.figure("Schools that have submitted their audit").value == 0
    audits = sections["case_file_audits"]
    assert audits.figure("Audits judged good or better").text == "50% (1 of 2)"
    maturity = sections["maturity"]
    assert maturity.figure("Strands rated higher than the round before").value == 1
    assert maturity.figure("Strands rated lower than the round before").value == 1


def test_previous_periods_are_named_and_shown(partnership, la_officer, client_for):
    response = client_for(la_officer).get("/board/overview/")
    sections = _sections(response)
    signed = sections["pledges"].figure("Organisations that have signed the pledges")
    assert signed.previous == 1  # the agency signed this term
    assert sections["commitments"].previous_period.startswith("Academic year ")
    assert sections["pledges"].previous_period.startswith("End of ")
    content = response.content.decode()
    assert sections["commitments"].previous_period in content


def test_a_locality_narrows_every_figure(partnership, la_officer, north, client_for):
    response = client_for(la_officer).get("/board/overview/", {"locality": north.slug})
    assert response.context["locality"] == north
    sections = _sections(response)
    assert sections["offers"].figure("Offers published").value == 2  # both north schools
    assert sections["offers"].figure("Organisations (active)").value == 2
    assert sections["pledges"].figure("Organisations that have signed the pledges").value == 1
    assert sections["case_file_audits"].figure("Audits judged good or better").text == "100% (1 of 1)"
    assert f"locality={north.slug}" in sections["commitments"].url
    assert "partnership-wide" in sections["maturity"].note
    assert north.name in response.content.decode()


@pytest.mark.parametrize("query", [{"locality": "nowhere"}, {"locality": "'; drop table"}, {"locality": "x" * 500}])
def test_an_unknown_locality_is_a_problem_shown_not_a_500(partnership, la_officer, client_for, query):
    response = client_for(la_officer).get("/board/overview/", query)
    assert response.status_code == 200
    assert response.context["locality"] is None
    assert "Select a valid choice" in response.content.decode()


def test_commitments_chart_carries_its_numbers(partnership, la_officer, client_for):
    response = client_for(la_officer).get("/board/overview/")
    chart = next(rows for section, rows in response.context["sections"] if section.key == "commitments")
    assert chart["rows"], "one row per commitment"
    content = response.content.decode()
    assert 'class="rag-bar"' in content and "<title>" in content
    assert 'data-label="Green"' in content


def test_tables_become_cards_on_a_phone(partnership, la_officer, client_for):
    content = client_for(la_officer).get("/board/overview/").content.decode()
    assert content.count("table--cards") >= 5
    assert 'role="region"' in content


def test_a_section_with_nothing_yet_shows_its_note(partnership, la_officer, client_for, monkeypatch):
    """The registry decides what the page shows: a feature with nothing yet (the strategy action plan until
    it has actions) gives a section with a note and no figures."""
    from portal import overview
    from portal.overview import OverviewSection

    def placeholder(scope):
        return OverviewSection(key="strategy", title="Strategy action plan", url="", note="No plan loaded yet.")

    def charted(scope):  # a chart in the registry's shape, naming no ratings of its own: the portal's RAG
        return OverviewSection(
            key="charted",
            title="Actions by objective",
            url="",
            chart={
                "title": "Actions by RAG",
                "of": "Objective",
                "series": [{"label": "Support", "counts": {"red": 2, "green": 5}}],
            },
        )

    monkeypatch.setattr(overview, "_providers", [*overview._providers, (70, placeholder), (71, charted)])
    content = client_for(la_officer).get("/board/overview/").content.decode()
    assert "Strategy action plan" in content and "No plan loaded yet." in content
    assert "<title>Support: Red 2, Amber 0, Green 5, Not started 0</title>" in content
    assert '<th scope="col">Objective</th>' in content  # the chart's rows are named for what they are
