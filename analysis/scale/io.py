"""Streaming readers and atomic writers for the ``score`` command.

Readers yield :class:`InputChunk` objects of at most ``chunk_size`` rows, so
memory stays flat whatever the file size.  Every record becomes exactly one
row, numbered ``input_row`` from 0 in file order; nothing is skipped, merged
or cut:

=======  ===================================================================
format   one row per
=======  ===================================================================
CSV      record (RFC 4180 quoting, strict: a quote that does not close a
         field properly is an error naming the line, never a merge)
TSV      line: tab-separated, no quoting, quotes are text (``quoting="csv"``
         reads it with CSV quoting instead)
JSONL    line holding one JSON object
TXT      line (a blank line is an empty statement)
Parquet  row
=======  ===================================================================

A CSV/TSV record whose field count differs from the header's, a header that
names the text or an id column twice, a JSONL line holding a JSON array (a
``.json`` file given as ``.jsonl``), or two equal keys for the text or an id
in one JSON object are errors naming the file and the line.  A blank line in
CSV, TSV or JSONL is a row without text (status ``missing``); a JSONL line
holding a number, string or null instead of an object is a row with status
``invalid``.

Rows are never dropped for their content; the reader sets a status instead
(:attr:`InputChunk.statuses`):

* ``too_long`` -- the text is over ``max_field_bytes`` UTF-8 bytes
  (:data:`DEFAULT_MAX_FIELD_BYTES`); it is not scored, so the engine's
  memory (about 20 times the text) stays bounded per row.  In plain text,
  CSV and TSV such a field is read in pieces and never held (the record's
  ids still are); a JSONL line or a Parquet row is read whole first.
* ``id_escaped`` -- an id held characters UTF-8 cannot store (lone
  surrogates, valid in JSON as ``"\\ud800"``).  The row is scored; the id is
  written backslash-escaped by :func:`escape_id` and :func:`unescape_id`
  gives the original back.

``.gz`` is read transparently for CSV, TSV, JSONL and TXT.  The text is
decoded (``encoding``, default UTF-8, byte-order mark dropped) before it is
split into lines, so UTF-16 works for every text format.  Problems with the
file itself raise :class:`InputError` whose message is one line naming the
file and, where it has one, the line.

Writers write to a temporary file beside the target and ``os.replace`` it
into place only when everything succeeded (:class:`AtomicOutput`).

Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.txt"
    >>> _ = p.write_text("One.\\n\\nTwo.\\n")
    >>> [(c.start, c.texts) for c in read_chunks(p, "text", chunk_size=2)]
    [(0, ['One.', '']), (2, ['Two.'])]
"""

from __future__ import annotations

import codecs
import csv
import gzip
import importlib.util
import io
import json
import os
import re
import signal
import stat
import tempfile
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, cast

import pandas as pd

INPUT_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".parquet": "parquet",
    ".pq": "parquet",
}
OUTPUT_FORMATS: dict[str, str] = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
_GZIP_OK = {"csv", "tsv", "jsonl", "txt"}
QUOTING: tuple[str, ...] = ("csv", "none")

#: Texts over this many UTF-8 bytes get status ``too_long`` and are not
#: scored.  The engine needs about 20 times a text's size while scoring it;
#: 8 MiB (a long book) keeps one row under ~200 MB and is far above any
#: news article or statement.
DEFAULT_MAX_FIELD_BYTES = 8 * 2**20
TOO_LONG = "too_long"
ID_ESCAPED = "id_escaped"
INVALID = "invalid"

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED = re.compile(r"\\(\\|u[0-9a-f]{4})")
_DECODE_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_INT_ID = re.compile(r"-?(?:0|[1-9][0-9]{0,18})")
# the csv module's own limit (128 KiB) would stop long texts with a parse
# error; size is checked per row against max_field_bytes instead.
_CSV_FIELD_LIMIT = 2**31 - 1


class InputError(ValueError):
    """A problem with the user's file or arguments; ``str()`` is one line."""


@dataclass(frozen=True)
class InputChunk:
    """Consecutive rows of an input file.

    Attributes:
        start: ``input_row`` of the first row (0-based).
        texts: raw text values, ``None`` where the record has none.
        id_frame: one column per id column (dtype kept from Parquet, text
            otherwise), or ``None`` when no id column was asked for.
        statuses: per row, the status the reader decided (``too_long``,
            ``id_escaped``, ``invalid``) or ``None``; ``None`` for the whole
            chunk when no row has one.
    """

    start: int
    texts: list[Any]
    id_frame: pd.DataFrame | None = None
    statuses: list[str | None] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def ids(self) -> pd.Series | pd.DataFrame | None:
        """The ids: a Series for one id column, the whole :attr:`id_frame` for several."""
        if self.id_frame is not None and len(self.id_frame.columns) == 1:
            return self.id_frame.iloc[:, 0]
        return self.id_frame


def escape_id(value: str) -> str:
    """Return ``value`` with backslashes doubled and lone surrogates as ``\\uXXXX``.

    Only ids that need it are escaped (their rows get status ``id_escaped``);
    :func:`unescape_id` reverses it exactly.

    Example:
        >>> escape_id("a\\ud800\\\\b")
        'a\\\\ud800\\\\\\\\b'
        >>> unescape_id(escape_id("a\\ud800\\\\b")) == "a\\ud800\\\\b"
        True
    """
    escaped = value.replace("\\", "\\\\")
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)


