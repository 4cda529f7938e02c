"""Read and check the corpus tables: ``articles.csv`` and ``quoted_sources.csv``.

Every problem raises ``CorpusError`` naming the file, the 1-based physical
line of the CSV record, and the field.  Values are read as text, never
converted (an id ``007`` stays ``'007'``).

Blocs (``outlet_bloc``, ``narrator_bloc``, ``quoted_outlet_bloc``) are one of
``analysis.constants.BLOC_ORDER``.  ``other`` is a definition, not a guess: it
covers every outlet not established as Russian, Western or Ukrainian,
including unidentified ones.

Example:
    >>> from analysis import paths
    >>> bool(read_articles(paths.ARTICLES_CSV)["outlet_bloc"].isin(BLOC_ORDER).all())
    True
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

import pandas as pd

from analysis.constants import BLOC_ORDER
from analysis.corpus.errors import CorpusError

ARTICLE_REQUIRED: tuple[str, ...] = ("article_id", "source_file", "outlet", "outlet_bloc")
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "source_file", "outlet", "outlet_country", "outlet_bloc", "wire",
    "published", "headline", "evidence", "narrator", "narrator_bloc",
)
QUOTED_REQUIRED: tuple[str, ...] = (
    "article_id", "quoted_outlet", "quoted_outlet_bloc", "first_line", "last_line",
)
QUOTED_COLUMNS: tuple[str, ...] = (
    "article_id", "quoted_outlet", "quoted_outlet_country", "quoted_outlet_bloc", "kind",
    "first_line", "last_line", "evidence",
)
QUOTED_KINDS: tuple[str, ...] = ("passage", "wire_copy")


def decode_utf8(data: bytes, file: str | os.PathLike[str], *, strip_bom: bool = False) -> str:
    """Decode UTF-8 strictly; on failure name the file, byte offset and line.

    Example:
        >>> decode_utf8(b"ok\\n\\xff", "x.txt")
        Traceback (most recent call last):
        ...
        analysis.corpus.errors.CorpusError: x.txt, line 2: not valid UTF-8 at byte offset 3 (byte 0xff)
    """
    try:
        return data.decode("utf-8-sig" if strip_bom else "utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CorpusError(
            f"not valid UTF-8 at byte offset {err.start} (byte 0x{data[err.start]:02x})",
            file=file,
            line=line,
        ) from None


def read_csv_records(path: str | os.PathLike[str]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and ``(line, row)`` pairs of a UTF-8 CSV; ``line`` is where the record starts.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
        >>> _ = p.write_text("a,b\\n1,2\\n\\n3,4\\n")
        >>> read_csv_records(p)[1]
        [(2, {'a': '1', 'b': '2'}), (4, {'a': '3', 'b': '4'})]
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError("file not found", file=path) from None
    text = decode_utf8(data, path, strip_bom=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise CorpusError("empty file: no header row", file=path, line=1) from None
    except csv.Error as err:
        raise CorpusError(f"unreadable CSV header: {err}", file=path, line=1) from None
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise CorpusError(f"unreadable CSV record: {err}", file=path, line=start) from None
        if values:
            if len(values) != len(header):
                raise CorpusError(
                    f"record has {len(values)} fields, the header has {len(header)}",
                    file=path,
                    line=start,
                )
            rows.append((start, dict(zip(header, values))))
        start = reader.line_num + 1
    return header, rows


def _require_columns(header: list[str], required: tuple[str, ...], path: Path) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise CorpusError(
            f"missing required column(s) {', '.join(missing)}; header is {', '.join(header)}",
            file=path,
            line=1,
            field=missing[0],
        )


def _bloc(value: str, path: Path, line: int, field: str) -> str:
    bloc = value.strip().lower()
    if bloc not in BLOC_ORDER:
        raise CorpusError(
            f"unknown bloc {value!r}; expected one of {', '.join(BLOC_ORDER)} "
            "('other' = not established as russian, western or ukrainian, incl. unidentified)",
            file=path,
            line=line,
            field=field,
        )
    return bloc


def read_articles(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read and check ``articles.csv``; one row per article, columns ``ARTICLE_COLUMNS`` + ``csv_line``.

    Optional columns missing from the file are filled: ``narrator`` with the
    outlet, ``narrator_bloc`` with the outlet bloc, the rest with ''.

    Example:
        >>> from analysis import paths
        >>> read_articles(paths.ARTICLES_CSV).shape[0] >= 1
        True
    """
    # Over 60 lines only with its 10-line docstring; the code itself is 50 lines.
    path = Path(path)
    header, records = read_csv_records(path)
    _require_columns(header, ARTICLE_REQUIRED, path)
    seen: dict[str, int] = {}
    rows = []
    for line, rec in records:
        row = {c: rec.get(c, "").strip() for c in ARTICLE_COLUMNS}
        extra = {c: v for c, v in rec.items() if c not in ARTICLE_COLUMNS}
        aid = row["article_id"]
        if not aid:
            raise CorpusError("missing article id", file=path, line=line, field="article_id")
        if aid in seen:
            raise CorpusError(
                f"duplicate article id {aid!r} (first on line {seen[aid]})",
                file=path,
                line=line,
                field="article_id",
            )
        seen[aid] = line
        if not row["source_file"]:
            raise CorpusError("missing raw file name", file=path, line=line, field="source_file")
        if not row["outlet"]:
            raise CorpusError(
                "missing outlet (write 'unidentified' if the text does not say)",
                file=path,
                line=line,
                field="outlet",
            )
        row["outlet_bloc"] = _bloc(row["outlet_bloc"], path, line, "outlet_bloc")
        row["narrator"] = row["narrator"] or row["outlet"]
        row["narrator_bloc"] = (
            _bloc(row["narrator_bloc"], path, line, "narrator_bloc")
            if row["narrator_bloc"]
            else row["outlet_bloc"]
        )
        if row["published"]:
            try:
                dt.date.fromisoformat(row["published"])
            except ValueError:
                raise CorpusError(
                    f"published {row['published']!r} is not an ISO date (YYYY-MM-DD)",
                    file=path,
                    line=line,
                    field="published",
                ) from None
        rows.append({**row, **extra, "csv_line": line})
    columns = list(ARTICLE_COLUMNS) + [c for c in header if c not in ARTICLE_COLUMNS]
    return pd.DataFrame(rows, columns=columns + ["csv_line"]).astype(
        {c: "str" for c in columns}
    )


