"""Moderation: a second officer, never the auditor, reviews a sample; the agreement rate is reported."""

import random
from datetime import date

import pytest
from django.urls import reverse

from caseaudits import services
from caseaudits.models import CaseAudit, Moderation
from caseaudits.selectors import current_quarter, quarterly_report


def moderate_url(audit):
    return reverse("caseaudits:moderate", args=[audit.pk])


def test_a_second_officer_agrees(client_for, second_officer, audit):
    client = client_for(second_officer)
    page = client.get(moderate_url(audit)).content.decode()
    assert "Do you agree that the case is good?" in page and "Seen on file." in page
    response = client.post(moderate_url(audit), {"agrees": "yes", "judgement": "inadequate", "reason": "ignored"})
    assert response.status_code == 302
    moderation = Moderation.objects.get(audit=audit)
    assert (moderation.moderator, moderation.agrees, moderation.judgement, moderation.reason) == (
        second_officer,
        True,
        "good",
        "",
    )
    page = client.get(reverse("caseaudits:detail", args=[audit.pk])).content.decode()
    assert "Moderated: agreed" in page and "Moderate this audit" not in page


def test_a_different_judgement_needs_the_judgement_and_a_reason(client_for, second_officer, audit):
    client = client_for(second_officer)
    page = client.post(moderate_url(audit), {"agrees": "no"}).content.decode()
    assert "Choose your judgement." in page and "Give the reason for your different judgement." in page
    page = client.post(moderate_url(audit), {"agrees": "no", "judgement": "good", "reason": "x"}).content.decode()
    assert "Choose a judgement different from the auditor" in page
    page = client.post(
        moderate_url(audit), {"agrees": "no", "judgement": "inadequate", "reason": "Mrs Jones was not seen."}
    ).content.decode()
    assert "Remove the name" in page
    assert not Moderation.objects.exists()
    client.post(moderate_url(audit), {"agrees": "no", "judgement": "requires_improvement", "reason": "No plan review."})
    moderation = Moderation.objects.get()
    assert (moderation.agrees, moderation.judgement, moderation.reason) == (
        False,
        "requires_improvement",
        "No plan review.",
    )
    page = client.get(reverse("caseaudits:detail", args=[audit.pk])).content.decode()
    assert "Moderated to Requires improvement" in page and "No plan review." in page


def test_the_auditor_can_never_moderate_their_own_audit(client_for, la_officer, audit):
    client = client_for(la_officer)
    response = client.post(moderate_url(audit), {"agrees": "yes"}, follow=True)
    assert "You audited this case, so another officer must moderate it." in response.content.decode()
    assert not Moderation.objects.exists()
    with pytest.raises(services.ModerationRefused):
        services.moderate(audit, moderator=la_officer, agrees=True, judgement="", reason="")


def test_an_audit_is_moderated_once(client_for, second_officer, admin_user, audit):
    services.moderate(audit, moderator=second_officer, agrees=True, judgement="", reason="")
    audit = CaseAudit.objects.get(pk=audit.pk)
    response = client_for(admin_user).post(moderate_url(audit), {"agrees": "yes"}, follow=True)
    assert "This audit has already been moderated." in response.content.decode()
    with pytest.raises(services.ModerationRefused, match="already"):
        services.moderate(audit, moderator=admin_user, agrees=False, judgement="inadequate", reason="Late")
    assert Moderation.objects.get().moderator == second_officer


def test_reports_count_the_moderated_judgement_and_the_agreement_rate(make_audit, agency, second_officer):
    good = make_audit(agency, audit_date=date(2018, 4, 10))
    other = make_audit(agency, audit_date=date(2018, 4, 11))
    make_audit(agency, audit_date=date(2018, 4, 12))
    services.moderate(good, moderator=second_officer, agrees=False, judgement="inadequate", reason="No plan.")
    services.moderate(other, moderator=second_officer, agrees=True, judgement="", reason="")
    report = quarterly_report(2018)
    assert (report.good_or_better[0].met, report.good_or_better[0].total) == (2, 3)
    assert (report.moderation[0].met, report.moderation[0].total) == (1, 2)
    assert dict((label, counts[0]) for label, counts, _ in report.judgements) == {
        "Outstanding": 0,
        "Good": 2,
        "Requires improvement": 0,
        "Inadequate": 1,
    }


