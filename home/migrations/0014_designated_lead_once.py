"""The designated lead is recorded once (pledges.DesignatedLead) and the offer's sign-off reads it.

Before, the offer asked for the lead's name again (dsl_name for a school, designated_lead_name for anyone
else). A typed name becomes the organisation's designated-lead record where it has none, with its role and
email left blank for the organisation to confirm (the record's page says "details to confirm"); where a
record exists it is kept, as the one with contact details. Then the typed fields go. Going back restores the
fields from the records, so nothing is lost either way.
"""

from django.db import migrations


def typed_names_to_records(apps, schema_editor):
    OfferPage = apps.get_model("home", "OfferPage")
    DesignatedLead = apps.get_model("pledges", "DesignatedLead")
    has_record = set(DesignatedLead.objects.values_list("organisation_id", flat=True))
    # The most recently edited offer of an organisation wins if it has more than one.
    for page in OfferPage.objects.order_by("-latest_revision_created_at", "-pk"):
        name = (page.dsl_name or page.designated_lead_name).strip()
        if name and page.organisation_id not in has_record:
            DesignatedLead.objects.create(organisation_id=page.organisation_id, name=name[:150], role="", email="")
            has_record.add(page.organisation_id)


def records_to_typed_names(apps, schema_editor):
    OfferPage = apps.get_model("home", "OfferPage")
    DesignatedLead = apps.get_model("pledges", "DesignatedLead")
    names = dict(DesignatedLead.objects.values_list("organisation_id", "name"))
    for page in OfferPage.objects.select_related("organisation"):
        name = names.get(page.organisation_id, "")[:120]
        if page.organisation.kind == "school":
            page.dsl_name = name
        else:
            page.designated_lead_name = name
        page.save(update_fields=["dsl_name", "designated_lead_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0013_merge_20261202_2048"),
        ("pledges", "0005_designated_lead_details_to_confirm"),
    ]

    operations = [
        migrations.RunPython(typed_names_to_records, records_to_typed_names),
        migrations.RemoveField(model_name="offerpage", name="designated_lead_name"),
        migrations.RemoveField(model_name="offerpage", name="dsl_name"),
    ]
