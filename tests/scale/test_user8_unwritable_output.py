"""An output directory that takes no new file is named in one line (round 8, first-hour user test).

Before: ``error: [Errno 13] Permission denied: '/dir/.out.csv.x1y2.part'``,
naming the hidden temporary file, and exit 1 (a scoring failure).  Now the
output and its directory are named and the exit code is 2 (bad arguments).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main


@pytest.fixture
def small_csv(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    pd.DataFrame({"id": [1, 2], "text": ["They are idiots.", "Calm words."]}).to_csv(path, index=False)
    return path


def _refuse(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize("command", [
    ["score", "{src}", "-o", "{out}.csv"],
    ["score", "{src}", "-o", "{out}.parquet"],
    ["extract", "{src}", "-o", "{out}.csv"],
    ["explain", "--file", "{src}", "-o", "{out}.csv"],
    ["explain", "--file", "{src}", "-o", "{out}.jsonl"],
])
def test_read_only_directory_is_named(command: list[str], small_csv: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", _refuse)  # as root, chmod would not stop us
    argv = [a.format(src=small_csv, out=ro / "out") for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"cannot create a file in {ro} (Permission denied)" in err and ".part" not in err
    assert "Traceback" not in err and os.listdir(ro) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a mode-555 directory")
def test_real_read_only_directory(small_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        assert main(["score", str(small_csv), "-o", str(ro / "out.csv")]) == 2
    finally:
        ro.chmod(0o755)
    assert "cannot create a file in" in capsys.readouterr().err
