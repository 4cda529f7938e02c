"""``python -m analysis aggregate``: pooled rates per group of a scored file.

Usage::

    python -m analysis aggregate scored.parquet --by outlet -o by_outlet.csv
    python -m analysis aggregate scored.csv --by outlet --by year \\
        --groups statements.csv --on statement_id --n-boot 2000

SCORED is the output of ``python -m analysis score`` (CSV, ``.csv.gz`` or
Parquet), or any table with ``n_tokens``, ``<dimension>_count`` and
optionally ``status`` and ``sentiment_compound``.  The ``--by`` columns come
from SCORED itself or, since ``score`` does not copy input columns, from
``--groups FILE`` (CSV, TSV, JSONL or Parquet), joined on ``--on`` (a column
in both files; default ``input_row``, the row number of FILE).  Each FILE key
must be unique; a SCORED row without a match keeps a missing group key and
is counted in its own group, and the summary says how many.

The result is :func:`analysis.compare.aggregate.aggregate`: one row per
group with ``n_statements`` (status ``ok``), ``n_skipped`` (any other
status; the two add up to the group's rows), pooled ``<dim>_rate`` per 1,000
tokens with percentile-bootstrap ``_lo``/``_hi`` (statements resampled), and
the mean VADER compound with its interval.  Only the needed columns are kept,
chunk by chunk; the bootstrap needs every row of a group, so those columns
are held in memory (about 100 bytes a row).  ``-o`` writes CSV or Parquet via
a temporary file renamed when complete; without ``-o`` the table is printed.
Exit codes: 0 done, 2 bad input or arguments, 1 writing failed, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from analysis.constants import DIMENSIONS
from analysis.scale.io import (
    _BLANK,
    AtomicOutput,
    InputError,
    _lines,
    _parse_json_line,
    check_output_path,
    detect_format,
)

_SCORED_FORMATS = {".csv": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet",
                   ".jsonl": "jsonl", ".ndjson": "jsonl"}
_OPTIONAL = ("status", "sentiment_compound")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``aggregate`` command's arguments to ``parser``."""
    parser.add_argument("scored", help="scored file (output of `score`): .csv, .csv.gz or .parquet")
    parser.add_argument("--by", action="append", required=True, metavar="COLUMN",
                        help="grouping column; repeat for several (e.g. --by outlet --by year)")
    parser.add_argument("-o", "--output", default=None, help="output .csv or .parquet (default: print)")
    parser.add_argument("--groups", default=None, metavar="FILE",
                        help="file holding the --by columns, joined on --on")
    parser.add_argument("--on", default="input_row", metavar="COLUMN",
                        help="join key for --groups (default: input_row = row number of FILE)")
    parser.add_argument("--dimensions", nargs="+", default=list(DIMENSIONS), metavar="DIM",
                        help=f"dimensions to aggregate (default: {' '.join(DIMENSIONS)})")
    parser.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples (0: none)")
    parser.add_argument("--ci", type=float, default=0.95, help="interval coverage (default 0.95)")
    parser.add_argument("--seed", type=int, default=12345, help="bootstrap seed (default 12345)")
    parser.add_argument("--chunk-size", type=int, default=100_000, help="rows read at a time")


def _columns_of(path: Path, fmt: str) -> list[str]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return list(pq.ParquetFile(path).schema_arrow.names)
    if fmt == "jsonl":
        first = pd.read_json(path, lines=True, nrows=1)
        return list(first.columns)
    sep = "\t" if fmt == "tsv" else ","
    return list(pd.read_csv(path, sep=sep, nrows=0).columns)


def read_columns(path: str | Path, wanted: Sequence[str], chunk_size: int,
                 what: str = "scored file", optional: Sequence[str] = ()) -> pd.DataFrame:
    """Read only ``wanted`` (and those of ``optional`` present) columns, chunk by chunk.

    CSV, TSV, JSONL or Parquet.  Raises :class:`InputError` naming the file
    and the missing columns.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
        >>> _ = p.write_text("a,b,c\\n1,2,3\\n")
        >>> read_columns(p, ["c", "a"], 10).to_dict("records")
        [{'c': 3, 'a': 1}]
    """
    path = Path(path)
    fmt, _ = detect_format(path, _SCORED_FORMATS)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        available = _columns_of(path, fmt)
    except Exception as exc:  # noqa: BLE001 - any parser error is a bad file, said in one line
        raise InputError(f"{path}: cannot read the {what} ({' '.join(str(exc).split())})") from None
    missing = [c for c in wanted if c not in available]
    if missing:
        error = InputError(f"{path}: {what} lacks column(s) {missing}; it has {available}")
        error.missing = missing  # type: ignore[attr-defined]
        raise error
    cols = [*wanted, *(c for c in optional if c in available and c not in wanted)]
    parts = list(_chunks(path, fmt, cols, chunk_size))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    return frame[cols]


def _chunks(path: Path, fmt: str, cols: list[str], chunk_size: int) -> Iterator[pd.DataFrame]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size, columns=cols):
            yield batch.to_pandas()
    elif fmt == "jsonl":
        yield from _jsonl_chunks(path, cols, chunk_size)
    else:
        sep = "\t" if fmt == "tsv" else ","
        # every column is parsed (not usecols=cols), so that a line with more
        # fields than the header is an error instead of losing its extra field
        reader = pd.read_csv(path, sep=sep, chunksize=chunk_size, keep_default_na=False, na_values=[""])
        try:
            for part in reader:
                yield part[cols]
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the file ({' '.join(str(exc).split())})") from None


