"""Read one committed gold CSV as strings, or stop with an error naming the file and line.

The gold folders (PTC attribution, Russian sets) are hand-edited; a file
saved in another encoding, emptied, cut short or given a stray column would
otherwise surface as a ``UnicodeDecodeError``, ``EmptyDataError`` or
``ParserError`` from deep inside pandas, or (a repeated header) as a column
silently renamed ``x.1``.  :func:`read_gold_csv` turns each into a
:class:`~analysis.validation.exceptions.ValidationDataError`.

Example:
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "labels.csv"
    >>> _ = p.write_bytes(b"id,label\\n1,caf\\xe9\\n")
    >>> try:
    ...     read_gold_csv(p)
    ... except ValidationDataError as err:
    ...     print(str(err).replace(str(p), "labels.csv"))
    labels.csv: line 2 is not UTF-8 (byte 0xe9 at offset 14); save the file as UTF-8
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd

from analysis.validation.exceptions import ValidationDataError


def read_gold_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """``path`` as a frame of strings (``dtype=str``, empty cells ``""``), checked as a file.

    Raises :class:`ValidationDataError` naming the file when it is missing,
    not UTF-8 (with the line), empty, has a repeated or empty column name in
    its header, or a row with more fields than the header (with pandas'
    line number).

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "q.csv"
        >>> _ = p.write_text("a,b\\n1,\\n", encoding="utf-8")
        >>> read_gold_csv(p).to_dict("records")
        [{'a': '1', 'b': ''}]
    """
    p = Path(path)
    if not p.is_file():
        raise ValidationDataError(f"{p}: no such file")
    text = decode_utf8(p, "utf-8-sig")
    if not text.strip():
        raise ValidationDataError(f"{p}: empty file (no header row)")
    _check_header(p, next(csv.reader(io.StringIO(text))))
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise ValidationDataError(f"{p}: not a well-formed CSV: {str(err).strip()}") from err


def decode_utf8(path: Path, encoding: str = "utf-8") -> str:
    """The bytes of ``path`` as text, or :class:`ValidationDataError` naming the line of the first bad byte.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_bytes(b"ok\\n\\xff\\n")
        >>> try:
        ...     decode_utf8(p)
        ... except ValidationDataError as err:
        ...     print(str(err).split(": ", 1)[1])
        line 2 is not UTF-8 (byte 0xff at offset 3); save the file as UTF-8
    """
    raw = path.read_bytes()
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise ValidationDataError(f"{path}: line {line} is not UTF-8 (byte {raw[err.start]:#04x} at offset "
                                  f"{err.start}); save the file as UTF-8") from err


def _check_header(path: Path, header: list[str]) -> None:
    # pandas would rename a repeated name 'x' to 'x.1' and read on
    seen: set[str] = set()
    for k, name in enumerate(header, start=1):
        if not name.strip():
            raise ValidationDataError(f"{path}: header column {k} has no name")
        if name in seen:
            raise ValidationDataError(f"{path}: header names column {name!r} twice")
        seen.add(name)
