"""Frame-level extraction: the statements of every article of a DataFrame.

``extract_statements(df, text_col=..., id_col=..., keep=[...])`` (which
calls :func:`extract_frame`) runs :func:`analysis.statements.extract.extract_statements` on
each row's text and returns one table in input order.  Every article is kept:

* an article with statements gives one row per statement, ``status`` ``ok``,
  except rows that are no statement to count but keep their place so that
  every character belongs to a row: ``no_words`` (punctuation only) and
  ``signature`` (a narration byline, wire credit or contributor line; see
  :func:`row_status`);
* an article that yields nothing keeps **one** row with empty statement
  fields and a status saying why: ``missing`` (no text: None/NaN),
  ``empty`` (blank text), ``invalid`` (a number, list ... where text should
  be), ``no_statements`` (text without a word to extract), or
  ``error: <ExceptionType>`` (the extractor raised; the other articles are
  unaffected).

Each row carries ``article_row`` (0-based position in the input), the id
column and the ``keep`` columns (the article's metadata: outlet, date ...),
then the extractor's columns.  :func:`article_status` gives one row per
article with its status and number of statements.

Bad input raises :class:`FrameInputError` naming the column or row: a text,
id or keep column that is absent, a keep column that clashes with a
statement column, an id that is missing or repeated.

Example:
    >>> df = pd.DataFrame({"id": ["a", "b"], "outlet": ["TASS", "BBC"],
    ...                    "text": ['"We are ready," Peskov said.', ""]})
    >>> from analysis.statements.extract import extract_statements
    >>> out = extract_statements(df, text_col="text", id_col="id", keep=["outlet"])
    >>> out[["id", "outlet", "speaker", "kind", "status"]].values.tolist()
    [['a', 'TASS', 'Dmitry Peskov', 'direct', 'ok'], ['a', 'TASS', '', 'narration', 'ok'], ['b', 'BBC', '', '', 'empty']]
    >>> article_status(out, "id").values.tolist()
    [[0, 'a', 'ok', 2], [1, 'b', 'empty', 0]]
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype

from analysis.corpus.boilerplate_rules import line_reason
from analysis.statements.speakers import SpeakerRegistry

#: a column dtype, numpy or pandas extension
DtypeObj = np.dtype | ExtensionDtype

#: statuses of an article that yields no statement
EMPTY_STATUSES: tuple[str, ...] = ("missing", "empty", "invalid", "no_statements")
OK = "ok"
ROW_COLUMN = "article_row"


class FrameInputError(ValueError):
    """A DataFrame that cannot be extracted; the message names the column or row."""


class Extractor(Protocol):
    """What extracts one text: :func:`analysis.statements.extract.extract_statements`.

    It is passed in, not imported, because ``extract_statements`` itself
    dispatches a DataFrame here (one direction of import, no cycle).  Called
    with None it returns an empty frame with its columns and dtypes.
    """

    def __call__(self, text: str | None, speakers: SpeakerRegistry | None = None) -> pd.DataFrame: ...


def text_status(value: object) -> str | None:
    """``missing`` / ``empty`` / ``invalid`` for a value that is not extractable text, else None.

    Example:
        >>> [text_status(v) for v in (None, float("nan"), " ", 3, "Hi.")]
        ['missing', 'missing', 'empty', 'invalid', None]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return "missing"
    if isinstance(value, float) and math.isnan(value):
        return "missing"
    if isinstance(value, str):
        return None if value.strip() else "empty"
    return "invalid"


def statement_columns(extractor: Extractor) -> list[str]:
    """The extractor's columns (read from an empty extraction, so added columns appear too).

    Example:
        >>> from analysis.statements.extract import extract_statements
        >>> {"speaker", "kind", "text"} <= set(statement_columns(extract_statements))
        True
    """
    return list(extractor(None).columns)


