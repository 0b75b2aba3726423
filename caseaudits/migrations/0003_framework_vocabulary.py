"""The framework kit's vocabulary (portal/frameworks.py): key/revision become slug/version."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("caseaudits", "0002_leicester_principles")]

    operations = [
        migrations.RemoveConstraint("framework", "caseaudits_one_framework_revision"),
        migrations.RenameField("framework", "key", "slug"),
        migrations.RenameField("framework", "revision", "version"),
        migrations.RenameField("framework", "created_at", "created"),
    ]
