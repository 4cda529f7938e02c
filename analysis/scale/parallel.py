"""Run a scorer over chunks of texts on several processes, results in input order.

This module is a generic chunk executor: it knows nothing of what a scorer
computes and imports nothing from the package's stages (the engine's chunk
scorer lives in :mod:`analysis.scoring.chunks`).  A *scorer* is
``fn(df, text_col, **kwargs) -> DataFrame`` with one row per input row, in
order, or a ``"package.module:function"`` string naming one; strings travel
to workers unchanged, so any importable top-level function works under spawn.

The work unit is a *chunk*: a plain list of texts.  Lists of ``str`` pickle
far cheaper than DataFrames, so the only per-chunk cost beyond scoring is two
pickles.  A single-threaded Linux parent forks (fast start, warm scorer
inherited), any other uses ``forkserver`` or ``spawn`` so that a parent
holding threads (Jupyter, a Dask client) cannot deadlock its workers.

Faults and signals:

* a chunk whose scorer raises is split and re-scored until the rows that
  raise are found; those rows get the scorer's row for a missing value with
  ``status = "error: <ExceptionType>"`` and every other row is scored as
  usual (see :func:`score_texts`);
* workers run in their own process group, so Ctrl-C or a group SIGTERM reaches
  only the parent, which cancels and stops them;
* workers exit when the parent dies, even by SIGKILL: ``PR_SET_PDEATHSIG`` on
  Linux, and on every platform a watchdog thread that polls the parent pid.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["Good.", "Bad."]}, index=[10, 20])
    >>> out = map_frame_parallel(df, "text", "analysis.scale.parallel:text_length_scorer", jobs=1)
    >>> out.index.tolist(), out["n_chars"].tolist()
    ([10, 20], [5, 4])
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import importlib
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol

import pandas as pd

from analysis.validate_args import ArgumentError, check_range, require_columns

#: A scorer: ``fn(df, text_col, **kwargs) -> DataFrame`` (same row order), or
#: ``"package.module:function"`` naming one.
ScorerRef = str | Callable[..., pd.DataFrame]
#: Keyword arguments for the scorer, as a mapping or already pickled.
ScorerKwargs = Mapping[str, object] | bytes | None

#: Prefix of the ``status`` of a row whose scorer raised.
ERROR_STATUS_PREFIX = "error: "
#: How often a worker's watchdog checks that its parent is alive (seconds).
WATCHDOG_INTERVAL = 0.5

_SCORER_CACHE: dict[str, Callable[..., pd.DataFrame]] = {}
# pickled keyword arguments -> the unpickled objects, one copy per process:
# lexicons keep their identity from chunk to chunk, so a scorer's compiled
# caches are hit instead of rebuilt for every chunk.
_KWARGS_CACHE: dict[bytes, dict[str, Any]] = {}
_PR_SET_PDEATHSIG = 1
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Submitter(Protocol):
    """Anything with ``submit(fn, *args) -> Future`` (a process pool, a Dask Client)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


def resolve_jobs(jobs: int | None) -> int:
    """Return the number of worker processes ``jobs`` asks for.

    ``None``, ``0`` and negative values mean one per CPU core.

    Example:
        >>> resolve_jobs(3)
        3
        >>> resolve_jobs(-1) == (os.cpu_count() or 1)
        True
    """
    if jobs is None or jobs <= 0:
        return os.cpu_count() or 1
    return int(jobs)


def resolve_scorer(scorer: ScorerRef) -> Callable[..., pd.DataFrame]:
    """Return the scoring function ``scorer`` names (imported once per process).

    Example:
        >>> resolve_scorer("analysis.scale.parallel:text_length_scorer").__name__
        'text_length_scorer'
    """
    if callable(scorer):
        return scorer
    cached = _SCORER_CACHE.get(scorer)
    if cached is not None:
        return cached
    module_name, sep, attr = scorer.partition(":")
    if not sep or not module_name or not attr:
        raise ArgumentError(f"resolve_scorer: scorer must look like 'package.module:function'; got {scorer!r}")
    fn: Callable[..., pd.DataFrame] = getattr(importlib.import_module(module_name), attr)
    _SCORER_CACHE[scorer] = fn
    return fn


