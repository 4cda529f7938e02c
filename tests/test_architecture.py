"""One direction of flow: no import cycle between modules, and no stage imports a later one.

The imports are read from the source (``ast``), including imports inside
functions and under ``TYPE_CHECKING``, and literal
``importlib.import_module("analysis....")`` calls, so a lazy import that
reaches up is caught too.  Stage order (README, "Layout")::

    infrastructure (constants, paths, _lazy, validate_args, language, scale.parallel)
      < corpus < statements < scoring < pipeline < compare < plots
      < top level (the ``analysis`` facade, validation, scale, cli,
        notebook_runner, dask, __main__)

A module may import its own stage and earlier ones.  Top-level modules may
import any stage, but not form cycles.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "analysis"

#: (prefix, rank); the longest matching prefix wins.
STAGES: tuple[tuple[str, int], ...] = (
    ("analysis.constants", 0),
    ("analysis.paths", 0),
    ("analysis._lazy", 0),
    ("analysis.validate_args", 0),  # argument/column checks: imports no stage
    ("analysis.language", 0),  # script/letter language rules: imports no stage (statements and scoring use it)
    ("analysis.scale.parallel", 0),  # a generic chunk executor: imports no stage
    ("analysis.corpus", 1),
    ("analysis.statements", 2),
    ("analysis.scoring", 3),
    ("analysis.pipeline", 4),
    ("analysis.compare", 5),
    ("analysis.plots", 6),
    ("analysis", 7),  # everything else is top level
)
STAGE_NAMES = {0: "infrastructure", 1: "corpus", 2: "statements", 3: "scoring", 4: "pipeline",
               5: "compare", 6: "plots", 7: "top level"}

#: Known violations, each temporary (none remain since issue 10, item 1): an
#: entry says why and names the work that removes it; the test fails on any
#: entry that no longer occurs, so the list cannot go stale.
ALLOWED_UPWARD: frozenset[tuple[str, str]] = frozenset()
ALLOWED_CYCLES: frozenset[frozenset[str]] = frozenset()
#: Lazy compatibility aliases, resolved on attribute access only: the old
#: documented paths ``analysis.corpus.load_corpus`` and
#: ``analysis.corpus.load.load_corpus`` now live in ``analysis.pipeline``.
LAZY_ALIASES: frozenset[tuple[str, str]] = frozenset({
    ("analysis.corpus.load", "analysis.pipeline"),
})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def rank(module: str) -> int:
    best = max((prefix for prefix, _ in STAGES if module == prefix or module.startswith(prefix + ".")), key=len)
    return dict(STAGES)[best]


def _resolve(module: str, level: int, name: str | None, importer: str) -> str:
    if level == 0:
        return name or ""
    base = importer.split(".")
    is_package = MODULES[importer].name == "__init__.py"
    base = base[: len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([name] if name else []))


def _targets(importer: str, tree: ast.AST) -> Iterator[tuple[str, bool]]:
    """(imported analysis module, is it a lazy import_module string) of every import."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, False
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(importer, node.level, node.module, importer)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if sub in MODULES else base), False
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name))
              and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.args[0].value, True


def _graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    lazy: set[tuple[str, str]] = set()
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for target, is_lazy in _targets(module, tree):
            if target in MODULES and target != module:
                if is_lazy:
                    lazy.add((module, target))
                else:
                    edges[module].add(target)
    return edges, lazy


EDGES, LAZY = _graph()


def _cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(frozenset(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def _upward() -> set[tuple[str, str]]:
    found = {(m, t) for m, ts in EDGES.items() for t in ts if rank(m) < 7 and rank(t) > rank(m)}
    found |= {(m, t) for m, t in LAZY if rank(m) < 7 and rank(t) > rank(m)}
    return found


def test_the_parser_sees_function_level_and_relative_imports() -> None:
    tree = ast.parse("def f():\n    from analysis.compare import aggregate\n    from . import paths\n")
    got = sorted(t for t, _ in _targets("analysis.constants", tree))
    assert got == ["analysis.compare.aggregate", "analysis.paths"]
    assert rank("analysis.scale.parallel") == 0 and rank("analysis.scale.io") == 7
    assert rank("analysis.compare") == 5 and rank("analysis") == 7


def test_no_stage_imports_a_later_one() -> None:
    upward = _upward() - ALLOWED_UPWARD - LAZY_ALIASES
    lines = [f"{m} ({STAGE_NAMES[rank(m)]}) imports {t} ({STAGE_NAMES[rank(t)]})" for m, t in sorted(upward)]
    assert not lines, "imports against the flow:\n" + "\n".join(lines)


def test_no_import_cycle() -> None:
    cycles = [c for c in _cycles(EDGES) if c not in ALLOWED_CYCLES]
    assert not cycles, "import cycles:\n" + "\n".join(", ".join(sorted(c)) for c in cycles)


@pytest.mark.parametrize("entry", sorted(ALLOWED_UPWARD | LAZY_ALIASES))
def test_every_allowed_upward_import_still_exists(entry: tuple[str, str]) -> None:
    assert entry in _upward(), f"{entry} no longer occurs: remove it from the allow-list"


@pytest.mark.parametrize("cycle", sorted(ALLOWED_CYCLES, key=sorted))
def test_every_allowed_cycle_still_exists(cycle: frozenset[str]) -> None:
    assert cycle in _cycles(EDGES), f"{sorted(cycle)} is no longer a cycle: remove it from the allow-list"
