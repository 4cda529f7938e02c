"""The API reference (``make docs``, pdoc) builds without warnings and covers every public module."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _build_api():  # the script lives in docs/, not in the package
    spec = importlib.util.spec_from_file_location("build_api", ROOT / "docs" / "build_api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_api_reference_builds_without_warnings(tmp_path: Path) -> None:
    build_api = _build_api()
    assert build_api.build(tmp_path) == []
    modules = build_api.public_modules()
    assert {"analysis.scoring.score", "analysis.validate_args", "analysis.corpus.load"} <= set(modules)
    score_page = build_api.page(tmp_path, "analysis.scoring.score").read_text(encoding="utf-8")
    for word in ("score_frame", "lexicon_mode", "unit", "sentence_text"):
        assert word in score_page
    assert "analysis._lazy" not in modules and not (tmp_path / "analysis" / "_lazy.html").exists()
