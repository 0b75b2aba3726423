"""The framework kit's vocabulary (portal/frameworks.py): a checklist's name becomes its title, loaded_at
created; a checklist has a version (1 for each one loaded so far, each under its own slug) and a description."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("home", "0005_offer_directory_and_moderation")]

    operations = [
        migrations.RenameField("provisionchecklist", "name", "title"),
        migrations.RenameField("provisionchecklist", "loaded_at", "created"),
        migrations.AddField("provisionchecklist", "version", models.PositiveIntegerField(default=1)),
        migrations.AddField("provisionchecklist", "description", models.TextField(blank=True)),
    ]
