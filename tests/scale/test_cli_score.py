"""The ``score`` command: every row back in order, one-line errors, atomic output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.scale import cli_score
from analysis.scale.parallel import text_length_scorer

STAND_IN = "analysis.scale.parallel:text_length_scorer"


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Score with a trivial scorer: these tests are about plumbing, not scores."""
    monkeypatch.setattr(cli_score, "SCORER", STAND_IN)


def _run(*argv: Any) -> int:
    return cli_score.main([str(a) for a in argv])


def _read(path: Path) -> pd.DataFrame:
    if path.name.endswith(".parquet"):
        return pd.read_parquet(path)
    return pd.read_csv(path, dtype={"id": str}, keep_default_na=False)


@pytest.mark.usefixtures("stand_in")
@pytest.mark.parametrize("fixture", ["csv_file", "jsonl_file", "parquet_file"])
@pytest.mark.parametrize("out_name", ["out.csv", "out.parquet"])
def test_tabular_input_rows_and_ids_in_order(
    fixture: str, out_name: str, request: pytest.FixtureRequest, tmp_path: Path, statements: pd.DataFrame,
    capsys: pytest.CaptureFixture[str],
) -> None:
    src = request.getfixturevalue(fixture)
    out = tmp_path / out_name
    assert _run(src, "-o", out, "--id-column", "id", "--chunk-size", 3) == 0
    got = _read(out)
    assert list(got.columns[:2]) == ["input_row", "id"]
    assert got["input_row"].tolist() == list(range(len(statements)))
    assert got["id"].astype(str).tolist() == statements["id"].tolist()
    # Progress bar and summary stay silent when stderr is not a terminal.
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("stand_in")
def test_txt_input_one_row_per_line(txt_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert _run(txt_file, "-o", out, "--chunk-size", 2) == 0
    got = _read(out)
    assert got["input_row"].tolist() == list(range(8))
    assert got["n_chars"].tolist()[2] == 0 and got["n_chars"].tolist()[0] > 0


@pytest.mark.usefixtures("stand_in")
def test_rows_without_text_are_kept_with_status(tmp_path: Path) -> None:
    src = tmp_path / "s.jsonl"
    src.write_text('{"text": "a", "id": "1"}\n\n{"id": "3"}\n{"text": null, "id": "4"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert _run(src, "-o", out, "--id-column", "id") == 0
    got = _read(out)
    assert got["status"].tolist() == ["ok", "missing", "missing", "missing"]
    assert got["id"].tolist() == ["1", "", "3", "4"]


@pytest.mark.usefixtures("stand_in")
def test_jobs_two_gives_identical_file(csv_file: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert _run(csv_file, "-o", one, "--id-column", "id", "--chunk-size", 2) == 0
    assert _run(csv_file, "-o", two, "--id-column", "id", "--chunk-size", 2, "--jobs", 2) == 0
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.usefixtures("stand_in")
def test_empty_input_writes_header(tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_text("")
    out = tmp_path / "out.parquet"
    assert _run(src, "-o", out) == 0
    got = pd.read_parquet(out)
    assert len(got) == 0 and list(got.columns) == ["input_row", "n_chars", "status"]


def _write(tmp_path: Path, name: str, payload: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(payload)
    return p


@pytest.mark.usefixtures("stand_in")
@pytest.mark.parametrize(
    ("name", "payload", "extra", "message"),
    [
        (None, b"", [], "no such file"),
        ("s.csv", b"id,body\n1,x\n", [], "text column 'text' not found; available columns: 'id', 'body'"),
        ("s.csv", b"text\nok\nok\ncaf\xe9\n", [], "line 4: not valid utf-8"),
        ("s.txt", b"ok\n\xff\n", [], "line 2: not valid utf-8"),
        ("s.jsonl", b'{"text": "ok"}\n{"text": "ok"\n', [], "line 2: invalid JSON"),
        ("s.csv", b"text\nok\n", ["--id-column", "sid"], "id column 'sid' not found"),
        ("s.docx", b"x", [], "unsupported file type .docx"),
        ("s.csv", b"text\nok\n", ["--chunk-size", "0"], "chunk size must be at least 1"),
        ("s.csv", b"text\nok\n", ["--encoding", "klingon"], "unknown encoding 'klingon'"),
        ("s.parquet", b"PAR1 not really", [], "not a readable Parquet file"),
    ],
)
def test_bad_input_one_line_and_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str | None, payload: bytes, extra: list[str], message: str
) -> None:
    src = _write(tmp_path, name, payload) if name else tmp_path / "absent.csv"
    out = tmp_path / "out.csv"
    assert _run(src, "-o", out, "--chunk-size", 1, *extra) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if name else [])


@pytest.mark.usefixtures("stand_in")
def test_output_over_input_is_refused(csv_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = csv_file.read_bytes()
    assert _run(csv_file, "-o", csv_file) == 2
    assert "overwrite the input" in capsys.readouterr().err
    assert csv_file.read_bytes() == before


@pytest.mark.usefixtures("stand_in")
def test_missing_output_directory_is_one_line(
    csv_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(csv_file, "-o", tmp_path / "nope" / "out.csv") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err


@pytest.mark.usefixtures("stand_in")
def test_bad_output_type_is_one_line(csv_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(csv_file, "-o", tmp_path / "out.xlsx") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unsupported file type .xlsx" in err


def test_failure_after_first_chunk_leaves_no_output(
    csv_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = {"n": 0}

    def flaky(df: pd.DataFrame, text_col: str = "text", **kw: Any) -> pd.DataFrame:
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("scorer broke")
        return text_length_scorer(df, text_col)

    monkeypatch.setattr(cli_score, "SCORER", flaky)
    out = tmp_path / "out.csv"
    out.write_text("previous run\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert _run(csv_file, "-o", out, "--chunk-size", 2) == 1
    # The first chunk was written to the temp file; the second was retried in
    # halves, and the scorer, raising even on a missing text, was found broken.
    assert calls["n"] > 2
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "scorer broke" in err


def test_interrupt_leaves_no_output(
    csv_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = {"n": 0}

    def interrupted(df: pd.DataFrame, text_col: str = "text", **kw: Any) -> pd.DataFrame:
        calls["n"] += 1
        if calls["n"] > 1:
            raise KeyboardInterrupt
        return text_length_scorer(df, text_col)

    monkeypatch.setattr(cli_score, "SCORER", interrupted)
    out = tmp_path / "sub" / "out.parquet"
    out.parent.mkdir()
    assert _run(csv_file, "-o", out, "--chunk-size", 2) == 130
    assert list(out.parent.iterdir()) == []
    assert "interrupted" in capsys.readouterr().err


def test_module_entry_point_end_to_end(csv_file: Path, tmp_path: Path) -> None:
    """``python -m analysis score`` through the real dispatcher and the real engine."""
    out = tmp_path / "scored.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "score", str(csv_file), "-o", str(out), "--id-column", "id"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    got = _read(out)
    assert got["id"].tolist() == [f"s{i}" for i in range(1, 9)]
    assert "sentiment_compound" in got.columns


# --- with the real engine ---------------------------------------------------


def test_engine_statuses_and_scores(tmp_path: Path) -> None:
    src = tmp_path / "s.jsonl"
    src.write_text(
        '{"id": "a", "text": "They are idiots."}\n'
        '{"id": "b", "text": ""}\n'
        '{"id": "c", "text": null}\n'
        '{"id": "d", "text": 17}\n'
        "\n"
        '{"id": "f"}\n'
        '{"id": "g", "text": "It may possibly rain."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.parquet"
    assert _run(src, "-o", out, "--id-column", "id", "--chunk-size", 2) == 0
    got = pd.read_parquet(out)
    assert got["status"].tolist() == ["ok", "empty", "missing", "invalid", "missing", "missing", "ok"]
    ids = got["id"].tolist()
    assert pd.isna(ids[4]) and ids[:4] + ids[5:] == ["a", "b", "c", "d", "f", "g"]
    assert got.loc[0, "hostility_count"] == 1 and got.loc[6, "hedging_count"] >= 1
    assert (got.loc[1:5, "n_tokens"] == 0).all()


def test_engine_output_equals_score_frame(csv_file: Path, tmp_path: Path) -> None:
    from analysis.scoring.score import score_frame

    out = tmp_path / "out.parquet"
    assert _run(csv_file, "-o", out, "--id-column", "id", "--chunk-size", 3, "--jobs", 2) == 0
    got = pd.read_parquet(out)
    source = pd.read_csv(csv_file, dtype=str, keep_default_na=False)
    expected = score_frame(source, "text")
    pd.testing.assert_frame_equal(got.drop(columns=["input_row", "id"]), expected)


def test_user_lexicon_is_applied(csv_file: Path, tmp_path: Path) -> None:
    lex = tmp_path / "extra.csv"
    lex.write_text("term,category,weight,note,dimension\nconstructive,insult,1,test,hostility\n", encoding="utf-8")
    plain, custom = tmp_path / "plain.csv", tmp_path / "custom.csv"
    assert _run(csv_file, "-o", plain) == 0
    assert _run(csv_file, "-o", custom, "--lexicon", lex) == 0
    diff = _read(custom)["hostility_count"] - _read(plain)["hostility_count"]
    assert diff.tolist() == [1, 0, 0, 0, 0, 0, 0, 0]


def test_bad_lexicon_is_one_line(csv_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lex = tmp_path / "bad.csv"
    lex.write_text("term,weight\nx,1\n", encoding="utf-8")
    assert _run(csv_file, "-o", tmp_path / "out.csv", "--lexicon", lex) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.csv" in err and "missing column" in err
