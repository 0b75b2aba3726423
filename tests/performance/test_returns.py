"""An owner's return: draft, submit, correct (a new revision, the old kept and shown), concurrency, validation."""

from decimal import Decimal

import pytest
from django.urls import reverse

from performance.models import LocalityValue, Return, ReturnRevision
from portal.concurrency import STALE_EDIT_MESSAGE
from testdata.performance import indicator, make_owner, make_return


def url(item, period):
    return reverse("performance:return", args=[item.pk, period.start.isoformat()])


def post(client, item, period, action, **fields):
    data = {"value": "", "narrative": "", "data_quality_note": "", "action": action, "version": "0"}
    data.update({k: str(v) for k, v in fields.items()})
    return client.post(url(item, period), data)


class TestTheOwnersReturn:
    def test_the_owner_submits_a_value_and_narrative_then_corrects_it_and_both_revisions_show(
        self, client_for, owned, agency_lead, last_quarter
    ):
        client = client_for(agency_lead)
        page = client.get(url(owned, last_quarter))
        assert page.status_code == 200
        assert (
            f"15 The number of First Time Entrants (FTEs) into the Criminal Justice System: {last_quarter.label}"
            in (page.content.decode())
        )
        assert f"Due</dt><dd>{last_quarter.due_on:%-d %B %Y}" in page.content.decode()

        response = post(client, owned, last_quarter, "submit", value="37", narrative="Down from 44: diversion scheme.")
        assert response.status_code == 302
        record = Return.objects.get(indicator=owned, period_start=last_quarter.start)
        assert (record.status, record.value, record.submitted_by) == ("submitted", Decimal("37"), agency_lead)
        assert record.due_on == last_quarter.due_on and record.period_end == last_quarter.end

        response = post(
            client,
            owned,
            last_quarter,
            "correct",
            value="39",
            narrative="Two late police records added.",
            reason="Police data refreshed after the deadline",
            version=record.version,
        )
        assert response.status_code == 302
        record.refresh_from_db()
        assert record.value == Decimal("39")
        revisions = list(record.revisions.order_by("number"))
        assert [(r.number, r.value, r.reason) for r in revisions] == [
            (1, Decimal("37"), ""),
            (2, Decimal("39"), "Police data refreshed after the deadline"),
        ]
        assert all(r.changed_by == agency_lead for r in revisions)

        page = client.get(url(owned, last_quarter)).content.decode()
        assert "Revisions" in page
        assert "Down from 44: diversion scheme." in page and "Two late police records added." in page
        assert "Police data refreshed after the deadline" in page and "First submission" in page
        assert ">37<" in page and ">39<" in page

    def test_a_draft_is_saved_without_submitting_and_keeps_no_revision(
        self, client_for, owned, agency_lead, last_quarter
    ):
        response = post(
            client_for(agency_lead), owned, last_quarter, "draft", value="", narrative="Figures due from the YOS"
        )
        assert response.status_code == 302
        record = Return.objects.get(indicator=owned)
        assert record.status == "draft" and record.value is None and record.narrative == "Figures due from the YOS"
        assert not record.revisions.exists()

    def test_submitting_needs_a_value_and_keeps_what_was_typed(self, client_for, owned, agency_lead, last_quarter):
        response = post(client_for(agency_lead), owned, last_quarter, "submit", value="", narrative="Kept narrative")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Enter the value before submitting the return." in page and "Kept narrative" in page
        assert not Return.objects.exists()

    @pytest.mark.parametrize(
        "fields,message",
        [
            ({"value": "2.5"}, "A count must be a whole number, 0 or more."),
            ({"value": "-3"}, "A count must be a whole number, 0 or more."),
            ({"value": "lots"}, "Enter a number."),
        ],
    )
    def test_a_value_is_checked_against_the_unit_beside_the_field(
        self, client_for, owned, agency_lead, last_quarter, fields, message
    ):
        response = post(client_for(agency_lead), owned, last_quarter, "submit", narrative="Typed", **fields)
        page = response.content.decode()
        assert response.status_code == 200 and message in page
        assert 'id="id_value_error"' in page and f'value="{fields["value"]}"' in page
        assert not Return.objects.exists()

    def test_a_percentage_is_worked_out_from_numerator_and_denominator(
        self, client_for, book, agency_lead, agency, last_quarter
    ):
        item = indicator("10", book)  # Year 11 leavers participating in learning: a quarterly percentage
        make_owner(item, agency_lead, agency)
        client = client_for(agency_lead)
        response = post(client, item, last_quarter, "submit", numerator=42, denominator=53, narrative="Up")
        assert response.status_code == 302
        record = Return.objects.get(indicator=item)
        assert (record.value, record.numerator, record.denominator) == (Decimal("79.25"), 42, 53)
        assert "79% (42 of 53)" in client.get(url(item, last_quarter)).content.decode()

        response = post(
            client,
            item,
            last_quarter,
            "correct",
            value="90",
            numerator=42,
            denominator=53,
            reason="x",
            version=record.version,
        )
        assert "42 of 53 gives 79.2%" in response.content.decode()

    def test_values_per_locality(self, client_for, book, agency_lead, agency, north, south, last_quarter):
        item = indicator("1", book)  # primary persistent absence, broken down by locality
        make_owner(item, agency_lead, agency)
        client = client_for(agency_lead)
        page = client.get(url(item, last_quarter)).content.decode()
        assert "Value for each locality" in page
        assert f'for="id_locality_{north.pk}">North' in page and f'for="id_locality_{south.pk}">South' in page
        response = post(
            client,
            item,
            last_quarter,
            "submit",
            value="9.8",
            narrative="n",
            **{f"locality_{north.pk}": "11.2", f"locality_{south.pk}": "101"},
        )
        assert "A percentage must be between 0 and 100." in response.content.decode()
        assert not Return.objects.exists()
        post(client, item, last_quarter, "submit", value="9.8", narrative="n", **{f"locality_{north.pk}": "11.2"})
        record = Return.objects.get(indicator=item)
        assert list(LocalityValue.objects.values_list("locality__name", "value")) == [("North", Decimal("11.20"))]
        assert record.revisions.get().locality_values == {"North": "11.2"}

    def test_a_stale_edit_is_refused_and_keeps_the_typing(
        self, client_for, owned, agency_lead, la_officer, last_quarter
    ):
        post(client_for(agency_lead), owned, last_quarter, "draft", value="40")
        record = Return.objects.get()
        seen = record.version
        post(client_for(la_officer), owned, last_quarter, "draft", value="41", version=seen)
        response = post(
            client_for(agency_lead), owned, last_quarter, "draft", value="42", narrative="mine", version=seen
        )
        page = response.content.decode()
        assert response.status_code == 200 and STALE_EDIT_MESSAGE.split(".")[0] in page and 'value="42"' in page
        record.refresh_from_db()
        assert record.value == Decimal("41")

    def test_two_people_starting_the_same_period_the_second_is_told(
        self, client_for, owned, agency_lead, la_officer, last_quarter
    ):
        post(client_for(la_officer), owned, last_quarter, "draft", value="41")  # from a form opened on nothing
        response = post(client_for(agency_lead), owned, last_quarter, "draft", value="42")
        assert STALE_EDIT_MESSAGE.split(".")[0] in response.content.decode()
        assert Return.objects.get().value == Decimal("41")

    def test_a_correction_needs_a_reason_and_never_overwrites_the_first_revision(
        self, client_for, owned, agency_lead, last_quarter
    ):
        record = make_return(owned, last_quarter, value=37, user=agency_lead, narrative="first")
        response = post(client_for(agency_lead), owned, last_quarter, "correct", value="50", version=record.version)
        assert "Say why the return is being corrected." in response.content.decode()
        record.refresh_from_db()
        assert record.value == Decimal("37") and record.revisions.count() == 1
        # A submitted return cannot be put back to draft.
        response = post(client_for(agency_lead), owned, last_quarter, "draft", value="50", version=record.version)
        assert "Choose one of the buttons" in response.content.decode()
        assert Return.objects.get().status == "submitted"

    def test_a_revision_is_never_changed_or_deleted(self, owned, agency_lead, last_quarter):
        from django.core.exceptions import ValidationError

        revision = make_return(owned, last_quarter, value=37, user=agency_lead).revisions.get()
        revision.value = Decimal("1")
        with pytest.raises(ValidationError):
            revision.save()
        with pytest.raises(ValidationError):
            revision.delete()
        assert ReturnRevision.objects.get().value == Decimal("37")


