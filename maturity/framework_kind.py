"""The maturity frameworks (the STMM, an Early Help System Guide...), described for the framework kit
(portal/frameworks.py). Example files ship in maturity/frameworks/.

Parts in a file:

    "levels": [{"name": "Early", "description": "..."}, ...],              lowest first, at least 2
    "strands": [{"key": "leadership", "name": "Leadership", "short_name": "Leadership",
                 "summary": "...", "scope": ["descriptor", "descriptor"]}, ...]

A strand's `key` is stable across versions, so rounds on different versions can be compared; it is made
from the name when left out.
"""

from django.utils.text import slugify

from portal.frameworks import FrameworkKind, register


@register(
    "maturity", "maturity model", model="maturity.Framework", command="load_maturity_framework", responses="rounds"
)
class MaturityFramework(FrameworkKind):
    def read_parts(self, problems, data):
        levels = []
        for where, level in problems.objects(data, "levels", at_least=2):
            name = problems.text(level, "name", where, max_length=60)
            if "/" in name:
                problems.add(f"{where}.name", "must not contain '/'")
            levels.append({"name": name, "description": problems.text(level, "description", where, required=False)})
        problems.unique("levels", levels, "name", compare=str.lower)
        strands = []
        for where, strand in problems.objects(data, "strands"):
            name = problems.text(strand, "name", where, max_length=200)
            scope = strand.get("scope") or []
            strands.append(
                {
                    "key": problems.slug({"key": strand.get("key") or slugify(name)}, "key", where, max_length=80),
                    "name": name,
                    "short_name": (
                        problems.text(strand, "short_name", where, required=False, max_length=40) or name[:40]
                    ),
                    "summary": problems.text(strand, "summary", where, required=False),
                    "scope": problems.texts({"scope": [scope] if isinstance(scope, str) else scope}, "scope", where),
                }
            )
        problems.unique("strands", strands, "key")
        return {"levels": levels, "strands": strands}

    def parts_of(self, framework):
        return {
            "levels": [{"name": level.name, "description": level.description} for level in framework.levels.all()],
            "strands": [
                {
                    "key": s.key,
                    "name": s.name,
                    "short_name": s.short_name,
                    "summary": s.summary,
                    "scope": s.scope_items,
                }
                for s in framework.strands.all()
            ],
        }

    def create_parts(self, framework, parts):
        from maturity.models import Level, Strand

        Level.objects.bulk_create(
            Level(framework=framework, position=i, **level) for i, level in enumerate(parts["levels"], start=1)
        )
        Strand.objects.bulk_create(
            Strand(framework=framework, position=i, **{**strand, "scope": "\n".join(strand["scope"])})
            for i, strand in enumerate(parts["strands"], start=1)
        )

    def summary(self, framework):
        return f"{framework.strands.count()} strands, {framework.levels.count()} levels"
