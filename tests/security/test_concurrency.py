"""Real concurrent writers on PostgreSQL: two people save the same record at the same moment.

Each race: both people open the edit page at the same version (each with their own signed-in client), then
both post at once from two threads released together by a barrier, each thread on its own database
connection. Exactly one save wins; the other person is told on the page, keeps what they typed, and the
database holds the winner's values with the version moved on once: no lost update, no 500.

Every race runs ROUNDS times so that the interleavings really vary. Only PostgreSQL has concurrent writers
(row locks, READ COMMITTED re-checks); on SQLite the module is skipped.
"""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from audits import services as audit_services
from audits.models import Action, RagChange
from audits.models import Framework as AuditFramework
from caseaudits.choices import Finding
from caseaudits.models import CaseAudit, Moderation
from caseaudits.models import Framework as CaseFramework
from maturity import services as maturity_services
from maturity.models import Framework as MaturityFramework
from maturity.models import Round, StrandRating
from maturity.rules import UNRATED
from maturity.rules import Status as RoundStatus
from pledges.models import DesignatedLead, PledgeSet, PledgeStatus, Signature
from portal.concurrency import STALE_EDIT_MESSAGE
from portal.judgements import Judgement
from portal.models import Membership, User
from portal.periods import academic_year
from testdata.caseaudits import make_case_audit
from testdata.people import make_user
from tests.audits.helpers import form_data, names

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL (SQLite serialises every write)"
    ),
    # Real commits, so that two connections see each other; the migrations' seeded frameworks are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 5
RACE_TIMEOUT = 60  # seconds a thread may wait at the barrier or for its request; a deadlock fails, not hangs


def race(*attempts):
    """Run each attempt (a callable making one request) in its own thread, all released at the same moment.

    Returns their responses in order. Each thread has its own database connection, closed when it ends.
    """
    barrier = threading.Barrier(len(attempts))
    results, failures = [None] * len(attempts), []

    def run(index, attempt):
        try:
            barrier.wait(timeout=RACE_TIMEOUT)
            results[index] = attempt()
        except BaseException as failure:  # reported in the test's thread below
            failures.append(failure)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a), daemon=True) for i, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(RACE_TIMEOUT * 2)
    assert not any(thread.is_alive() for thread in threads), "a racing request never finished"
    if failures:
        raise failures[0]
    return results


def page(response):
    return response.content.decode()


def winner_and_loser(responses, *, stale_text=STALE_EDIT_MESSAGE):
    """(index of the save that won, the loser's response): one redirect, one page that says why not."""
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 302], f"expected one save and one refusal, got {statuses}"
    won = next(i for i, r in enumerate(responses) if r.status_code == 302)
    lost = responses[1 - won]
    assert stale_text in page(lost)
    return won, lost


@pytest.fixture
def second_school_lead(school):
    """The head teacher: a second lead of `school`, accountable for its pledges like the DSL."""
    return make_user("head@oak.example", memberships=[(school, Membership.Role.LEAD)])


@pytest.fixture
def second_officer(db):
    return make_user("officer2@test.example", role=User.PartnershipRole.LA_OFFICER)


@pytest.fixture
def third_officer(db):
    return make_user("officer3@test.example", role=User.PartnershipRole.LA_OFFICER)


# The commitments audit


@pytest.fixture
def commitments_audit(school, school_lead):
    assert AuditFramework.objects.filter(is_current=True).exists()
    return audit_services.start_audit(school, academic_year(timezone.localdate()), school_lead)


def _other_rags(current):
    return [rag for rag in ("red", "amber", "green") if rag != current]


def test_action_plan_action_saved_by_two_editors_at_once(client_for, school_lead, school_editor, commitments_audit):
    action = commitments_audit.actions.order_by("pk").first()
    url = f"/audits/{commitments_audit.pk}/actions/{action.pk}/"
    people = [client_for(school_lead), client_for(school_editor)]
    for round_number in range(ROUNDS):
        before = Action.objects.get(pk=action.pk)
        changes_before = RagChange.objects.filter(action=action).count()
        forms = [form_data(page(person.get(url))) for person in people]
        assert [f["version"] for f in forms] == [str(before.version)] * 2
        typed = []
        for index, (form, rag) in enumerate(zip(forms, _other_rags(before.rag))):
            form.update(rag=rag, owner=f"Owner typed by person {index} in round {round_number}")
            typed.append(form)
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, typed)))

        won, lost = winner_and_loser(responses)
        assert typed[1 - won]["owner"] in page(lost)  # the loser's input is kept on the page
        after = Action.objects.get(pk=action.pk)
        assert (after.rag, after.owner) == (typed[won]["rag"], typed[won]["owner"])
        assert after.version == before.version + 1
        assert after.updated_by == [school_lead, school_editor][won]
        # One change of rating recorded: the loser's was rolled back with the rest of their save.
        assert RagChange.objects.filter(action=action).count() == changes_before + 1
        assert RagChange.objects.filter(action=action).first().to_rag == typed[won]["rag"]