def text_length_scorer(df: pd.DataFrame, text_col: str = "text", **_: object) -> pd.DataFrame:
    """A trivial scorer (character count) for examples and plumbing checks.

    Example:
        >>> text_length_scorer(pd.DataFrame({"text": ["abc", None]}))["status"].tolist()
        ['ok', 'missing']
    """
    values = df[text_col].tolist()
    n_chars = [len(v) if isinstance(v, str) else 0 for v in values]
    status = ["ok" if isinstance(v, str) else "missing" for v in values]
    return pd.DataFrame({"n_chars": n_chars, "status": status}, index=df.index)


def _kwargs(score_kwargs: ScorerKwargs) -> dict[str, Any]:
    if score_kwargs is None:
        return {}
    if not isinstance(score_kwargs, bytes):
        return dict(score_kwargs)
    hit = _KWARGS_CACHE.get(score_kwargs)
    if hit is None:
        if len(_KWARGS_CACHE) >= 8:
            _KWARGS_CACHE.clear()
        hit = _KWARGS_CACHE[score_kwargs] = pickle.loads(score_kwargs)
    return hit


def _text_frame(texts: Sequence[object], text_col: str) -> pd.DataFrame:
    return pd.DataFrame({text_col: pd.Series(list(texts), dtype=object)})


def _score_parts(
    fn: Callable[..., pd.DataFrame], texts: Sequence[object], text_col: str, kwargs: dict[str, Any]
) -> list[pd.DataFrame | BaseException]:
    """Score ``texts``; if that raises, halve and retry until single rows raise.

    Returns scored frames and, in place of each row that raised, its exception.
    Halving finds ``f`` faulty rows among ``n`` in about ``f * log2(n)`` calls,
    so one bad row in a 20,000-row chunk costs a few dozen small calls.
    """
    try:
        return [fn(_text_frame(texts, text_col), text_col, **kwargs).reset_index(drop=True)]
    except Exception as exc:  # noqa: BLE001 - isolated per row, reported in the row's status
        if not texts:
            raise  # raising on no rows at all: the scorer is broken, not a row
        if len(texts) == 1:
            return [exc]
        half = len(texts) // 2
        return _score_parts(fn, texts[:half], text_col, kwargs) + _score_parts(
            fn, texts[half:], text_col, kwargs
        )


def _error_rows(
    fn: Callable[..., pd.DataFrame], text_col: str, kwargs: dict[str, Any], errors: list[BaseException]
) -> pd.DataFrame:
    """The scorer's row for a missing text, once per error, status set to the error type."""
    template = fn(_text_frame([None], text_col), text_col, **kwargs).reset_index(drop=True)
    if "status" not in template.columns:
        raise TypeError("the scorer's output has no 'status' column to report a row's error in")
    rows = template.iloc[[0] * len(errors)].reset_index(drop=True)
    rows["status"] = [f"{ERROR_STATUS_PREFIX}{type(e).__name__}" for e in errors]
    return rows


