"""Dask: a real LocalCluster on loopback gives the same rows as single-process scoring.

Mirrors ``analysis/scale/dask.py`` (and the ``--dask``/``--scheduler`` paths of the
``score`` command), kept beside the other scale tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest

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
    with pytest.raises(KeyError, match="'text'.*body"):
        adask.score(ddf, "text", scorer="analysis.scale.parallel:text_length_scorer")


def test_empty_partitions_keep_meta_dtypes() -> None:
    frame = pd.DataFrame({"text": ["a", "bb", "ccc"]})
    ddf = dd.from_pandas(frame, npartitions=3).map_partitions(lambda p: p[p["text"] != "bb"])
    out = adask.score(ddf, scorer="analysis.scale.parallel:text_length_scorer").compute(scheduler="sync")
    assert out["n_chars"].tolist() == [1, 3]
    assert str(out["n_chars"].dtype) == "int64"


@pytest.mark.enable_socket
@pytest.mark.filterwarnings("ignore:Port 8787 is already in use:UserWarning")
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
