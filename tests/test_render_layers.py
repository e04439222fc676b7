"""The structure of the outputs (socinv_docs/render/, docs/architecture.md "Outputs (render/)"),
read from the code's own imports so that it stays true: every module under 700 lines, no
import circle, every import going down the layers, the generic layers knowing nothing of
submissions or findings, no import hidden inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RENDER = Path(__file__).resolve().parent.parent / "socinv_docs" / "render"
MAX_LINES = 700

# Per folder of render/, its modules from the bottom floor up: a module imports only modules
# on lower floors of its own folder, and of the folders its folder may use (USES). An
# __init__.py that only describes its folder stands on the ground floor.
FLOORS = {
    "workbook": [{"__init__", "spec"}, {"cells", "styles", "refs"}, {"book", "read", "store"}, {"merge"}, {"table"},
                 {"rebuild", "lists"}],
    "register": [{"sheets.__init__", "sheets.submissions", "sheets.findings"}, {"sheets.lists"}, {"rows"}, {"book"}, {"__init__"}],
    "annotate": [{"errors", "xlsx.__init__"}, {"package"}, {"xlsx.base", "common"}, {"xlsx.notes", "xlsx.styles"}, {"xlsx.sheet"},
                 {"xlsx.book"}, {"review_sheet", "word"}, {"excel"}, {"__init__"}],
    "followup": [{"__init__", "sheets.__init__", "store"}, {"sheets.rapporter"},
                 {"sheets.satsningar", "sheets.ekonomi", "sheets.findings"},
                 {"sheets.lists", "text", "calendar", "portfolio", "report_memo"}, {"book", "memo"}],
    "memo": [{"markdown", "templates", "chart"}, {"sandbox"}, {"errors"}, {"child", "fill", "context"}, {"write"},
             {"__init__"}],
    "": [{"text", "rules", "profiles", "prefill", "__init__"}],
}
USES = {"workbook": set(), "register": {"workbook"}, "followup": {"workbook", "memo"}, "annotate": set(), "memo": {"register", ""}, "": set()}
# The generic layers: Excel files and packages, never what a submission or a finding is.
GENERIC = ("workbook.", "annotate.errors", "annotate.package", "annotate.xlsx.")
ABOUT_SUBMISSIONS = ("socinv_docs.report", "socinv_docs.codes", "socinv_docs.summary", "socinv_docs.model",
                     "socinv_docs.economics", "socinv_docs.rules", "socinv_docs.schema", "socinv_docs.extract")
# Imports inside a function that are worth it (a measured start-up cost of `check`): none today.
LAZY_ALLOWED: set[tuple[str, str]] = set()


def _name(path: Path) -> str:
    """'register.sheets.lists', 'memo.__init__', 'text' (relative to render/)."""
    parts = list(path.relative_to(RENDER).with_suffix("").parts)
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in sorted(RENDER.rglob("*.py"))}


MODULES = _modules()


def _target(dotted: str) -> str | None:
    """The render module an absolute import names (a package means its __init__)."""
    prefix = "socinv_docs.render"
    if dotted != prefix and not dotted.startswith(prefix + "."):
        return None
    rest = dotted[len(prefix) + 1:]
    if rest in MODULES:
        return rest
    init = f"{rest}.__init__" if rest else "__init__"
    return init if init in MODULES else None


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, inside a function) of every import of a file; 'from pkg import x'
    imports the module pkg.x when there is one, else pkg."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, bool]] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                out.extend((alias.name, nested) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    out.append((full if _target(full) == full.removeprefix("socinv_docs.render.") else child.module,
                                nested))
            visit(child, inner)

    visit(tree, False)
    return out


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = {_target(dotted) for dotted, _ in _imports(path)}
        edges[name] = {t for t in targets if t is not None and t != name}
    return edges


def _folder_and_module(name: str) -> tuple[str, str]:
    folder = name.split(".", 1)[0]
    if folder in FLOORS and folder:
        return folder, name[len(folder) + 1:]
    return "", name


def _floor(name: str) -> tuple[str, int]:
    folder, module = _folder_and_module(name)
    for n, floor in enumerate(FLOORS[folder]):
        if module in floor:
            return folder, n
    raise AssertionError(f"render/{name.replace('.', '/')}.py has no floor in FLOORS: add it where it belongs")


def test_every_module_is_on_a_floor():
    for name in MODULES:
        _floor(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_short_enough(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name}: {lines} lines"


def test_imports_go_down_the_floors():
    wrong = []
    for name, targets in _edges().items():
        folder, floor = _floor(name)
        for target in targets:
            other, other_floor = _floor(target)
            if other == folder:
                if other_floor >= floor:
                    wrong.append(f"{name} -> {target}")
            elif other not in USES[folder]:
                wrong.append(f"{name} -> {target} ({folder or 'render'} may not use {other or 'render'})")
    assert wrong == []


def test_no_import_circle():
    edges = _edges()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("circle: " + " -> ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        for target in sorted(edges.get(name, ())):
            visit(target, path + [name])
        done.add(name)

    for name in sorted(edges):
        visit(name, [])


def test_generic_layers_know_nothing_of_submissions():
    wrong = []
    for name, path in MODULES.items():
        if not name.startswith(GENERIC):
            continue
        for dotted, _ in _imports(path):
            if dotted.startswith(ABOUT_SUBMISSIONS):
                wrong.append(f"{name} imports {dotted}")
    assert wrong == []


def test_no_import_inside_a_function():
    lazy = [(name, dotted) for name, path in MODULES.items() for dotted, nested in _imports(path)
            if nested and (name, dotted) not in LAZY_ALLOWED]
    assert lazy == []