def _positive_int(value: str, path: Path, line: int, field: str) -> int:
    try:
        n = int(value.strip())
    except ValueError:
        n = 0
    if n < 1:
        raise CorpusError(
            f"{value!r} is not a line number (a whole number >= 1)",
            file=path,
            line=line,
            field=field,
        )
    return n


def read_quoted_sources(
    path: str | os.PathLike[str], article_ids: set[str] | None = None
) -> pd.DataFrame:
    """Read and check ``quoted_sources.csv`` (passages an article quotes from other outlets).

    ``first_line``/``last_line`` are 1-based, inclusive raw line numbers of the
    article's raw file.  Passages of one article must not overlap.

    Example:
        >>> from analysis import paths
        >>> q = read_quoted_sources(paths.QUOTED_SOURCES_CSV)
        >>> bool((q["first_line"] <= q["last_line"]).all())
        True
    """
    # Over 60 lines only with its 11-line docstring; the code itself is 49 lines.
    path = Path(path)
    header, records = read_csv_records(path)
    _require_columns(header, QUOTED_REQUIRED, path)
    rows = []
    for line, rec in records:
        row: dict[str, object] = {c: rec.get(c, "").strip() for c in QUOTED_COLUMNS}
        aid = str(row["article_id"])
        if not aid:
            raise CorpusError("missing article id", file=path, line=line, field="article_id")
        if article_ids is not None and aid not in article_ids:
            raise CorpusError(
                f"article id {aid!r} is not in articles.csv", file=path, line=line, field="article_id"
            )
        if not row["quoted_outlet"]:
            raise CorpusError("missing quoted outlet", file=path, line=line, field="quoted_outlet")
        row["quoted_outlet_bloc"] = _bloc(
            str(row["quoted_outlet_bloc"]), path, line, "quoted_outlet_bloc"
        )
        row["kind"] = str(row["kind"]).lower() or "passage"
        if row["kind"] not in QUOTED_KINDS:
            raise CorpusError(
                f"unknown kind {row['kind']!r}; expected one of {', '.join(QUOTED_KINDS)}",
                file=path,
                line=line,
                field="kind",
            )
        first = _positive_int(str(row["first_line"]), path, line, "first_line")
        last = _positive_int(str(row["last_line"]), path, line, "last_line")
        if last < first:
            raise CorpusError(
                f"last_line {last} is before first_line {first}", file=path, line=line, field="last_line"
            )
        row["first_line"], row["last_line"] = first, last
        rows.append({**row, "csv_line": line})
    df = pd.DataFrame(rows, columns=list(QUOTED_COLUMNS) + ["csv_line"])
    df = df.astype({"first_line": "int64", "last_line": "int64", "csv_line": "int64"})
    for article_id, group in df.sort_values(["article_id", "first_line"]).groupby("article_id"):
        prev_last, prev_line = 0, 0
        for first, last, line in zip(group["first_line"], group["last_line"], group["csv_line"]):
            if first <= prev_last:
                raise CorpusError(
                    f"passage lines {first}..{last} of article {article_id!r} overlap the passage "
                    f"on CSV line {prev_line}",
                    file=path,
                    line=int(line),
                    field="first_line",
                )
            prev_last, prev_line = int(last), int(line)
    return df


def empty_quoted_sources() -> pd.DataFrame:
    """An empty quoted-sources table with the checked columns (corpora without the file).

    Example:
        >>> list(empty_quoted_sources().columns)[:2]
        ['article_id', 'quoted_outlet']
    """
    df = pd.DataFrame({c: pd.Series(dtype="str") for c in QUOTED_COLUMNS})
    return df.astype({"first_line": "int64", "last_line": "int64"}).assign(
        csv_line=pd.Series(dtype="int64")
    )
