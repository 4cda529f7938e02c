"""``python -m analysis explain``: every counted span of a text or of a file.

Usage::

    python -m analysis explain "They are idiots."                 # a table on stdout
    python -m analysis explain "They are idiots." --format json   # one JSON object per text
    python -m analysis explain --file statements.csv --text-column text --id-column id -o spans.csv

Input is one or more texts on the command line, or ``--file`` (CSV, TSV,
JSONL, Parquet or text, read in chunks like ``score``; see
:mod:`analysis.scale.io`).  Output:

* ``-o spans.csv`` / ``.parquet``: one row per span (``input_row``, the id
  column if given, ``status``, ``start``, ``end``, ``surface``, ``dimension``,
  ``category``, ``term``, ``weight``, ``side``, ``rule``, ``note``).  A record
  without any span keeps one row with empty span fields and its status
  (``no_match``, or ``empty`` / ``missing`` / ``invalid`` / ``too_long`` as in
  ``score``; ``--max-field-bytes``), so
  every input row appears;
* ``-o spans.jsonl`` or ``--format json``: one JSON object per input row, with
  ``status``, ``spans`` and ``sentences`` (VADER compound and per-word
  valences per sentence);
* no ``-o``: ``--format table`` (default) prints the bracketed text and the
  table per record; ``json`` prints JSON lines.

Files are written to a temporary name and renamed when complete.  A summary
line on stderr counts rows by status.  Exit codes as for ``score``: 0 done,
2 bad input or arguments, 1 writing failed, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from analysis.scale.io import (
    DEFAULT_MAX_FIELD_BYTES,
    ID_ESCAPED,
    AtomicOutput,
    InputChunk,
    InputError,
    atomic_text_file,
    detect_format,
    read_chunks,
)

SPAN_COLUMNS: tuple[str, ...] = ("start", "end", "surface", "dimension", "category", "term",
                                 "weight", "side", "rule", "mention", "holder", "note")
_OUTPUTS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``explain`` command's arguments to ``parser``."""
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="text(s) to explain")
    parser.add_argument("--file", default=None, help="CSV, TSV, JSONL, Parquet or .txt file of texts")
    parser.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    parser.add_argument("--id-column", default=None, help="column copied to the output to identify rows")
    parser.add_argument("-o", "--output", default=None,
                        help="spans .csv / .parquet (one row per span) or .jsonl (one object per row)")
    parser.add_argument("--format", choices=["table", "json"], default="table",
                        help="stdout format without -o (default: table)")
    parser.add_argument("--sentiment", choices=["fast", "vader", "none"], default="fast",
                        help="VADER implementation for the per-sentence valences (none: skip)")
    parser.add_argument("--lexicon", action="extend", nargs="+", default=None, metavar="PATH",
                        help="lexicon CSV(s) added to the built-in lexicons, as for `score`")
    from analysis.scale.cli_score import add_language_argument

    add_language_argument(parser)
    parser.add_argument("--lexicon-mode", choices=["extend", "replace"], default="extend",
                        help="extend: user terms added to the built-in ones; replace: user dimensions "
                             "replace built-in ones")
    parser.add_argument("--chunk-size", type=int, default=1000, help="rows read at a time (default: 1000)")
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the input (default: utf-8)")
    parser.add_argument("--max-field-bytes", type=int, default=DEFAULT_MAX_FIELD_BYTES, metavar="N",
                        help="texts over N UTF-8 bytes are not explained: status too_long, row kept "
                             "(0 = no limit)")


def _status(value: object) -> str | None:
    # the same statuses as ``score`` gives the same values
    from analysis.scoring.score import _text_status

    return _text_status(value)


def explain_record(row: int, text: object, ident: object, sentiment: str = "fast",
                   reader_status: str | None = None, **score_kwargs: Any) -> dict[str, Any]:
    """One input record as a JSON-ready dict: status, spans, sentences.

    ``score_kwargs`` (``lexicons``, ``lexicon_mode``, ``language``) go to
    :func:`analysis.explain`; ``language`` and ``sentiment_status`` in the
    record say which language scored the text and whether VADER ran.
    ``reader_status`` is what the file reader decided for the row
    (``too_long``, ``invalid``, ``id_escaped``), kept as in ``score``.

    Example:
        >>> r = explain_record(0, "They are idiots.", None, "none")
        >>> r["status"], [s["surface"] for s in r["spans"]]
        ('ok', ['idiots'])
        >>> explain_record(1, None, None, "none", reader_status="too_long")["status"]
        'too_long'
    """
    from analysis.scoring.explain import explain

    record: dict[str, Any] = {"input_row": row}
    if ident is not None:
        record["id"] = ident
    # the reader's reason wins: a too-long field reaches here as None, not "missing"
    forced = reader_status if reader_status != ID_ESCAPED else None
    status = forced or _status(text)
    if status is not None:
        return {**record, "status": status, "spans": [], "sentences": []}
    e = explain(str(text), sentiment=sentiment, **score_kwargs)
    spans = [{c: getattr(m, c) for c in SPAN_COLUMNS} for m in e.matches]
    sentences = [{"start": s.start, "end": s.end, "n_tokens": s.n_tokens, "compound": s.compound,
                  "valences": [[w, v] for w, v in s.valences]} for s in e.sentiment]
    # as in score, an escaped id flags a row that was explained fine
    status = ID_ESCAPED if reader_status == ID_ESCAPED else "ok" if spans else "no_match"
    return {**record, "status": status, "language": e.scores.language,
            "sentiment_status": e.scores.sentiment_status, "spans": spans,
            "sentences": sentences, "_explanation": e}


