"""``python -m analysis notebooks`` from an installed wheel says the notebooks are in the repository (round 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import paths
from analysis.cli import main


def test_installed_package_without_a_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(paths, "REPO_ROOT", None)
    monkeypatch.setattr(paths, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    assert main(["notebooks"]) == 2
    err = capsys.readouterr().err
    assert f"notebooks folder not found: {tmp_path / 'notebooks'}" in err
    assert "in a checkout of the repository" in err and "--dir DIR" in err


def test_a_wrong_dir_is_just_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notebooks", "--dir", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "notebooks folder not found" in err and "checkout" not in err
