"""The framework kit's vocabulary (portal/frameworks.py): name becomes title, created_at created, and a
pledge set gets a slug (made from its title) and a description."""

from django.db import migrations, models
from django.utils.text import slugify


def slugs_from_titles(apps, schema_editor):
    PledgeSet = apps.get_model("pledges", "PledgeSet")
    for pledge_set in PledgeSet.objects.order_by("pk"):
        PledgeSet.objects.filter(pk=pledge_set.pk).update(slug=slugify(pledge_set.title)[:100])


class Migration(migrations.Migration):
    dependencies = [("pledges", "0002_leicester_pledges")]

    operations = [
        migrations.RemoveConstraint("pledgeset", "pledge_set_name_version_unique"),
        migrations.RenameField("pledgeset", "name", "title"),
        migrations.RenameField("pledgeset", "created_at", "created"),
        migrations.AddField(
            "pledgeset",
            "slug",
            models.SlugField(default="", max_length=100, help_text="Names the framework across its versions."),
            preserve_default=False,
        ),
        migrations.AddField("pledgeset", "description", models.TextField(blank=True)),
        migrations.RunPython(slugs_from_titles, migrations.RunPython.noop),
    ]