def check_frame(df: pd.DataFrame, text_col: str, id_col: str | None, keep: Sequence[str],
                reserved: Sequence[str] = ()) -> None:
    """Raise :class:`FrameInputError` for an absent column, a clash with ``reserved`` output
    columns, or a missing/duplicated id.

    Example:
        >>> check_frame(pd.DataFrame({"t": ["x"]}), "text", None, [])
        Traceback (most recent call last):
        ...
        analysis.statements.frame.FrameInputError: text column 'text' not in the frame (columns: ['t'])
    """
    if not isinstance(df, pd.DataFrame):
        raise FrameInputError(f"expected a DataFrame, got {type(df).__name__}")
    columns = list(df.columns)
    for what, name in [("text", text_col), *([("id", id_col)] if id_col is not None else []),
                       *(("keep", k) for k in keep)]:
        if name not in columns:
            raise FrameInputError(f"{what} column {name!r} not in the frame (columns: {columns})")
        if columns.count(name) > 1:
            raise FrameInputError(f"{what} column {name!r} appears {columns.count(name)} times in the frame")
    taken = {ROW_COLUMN, "status", *reserved}
    for name in [*([id_col] if id_col is not None else []), *keep]:
        if name in taken:
            raise FrameInputError(f"column {name!r} clashes with an output column of the same name; rename it")
    if len(set(keep)) != len(keep) or (id_col is not None and id_col in keep):
        raise FrameInputError(f"keep columns {list(keep)} repeat a column (or the id column {id_col!r})")
    if id_col is not None:
        _check_ids(df[id_col], id_col)


def _check_ids(ids: pd.Series, id_col: str) -> None:
    missing = [i for i, v in enumerate(ids) if text_status(v) in ("missing", "empty")]
    if missing:
        raise FrameInputError(f"id column {id_col!r}: no id at row(s) {missing[:10]} (0-based position)")
    repeated = ids[ids.duplicated(keep=False)]
    if len(repeated):
        first = repeated.iloc[0]
        rows = [i for i, v in enumerate(ids) if v == first]
        first = first.item() if hasattr(first, "item") else first  # 1, not np.int64(1)
        raise FrameInputError(f"id column {id_col!r}: id {first!r} repeats at rows {rows[:10]} (0-based position); "
                              "ids must be unique")


def extract_article(text: object, registry: SpeakerRegistry, extractor: Extractor) -> tuple[pd.DataFrame, str]:
    """The statements of one article's text and its status (see the module doc).

    Example:
        >>> from analysis.statements.extract import extract_statements as ex
        >>> reg = SpeakerRegistry.coerce(None)
        >>> [(len(df), st) for df, st in (extract_article(t, reg, ex) for t in ("Talks ended.", None, "..."))]
        [(1, 'ok'), (0, 'missing'), (1, 'no_statements')]
    """
    status = text_status(text)
    if status is not None:
        return extractor(None), status
    try:
        df = extractor(str(text), registry)
    except Exception as err:  # noqa: BLE001 - reported per article, never a crash of the whole frame
        return extractor(None), f"error: {type(err).__name__}"
    worded = any(any(ch.isalnum() for ch in t) for t in df["text"])
    return df, OK if worded else "no_statements"


def _placeholder(template: pd.DataFrame) -> pd.DataFrame:
    """One row of empty statement fields with the extractor's dtypes."""
    row: dict[Hashable, object] = {}
    for name, dtype in template.dtypes.items():
        if pd.api.types.is_bool_dtype(dtype):
            row[name] = pd.Series([pd.NA], dtype="boolean")
        elif pd.api.types.is_integer_dtype(dtype):
            row[name] = pd.Series([pd.NA], dtype="Int64")
        elif pd.api.types.is_float_dtype(dtype):
            row[name] = pd.Series([float("nan")], dtype=dtype)
        else:
            row[name] = pd.Series([""], dtype=dtype)
    return pd.DataFrame(row)


#: Boilerplate reasons that make a narration row a signature, not a statement.
SIGNATURE_REASONS: frozenset[str] = frozenset({"signature", "credit", "byline"})


def row_status(kind: str, text: str) -> str:
    """``ok`` for a statement; ``no_words`` or ``signature`` for a row that is not one to count.

    A row of punctuation only (the ":" between two quotes) has no words; a
    narration row that is a byline, a wire credit or a contributor line
    (:func:`analysis.corpus.boilerplate_rules.line_reason`) is a signature.
    Both keep their row, so every character of the text still belongs to one.

    Example:
        >>> [row_status("narration", t) for t in ("Talks ended.", ".", "Reporting by Jane Doe; Editing by John Roe")]
        ['ok', 'no_words', 'signature']
    """
    if not any(c.isalnum() for c in text):
        return "no_words"
    if kind == "narration" and line_reason(text) in SIGNATURE_REASONS:
        return "signature"
    return OK


