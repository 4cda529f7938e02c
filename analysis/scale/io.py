"""Streaming readers and atomic writers for the ``score`` command.

Readers yield :class:`InputChunk` objects of at most ``chunk_size`` rows, so
memory stays flat whatever the file size.  Every physical record becomes a
row; nothing is skipped:

========  ==========================================  ===========================
format    one row per                                 ``input_row`` (0-based)
========  ==========================================  ===========================
CSV/TSV   data record (pandas parser, header apart)   record number
JSONL     line (a blank or non-object line is a row   line number - 1
          whose text is missing)
TXT       line (a blank line is an empty statement)   line number - 1
Parquet   row                                         row number
========  ==========================================  ===========================

``.gz`` is read transparently for CSV, TSV, JSONL and TXT.  Problems with the
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
import io
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

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


class InputError(ValueError):
    """A problem with the user's file or arguments; ``str()`` is one line."""


@dataclass(frozen=True)
class InputChunk:
    """Consecutive rows of an input file.

    Attributes:
        start: ``input_row`` of the first row (0-based).
        texts: raw text values, ``None`` where the record has none.
        ids: id values (a Series, dtype kept from Parquet, ``str`` otherwise),
            or ``None`` when no id column was asked for.
    """

    start: int
    texts: list[Any]
    ids: pd.Series | None = None

    def __len__(self) -> int:
        return len(self.texts)


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
    return fmt, gz