def unescape_id(value: str) -> str:
    """Invert :func:`escape_id` (for ids of rows with status ``id_escaped``).

    Example:
        >>> unescape_id("x\\\\udc80") == "x\\udc80"
        True
    """
    return _ESCAPED.sub(lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), value)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def detect_format(path: str | os.PathLike[str], table: dict[str, str]) -> tuple[str, bool]:
    """Return ``(format, gzipped)`` from the file name, or raise :class:`InputError`.

    Example:
        >>> detect_format("a/b.jsonl.gz", INPUT_FORMATS)
        ('jsonl', True)
    """
    suffixes = [s.lower() for s in Path(path).suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    ext = suffixes[-2] if gz and len(suffixes) >= 2 else (suffixes[-1] if suffixes and not gz else "")
    fmt = table.get(ext)
    if fmt is None or (gz and fmt not in _GZIP_OK):
        known = ", ".join(sorted(table))
        known += " (.gz for csv/tsv/jsonl/txt)" if table is INPUT_FORMATS else " (.csv.gz)"
        raise InputError(f"{path}: unsupported file type {''.join(suffixes) or '(none)'}; use {known}")
    if gz and table is OUTPUT_FORMATS and fmt != "csv":
        raise InputError(f"{path}: only CSV output can be gzipped")
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        # pyarrow is an optional dependency: say so before any reading or writing
        raise InputError(f"{path}: Parquet needs the pyarrow package: pip install pyarrow "
                         "(or pip install 'rhetoric-analysis[parquet]')")
    return fmt, gz


def _open_binary(path: Path, gz: bool) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb") if gz else open(path, "rb"))


def _codec(encoding: str) -> str:
    # A UTF-8 byte-order mark at the start of a file is not part of the text.
    return "utf-8-sig" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding


def _text_stream(path: Path, gz: bool, encoding: str, newline: str, errors: str = "strict") -> IO[str]:
    # Decode first, split lines after: UTF-16 has NUL bytes around "\n".
    return io.TextIOWrapper(_open_binary(path, gz), encoding=_codec(encoding), errors=errors, newline=newline)


def find_undecodable_line(path: Path, gz: bool, encoding: str) -> tuple[int, str] | None:
    """Return ``(line_number, reason)`` of the first line ``encoding`` cannot decode.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
        >>> _ = p.write_bytes(b"fine\\nbad \\xff byte\\n")
        >>> find_undecodable_line(p, False, "utf-8")
        (2, 'byte 0xff at column 5')
    """
    try:
        # surrogateescape turns each undecodable byte into U+DC80..U+DCFF,
        # which strict decoding never produces, so the first one marks the spot.
        with _text_stream(path, gz, encoding, "\n", errors="surrogateescape") as fh:
            for number, line in enumerate(fh, start=1):
                bad = _DECODE_ESCAPED_BYTE.search(line)
                if bad:
                    return number, f"byte 0x{ord(bad.group()) - 0xDC00:02x} at column {bad.start() + 1}"
    except (UnicodeError, OSError, EOFError, zlib.error):
        return None
    return None


def _decode_error(path: Path, gz: bool, encoding: str) -> InputError:
    found = find_undecodable_line(path, gz, encoding)
    if found is None:
        return InputError(f"{path}: not valid {encoding}; pass --encoding")
    line, reason = found
    return InputError(f"{path}: line {line}: not valid {encoding} ({reason}); pass --encoding")


def _lines(path: Path, gz: bool, encoding: str, newline: str) -> Iterator[str]:
    """Decoded physical lines, file errors as :class:`InputError`."""
    with _file_errors(path, gz, encoding), _text_stream(path, gz, encoding, newline) as fh:
        yield from fh


def _capped_lines(path: Path, gz: bool, encoding: str, cap: int | None) -> Iterator[str | None]:
    """Lines split on ``\\n``; a line of more than ``cap`` characters is read in
    pieces, thrown away, and ``None`` yielded for it."""
    with _file_errors(path, gz, encoding), _text_stream(path, gz, encoding, "\n") as fh:
        tape = _Tape(fh, cap, crlf=False)
        while True:
            try:
                line = next(tape)
            except StopIteration:
                return
            except _LongLine:
                while (more := tape.readline()) and not more.endswith("\n"):
                    pass
                yield None
                continue
            yield line


def _chomp(line: str) -> str:
    if line.endswith("\n"):
        line = line[:-1]
    return line[:-1] if line.endswith("\r") else line


def _too_long(text: Any, max_bytes: int | None) -> bool:
    # a character is at most 4 bytes: most texts skip the encoding
    return (
        max_bytes is not None
        and isinstance(text, str)
        and len(text) * 4 > max_bytes
        and len(text.encode("utf-8", "surrogatepass")) > max_bytes
    )


class _Rows:
    """Collects rows into chunks and applies the per-row checks (size, ids)."""

    def __init__(self, id_cols: Sequence[str], chunk_size: int, max_field_bytes: int | None) -> None:
        self.id_cols = list(id_cols)
        self.chunk_size = chunk_size
        self.max_bytes = max_field_bytes
        self.start = 0
        self._reset()

    def _reset(self) -> None:
        self.texts: list[Any] = []
        self.ids: list[list[Any]] = [[] for _ in self.id_cols]
        self.statuses: list[str | None] = []
        self.flagged = False

    def add(self, text: Any, ids: Sequence[Any] = (), status: str | None = None) -> InputChunk | None:
        """Add one row; return a full chunk when there is one."""
        if status is None and _too_long(text, self.max_bytes):
            text, status = None, TOO_LONG
        for column, value in zip(self.ids, ids or [None] * len(self.id_cols)):
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                value = escape_id(value)
                status = status or ID_ESCAPED
            column.append(value)
        self.texts.append(text)
        self.statuses.append(status)
        self.flagged = self.flagged or status is not None
        return self.flush() if len(self.texts) >= self.chunk_size else None

    def flush(self) -> InputChunk | None:
        """Return the rows collected so far as a chunk (``None`` if there are none)."""
        if not self.texts:
            return None
        ids = None
        if self.id_cols:
            ids = pd.DataFrame({c: pd.Series(v, dtype="str") for c, v in zip(self.id_cols, self.ids)})
        chunk = InputChunk(self.start, self.texts, ids, self.statuses if self.flagged else None)
        self.start += len(self.texts)
        self._reset()
        return chunk


def _missing_column(path: Path, what: str, name: str, available: Sequence[str]) -> InputError:
    listing = ", ".join(repr(c) for c in available) or "(none)"
    return InputError(f"{path}: {what} {name!r} not found; available columns: {listing}{_delimiter_hint(available)}")


def _delimiter_hint(header: Sequence[str]) -> str:
    """A hint when a one-column header is really split by another delimiter.

    European Excel saves "CSV" with ``;`` between fields; read as commas, the
    whole header is one column.

    Example:
        >>> _delimiter_hint(["id;text"])
        "; the header looks ';'-delimited (European Excel): save it as comma-separated CSV or as TSV"
        >>> _delimiter_hint(["id", "text"])
        ''
    """
    if len(header) != 1:
        return ""
    hints = ((";", "';'-delimited (European Excel): save it as comma-separated CSV or as TSV"),
             ("\t", "tab-delimited: name the file .tsv"),
             (",", "comma-delimited: name the file .csv"),
             ("|", "'|'-delimited: save it as comma-separated CSV or as TSV"))
    return next((f"; the header looks {hint}" for sep, hint in hints if sep in header[0]), "")


def _check_columns(path: Path, columns: Sequence[str], text_col: str, id_cols: Sequence[str]) -> None:
    wanted = [("text column", text_col)] + [("id column", c) for c in id_cols]
    for what, name in wanted:
        if name not in columns:
            raise _missing_column(path, what, name, columns)
        if columns.count(name) > 1:
            where = ", ".join(str(i + 1) for i, c in enumerate(columns) if c == name)
            raise InputError(
                f"{path}: the header names {what} {name!r} more than once (columns {where}); "
                "rename the duplicates so it is clear which one to use"
            )


def _read_txt(path: Path, gz: bool, opts: _Options) -> Iterator[InputChunk]:
    if opts.id_cols:
        raise InputError(f"{path}: --id-column does not apply to plain text (one statement per line)")
    rows = _Rows((), opts.chunk_size, opts.max_field_bytes)
    for line in _capped_lines(path, gz, opts.encoding, opts.max_field_bytes):
        chunk = rows.add(None, status=TOO_LONG) if line is None else rows.add(_chomp(line))
        if chunk is not None:
            yield chunk
    if (chunk := rows.flush()) is not None:
        yield chunk


_BLANK = object()


def _json_array_error(path: Path, number: int) -> InputError:
    return InputError(
        f"{path}: line {number}: a JSON array, but JSONL needs one JSON object per line "
        "(for a .json array file, convert it first, e.g. jq -c '.[]' in.json > in.jsonl)"
    )


def _parse_json_line(path: Path, number: int, line: str, keys: Sequence[str]) -> Any:
    if not line.strip():
        return _BLANK
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        if line.lstrip().startswith("["):
            raise _json_array_error(path, number) from None
        raise InputError(f"{path}: line {number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    if isinstance(record, list):
        raise _json_array_error(path, number)
    # json.loads keeps the last of two equal keys; a cheap text test decides
    # whether the slow pairwise parse is needed at all.
    if isinstance(record, dict) and any(line.count(f'"{k}"') > 1 for k in keys):
        top = json.loads(line, object_pairs_hook=lambda pairs: pairs)
        names = [k for k, _ in top]
        for key in keys:
            if names.count(key) > 1:
                raise InputError(
                    f"{path}: line {number}: key {key!r} appears {names.count(key)} times in one object; "
                    "which value is meant is unclear"
                )
    return record


def _json_id(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _read_jsonl(path: Path, gz: bool, opts: _Options) -> Iterator[InputChunk]:
    rows = _Rows(opts.id_cols, opts.chunk_size, opts.max_field_bytes)
    keys = [opts.text_col, *opts.id_cols]
    checked = False
    for number, line in enumerate(_lines(path, gz, opts.encoding, "\n"), start=1):
        record = _parse_json_line(path, number, line, keys)
        if record is _BLANK:
            chunk = rows.add(None)
        elif not isinstance(record, dict):
            chunk = rows.add(None, status=INVALID)
        else:
            if not checked:
                # The first record stands for the file's schema; later records
                # missing the field become rows with a 'missing' status.
                for what, name in [("text column", opts.text_col)] + [("id column", c) for c in opts.id_cols]:
                    if name not in record:
                        raise _missing_column(path, f"{what} (line {number})", name, list(record))
                checked = True
            chunk = rows.add(record.get(opts.text_col), [_json_id(record.get(c)) for c in opts.id_cols])
        if chunk is not None:
            yield chunk
    if (chunk := rows.flush()) is not None:
        yield chunk


def _csv_problem(path: Path, start: int, end: int, exc: csv.Error, hint: str) -> InputError:
    reason = str(exc).replace("\t", "\\t")
    if "unexpected end of data" in reason:
        what = f"a quoted field in the record starting on this line is never closed (end of file at line {end})"
    elif "expected after" in reason:
        what = f"a quote in the record starting on this line does not end its field (line {end}: {reason})"
    else:
        what = f"line {end}: {reason}"
    return InputError(
        f"{path}: line {start}: malformed CSV: {what}; a quoted field must end with a quote, "
        f"with inner quotes doubled (\"\"){hint}"
    )


#: Stands for a field over its size limit (read in pieces, never held).
_OVER = object()


class _LongLine(Exception):  # noqa: N818 - a signal, not an error
    """A physical line over the cap; ``piece`` is its first part."""

    def __init__(self, piece: str) -> None:
        super().__init__("line over the cap")
        self.piece = piece


class _Tape:
    """Physical lines (terminators kept) read with at most ``cap + 2`` characters
    at a time; a longer line raises :class:`_LongLine` instead of being held."""

    def __init__(self, fh: IO[str], cap: int | None, crlf: bool, hold: bool = False) -> None:
        self.fh = fh
        self.hold = hold  # keep the lines of the record csv is reading
        self.limit = -1 if cap is None else cap + 2  # + 2: room for "\r\n"
        self.crlf = crlf  # "\r" ends lines too (csv), not only "\n" (tsv)
        self.carry = ""
        self.number = 0  # lines handed out or scanned
        self.held: list[str] = []

    def readline(self) -> str:
        """The next line or piece of a line ('' at the end of the file)."""
        head, self.carry = self.carry, ""
        if head == "\n":
            return head
        if head == "\r":
            line = head
        else:
            line = head + self.fh.readline(self.limit - len(head) if self.limit > 0 else -1)
        if self.crlf and line.endswith("\r") and self.limit > 0:
            # a size-limited readline may stop between "\r" and "\n"
            nxt = self.fh.readline(1)
            if nxt == "\n":
                line += nxt
            else:
                self.carry = nxt
        return line

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        if self.limit > 0 and len(line) >= self.limit and not self.ends_line(line):
            raise _LongLine(line)
        self.number += 1
        if self.hold:
            self.held.append(line)
        return line

    def ends_line(self, piece: str) -> bool:
        return piece.endswith("\n") or (self.crlf and piece.endswith("\r"))


class _Scanner:
    """Splits one record fed in pieces, keeping only the wanted fields.

    Follows csv's strict dialect (``quoted``) or a plain split on ``sep``;
    ``keep`` maps a field's position to its size limit in bytes (``None``: no
    limit), or is ``None`` to keep every field.  A field over its limit becomes
    :data:`_OVER` and is not held, so memory stays bounded by the limits.
    """

    def __init__(self, sep: str, quoted: bool, keep: dict[int, int | None] | None) -> None:
        self.sep, self.quoted, self.keep = sep, quoted, keep
        self.stop = re.compile("[" + re.escape(sep) + ("\r\n" if quoted else "\n") + "]")
        self.fields: list[Any] = []
        self.parts: list[str] = []
        self.size = 0
        self.over = False
        self.at_start, self.in_quotes, self.quote_pending, self.after_close = True, False, False, False
        self.done = False

    def _limit(self) -> tuple[bool, int | None]:
        if self.keep is None:
            return True, None
        i = len(self.fields)
        return (i in self.keep), self.keep.get(i)

    def _add(self, text: str) -> None:
        wanted, limit = self._limit()
        if not wanted or self.over or not text:
            return
        self.size += len(text)
        if limit is not None and self.size > limit:  # more characters than bytes allowed
            self.over, self.parts = True, []
        else:
            self.parts.append(text)

    def _end_field(self, at_line_end: bool = False) -> None:
        wanted, limit = self._limit()
        value: Any = None
        if wanted:
            value = _OVER if self.over else "".join(self.parts)
            if at_line_end and not self.quoted and isinstance(value, str) and value.endswith("\r"):
                value = value[:-1]
            if value is not _OVER and _too_long(value, limit):
                value = _OVER
        self.fields.append(value)
        self.parts, self.size, self.over = [], 0, False
        self.at_start, self.after_close = True, False

    def feed(self, piece: str) -> None:
        """Consume ``piece``; sets :attr:`done` at the record's end.

        Raises:
            csv.Error: text after a closing quote (as csv's strict mode).
        """
        i, n = 0, len(piece)
        while i < n and not self.done:
            if self.in_quotes:
                if self.quote_pending:
                    self.quote_pending = False
                    if piece[i] == '"':
                        self._add('"')
                        i += 1
                    else:
                        self.in_quotes, self.after_close = False, True
                    continue
                j = piece.find('"', i)
                self._add(piece[i:] if j < 0 else piece[i:j])
                i, self.quote_pending = (n, False) if j < 0 else (j + 1, True)
                continue
            if self.at_start:
                self.at_start = False
                if self.quoted and piece[i] == '"':
                    self.in_quotes = True
                    i += 1
                    continue
            m = self.stop.search(piece, i)
            end = n if m is None else m.start()
            if self.after_close and end > i:
                raise csv.Error(f"'{self.sep}' expected after '\"'")
            self._add(piece[i:end])
            i = end if m is None else end + 1
            if m is not None:
                if piece[end] == self.sep:
                    self._end_field()
                else:
                    self._end_field(at_line_end=True)
                    self.done = True

    def finish(self) -> list[Any]:
        """The fields, at the end of the file (raises csv.Error inside an open quote)."""
        if not self.done:
            if self.in_quotes and not self.quote_pending:
                raise csv.Error("unexpected end of data")
            self._end_field(at_line_end=True)
            self.done = True
        return self.fields


def _scan_long(tape: _Tape, first: list[str], scanner: _Scanner) -> list[Any]:
    """Finish reading a record with ``scanner``: ``first`` pieces, then the tape's."""
    for piece in first:
        scanner.feed(piece)
    while not scanner.done:
        piece = tape.readline()
        if not piece:
            return scanner.finish()
        if tape.ends_line(piece):
            tape.number += 1
        scanner.feed(piece)
    return scanner.fields


@contextmanager
def _file_errors(path: Path, gz: bool, encoding: str) -> Iterator[None]:
    """Turn decoding and gzip errors raised while reading into :class:`InputError`."""
    try:
        yield
    except UnicodeDecodeError:
        raise _decode_error(path, gz, encoding) from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"{path}: not a complete gzip file ({_one_line(exc)})") from None


class _Keep:
    """Which fields a long record keeps: position -> byte limit (``None``: all, before the header)."""

    fields: dict[int, int | None] | None = None


def _scan(tape: _Tape, first: list[str], sep: str, quoted: bool, keep: _Keep) -> list[Any]:
    return _scan_long(tape, first, _Scanner(sep, quoted, keep.fields))


def _scan_quoted(path: Path, tape: _Tape, first: list[str], start: int, hint: str, sep: str, keep: _Keep) -> list[Any]:
    try:
        return _scan(tape, first, sep, True, keep)
    except csv.Error as exc:
        raise _csv_problem(path, start, tape.number, exc, hint) from None


def _quoted_records(
    path: Path, tape: _Tape, sep: str, hint: str, cap: int | None, keep: _Keep
) -> Iterator[tuple[int, list[Any]]]:
    # strict: a stray quote is an error, not a field that swallows the next rows
    reader = csv.reader(tape, delimiter=sep, quotechar='"', strict=True)
    while True:
        start = tape.number + 1
        tape.held = []
        # csv's own field limit (a process-wide setting, restored at once)
        # stops a long field made of many short lines; see _Scanner
        previous = csv.field_size_limit(_CSV_FIELD_LIMIT if cap is None else cap)
        try:
            fields: list[Any] = next(reader)
        except StopIteration:
            return
        except _LongLine as long:
            fields = _scan_quoted(path, tape, [*tape.held, long.piece], start, hint, sep, keep)
        except csv.Error as exc:
            if "field larger than field limit" not in str(exc):
                raise _csv_problem(path, start, tape.number, exc, hint) from None
            fields = _scan_quoted(path, tape, tape.held, start, hint, sep, keep)
        finally:
            csv.field_size_limit(previous)
        yield start, fields


def _plain_records(tape: _Tape, sep: str, keep: _Keep) -> Iterator[tuple[int, list[Any]]]:
    while True:
        start = tape.number + 1
        tape.held = []
        try:
            line = next(tape)
        except StopIteration:
            return
        except _LongLine as long:
            yield start, _scan(tape, [long.piece], sep, False, keep)
            continue
        text = _chomp(line)
        yield start, text.split(sep) if text else []


def _delimited_records(
    path: Path, gz: bool, sep: str, quoted: bool, opts: _Options, hint: str, keep: _Keep
) -> Iterator[tuple[int, list[Any]]]:
    cap = opts.max_field_bytes
    with _file_errors(path, gz, opts.encoding), _text_stream(path, gz, opts.encoding, "" if quoted else "\n") as fh:
        tape = _Tape(fh, cap, crlf=quoted, hold=quoted)
        if quoted:
            yield from _quoted_records(path, tape, sep, hint, cap, keep)
        else:
            yield from _plain_records(tape, sep, keep)


def _read_delimited(path: Path, gz: bool, fmt: str, opts: _Options) -> Iterator[InputChunk]:
    sep = "," if fmt == "csv" else "\t"
    quoting = opts.quoting or ("csv" if fmt == "csv" else "none")
    hint = "; or read it without quoting: drop --quoting csv" if quoting == "csv" and fmt == "tsv" else ""
    keep = _Keep()
    records = _delimited_records(path, gz, sep, quoting == "csv", opts, hint, keep)
    first = next(records, None)
    if first is None or not first[1]:
        raise InputError(f"{path}: empty file, no header row")
    header = [str(h) for h in first[1]]
    _check_columns(path, header, opts.text_col, opts.id_cols)
    text_at = header.index(opts.text_col)
    id_at = [header.index(c) for c in opts.id_cols]
    keep.fields = {i: None for i in id_at}
    if text_at not in keep.fields:  # a text that is also an id is kept whole
        keep.fields[text_at] = opts.max_field_bytes
    rows = _Rows(opts.id_cols, opts.chunk_size, opts.max_field_bytes)
    if quoting == "none":
        hint = f"a {'comma' if sep == ',' else 'tab'} inside a text? quote the file's fields and pass --quoting csv"
    else:
        hint = f"an unquoted {'comma' if sep == ',' else 'tab'} inside a text? put the field in quotes"
    for line, fields in records:
        if not fields:
            chunk = rows.add(None)
        elif len(fields) != len(header):
            raise InputError(
                f"{path}: line {line}: {len(fields)} fields, but the header has {len(header)} "
                f"({hint}); nothing is cut or padded"
            )
        elif fields[text_at] is _OVER:
            chunk = rows.add(None, [fields[i] for i in id_at], status=TOO_LONG)
        else:
            chunk = rows.add(fields[text_at], [fields[i] for i in id_at])
        if chunk is not None:
            yield chunk
    if (chunk := rows.flush()) is not None:
        yield chunk


def _size_statuses(texts: list[Any], max_bytes: int | None) -> list[str | None] | None:
    if max_bytes is None:
        return None
    statuses: list[str | None] = [None] * len(texts)
    for i, text in enumerate(texts):
        if _too_long(text, max_bytes):
            texts[i], statuses[i] = None, TOO_LONG
    return statuses if any(statuses) else None


def _read_parquet(path: Path, opts: _Options) -> Iterator[InputChunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pfile = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({_one_line(exc)})") from None
    columns = list(pfile.schema_arrow.names)
    _check_columns(path, columns, opts.text_col, opts.id_cols)
    wanted = list(dict.fromkeys([opts.text_col, *opts.id_cols]))
    start = 0
    try:
        for batch in pfile.iter_batches(batch_size=opts.chunk_size, columns=wanted):
            ids = None
            if opts.id_cols:
                ids = pd.DataFrame(
                    {c: batch.column(c).to_pandas(types_mapper=pd.ArrowDtype) for c in opts.id_cols}
                )
            texts = batch.column(opts.text_col).to_pylist()
            yield InputChunk(start, texts, ids, _size_statuses(texts, opts.max_field_bytes))
            start += batch.num_rows
    except (pa.ArrowException, OSError) as exc:
        # pyarrow reports a damaged page as a bare OSError with a thrift dump
        raise InputError(f"{path}: corrupt Parquet data ({_one_line(exc)})") from None


@dataclass(frozen=True)
class _Options:
    text_col: str
    id_cols: tuple[str, ...]
    chunk_size: int
    encoding: str
    quoting: str | None
    max_field_bytes: int | None


def _options(
    text_col: str,
    id_col: str | Sequence[str] | None,
    chunk_size: int,
    encoding: str,
    quoting: str | None,
    max_field_bytes: int | None,
) -> _Options:
    id_cols = () if id_col is None else (id_col,) if isinstance(id_col, str) else tuple(id_col)
    for name in id_cols:
        if id_cols.count(name) > 1:
            raise InputError(f"id column {name!r} is given more than once")
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, got {chunk_size}")
    if max_field_bytes is not None and max_field_bytes < 1:
        raise InputError(f"max field bytes must be at least 1, got {max_field_bytes}")
    if quoting is not None and quoting not in QUOTING:
        raise InputError(f"quoting must be one of {', '.join(QUOTING)}, got {quoting!r}")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    return _Options(text_col, id_cols, chunk_size, encoding, quoting, max_field_bytes)


def read_chunks(
    path: str | os.PathLike[str],
    text_col: str = "text",
    *,
    id_col: str | Sequence[str] | None = None,
    chunk_size: int = 5000,
    encoding: str = "utf-8",
    quoting: str | None = None,
    max_field_bytes: int | None = DEFAULT_MAX_FIELD_BYTES,
) -> Iterator[InputChunk]:
    """Stream ``path`` as chunks of raw text values (and ids), in file order.

    The file type comes from the extension (see the module docstring).
    ``id_col`` names one id column or several; ``quoting`` (``"csv"`` or
    ``"none"``) overrides the CSV/TSV default; ``max_field_bytes=None``
    scores texts of any size.  The file's existence, type and columns are
    checked before the first chunk is returned; decoding and record errors
    surface while iterating.  Either way the error is an :class:`InputError`
    with a one-line message.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
        >>> _ = p.write_text("id,text\\n7,Hello.\\n8,\\n")
        >>> c = next(read_chunks(p, "text", id_col="id"))
        >>> c.texts, c.ids.tolist()
        (['Hello.', ''], ['7', '8'])
    """
    path = Path(path)
    opts = _options(text_col, id_col, chunk_size, encoding, quoting, max_field_bytes)
    fmt, gz = detect_format(path, INPUT_FORMATS)
    if quoting is not None and fmt not in {"csv", "tsv"}:
        raise InputError(f"{path}: --quoting applies to CSV and TSV files only")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    if fmt == "parquet":
        chunks = _read_parquet(path, opts)
    elif fmt in {"csv", "tsv"}:
        chunks = _read_delimited(path, gz, fmt, opts)
    elif fmt == "jsonl":
        chunks = _read_jsonl(path, gz, opts)
    else:
        chunks = _read_txt(path, gz, opts)
    return _checked_first(chunks)


def _checked_first(chunks: Iterator[InputChunk]) -> Iterator[InputChunk]:
    # Run the generator up to its first chunk now, so header and column errors
    # are raised before any output file is created.
    try:
        first = next(chunks)
    except StopIteration:
        return iter(())

    def rest() -> Iterator[InputChunk]:
        yield first
        yield from chunks

    return rest()


def count_rows(path: str | os.PathLike[str]) -> int | None:
    """Return the number of rows when it is known without reading the data (Parquet).

    Example:
        >>> count_rows("statements.csv") is None
        True
    """
    if detect_format(path, INPUT_FORMATS)[0] != "parquet":
        return None
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:  # noqa: BLE001 - a progress total is optional
        return None


def _is_int64_text(values: pd.Series) -> bool:
    if not values.str.fullmatch(_INT_ID.pattern).all():
        return False
    long = values[values.str.len() >= 19]
    return all(-(2**63) <= int(v) < 2**63 for v in long)


def integer_id_columns(chunks: Iterable[InputChunk]) -> list[str]:
    """Id columns whose every non-missing value is an integer written plainly.

    "Plainly": optional ``-``, no leading zeros or spaces, within int64, so
    that converting to an integer and back gives the same text.  Empty ids
    count as missing (they become nulls).  Columns of
    Parquet ids (already typed) and columns with no value at all are left out.

    Example:
        >>> ids = pd.DataFrame({"a": ["1", "-20", None], "b": ["1", "007", "3"]}, dtype="str")
        >>> integer_id_columns([InputChunk(0, ["x", "y", "z"], ids)])
        ['a']
    """
    candidates: dict[str, bool] | None = None  # column -> seen a value
    for chunk in chunks:
        frame = chunk.id_frame
        if frame is None:
            return []
        if candidates is None:
            candidates = {c: False for c in frame.columns if pd.api.types.is_string_dtype(frame[c])}
        for column in list(candidates):
            # CSV cannot tell an empty id from a missing one: both are missing
            values = frame[column].replace("", None).dropna()
            if len(values) and not _is_int64_text(values.astype("str")):
                del candidates[column]
            elif len(values):
                candidates[column] = True
        if not candidates:
            return []
    return [c for c, seen in (candidates or {}).items() if seen]


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to text cells that a spreadsheet would run as a formula.

    Only text columns change (numbers such as ``-0.5`` stay numbers); the
    original value is the cell without its first character.

    Example:
        >>> spreadsheet_safe(pd.DataFrame({"id": ["=1+1", "a"], "x": [-1, 2]}))["id"].tolist()
        ["'=1+1", 'a']
    """
    out = frame.copy(deep=False)
    for name in out.columns:
        column = out[name]
        if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            risky = column.astype("str").str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
            if risky.any():
                column = column.astype("object").copy()
                column[risky] = "'" + column[risky].astype("str")
                out[name] = column
    return out


def check_output_path(output: str | os.PathLike[str], source: str | os.PathLike[str], *,
                      no_clobber: bool = False) -> None:
    """Raise :class:`InputError` for an output of an unknown type, the input itself, or an
    existing file under ``no_clobber``: checked before any reading (``score``, ``extract``).

    Example:
        >>> check_output_path("in.csv", "./in.csv")
        Traceback (most recent call last):
        ...
        analysis.scale.io.InputError: in.csv: output would overwrite the input; choose another name
    """
    detect_format(output, OUTPUT_FORMATS)
    if Path(output).resolve() == Path(source).resolve():
        raise InputError(f"{output}: output would overwrite the input; choose another name")
    if no_clobber and Path(output).exists():
        raise InputError(f"{output}: already exists (--no-clobber); remove it or choose another name")


def readable_nested_columns(schema: Any) -> Any:
    """``schema`` with its pandas metadata naming nested Arrow columns (lists, structs) as ``object``.

    A list or struct column read from Parquet input (``pd.ArrowDtype``) is
    recorded as e.g. ``list<element: int64>[pyarrow]``, a dtype string pandas
    cannot parse back, so ``pd.read_parquet`` of the output failed; as
    ``object`` pandas reads the values as arrays and dicts (Arrow readers see
    the same column either way).

    Example:
        >>> import pyarrow as pa
        >>> df = pd.DataFrame({"tags": pd.Series([[1, 2]], dtype=pd.ArrowDtype(pa.list_(pa.int64())))})
        >>> fixed = readable_nested_columns(pa.Table.from_pandas(df, preserve_index=False).schema)
        >>> json.loads(fixed.metadata[b"pandas"])["columns"][0]["numpy_type"]
        'object'
    """
    import pyarrow as pa

    raw = (schema.metadata or {}).get(b"pandas")
    if raw is None:
        return schema
    meta = json.loads(raw)
    nested = {f.name for f in schema if pa.types.is_nested(f.type)}
    for column in meta.get("columns", []):
        if column.get("name") in nested and str(column.get("numpy_type", "")).endswith("[pyarrow]"):
            column["numpy_type"] = "object"
    return schema.with_metadata({**schema.metadata, b"pandas": json.dumps(meta).encode()})


@contextmanager
def _stop_signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a few statements, then handle the first one that came.

    A Ctrl-C between creating the temporary file and storing its name would
    leave the file behind (``__exit__`` does not run when ``__enter__``
    raises).  Masking the signals is not enough: pyarrow's threads would take
    them.  Python handlers can only be set in the main thread; elsewhere this
    does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[tuple[signal.Signals, Any]] = []
    previous = {s: signal.signal(s, lambda signum, frame: came.append((signal.Signals(signum), frame))) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if came:
            signum, frame = came[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def make_part_file(path: Path, parent: Path) -> tuple[int, str]:
    """Create the hidden temporary file ``path`` is written to, in ``parent``.

    A directory that cannot take a new file (read-only, not ours) is an
    :class:`InputError` naming the output, not the temporary ``.part`` name.

    Example:
        >>> import tempfile
        >>> not_a_dir = Path(tempfile.mkstemp()[1])
        >>> try:
        ...     make_part_file(not_a_dir / "out.csv", not_a_dir)
        ... except InputError as exc:
        ...     print(str(exc).replace(str(not_a_dir), "F"))
        F/out.csv: cannot create a file in F (Not a directory); choose a writable directory
    """
    try:
        return tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:  # read-only, not ours, full: the directory, not the .part name, is the news
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"{path}: cannot create a file in {parent} ({reason}); choose a writable directory") from None


@contextmanager
def atomic_text_file(path: Path, mode: int = 0o644) -> Iterator[IO[str]]:
    """A UTF-8 text handle whose file appears at ``path`` only when the block ends normally.

    The same protocol as :class:`AtomicOutput`, for writers that are not a
    DataFrame (JSON lines): a hidden ``.part`` file in the target's directory
    (:func:`make_part_file`, with stop signals held back while it is made),
    given ``mode`` and moved into place; on any exception, ``KeyboardInterrupt``
    included, it is removed and an existing target is left as it was.

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "o.jsonl"
        >>> with atomic_text_file(out) as fh:
        ...     _ = fh.write("{}\\n")
        ...     out.exists()
        False
        >>> out.read_text()
        '{}\\n'
    """
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{path}: output directory {parent} does not exist")
    tmp: str | None = None
    try:
        with _stop_signals_deferred():  # as AtomicOutput: no signal before the name is kept
            fd, tmp = make_part_file(path, parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


class AtomicOutput:
    """Write DataFrames to CSV or Parquet; the file appears only on success.

    Rows go to a hidden temporary file in the target's directory, which is
    moved into place with ``os.replace`` when the block exits normally.  On
    any exception, including ``KeyboardInterrupt``, the temporary file is
    removed and an existing target is left untouched.

    Overwriting: the new file takes the old one's permission bits (a new file
    gets the umask's).  It is a new file, so other hard links to the old one
    keep the old contents; a symbolic link is followed and the file it points
    to is replaced.  ``no_clobber=True`` refuses an existing target, also
    one that appears while writing.  ``safe_for_spreadsheets=True`` applies
    :func:`spreadsheet_safe` to CSV output.

    Example:
        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "o.csv"
        >>> with AtomicOutput(out) as sink:
        ...     sink.write(pd.DataFrame({"a": [1]}))
        ...     out.exists()
        False
        >>> out.read_text()
        'a\\n1\\n'
    """

    def __init__(
        self, path: str | os.PathLike[str], *, no_clobber: bool = False, safe_for_spreadsheets: bool = False
    ) -> None:
        self.path = Path(path)
        self.format, self.gzipped = detect_format(self.path, OUTPUT_FORMATS)
        if self.path.is_symlink():
            self.path = Path(os.path.realpath(self.path))
        self.no_clobber = no_clobber
        self.safe_for_spreadsheets = safe_for_spreadsheets and self.format == "csv"
        self.tmp_path: Path | None = None
        self._fh: IO[Any] | None = None
        self._raw: IO[bytes] | None = None
        self._writer: Any = None
        self._schema: Any = None
        self.rows_written = 0

    def __enter__(self) -> AtomicOutput:
        parent = self.path.parent if str(self.path.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"{self.path}: output directory {parent} does not exist")
        if self.path.exists() and self.no_clobber:
            raise InputError(f"{self.path}: already exists (--no-clobber); remove it or choose another name")
        if self.path.is_dir():
            raise InputError(f"{self.path}: is a directory, expected a file name")
        try:
            with _stop_signals_deferred():  # none between making the file and keeping its name
                fd, tmp = make_part_file(self.path, parent)
                self.tmp_path = Path(tmp)
            os.close(fd)
            os.chmod(tmp, self._mode())
        except BaseException:
            if self.tmp_path is not None:
                self.tmp_path.unlink(missing_ok=True)
            raise
        return self

    def _mode(self) -> int:
        # mkstemp makes the file private (0600): keep an existing output's
        # permissions, else give what any new file would get.
        try:
            return stat.S_IMODE(self.path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask

    def write(self, frame: pd.DataFrame) -> None:
        """Append ``frame``'s rows (the first call fixes the columns)."""
        assert self.tmp_path is not None, "use AtomicOutput as a context manager"
        if self.format == "csv":
            self._write_csv(spreadsheet_safe(frame) if self.safe_for_spreadsheets else frame)
        else:
            self._write_parquet(frame)
        self.rows_written += len(frame)

    def _write_csv(self, frame: pd.DataFrame) -> None:
        first = self._fh is None
        if self._fh is None:
            assert self.tmp_path is not None
            if self.gzipped:
                self._raw = open(self.tmp_path, "wb")  # noqa: SIM115 - closed in _close
                # mtime=0 keeps the bytes reproducible run to run
                self._fh = io.TextIOWrapper(
                    gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0),
                    encoding="utf-8",
                    newline="",
                )
            else:
                self._fh = open(self.tmp_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        frame.to_csv(self._fh, header=first, index=False, lineterminator="\n")

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self._schema = readable_nested_columns(table.schema)
            self._writer = pq.ParquetWriter(self.tmp_path, self._schema)
        table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        self._writer.write_table(table)

    def _close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    def _commit(self) -> None:
        assert self.tmp_path is not None
        if not self.no_clobber:
            os.replace(self.tmp_path, self.path)
            return
        try:
            # link() fails if the name exists: no window in which another
            # process's new file could be replaced
            os.link(self.tmp_path, self.path)
        except FileExistsError:
            raise InputError(f"{self.path}: appeared while scoring (--no-clobber); not replaced") from None
        self.tmp_path.unlink()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.tmp_path is not None
        try:
            self._close()
            if exc_type is None:
                self._commit()
                return
        except BaseException:
            self.tmp_path.unlink(missing_ok=True)
            raise
        self.tmp_path.unlink(missing_ok=True)
