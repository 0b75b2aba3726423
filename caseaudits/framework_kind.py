"""The EHA principles (a partnership's principle set), described for the framework kit (portal/frameworks.py).

A file names whose principles they are (`partnership`) and lists them in order, each with a stable `code`
(so trends can follow a principle across versions), a short `title` (table headings and import columns)
and an optional `description`. See caseaudits/frameworks/*.json.

    "partnership": "Doncaster",
    "principles": [{"code": "voice-of-the-child", "title": "Voice of the child", "description": "..."}]
"""

from portal.frameworks import FrameworkKind, register


@register(
    "principles",
    "EHA principles",
    model="caseaudits.Framework",
    command="load_principles",
    responses="case-file audits",
)
class PrinciplesFramework(FrameworkKind):
    extra_header = {"partnership": (True, 100)}

    def read_parts(self, problems, data):
        principles = [
            {
                "code": problems.slug(principle, "code", where, max_length=60),
                "title": problems.text(principle, "title", where, max_length=120),
                "description": problems.text(principle, "description", where, required=False),
            }
            for where, principle in problems.objects(data, "principles")
        ]
        problems.unique("principles", principles, "code")
        return {"principles": principles}

    def parts_of(self, framework):
        return {
            "principles": [
                {"code": p.code, "title": p.title, "description": p.description}
                for p in framework.principles.order_by("number")
            ]
        }

    def create_parts(self, framework, parts):
        from caseaudits.models import Principle

        Principle.objects.bulk_create(
            Principle(framework=framework, number=number, **principle)
            for number, principle in enumerate(parts["principles"], start=1)
        )

    def summary(self, framework):
        return f"{framework.principles.count()} principles"
