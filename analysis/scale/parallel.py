"""Score statements on several processes, results in input order.

The work unit is a *chunk*: a plain list of texts.  Lists of ``str`` pickle
far cheaper than DataFrames, and each worker returns the score columns of its
chunk as a small DataFrame of numpy-backed columns, so the only per-chunk cost
beyond scoring is two pickles.  The design is spawn-safe: the scorer is named
by an importable reference and built once per worker by the pool's
initializer; a single-threaded Linux parent forks (fast start, engine
inherited), any other uses ``forkserver`` or ``spawn`` so that a parent
holding threads (Jupyter, a Dask client) cannot deadlock its workers.

The same chunk function, :func:`score_texts`, runs under a
:class:`concurrent.futures.ProcessPoolExecutor` here and under a Dask
``Client`` in :mod:`analysis.scale.cli_score`, so both back ends give the
same rows.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["Good.", "Bad."]}, index=[10, 20])
    >>> out = score_frame_parallel(df, "text", jobs=1,
    ...                            scorer="analysis.scale.parallel:text_length_scorer")
    >>> out.index.tolist(), out["n_chars"].tolist()
    ([10, 20], [5, 4])
"""

from __future__ import annotations

import importlib
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

import pandas as pd

#: The scoring engine every worker runs unless told otherwise (see :func:`score_chunk_frame`).
DEFAULT_SCORER = "analysis.scale.parallel:score_chunk_frame"

#: A scorer: ``fn(df, text_col, **kwargs) -> DataFrame`` (same row order), or
#: ``"package.module:function"`` naming one.  Strings travel to workers
#: unchanged, so any importable top-level function works under spawn.
ScorerRef = str | Callable[..., pd.DataFrame]

_SCORER_CACHE: dict[str, Callable[..., pd.DataFrame]] = {}
# pickled keyword arguments -> the unpickled objects, one copy per process:
# lexicons keep their identity from chunk to chunk, so the engine's compiled
# matcher cache is hit instead of rebuilt for every chunk.
_KWARGS_CACHE: dict[bytes, dict[str, Any]] = {}


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
        raise ValueError(f"scorer must look like 'package.module:function', got {scorer!r}")
    fn = getattr(importlib.import_module(module_name), attr)
    _SCORER_CACHE[scorer] = fn
    return fn


def text_length_scorer(df: pd.DataFrame, text_col: str = "text", **_: Any) -> pd.DataFrame:
    """A trivial scorer (character count) for examples and plumbing checks.

    Example:
        >>> text_length_scorer(pd.DataFrame({"text": ["abc", None]}))["status"].tolist()
        ['ok', 'missing']
    """
    values = df[text_col].tolist()
    n_chars = [len(v) if isinstance(v, str) else 0 for v in values]
    status = ["ok" if isinstance(v, str) else "missing" for v in values]
    return pd.DataFrame({"n_chars": n_chars, "status": status}, index=df.index)


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def score_chunk_frame(df: pd.DataFrame, text_col: str = "text", **score_kwargs: Any) -> pd.DataFrame:
    """``score_frame(df, text_col, **score_kwargs)``, except that non-text values
    (numbers, lists... read from JSONL or Parquet) get status ``invalid`` and
    zero scores instead of raising, so that one odd record cannot abort a file.

    Example:
        >>> df = pd.DataFrame({"text": ["They are idiots.", 42, None]})
        >>> score_chunk_frame(df)["status"].tolist()
        ['ok', 'invalid', 'missing']
    """
    from analysis.scoring.score import score_frame

    values = df[text_col].tolist()
    bad = [i for i, v in enumerate(values) if not isinstance(v, str) and not _is_missing(v)]
    if not bad:
        return score_frame(df, text_col, **score_kwargs)
    for i in bad:
        values[i] = None
    clean = pd.DataFrame({text_col: pd.Series(values, dtype=object, index=df.index)})
    out = score_frame(clean, text_col, **score_kwargs)
    out.iloc[bad, out.columns.get_loc("status")] = "invalid"
    return out


def _kwargs(score_kwargs: Mapping[str, Any] | bytes | None) -> dict[str, Any]:
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


def score_texts(
    texts: list[Any],
    text_col: str = "text",
    scorer: ScorerRef = DEFAULT_SCORER,
    score_kwargs: Mapping[str, Any] | bytes | None = None,
) -> pd.DataFrame:
    """Score one chunk of raw text values; the result has a fresh RangeIndex.

    Values are passed through untouched (``None``, NaN, numbers...) so that the
    scorer, not the transport, decides each row's ``status``.  ``score_kwargs``
    may arrive pickled (``bytes``): it is then unpickled once per process.

    Example:
        >>> score_texts(["ab", "abc"], scorer=text_length_scorer)["n_chars"].tolist()
        [2, 3]
    """
    fn = resolve_scorer(scorer)
    frame = pd.DataFrame({text_col: pd.Series(texts, dtype=object)})
    out = fn(frame, text_col, **_kwargs(score_kwargs))
    return out.reset_index(drop=True)