def article_rows(position: int, text: object, registry: SpeakerRegistry,
                 meta: Mapping[str, object], extractor: Extractor) -> pd.DataFrame:
    """Output rows of one article: its statements (or one placeholder), ``status`` and metadata first.

    Example:
        >>> from analysis.statements.extract import extract_statements as ex
        >>> reg = SpeakerRegistry.coerce(None)
        >>> article_rows(4, "", reg, {"id": "x"}, ex)[["article_row", "id", "kind", "status"]].values.tolist()
        [[4, 'x', '', 'empty']]
    """
    return articles_frame([(position, text, list(meta.values()))], list(meta), registry, extractor)


class RecordExtractor(Protocol):
    """What gives one text's statements as tuples of the extractor's columns, in order (no frame per
    article: building a DataFrame per article was most of the time of a corpus of short articles)."""

    def __call__(self, text: str, speakers: SpeakerRegistry) -> Sequence[tuple[object, ...]]: ...


def frame_records(extractor: Extractor) -> RecordExtractor:
    """The :class:`RecordExtractor` of a frame-returning extractor (its frame's rows as tuples).

    Example:
        >>> from analysis.statements.extract import extract_statements as ex
        >>> frame_records(ex)("Talks ended.", SpeakerRegistry.coerce(None))[0][4:6]
        ('narration', 'Talks ended.')
    """
    def records(text: str, speakers: SpeakerRegistry) -> Sequence[tuple[object, ...]]:
        return list(extractor(text, speakers).itertuples(index=False, name=None))

    return records


def _article_records(text: object, registry: SpeakerRegistry, records: RecordExtractor,
                     text_at: int) -> tuple[Sequence[tuple[object, ...]], str]:
    """(statement tuples, status) of one article, as :func:`extract_article`."""
    status = text_status(text)
    if status is not None:
        return [], status
    try:
        rows = records(str(text), registry)
    except Exception as err:  # noqa: BLE001 - reported per article, never a crash of the whole frame
        return [], f"error: {type(err).__name__}"
    worded = any(any(ch.isalnum() for ch in str(r[text_at])) for r in rows)
    return rows, OK if worded else "no_statements"


def _column_dtype(dtype: DtypeObj) -> DtypeObj | str:
    """The output dtype of a statement column: Int64/boolean so that placeholders' NA fit in."""
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Int64"
    return dtype


def _empty_value(dtype: DtypeObj) -> object:
    """A placeholder's value in a column of the extractor's ``dtype`` (see :func:`_placeholder`)."""
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
        return pd.NA
    return float("nan") if pd.api.types.is_float_dtype(dtype) else ""


def articles_frame(articles: Iterable[tuple[int, object, Sequence[object]]], meta_cols: Sequence[str],
                   registry: SpeakerRegistry, extractor: Extractor,
                   records: RecordExtractor | None = None) -> pd.DataFrame:
    """Output rows of many articles, ``(position, text, meta values)`` each, in one frame built once.

    Each article gives its statements, or one placeholder row whose ``status`` says why it has none
    (:func:`extract_article`); the metadata columns are object (the caller gives them their type).
    ``records`` gives one text's statements as tuples (default: ``extractor``'s frame's rows).

    Example:
        >>> from analysis.statements.extract import extract_statements as ex
        >>> out = articles_frame([(0, "Talks ended.", ["a"]), (1, None, ["b"])], ["id"], SpeakerRegistry.coerce(None), ex)
        >>> out[["article_row", "id", "kind", "status"]].values.tolist()
        [[0, 'a', 'narration', 'ok'], [1, 'b', '', 'missing']]
    """
    template = extractor(None)
    columns, dtypes = list(template.columns), list(template.dtypes)
    records = records or frame_records(extractor)
    text_at, kind_at = columns.index("text"), columns.index("kind")
    placeholder = tuple(_empty_value(d) for d in dtypes)
    positions: list[int] = []
    metas: list[Sequence[object]] = []
    body: list[tuple[object, ...]] = []
    statuses: list[str] = []
    for position, text, values in articles:
        rows, status = _article_records(text, registry, records, text_at)
        if status != OK:
            rows = [placeholder]
            statuses.append(status)
        else:
            statuses.extend(row_status(str(r[kind_at]), str(r[text_at])) for r in rows)
        positions.extend([position] * len(rows))
        metas.extend([values] * len(rows))
        body.extend(rows)
    by_column = list(zip(*body)) if body else [() for _ in columns]
    out: dict[str, pd.Series] = {ROW_COLUMN: pd.Series(positions, dtype="int64")}
    for k, name in enumerate(meta_cols):
        out[name] = pd.Series([m[k] for m in metas], dtype="object")
    for name, dtype, values in zip(columns, dtypes, by_column):
        out[name] = pd.Series(list(values), dtype=_column_dtype(dtype))
    out["status"] = pd.Series(statuses, dtype="str")
    return pd.DataFrame(out)


