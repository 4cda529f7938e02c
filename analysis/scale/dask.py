"""Score a Dask DataFrame partition by partition.

``score(ddf)`` is the lazy, distributed twin of
:func:`analysis.scoring.score.score_frame`: each partition is scored with
``score_frame(..., jobs=1)`` on whichever worker holds it, so the computed
result equals ``score_frame(ddf.compute())`` row for row.  Dask provides the
parallelism (a ``LocalCluster`` or a remote scheduler); see
``python -m analysis score --dask local`` for files.  Also importable as
:mod:`analysis.dask` (its former home).

Example:
    >>> import pandas as pd, dask.dataframe as dd
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["ab", "abc", "a"]}), npartitions=2)
    >>> out = score(ddf, scorer="analysis.scale.parallel:text_length_scorer")
    >>> out.compute(scheduler="sync")["n_chars"].tolist()
    [2, 3, 1]
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from analysis.scale.parallel import ScorerRef, resolve_scorer, score_texts
from analysis.scoring.chunks import DEFAULT_SCORER
from analysis.validate_args import ArgumentError, require_columns

__all__ = ["LoopbackError", "check_loopback", "local_client", "score", "score_meta"]


def score_meta(
    text_col: str = "text",
    *,
    scorer: ScorerRef = DEFAULT_SCORER,
    text_dtype: Any = "str",
    **score_kwargs: Any,
) -> pd.DataFrame:
    """Return an empty frame with exactly the columns and dtypes the scorer returns.

    Derived by scoring one real row, because an empty input may not carry the
    dtypes of a filled one.

    Example:
        >>> score_meta(scorer="analysis.scale.parallel:text_length_scorer").dtypes.astype(str).tolist()
        ['int64', 'str']
    """
    fn = resolve_scorer(scorer)
    probe = pd.DataFrame({text_col: pd.Series(["A statement."], dtype=text_dtype)})
    return fn(probe, text_col, **score_kwargs).iloc[:0]


def _score_partition(
    part: pd.DataFrame, text_col: str, scorer: ScorerRef, meta: pd.DataFrame, score_kwargs: dict[str, Any]
) -> pd.DataFrame:
    if len(part) == 0:
        # Keep the declared dtypes on empty partitions (an empty input could infer object).
        return meta.set_axis(part.index[:0], axis=0)
    try:
        out = resolve_scorer(scorer)(part, text_col, **score_kwargs)
    except Exception:  # noqa: BLE001 - find the rows that raise; they get an error status
        out = score_texts(part[text_col].tolist(), text_col, scorer, score_kwargs)
    out.index = part.index
    return out


def score(
    ddf: dd.DataFrame,
    text_col: str = "text",
    *,
    scorer: ScorerRef = DEFAULT_SCORER,
    **score_kwargs: Any,
) -> dd.DataFrame:
    """Lazily score ``ddf[text_col]``; same index, partitions and row order as ``ddf``.

    Keyword arguments (``lexicons``, ``sentiment``...) go to the scorer
    (default :func:`analysis.scoring.chunks.score_chunk_frame`).  Rows on
    which the scorer raises get ``status = "error: <ExceptionType>"``, as
    with ``jobs=N`` (:func:`analysis.scale.parallel.score_texts`).  Each partition is
    scored in one worker thread or process; start a ``distributed`` Client
    first to spread partitions over processes or machines.

    Example:
        >>> import pandas as pd, dask.dataframe as dd
        >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["x", None]}, index=[5, 9]), npartitions=1)
        >>> score(ddf, scorer="analysis.scale.parallel:text_length_scorer").compute()["status"].to_dict()
        {5: 'ok', 9: 'missing'}
    """
    # ddf._meta is the empty pandas frame with ddf's columns: checked without computing anything
    require_columns(ddf._meta, [text_col], who="analysis.scale.dask.score", frame_name="ddf")
    score_kwargs.pop("jobs", None)  # Dask decides the parallelism
    if score_kwargs.get("unit", "text") != "text":
        # one output row per input row is what keeps each partition's index
        raise ArgumentError(f"analysis.scale.dask.score: unit={score_kwargs['unit']!r} is not supported; "
                            "score sentences with score_frame(..., unit='sentence') on computed partitions")
    meta = score_meta(text_col, scorer=scorer, text_dtype=ddf[text_col].dtype, **score_kwargs)
    meta = meta.set_axis(ddf._meta.index[:0], axis=0)
    return ddf.map_partitions(
        _score_partition, text_col, scorer, meta, score_kwargs, meta=meta, align_dataframes=False
    )


#: Seconds a ``--dask local`` cluster may take to start before giving up.
LOCAL_STARTUP_TIMEOUT = 20.0


class LoopbackError(OSError):
    """The loopback interface (127.0.0.1) a local cluster talks over is not usable."""


def check_loopback(timeout: float = 2.0) -> None:
    """Raise :class:`LoopbackError` unless a TCP connection to 127.0.0.1 succeeds.

    Without this check a local cluster on a machine without loopback (a
    container or network namespace with ``lo`` down) fails only after
    Dask's connect timeouts, a minute or more later.

    Example:
        >>> check_loopback()  # doctest: +SKIP
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            with socket.create_connection(server.getsockname(), timeout=timeout):
                pass
    except OSError as exc:
        raise LoopbackError(
            f"a local Dask cluster needs the loopback interface 127.0.0.1, which is not usable here "
            f"({exc.strerror or exc}); use --jobs N for processes without Dask, or --scheduler"
        ) from None


