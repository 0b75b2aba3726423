"""Leicester's default framework: the Service Transformation Maturity Model, version 1.

The content lives in maturity/frameworks/stmm.json (strands and scope from table 13 of seed 001); that
file is also the example of the framework file format. Version 1 must never change once rated against,
so a revision of the file belongs in a new version, not in this migration.
"""

import json
from pathlib import Path

from django.db import migrations

STMM_FILE = Path(__file__).resolve().parent.parent / "frameworks" / "stmm.json"


def seed_stmm(apps, schema_editor):
    Framework = apps.get_model("maturity", "Framework")
    Level = apps.get_model("maturity", "Level")
    Strand = apps.get_model("maturity", "Strand")
    data = json.loads(STMM_FILE.read_text(encoding="utf-8"))
    framework, created = Framework.objects.get_or_create(
        slug=data["slug"],
        version=data["version"],
        defaults={"name": data["name"], "description": data["description"], "source": data["source"]},
    )
    if not created:
        return
    for position, level in enumerate(data["levels"], start=1):
        Level.objects.create(
            framework=framework, position=position, name=level["name"], description=level.get("description", "")
        )
    for position, strand in enumerate(data["strands"], start=1):
        Strand.objects.create(
            framework=framework,
            key=strand["key"],
            position=position,
            name=strand["name"],
            short_name=strand["short_name"],
            summary=strand.get("summary", ""),
            scope="\n".join(strand["scope"]),
        )


def remove_stmm(apps, schema_editor):
    apps.get_model("maturity", "Framework").objects.filter(slug="stmm", version=1, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_initial")]

    operations = [migrations.RunPython(seed_stmm, remove_stmm)]
