"""Seed Leicester's partnership pledges (2016 wording, version 1) as the current pledge set."""

from django.db import migrations

from pledges.framework_files import LEICESTER_2016, create_pledge_set, read_pledge_set


def seed_leicester(apps, schema_editor):
    PledgeSet = apps.get_model("pledges", "PledgeSet")
    Pledge = apps.get_model("pledges", "Pledge")
    data = read_pledge_set(LEICESTER_2016)
    if not PledgeSet.objects.filter(name=data["name"]).exists():
        create_pledge_set(PledgeSet, Pledge, data, version=1, is_current=not PledgeSet.objects.filter(is_current=True).exists())


def remove_unused_leicester(apps, schema_editor):
    PledgeSet = apps.get_model("pledges", "PledgeSet")
    name = read_pledge_set(LEICESTER_2016)["name"]
    PledgeSet.objects.filter(name=name, version=1, signatures__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("pledges", "0001_initial")]

    operations = [migrations.RunPython(seed_leicester, remove_unused_leicester)]
