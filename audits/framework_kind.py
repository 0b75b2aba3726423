"""The schools commitments framework, described for the framework kit (portal/frameworks.py).

Parts in a file (see audits/frameworks/*.json):

    "commitments": [{"number": 1, "title": "...", "short_title": "...", "guidance": "...",
                     "outcomes": [{"text": "...", "kind": "standard" | "trained_staff" | "offer_published"
                                   | "named_lead",
                                   "details_label": "...", "details_hint": "...", "details_required": false,
                                   "date_label": "...", "review_date": true,
                                   "suggested_actions": ["...", "..."]}]}]
"""

from portal.frameworks import FrameworkKind, register

OUTCOME_KINDS = ("standard", "trained_staff", "offer_published", "named_lead")
OUTCOME_TEXTS = {"details_label": 150, "details_hint": 300, "date_label": 150}


@register(
    "commitments",
    "Schools Early Help commitments",
    model="audits.Framework",
    command="load_commitments_framework",
    responses="audits",
)
class CommitmentsFramework(FrameworkKind):
    def read_parts(self, problems, data):
        commitments = []
        for where, commitment in problems.objects(data, "commitments"):
            outcomes = []
            for o_where, outcome in problems.objects(commitment, "outcomes", where):
                outcomes.append(
                    {
                        "text": problems.text(outcome, "text", o_where, max_length=400),
                        "kind": problems.choice(outcome, "kind", OUTCOME_KINDS, o_where, default="standard"),
                        **{
                            name: problems.text(outcome, name, o_where, required=False, max_length=length)
                            for name, length in OUTCOME_TEXTS.items()
                        },
                        "details_required": problems.flag(outcome, "details_required", o_where),
                        "review_date": problems.flag(outcome, "review_date", o_where, default=True),
                        "suggested_actions": problems.texts(outcome, "suggested_actions", o_where),
                    }
                )
            commitments.append(
                {
                    "number": problems.whole_number(commitment, "number", where, default=len(commitments) + 1),
                    "title": problems.text(commitment, "title", where, max_length=300),
                    "short_title": problems.text(commitment, "short_title", where, max_length=80),
                    "guidance": problems.text(commitment, "guidance", where, required=False),
                    "outcomes": outcomes,
                }
            )
        problems.unique("commitments", commitments, "number")
        return {"commitments": commitments}

    def parts_of(self, framework):
        return {
            "commitments": [
                {
                    "number": c.number,
                    "title": c.title,
                    "short_title": c.short_title,
                    "guidance": c.guidance,
                    "outcomes": [
                        {
                            "text": o.text,
                            "kind": o.kind,
                            **{name: getattr(o, name) for name in OUTCOME_TEXTS},
                            "details_required": o.details_required,
                            "review_date": o.asks_review_date,
                            "suggested_actions": [a.text for a in o.suggested_actions.all()],
                        }
                        for o in c.outcomes.all()
                    ],
                }
                for c in framework.commitments.prefetch_related("outcomes__suggested_actions")
            ]
        }

    def create_parts(self, framework, parts):
        from audits.models import Commitment, Outcome, SuggestedAction

        for c in parts["commitments"]:
            [commitment] = Commitment.objects.bulk_create(
                [
                    Commitment(
                        framework=framework,
                        number=c["number"],
                        title=c["title"],
                        short_title=c["short_title"],
                        guidance=c["guidance"],
                    )
                ]
            )
            for position, o in enumerate(c["outcomes"], start=1):
                [outcome] = Outcome.objects.bulk_create(
                    [
                        Outcome(
                            commitment=commitment,
                            position=position,
                            text=o["text"],
                            kind=o["kind"],
                            details_required=o["details_required"],
                            asks_review_date=o["review_date"],
                            **{name: o[name] for name in OUTCOME_TEXTS},
                        )
                    ]
                )
                SuggestedAction.objects.bulk_create(
                    SuggestedAction(outcome=outcome, position=n, text=text)
                    for n, text in enumerate(o["suggested_actions"], start=1)
                )

    def summary(self, framework):
        from audits.models import Outcome

        outcomes = Outcome.objects.filter(commitment__framework=framework).count()
        return f"{framework.commitments.count()} commitments, {outcomes} outcomes"