def score_texts(
    texts: list[object],
    text_col: str,
    scorer: ScorerRef,
    score_kwargs: ScorerKwargs = None,
) -> pd.DataFrame:
    """Score one chunk of raw text values; the result has a fresh RangeIndex.

    Values are passed through untouched (``None``, NaN, numbers...) so that the
    scorer, not the transport, decides each row's ``status``.  ``score_kwargs``
    may arrive pickled (``bytes``): it is then unpickled once per process.

    Rows on which the scorer raises (any ``Exception``) get the scorer's row
    for a missing text (``None``) with ``status = "error: <ExceptionType>"``;
    the other rows are scored as usual.  If the scorer raises even on a
    missing text, it is broken rather than the rows, and the first error is
    raised.

    Example:
        >>> score_texts(["ab", "abc"], "text", text_length_scorer)["n_chars"].tolist()
        [2, 3]
        >>> def picky(df, text_col="text"):
        ...     if "x" in df[text_col].tolist():
        ...         raise ValueError("no x")
        ...     return text_length_scorer(df, text_col)
        >>> score_texts(["ab", "x", "abc"], "text", picky)["status"].tolist()
        ['ok', 'error: ValueError', 'ok']
    """
    fn = resolve_scorer(scorer)
    kwargs = _kwargs(score_kwargs)
    parts = _score_parts(fn, texts, text_col, kwargs)
    if len(parts) == 1 and isinstance(parts[0], pd.DataFrame):
        return parts[0]
    errors = [p for p in parts if isinstance(p, BaseException)]
    try:
        rows = _error_rows(fn, text_col, kwargs, errors)
    except Exception as exc:
        raise errors[0] from exc
    frames, k = [], 0
    for p in parts:
        if isinstance(p, pd.DataFrame):
            frames.append(p)
        else:
            frames.append(rows.iloc[k : k + 1])
            k += 1
    return pd.concat(frames, ignore_index=True)


def count_errors(scores: pd.DataFrame) -> dict[str, int]:
    """``{status: rows}`` of the rows whose scorer raised (see :func:`score_texts`).

    Example:
        >>> count_errors(pd.DataFrame({"status": ["ok", "error: ValueError", "error: ValueError"]}))
        {'error: ValueError': 2}
    """
    if "status" not in scores.columns:
        return {}
    status = scores["status"]
    bad = status[status.astype(str).str.startswith(ERROR_STATUS_PREFIX)]
    return {str(k): int(v) for k, v in bad.value_counts(sort=False).items()}


def _parent_gone(ppid: int, owner: int) -> bool:
    if os.getppid() != ppid:
        return True  # reparented: the process that started this one has exited
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return True  # the pid now belongs to another user's process
    return False


def _watch_parent(ppid: int, owner: int) -> None:
    while not _parent_gone(ppid, owner):
        time.sleep(WATCHDOG_INTERVAL)
    os._exit(1)  # nothing to flush: a worker writes no output of its own


