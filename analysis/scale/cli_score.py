"""Score every statement in a file, streaming (``python -m analysis score``).

Usage::

    python -m analysis score INPUT -o OUTPUT [--text-column text] [--id-column ID ...]
        [--jobs N] [--chunk-size N] [--dask local [--dashboard [ADDRESS]] | --scheduler tcp://HOST:PORT]
        [--sentiment fast|vader] [--language en|ru|uk|other] [--lexicon PATH ...] [--count-mentions] [--encoding utf-8]
        [--quoting csv|none] [--max-field-bytes N] [--spreadsheet-safe] [--no-clobber]

INPUT is CSV, TSV, JSONL, Parquet or plain text (one statement per line),
chosen by extension (``.gz`` read for csv/tsv/jsonl/txt); how each is split
into rows is in :mod:`analysis.scale.io` (TSV: one record per line, no
quoting, unless ``--quoting csv``).  OUTPUT is CSV (``.csv``/``.csv.gz``) or
Parquet.  The output has one row per input record, in input order:
``input_row`` (0-based record number), the id columns if given
(``--id-column`` may be repeated), the score columns of
:func:`analysis.scoring.score.score_frame`, and ``status``.  Ids keep their
type from Parquet input; from text formats they are text, except that in
Parquet output a column of plain integers (``7``, ``-3``; not ``007``) is
written as int64, found by a first pass over the file (``--ids-as-text``
keeps them text and skips the pass).  Input columns are not
copied (the output stays small): join back on ``input_row`` or the ids.

Records without usable text keep their row, with zero scores and a status:
``empty`` (blank text), ``missing`` (no value: a blank line, a record
without the field, null), ``invalid`` (a number, list... where text should
be, or a JSONL line that is not an object), ``too_long`` (over
``--max-field-bytes``, not scored).  ``id_escaped`` marks a scored row whose
id was written backslash-escaped (:func:`analysis.scale.io.unescape_id`).
Problems with the file itself stop the run with a one-line message naming
the file (and line): missing file, unsupported extension, absent or
duplicated text or id column, undecodable bytes, invalid JSON, a JSON
array, malformed CSV quoting, a record with more or fewer fields than the
header, corrupt Parquet.

The file is read and written in chunks, so memory stays flat; the output
appears atomically when scoring finished, and never half-written.  An
existing output is replaced (keeping its permission bits; other hard links
to it keep the old contents); ``--no-clobber`` refuses to replace it.
``--spreadsheet-safe`` prefixes ``'`` to text cells of CSV output that start
with ``= + - @`` (tab, CR), which spreadsheets would run as formulas; off by
default, so that ids stay exact.

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
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from analysis.scale.io import (
    DEFAULT_MAX_FIELD_BYTES,
    ID_ESCAPED,
    INPUT_FORMATS,
    OUTPUT_FORMATS,
    QUOTING,
    AtomicOutput,
    InputChunk,
    InputError,
    check_output_path,
    count_rows,
    detect_format,
    integer_id_columns,
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
#: ``--help`` text: plain words, no markup.
DESCRIPTION = (
    "Score every statement in a CSV, TSV, JSONL, Parquet or text file, streaming. "
    "One output row per input record, in input order, with input_row, the id columns and a status; "
    "exit 0 done, 2 bad input or arguments, 1 scoring or writing failed, 130 interrupted."
)


# Over 60 lines: a flat list of argparse options, one call each, in --help order.
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``score`` command's arguments to ``parser``."""
    parser.add_argument("input", help="CSV, TSV, JSONL, Parquet or .txt file (.gz for text formats)")
    parser.add_argument("-o", "--output", required=True, help="output .csv, .csv.gz or .parquet")
    parser.add_argument("--text-column", default="text", help="column holding the statement (default: text)")
    parser.add_argument(
        "--id-column",
        action="append",
        default=None,
        metavar="ID",
        help="column copied to the output to identify rows; repeat for several",
    )
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
    add_language_argument(parser)
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
    parser.add_argument(
        "--count-mentions",
        action="store_true",
        help="also count mentioned terms (after 'so-called', 'what X calls', in scare quotes); "
        "by default a mention is someone else's term and is not counted against the text",
    )
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the input (default: utf-8)")
    parser.add_argument(
        "--quoting",
        choices=QUOTING,
        default=None,
        help="CSV/TSV quoting: csv (RFC 4180) or none (one record per line, quotes are text); "
        "default: csv for .csv, none for .tsv",
    )
    parser.add_argument(
        "--max-field-bytes",
        type=int,
        default=DEFAULT_MAX_FIELD_BYTES,
        metavar="N",
        help="texts over N UTF-8 bytes are not scored: status too_long, row kept "
        f"(default: {DEFAULT_MAX_FIELD_BYTES}, 8 MiB; 0 = no limit)",
    )
    parser.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="CSV output: prefix ' to text cells starting with = + - @ (tab, CR), which spreadsheets "
        "run as formulas; off by default so that ids stay exact",
    )
    parser.add_argument(
        "--no-clobber",
        action="store_true",
        help="refuse to replace an existing output (by default it is replaced, keeping its permissions)",
    )
    parser.add_argument(
        "--ids-as-text",
        action="store_true",
        help="keep ids read from CSV/TSV/JSONL as text in Parquet output (default: a first pass over the file "
        "checks them, and a column of plain integers becomes int64)",
    )


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


