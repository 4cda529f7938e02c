"""``python -m analysis score``: score every statement in a file, streaming.

Usage::

    python -m analysis score INPUT -o OUTPUT [--text-column text] [--id-column ID]
        [--jobs N] [--chunk-size N] [--dask local [--dashboard [ADDRESS]] | --scheduler tcp://HOST:PORT]
        [--sentiment fast|vader] [--lexicon PATH ...] [--encoding utf-8]

INPUT is CSV, TSV, JSONL, Parquet or plain text (one statement per line),
chosen by extension (``.gz`` read for csv/tsv/jsonl/txt).  OUTPUT is CSV
(``.csv``/``.csv.gz``) or Parquet.  The output has one row per input record,
in input order: ``input_row`` (0-based record number, see
:mod:`analysis.scale.io`), the id column if given (as text, except that
Parquet input keeps its type), the score columns of
:func:`analysis.scoring.score.score_frame`, and ``status``.  Input columns are
not copied (the output stays small): join back on ``input_row`` or the id.

Records without usable text keep their row, with zero scores and a status:
``empty`` (blank text), ``missing`` (no value: an empty JSONL line, a record
without the field, null), ``invalid`` (a number, list... where text should be).
Problems with the file itself stop the run with a one-line message: missing
file, unsupported extension, absent text or id column (the message lists the
columns), undecodable bytes (names the line), invalid JSON (names the line).

The file is read and written in chunks, so memory stays flat; the output
appears atomically when scoring finished, and never half-written.

A progress bar is shown only when stderr is a terminal.  ``--jobs N`` scores
on N processes; ``--dask local`` on a loopback ``LocalCluster`` of ``--jobs``
workers (default: one per core); ``--scheduler`` on a running cluster.  Every
back end gives the same rows (CSV output is byte-identical).

Rows on which the scorer raises are not lost: they are written with zero
scores and status ``error: <ExceptionType>``, the run goes on, and one
``warning:`` line on stderr says how many there were.  SIGTERM is handled
like Ctrl-C (temporary output removed, an existing output left untouched).
``--jobs`` workers exit when this process dies, even by SIGKILL.

Exit codes: 0 done (also with error rows), 2 bad input or arguments
(one-line message on stderr), 1 scoring or writing failed, 130 interrupted
(SIGINT), 143 terminated (SIGTERM).

Example:
    $ python -m analysis score statements.csv -o scored.parquet --id-column statement_id --jobs 2
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.scale.io import (
    OUTPUT_FORMATS,
    AtomicOutput,
    InputChunk,
    InputError,
    count_rows,
    detect_format,
    read_chunks,
)
from analysis.scale.parallel import (
    ScorerRef,
    count_errors,
    imap_ordered,
    process_pool,
    resolve_jobs,
    score_texts,
)
from analysis.scoring.chunks import DEFAULT_SCORER, ENGINE_PRELOAD

#: What scores each chunk; tests swap in a stand-in.
SCORER: ScorerRef = DEFAULT_SCORER
DEFAULT_CHUNK_SIZE = 5000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``score`` command's arguments to ``parser``."""
    parser.add_argument("input", help="CSV, TSV, JSONL, Parquet or .txt file (.gz for text formats)")
    parser.add_argument("-o", "--output", required=True, help="output .csv, .csv.gz or .parquet")
    parser.add_argument("--text-column", default="text", help="column holding the statement (default: text)")
    parser.add_argument("--id-column", default=None, help="column copied to the output to identify rows")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="worker processes; 0 or -1 = one per core (default: 1, or one per core with --dask local)",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK_SIZE,
        help=f"rows read, scored and written at a time (default: {DEFAULT_CHUNK_SIZE})",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--dask", choices=["local"], default=None, help="score on a local Dask cluster (--jobs workers)"
    )
    where.add_argument("--scheduler", default=None, help="score on a running Dask cluster, e.g. tcp://HOST:8786")
    parser.add_argument(
        "--dashboard",
        nargs="?",
        const="127.0.0.1:8787",
        default=None,
        metavar="ADDRESS",
        help="with --dask local: serve the Dask dashboard (default address 127.0.0.1:8787); "
        "off unless given. The local cluster runs code as you, unauthenticated: see README 'Scaling out'",
    )
    parser.add_argument(
        "--sentiment",
        choices=["fast", "vader", "none"],
        default="fast",
        help="VADER implementation: fast (default) and vader give the same numbers; none skips sentiment",
    )
    parser.add_argument(
        "--lexicon",
        action="extend",
        nargs="+",
        default=None,
        metavar="PATH",
        help="lexicon CSV(s) added to the built-in lexicons (see analysis.scoring.lexicon)",
    )
    parser.add_argument(
        "--lexicon-mode",
        choices=["extend", "replace"],
        default="extend",
        help="extend: user terms added to the built-in ones; replace: user dimensions replace built-in ones",
    )
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the input (default: utf-8)")


