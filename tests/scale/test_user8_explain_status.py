"""``explain --file`` keeps the status the file reader gave a row (round 8, first-hour user test).

Before: a field over the size limit came back as ``missing`` (the reader hands
it on as ``None``), unlike ``score`` and ``extract``, which say ``too_long``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main


@pytest.fixture
def long_and_short(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    pd.DataFrame({"id": ["a", "b", "c"], "text": ["They are idiots. " * 20, "Calm words.", None]}).to_csv(
        path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_too_long_field_is_too_long_not_missing(long_and_short: Path, tmp_path: Path, suffix: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"spans{suffix}"
    code = main(["explain", "--file", str(long_and_short), "--id-column", "id", "-o", str(out),
                 "--max-field-bytes", "100"])
    assert code == 0
    if suffix == ".csv":
        statuses = pd.read_csv(out).groupby("id")["status"].first().to_dict()
    else:
        statuses = {r["id"]: r["status"] for r in map(json.loads, out.read_text().splitlines())}
    assert statuses == {"a": "too_long", "b": "no_match", "c": "empty"}  # an empty CSV field
    assert "empty 1, no_match 1, too_long 1" in capsys.readouterr().err


def test_no_limit_explains_the_long_field(long_and_short: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    assert main(["explain", "--file", str(long_and_short), "--id-column", "id", "-o", str(out),
                 "--max-field-bytes", "0"]) == 0
    spans = pd.read_csv(out)
    assert (spans.loc[spans["id"] == "a", "status"] == "ok").all()
    assert (spans["id"] == "a").sum() == 20  # one span per "idiots"