def _id_frame(chunk: InputChunk, id_cols: list[str], int_ids: list[str]) -> pd.DataFrame:
    if chunk.id_frame is None:
        ids = pd.DataFrame({c: pd.Series([None] * len(chunk), dtype="str") for c in id_cols})
    else:
        ids = chunk.id_frame.reset_index(drop=True)
    for column in int_ids:
        ids[column] = ids[column].replace("", None).astype("Int64")
    return ids


def _assemble(
    chunk: InputChunk, scores: pd.DataFrame, id_cols: list[str], int_ids: list[str] | None = None
) -> pd.DataFrame:
    if len(scores) != len(chunk):
        raise RuntimeError(f"scorer returned {len(scores)} rows for {len(chunk)} (rows {chunk.start}-)")
    for name in ("input_row", *id_cols):
        if name in scores.columns:
            raise InputError(f"id column {name!r} clashes with a score column of the same name")
    out = scores.copy(deep=False)
    if chunk.statuses is not None and "status" in out.columns:
        status = out["status"].astype("object").tolist()
        for i, reader_status in enumerate(chunk.statuses):
            # an escaped id only flags a row the scorer found fine
            if reader_status is not None and (reader_status != ID_ESCAPED or status[i] == "ok"):
                status[i] = reader_status
        out["status"] = pd.Series(status, index=out.index, dtype=out["status"].dtype)
    out.insert(0, "input_row", np.arange(chunk.start, chunk.start + len(chunk), dtype=np.int64))
    if id_cols:
        ids = _id_frame(chunk, id_cols, int_ids or [])
        for position, name in enumerate(id_cols, start=1):
            out.insert(position, name, ids[name])
    return out


def _check_id_columns(id_cols: list[str]) -> None:
    from analysis.scoring.score import SCORE_COLUMNS

    reserved = {"input_row", "status", *SCORE_COLUMNS}
    for name in id_cols:
        if name in reserved:
            raise InputError(
                f"--id-column {name!r} clashes with an output column of the same name; "
                "rename the column in the input"
            )


def _integer_ids(args: argparse.Namespace, id_cols: list[str], read: dict[str, Any]) -> list[str]:
    # Parquet needs one type per column for the whole file, so a column is
    # typed int64 only when a first pass has seen that every id is an integer.
    if not id_cols or args.ids_as_text or detect_format(args.output, OUTPUT_FORMATS)[0] != "parquet":
        return []
    if detect_format(args.input, INPUT_FORMATS)[0] == "parquet":  # typed already: kept as it is
        return []
    return integer_id_columns(read_chunks(args.input, args.text_column, **read))


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """``--language``: detect per row (default) or force one language for every row."""
    parser.add_argument(
        "--language",
        choices=["en", "ru", "uk", "other"],
        default=None,
        help="language of every row (default: detected per row; the output's language column says which); "
        "ru and uk are scored on lemmas, and VADER never runs on them (sentiment_status sentiment_unavailable)",
    )


def _score_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"sentiment": args.sentiment}
    # a hand-built Namespace may lack the option (it came in round 2)
    if getattr(args, "language", None) is not None:
        kwargs["language"] = args.language
    if getattr(args, "count_mentions", False):  # also read by cli_explain, whose parser may lack it
        kwargs["count_mentions"] = True
    if args.lexicon:
        from analysis.scoring.lexicon import Lexicon, LexiconError

        try:
            kwargs["lexicons"] = [Lexicon.from_csv(p) for p in args.lexicon]
        except LexiconError as exc:
            raise InputError(" ".join(str(exc).split())) from None
        kwargs["lexicon_mode"] = args.lexicon_mode
    return kwargs


