"""``explain`` and ``aggregate`` commands, run as a user runs them, on real files.

``cli`` runs ``analysis.cli.main`` in this process (``tests/in_process.py``: exit
code, stdout and stderr as a subprocess gives them); ``cli_subprocess`` is the
real ``python -m analysis`` process, kept for the entry point itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from in_process import run_main

from analysis import paths
from analysis.compare.aggregate import aggregate
from analysis.scoring.score import score_frame


def cli(*argv: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_main(*argv, cwd=cwd)


def cli_subprocess(*argv: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, argv)], capture_output=True,
                          text=True, cwd=cwd or paths.PACKAGE_DIR.parent, timeout=300)


@pytest.fixture(scope="module")
def seed_statements(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's seed statements with their outlet, plus rows that must keep a status."""
    from analysis.corpus.load import load_corpus

    st = load_corpus().statements.reset_index()
    frame = pd.DataFrame({"statement_id": st["statement_id"], "outlet": st["outlet"],
                          "text": st["text"]})
    extra = pd.DataFrame({"statement_id": ["x-empty", "x-missing"], "outlet": ["zz", "zz"],
                          "text": ["   ", None]})
    path = tmp_path_factory.mktemp("in") / "statements.csv"
    pd.concat([frame, extra], ignore_index=True).to_csv(path, index=False)
    return path


def test_explain_a_text_as_table_and_json() -> None:
    done = cli_subprocess("explain", "They are idiots. It is not certain.")
    assert done.returncode == 0, done.stderr
    assert "[[idiots|hostility:insult]]" in done.stdout and "note" in done.stdout
    assert "VADER per sentence" in done.stdout and "explained 1 row(s): ok 1" in done.stderr
    done = cli_subprocess("explain", "They are idiots.", "Calm words.", "--format", "json")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["status"] for r in records] == ["ok", "no_match"]
    span = records[0]["spans"][0]
    assert (span["surface"], span["dimension"], span["weight"]) == ("idiots", "hostility", 1.5)
    assert span["note"] and records[0]["sentences"][0]["n_tokens"] == 3


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_explain_a_file_accounts_for_every_row(seed_statements: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"spans{suffix}"
    done = cli("explain", "--file", seed_statements, "--id-column", "statement_id", "-o", out,
               "--chunk-size", "7")
    assert done.returncode == 0, done.stderr
    spans = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    source = pd.read_csv(seed_statements)
    assert sorted(spans["input_row"].unique()) == list(range(len(source)))  # every row appears
    assert spans["input_row"].is_monotonic_increasing
    expected = score_frame(source.assign(text=source["text"].astype(object)))
    # mentions are listed as spans but not counted (issue 12); naming is a dimension of its own
    counted = spans[(spans["status"] == "ok") & ~spans["mention"].astype("boolean").fillna(False)]
    per_row = counted.groupby("input_row").size()
    total = expected[[f"{d}_count" for d in ("hostility", "hedging", "certainty", "loaded", "naming")]].sum(axis=1)
    assert per_row.reindex(range(len(source)), fill_value=0).tolist() == total.tolist()
    by_row = spans.drop_duplicates("input_row").set_index("input_row")["status"]
    assert by_row[len(source) - 2] == by_row[len(source) - 1] == "empty"  # as `score` says
    ok = spans[spans["status"] == "ok"]
    texts = source["text"].tolist()
    assert all(texts[r][int(a):int(b)] == s for r, a, b, s in
               zip(ok["input_row"], ok["start"], ok["end"], ok["surface"], strict=True))
    assert not list(tmp_path.glob(".*.part"))  # temp file renamed, none left
    assert f"explained {len(source)} row(s)" in done.stderr


def test_explain_jsonl_output_one_object_per_row(seed_statements: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.jsonl"
    assert cli("explain", "--file", seed_statements, "-o", out).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(pd.read_csv(seed_statements))
    assert [json.loads(x)["input_row"] for x in lines] == list(range(len(lines)))


def test_explain_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "in.csv"
    bad.write_text("id,body\n1,x\n")
    out = tmp_path / "spans.csv"
    done = cli("explain", "--file", bad, "-o", out)
    assert done.returncode == 2 and "'text'" in done.stderr and "body" in done.stderr
    assert not out.exists() and not list(tmp_path.glob(".*"))
    assert cli("explain").returncode == 2
    assert cli("explain", "x", "-o", tmp_path / "spans.xlsx").returncode == 2


def test_aggregate_a_scored_file_with_groups_joined(seed_statements: Path, tmp_path: Path) -> None:
    scored = tmp_path / "scored.parquet"
    done = cli("score", seed_statements, "-o", scored, "--id-column", "statement_id")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "by_outlet.csv"
    done = cli("aggregate", scored, "--by", "outlet", "--groups", seed_statements,
               "--on", "statement_id", "--n-boot", "300", "-o", out)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out)
    source = pd.read_csv(seed_statements)
    assert (table["n_statements"] + table["n_skipped"]).sum() == len(source)
    zz = table.set_index("outlet").loc["zz"]
    assert (zz["n_statements"], zz["n_skipped"]) == (0, 2)
    # the same numbers as the library on the same data
    frame = source.join(score_frame(source.assign(text=source["text"].astype(object))))
    expected = aggregate(frame, "outlet", n_boot=300)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False, atol=1e-9)
    assert all(table.loc[table["n_tokens"] > 0, "hostility_rate_lo"]
               <= table.loc[table["n_tokens"] > 0, "hostility_rate"])
    assert f"aggregated {len(source)} row(s)" in done.stderr
    # joined by row number instead of id: the same table
    out2 = tmp_path / "by_outlet_rows.csv"
    assert cli("aggregate", scored, "--by", "outlet", "--groups", seed_statements, "--n-boot", "300",
               "-o", out2).returncode == 0
    assert out2.read_bytes() == out.read_bytes()


def test_aggregate_explains_missing_columns_and_duplicate_keys(seed_statements: Path, tmp_path: Path) -> None:
    scored = tmp_path / "scored.csv"
    assert cli("score", seed_statements, "-o", scored, "--id-column", "statement_id").returncode == 0
    done = cli("aggregate", scored, "--by", "outlet")
    assert done.returncode == 2 and "pass --groups FILE" in done.stderr
    dup = tmp_path / "groups.csv"
    pd.DataFrame({"statement_id": ["a", "a"], "outlet": ["x", "y"]}).to_csv(dup, index=False)
    done = cli("aggregate", scored, "--by", "outlet", "--groups", dup, "--on", "statement_id")
    assert done.returncode == 2 and "not unique" in done.stderr and "'a'" in done.stderr
    partial = tmp_path / "partial.csv"
    pd.read_csv(seed_statements).head(3).to_csv(partial, index=False)
    done = cli("aggregate", scored, "--by", "outlet", "--groups", partial, "--on", "statement_id",
               "--n-boot", "0")
    assert done.returncode == 0, done.stderr
    assert "without a match in --groups" in done.stderr
    assert "\n" not in done.stderr.strip()


def test_explain_with_a_user_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category,weight,note,dimension\nconstructive,praise,1,my note,hostility\n")
    done = cli("explain", "The talks were constructive.", "--lexicon", lexicon, "--format", "json")
    assert done.returncode == 0, done.stderr
    (span,) = json.loads(done.stdout)["spans"]
    assert (span["surface"], span["category"], span["note"]) == ("constructive", "praise", "my note")
    bad = tmp_path / "bad.csv"
    bad.write_text("term\nx\n")
    done = cli("explain", "x", "--lexicon", bad)
    assert done.returncode == 2 and str(bad) in done.stderr and "\n" not in done.stderr.strip()
