"""Seed Leicester's partnership pledges (2016 wording, version 1) as the current pledge set.

The wording is written out here, frozen in the migration, so migrating a new database never depends on the
loader or on pledges/frameworks/. A revision is a new file loaded with `manage.py load_pledges`.
"""

from django.db import migrations

LEICESTER_2016 = {
    "name": "Leicester Early Help Partnership Pledges",
    "source": "Support, Strengthen, Thrive: Leicester's Early Help Strategy 2016-19, page 4 and 'Behind the "
    "Partnership Pledges'",
    "introduction": "We, the undersigned, pledge our support to the principles and delivery of Early Help in "
    "Leicester outlined in this strategy. We make the following commitments that confirm our "
    "contribution and our ongoing role in providing Early Help to children, young people and their "
    "families. We will:",
    "commentary": "The Leicester Children's Trust partnership organisations have signed pledges of support for the "
    "delivery of this strategy. The level at which each organisation delivers against these pledges "
    "will depend upon their purpose and role.\n"
    "\n"
    "For example, some partners deliver services directly to children and families and therefore all "
    "aspects of the pledge will be directly relevant to their operational role.\n"
    "\n"
    "Other partners are responsible for commissioning rather than direct service provision. "
    "Commissioners signing this pledge commit to embedding the principles of Early Help within service "
    "specifications and commissioning arrangements that they enter into.",
    "pledges": [
        {
            "number": 1,
            "title": "Name a member of staff as the Designated Lead for Safeguarding and Early Help",
            "evidence": "designated_lead",
            "commentary": "This person will be responsible for making decisions regarding Early Help as part of "
            "their safeguarding role. However, by naming a lead it is important that all staff "
            "understand that safeguarding remains the responsibility of every individual "
            "professional. Involving the Designated Lead does not pass on individual "
            "responsibility and accountability.",
        },
        {
            "number": 2,
            "title": "Train staff to effectively undertake their role in the provision of Early Help",
            "evidence": "training",
            "commentary": "This includes releasing staff to be trained to use the Liquid Logic Early Help module "
            "where it is appropriate to their role as potential Lead Practitioners, to support the "
            "management and monitoring of the multi-agency Early Help Assessment work.\n"
            "\n"
            "It is recognised that staff may need development to effectively fulfil the Lead "
            "Practitioner role and so organisations may consider enabling mentoring or co-working "
            "of cases in the first instance, alongside further training such as chairing meetings. "
            "The training plan includes a range of relevant training that supports the work of "
            "Lead Practitioners such as completion of assessments, dealing with conflict, gaining "
            "consent and evidencing outcomes.",
        },
        {
            "number": 3,
            "title": "Ensure our staff and service users can easily access Early Help in our organisation when "
            "they need it",
            "evidence": "access",
            "commentary": "This means that all staff and the children, young people, parents and carers with "
            "whom organisations work know how to access Early Help support and that organisations "
            "provide Early Help as the first response when difficulties emerge for families.",
        },
        {
            "number": 4,
            "title": "Define and publish our Early Help offer",
            "evidence": "offer",
            "commentary": "This means that where organisations directly provide support to families, they define "
            "and publish what that Early Help offer looks like to the families with which they "
            "work. It also means outlining the clear pathway from the organisation's first "
            "response, to the multi-agency Early Help response and through to Social Care, only if "
            "escalation is required.",
        },
        {
            "number": 5,
            "title": "Evidence the impact of our Early Help work",
            "evidence": "impact",
            "commentary": "This means that each organisation develops meaningful measures and puts a process in "
            "place which enables their staff to record and monitor how their Early Help work has "
            "contributed to improving outcomes for children, young people and families. How this "
            "system is designed will vary across organisations but the pledge commits "
            "organisations to providing this information to the Early Help Strategic Partnership "
            "Board in a format to be agreed by the partnership.",
        },
    ],
}


def seed_leicester(apps, schema_editor):
    PledgeSet = apps.get_model("pledges", "PledgeSet")
    Pledge = apps.get_model("pledges", "Pledge")
    if PledgeSet.objects.filter(name=LEICESTER_2016["name"]).exists():
        return
    pledge_set = PledgeSet.objects.create(
        name=LEICESTER_2016["name"],
        version=1,
        source=LEICESTER_2016["source"],
        introduction=LEICESTER_2016["introduction"],
        commentary=LEICESTER_2016["commentary"],
        is_current=not PledgeSet.objects.filter(is_current=True).exists(),
    )
    Pledge.objects.bulk_create(
        Pledge(
            pledge_set=pledge_set,
            number=pledge["number"],
            title=pledge["title"],
            commentary=pledge.get("commentary", ""),
            evidence=pledge.get("evidence") or "notes",
        )
        for pledge in sorted(LEICESTER_2016["pledges"], key=lambda p: p["number"])
    )


def remove_unused_leicester(apps, schema_editor):
    PledgeSet = apps.get_model("pledges", "PledgeSet")
    PledgeSet.objects.filter(name=LEICESTER_2016["name"], version=1, signatures__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("pledges", "0001_initial")]

    operations = [migrations.RunPython(seed_leicester, remove_unused_leicester)]
