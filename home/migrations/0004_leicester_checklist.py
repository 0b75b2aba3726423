"""Leicester's suggested-provision checklist (seed 001, appendix 5) as the current checklist.

The list is written out here, frozen in the migration, so migrating a new database never depends on the
loader or on home/frameworks/. A revision is a new file loaded with `manage.py load_offer_checklist`.
"""

from django.db import migrations

LEICESTER_2019 = {
    "name": "Early Help in Schools: suggested provision (Leicester)",
    "slug": "leicester-schools-guide-2019",
    "source": "Leicester Early Help Schools Guide, section 3 'Early Help in Schools' and commitment 4 (evaluation of "
    "Leicester's Early Help model, appendix 5)",
    "areas": [
        {
            "slug": "attendance",
            "name": "Attendance",
            "description": "Getting children to school, every day and on time.",
            "primary": [
                "100% attendance rewards",
                "Attendance data monitored by assigned staff",
                "Lates, detentions and letters home treated as a measure of disadvantage",
                "Letter home at 95% attendance",
                "Education Welfare Officers (EWO) who attend relevant meetings",
                "Family liaison officer",
                "First day calling",
                "Home visits",
                "Meet and greets with the Designated Safeguarding Person",
                "Monitoring groups in high mobility or absence requests",
                "Organising transport or a walking bus to enable young people to attend",
                "Personal attendance plans",
                "Reward charts for good attendance and being on time",
                "School nurse (where there is a medical condition)",
                "School Gateway / truancy calls",
                "Wrap around care: breakfast and after school clubs",
            ],
            "secondary": [
                "Attendance data reviewed and actioned",
                "Education Welfare Officer",
                "Detentions and letters home as interventions",
                "Opportunities for meet and greets of pastoral staff",
                "Certificates / trophies linked to attendance",
                "Transport freely available to access school",
                "Personal attendance plans",
                "School nurse if applicable",
            ],
            "outcomes": [
                "Overall and individual pupil attendance improves",
                "Improvement in persistent absence (PA) data",
                "Reduction in the number of leave of absence requests",
                "Reduction in the number of penalty notices issued",
                "Lateness data shows a reduction in the number of interventions",
                "Whole school targets are met",
            ],
        },
        {
            "slug": "transition",
            "name": "Transition",
            "description": "Moving into, through and on from the school.",
            "primary": [
                "Stories of moving from school to school",
                "Extra visits / induction for vulnerable students",
                "Early Years Support Team (EYST)",
                "Health visitors / school nurse",
                "Induction day",
                "Links with PBSS",
                "Open evening",
                "Pupil passport",
                "Speech and language therapists (SALT)",
                "Support with online applications for parents",
                "Transition programme with a designated link teacher",
                "U-Explore",
                "Visits for prospective families",
                "Work with key partners",
            ],
            "secondary": [
                "Connexions worker for looked after children",
                "Careers library",
                "Dedicated careers adviser",
                "Open evening",
                "Pupil passport",
                "Social, Emotional and Mental Health (SEMH) team",
                "Social stories in an engaging manner",
                "Support with post-16 UCAS Progress applications",
                "Link between educational phases",
                "Visits for prospective families",
            ],
            "outcomes": [
                "Pupils obtain a place at their chosen school",
                "Families are supported with appeals",
                "Family needs are met whilst awaiting placements",
            ],
        },
        {
            "slug": "semh",
            "name": "Social, emotional and mental health (SEMH)",
            "description": "Emotional wellbeing, mental health and behaviour.",
            "primary": [
                "Charity links such as Barnardo's",
                "Bereavement counselling / groups",
                "Child and Adolescent Mental Health Service (CAMHS)",
                "Drawing and Talking therapy",
                "Educational Psychologist",
                "Emotions in motion",
                "Family link worker",
                "'Get out' cards",
                "Laura Centre (bereavement support)",
                "Lego therapy",
                "Mentors and nurture groups",
                "Pastoral Support Programme",
                "Play therapy",
                "Staff training in dyslexia and ADHD",
                "Virtual school team",
            ],
            "secondary": [
                "Behaviour mentor",
                "Bereavement counselling / groups",
                "Child and Adolescent Mental Health Service (CAMHS)",
                "Family link worker",
                "'Get out' cards",
                "Lunch clubs",
                "Sports co-ordinator (inclusive sports leading to achievements for a wide range of students)",
                "Anger management programmes",
            ],
            "outcomes": [
                "Pupil learning data shows improvement",
                "Reduction in the number of safeguarding disclosures",
                "Reduction in the number of high / low level behaviour incidents",
                "Increase in pupils' self-help skills",
                "Reduction in fixed term exclusions",
                "Assessments of emotional needs improve (e.g. Boxall Profile, Goodman's SDQ)",
            ],
        },
        {
            "slug": "staying-safe",
            "name": "Staying safe",
            "description": "Safeguarding, online safety and anti-bullying.",
            "primary": [
                "Bikeability",
                "Relevant policies and procedures, e.g. data protection",
                "Advice Point and Early Help response",
                "Anti-bullying champion and award",
                "Assemblies",
                "Care plans",
                "Duty and Advice Service (DAS)",
                "E-safety",
                "Home visits",
                "Library leaders",
                "Link Police Community Support Officer",
                "Literacy champion",
                "Parent workshops",
                "PEP / looked after children meetings",
                "PHSE (Personal, Health and Social Education) or PDC (Personal Development Curriculum)",
                "Prefect system",
                "Prevent, e.g. FGM (female genital mutilation) and forced marriage",
                "School nurse",
                "Health shop",
                "Tracking of incidents, e.g. CPOMS",
                "Vice principal post leading on personal development, behaviour and welfare",
                "Whole school safeguarding training",
            ],
            "secondary": [
                "Relevant policies and procedures, e.g. data protection",
                "Anti-bullying champion and award",
                "E-safety",
                "Newspaper club",
                "Library leaders",
                "Link Police Community Support Officer",
                "NHS stop smoking",
                "Pastoral leader meetings and training",
                "Personalised pathways (ASDAN, Future Pathways, college courses)",
                "PHSE (Personal, Health and Social Education) or PDC (Personal Development Curriculum)",
                "Student partners and / or student counsellor",
                "Support group for students with additional support needs",
            ],
            "outcomes": [
                "Anti-bullying award achieved, with greater awareness of bullying in the community and a "
                "zero tolerance approach to bullying incidents",
                "Increase in turnover of families accessing social services / family support worker",
                "Welfare and neglect issues on the social services caseload are reduced",
                "All parents have signed and adhere to the Acceptable User Policy via the Acceptable User Agreement",
                "Quality displays evidence pupils' new learning",
                "An increasing percentage of parental engagement",
                "An up-to-date rolling programme of safeguarding CPD (DSL every 2 years, all staff every 3 years)",
            ],
        },
        {
            "slug": "supporting-families",
            "name": "Supporting families",
            "description": "Help for parents and carers as well as pupils.",
            "primary": [
                "Bereavement counselling",
                "Community lunch",
                "Curriculum days / evenings",
                "Family link / support worker (available at parents' evenings or drop-ins)",
                "Support with form filling, including financial support and housing",
                "Home visits",
                "Parents' evenings",
                "Pastoral support",
                "SENCo",
                "SENDIASS (Special Educational Needs and Disabilities Information, Advice and Support Service)",
                "Signposting to external agencies and training",
                "Workshops",
                "Wrap around care",
            ],
            "secondary": [],
            "outcomes": [
                "Pupil learning data shows improvement",
                "Uptake of support services increases",
                "Reduction in the number of missed appointments (did not attend)",
                "An increasing percentage of parental engagement",
            ],
        },
        {
            "slug": "local-community",
            "name": "The local community",
            "description": "Links with the community around the school.",
            "primary": [
                "Community events: fairs, choirs, lantern parade",
                "Complementary schools",
                "Donations from the community for the Parent Teacher Association",
                "Governors",
                "Community links such as the fire service, PCSO and businesses",
                "Religious groups",
                "Supporting charities",
            ],
            "secondary": [
                "Community events: fairs, choirs, lantern parade",
                "Governors",
                "Community links such as the fire service, PCSO and businesses",
                "Religious groups",
                "Supporting charities",
                "Youth group",
            ],
            "outcomes": [
                "Families have a better understanding of the wider community",
                "Reduction in the percentage of anti-social behaviour incidents",
                "Reduction in PCSO call outs",
            ],
        },
        {
            "slug": "curriculum",
            "name": "The curriculum",
            "description": "What pupils learn and do in and around lessons.",
            "primary": [
                "1:1 / group work",
                "Assemblies",
                "Booster classes",
                "Citizenship delivery",
                "Inter-school events",
                "Subsidised school trips / visits",
                "Theme weeks",
            ],
            "secondary": [
                "Alternative provision",
                "Careers education interventions",
                "PDC (Personal Development Curriculum)",
                "PHSE (Personal, Health and Social Education)",
            ],
            "outcomes": ["Percentage of children attending a school club", "Pupil learning data shows improvement"],
        },
    ],
    "audiences": [
        {
            "slug": "children",
            "name": "Children and young people",
            "description": "Any trusted adult in the school can be the first person a child talks to.",
            "routes": ["Assemblies", "Theme weeks", "Information on school notice boards"],
            "key_staff": [
                "Class teacher",
                "Behaviour mentor",
                "Nurture leader",
                "Lunch supervisor",
                "Teaching assistant",
                "Educational Psychologist",
                "Other agency support worker",
                "Office staff",
                "School nurse",
            ],
        },
        {
            "slug": "parents",
            "name": "Parents and carers",
            "description": "",
            "routes": [
                "Information in newsletters",
                "Information on school notice boards",
                "Copies of the Early Help leaflet available for parents",
            ],
            "key_staff": [
                "Designated Safeguarding Lead",
                "Family support / link worker",
                "SENCo",
                "Pastoral support worker",
                "Office staff",
            ],
        },
        {
            "slug": "staff",
            "name": "Staff",
            "description": "",
            "routes": [
                "A standing item in staff meetings",
                "Staff briefings",
                "The Early Help leaflet shared with staff",
                "Safeguarding training",
            ],
            "key_staff": [
                "Designated Safeguarding Lead",
                "Family support / link worker",
                "SENCo",
                "Pastoral support worker",
            ],
        },
    ],
}

