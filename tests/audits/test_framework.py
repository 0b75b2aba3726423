"""The commitments framework is data: seeded by a data migration, versioned, frozen once used, loadable from
a file. What every framework shares (the freeze, the loading policy, the file problems, the screens) is
tested once for all of them in tests/portal/test_frameworks.py; this module keeps what is the audits' own."""

import json

import pytest
from django.core.management import call_command

from audits import services
from audits.framework_kind import CommitmentsFramework
from audits.models import Commitment, Framework, Outcome, SuggestedAction
from portal.frameworks import FrameworkInUse

FRAMEWORKS_DIR = CommitmentsFramework.examples
EXAMPLE = FRAMEWORKS_DIR / "example-partnership.json"


def test_migration_seeds_leicester_from_the_seed(framework):
    assert framework.slug == "leicester-schools-early-help-commitments" and framework.version == 1
    commitments = list(framework.commitments.order_by("number"))
    assert [c.number for c in commitments] == [1, 2, 3, 4]
    assert commitments[0].title.startswith("The Designated Safeguarding Lead (a key decision maker)")
    assert commitments[2].title == "The school has a defined and published Early Help offer"
    assert commitments[3].title.startswith("Students, parents/carers and staff know how to access Early Help")
    assert [c.outcomes.count() for c in commitments] == [3, 1, 2, 3]
    assert SuggestedAction.objects.filter(outcome__commitment__framework=framework).count() == 25
    assert commitments[1].outcomes.get().kind == Outcome.Kind.TRAINED_STAFF
    assert commitments[2].outcomes.get(position=2).kind == Outcome.Kind.OFFER_PUBLISHED
    first = commitments[0].outcomes.get(position=1)
    assert first.details_required and first.details_label == "Name of the responsible DSL or DSLs"
    assert commitments[0].outcomes.get(position=2).date_label == "Date of the briefing"
    audiences = [o.text.split(" have been")[0] for o in commitments[3].outcomes.order_by("position")]
    assert audiences == ["Children and young people", "Parents and carers", "Staff"]


def test_an_unused_framework_can_be_corrected(framework):
    commitment = framework.commitments.get(number=1)
    commitment.short_title = "DSL named"
    commitment.save()
    assert Commitment.objects.get(pk=commitment.pk).short_title == "DSL named"


def test_a_used_framework_is_frozen(audit, framework):
    commitment = framework.commitments.get(number=1)
    commitment.title = "Changed"
    with pytest.raises(FrameworkInUse):
        commitment.save()
    outcome = commitment.outcomes.first()
    with pytest.raises(FrameworkInUse):
        outcome.delete()
    with pytest.raises(FrameworkInUse):
        SuggestedAction.objects.create(outcome=outcome, position=9, text="New")
    action = SuggestedAction.objects.filter(outcome=outcome).first()
    action.text = "Changed"
    with pytest.raises(FrameworkInUse):
        action.save()
    framework.title = "Renamed"
    with pytest.raises(FrameworkInUse):
        framework.save()
    assert Framework.objects.get(pk=framework.pk).title == "Leicester Schools Early Help Commitments"


def test_a_used_framework_may_stop_being_current(audit, framework):
    framework.is_current = False
    framework.save()
    assert not Framework.objects.get(pk=framework.pk).is_current


def test_loading_a_revision_adds_a_version_and_old_audits_keep_theirs(
    audit, framework, other_school, other_school_lead, this_year, tmp_path
):
    data = json.loads((FRAMEWORKS_DIR / "leicester-schools-commitments.json").read_text())
    data["commitments"][0]["title"] = "The DSL leads on Early Help (revised wording)"
    data.pop("version")
    revised = tmp_path / "revised.json"
    revised.write_text(json.dumps(data))
    call_command("load_commitments_framework", str(revised), "--make-current")

    new = Framework.objects.get(is_current=True)
    assert (new.slug, new.version) == (framework.slug, 2)
    assert Framework.objects.filter(slug=framework.slug).count() == 2
    audit.refresh_from_db()
    assert audit.framework == framework
    assert framework.commitments.get(number=1).title.startswith("The Designated Safeguarding Lead")
    later = services.start_audit(other_school, this_year, other_school_lead)
    assert later.framework == new
    assert later.actions.first().commitment.framework == new


def test_another_partnerships_framework_loads_without_code_changes(school, school_lead, this_year, client_for):
    out = call_command_output("load_commitments_framework", str(EXAMPLE), "--make-current")
    assert "(3 commitments, 4 outcomes)" in out and "It is the current version." in out
    framework = Framework.objects.get(is_current=True)
    assert framework.title == "Example Borough school Early Help standards"
    audit = services.start_audit(school, this_year, school_lead)
    assert audit.outcome_records.count() == 4
    assert sorted(audit.actions.values_list("description", flat=True))[0] == "Agree who keeps it up to date"
    # The wizard's steps are the framework's: three commitments, then check your answers.
    client = client_for(school_lead)
    page = client.get(f"/audits/{audit.pk}/steps/commitment-3/").content.decode()
    assert "The school&#x27;s Early Help offer is in the family hub directory" in page
    assert "step 3 of 4" in page
    assert client.get(f"/audits/{audit.pk}/steps/commitment-4/").status_code == 404


def test_loading_not_current_keeps_the_current_framework(framework):
    call_command_output("load_commitments_framework", str(EXAMPLE))
    assert Framework.objects.get(is_current=True) == framework
    assert Framework.objects.filter(slug="example-borough-school-early-help-standards", is_current=False).exists()


def call_command_output(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
