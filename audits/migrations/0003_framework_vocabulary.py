"""The framework kit's vocabulary (portal/frameworks.py): created_at becomes created."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("audits", "0002_leicester_framework")]

    operations = [migrations.RenameField("framework", "created_at", "created")]
