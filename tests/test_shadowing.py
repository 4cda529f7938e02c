"""A local ``analysis.py`` that shadows the package is caught at import and named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import _shadow_guard, paths


def _python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


# Once per module: what it checks (the guard's .pth in site-packages) cannot change between tests.
@pytest.fixture(autouse=True, scope="module")
def _guard_installed() -> None:
    done = subprocess.run([sys.executable, "-c", "import _rhetoric_analysis_guard, sys; "
                           "print(any(type(f).__name__ == 'ShadowGuard' for f in sys.meta_path))"],
                          capture_output=True, text=True, cwd=paths.PACKAGE_DIR.parent)
    assert done.stdout.strip() == "True", (
        "the start-up guard is not installed in this environment: reinstall the package "
        f"(make setup, or pip install -e .): {done.stderr.strip()}")


def test_a_local_analysis_py_is_named_in_the_error(tmp_path: Path) -> None:
    (tmp_path / "analysis.py").write_text("x = 1\n")
    done = _python("import analysis\nanalysis.score_text('x')", tmp_path)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: 'import analysis' found ")
    assert str(tmp_path / "analysis.py") in last and str(paths.PACKAGE_DIR) in last
    assert "AttributeError" not in done.stderr


def test_a_script_named_analysis_py_is_caught_too(tmp_path: Path) -> None:
    script = tmp_path / "analysis.py"
    script.write_text("import analysis\nprint(analysis.score_text('They are idiots.'))\n")
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and str(script) in done.stderr and "shadows" in done.stderr


def test_a_local_analysis_package_is_caught(tmp_path: Path) -> None:
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "__init__.py").write_text("")
    done = _python("import analysis", tmp_path)
    assert done.returncode == 1 and str(tmp_path / "analysis" / "__init__.py") in done.stderr


def test_without_a_local_file_the_package_imports(tmp_path: Path) -> None:
    done = _python("import analysis; print(analysis.score_text('They are idiots.').hostility_count)",
                   tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_the_other_module_may_be_allowed_explicitly(tmp_path: Path) -> None:
    (tmp_path / "analysis.py").write_text("x = 1\n")
    done = _python("import analysis; print(analysis.x)", tmp_path, RHETORIC_ANALYSIS_ALLOW_SHADOW="1")
    assert done.returncode == 0 and done.stdout.strip() == "1"


def test_the_package_is_recognised_by_its_files(tmp_path: Path) -> None:
    assert _shadow_guard.is_this_package(str(paths.PACKAGE_DIR / "__init__.py"))
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "__init__.py").write_text("")
    assert not _shadow_guard.is_this_package(str(tmp_path / "analysis" / "__init__.py"))
    assert not _shadow_guard.is_this_package(str(tmp_path / "analysis.py"))
    assert _shadow_guard.find_this_package([str(tmp_path), str(paths.PACKAGE_DIR.parent)]) == str(
        paths.PACKAGE_DIR)
