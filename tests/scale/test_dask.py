"""Dask: a real LocalCluster on loopback gives the same rows as single-process scoring.

Mirrors ``analysis/scale/dask.py`` (and the ``--dask``/``--scheduler`` paths of the
``score`` command), kept beside the other scale tests.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from processes import BOUND, processes_of, subprocess_env, wait_for

from analysis.scale import cli_score
from analysis.scale import dask as adask

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.mark.enable_socket
@pytest.mark.filterwarnings("ignore:Sending large graph:UserWarning")
def test_press_releases_identical_to_score_frame(
    client: distributed.Client, press_releases: pd.DataFrame
) -> None:
    from analysis.scoring.score import score_frame

    ddf = dd.from_pandas(press_releases, npartitions=8, sort=False)
    lazy = adask.score(ddf, "text")
    got = lazy.compute()
    expected = score_frame(press_releases, "text")
    # Dask turns the str index into pyarrow strings; values and order are the same.
    pd.testing.assert_frame_equal(got, expected, check_index_type=False)
    assert got.index.tolist() == press_releases.index.tolist()
    # The declared meta is what partitions really return.
    assert lazy._meta.dtypes.to_dict() == got.dtypes.to_dict()
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.enable_socket
def test_cli_scheduler_matches_in_process(client: distributed.Client, csv_file: Path, tmp_path: Path) -> None:
    local, remote = tmp_path / "local.csv", tmp_path / "remote.csv"
    assert cli_score.main([str(csv_file), "-o", str(local), "--id-column", "id"]) == 0
    argv = [str(csv_file), "-o", str(remote), "--id-column", "id", "--chunk-size", "3"]
    assert cli_score.main([*argv, "--scheduler", client.scheduler.address]) == 0
    assert local.read_bytes() == remote.read_bytes()


def test_score_rejects_absent_column() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="score: ddf is missing column 'text'; its columns are 'body'"):
        adask.score(ddf, "text", scorer="analysis.scale.parallel:text_length_scorer")


def test_empty_partitions_keep_meta_dtypes() -> None:
    frame = pd.DataFrame({"text": ["a", "bb", "ccc"]})
    ddf = dd.from_pandas(frame, npartitions=3).map_partitions(lambda p: p[p["text"] != "bb"])
    out = adask.score(ddf, scorer="analysis.scale.parallel:text_length_scorer").compute(scheduler="sync")
    assert out["n_chars"].tolist() == [1, 3]
    assert str(out["n_chars"].dtype) == "int64"


@pytest.mark.enable_socket
def test_cli_dask_local_matches_in_process(csv_file: Path, tmp_path: Path) -> None:
    """``--dask local`` starts (and stops) its own loopback cluster."""
    local, dasked = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert cli_score.main([str(csv_file), "-o", str(local), "--id-column", "id"]) == 0
    argv = [str(csv_file), "-o", str(dasked), "--id-column", "id", "--chunk-size", "2"]
    assert cli_score.main([*argv, "--dask", "local", "--jobs", "1"]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(dasked), pd.read_parquet(local))


@pytest.mark.enable_socket
def test_cli_unreachable_scheduler_is_one_line(
    csv_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import dask

    out = tmp_path / "out.csv"
    # a port nothing listens on; loopback only
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert cli_score.main([str(csv_file), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach Dask scheduler tcp://127.0.0.1:9" in err
    assert not out.exists()


# --- --dask local: fail fast, no dashboard unless asked, nothing left behind ---


def _http_status(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.enable_socket
def test_local_client_serves_nothing_over_http_unless_asked() -> None:
    with adask.local_client(1) as client:
        info = client.scheduler_info()
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
        port = info["services"]["dashboard"]
        assert port != 8787  # an ephemeral port, not the well-known one
        for path in ("/status", "/health", "/metrics", "/info/main/workers.html", "/json/identity.json"):
            assert _http_status(port, path) == 404, path
        assert all(w["host"] == "127.0.0.1" for w in info["workers"].values())


@pytest.mark.enable_socket
def test_local_client_dashboard_when_asked() -> None:
    with adask.local_client(1, dashboard="127.0.0.1:0") as client:
        port = client.scheduler_info()["services"]["dashboard"]
        assert _http_status(port, "/health") == 200


@pytest.mark.enable_socket
def test_check_loopback_passes_here() -> None:
    adask.check_loopback()  # the test machine has loopback; the failure is tested below


def _no_loopback_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs unshare -rn (a user and network namespace) to take loopback away")
    return [unshare, "-rn"]


def test_cli_dask_local_without_loopback_fails_fast(csv_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    cmd = [*_no_loopback_prefix(), sys.executable, "-m", "analysis", "score", str(csv_file), "-o", str(out),
           "--dask", "local", "--jobs", "1"]
    # a bound, not a timing assertion: Dask's own timeouts would take over 60 s
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=45, env=subprocess_env(uuid.uuid4().hex))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "loopback interface 127.0.0.1" in proc.stderr
    assert not out.exists()


@pytest.mark.enable_socket
def test_cli_dask_local_leaves_no_process_behind(csv_file: Path, tmp_path: Path) -> None:
    run_id = uuid.uuid4().hex
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "analysis", "score", str(csv_file), "-o", str(out), "--dask", "local",
           "--jobs", "2", "--chunk-size", "2"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BOUND * 3, env=subprocess_env(run_id))
    assert proc.returncode == 0, proc.stderr
    # At once, every nanny and worker has exited: the command waited for them.
    # Only multiprocessing's resource tracker may still be on its way out (it
    # exits when it sees its parent's pipe close), so it gets a bounded wait.
    left = [pid for pid in processes_of(run_id) if "multiprocessing.resource_tracker" not in _cmdline(pid)]
    assert left == []
    wait_for(lambda: not processes_of(run_id), "the resource tracker to exit")
    assert len(pd.read_csv(out)) == 8


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _raise_on_x(df: pd.DataFrame, text_col: str = "text", **_: object) -> pd.DataFrame:
    from analysis.scale.parallel import text_length_scorer

    if "x" in df[text_col].tolist():
        raise ValueError("x")
    return text_length_scorer(df, text_col)


def test_score_rows_that_raise_get_error_status() -> None:
    frame = pd.DataFrame({"text": ["a", "x", "bb", "ccc", "x"]}, index=[10, 11, 12, 13, 14])
    out = adask.score(dd.from_pandas(frame, npartitions=2), scorer=_raise_on_x).compute(scheduler="sync")
    assert out["status"].tolist() == ["ok", "error: ValueError", "ok", "ok", "error: ValueError"]
    assert out["n_chars"].tolist() == [1, 0, 2, 3, 0] and out.index.tolist() == [10, 11, 12, 13, 14]


@pytest.mark.enable_socket
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_cli_dask_local_cluster_dies_with_parent(tmp_path: Path, sig: int) -> None:
    run_id = uuid.uuid4().hex
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    pd.DataFrame({"id": range(2000), "text": ["These criminals are lying."] * 2000}).to_csv(src, index=False)
    cmd = [sys.executable, "-m", "analysis", "score", str(src), "-o", str(out), "--dask", "local",
           "--jobs", "2", "--chunk-size", "20"]
    proc = subprocess.Popen(cmd, env=subprocess_env(run_id, ANALYSIS_TEST_CHUNK_DELAY="0.2"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: any(tmp_path.glob(".out.csv.*.part")) and len(processes_of(run_id)) >= 3,
             "the cluster to start writing")
    os.kill(proc.pid, sig)
    proc.communicate(timeout=BOUND)  # returns only once no process holds the pipes
    assert proc.returncode == (-sig if sig == signal.SIGKILL else 143)
    wait_for(lambda: not processes_of(run_id), "the cluster's processes to exit")
    assert not out.exists()
    if sig == signal.SIGTERM:  # handled: the temporary file is gone too (SIGKILL cannot be handled)
        assert list(tmp_path.iterdir()) == [src]
