"""A repeated integer id is shown as ``1``, not ``np.int64(1)`` (round 8, first-hour user test)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.statements.extract import extract_statements
from analysis.statements.frame import FrameInputError


def test_extract_statements_names_the_repeated_id_plainly() -> None:
    frame = pd.DataFrame({"id": [1, 1], "text": ['"A," he said.', '"B," she said.']})
    with pytest.raises(FrameInputError, match=r"id column 'id': id 1 repeats at rows \[0, 1\]"):
        extract_statements(frame, id_col="id")


def test_aggregate_names_the_repeated_join_key_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, groups = tmp_path / "in.csv", tmp_path / "groups.csv"
    src.write_text("id,text\n1,They are idiots.\n2,Calm.\n", encoding="utf-8")
    groups.write_text("id,outlet\n1,a\n1,b\n", encoding="utf-8")
    assert main(["score", str(src), "-o", str(tmp_path / "s.csv"), "--id-column", "id"]) == 0
    assert main(["aggregate", str(tmp_path / "s.csv"), "--by", "outlet", "--groups", str(groups), "--on", "id"]) == 2
    err = capsys.readouterr().err
    assert "join key 'id' is not unique (e.g. 1 occurs 2 times)" in err and "np." not in err