def test_rag_rating_on_a_wizard_step_saved_by_two_editors_at_once(
    client_for, school_lead, school_editor, commitments_audit
):
    url = f"/audits/{commitments_audit.pk}/steps/commitment-1/"
    people = [client_for(school_lead), client_for(school_editor)]
    for round_number in range(ROUNDS):
        forms = [form_data(page(person.get(url))) for person in people]
        first_action = names(forms[0], "-actions-0-id")[0]
        action = Action.objects.get(pk=forms[0][first_action])
        audit_version = type(commitments_audit).objects.get(pk=commitments_audit.pk).version
        changes_before = RagChange.objects.filter(action=action).count()
        for index, (form, rag) in enumerate(zip(forms, _other_rags(action.rag))):
            form.update(
                {
                    "commitment-1-actions-0-rag": rag,
                    "commitment-1-actions-0-notes": f"Notes typed by person {index} in round {round_number}",
                    "save_and_continue": "",
                }
            )
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses)
        assert forms[1 - won]["commitment-1-actions-0-notes"] in page(lost)
        # The loser is also told which row changed, and what it says now.
        assert f"It now reads: RAG {forms[won]['commitment-1-actions-0-rag'].title()}" in page(lost)
        after = Action.objects.get(pk=action.pk)
        assert (after.rag, after.notes) == (
            forms[won]["commitment-1-actions-0-rag"],
            forms[won]["commitment-1-actions-0-notes"],
        )
        assert after.version == action.version + 1
        assert RagChange.objects.filter(action=action).count() == changes_before + 1
        # The audit moved on once, for the one save that happened.
        assert type(commitments_audit).objects.get(pk=commitments_audit.pk).version == audit_version + 1


# Maturity self-assessment


@pytest.fixture
def maturity_round(la_officer):
    framework = MaturityFramework.objects.get(slug="stmm", version=1)
    return maturity_services.create_round(
        framework=framework,
        title="Race round",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        user=la_officer,
    )


def test_strand_rating_saved_by_two_officers_at_once(client_for, la_officer, second_officer, maturity_round):
    rating = maturity_round.ratings.select_related("strand").order_by("strand__position").first()
    url = f"/maturity/rounds/{maturity_round.pk}/strands/{rating.strand.key}/"
    people = [client_for(la_officer), client_for(second_officer)]
    for round_number in range(ROUNDS):
        before = StrandRating.objects.get(pk=rating.pk)
        forms = [form_data(page(person.get(url))) for person in people]
        assert [f["version"] for f in forms] == [str(before.version)] * 2
        codes = [code for code in (2, 3, 4, 5) if code != before.rating]
        for index, form in enumerate(forms):
            form.update(rating=str(codes[index]), evidence=f"Evidence typed by officer {index} in round {round_number}")
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses)
        assert forms[1 - won]["evidence"] in page(lost)
        after = StrandRating.objects.get(pk=rating.pk)
        assert (after.rating, after.evidence) == (int(forms[won]["rating"]), forms[won]["evidence"])
        assert after.version == before.version + 1
        assert after.updated_by == [la_officer, second_officer][won]


def test_a_rating_cleared_while_the_round_is_submitted_never_leaves_a_submitted_round_unrated(
    client_for, la_officer, second_officer, maturity_round
):
    """Submitting checks that a strand is rated; clearing the only rating at that moment must not slip past
    the check. One of the two is refused, with a reason, every time."""
    ratings = list(maturity_round.ratings.select_related("strand").order_by("strand__position"))
    only = ratings[0]
    rater, submitter = client_for(la_officer), client_for(second_officer)
    outcomes = set()
    for round_number in range(ROUNDS):
        Round.objects.filter(pk=maturity_round.pk).update(status=RoundStatus.DRAFT, submitted_at=None)
        StrandRating.objects.filter(pk=only.pk).update(rating=4)
        rating_url = f"/maturity/rounds/{maturity_round.pk}/strands/{only.strand.key}/"
        submit_url = f"/maturity/rounds/{maturity_round.pk}/submit/"
        clearing = form_data(page(rater.get(rating_url)))
        clearing.update(rating=str(UNRATED), evidence=f"Cleared in round {round_number}")
        submitting = form_data(page(submitter.get(submit_url)))
        cleared, submitted = race(
            lambda url=rating_url, data=clearing: rater.post(url, data),
            lambda url=submit_url, data=submitting: submitter.post(url, data),
        )

        assert cleared.status_code == submitted.status_code == 302
        state = Round.objects.get(pk=maturity_round.pk)
        codes = list(StrandRating.objects.filter(round=maturity_round).values_list("rating", flat=True))
        told = [page(rater.get(cleared.url)), page(submitter.get(submitted.url))]
        outcomes.add("submitted first" if state.status == RoundStatus.SUBMITTED else "cleared first")
        if state.status == RoundStatus.SUBMITTED:
            # The submission went first: the rating is still there and the rater was told why not.
            assert any(code != UNRATED for code in codes)
            assert "This round has been submitted to the board and cannot be changed" in told[0]
        else:
            # The rating was cleared first: the submission saw it and was refused with the reason.
            assert codes == [UNRATED] * len(ratings)
            assert "Rate at least one strand before submitting the round to the board." in told[1]
    print(f"clearing a rating against a submission, {ROUNDS} races: {sorted(outcomes)}")