def extract_frame(
    df: pd.DataFrame,
    extractor: Extractor,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    keep: Sequence[str] = (),
    speakers: SpeakerRegistry | str | Path | pd.DataFrame | None = None,
    records: RecordExtractor | None = None,
) -> pd.DataFrame:
    """Statements of every article of ``df``, in input order, with ``status`` and metadata.

    ``keep`` columns are copied onto each of the article's rows with their
    dtype; ``id_col`` too (ids must be present and unique).  Without
    ``id_col``, ``article_row`` (0-based position) identifies the article.
    ``statement_id`` numbers statements within their article.  Users call
    it as ``extract_statements(df, text_col=..., id_col=..., keep=[...])``.
    ``records`` is the extractor's tuple form (:class:`RecordExtractor`), if it has one.

    Example:
        >>> from analysis.statements.extract import extract_statements
        >>> out = extract_frame(pd.DataFrame({"text": ["Talks ended.", None]}), extract_statements)
        >>> out[["article_row", "kind", "status"]].values.tolist()
        [[0, 'narration', 'ok'], [1, '', 'missing']]
    """
    keep = list(keep)
    check_frame(df, text_col, id_col, keep, statement_columns(extractor))
    registry = SpeakerRegistry.coerce(speakers)
    meta_cols = [*([id_col] if id_col is not None else []), *keep]
    articles = ((position, text, values) for position, (text, *values)
                in enumerate(zip(df[text_col], *(df[c] for c in meta_cols))))
    out = articles_frame(articles, meta_cols, registry, extractor, records) if len(df) else \
        empty_result(meta_cols, extractor)
    for name in meta_cols:  # the article's own dtype, not object
        out[name] = out[name].astype(df[name].dtype) if len(out) else pd.Series(dtype=df[name].dtype)
    return out


def empty_result(meta_cols: Sequence[str], extractor: Extractor) -> pd.DataFrame:
    """A result with no rows: ``article_row``, the metadata columns, the statement columns, ``status``.

    Example:
        >>> from analysis.statements.extract import extract_statements as ex
        >>> list(empty_result(["id"], ex).columns)[:3], len(empty_result([], ex))
        (['article_row', 'id', 'statement_id'], 0)
    """
    head = pd.DataFrame({ROW_COLUMN: pd.Series(dtype="int64"), **{c: pd.Series(dtype="str") for c in meta_cols}})
    body = _placeholder(extractor(None)).iloc[:0]
    return pd.concat([head, body], axis=1).assign(status=pd.Series(dtype="str"))


def article_status(statements: pd.DataFrame, id_col: str | None = None) -> pd.DataFrame:
    """One row per article of an :func:`extract_frame` result: row, id, status, n_statements.

    ``n_statements`` counts rows with ``status`` ``ok`` and a word in their text.

    Example:
        >>> from analysis.statements.extract import extract_statements
        >>> article_status(extract_statements(pd.DataFrame({"text": ["Talks ended.", " "]}))).values.tolist()
        [[0, 'ok', 1], [1, 'empty', 0]]
    """
    for name in (ROW_COLUMN, "status", "text", *([id_col] if id_col else [])):
        if name not in statements.columns:
            raise FrameInputError(f"article_status: column {name!r} not in the frame; pass extract_frame's result")
    worded = (statements["status"] == OK) & statements["text"].fillna("").str.contains(r"\w", regex=True)
    cols = [ROW_COLUMN, *([id_col] if id_col else [])]
    first = statements.groupby(ROW_COLUMN, sort=True).first()
    out = first.reset_index()[[*cols, "status"]]
    out["n_statements"] = worded.groupby(statements[ROW_COLUMN]).sum().reindex(out[ROW_COLUMN]).to_numpy()
    out["n_statements"] = out["n_statements"].astype("int64")
    return out.reset_index(drop=True)