_OPTION_DEFAULTS: dict[str, Any] = {
    "quoting": None,
    "max_field_bytes": DEFAULT_MAX_FIELD_BYTES,
    "spreadsheet_safe": False,
    "no_clobber": False,
    "ids_as_text": False,
    "count_mentions": False,
}


# Over 60 lines: one read -> score -> write loop whose steps share the open sink,
# the signal checks and the error tally; split, each piece would need all of them.
def score_file(args: argparse.Namespace, errors: Counter[str] | None = None) -> int:
    """Score ``args.input`` into ``args.output``; return the number of rows written.

    Rows on which scoring raised are written with status ``error: <type>``
    and counted by status in ``errors``.  Raises :class:`InputError` for
    problems with the file or the arguments.
    """
    for name, default in _OPTION_DEFAULTS.items():
        # a Namespace built by hand (not by add_arguments) gets the defaults
        if not hasattr(args, name):
            setattr(args, name, default)
    check_output_path(args.output, args.input, no_clobber=args.no_clobber)
    given = args.id_column
    id_cols: list[str] = [given] if isinstance(given, str) else list(given or [])
    read: dict[str, Any] = {
        "id_col": id_cols,
        "chunk_size": args.chunk_size,
        "encoding": args.encoding,
        "quoting": args.quoting,
        "max_field_bytes": args.max_field_bytes or None,
    }
    chunks = read_chunks(args.input, args.text_column, **read)
    _check_id_columns(id_cols)  # after the file checks: it imports the engine
    score_kwargs = _score_kwargs(args)
    int_ids = _integer_ids(args, id_cols, read)
    waiting: deque[InputChunk] = deque()

    def texts() -> Iterator[list[Any]]:
        for chunk in chunks:
            waiting.append(chunk)
            yield chunk.texts

    with (
        _submitter(args, score_kwargs) as (submitter, n_workers),
        AtomicOutput(args.output, no_clobber=args.no_clobber, safe_for_spreadsheets=args.spreadsheet_safe) as sink,
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
            sink.write(_assemble(chunk, scores, id_cols, int_ids))
            bar.update(len(chunk))
        raise_if_signalled()
        if sink.rows_written == 0:
            # An input with no rows still gets a file with the output columns.
            empty = InputChunk(0, [], None)
            sink.write(_assemble(empty, score_texts([], args.text_column, SCORER, score_kwargs), id_cols, int_ids))
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


_T = TypeVar("_T")


def run_command(work: Callable[[], _T], output: str | None) -> tuple[int, _T | None]:
    """Run one command's work under the CLI's exit codes: ``(0, result)`` or ``(code, None)``.

    The contract every streaming command shares (``score``, ``extract``,
    ``explain``, ``aggregate``): a problem with the input or the arguments
    (:class:`InputError`) exits 2; SIGINT 130 and SIGTERM 143, the temporary
    output already removed; an OS error (disk full, permissions) 1.  Each
    prints one line on stderr.  Other exceptions propagate.

    Example:
        >>> def bad() -> int:
        ...     raise InputError("x.csv: no column 'text'")
        >>> run_command(bad, "out.csv")
        (2, None)
    """
    try:
        with _stop_signals_as_interrupts():
            return 0, work()
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2, None
    except KeyboardInterrupt as exc:
        what, code = ("terminated", 143) if isinstance(exc, Terminated) else ("interrupted", 130)
        where = f"{output} was not written" if output else "no output written"
        print(f"error: {what}; {where}", file=sys.stderr)
        return code, None
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1, None


def run(args: argparse.Namespace) -> int:
    """Run the ``score`` command; return the exit code (messages go to stderr)."""
    errors: Counter[str] = Counter()
    try:
        code, n = run_command(lambda: score_file(args, errors), args.output)
    except Exception as exc:  # noqa: BLE001 - report in one line; the output is already removed
        msg = " ".join(str(exc).split())
        print(f"error: scoring failed ({type(exc).__name__}: {msg}); {args.output} was not written", file=sys.stderr)
        return 1
    if code or n is None:
        return code
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
    parser = argparse.ArgumentParser(prog="python -m analysis score", description=DESCRIPTION)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
