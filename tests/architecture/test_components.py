"""One set of components: pagination, breadcrumbs, sub-navigation and the error summary each have one
template in templates/includes/, and no other template writes their markup itself.

A page that needs one includes it (or uses {% breadcrumbs %}, which renders includes/breadcrumbs.html), so
a fix to one reaches every page, and the CSS has one block per component to match.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
INCLUDES = TEMPLATES / "includes"

# What gives a component's own markup away, wherever it is written.
MARKUP = {
    "pagination": [r'class="pagination', r"\.has_other_pages", r"previous_page_number", r"next_page_number"],
    "breadcrumbs": [r'class="breadcrumbs', r'aria-label="Breadcrumb"'],
    "sub-navigation": [r'class="subnav'],
    "error summary": [r'class="error-summary'],
}


def _templates():
    return [path for path in TEMPLATES.rglob("*.html") if INCLUDES not in path.parents]


def test_no_template_outside_includes_writes_a_components_markup():
    found = []
    for path in _templates():
        text = path.read_text()
        for component, patterns in MARKUP.items():
            if any(re.search(pattern, text) for pattern in patterns):
                found.append(f"{path.relative_to(TEMPLATES)}: its own {component}")
    assert not found, "use the shared template in templates/includes/ instead:\n" + "\n".join(found)


def test_each_component_has_its_template_and_one_css_block():
    css = (TEMPLATES.parent / "static" / "css" / "portal.css").read_text()
    for name, selector in [
        ("pagination", ".pagination__list"),
        ("breadcrumbs", ".breadcrumbs__list"),
        ("subnav", ".subnav__list"),
        ("error_summary", ".error-summary__list"),
        ("tag", ".tag"),
        ("summary_list", ".summary-list dt"),
        ("filter_panel", ".filters__grid"),
    ]:
        assert (INCLUDES / f"{name}.html").exists(), f"templates/includes/{name}.html is missing"
        # One rule of its own (print and phone adjustments inside @media blocks are indented, so not counted).
        rules = re.findall(r"^" + re.escape(selector) + r" \{", css, re.M)
        assert len(rules) == 1, f"portal.css should style {selector} once, not {len(rules)} times"
    app_css = [p for p in (TEMPLATES.parent / "static").rglob("*.css") if p.name != "portal.css"]
    for path in app_css:
        text = path.read_text()
        for selector in (
            ".pagination",
            ".breadcrumbs",
            ".subnav",
            ".error-summary",
            ".filters",
            ".tag",
            ".summary-list",
        ):
            # A rule of its own for the component (a feature may still space a tag inside its own block).
            rule = re.compile(r"^\s*" + re.escape(selector) + r"[\s{.,:_\[-]", re.M)
            assert not rule.search(text), f"{path.name} restyles {selector}"


def test_the_core_defines_the_navigation_hook_and_imports_no_feature():
    source = (TEMPLATES.parent / "portal" / "navigation.py").read_text()
    for app in (
        "home",
        "pledges",
        "audits",
        "caseaudits",
        "maturity",
        "performance",
        "strategy",
        "localities",
        "board",
    ):
        assert not re.search(rf"^\s*(from|import) {app}\b", source, re.M)
    for app in ("home", "pledges", "audits", "caseaudits", "maturity"):
        assert (TEMPLATES.parent / app / "navigation.py").exists(), f"{app} adds no header section"