def _die_with_parent(owner: int) -> None:
    """Arrange for this worker to exit as soon as ``owner`` (the pool's parent) dies."""
    ppid = os.getppid()
    if sys.platform.startswith("linux"):
        libc_name = ctypes.util.find_library("c")
        if libc_name:
            libc = ctypes.CDLL(libc_name, use_errno=True)
            # SIGKILL when the direct parent exits; the check below closes the
            # window in which the parent died before prctl took effect.
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if _parent_gone(ppid, owner):
        os._exit(1)
    # Also where prctl is missing (macOS, BSD) and for forkserver workers,
    # whose direct parent is the server rather than the owner.
    threading.Thread(target=_watch_parent, args=(ppid, owner), name="parent-watchdog", daemon=True).start()


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while this thread forks workers; deliver them right after.

    A handler that raises while Python runs its at-fork hooks has its
    exception reported as "ignored" and the hook cut short, which can leave
    a lock (logging's) held.  Blocking the signals is not enough (another
    thread may receive them), so their handlers are swapped for one that
    only records them, and each recorded signal is raised again once the
    original handlers are back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {s: signal.signal(s, lambda signum, frame: received.append(signum)) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


def _init_worker(owner: int, scorer: ScorerRef, text_col: str, score_kwargs: ScorerKwargs) -> None:
    # Ctrl-C and group signals are the parent's to handle: it cancels, removes
    # its temporary output and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's handlers; SIGTERM must kill it
    # (the executor stops broken pools with it).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.setpgrp()
    _die_with_parent(owner)
    # Build lexicons, automata and models once, not per chunk.  Called
    # directly, not through score_texts: a scorer that cannot score a
    # one-row chunk should fail loudly here, not mark every row as an error.
    resolve_scorer(scorer)(_text_frame(["Warm up."], text_col), text_col, **_kwargs(score_kwargs))


def _mp_context(start_method: str | None) -> multiprocessing.context.BaseContext:
    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
            # A single-threaded parent forks safely, and its workers inherit
            # the already-built scorer: pool start costs ~0.1 s, not seconds.
            start_method = "fork"
        else:
            start_method = "forkserver" if "forkserver" in methods else "spawn"
    return multiprocessing.get_context(start_method)


def _pickled(score_kwargs: ScorerKwargs) -> bytes:
    if isinstance(score_kwargs, bytes):
        return score_kwargs
    return pickle.dumps(dict(score_kwargs or {}), protocol=pickle.HIGHEST_PROTOCOL)


class WorkerPool(ProcessPoolExecutor):
    """A process pool that, when its block exits with an error or an interrupt,
    kills its workers at once instead of waiting for their running chunks."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """``ProcessPoolExecutor.submit``, with stop signals held while it starts workers."""
        with _stop_signals_held():
            return super().submit(fn, *args, **kwargs)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        if exc_type is not None:
            self.kill_workers()
        return super().__exit__(exc_type, exc, tb)

    def kill_workers(self) -> None:
        """SIGKILL every worker and cancel what is queued (results are discarded)."""
        # _processes is the executor's own table of worker processes; there
        # is no public way to stop running work.
        procs = list((getattr(self, "_processes", None) or {}).values())
        for p in procs:
            if p.is_alive():
                p.kill()
        self.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            p.join(timeout=10)


def process_pool(
    jobs: int,
    text_col: str,
    scorer: ScorerRef,
    score_kwargs: ScorerKwargs = None,
    *,
    start_method: str | None = None,
    preload: Sequence[str] | None = None,
) -> WorkerPool:
    """Return a process pool whose workers have the scorer built and ready.

    ``start_method`` defaults to ``fork`` on Linux when this process runs a
    single thread (workers inherit the scorer warmed here), else
    ``forkserver`` (``spawn`` where unavailable): forking a process that holds
    threads (Jupyter, a Dask client) can deadlock.  With ``forkserver`` the
    ``preload`` modules (default: the scorer's module) are imported once in the
    server and every worker forked from it.  Workers exit when this process
    dies (see the module docstring).

    Example:
        >>> with process_pool(1, "text", "analysis.scale.parallel:text_length_scorer") as pool:
        ...     pool.submit(score_texts, ["x"], "text", text_length_scorer).result()["n_chars"].tolist()
        [1]
    """
    ctx = _mp_context(start_method)
    if ctx.get_start_method() == "forkserver" and isinstance(scorer, str):
        ctx.set_forkserver_preload(list(preload or [scorer.partition(":")[0]]))
    elif ctx.get_start_method() == "fork":
        # Warm the scorer here once; forked workers inherit it.
        resolve_scorer(scorer)(_text_frame(["Warm up."], text_col), text_col, **_kwargs(score_kwargs))
    return WorkerPool(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(os.getpid(), scorer, text_col, _pickled(score_kwargs)),
    )


def imap_ordered(
    submitter: Submitter,
    chunks: Iterable[list[object]],
    *,
    max_in_flight: int,
    text_col: str = "text",
    scorer: ScorerRef,
    score_kwargs: ScorerKwargs = None,
) -> Iterator[pd.DataFrame]:
    """Score ``chunks`` on ``submitter`` and yield the results in input order.

    At most ``max_in_flight`` chunks are queued or running at once, so memory
    stays bounded however long ``chunks`` is.  On any error or interrupt the
    chunks not yet started are cancelled.

    Example:
        >>> from concurrent.futures import ThreadPoolExecutor
        >>> with ThreadPoolExecutor(2) as ex:
        ...     [r["n_chars"].tolist() for r in imap_ordered(
        ...         ex, [["a"], ["bb", "ccc"]], max_in_flight=2, scorer=text_length_scorer)]
        [[1], [2, 3]]
    """
    kwargs = _pickled(score_kwargs)
    pending: deque[Future[pd.DataFrame]] = deque()
    try:
        for chunk in chunks:
            if len(pending) >= max_in_flight:
                yield pending.popleft().result()
            pending.append(submitter.submit(score_texts, chunk, text_col, scorer, kwargs))
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


def split_chunks(values: list[object], chunk_size: int) -> Iterator[list[object]]:
    """Yield consecutive slices of ``values`` of at most ``chunk_size`` items.

    Example:
        >>> list(split_chunks([1, 2, 3, 4, 5], 2))
        [[1, 2], [3, 4], [5]]
    """
    for start in range(0, len(values), chunk_size):
        yield values[start : start + chunk_size]


def default_chunk_size(n_rows: int, jobs: int) -> int:
    """Chunk size that gives each worker about four chunks (between 64 and 20,000 rows).

    Few, large chunks keep the per-chunk overhead negligible; four per worker
    still evens out chunks that happen to hold long texts.

    Example:
        >>> default_chunk_size(50_000, 2)
        6250
    """
    return max(64, min(20_000, math.ceil(n_rows / (4 * max(jobs, 1)))))


def map_frame_parallel(
    df: pd.DataFrame,
    text_col: str,
    scorer: ScorerRef,
    *,
    jobs: int | None = -1,
    chunk_size: int | None = None,
    start_method: str | None = None,
    preload: Sequence[str] | None = None,
    **score_kwargs: object,
) -> pd.DataFrame:
    """Run ``scorer`` on ``df[text_col]`` on ``jobs`` processes; same index and row order as ``df``.

    ``jobs`` of ``-1``/``0``/``None`` means one process per CPU core; ``jobs=1``
    scores in this process.  ``chunk_size`` (at least 1) is the rows sent to a
    worker at a time; ``None`` picks one (:func:`default_chunk_size`).  Remaining keyword arguments go to the scorer
    unchanged, so the result is ``scorer(df, text_col, **score_kwargs)`` row
    for row, except that rows on which the scorer raises get an error
    ``status`` (see :func:`score_texts`).  A new pool is started per call
    (about 0.1 s when forking, 2-3 s with ``forkserver`` or ``spawn``): call
    it on whole tables, not row by row.

    Example:
        >>> df = pd.DataFrame({"text": ["a", "bb", "ccc"]}, index=["x", "y", "z"])
        >>> map_frame_parallel(df, "text", "analysis.scale.parallel:text_length_scorer",
        ...                    jobs=2, chunk_size=2)["n_chars"].to_dict()
        {'x': 1, 'y': 2, 'z': 3}
    """
    require_columns(df, [text_col], who="map_frame_parallel", frame_name="df")
    if chunk_size is not None:  # 0 or less would make no chunks, and so drop every row
        check_range("chunk_size", chunk_size, low=1, who="map_frame_parallel")
    n_jobs = resolve_jobs(jobs)
    values = df[text_col].tolist()
    size = chunk_size or default_chunk_size(len(values), n_jobs)
    if n_jobs == 1 or len(values) <= size:
        out = score_texts(values, text_col, scorer, score_kwargs)
    else:
        n_workers = min(n_jobs, math.ceil(len(values) / size))
        with process_pool(
            n_workers, text_col, scorer, score_kwargs, start_method=start_method, preload=preload
        ) as pool:
            parts = list(
                imap_ordered(
                    pool,
                    split_chunks(values, size),
                    max_in_flight=2 * n_workers,
                    text_col=text_col,
                    scorer=scorer,
                    score_kwargs=score_kwargs,
                )
            )
        out = pd.concat(parts, ignore_index=True)
    out.index = df.index
    return out