def test_drawing_the_sample_tops_it_up_to_its_target(make_audit, agency, second_officer):
    audits = [make_audit(agency, audit_date=date(2018, 4, 1 + n % 28)) for n in range(25)]
    make_audit(agency, audit_date=date(2018, 7, 1))  # another quarter: never drawn
    services.moderate(audits[0], moderator=second_officer, agrees=True, judgement="", reason="")
    added = services.draw_moderation_sample(2018, 1, percent=10, rng=random.Random(1))
    assert added == 2  # 10% of 25 rounded up is 3; one is already moderated
    sampled = CaseAudit.objects.filter(sampled_at__isnull=False)
    assert sampled.count() == 2 and not sampled.filter(pk=audits[0].pk).exists()
    assert not sampled.filter(quarter=2).exists()
    assert services.draw_moderation_sample(2018, 1, percent=10) == 0
    assert services.draw_moderation_sample(2018, 1, percent=20) == 2


def test_the_sample_size_is_a_setting(settings, make_audit, agency):
    settings.CASE_AUDIT_MODERATION_SAMPLE_PERCENT = 50
    for n in range(4):
        make_audit(agency, audit_date=date(2018, 4, 1 + n))
    assert services.draw_moderation_sample(2018, 1) == 2


def test_the_moderation_page_shows_the_sample_and_the_agreement_rate(
    client_for, la_officer, second_officer, make_audit, agency
):
    own = make_audit(agency, reference="EHA-300001", audit_date=date(2018, 4, 2))
    theirs = make_audit(agency, reference="EHA-300002", audit_date=date(2018, 4, 3), auditor=second_officer)
    done = make_audit(agency, reference="EHA-300003", audit_date=date(2018, 4, 4), auditor=second_officer)
    CaseAudit.objects.filter(pk__in=[own.pk, theirs.pk]).update(sampled_at="2018-07-01T09:00Z")
    services.moderate(done, moderator=la_officer, agrees=False, judgement="inadequate", reason="No plan.")
    page = client_for(la_officer).get(reverse("caseaudits:moderation") + "?year=2018-19&quarter=1").content.decode()
    assert "Moderation, Q1 2018-19" in page
    assert "0% (0 of 1)" in page  # agreement rate
    assert "Your audit: another officer moderates it" in page
    assert reverse("caseaudits:moderate", args=[theirs.pk]) in page
    assert reverse("caseaudits:moderate", args=[own.pk]) not in page
    assert "Moderated: judgement changed" in page


def test_an_officer_draws_the_sample_from_the_page(client_for, la_officer, make_audit, agency):
    for n in range(3):
        make_audit(agency, audit_date=date(2018, 4, 1 + n))
    client = client_for(la_officer)
    assert client.get(reverse("caseaudits:draw_sample")).status_code == 405
    response = client.post(reverse("caseaudits:draw_sample") + "?year=2018-19&quarter=1", follow=True)
    assert "1 audit added to the Q1 2018-19 sample." in response.content.decode()
    assert CaseAudit.objects.filter(sampled_at__isnull=False).count() == 1
    response = client.post(reverse("caseaudits:draw_sample") + "?year=2018-19&quarter=1", follow=True)
    assert "already at its target size" in response.content.decode()


def test_a_bad_quarter_falls_back_to_the_current_one(client_for, la_officer):
    page = client_for(la_officer).get(reverse("caseaudits:moderation") + "?year=2018&quarter=9").content.decode()
    assert f"Moderation, {current_quarter().label}" in page
