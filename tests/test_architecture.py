"""The structure of socinv_docs/, read from the code so that it stays true: the import graph
(read with ast: module-level imports and imports inside functions, which are edges all the
same) has no circle and no import running back up the layers, no module is over 700 lines,
and every import of the package's own code inside a function says why (a comment on it or
just above it). The layers are defined here and described in docs/architecture.md ("Core").
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "socinv_docs"
MAX_LINES = 700

# From the ground up. A module may import its own layer and the layers below it, never one
# above. A name covers the module and everything under it ("socinv_docs.rules": the package,
# rules/base.py, every rule); "socinv_docs" alone is the package's __init__.py.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("socinv_docs", "socinv_docs.codes", "socinv_docs.names", "socinv_docs.fmt", "socinv_docs.atomic",
              "socinv_docs.limits", "socinv_docs.schema_cache")),
    ("words", ("socinv_docs.messages",)),
    ("format", ("socinv_docs.schema", "socinv_docs.location")),
    ("readers", ("socinv_docs.readers",)),
    ("model", ("socinv_docs.model", "socinv_docs.figures", "socinv_docs.plan", "socinv_docs.report",
               "socinv_docs.summary", "socinv_docs.followup_report")),
    ("extract", ("socinv_docs.extract",)),
    ("roles", ("socinv_docs.roles", "socinv_docs.economics", "socinv_docs.approved",
               "socinv_docs.schedule")),
    ("rules", ("socinv_docs.rules",)),
    ("loading", ("socinv_docs.loading",)),
    ("pipeline", ("socinv_docs.pipeline", "socinv_docs.validate")),
    ("render", ("socinv_docs.render",)),
    ("service", ("socinv_docs.service", "socinv_docs.followup", "socinv_docs.followup_templates",
                 "socinv_docs.proposal")),
    ("front", ("socinv_docs.cli", "socinv_docs.clilang", "socinv_docs.web", "socinv_docs.__main__")),
]



@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        where = " (in a function)" if self.in_function else ""
        return f"{self.source} -> {self.target}  ({_path(self.source)}:{self.line}{where})"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


@cache
def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def _path(module: str) -> str:
    return str(MODULES[module].relative_to(ROOT))


def _resolve(name: str) -> str | None:
    """The module an import names: itself, or the package it is in (an attribute of it)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _in_functions(tree: ast.AST) -> set[int]:
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(n) for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom))
    return inside


def _imports(module: str) -> list[tuple[ast.stmt, list[str]]]:
    """Each import statement of the package's own code in `module`, with the modules it names."""
    path = MODULES[module]
    tree = _tree(module)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            # `from a import b`: the module a.b where b is one, else a itself.
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        targets = [t for t in dict.fromkeys(_resolve(n) for n in names if n.split(".")[0] == "socinv_docs") if t]
        targets = [t for t in targets if t != module]
        if targets:
            found.append((node, targets))
    return found


def _edges() -> list[Edge]:
    edges = []
    for module in MODULES:
        inside = _in_functions(_tree(module))
        for node, targets in _imports(module):
            edges.extend(Edge(module, t, node.lineno, id(node) in inside) for t in targets)
    return edges


EDGES = _edges()


def layer(module: str) -> int | None:
    best, found = -1, None
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            exact = name == "socinv_docs"
            if (module == name or (not exact and module.startswith(name + "."))) and len(name) > best:
                best, found = len(name), index
    return found


def _failures(check: str, offenders: dict[str, list[str]]) -> list[str]:
    """The offenders, one line each (`check` names the rule, for the reader of a failure)."""
    return [line for module, lines in sorted(offenders.items()) for line in lines]


def _circles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for e in EDGES:
        graph[e.source].add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return circles


# -- the tests ---------------------------------------------------------------------------------


def test_every_module_has_a_layer():
    missing = [f"{_path(m)}: add it to LAYERS here and to docs/architecture.md" for m in MODULES if layer(m) is None]
    assert not missing, "\n".join(missing)


def test_no_import_circle():
    lines = []
    for circle in _circles():
        members = set(circle)
        lines.append(f"a circle of {len(circle)} modules: {', '.join(circle)}")
        lines.extend(f"    {e}" for e in EDGES if e.source in members and e.target in members)
    assert not lines, "\n".join(lines)


def test_no_import_runs_up_the_layers():
    upward = [e for e in EDGES if layer(e.target) > layer(e.source)]
    lines = [f"{e}: layer {LAYERS[layer(e.source)][0]} imports layer {LAYERS[layer(e.target)][0]}" for e in upward]
    assert not lines, "\n".join(lines)


def test_no_module_over_700_lines():
    offenders = {}
    for module, path in MODULES.items():
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_LINES:
            offenders[module] = [f"{_path(module)}: {count} lines (at most {MAX_LINES})"]
    failures = _failures("over 700 lines", offenders)
    assert not failures, "\n".join(failures)


def _explained(lines: list[str], node: ast.stmt, import_lines: set[int]) -> bool:
    """A comment saying why on the import itself (more than a `noqa`), or on the line just
    above it or above the group of imports it belongs to."""
    for number in range(node.lineno, node.end_lineno + 1):
        comment = lines[number - 1].partition("#")[2].strip()
        if comment and not comment.startswith("noqa"):
            return True
    above = node.lineno - 1
    while above in import_lines:
        above -= 1
    return above >= 1 and lines[above - 1].strip().startswith("#")


def test_every_import_in_a_function_says_why():
    """An import of the package's own code inside a function is kept only with a reason
    (start-up time of a command, a process that must not load the readers, a warm-up), and
    that reason is written beside it."""
    offenders: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = _tree(module)
        inside = _in_functions(tree)
        import_lines = {n for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                        for n in range(node.lineno, node.end_lineno + 1)}
        for node, _targets in _imports(module):
            if id(node) in inside and not _explained(lines, node, import_lines):
                offenders.setdefault(module, []).append(f"{_path(module)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    failures = _failures("import in a function without a why", offenders)
    assert not failures, "\n".join(failures)



def test_the_graph_is_read_as_python_reads_it():
    """The reading itself: an import inside a function is an edge, `from a import b` is an
    edge to a.b where that is a module, and relative imports resolve."""
    by_source = {(e.source, e.target): e for e in EDGES}
    assert by_source[("socinv_docs.cli", "socinv_docs.service")].in_function
    assert not by_source[("socinv_docs.loading.configure", "socinv_docs.rules.registry")].in_function
    assert ("socinv_docs.rules.registry", "socinv_docs.rules.duration") in by_source  # from rules import duration
    assert ("socinv_docs.messages", "socinv_docs.messages.web") in by_source
    assert layer("socinv_docs.rules.duration") > layer("socinv_docs.roles") > layer("socinv_docs.model")
    assert layer("socinv_docs") == 0 and layer("socinv_docs.render.text") == layer("socinv_docs.render")