def _records(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    # _chunks runs now, so file and column errors come before any output exists
    chunks = _chunks(args)
    from analysis.scale.cli_score import _score_kwargs

    kwargs = _score_kwargs(args)  # lexicons read once; a bad lexicon file is an InputError

    def generate() -> Iterator[dict[str, Any]]:
        for chunk in chunks:
            id_values = chunk.ids  # one --id-column at most here: a Series or None
            ids = id_values.tolist() if isinstance(id_values, pd.Series) else [None] * len(chunk)
            statuses = chunk.statuses or [None] * len(chunk)
            for k, (text, ident, reader) in enumerate(zip(chunk.texts, ids, statuses, strict=True)):
                yield explain_record(chunk.start + k, text, ident, reader_status=reader, **kwargs)

    return generate()


def _chunks(args: argparse.Namespace) -> Iterator[InputChunk]:
    if args.file is not None:
        if args.texts:
            raise InputError("give texts on the command line or --file, not both")
        # a hand-built Namespace may lack the option (it came in round 8)
        limit = getattr(args, "max_field_bytes", DEFAULT_MAX_FIELD_BYTES)
        return read_chunks(args.file, args.text_column, id_col=args.id_column,
                           chunk_size=args.chunk_size, encoding=args.encoding,
                           max_field_bytes=limit or None)
    if not args.texts:
        raise InputError("nothing to explain: give a TEXT or --file FILE")
    if args.id_column is not None:
        raise InputError("--id-column needs --file")
    return iter([InputChunk(0, list(args.texts), None)])


def span_rows(record: dict[str, Any], id_col: str | None) -> list[dict[str, Any]]:
    """Flat rows of one record: one per span, or one with empty span fields.

    Example:
        >>> span_rows({"input_row": 3, "status": "empty", "spans": []}, None)[0]["status"]
        'empty'
    """
    head: dict[str, Any] = {"input_row": record["input_row"]}
    if id_col is not None:
        head[id_col] = record.get("id")
    spans = record["spans"] or [dict.fromkeys(SPAN_COLUMNS)]
    return [{**head, "status": record["status"], **span} for span in spans]


def _frame(rows: list[dict[str, Any]], id_col: str | None) -> pd.DataFrame:
    cols = ["input_row", *([id_col] if id_col else []), "status", *SPAN_COLUMNS]
    frame = pd.DataFrame(rows, columns=cols)
    for c in ("start", "end"):
        frame[c] = frame[c].astype("Int64")
    frame["weight"] = frame["weight"].astype("float64")
    for c in ("surface", "dimension", "category", "term", "side", "rule", "note"):
        frame[c] = frame[c].astype("string")
    return frame


def _json_line(record: dict[str, Any]) -> str:
    public = {k: v for k, v in record.items() if not k.startswith("_")}
    return json.dumps(public, ensure_ascii=False, default=str)


def _write_table(records: Iterator[dict[str, Any]], args: argparse.Namespace, counts: Counter[str]) -> None:
    batch: list[dict[str, Any]] = []
    with AtomicOutput(args.output) as sink:
        for record in records:
            counts[record["status"]] += 1
            batch.extend(span_rows(record, args.id_column))
            if len(batch) >= args.chunk_size:
                sink.write(_frame(batch, args.id_column))
                batch = []
        if batch or sink.rows_written == 0:
            sink.write(_frame(batch, args.id_column))


def _write_jsonl(records: Iterator[dict[str, Any]], path: Path, counts: Counter[str]) -> None:
    with atomic_text_file(path) as fh:
        for record in records:
            counts[record["status"]] += 1
            fh.write(_json_line(record) + "\n")


def _print(records: Iterator[dict[str, Any]], fmt: str, out: IO[str], counts: Counter[str]) -> None:
    for record in records:
        counts[record["status"]] += 1
        if fmt == "json":
            print(_json_line(record), file=out)
            continue
        ident = f" id={record['id']}" if "id" in record else ""
        print(f"# row {record['input_row']}{ident}: {record['status']}", file=out)
        e = record.get("_explanation")
        if e is not None:
            print(str(e), file=out)
        print(file=out)


def explain_file(args: argparse.Namespace, out: IO[str] | None = None) -> Counter[str]:
    """Run ``explain`` as parsed in ``args``; return the number of rows per status.

    Example:
        >>> import io
        >>> parser = argparse.ArgumentParser()
        >>> add_arguments(parser)
        >>> out = io.StringIO()
        >>> explain_file(parser.parse_args(["They are idiots.", "Calm.", "--format", "json"]), out)
        Counter({'ok': 1, 'no_match': 1})
    """
    counts: Counter[str] = Counter()
    if args.chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, got {args.chunk_size}")
    fmt = detect_format(args.output, _OUTPUTS)[0] if args.output is not None else "stdout"
    same = args.output is not None and args.file is not None
    if same and Path(args.output).resolve() == Path(args.file).resolve():
        raise InputError(f"{args.output}: output would overwrite the input; choose another name")
    records = _records(args)
    if fmt == "stdout":
        _print(records, args.format, out or sys.stdout, counts)
    elif fmt == "jsonl":
        _write_jsonl(records, Path(args.output), counts)
    else:
        _write_table(records, args, counts)
    return counts


def run(args: argparse.Namespace) -> int:
    """Run the ``explain`` command; return the exit code (messages go to stderr)."""
    from analysis.scale.cli_score import run_command

    code, counts = run_command(lambda: explain_file(args), args.output)
    if code or counts is None:
        return code
    total = sum(counts.values())
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    where = f" to {args.output}" if args.output else ""
    print(f"explained {total} row(s){where}: {detail or 'none'}", file=sys.stderr)
    return 0