class _Inline:
    """Runs each submitted call at once, in this process (``--jobs 1``)."""

    def submit(self, fn: Any, /, *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        fut.set_result(fn(*args))
        return fut


class _DaskSubmitter:
    """Client.submit with ``pure=False``: chunks are never deduplicated by hashing."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Any, /, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def _dask_submitter(args: argparse.Namespace) -> Iterator[tuple[_DaskSubmitter, int]]:
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--dask/--scheduler need the 'distributed' package (pip install distributed)") from None
    if args.scheduler:
        try:
            # timeout: dask's distributed.comm.timeouts.connect (30 s by default)
            client = Client(args.scheduler)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach Dask scheduler {args.scheduler}: {exc}") from None
        with client:
            yield _DaskSubmitter(client), max(1, sum(client.nthreads().values()))
        return
    from analysis.scale.dask import LoopbackError, local_client

    n = resolve_jobs(args.jobs)
    try:
        with local_client(n, dashboard=getattr(args, "dashboard", None)) as client:
            yield _DaskSubmitter(client), n
    except LoopbackError as exc:  # raised only before the cluster starts
        raise InputError(str(exc)) from None


@contextmanager
def _submitter(args: argparse.Namespace, score_kwargs: dict[str, Any]) -> Iterator[tuple[Any, int]]:
    if args.dask or args.scheduler:
        with _dask_submitter(args) as pair:
            yield pair
        return
    jobs = 1 if args.jobs is None else resolve_jobs(args.jobs)
    if jobs == 1:
        yield _Inline(), 1
        return
    preload = ENGINE_PRELOAD if SCORER == DEFAULT_SCORER else None
    with process_pool(jobs, args.text_column, SCORER, score_kwargs, preload=preload) as pool:
        yield pool, jobs


def _progress(total: int | None) -> AbstractContextManager[Any]:
    from tqdm import tqdm

    return tqdm(total=total, unit="rows", file=sys.stderr, disable=not sys.stderr.isatty())


def _assemble(chunk: InputChunk, scores: pd.DataFrame, id_col: str | None) -> pd.DataFrame:
    if len(scores) != len(chunk):
        raise RuntimeError(f"scorer returned {len(scores)} rows for {len(chunk)} (rows {chunk.start}-)")
    for name in ("input_row", id_col):
        if name is not None and name in scores.columns:
            raise InputError(f"id column {name!r} clashes with a score column of the same name")
    out = scores.copy(deep=False)
    out.insert(0, "input_row", np.arange(chunk.start, chunk.start + len(chunk), dtype=np.int64))
    if id_col is not None:
        ids = chunk.ids if chunk.ids is not None else pd.Series([None] * len(chunk), dtype="str")
        out.insert(1, id_col, ids.reset_index(drop=True))
    return out


def _score_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"sentiment": args.sentiment}
    if args.lexicon:
        from analysis.scoring.lexicon import Lexicon, LexiconError

        try:
            kwargs["lexicons"] = [Lexicon.from_csv(p) for p in args.lexicon]
        except LexiconError as exc:
            raise InputError(" ".join(str(exc).split())) from None
        kwargs["lexicon_mode"] = args.lexicon_mode
    return kwargs


def score_file(args: argparse.Namespace, errors: Counter[str] | None = None) -> int:
    """Score ``args.input`` into ``args.output``; return the number of rows written.

    Rows on which scoring raised are written with status ``error: <type>``
    and counted by status in ``errors``.  Raises :class:`InputError` for
    problems with the file or the arguments.
    """
    detect_format(args.output, OUTPUT_FORMATS)
    if Path(args.output).resolve() == Path(args.input).resolve():
        raise InputError(f"{args.output}: output would overwrite the input; choose another name")
    chunks = read_chunks(
        args.input,
        args.text_column,
        id_col=args.id_column,
        chunk_size=args.chunk_size,
        encoding=args.encoding,
    )
    score_kwargs = _score_kwargs(args)
    waiting: deque[InputChunk] = deque()

    def texts() -> Iterator[list[Any]]:
        for chunk in chunks:
            waiting.append(chunk)
            yield chunk.texts

    with (
        _submitter(args, score_kwargs) as (submitter, n_workers),
        AtomicOutput(args.output) as sink,
        _progress(count_rows(args.input)) as bar,
    ):
        results = imap_ordered(
            submitter,
            texts(),
            max_in_flight=2 * n_workers,
            text_col=args.text_column,
            scorer=SCORER,
            score_kwargs=score_kwargs,
        )
        for scores in results:
            raise_if_signalled()
            chunk = waiting.popleft()
            if errors is not None:
                errors.update(count_errors(scores))
            sink.write(_assemble(chunk, scores, args.id_column))
            bar.update(len(chunk))
        raise_if_signalled()
        if sink.rows_written == 0:
            # An input with no rows still gets a file with the output columns.
            empty = InputChunk(0, [], None)
            sink.write(_assemble(empty, score_texts([], args.text_column, SCORER, score_kwargs), args.id_column))
        return sink.rows_written


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it unwinds exactly like Ctrl-C."""


#: The first SIGINT/SIGTERM received while scoring (None: none yet).
_SIGNALLED: list[int] = []


def _interruption(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _on_stop_signal(signum: int, frame: object) -> None:
    # Raise once only: a second signal must not interrupt the clean-up of the first.
    if not _SIGNALLED:
        _SIGNALLED.append(signum)
        raise _interruption(signum)


def raise_if_signalled() -> None:
    """Raise again the interruption of a signal already received.

    Python swallows an exception raised while it runs its at-fork hooks
    (a signal landing while a pool forks its workers), so the scoring loop
    calls this after every chunk: no signal is ever lost.
    """
    if _SIGNALLED:
        raise _interruption(_SIGNALLED[0])


@contextmanager
def _stop_signals_as_interrupts() -> Iterator[None]:
    """While scoring, SIGINT and SIGTERM both unwind like Ctrl-C: temporary
    output removed, workers stopped, an existing output left untouched."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    _SIGNALLED.clear()
    previous = {s: signal.signal(s, _on_stop_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)


def _error_summary(errors: Counter[str], n_rows: int) -> str:
    """One line saying how many rows could not be scored, by error type.

    Example:
        >>> _error_summary(Counter({"error: ValueError": 2}), 10)
        "warning: 2 of 10 rows could not be scored and were written with status 'error: ValueError' (2)"
    """
    kinds = ", ".join(f"'{k}' ({v})" for k, v in sorted(errors.items()))
    return f"warning: {sum(errors.values())} of {n_rows} rows could not be scored and were written with status {kinds}"


def run(args: argparse.Namespace) -> int:
    """Run the ``score`` command; return the exit code (messages go to stderr)."""
    errors: Counter[str] = Counter()
    try:
        with _stop_signals_as_interrupts():
            n = score_file(args, errors)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        what, code = ("terminated", 143) if isinstance(exc, Terminated) else ("interrupted", 130)
        print(f"error: {what}; {args.output} was not written", file=sys.stderr)
        return code
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - report in one line; the output is already removed
        msg = " ".join(str(exc).split())
        print(f"error: scoring failed ({type(exc).__name__}: {msg}); {args.output} was not written", file=sys.stderr)
        return 1
    if errors:
        print(_error_summary(errors, n), file=sys.stderr)
    if sys.stderr.isatty():
        print(f"wrote {n} rows to {args.output}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``score`` on its own (``python -m analysis.scale.cli_score ...``).

    Example:
        >>> main(["missing.csv", "-o", "out.csv"])
        2
    """
    parser = argparse.ArgumentParser(prog="python -m analysis score", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
