"""Everyday words for the directory search, as a partnership starts with them (the LA edits them in the
admin under Snippets > Search synonyms), and the LA officers' permission to edit them and the urgent-help
numbers. The words come from what families type and what Leicester's offers call the help (DOMAIN.md §1)."""

from django.db import migrations

QA_GROUP = "LA quality-assurance officers"

# (what people type, what offers call it)
SYNONYMS = [
    ("grief, grieving, loss, death, died, passed away, bereaved", "bereavement"),
    (
        "anxiety, anxious, worried, worry, worries, stress, stressed, panic attacks, low mood, depression, "
        "mental health, sad, unhappy",
        "emotional wellbeing, SEMH, counselling, CAMHS",
    ),
    (
        "autism, autistic, ASD, ADHD, dyslexia, special needs, additional needs, disability, disabled",
        "SEND, SENCo, SENDIASS",
    ),
    ("money, bills, cost of living, universal credit, cannot afford, struggling financially", "debt, benefits, finance"),
    ("bullying, bullied, bully, cyberbullying, picked on", "staying safe, anti-bullying"),
    ("online safety, internet, social media, gaming, sexting", "e-safety, staying safe"),
    (
        "missing school, not going to school, refusing school, school refusal, truancy, absence, absent, late",
        "attendance, first day calling, Education Welfare Officer",
    ),
    ("anger, angry, temper, tantrums, behaviour problems, aggressive", "anger management, behaviour, nurture groups"),
    ("new school, moving school, changing school, starting school, moving up", "transition, induction"),
    ("homeless, eviction, evicted, landlord, rent", "housing"),
    ("self harm, self-harm, harming themselves, suicidal", "CAMHS, emotional wellbeing, SEMH"),
    ("domestic abuse, domestic violence, abuse at home, violence at home", "domestic abuse, safeguarding"),
    ("caring for a parent, caring for family, young carer", "young carers"),
    ("someone to talk to, talking, therapy, therapist, counsellor", "counselling, mentor, play therapy"),
    ("hungry, food, breakfast, meals, food bank", "breakfast club, free school meals"),
    ("drugs, alcohol, drinking, substance", "substance misuse"),
    ("crime, antisocial, anti-social, gangs, knife crime", "PCSO, anti-social behaviour, staying safe"),
    ("forms, paperwork, filling in forms", "help with forms"),
    ("parenting, parents, toddler, baby", "parenting, family support"),
]


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create(apps, schema_editor):
    Synonym = apps.get_model("home", "Synonym")
    for everyday, directory in SYNONYMS:
        Synonym.objects.get_or_create(everyday_words=everyday, defaults={"directory_words": directory})
    group = apps.get_model("auth", "Group").objects.filter(name=QA_GROUP).first()
    if group is None:
        return
    for action in ("add", "change", "delete", "view"):
        group.permissions.add(_permission(apps, "synonym", f"{action}_synonym", f"Can {action} search synonym"))
    group.permissions.add(
        _permission(apps, "urgenthelpsettings", "change_urgenthelpsettings", "Can change urgent help")
    )


def remove(apps, schema_editor):
    Synonym = apps.get_model("home", "Synonym")
    Synonym.objects.filter(everyday_words__in=[everyday for everyday, _ in SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_search_synonyms_locations_urgent_help"),
        ("home", "0005_offer_directory_and_moderation"),
    ]

    operations = [migrations.RunPython(create, remove)]
