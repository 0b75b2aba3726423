"""Leicester's suggested-provision checklist (seed 001, appendix 5) as the current checklist."""

from django.db import migrations

from home.checklist_loader import LEICESTER_FILE, load_checklist, read_checklist


def load_leicester(apps, schema_editor):
    models = (
        apps.get_model("home", "ProvisionChecklist"),
        apps.get_model("home", "ChecklistSection"),
        apps.get_model("home", "ChecklistItem"),
    )
    load_checklist(read_checklist(LEICESTER_FILE), make_current=True, models=models)


def unload_leicester(apps, schema_editor):
    apps.get_model("home", "ProvisionChecklist").objects.filter(slug="leicester-schools-guide-2019").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_offers")]

    operations = [migrations.RunPython(load_leicester, unload_leicester)]
