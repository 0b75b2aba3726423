"""The project's own import graph, read from the source (AST), so a test can state what may import what.

Only module-level imports count: an import inside a function runs when it is called, after every module
has loaded, so it cannot make a cycle at start-up (and it is how a late, deliberate dependency is written).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "portal",
    "home",
    "pledges",
    "audits",
    "caseaudits",
    "maturity",
    "performance",
    "strategy",
    "localities",
    "board",
    "bench",
)
FEATURE_APPS = ("home", "pledges", "audits", "caseaudits", "maturity", "performance", "strategy", "localities", "board")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(packages=PACKAGES) -> dict[str, Path]:
    """{dotted name: file} for every project module, migrations aside (they import what their time needed)."""
    modules = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            modules[module_name(path)] = path
    return modules


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imported_names(module: str, path: Path, *, top_level_only: bool) -> set[str]:
    """Dotted names the module imports (for `from a import b`, both `a` and `a.b`: b may be a module)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    nodes = _module_level(tree) if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, path, node)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _module_level(tree: ast.Module):
    """What runs when the module is imported: its statements and class bodies, not function bodies
    (module-level `if`/`try` blocks run at import time too, so they count)."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield node
        pending.extend(ast.iter_child_nodes(node))


def import_graph(packages=PACKAGES) -> dict[str, set[str]]:
    """{module: project modules it imports at module level}."""
    modules = project_modules(packages)
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path, top_level_only=True):
            if name in modules and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, ..., a], or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    stack = []

    def visit(node):
        colour[node] = GREY
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if colour.get(target) == GREY:
                return stack[stack.index(target) :] + [target]
            if colour.get(target) == WHITE and (cycle := visit(target)):
                return cycle
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE and (cycle := visit(node)):
            return cycle
    return None
