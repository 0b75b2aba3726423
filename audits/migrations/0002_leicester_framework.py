"""Seed Leicester's Schools Early Help Commitments (seed 001, appendix 5, section 4) as framework version 1.

The wording is read from audits/frameworks/leicester-schools-commitments.json, which is frozen: a revision
of the framework is a new file loaded with `manage.py load_commitments_framework`, never an edit of this one.
"""

from django.db import migrations


def seed_leicester(apps, schema_editor):
    from audits.framework_data import LEICESTER_FILE, create_framework, read_framework_file

    data = read_framework_file(LEICESTER_FILE)
    if not apps.get_model("audits", "Framework").objects.filter(slug=data["slug"]).exists():
        create_framework(data, apps=apps, make_current=True)


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(seed_leicester, migrations.RunPython.noop)]