class TestWhatCannotBeSent:
    def test_a_period_that_has_not_ended_has_no_form(self, client_for, owned, agency_lead, last_quarter):
        current = last_quarter.next()
        page = client_for(agency_lead).get(url(owned, current)).content.decode()
        assert "This period has not ended yet" in page and '<form method="post" novalidate' not in page
        assert post(client_for(agency_lead), owned, current, "submit", value="3").status_code == 403
        assert not Return.objects.exists()

    def test_a_computed_indicator_is_never_typed(self, client_for, book, la_officer, last_quarter):
        item = indicator("QA2", book)
        page = client_for(la_officer).get(url(item, last_quarter)).content.decode()
        assert "worked out by the portal" in page
        assert post(client_for(la_officer), item, last_quarter, "submit", value="3").status_code == 403

    @pytest.mark.parametrize("start", ["2026-05-01", "not-a-date", "2026-13-01", "9999-99-99"])
    def test_a_period_that_does_not_exist_is_a_404_not_a_500(self, client_for, owned, agency_lead, start):
        response = client_for(agency_lead).get(reverse("performance:return", args=[owned.pk, start]))
        assert response.status_code == 404

    def test_an_unknown_action_is_refused_with_a_message(self, client_for, owned, agency_lead, last_quarter):
        response = post(client_for(agency_lead), owned, last_quarter, "publish", value="3")
        assert "Choose one of the buttons" in response.content.decode()
        assert not Return.objects.exists()


def test_the_owners_late_return_leads_their_dashboard(client_for, owned, agency_lead, la_officer, last_quarter):
    from django.utils import timezone

    page = client_for(agency_lead).get(reverse("dashboard")).content.decode()
    assert "Your indicators" in page and "The number of First Time Entrants" in page
    late = last_quarter.is_late(timezone.localdate())
    assert ("Needs your action" in page) is late
    assert page.count(url(owned, last_quarter)) == (2 if late else 1)
    page = client_for(la_officer).get(reverse("dashboard")).content.decode()
    # The LA sees whom to chase by name (their organisation is on the return's page).
    assert "Late performance returns" in page
    assert ("Lead Tester" in page) is late
