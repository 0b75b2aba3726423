"""The framework kit's vocabulary (portal/frameworks.py): name becomes title, loaded_at created, and a
framework version can be current (the newest version of the framework the latest round used)."""

from django.db import migrations, models


def make_one_current(apps, schema_editor):
    Framework = apps.get_model("maturity", "Framework")
    Round = apps.get_model("maturity", "Round")
    latest_round = Round.objects.order_by("-pk").select_related("framework").first()
    versions = Framework.objects.filter(slug=latest_round.framework.slug) if latest_round else Framework.objects
    current = versions.order_by("-version", "pk").first()
    if current is not None:
        Framework.objects.filter(pk=current.pk).update(is_current=True)


class Migration(migrations.Migration):
    dependencies = [("maturity", "0002_seed_stmm_framework")]

    operations = [
        migrations.RenameField("framework", "name", "title"),
        migrations.RenameField("framework", "loaded_at", "created"),
        migrations.AddField(
            "framework",
            "is_current",
            models.BooleanField(default=False, help_text="New responses use the current version."),
        ),
        migrations.RunPython(make_one_current, migrations.RunPython.noop),
    ]