# top-level key -> (section kind, the item lists each section has)
SECTION_LISTS = {
    "areas": ("area", ("primary", "secondary", "outcomes")),
    "audiences": ("audience", ("routes", "key_staff")),
}


def load_leicester(apps, schema_editor):
    Checklist = apps.get_model("home", "ProvisionChecklist")
    Section = apps.get_model("home", "ChecklistSection")
    Item = apps.get_model("home", "ChecklistItem")
    if Checklist.objects.filter(slug=LEICESTER_2019["slug"]).exists():
        return
    Checklist.objects.filter(is_current=True).update(is_current=False)
    checklist = Checklist.objects.create(
        name=LEICESTER_2019["name"], slug=LEICESTER_2019["slug"], source=LEICESTER_2019["source"], is_current=True
    )
    items = []
    for key, (kind, lists) in SECTION_LISTS.items():
        for order, spec in enumerate(LEICESTER_2019.get(key, [])):
            section = Section.objects.create(
                checklist=checklist,
                kind=kind,
                slug=spec["slug"],
                name=spec["name"],
                description=spec.get("description", ""),
                sort_order=order,
            )
            for list_name in lists:
                items += [
                    Item(section=section, group=list_name, text=text, sort_order=i)
                    for i, text in enumerate(spec.get(list_name, []))
                ]
    Item.objects.bulk_create(items)


def unload_leicester(apps, schema_editor):
    apps.get_model("home", "ProvisionChecklist").objects.filter(slug=LEICESTER_2019["slug"]).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_offers")]

    operations = [migrations.RunPython(load_leicester, unload_leicester)]