def _quiet_http() -> dict[str, object]:
    # The scheduler and workers always run an HTTP server; with no routes and
    # an ephemeral loopback port it serves nothing (no dashboard, no metrics,
    # no cluster information) to anyone else on the machine.
    return {"distributed.scheduler.http.routes": [], "distributed.worker.http.routes": []}


@contextlib.contextmanager
def local_client(
    n_workers: int, *, dashboard: str | None = None, startup_timeout: float = LOCAL_STARTUP_TIMEOUT
) -> Iterator[Any]:
    """A ``distributed.Client`` on a fresh loopback ``LocalCluster`` of ``n_workers`` processes.

    * fails in seconds, with :class:`LoopbackError`, where 127.0.0.1 is not usable;
    * no dashboard and no HTTP routes unless ``dashboard`` gives an address
      ("127.0.0.1:8787"); the scheduler and workers listen on 127.0.0.1 only;
    * on exit the cluster is closed and every worker and nanny process has
      exited before this returns.

    Security: the cluster runs code as you, and its scheduler has no
    authentication: any local user who can reach its port can submit work
    that runs under your account while it is up.  See README "Scaling out".

    Example:
        >>> with local_client(1) as client:  # doctest: +SKIP
        ...     client.submit(sum, [1, 2]).result()
        3
    """
    import psutil  # type: ignore[import-untyped]  # a dependency of distributed
    from distributed import Client, LocalCluster

    check_loopback()
    config: dict[str, object] = {"distributed.comm.timeouts.connect": f"{startup_timeout}s"}
    if dashboard is None:
        config.update(_quiet_http())
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    try:
        with dask.config.set(config):
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=dashboard or "127.0.0.1:0",
                scheduler_kwargs={"dashboard": dashboard is not None},
                worker_dashboard_address=None,
            )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
    finally:
        keep = before | _shared_helpers()
        _reap([p for p in me.children(recursive=True) if p.pid not in keep])


def _shared_helpers() -> set[int]:
    """Pids of multiprocessing's per-process helpers (resource tracker, forkserver).

    They may be started along with a cluster, but they serve the whole
    process and exit with it: they are not the cluster's to stop.
    """
    from multiprocessing import forkserver, resource_tracker

    pids = {
        getattr(resource_tracker._resource_tracker, "_pid", None),
        getattr(forkserver._forkserver, "_forkserver_pid", None),
    }
    return {p for p in pids if isinstance(p, int)}


def _reap(processes: list[Any], timeout: float = 10.0) -> None:
    """Wait until the processes a cluster started have exited; kill those still alive after ``timeout``."""
    import psutil

    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for p in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            p.kill()
    psutil.wait_procs(alive, timeout=timeout)
