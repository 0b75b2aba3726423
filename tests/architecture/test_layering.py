"""The layering rules of docs/architecture.md, checked on the source itself."""

import pytest

from tests.architecture.imports import FEATURE_APPS, find_cycle, import_graph, imported_names, project_modules


def _feature_imports(module, path, *, top_level_only):
    return sorted(
        name
        for name in imported_names(module, path, top_level_only=top_level_only)
        if name.split(".")[0] in FEATURE_APPS
    )


def test_the_core_imports_no_feature_app():
    """Feature apps plug into portal/ through its registries; portal/ never reaches for them, even lazily."""
    offenders = {}
    for module, path in project_modules(["portal"]).items():
        if found := _feature_imports(module, path, top_level_only=False):
            offenders[module] = found
    assert offenders == {}


@pytest.mark.parametrize("top_level_only", [True, False], ids=["module-level imports", "every import"])
def test_no_import_cycle_among_project_modules(top_level_only):
    """Not at start-up, nor hidden inside a function (a late import that closes a loop is a cycle too)."""
    modules = project_modules()
    graph = {
        module: {name for name in imported_names(module, path, top_level_only=top_level_only) if name in modules}
        - {module}
        for module, path in modules.items()
    }
    assert find_cycle(graph) is None
    assert find_cycle(import_graph()) is None


def test_benchmarks_import_no_test_module():
    """bench/ builds its data with testdata/, never by importing the test suite."""
    offenders = {}
    for module, path in project_modules(["bench"]).items():
        found = sorted(n for n in imported_names(module, path, top_level_only=False) if n.split(".")[0] == "tests")
        if found:
            offenders[module] = found
    assert offenders == {}


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_core_permission_rules_name_the_features_stages_by_their_stored_values():
    """portal.permissions cannot import the features' status vocabularies; these pin the values it uses."""
    from audits.models import Audit
    from maturity.rules import Status
    from portal.permissions import commitments, maturity

    assert commitments.SUBMITTED_STATUS == Audit.Status.SUBMITTED
    assert (maturity.DRAFT, maturity.SUBMITTED, maturity.SIGNED_OFF) == (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.SIGNED_OFF,
    )
