"""Seed Leicester's Schools Early Help Commitments (seed 001, appendix 5, section 4) as framework version 1.

The wording is written out here, frozen in the migration, so migrating a new database keeps saying what it
said when this first ran, whatever later happens to the loader or to audits/frameworks/. A revision of the
framework is a new file loaded with `manage.py load_commitments_framework`, never an edit of this one.
"""

from django.db import migrations

LEICESTER = {
    "slug": "leicester-schools-early-help-commitments",
    "title": "Leicester Schools Early Help Commitments",
    "description": "The four commitments at the core of a school's Early Help offer, with the audit tool's outcomes "
    "and suggested actions (Early Help Schools Guide, Leicester Education Strategic Partnership).",
    "source": "An evaluation of Leicester's Early Help model, appendix 5: Early Help Schools Guide, sections 2 and 4",
    "commitments": [
        {
            "number": 1,
            "title": "The Designated Safeguarding Lead (a key decision maker) is responsible for Early Help "
            "as part of their safeguarding role",
            "short_title": "DSL responsible for Early Help",
            "guidance": "This could be your Head, Deputy or Assistant Head, SENCo or a member of the Senior "
            "Leadership Team. DSLs should familiarise themselves with the school's Early Help "
            "offer and the EHA referral process, so that they can confidently describe the offer "
            "and are clear on how referrals for an Early Help Assessment are made.",
            "outcomes": [
                {
                    "text": "The Designated Safeguarding Lead has responsibility for Early Help as "
                    "part of their understanding of the appropriate response to concerns about "
                    "a child",
                    "details_label": "Name of the responsible DSL or DSLs",
                    "details_required": True,
                    "review_date": True,
                    "suggested_actions": ["Identify the responsible DSL or DSLs"],
                },
                {
                    "text": "DSLs have attended the 'What is Early Help' briefing",
                    "date_label": "Date of the briefing",
                    "review_date": False,
                    "suggested_actions": [
                        "Visit the Early Help Training website and book a place on the 'What is Early Help' briefing"
                    ],
                },
                {
                    "text": "DSLs have attended Early Help Assessment training",
                    "date_label": "Date of the training",
                    "review_date": False,
                    "suggested_actions": [
                        "Visit the Early Help Training website and book a place on Early Help Assessment training"
                    ],
                },
            ],
        },
        {
            "number": 2,
            "title": "At least one member of staff is trained in the use of the LiquidLogic Early Help Module",
            "short_title": "Staff trained in LiquidLogic",
            "guidance": "The LiquidLogic Early Help Module is the electronic case-recording system for Early "
            "Help Assessments. Its training is two half-day parts; afterwards staff have "
            "read-only access, so they can see whether pupils have had support from the "
            "council's Children's Centres and Family Support Service, and track EHA requests and "
            "their outcomes. This could be your DSL, pastoral support staff, family link or "
            "support worker, or behaviour mentor.",
            "outcomes": [
                {
                    "text": "At least one member of staff is trained in the use of LiquidLogic",
                    "kind": "trained_staff",
                    "review_date": False,
                    "suggested_actions": [
                        "Identify appropriate staff to receive training",
                        "Visit the Early Help Training website and book places on "
                        "both parts of the LiquidLogic training for those staff",
                    ],
                }
            ],
        },
        {
            "number": 3,
            "title": "The school has a defined and published Early Help offer",
            "short_title": "Offer defined and published",
            "guidance": "Setting out your Early Help offer can improve how partners work with you, so that "
            "support for families begins at the earliest opportunity and in the best way "
            "possible. Step one: define your offer, using the seven areas of the Early Help in "
            "Schools list. Step two: publish your offer.",
            "outcomes": [
                {
                    "text": "There is a defined Early Help offer for the school",
                    "date_label": "Date the offer was signed off",
                    "review_date": True,
                    "suggested_actions": [
                        "Use the Early Help in Schools list to identify the Early "
                        "Help provision available through the school: remove the "
                        "provision not offered and add your own",
                        "Get your school's Early Help list signed off",
                        "Agree a review date",
                    ],
                },
                {
                    "text": "The Early Help offer is published",
                    "kind": "offer_published",
                    "details_label": "Where the offer is published",
                    "details_hint": "For example: the portal's directory, the school website, notice boards",
                    "date_label": "Date published",
                    "review_date": True,
                    "suggested_actions": [
                        "Identify how and where to publish your school's Early Help offer",
                        "Publish your school's Early Help offer",
                    ],
                },
            ],
        },
        {
            "number": 4,
            "title": "Students, parents/carers and staff know how to access Early Help support within school",
            "short_title": "Everyone knows how to get help",
            "guidance": "Students, parents/carers and staff should know the school's Early Help offer and "
            "how to access it. Routes for children and young people: assemblies, theme weeks, "
            "notice boards. For parents and carers: newsletters, notice boards, leaflets. For "
            "staff: a standing item at staff meetings, staff briefings, safeguarding training. "
            "Key staff include any trusted adult, the DSL, the family support or link worker, "
            "the SENCo and pastoral support workers.",
            "outcomes": [
                {
                    "text": "Children and young people have been made aware of how they can access "
                    "Early Help within the school",
                    "details_label": "How they were made aware",
                    "details_hint": "For example: assemblies, theme weeks, notice boards",
                    "date_label": "Date the messages were delivered",
                    "review_date": True,
                    "suggested_actions": [
                        "Identify key staff who children and young people can talk to about Early Help",
                        "Identify how to train or raise awareness of this responsibility with these staff",
                        "Deliver training or awareness raising to these staff",
                        "Identify appropriate methods to give children and young "
                        "people information on Early Help in school",
                        "Deliver messages about Early Help to children and young people in school",
                    ],
                },
                {
                    "text": "Parents and carers have been made aware of how they can access Early Help "
                    "within the school",
                    "details_label": "How they were made aware",
                    "details_hint": "For example: newsletters, notice boards, leaflets",
                    "date_label": "Date the messages were delivered",
                    "review_date": True,
                    "suggested_actions": [
                        "Identify key staff who parents and carers can talk to about Early Help",
                        "Identify how to train or raise awareness of this responsibility with these staff",
                        "Deliver training or awareness raising to these staff",
                        "Identify appropriate methods to give parents and carers information on Early Help in school",
                        "Deliver messages about Early Help to parents and carers",
                    ],
                },
                {
                    "text": "Staff have been made aware of how they can access Early Help within the school",
                    "details_label": "How they were made aware",
                    "details_hint": "For example: staff meetings, staff briefings, safeguarding training",
                    "date_label": "Date the messages were delivered",
                    "review_date": True,
                    "suggested_actions": [
                        "Identify key staff who other staff can talk to about Early Help",
                        "Identify how to train or raise awareness of this responsibility with these staff",
                        "Deliver training or awareness raising to these staff",
                        "Identify appropriate methods to give staff information on Early Help in school",
                        "Deliver messages about Early Help to staff",
                    ],
                },
            ],
        },
    ],
}


