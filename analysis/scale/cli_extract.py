"""``python -m analysis extract``: the statements of every article in a file, streaming.

Usage::

    python -m analysis extract articles.csv -o statements.csv --text-column body \\
        --id-column article_id --keep outlet --keep published

INPUT is CSV, TSV, JSONL, Parquet or plain text (one article per line), read
in chunks exactly as by ``score`` (:mod:`analysis.scale.io`: strict quoting,
``.gz``, ``--encoding``, ``--quoting``, ``--max-field-bytes``).  OUTPUT is
CSV (``.csv``/``.csv.gz``) or Parquet.  Rows follow the input order: each
article gives one row per statement (``status`` ``ok``; ``no_words`` for a
row of punctuation only and ``signature`` for a byline or credit line of
narration, kept but not statements to count), and an article that
yields none keeps one row with empty statement fields and its status --
``missing``, ``empty``, ``invalid``, ``too_long`` (as in ``score``),
``no_statements`` (no word to extract) or ``error: <ExceptionType>`` (the
extractor raised on it; the run goes on).  Nothing is dropped.

Columns: ``input_row`` (0-based record number), the ``--id-column`` columns,
the ``--keep`` columns (the article's metadata, copied onto each of its
rows; text from text formats, typed from Parquet), the extractor's columns
(:func:`analysis.statements.extract.extract_statements`; ``statement_id``
numbers statements within their article) and ``status``.

The output is written to a temporary file beside the target and renamed when
complete; an interrupted run (Ctrl-C, SIGTERM) leaves no partial file and an
existing output untouched.  ``--speakers`` takes a speakers registry CSV
(default: the bundled one).  Corpus-level speaker ids need every name of
the corpus, so they are not streamed: run
:func:`analysis.statements.identity.assign_corpus_ids` on the output.

Exit codes: 0 done (also with ``error:`` rows), 2 bad input or arguments,
1 writing or extraction failed (one line on stderr), 130 interrupted, 143 terminated.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.scale.io import (
    DEFAULT_MAX_FIELD_BYTES,
    ID_ESCAPED,
    QUOTING,
    AtomicOutput,
    InputChunk,
    InputError,
    check_output_path,
    read_chunks,
)

DEFAULT_CHUNK_SIZE = 200
DESCRIPTION = (
    "Extract the statements of every article in a CSV, TSV, JSONL, Parquet or text file, streaming. "
    "Input order and ids kept, a status on every row, articles without statements kept; "
    "exit 0 done, 2 bad input or arguments, 1 writing or extraction failed, 130 interrupted."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``extract`` command's arguments to ``parser``."""
    parser.add_argument("input", help="CSV, TSV, JSONL, Parquet or .txt file of articles (.gz for text formats)")
    parser.add_argument("-o", "--output", required=True, help="output .csv, .csv.gz or .parquet")
    parser.add_argument("--text-column", default="text", help="column holding the article text (default: text)")
    parser.add_argument("--id-column", action="append", default=None, metavar="ID",
                        help="column copied to the output to identify articles; repeat for several")
    parser.add_argument("--keep", action="append", default=None, metavar="COLUMN",
                        help="article metadata column copied onto each statement row; repeat for several")
    parser.add_argument("--speakers", default=None, metavar="CSV",
                        help="speakers registry CSV (default: the bundled corpus/speakers.csv)")
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE,
                        help=f"articles read and written at a time (default: {DEFAULT_CHUNK_SIZE})")
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the input (default: utf-8)")
    parser.add_argument("--quoting", choices=QUOTING, default=None,
                        help="CSV/TSV quoting: csv or none (default: csv for .csv, none for .tsv)")
    parser.add_argument("--max-field-bytes", type=int, default=DEFAULT_MAX_FIELD_BYTES, metavar="N",
                        help="articles over N UTF-8 bytes are not extracted: status too_long, row kept "
                             "(0 = no limit)")
    parser.add_argument("--spreadsheet-safe", action="store_true",
                        help="CSV output: prefix ' to text cells starting with = + - @ (tab, CR)")
    parser.add_argument("--no-clobber", action="store_true", help="refuse to replace an existing output")


