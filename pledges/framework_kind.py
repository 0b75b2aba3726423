"""The partnership pledges, described for the framework kit (portal/frameworks.py).

Besides slug, version, title, source and description, a pledge-set file has an `introduction` (what
signatories declare) and a `commentary` (how the pledges apply to different partners), then the pledges:

    "pledges": [{"number": 1, "title": "...", "commentary": "...", "evidence": "designated_lead"}, ...]

`evidence` is one of Pledge.Evidence (designated_lead, training, access, offer, impact, notes); left out, it
means notes only. See pledges/frameworks/leicester-2016.json.
"""

from portal.frameworks import FrameworkKind, register

EVIDENCE_KINDS = ("designated_lead", "training", "access", "offer", "impact", "notes")


@register("pledges", "partnership pledges", model="pledges.PledgeSet", command="load_pledges", responses="signatures")
class PledgesFramework(FrameworkKind):
    extra_header = {"introduction": (True, None), "commentary": (False, None)}

    def read_parts(self, problems, data):
        pledges = [
            {
                "number": problems.whole_number(pledge, "number", where, required=True),
                "title": problems.text(pledge, "title", where, max_length=300),
                "commentary": problems.text(pledge, "commentary", where, required=False),
                "evidence": problems.choice(pledge, "evidence", EVIDENCE_KINDS, where, default="notes"),
            }
            for where, pledge in problems.objects(data, "pledges")
        ]
        problems.unique("pledges", pledges, "number")
        return {"pledges": sorted(pledges, key=lambda p: p["number"] or 0)}

    def parts_of(self, framework):
        return {
            "pledges": [
                {"number": p.number, "title": p.title, "commentary": p.commentary, "evidence": p.evidence}
                for p in framework.pledges.order_by("number")
            ]
        }

    def create_parts(self, framework, parts):
        from pledges.models import Pledge

        Pledge.objects.bulk_create(Pledge(pledge_set=framework, **pledge) for pledge in parts["pledges"])

    def summary(self, framework):
        return f"{framework.pledges.count()} pledges"