def _open_binary(path: Path, gz: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gz else open(path, "rb")


def _codec(encoding: str) -> str:
    # A UTF-8 byte-order mark at the start of a file is not part of the text.
    return "utf-8-sig" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding


def find_undecodable_line(path: Path, gz: bool, encoding: str) -> tuple[int, str] | None:
    """Return ``(line_number, reason)`` of the first line ``encoding`` cannot decode.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.txt"
        >>> _ = p.write_bytes(b"fine\\nbad \\xff byte\\n")
        >>> find_undecodable_line(p, False, "utf-8")[0]
        2
    """
    codec = _codec(encoding)
    for number, raw in enumerate(_raw_lines(path, gz), start=1):
        try:
            raw.decode(codec)
        except UnicodeDecodeError as exc:
            return number, f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
    return None


def _decode_error(path: Path, gz: bool, encoding: str) -> InputError:
    found = find_undecodable_line(path, gz, encoding)
    if found is None:
        return InputError(f"{path}: not valid {encoding}")
    line, reason = found
    return InputError(f"{path}: line {line}: not valid {encoding} ({reason}); pass --encoding")


def _raw_lines(path: Path, gz: bool) -> Iterator[bytes]:
    try:
        with _open_binary(path, gz) as fh:
            yield from fh
    except (EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{path}: not a complete gzip file ({_one_line(exc)})") from None


def _decoded_lines(path: Path, gz: bool, encoding: str) -> Iterator[tuple[int, str]]:
    codec = _codec(encoding)
    for number, raw in enumerate(_raw_lines(path, gz), start=1):
        try:
            line = raw.decode(codec if number == 1 else encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: line {number}: not valid {encoding} "
                f"(byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); pass --encoding"
            ) from None
        yield number, line.rstrip("\r\n")


def _missing_column(path: Path, what: str, name: str, available: list[str]) -> InputError:
    listing = ", ".join(repr(c) for c in available) or "(none)"
    return InputError(f"{path}: {what} {name!r} not found; available columns: {listing}")


def _id_series(values: list[Any]) -> pd.Series:
    return pd.Series(values, dtype="str")


def _read_txt(path: Path, gz: bool, id_col: str | None, chunk_size: int, encoding: str) -> Iterator[InputChunk]:
    if id_col is not None:
        raise InputError(f"{path}: --id-column does not apply to plain text (one statement per line)")
    texts: list[Any] = []
    start = 0
    for number, line in _decoded_lines(path, gz, encoding):
        texts.append(line)
        if len(texts) == chunk_size:
            yield InputChunk(start, texts)
            start, texts = number, []
    if texts:
        yield InputChunk(start, texts)


def _json_id(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _read_jsonl(
    path: Path, gz: bool, text_col: str, id_col: str | None, chunk_size: int, encoding: str
) -> Iterator[InputChunk]:
    texts: list[Any] = []
    ids: list[str | None] = []
    start = 0
    checked = False
    for number, line in _decoded_lines(path, gz, encoding):
        record: Any = None
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{path}: line {number}: invalid JSON ({exc.msg} at column {exc.colno})"
                ) from None
        if isinstance(record, dict):
            if not checked:
                # The first record stands for the file's schema; later records
                # missing the field become rows with a 'missing' status.
                for what, name in (("text column", text_col), ("id column", id_col)):
                    if name is not None and name not in record:
                        raise _missing_column(path, f"{what} (line {number})", name, list(record))
                checked = True
            texts.append(record.get(text_col))
            ids.append(_json_id(record.get(id_col)) if id_col else None)
        else:
            texts.append(None)
            ids.append(None)
        if len(texts) == chunk_size:
            yield InputChunk(start, texts, _id_series(ids) if id_col else None)
            start, texts, ids = number, [], []
    if texts:
        yield InputChunk(start, texts, _id_series(ids) if id_col else None)


def _read_delimited(
    path: Path, gz: bool, sep: str, text_col: str, id_col: str | None, chunk_size: int, encoding: str
) -> Iterator[InputChunk]:
    compression = "gzip" if gz else None
    try:
        header = pd.read_csv(path, sep=sep, nrows=0, encoding=_codec(encoding), compression=compression)
    except UnicodeDecodeError:
        raise _decode_error(path, gz, encoding) from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path}: empty file, no header row") from None
    except (pd.errors.ParserError, csv.Error, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{path}: cannot parse: {_one_line(exc)}") from None
    columns = [str(c) for c in header.columns]
    for what, name in (("text column", text_col), ("id column", id_col)):
        if name is not None and name not in columns:
            raise _missing_column(path, what, name, columns)
    usecols = [text_col] if id_col in (None, text_col) else [text_col, id_col]
    reader = pd.read_csv(
        path,
        sep=sep,
        usecols=usecols,
        dtype=str,
        keep_default_na=False,  # "NA", "null" and "" are text, not missing values
        na_values=[],
        chunksize=chunk_size,
        encoding=_codec(encoding),
        compression=compression,
    )
    start = 0
    with reader:
        while True:
            try:
                frame = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise _decode_error(path, gz, encoding) from None
            except (pd.errors.ParserError, csv.Error, EOFError, gzip.BadGzipFile) as exc:
                raise InputError(f"{path}: cannot parse: {_one_line(exc)}") from None
            ids = frame[id_col].reset_index(drop=True) if id_col else None
            yield InputChunk(start, frame[text_col].tolist(), ids)
            start += len(frame)


def _read_parquet(path: Path, text_col: str, id_col: str | None, chunk_size: int) -> Iterator[InputChunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pfile = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({_one_line(exc)})") from None
    columns = list(pfile.schema_arrow.names)
    for what, name in (("text column", text_col), ("id column", id_col)):
        if name is not None and name not in columns:
            raise _missing_column(path, what, name, columns)
    wanted = [text_col] if id_col in (None, text_col) else [text_col, id_col]
    start = 0
    try:
        for batch in pfile.iter_batches(batch_size=chunk_size, columns=wanted):
            ids = None
            if id_col:
                ids = batch.column(id_col).to_pandas(types_mapper=pd.ArrowDtype)
            yield InputChunk(start, batch.column(text_col).to_pylist(), ids)
            start += batch.num_rows
    except pa.ArrowException as exc:
        raise InputError(f"{path}: cannot read row group after row {start} ({_one_line(exc)})") from None


def read_chunks(
    path: str | os.PathLike[str],
    text_col: str = "text",
    *,
    id_col: str | None = None,
    chunk_size: int = 5000,
    encoding: str = "utf-8",
) -> Iterator[InputChunk]:
    """Stream ``path`` as chunks of raw text values (and ids), in file order.

    The file type comes from the extension (see the module docstring).  The
    file's existence, type and columns are checked before the first chunk is
    returned; decoding and JSON errors surface while iterating.  Either way the
    error is an :class:`InputError` with a one-line message.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
        >>> _ = p.write_text("id,text\\n7,Hello.\\n8,\\n")
        >>> c = next(read_chunks(p, "text", id_col="id"))
        >>> c.texts, c.ids.tolist()
        (['Hello.', ''], ['7', '8'])
    """
    path = Path(path)
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, got {chunk_size}")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    fmt, gz = detect_format(path, INPUT_FORMATS)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    if fmt == "parquet":
        chunks = _read_parquet(path, text_col, id_col, chunk_size)
    elif fmt in {"csv", "tsv"}:
        sep = "," if fmt == "csv" else "\t"
        chunks = _read_delimited(path, gz, sep, text_col, id_col, chunk_size, encoding)
    elif fmt == "jsonl":
        chunks = _read_jsonl(path, gz, text_col, id_col, chunk_size, encoding)
    else:
        chunks = _read_txt(path, gz, id_col, chunk_size, encoding)
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


class AtomicOutput:
    """Write DataFrames to CSV or Parquet; the file appears only on success.

    Rows go to a hidden temporary file in the target's directory, which is
    moved into place with ``os.replace`` when the block exits normally.  On
    any exception, including ``KeyboardInterrupt``, the temporary file is
    removed and an existing target is left untouched.

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

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.format, self.gzipped = detect_format(self.path, OUTPUT_FORMATS)
        self.tmp_path: Path | None = None
        self._fh: IO[Any] | None = None
        self._writer: Any = None
        self._schema: Any = None
        self.rows_written = 0

    def __enter__(self) -> AtomicOutput:
        parent = self.path.parent if str(self.path.parent) else Path(".")
        if not parent.is_dir():
            raise InputError(f"{self.path}: output directory {parent} does not exist")
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{self.path.name}.", suffix=".part")
        os.close(fd)
        # mkstemp makes the file private (0600); the result should get the
        # permissions any new file would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        self.tmp_path = Path(tmp)
        return self

    def write(self, frame: pd.DataFrame) -> None:
        """Append ``frame``'s rows (the first call fixes the columns)."""
        assert self.tmp_path is not None, "use AtomicOutput as a context manager"
        if self.format == "csv":
            self._write_csv(frame)
        else:
            self._write_parquet(frame)
        self.rows_written += len(frame)

    def _write_csv(self, frame: pd.DataFrame) -> None:
        first = self._fh is None
        if first:
            if self.gzipped:
                raw = open(self.tmp_path, "wb")  # noqa: SIM115 - closed in _close
                # mtime=0 keeps the bytes reproducible run to run
                self._fh = io.TextIOWrapper(
                    gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0),
                    encoding="utf-8",
                    newline="",
                )
                self._raw = raw
            else:
                self._fh = open(self.tmp_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        frame.to_csv(self._fh, header=first, index=False, lineterminator="\n")

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self._schema = table.schema
            self._writer = pq.ParquetWriter(self.tmp_path, self._schema)
        else:
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        self._writer.write_table(table)

    def _close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            raw = getattr(self, "_raw", None)
            if raw is not None:
                raw.close()

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
                os.replace(self.tmp_path, self.path)
                return
        except BaseException:
            self.tmp_path.unlink(missing_ok=True)
            raise
        self.tmp_path.unlink(missing_ok=True)
