"""The demo: at least 40 schools with audits in varied states this year, some last year, the seed's 27
offer quality visits, Rushey Mead's in-progress audit to resume; and running it twice changes nothing."""

from io import StringIO

from audits import demo
from audits.models import Action, Audit, OfferVisit, RagChange, WizardPosition
from portal import demo as portal_demo
from portal.models import User


def test_demo_is_varied_and_idempotent(db, this_year):
    portal_demo.seed()
    out = StringIO()
    demo.seed(stdout=out)
    counts = (
        Audit.objects.count(),
        Action.objects.count(),
        RagChange.objects.count(),
        OfferVisit.objects.count(),
        User.objects.count(),
    )
    demo.seed()
    assert (
        Audit.objects.count(),
        Action.objects.count(),
        RagChange.objects.count(),
        OfferVisit.objects.count(),
        User.objects.count(),
    ) == counts

    this = Audit.objects.filter(academic_year=this_year)
    assert this.count() >= 40
    assert this.filter(status="submitted").count() >= 15 and this.filter(status="in_progress").count() >= 10
    last_year = f"{int(this_year[:4]) - 1}/{this_year[2:4]}"
    assert Audit.objects.filter(academic_year=last_year).count() >= 20
    assert this.filter(carried_forward_from__isnull=False).exists()
    assert OfferVisit.objects.count() == 27
    assert f"{this.count()} for {this_year}" in out.getvalue() and "27 offer quality visits" in out.getvalue()

    rushey = Audit.objects.get(organisation__name="Rushey Mead Primary School", academic_year=this_year)
    assert rushey.status == "in_progress" and rushey.sections.count() == 1
    assert set(WizardPosition.objects.filter(audit=rushey).values_list("user__email", "step")) == {
        ("school.lead@example.org", "commitment-2"),
        ("school.editor@example.org", "commitment-2"),
    }
    martyrs = Audit.objects.get(organisation__name="English Martyrs' Catholic School", academic_year=this_year)
    assert martyrs.is_submitted
    assert set(Action.objects.filter(audit__academic_year=this_year).values_list("rag", flat=True)) >= {
        "red",
        "amber",
        "green",
        "not_started",
    }
    assert User.objects.filter(email="coordinator@example.org", partnership_role="la_officer").exists()
