"""``python -m analysis extract``, run as a user runs it, on real files.

``cli`` runs ``analysis.cli.main`` in this process (``tests/in_process.py``: exit
code, stdout and stderr as a subprocess gives them); a real ``python -m
analysis`` process is kept where the process matters: the exit code of a bad
input and SIGTERM.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from in_process import run_main

from analysis import paths
from analysis.statements.extract import extract_statements

NYT = Path(os.environ.get("ANALYSIS_SHARED", paths.PACKAGE_DIR.parent.parent / "shared")) / \
    "external" / "nyt_russia_ukraine" / "NYT_Russia_Ukraine.csv"

ARTICLES = [
    ("n-1", "TASS", '"We are ready," Peskov said. Talks ended in Minsk.'),
    ("n-2", "BBC", ""),
    ("n-3", "RT", None),
    ("n-4", "Reuters", 'Kuleba said the talks were useful.\n\n"Nothing changed," he added.'),
    ("n-5", "CNN", "..."),
]


def cli(*argv: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_main(*argv, cwd=cwd)


def cli_subprocess(*argv: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, argv)], capture_output=True,
                          text=True, cwd=cwd or paths.PACKAGE_DIR.parent, timeout=300)


def _write(tmp_path: Path, suffix: str) -> Path:
    df = pd.DataFrame(ARTICLES, columns=["doc", "outlet", "body"])
    path = tmp_path / f"articles{suffix}"
    if suffix == ".csv":
        df.to_csv(path, index=False)
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in df.to_dict("records")), encoding="utf-8")
    return path


def _read(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, keep_default_na=False)


@pytest.mark.parametrize(("suffix", "out_suffix"), [(".csv", ".csv"), (".jsonl", ".parquet"), (".parquet", ".csv")])
def test_every_article_kept_in_order_with_ids_metadata_and_status(tmp_path: Path, suffix: str,
                                                                  out_suffix: str) -> None:
    src = _write(tmp_path, suffix)
    out = tmp_path / f"statements{out_suffix}"
    done = cli("extract", src, "-o", out, "--text-column", "body", "--id-column", "doc", "--keep", "outlet",
               "--chunk-size", "2")
    assert done.returncode == 0, done.stderr
    got = _read(out)
    assert list(got.columns[:3]) == ["input_row", "doc", "outlet"] and got.columns[-1] == "status"
    assert got["input_row"].is_monotonic_increasing
    assert got["doc"].drop_duplicates().tolist() == [a for a, _, _ in ARTICLES]
    per_article = got.drop_duplicates("input_row").set_index("doc")["status"].to_dict()
    # CSV cannot tell an empty field from a missing one
    assert per_article == {"n-1": "ok", "n-2": "empty", "n-3": "empty" if suffix == ".csv" else "missing",
                           "n-4": "ok", "n-5": "no_statements"}
    assert (got.groupby("doc")["outlet"].nunique() == 1).all()
    # the statements are those of the library call, in order
    n4 = got[got["doc"] == "n-4"]
    expected = extract_statements(ARTICLES[3][2])
    assert n4["text"].tolist() == expected["text"].tolist()
    assert n4["speaker"].tolist() == expected["speaker"].tolist()
    assert "extracted 5 article(s)" in done.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no temporary file left


def test_real_news_file_every_article_appears(tmp_path: Path) -> None:
    if not NYT.is_file():
        pytest.skip(f"{NYT.name} not available (it is read at run time, never committed)")
    out = tmp_path / "nyt.parquet"
    done = cli("extract", NYT, "-o", out, "--text-column", "articles", "--keep", "published",
               "--keep", "headlines")
    assert done.returncode == 0, done.stderr
    got = pd.read_parquet(out)
    source = pd.read_csv(NYT)
    assert got["input_row"].drop_duplicates().tolist() == list(range(len(source)))
    assert set(got["status"]) <= {"ok", "no_words", "signature", "no_statements", "empty", "missing"}
    first = got[got["input_row"] == 0]
    assert set(first["headlines"]) == {source.at[0, "headlines"]}
    text = source.at[0, "articles"]
    assert all(text[s:e] == t for s, e, t in zip(first["start"], first["end"], first["text"], strict=True))


def test_bad_input_is_one_line_naming_the_problem(tmp_path: Path) -> None:
    src = _write(tmp_path, ".csv")
    out = tmp_path / "o.csv"
    cases = [
        (["--text-column", "text"], "text"),
        (["--text-column", "body", "--keep", "date"], "date"),
        (["--text-column", "body", "--keep", "body"], "is the text column"),
        (["--text-column", "body", "--keep", "outlet", "--id-column", "outlet"], "more than once"),
    ]
    for extra, needle in cases:
        done = cli("extract", src, "-o", out, *extra)
        assert done.returncode == 2, (extra, done.stderr)
        assert needle in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert not out.exists()
    renamed = tmp_path / "clash.csv"
    pd.DataFrame({"speaker": ["x"], "body": ["Talks ended."]}).to_csv(renamed, index=False)
    done = cli("extract", renamed, "-o", out, "--text-column", "body", "--keep", "speaker")
    assert done.returncode == 2 and "clashes with an output column" in done.stderr
    done = cli_subprocess("extract", tmp_path / "absent.csv", "-o", out)
    assert done.returncode == 2 and "absent.csv" in done.stderr


def test_existing_output_is_untouched_on_error_and_no_clobber(tmp_path: Path) -> None:
    src = _write(tmp_path, ".csv")
    out = tmp_path / "o.csv"
    out.write_text("keep me\n")
    done = cli("extract", src, "-o", out, "--text-column", "nope")
    assert done.returncode == 2 and out.read_text() == "keep me\n"
    done = cli("extract", src, "-o", out, "--text-column", "body", "--no-clobber")
    assert done.returncode == 2 and "already exists" in done.stderr and out.read_text() == "keep me\n"


def test_too_long_articles_keep_their_row(tmp_path: Path) -> None:
    src = _write(tmp_path, ".csv")
    out = tmp_path / "o.csv"
    done = cli("extract", src, "-o", out, "--text-column", "body", "--id-column", "doc", "--max-field-bytes", "40")
    assert done.returncode == 0, done.stderr
    per_article = _read(out).drop_duplicates("input_row").set_index("doc")["status"]
    assert per_article["n-1"] == "too_long" and per_article["n-4"] == "too_long"
    assert per_article["n-5"] == "no_statements"


def test_empty_input_still_writes_the_columns(tmp_path: Path) -> None:
    src = tmp_path / "none.csv"
    src.write_text("doc,body\n")
    out = tmp_path / "o.csv"
    done = cli("extract", src, "-o", out, "--text-column", "body", "--id-column", "doc")
    assert done.returncode == 0, done.stderr
    header = out.read_text().splitlines()[0].split(",")
    assert header[:2] == ["input_row", "doc"] and "speaker" in header and header[-1] == "status"


def test_sigterm_leaves_no_partial_output(tmp_path: Path) -> None:
    import signal
    import time

    body = " ".join(['"We will not give up," Kuleba said. The talks, he added, were useful.'] * 40)
    src = tmp_path / "many.csv"
    pd.DataFrame({"doc": [f"d{i}" for i in range(4000)], "body": body}).to_csv(src, index=False)
    out = tmp_path / "o.parquet"
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "extract", str(src), "-o", str(out),
                             "--text-column", "body", "--chunk-size", "5"],
                            cwd=paths.PACKAGE_DIR.parent, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".o.parquet.*.part")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(tmp_path.glob(".o.parquet.*.part")), "the run never started writing"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "terminated" in err and not out.exists()
    assert not list(tmp_path.glob("*.part"))
