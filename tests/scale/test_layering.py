"""The process executor sits below the stages: it imports none of them, and
scoring and scale import each other in one direction only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import analysis
from analysis.scoring import chunks, score

PACKAGE = Path(analysis.__file__).resolve().parent
STAGES = ("corpus", "statements", "scoring", "compare", "plots")


def _imports(path: Path) -> set[str]:
    """Every ``analysis.*`` module a file imports, at top level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "analysis" or m.startswith("analysis.")}


def _module_graph() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        graph[name] = _imports(path)
    return graph


def test_parallel_imports_no_stage() -> None:
    imported = _imports(PACKAGE / "scale" / "parallel.py")
    assert not {m for m in imported for s in STAGES if m.startswith(f"analysis.{s}")}, imported


def test_importing_the_executor_loads_no_stage() -> None:
    code = ("import sys, analysis.scale.parallel; "
            f"print(sorted(m for m in sys.modules if m.split('.')[1:2] and m.split('.')[1] in {STAGES!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_import_cycle_through_scoring_and_scale() -> None:
    graph = _module_graph()
    # the modules of the scale package and the scoring modules that use it
    # (lexicon <-> match is a separate item of issue 10, not this one's)
    nodes = [n for n in graph if n.startswith(("analysis.scale", "analysis.dask"))]
    nodes += ["analysis.scoring.score", "analysis.scoring.chunks", "analysis.scoring._preload"]

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), list(graph.get(start, ()))
        while todo:
            m = todo.pop()
            if m == goal:
                return True
            if m not in seen:
                seen.add(m)
                todo.extend(graph.get(m, ()))
        return False

    cycles = [n for n in nodes if reaches(n, n)]
    assert cycles == []


def test_score_frame_names_the_chunk_scorer_it_would_import() -> None:
    # score_frame(jobs=N) names the chunk scorer as a string to avoid importing chunks
    assert chunks.DEFAULT_SCORER in Path(score.__file__).read_text(encoding="utf-8")
    assert chunks.ENGINE_PRELOAD[0] in Path(score.__file__).read_text(encoding="utf-8")


def test_old_dask_module_still_works() -> None:
    import analysis.dask
    import analysis.scale.dask
    from analysis.dask import score as old_score

    assert old_score is analysis.scale.dask.score and analysis.dask.score_meta is analysis.scale.dask.score_meta