def seed_leicester(apps, schema_editor):
    Framework = apps.get_model("audits", "Framework")
    Commitment = apps.get_model("audits", "Commitment")
    Outcome = apps.get_model("audits", "Outcome")
    SuggestedAction = apps.get_model("audits", "SuggestedAction")
    if Framework.objects.filter(slug=LEICESTER["slug"]).exists():
        return
    Framework.objects.filter(is_current=True).update(is_current=False)
    framework = Framework.objects.create(
        slug=LEICESTER["slug"],
        version=1,
        title=LEICESTER["title"],
        description=LEICESTER["description"],
        source=LEICESTER["source"],
        is_current=True,
    )
    for c in LEICESTER["commitments"]:
        commitment = Commitment.objects.create(
            framework=framework,
            number=c["number"],
            title=c["title"],
            short_title=c["short_title"],
            guidance=c.get("guidance", ""),
        )
        for position, o in enumerate(c["outcomes"], start=1):
            outcome = Outcome.objects.create(
                commitment=commitment,
                position=position,
                text=o["text"],
                kind=o.get("kind", "standard"),
                details_label=o.get("details_label", ""),
                details_hint=o.get("details_hint", ""),
                details_required=o.get("details_required", False),
                date_label=o.get("date_label", ""),
                asks_review_date=o.get("review_date", True),
            )
            SuggestedAction.objects.bulk_create(
                SuggestedAction(outcome=outcome, position=n, text=text)
                for n, text in enumerate(o.get("suggested_actions", []), start=1)
            )


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(seed_leicester, migrations.RunPython.noop)]
