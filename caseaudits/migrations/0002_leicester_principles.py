"""Leicester's seven EHA principles: the default principle set, revision 1, current.

The data is written out here rather than read from caseaudits/frameworks/, so this migration keeps saying
what it said when it first ran whatever later happens to that file.
"""

from django.db import migrations

KEY = "leicester-eha-principles"
PRINCIPLES = [
    ("written-consent", "Written consent", "Written consent from the family, given at the start in the full knowledge of how their information will be stored and shared."),
    ("assessment", "Assessment of the family", "An assessment of the whole family's needs and strengths."),
    ("action-plan", "Action plan", "An action plan with the desired outcome, the family's strengths, the child's needs and the services to meet them, specific actions, a contingency plan, timescales, the agencies and their responsibilities, and a review date within 3 months."),
    ("focus-on-outcomes", "Focus on outcomes", "The plan and the work are focused on the outcomes the family wants to achieve."),
    ("team-around-the-family", "Team Around the Family", "A Team Around the Family (TAF) process with a named lead practitioner."),
    ("management-oversight", "Management oversight", "A manager has overseen the case and the decisions in it."),
    ("timely-reviews", "Timely reviews", "The plan is reviewed at least every 3 months until the family's needs are met."),
]


def add_leicester(apps, schema_editor):
    Framework = apps.get_model("caseaudits", "Framework")
    Principle = apps.get_model("caseaudits", "Principle")
    if Framework.objects.filter(key=KEY).exists():
        return
    framework = Framework.objects.create(
        key=KEY,
        revision=1,
        title="Leicester Early Help Assessment principles",
        partnership="Leicester",
        source="An evaluation of Leicester's Early Help model, section 3.4.1; Early Help and Prevention protocol",
        description=(
            "The seven principles every Early Help Assessment should show. Follow-up checks of known EHAs record "
            "whether each is in place, and findings go to the safeguarding board each quarter."
        ),
        is_current=not Framework.objects.filter(is_current=True).exists(),
    )
    Principle.objects.bulk_create(
        Principle(framework=framework, number=number, code=code, title=title, description=description)
        for number, (code, title, description) in enumerate(PRINCIPLES, start=1)
    )


def remove_leicester(apps, schema_editor):
    Framework = apps.get_model("caseaudits", "Framework")
    Framework.objects.filter(key=KEY, revision=1, audits__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("caseaudits", "0001_initial")]

    operations = [migrations.RunPython(add_leicester, remove_leicester)]
