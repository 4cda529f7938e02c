"""Nothing lost, nothing hung: rows that raise, signals, and workers whose parent dies.

CLI cases run ``python -m analysis score`` as a real subprocess and send it
real signals.  Faults and slowness are injected by the test-only
``fault_injection/sitecustomize.py``, put on ``PYTHONPATH`` for the child
only.  Every child gets a unique ``ANALYSIS_TEST_RUN_ID`` in its environment,
which its workers inherit, so the tests can find every process a run started
(``/proc/*/environ``) and check that none is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pandas as pd
import pytest
from processes import BOUND, processes_of, subprocess_env, wait_for

from analysis.scale.parallel import map_frame_parallel, score_texts, text_length_scorer
from analysis.scoring.chunks import score_chunk_frame, score_frame_parallel
from analysis.scoring.score import score_frame

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

MARKER = "\u2620FAULT"


def raise_on_marker(df: pd.DataFrame, text_col: str = "text", **kwargs: object) -> pd.DataFrame:
    """The engine, except that it raises on any chunk holding a text with ``MARKER``."""
    if any(isinstance(v, str) and MARKER in v for v in df[text_col].tolist()):
        raise ValueError("injected fault")
    return score_chunk_frame(df, text_col, **kwargs)


def _faulty_frame(statements: pd.DataFrame, every: int = 13) -> tuple[pd.DataFrame, list[int]]:
    df = pd.concat([statements] * 12, ignore_index=True)
    bad = list(range(3, len(df), every))
    df.loc[bad, "text"] = [f"They are idiots {MARKER} {i}." for i in bad]
    return df, bad


# --- through the API ----------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_api_rows_that_raise_get_error_status(statements: pd.DataFrame, jobs: int) -> None:
    df, bad = _faulty_frame(statements)
    got = score_frame_parallel(df, "text", jobs=jobs, chunk_size=10, scorer=raise_on_marker)
    assert got.index.tolist() == df.index.tolist()
    assert got.loc[bad, "status"].eq("error: ValueError").all()
    assert (got.loc[bad, ["n_tokens", "hostility_count"]] == 0).all().all()
    good = df.index.difference(bad)
    expected = score_frame(df.loc[good], "text")
    pd.testing.assert_frame_equal(got.loc[good], expected)


def test_api_error_rows_keep_scorer_dtypes(statements: pd.DataFrame) -> None:
    df, _ = _faulty_frame(statements)
    got = score_frame_parallel(df, "text", jobs=1, chunk_size=10, scorer=raise_on_marker)
    assert got.dtypes.to_dict() == score_frame(statements, "text").dtypes.to_dict()


def test_scorer_broken_on_every_row_still_raises() -> None:
    def broken(df: pd.DataFrame, text_col: str = "text", **_: object) -> pd.DataFrame:
        raise RuntimeError("no engine")

    with pytest.raises(RuntimeError, match="no engine"):
        score_texts(["a", "b", "c"], "text", broken)


def test_generic_scorer_without_status_column_raises() -> None:
    def no_status(df: pd.DataFrame, text_col: str = "text", **_: object) -> pd.DataFrame:
        if "b" in df[text_col].tolist():
            raise ValueError("b")
        return pd.DataFrame({"n": [1] * len(df)})

    with pytest.raises(ValueError, match="b"):
        score_texts(["a", "b"], "text", no_status)


def test_isolation_finds_every_faulty_row_among_many() -> None:
    texts: list[object] = [f"t{i}" for i in range(1000)]
    for i in (0, 1, 499, 500, 999):
        texts[i] = "x"

    def picky(df: pd.DataFrame, text_col: str = "text", **_: object) -> pd.DataFrame:
        if "x" in df[text_col].tolist():
            raise KeyError("x")
        return text_length_scorer(df, text_col)

    out = map_frame_parallel(pd.DataFrame({"text": texts}), "text", picky, jobs=1)
    assert out.index[out["status"] == "error: KeyError"].tolist() == [0, 1, 499, 500, 999]
    assert out.loc[2, "n_chars"] == 2 and out.loc[0, "n_chars"] == 0


# --- through the CLI, real subprocesses -----------------------------------------


def _write_input(tmp_path: Path, n: int, bad: frozenset[int] = frozenset()) -> Path:
    src = tmp_path / "in.csv"
    texts = ["The minister said the talks were constructive.", "These criminals are lying."]
    rows = [f"They are idiots {MARKER}." if i in bad else texts[i % 2] for i in range(n)]
    pd.DataFrame({"id": [f"r{i}" for i in range(n)], "text": rows}).to_csv(src, index=False)
    return src


def _start(src: Path, out: Path, run_id: str, *argv: str, **env: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "analysis", "score", str(src), "-o", str(out), "--id-column", "id", *argv]
    return subprocess.Popen(
        cmd, env=subprocess_env(run_id, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_rows_that_raise_are_kept_and_counted(tmp_path: Path, jobs: str) -> None:
    bad = frozenset({5, 77, 150, 151})
    src, out = _write_input(tmp_path, 200, bad), tmp_path / "out.csv"
    proc = _start(src, out, uuid.uuid4().hex, "--jobs", jobs, "--chunk-size", "32", ANALYSIS_TEST_RAISE_ON=MARKER)
    _, err = proc.communicate(timeout=BOUND * 5)
    assert proc.returncode == 0, err
    assert err.strip().splitlines() == [
        "warning: 4 of 200 rows could not be scored and were written with status 'error: ValueError' (4)"
    ]
    got = pd.read_csv(out, keep_default_na=False)
    assert got["id"].tolist() == [f"r{i}" for i in range(200)]
    status = got["status"]
    assert sorted(got.index[status == "error: ValueError"]) == sorted(bad)
    assert (status[~got.index.isin(bad)] == "ok").all()


def _run_until_writing(tmp_path: Path, jobs: str, run_id: str) -> tuple[subprocess.Popen[str], Path]:
    src, out = _write_input(tmp_path, 4000), tmp_path / "out.csv"
    out.write_text("previous run\n")
    proc = _start(src, out, run_id, "--jobs", jobs, "--chunk-size", "20", ANALYSIS_TEST_CHUNK_DELAY="0.25")
    want = 1 + int(jobs) if jobs != "1" else 1

    def started() -> bool:
        assert proc.poll() is None, proc.communicate()[1]
        return any(tmp_path.glob(".out.csv.*.part")) and len(processes_of(run_id)) >= want

    wait_for(started, "the run to start writing")
    return proc, out


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_cli_signal_leaves_old_output_and_no_part(tmp_path: Path, jobs: str, sig: int, code: int) -> None:
    run_id = uuid.uuid4().hex
    proc, out = _run_until_writing(tmp_path, jobs, run_id)
    os.killpg(proc.pid, sig)  # as Ctrl-C or a batch system would: the whole group
    _, err = proc.communicate(timeout=BOUND)
    assert proc.returncode == code, err
    assert err.strip().endswith("was not written") and err.count("\n") == 1
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    wait_for(lambda: not processes_of(run_id), "every process of the run to exit")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_cli_workers_exit_when_parent_dies(tmp_path: Path, sig: int) -> None:
    run_id = uuid.uuid4().hex
    proc, _ = _run_until_writing(tmp_path, "2", run_id)
    workers = [p for p in processes_of(run_id) if p != proc.pid]
    assert len(workers) >= 2
    os.kill(proc.pid, sig)  # the parent alone
    # Workers inherited the pipes: communicate() returns only once all are gone.
    proc.communicate(timeout=BOUND)
    assert proc.returncode == -sig if sig == signal.SIGKILL else proc.returncode == 143
    wait_for(lambda: not processes_of(run_id), "the workers to exit")
