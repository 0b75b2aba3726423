"""Leicester's default framework: the Service Transformation Maturity Model, version 1.

The strands and scope (table 13 of seed 001) are written out here, frozen in the migration: version 1 must
never change once rated against, and migrating a new database must not depend on maturity/frameworks/ or on
the loader. A revision belongs in a new version, loaded with `manage.py load_maturity_framework`.
"""

from django.db import migrations

STMM = {
    "slug": "stmm",
    "version": 1,
    "name": "Early Help Service Transformation Maturity Model",
    "description": "Six strands of service transformation, each rated Early, Developing, Maturing or Mature. An "
    "annual self-assessment with an action plan was a requirement of the Troubled Families programme.",
    "source": "Department for Communities and Local Government, November 2016. Strands and scope as summarised in "
    "table 13 of Leicester's evaluation of its Early Help model (2019).",
    "levels": [{"name": "Early"}, {"name": "Developing"}, {"name": "Maturing"}, {"name": "Mature"}],
    "strands": [
        {
            "key": "families-experience",
            "name": "The families' experience of transformed services",
            "short_name": "Families' experience",
            "summary": "One worker, one family, one plan.",
            "scope": [
                "Services integrated around families, with one person focusing on the family rather than "
                "several (one worker).",
                "Recognition from services that individuals live in the context of a family and need to be "
                "dealt with as such (one family).",
                "A focus across all relevant services on what the family needs to change, and a common "
                "endeavour around families (one plan).",
            ],
        },
        {
            "key": "leadership",
            "name": "Leadership",
            "short_name": "Leadership",
            "summary": "Services meeting local need; leaders committed to whole-family, outcome-focused working; "
            "demand management; links to wider reform.",
            "scope": [
                "A focus on services that best meet local need.",
                "Commitment from leaders across partners to outcome-focused, whole-family working, which "
                "may include collaborative commissioning and shared or pooled budgets.",
                "Understanding of demand management, using evidence and analysis to anticipate and manage "
                "future demand locally.",
                "Appreciation of links to wider local and national transformation programmes, including "
                "adult social care and health integration and reform of children's services.",
            ],
        },
        {
            "key": "strategy",
            "name": "Strategy",
            "short_name": "Strategy",
            "summary": "Strategic commitment of all partners to integrated, evidence-based, outcome-based "
            "services; demand forecasting; cost-benefit analysis.",
            "scope": [
                "Clear strategic commitment by all local partners to deliver integrated, family-focused, "
                "outcome-based services.",
                "Services commissioned on sound evidence of what works, working with partners and service "
                "users on service design and delivery.",
                "Services that manage future demand prioritised and commissioned, using data to measure "
                "and forecast demand.",
                "Cost-benefit analysis used to understand the effectiveness of local services, and the "
                "results acted on.",
            ],
        },
        {
            "key": "culture",
            "name": "Culture",
            "short_name": "Culture",
            "summary": "Principles for system change communicated to partners and the community; staff own "
            "working across boundaries.",
            "scope": [
                "Principles that underpin meaningful system and cultural change, communicated clearly "
                "across partners and to the community in an accessible, meaningful way.",
                "Staff take personal responsibility and ownership to work across boundaries to support "
                "families effectively.",
            ],
        },
        {
            "key": "workforce-development",
            "name": "Workforce development",
            "short_name": "Workforce",
            "summary": "Whole-family working understood; the right training at the right time; evidence-based "
            "practice; supervision; cross-partner training plans.",
            "scope": [
                "Understanding of the principles of family working: a whole-family assessment and family "
                "plan, and an understanding of the impact of their work.",
                "Access to the right training at the right time.",
                "Ability to use sound evidence-based, outcome-focused practice, learning from their own "
                "experience and from peers.",
                "Staff supported by appropriate organisational structures and sound governance, with "
                "supervision, performance monitoring and promotion opportunities.",
                "Cross-partner workforce training plans and commitment to shared resources.",
            ],
        },
        {
            "key": "delivery-structures",
            "name": "Delivery structures and processes",
            "short_name": "Delivery structures",
            "summary": "Integrated structures; a shared outcomes plan; whole-family assessments in a shared "
            "format; data-sharing protocols; shared data systems.",
            "scope": [
                "Commitment by partners to integrated working structures with sound evidence-based practice in place.",
                "Shared ambitions for outcomes for families, using the local Troubled Families Outcome Plan.",
                "Delivery structures that enable staff from different disciplines to work together to "
                "shared priorities and outcomes.",
                "High-quality whole-family assessments in a shared format across partners.",
                "Agreed data-sharing protocols supported at strategic and operational level.",
                "Shared data systems that identify and prioritise families needing help and monitor their "
                "progress and outcomes.",
            ],
        },
    ],
}


def seed_stmm(apps, schema_editor):
    Framework = apps.get_model("maturity", "Framework")
    Level = apps.get_model("maturity", "Level")
    Strand = apps.get_model("maturity", "Strand")
    framework, created = Framework.objects.get_or_create(
        slug=STMM["slug"],
        version=STMM["version"],
        defaults={"name": STMM["name"], "description": STMM["description"], "source": STMM["source"]},
    )
    if not created:
        return
    for position, level in enumerate(STMM["levels"], start=1):
        Level.objects.create(
            framework=framework, position=position, name=level["name"], description=level.get("description", "")
        )
    for position, strand in enumerate(STMM["strands"], start=1):
        Strand.objects.create(
            framework=framework,
            key=strand["key"],
            position=position,
            name=strand["name"],
            short_name=strand["short_name"],
            summary=strand.get("summary", ""),
            scope="\n".join(strand["scope"]),
        )


def remove_stmm(apps, schema_editor):
    apps.get_model("maturity", "Framework").objects.filter(slug="stmm", version=1, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_initial")]

    operations = [migrations.RunPython(seed_stmm, remove_stmm)]
