"""Leicester's Support / Strengthen / Thrive objectives (seed 000, "Objectives"): the default objective set.

The data is written out here rather than read from strategy/frameworks/, so this migration keeps saying
what it said when it first ran whatever later happens to that file.
"""

from django.db import migrations

HEADER = {'slug': 'leicester-early-help-objectives',
 'title': 'Leicester Early Help Strategy objectives',
 'partnership': 'Leicester',
 'item_label': 'objective',
 'source': "Leicester Early Help Strategy 2016-2019, 'Objectives' and 'Priorities and Next Steps'",
 'description': 'Our partnership objectives are based on our key themes of Support, Strengthen and Thrive. '
                'For each objective the plan sets out what is our partnership response and what future '
                'actions we will take; the Early Help Strategic Partnership Board reviews it annually.',
 'version': 1}
COLUMNS = ("reference", "theme", "title")
OBJECTIVES = [('S1',
  'Support',
  'To target resources effectively to support children and their families as early as possible when problems '
  'arise'),
 ('S2',
  'Support',
  'To monitor and measure the impact of the Early Help offer through a shared commitment to robust '
  'assessment processes and performance management'),
 ('ST1',
  'Strengthen',
  "To build on the strengths and capacity of families and communities to meet children's needs through "
  'universal services where possible'),
 ('ST2',
  'Strengthen',
  'To prevent the need for referral and thereby reduce the number of children requiring specialist and '
  'statutory support'),
 ('T1',
  'Thrive',
  'To support children to thrive by intervening to improve key protective factors that help build '
  'resilience'),
 ('T2',
  'Thrive',
  "To support Leicester's Early Help model to thrive by improving service effectiveness through shared "
  'understanding and responsibility across partners')]


def add_leicester(apps, schema_editor):
    ObjectiveSet = apps.get_model("strategy", "ObjectiveSet")
    Objective = apps.get_model("strategy", "Objective")
    if ObjectiveSet.objects.filter(slug=HEADER["slug"]).exists():
        return
    objective_set = ObjectiveSet.objects.create(
        **HEADER, is_current=not ObjectiveSet.objects.filter(is_current=True).exists()
    )
    Objective.objects.bulk_create(
        Objective(objective_set=objective_set, order=order, **dict(zip(COLUMNS, row)))
        for order, row in enumerate(OBJECTIVES, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]

    operations = [migrations.RunPython(add_leicester, migrations.RunPython.noop)]
