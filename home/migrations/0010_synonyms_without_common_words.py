"""Three of the shipped synonym rows held everyday words common in nearly every offer ("talking",
"parents", "passed away" counted as its two words): a search for any word of those rows found most of the
directory. They are rewritten here, unless the LA has already changed them.

Everyday words are chosen so that none is common in every offer. A phrase counts as its words, wherever
they are in an offer."""

from django.db import migrations

# (as shipped in 0009, as it is now)
REWRITTEN = [
    ("grief, grieving, loss, death, died, passed away, bereaved", "grief, grieving, death of a parent, bereaved"),
    ("someone to talk to, talking, therapy, therapist, counsellor", "someone to talk to, therapist, counsellor"),
    ("parenting, parents, toddler, baby", "toddler, baby, new parent"),
]


def rewrite(apps, schema_editor):
    Synonym = apps.get_model("home", "Synonym")
    for shipped, now in REWRITTEN:
        Synonym.objects.filter(everyday_words=shipped).update(everyday_words=now)


def restore(apps, schema_editor):
    Synonym = apps.get_model("home", "Synonym")
    for shipped, now in REWRITTEN:
        Synonym.objects.filter(everyday_words=now).update(everyday_words=shipped)


class Migration(migrations.Migration):
    dependencies = [("home", "0009_default_search_synonyms")]

    operations = [migrations.RunPython(rewrite, restore)]