def test_two_officers_add_the_same_recommendation_number_at_once(
    client_for, la_officer, second_officer, maturity_round
):
    url = f"/maturity/rounds/{maturity_round.pk}/actions/new/"
    people = [client_for(la_officer), client_for(second_officer)]
    for round_number in range(ROUNDS):
        forms = [form_data(page(person.get(url))) for person in people]
        number = forms[0]["number"]
        assert forms[1]["number"] == number == str(round_number + 1)  # both offered the next number
        for index, form in enumerate(forms):
            form.update(
                recommendation=f"Recommendation typed by officer {index} in round {round_number}",
                responsible_lead="EHSPB",
                status="not_started",
            )
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses, stale_text="; choose another number.")
        # Told by the form's check if the other was saved already, else by the save's check under the lock.
        assert f"Recommendation {number} already exists in this round" in page(
            lost
        ) or f"Someone else added recommendation {number} to this round meanwhile" in page(lost)
        assert forms[1 - won]["recommendation"] in page(lost)
        assert list(maturity_round.action_items.filter(number=number).values_list("recommendation", flat=True)) == [
            forms[won]["recommendation"]
        ]


# Partnership pledges


def test_pledge_status_set_by_two_leads_at_once(client_for, school, school_lead, second_school_lead):
    pledge = PledgeSet.objects.current().pledges.get(number=1)
    url = f"/pledges/organisations/{school.slug}/pledges/1/status/"
    people = [client_for(school_lead), client_for(second_school_lead)]
    review = (timezone.localdate() + timedelta(days=90)).isoformat()
    for round_number in range(ROUNDS):
        before = PledgeStatus.objects.filter(organisation=school, pledge=pledge).first()  # none in the first round
        forms = [form_data(page(person.get(url))) for person in people]
        for index, (form, status) in enumerate(zip(forms, ("in_progress", "met"))):
            form.update(status=status, review_date=review, notes=f"Notes typed by lead {index} in round {round_number}")
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses)
        assert forms[1 - won]["notes"] in page(lost)
        records = PledgeStatus.objects.filter(organisation=school, pledge=pledge)
        assert records.count() == 1  # two first saves never make two rows
        after = records.get()
        assert (after.status, after.notes) == (forms[won]["status"], forms[won]["notes"])
        assert after.version == (before.version + 1 if before else 1)
        assert after.updated_by == [school_lead, second_school_lead][won]


def test_designated_lead_recorded_by_two_people_at_once(client_for, agency, agency_lead, agency_editor):
    url = f"/pledges/organisations/{agency.slug}/designated-lead/"
    people = [client_for(agency_lead), client_for(agency_editor)]
    for round_number in range(ROUNDS):
        before = DesignatedLead.objects.filter(organisation=agency).first()
        forms = [form_data(page(person.get(url))) for person in people]
        for index, form in enumerate(forms):
            form.update(
                name=f"Lead named by person {index} in round {round_number}",
                role="Safeguarding lead",
                email=f"lead{index}@fag.example",
                phone="",
            )
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses)
        assert forms[1 - won]["name"] in page(lost)
        after = DesignatedLead.objects.get(organisation=agency)
        assert (after.name, after.email) == (forms[won]["name"], forms[won]["email"])
        assert after.version == (before.version + 1 if before else 1)


def test_pledges_signed_by_two_leads_at_once(client_for, school, school_lead, second_school_lead):
    url = f"/pledges/organisations/{school.slug}/sign/"
    people = [client_for(school_lead), client_for(second_school_lead)]
    for round_number in range(ROUNDS):
        Signature.objects.filter(organisation=school).delete()
        forms = [form_data(page(person.get(url))) for person in people]
        for index, form in enumerate(forms):
            form.update(
                signatory_name=f"Signer {index}",
                signatory_role="Head teacher",
                confirm="on",
                signed_on=timezone.localdate().isoformat(),
                statement=f"Statement typed by lead {index} in round {round_number}",
            )
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses, stale_text="Your organisation has already signed the current pledges")
        assert forms[1 - won]["statement"] in page(lost)
        signature = Signature.objects.get(organisation=school)
        assert (signature.signatory_name, signature.statement) == (
            forms[won]["signatory_name"],
            forms[won]["statement"],
        )


