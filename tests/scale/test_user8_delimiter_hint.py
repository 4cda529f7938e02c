"""A ';'-delimited "CSV" (European Excel) gets a hint, not only "column not found" (round 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main


@pytest.mark.parametrize(("name", "content", "hint"), [
    ("semi.csv", "id;text\n1;They are idiots.\n", "';'-delimited (European Excel)"),
    ("tabs.csv", "id\ttext\n1\tThey are idiots.\n", "tab-delimited: name the file .tsv"),
    ("commas.tsv", "id,text\n1,They are idiots.\n", "comma-delimited: name the file .csv"),
])
@pytest.mark.parametrize("command", ["score", "extract"])
def test_one_column_header_names_the_likely_delimiter(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      name: str, content: str, hint: str, command: str) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    assert main([command, str(src), "-o", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert "text column 'text' not found" in err and hint in err
    assert not (tmp_path / "out.csv").exists()


def test_a_real_missing_column_gets_no_delimiter_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "body.csv"
    src.write_text("id,body\n1,They are idiots.\n", encoding="utf-8")
    assert main(["score", str(src), "-o", str(tmp_path / "out.csv")]) == 2
    assert "looks" not in capsys.readouterr().err