def _init_worker(scorer: ScorerRef, text_col: str, score_kwargs: Mapping[str, Any] | bytes | None) -> None:
    # Ctrl-C reaches the whole process group; only the parent should act on it,
    # so that it can cancel cleanly and remove its temporary output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Build lexicons, automata and the sentiment model once, not per chunk.
    score_texts(["Warm up."], text_col, scorer, score_kwargs)


def _mp_context(start_method: str | None) -> multiprocessing.context.BaseContext:
    if start_method is None:
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
            # A single-threaded parent forks safely, and its workers inherit
            # the already-built engine: pool start costs ~0.1 s, not seconds.
            start_method = "fork"
        else:
            start_method = "forkserver" if "forkserver" in methods else "spawn"
    return multiprocessing.get_context(start_method)


def _pickled(score_kwargs: Mapping[str, Any] | bytes | None) -> bytes:
    if isinstance(score_kwargs, bytes):
        return score_kwargs
    return pickle.dumps(dict(score_kwargs or {}), protocol=pickle.HIGHEST_PROTOCOL)


def process_pool(
    jobs: int,
    text_col: str = "text",
    scorer: ScorerRef = DEFAULT_SCORER,
    score_kwargs: Mapping[str, Any] | bytes | None = None,
    *,
    start_method: str | None = None,
) -> ProcessPoolExecutor:
    """Return a process pool whose workers have the scorer built and ready.

    ``start_method`` defaults to ``fork`` on Linux when this process runs a
    single thread (workers inherit the engine built here), else
    ``forkserver`` (``spawn`` where unavailable): forking a process that holds
    threads (Jupyter, a Dask client) can deadlock.  With ``forkserver`` the
    engine is built once in the server and every worker forked from it.

    Example:
        >>> with process_pool(1, scorer="analysis.scale.parallel:text_length_scorer") as pool:
        ...     pool.submit(score_texts, ["x"], "text", text_length_scorer).result()["n_chars"].tolist()
        [1]
    """
    ctx = _mp_context(start_method)
    if ctx.get_start_method() == "forkserver" and isinstance(scorer, str):
        module = scorer.partition(":")[0]
        ctx.set_forkserver_preload(["analysis.scale._preload" if scorer == DEFAULT_SCORER else module])
    elif ctx.get_start_method() == "fork":
        # Build the engine here once; forked workers inherit it.
        score_texts(["Warm up."], text_col, scorer, score_kwargs)
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(scorer, text_col, _pickled(score_kwargs)),
    )


def imap_ordered(
    submitter: Submitter,
    chunks: Iterable[list[Any]],
    *,
    max_in_flight: int,
    text_col: str = "text",
    scorer: ScorerRef = DEFAULT_SCORER,
    score_kwargs: Mapping[str, Any] | bytes | None = None,
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


def split_chunks(values: list[Any], chunk_size: int) -> Iterator[list[Any]]:
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


def score_frame_parallel(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    jobs: int | None = -1,
    chunk_size: int | None = None,
    scorer: ScorerRef = DEFAULT_SCORER,
    start_method: str | None = None,
    **score_kwargs: Any,
) -> pd.DataFrame:
    """Score ``df[text_col]`` on ``jobs`` processes; same index and row order as ``df``.

    ``jobs`` of ``-1``/``0``/``None`` means one process per CPU core; ``jobs=1``
    scores in this process.  Remaining keyword arguments (``lexicons``,
    ``sentiment``...) go to the scorer unchanged, so the result is identical
    to ``scorer(df, text_col, **score_kwargs)`` row for row.  A new pool is
    started per call (about 0.1 s when forking, 2-3 s with ``forkserver`` or
    ``spawn``): call it on whole tables, not row by row.

    Example:
        >>> df = pd.DataFrame({"text": ["a", "bb", "ccc"]}, index=["x", "y", "z"])
        >>> score_frame_parallel(df, jobs=2, chunk_size=2,
        ...     scorer="analysis.scale.parallel:text_length_scorer")["n_chars"].to_dict()
        {'x': 1, 'y': 2, 'z': 3}
    """
    if text_col not in df.columns:
        raise KeyError(
            f"text column {text_col!r} not in DataFrame; columns: {', '.join(map(str, df.columns))}"
        )
    n_jobs = resolve_jobs(jobs)
    values = df[text_col].tolist()
    size = chunk_size or default_chunk_size(len(values), n_jobs)
    if n_jobs == 1 or len(values) <= size:
        out = score_texts(values, text_col, scorer, score_kwargs)
    else:
        n_workers = min(n_jobs, math.ceil(len(values) / size))
        with process_pool(
            n_workers, text_col, scorer, score_kwargs, start_method=start_method
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