# EHA case-file audits


@pytest.fixture
def case_audit(agency, la_officer, north):
    framework = CaseFramework.objects.get(slug="leicester-eha-principles", version=1)
    return make_case_audit(
        framework,
        case_reference="EHA-104233",
        lead_agency=agency,
        locality=north,
        eha_start_date=date(2017, 12, 1),
        audit_date=date(2018, 5, 10),
        auditor=la_officer,
        findings=Finding.MET,
        strengths="Good use of the family's own words.",
    )


def test_case_file_audit_corrected_by_two_officers_at_once(client_for, la_officer, second_officer, case_audit):
    url = f"/case-audits/{case_audit.pk}/edit/"
    people = [client_for(la_officer), client_for(second_officer)]
    for round_number in range(ROUNDS):
        before = CaseAudit.objects.get(pk=case_audit.pk)
        forms = [form_data(page(person.get(url))) for person in people]
        assert [f["version"] for f in forms] == [str(before.version)] * 2
        for index, form in enumerate(forms):
            form.update(strengths=f"Strengths typed by officer {index} in round {round_number}")
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        won, lost = winner_and_loser(responses)
        assert forms[1 - won]["strengths"] in page(lost)
        after = CaseAudit.objects.get(pk=case_audit.pk)
        assert after.strengths == forms[won]["strengths"]
        assert after.version == before.version + 1


def test_case_file_audit_moderated_by_two_officers_at_once(client_for, second_officer, third_officer, case_audit):
    url = f"/case-audits/{case_audit.pk}/moderate/"
    people = [client_for(second_officer), client_for(third_officer)]
    for round_number in range(ROUNDS):
        Moderation.objects.filter(audit=case_audit).delete()
        forms = [form_data(page(person.get(url))) for person in people]
        forms[0].update(agrees="yes")
        forms[1].update(agrees="no", judgement=Judgement.INADEQUATE, reason=f"Reason typed in round {round_number}")
        responses = race(*(lambda p=p, f=f: p.post(url, f) for p, f in zip(people, forms)))

        assert [r.status_code for r in responses] == [302, 302]
        moderation = Moderation.objects.get(audit=case_audit)
        won = [second_officer, third_officer].index(moderation.moderator)
        told = page(people[1 - won].get(responses[1 - won].url))
        # Refused in the service if both passed the page's check, or by the page's check if the winner was done.
        assert "Another officer has moderated this audit already." in told or "already been moderated" in told
        assert moderation.agrees is (won == 0)


def test_case_file_audit_corrected_while_another_officer_moderates_it(
    client_for, la_officer, second_officer, case_audit
):
    """A moderated audit is never changed, and a moderation always judges the audit as it stands: of a
    correction and a moderation made at the same moment, one is refused and its author told."""
    edit_url, moderate_url = f"/case-audits/{case_audit.pk}/edit/", f"/case-audits/{case_audit.pk}/moderate/"
    auditor, moderator = client_for(la_officer), client_for(second_officer)
    outcomes = set()
    for round_number in range(ROUNDS):
        Moderation.objects.filter(audit=case_audit).delete()
        CaseAudit.objects.filter(pk=case_audit.pk).update(overall_judgement=Judgement.GOOD)
        correcting = form_data(page(auditor.get(edit_url)))
        correcting.update(
            overall_judgement=Judgement.REQUIRES_IMPROVEMENT, strengths=f"Corrected in round {round_number}"
        )
        agreeing = form_data(page(moderator.get(moderate_url)))
        agreeing.update(agrees="yes")
        corrected, moderated = race(
            lambda data=correcting: auditor.post(edit_url, data),
            lambda data=agreeing: moderator.post(moderate_url, data),
        )

        audit = CaseAudit.objects.get(pk=case_audit.pk)
        moderation = Moderation.objects.filter(audit=case_audit).first()
        if moderation is not None:
            outcomes.add("moderated first")
            # The correction waited for the moderation, saw it, and was refused.
            assert (audit.overall_judgement, moderation.judgement) == (Judgement.GOOD, Judgement.GOOD)
            told = page(auditor.get(corrected.url))
            assert (
                "This audit was moderated while you were editing it; your changes were not saved." in told
                or "This audit has been moderated, so it can no longer be changed." in told
            )
        else:
            outcomes.add("corrected first")
            assert audit.overall_judgement == Judgement.REQUIRES_IMPROVEMENT
            assert moderated.status_code == 200 and STALE_EDIT_MESSAGE in page(moderated)
            assert form_data(page(moderated))["agrees"] == "yes"  # their choice is kept
    print(f"correction against moderation, {ROUNDS} races: {sorted(outcomes)}")