def _jsonl_chunks(path: Path, cols: list[str], chunk_size: int) -> Iterator[pd.DataFrame]:
    """Frames of ``cols`` from a JSONL file; a bad line is an error naming it (a missing key is NaN)."""
    rows: list[list[object]] = []
    gz = path.name.endswith(".gz")
    for number, line in enumerate(_lines(path, gz, "utf-8", "\n"), start=1):
        record = _parse_json_line(path, number, line, cols)
        if record is _BLANK:
            raise InputError(f"{path}: line {number}: blank line; a scored file has one JSON object per row")
        if not isinstance(record, dict):
            raise InputError(f"{path}: line {number}: a JSON {type(record).__name__}, not an object")
        rows.append([record.get(c) for c in cols])
        if len(rows) >= chunk_size:
            yield pd.DataFrame(rows, columns=cols)
            rows = []
    if rows:
        yield pd.DataFrame(rows, columns=cols)


def _join_groups(scored: pd.DataFrame, args: argparse.Namespace) -> tuple[pd.DataFrame, int]:
    """Add the --by columns from --groups; return the frame and the unmatched row count."""
    on = args.on
    clash = [c for c in args.by if c in scored.columns]
    if clash:
        raise InputError(f"{args.scored}: already has column(s) {clash}; drop --groups or rename")
    if on == "input_row":
        groups = read_columns(args.groups, args.by, args.chunk_size, "groups file")
        groups.insert(0, "input_row", range(len(groups)))
    else:
        groups = read_columns(args.groups, [on, *args.by], args.chunk_size, "groups file")
    left, right_key = scored[on], groups[on]
    if left.dtype != right_key.dtype:  # e.g. ids read as text from CSV, as int from Parquet
        left, right_key = left.astype("string"), right_key.astype("string")
    dup = right_key.duplicated(keep=False)
    if dup.any():
        example = right_key[dup].iloc[0]
        shown = example.item() if hasattr(example, "item") else example  # 1, not np.int64(1)
        raise InputError(f"{args.groups}: join key {on!r} is not unique (e.g. {shown!r} "
                         f"occurs {int((right_key == example).sum())} times)")
    right = groups[args.by].set_axis(pd.Index(right_key), axis=0)
    # reindex keeps scored's order and length: no row is dropped or repeated
    added = right.reindex(pd.Index(left))
    added.index = scored.index
    unmatched = int((~pd.Index(left).isin(right.index)).sum())
    return pd.concat([scored, added], axis=1), unmatched


def aggregate_file(args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    """Read, join and aggregate as ``args`` say; return the table and a summary line.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "scored.csv"
        >>> _ = p.write_text("outlet,n_tokens,loaded_count\\na,10,1\\nb,20,1\\n")
        >>> parser = argparse.ArgumentParser()
        >>> add_arguments(parser)
        >>> table, summary = aggregate_file(parser.parse_args([str(p), "--by", "outlet",
        ...                                                    "--dimensions", "loaded", "--n-boot", "0"]))
        >>> table["loaded_rate"].tolist(), summary
        ([100.0, 50.0], 'aggregated 2 row(s) (ok 2) into 2 group(s)')
    """
    from analysis.compare.aggregate import aggregate, check_ci, check_seed

    try:  # before any reading: a bad option is not the file's fault
        check_ci(args.n_boot, args.ci, names=("--n-boot", "--ci"))
        check_seed(args.seed, name="--seed")
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if args.output is not None:
        check_output_path(args.output, args.scored)
        if args.groups is not None:
            check_output_path(args.output, args.groups)
    if args.chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, got {args.chunk_size}")
    counts = ["n_tokens", *(f"{d}_count" for d in args.dimensions)]
    keys = list(args.by) if args.groups is None else [args.on]
    try:
        scored = read_columns(args.scored, [*keys, *counts], args.chunk_size, optional=_OPTIONAL)
    except InputError as exc:
        missing_by = getattr(exc, "missing", [])
        if args.groups is None and set(missing_by) & set(args.by):
            raise InputError(f"{exc}; `score` does not copy input columns: pass --groups FILE "
                             "(the file that was scored) to join them") from None
        raise
    unmatched = 0
    if args.groups is not None:
        scored, unmatched = _join_groups(scored, args)
    try:
        table = aggregate(scored, args.by, dimensions=args.dimensions, n_boot=args.n_boot,
                          ci=args.ci, seed=args.seed)
    except (KeyError, ValueError) as exc:
        message = " ".join(str(exc).split())
        # aggregate's row labels are the file's data rows counted from 0 (input_row)
        where = " (rows counted from 0 after any header, as input_row)" if " at row " in message else ""
        raise InputError(f"{args.scored}: {message}{where}") from None
    return table, _summary(scored, table, unmatched)


def _summary(scored: pd.DataFrame, table: pd.DataFrame, unmatched: int) -> str:
    n = len(scored)
    counted = int(table["n_statements"].sum() + table["n_skipped"].sum())
    if counted != n:  # aggregate's contract; a breach must not pass silently
        raise RuntimeError(f"aggregate accounted for {counted} of {n} rows")
    statuses = scored["status"].value_counts(dropna=False).to_dict() if "status" in scored else {"ok": n}
    detail = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0])))
    extra = f"; {unmatched} row(s) without a match in --groups (missing group key)" if unmatched else ""
    return f"aggregated {n} row(s) ({detail}) into {len(table)} group(s){extra}"


def run(args: argparse.Namespace) -> int:
    """Run the ``aggregate`` command; return the exit code (messages go to stderr)."""
    from analysis.scale.cli_score import run_command

    def work() -> str:
        table, summary = aggregate_file(args)
        if args.output is None:
            print(table.to_string(index=False))
        else:
            with AtomicOutput(args.output) as sink:
                sink.write(table)
        return summary

    code, summary = run_command(work, args.output)
    if code or summary is None:
        return code
    print(summary + (f"; wrote {args.output}" if args.output else ""), file=sys.stderr)
    return 0
