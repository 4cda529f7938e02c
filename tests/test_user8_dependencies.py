"""Every third-party module the package imports is installed by ``pip install rhetoric-analysis``
(or by the extra that names it), and a missing optional one is one clear line (round 8).

Before: pyproject.toml left out razdel, pymorphy3 (+ dictionaries), scipy,
krippendorff and IPython, so a user's ``pip install`` gave an install on which
every Russian or Ukrainian text failed with ``No module named 'razdel'``.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

from analysis import paths
from analysis.cli import main

ROOT = paths.PACKAGE_DIR.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: what a core install must cover: scoring in en/ru/uk, extraction, validation, figures
CORE = {"razdel", "pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "scipy", "krippendorff", "ipython"}


def _dist(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> tuple[set[str], set[str]]:
    core = {_dist(r) for r in PYPROJECT["dependencies"]}
    extras = {_dist(r) for reqs in PYPROJECT["optional-dependencies"].values() for r in reqs}
    return core, extras


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in paths.PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "analysis"}


def _covered(dist: str, declared: set[str]) -> bool:
    """``dist`` is declared, or required by a declared distribution (jinja2 by nbconvert)."""
    if dist in declared:
        return True
    for name in declared:
        try:
            requires = md.requires(name) or []
        except md.PackageNotFoundError:
            continue
        if dist in {_dist(r) for r in requires if "extra ==" not in r}:
            return True
    return False


def test_core_dependencies_cover_ru_uk_and_validation() -> None:
    core, _ = _declared()
    assert core >= CORE, sorted(CORE - core)


def test_every_imported_module_is_installed_by_a_declared_distribution() -> None:
    core, extras = _declared()
    owners = md.packages_distributions()
    uncovered = {}
    for module in sorted(_imported_modules()):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [])}
        if not dists:
            uncovered[module] = "not installed in this venv"
        elif not any(_covered(d, core | extras) for d in dists):
            uncovered[module] = sorted(dists)
    assert not uncovered, uncovered


def test_requirements_pin_every_core_dependency() -> None:
    pinned = {_dist(line) for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith(("#", "-"))}
    core, _ = _declared()
    assert core <= pinned, sorted(core - pinned)
    constrained = {_dist(line) for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
                   if line and not line.startswith("#")}
    assert core <= constrained, sorted(core - constrained)


def _without(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == module else real(name, *a))


def test_parquet_without_pyarrow_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("text\nThey are idiots.\n", encoding="utf-8")
    _without("pyarrow", monkeypatch)
    assert main(["score", str(src), "-o", str(tmp_path / "out.parquet")]) == 2
    err = capsys.readouterr().err
    assert "Parquet needs the pyarrow package" in err and "rhetoric-analysis[parquet]" in err
    assert not list(tmp_path.glob("*.parquet")) and not list(tmp_path.glob(".*.part"))


def test_notebooks_without_nbclient_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _without("nbclient", monkeypatch)
    assert main(["notebooks", "01"]) == 2
    assert "needs nbclient: pip install 'rhetoric-analysis[notebooks]'" in capsys.readouterr().err