def _columns(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """(id columns, keep columns), checked against each other and the output columns."""
    from analysis.statements.extract import extract_statements
    from analysis.statements.frame import ROW_COLUMN, statement_columns

    ids = list(args.id_column or [])
    keep = list(args.keep or [])
    both = [*ids, *keep]
    for name in both:
        if both.count(name) > 1:
            raise InputError(f"column {name!r} is given more than once (--id-column / --keep)")
        if name == args.text_column:
            raise InputError(f"column {name!r} is the text column; it cannot also be an id or kept column")
        if name in {"input_row", ROW_COLUMN, "status", *statement_columns(extract_statements)}:
            raise InputError(f"column {name!r} clashes with an output column of the same name; "
                             "rename the column in the input")
    return ids, keep


def chunk_rows(chunk: InputChunk, meta_cols: list[str], registry: Any) -> pd.DataFrame:
    """The output rows of one input chunk, in order (every record at least one row), built as one frame.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> rows = chunk_rows(InputChunk(0, ['"Yes," Peskov said.', None], None), [], default_registry())
        >>> rows[["input_row", "speaker", "status"]].values.tolist()
        [[0, 'Dmitry Peskov', 'ok'], [0, '', 'ok'], [1, '', 'missing']]
    """
    from analysis.statements.extract import extract_statements as ex
    from analysis.statements.extract import statement_records
    from analysis.statements.frame import ROW_COLUMN, articles_frame, empty_result

    meta = chunk.id_frame.reset_index(drop=True) if chunk.id_frame is not None else None
    statuses = chunk.statuses or [None] * len(chunk)
    columns = [meta[c].tolist() for c in meta_cols] if meta is not None else []
    forced: dict[int, str] = {}  # too_long / invalid: the reader's reason wins
    escaped: set[int] = set()
    articles = []
    for k, (text, reader_status) in enumerate(zip(chunk.texts, statuses, strict=True)):
        if reader_status is not None and reader_status != ID_ESCAPED:
            forced[chunk.start + k] = reader_status
            text = None
        elif reader_status == ID_ESCAPED:
            escaped.add(chunk.start + k)
        articles.append((chunk.start + k, text, [col[k] for col in columns]))
    out = articles_frame(articles, meta_cols, registry, ex, statement_records) if articles else \
        empty_result(meta_cols, ex)
    position = out[ROW_COLUMN]
    if forced:
        out.loc[position.isin(forced), "status"] = position[position.isin(forced)].map(forced)
    if escaped:
        out.loc[position.isin(escaped) & (out["status"] == "ok"), "status"] = ID_ESCAPED
    out = out.rename(columns={ROW_COLUMN: "input_row"})
    for name in meta_cols:  # one type per column for the whole file (Parquet needs it)
        dtype: Any = meta[name].dtype if meta is not None else "str"
        out[name] = out[name].astype(dtype)
    out["status"] = out["status"].astype("str")
    return out


def extract_file(args: argparse.Namespace, counts: Counter[str] | None = None) -> int:
    """Extract ``args.input`` into ``args.output``; return the number of rows written.

    ``counts`` receives the number of articles per status.  Raises
    :class:`InputError` for problems with the file or the arguments.

    Example:
        >>> import tempfile
        >>> from analysis.cli import build_parser
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "a.jsonl").write_text('{"text": "Talks ended."}\\n{"text": ""}\\n')
        >>> args = build_parser(only="extract").parse_args(["extract", str(d / "a.jsonl"), "-o", str(d / "s.csv")])
        >>> counts: Counter[str] = Counter()
        >>> extract_file(args, counts), sorted(counts.items())
        (2, [('empty', 1), ('ok', 1)])
    """
    check_output_path(args.output, args.input, no_clobber=args.no_clobber)
    ids, keep = _columns(args)
    try:
        chunks = read_chunks(args.input, args.text_column, id_col=[*ids, *keep], chunk_size=args.chunk_size,
                             encoding=args.encoding, quoting=args.quoting,
                             max_field_bytes=args.max_field_bytes or None)
    except InputError as err:
        raise InputError(kept_column_wording(str(err), keep)) from None
    registry = _registry(args.speakers)
    from analysis.scale.cli_score import raise_if_signalled

    with AtomicOutput(args.output, no_clobber=args.no_clobber, safe_for_spreadsheets=args.spreadsheet_safe) as sink:
        for chunk in _nonempty(chunks):
            raise_if_signalled()
            rows = chunk_rows(chunk, [*ids, *keep], registry)
            if counts is not None:
                counts.update(rows.drop_duplicates("input_row")["status"])
            sink.write(rows)
        raise_if_signalled()
        if sink.rows_written == 0:
            sink.write(chunk_rows(InputChunk(0, [], None), [*ids, *keep], registry))
        return sink.rows_written


def kept_column_wording(message: str, keep: list[str]) -> str:
    """The reader's message about a column, naming a ``--keep`` column as such (the reader
    knows every copied column as an id column).

    Example:
        >>> kept_column_wording("a.csv: id column 'outlet' not found; available columns: 'text'", ["outlet"])
        "a.csv: --keep column 'outlet' not found; available columns: 'text'"
    """
    for name in keep:
        message = message.replace(f"id column {name!r}", f"--keep column {name!r}")
    return message


def _nonempty(chunks: Iterator[InputChunk]) -> Iterator[InputChunk]:
    return (c for c in chunks if len(c))


def _registry(path: str | None) -> Any:
    from analysis.statements.speakers import RegistryError, SpeakerRegistry

    if path is None:
        return SpeakerRegistry.coerce(None)
    if not Path(path).is_file():
        raise InputError(f"{path}: speakers registry not found")
    try:
        return SpeakerRegistry.from_csv(path)
    except RegistryError as err:
        raise InputError(" ".join(str(err).split())) from None


def run(args: argparse.Namespace) -> int:
    """Run the ``extract`` command; return the exit code (messages go to stderr)."""
    from analysis.scale.cli_score import run_command

    counts: Counter[str] = Counter()
    try:
        code, n = run_command(lambda: extract_file(args, counts), args.output)
    except Exception as exc:  # noqa: BLE001 - one line, as score says it; the temporary output is removed
        msg = " ".join(str(exc).split())
        print(f"error: extraction failed ({type(exc).__name__}: {msg}); {args.output} was not written", file=sys.stderr)
        return 1
    if code or n is None:
        return code
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"extracted {sum(counts.values())} article(s) into {n} row(s) in {args.output}: {detail or 'none'}",
          file=sys.stderr)
    return 0
