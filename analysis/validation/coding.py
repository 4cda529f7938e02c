"""Coding sheets: draw statements for human coding, write them, read them back.

Dictionary scores must be checked against human judgement on the corpus at
hand before anyone cites them (Grimmer & Stewart 2013; Young & Soroka 2012).
:func:`sample_for_coding` draws a reproducible sample of a scored table and
writes a CSV a coder fills in a spreadsheet; :func:`read_coding_sheet` reads a
filled sheet back with errors that name the sheet, line and column.
:func:`analysis.validation.agreement` then compares the codes with the scores.

**The sheet.**  A UTF-8 CSV (with a byte-order mark, so spreadsheet programs
open Cyrillic text correctly).  It starts with instruction rows whose first
cell begins with ``#`` -- a spreadsheet user sees them above the table, and
:func:`read_coding_sheet` skips every leading ``#`` row, however a
spreadsheet re-saved them (trailing empty cells, quoting).  The first line
says how many such rows there are, so ``pandas.read_csv(path, skiprows=k)``
works too.  Then one header row and one row per sampled statement:

===================  ==========================================================
column               meaning
===================  ==========================================================
``coding_id``        1, 2, ... in the (shuffled) coding order
``row_id``           the statement's index value in the scored table
``stratum``          the sampling stratum (see below)
``weight``           rows of its stratum in the table / rows drawn from it
``statement``        the text to code, never cut
``context``          the text around it (``⟦...⟧`` marks the statement), cut
                     to ``context_chars`` per side with a visible ``…``
``coder``            the coder's name or initials (empty: filled in on reading)
``code_<dim>``       one per dimension: ``1`` present, ``0`` absent, empty =
                     not coded (also accepted: yes/no, y/n, true/false)
``note``             free text
===================  ==========================================================

A text that starts with ``=``, ``+``, ``-`` or ``@`` would be read as a
formula by a spreadsheet; such cells are written with a leading ``'`` and the
reader removes it again.

**Stratification.**  ``stratify=None`` draws a simple random sample.  A
column name (or several) draws within each value of it (e.g. ``"outlet"``);
``"flagged"`` draws within "the package matched at least one term" vs "it
matched none", so that rare positives are not missed and precision can be
estimated.  ``allocation="equal"`` gives every stratum the same number of
rows (as far as it has them; the rest goes to the strata that still have
rows, in stratum order), ``"proportional"`` follows the strata's sizes.
Each row's ``weight`` lets :func:`~analysis.validation.agreement` estimate
precision and recall for the whole table, not for the oversampled sheet.
Rows whose ``status`` is not ``ok`` (nothing to code) are never drawn; the
instructions say how many were left out.

Example:
    >>> import pandas as pd, tempfile, os
    >>> scored = pd.DataFrame({"text": ["They are idiots.", "Talks went on.", "We may agree."],
    ...     "hostility_count": [1, 0, 0], "hedging_count": [0, 0, 1],
    ...     "certainty_count": [0, 0, 0], "loaded_count": [1, 0, 0]})
    >>> path = os.path.join(tempfile.mkdtemp(), "sheet.csv")
    >>> sheet = sample_for_coding(scored, n=2, stratify="flagged", seed=1, path=path)
    >>> sheet.table["stratum"].tolist()
    ['flagged', 'not flagged']
    >>> read_coding_sheet(path)["row_id"].tolist()
    ['0', '1']

References:
    Grimmer, J. & Stewart, B. M. (2013). Text as Data: The Promise and
    Pitfalls of Automatic Content Analysis Methods for Political Texts.
    Political Analysis 21(3).
    Young, L. & Soroka, S. (2012). Affective News: The Automated Coding of
    Sentiment in Political Texts. Political Communication 29(2).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.constants import DIMENSIONS

#: Columns of a coding sheet before the code columns.
LEAD_COLUMNS: tuple[str, ...] = ("coding_id", "row_id", "stratum", "weight", "statement",
                                 "context", "coder")
#: Accepted codes (case-insensitive, surrounding spaces ignored); empty = not coded.
CODE_VALUES: Mapping[str, int] = {
    "1": 1, "0": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "true": 1, "false": 0,
    "1.0": 1, "0.0": 0,
}
FLAGGED = "flagged"
#: One-line coding guide per built-in dimension, written into the sheet.
DIMENSION_GUIDE: Mapping[str, str] = {
    "hostility": "hostile or threatening language towards a target (idiots, will be destroyed)",
    "hedging": "the speaker marks a claim as uncertain (may, reportedly, appears)",
    "certainty": "the speaker stresses a claim as certain (clearly, will, inevitable)",
    "loaded": "emotive or labelling words (regime, terrorists, liberation)",
}
_FORMULA_START = ("=", "+", "-", "@")
_MARK_OPEN, _MARK_CLOSE, _ELLIPSIS = "⟦", "⟧", "…"


class CodingSheetError(ValueError):
    """A coding sheet that cannot be read or does not fit the scored table."""


@dataclass(frozen=True)
class CodingSheet:
    """A drawn sample: the sheet's table, where it was written, and its instructions."""

    table: pd.DataFrame
    path: Path | None
    instructions: tuple[str, ...]
    strata: pd.DataFrame  # stratum, rows in the table, rows drawn, weight


def code_column(dimension: str) -> str:
    """Name of the code column of a dimension.

    Example:
        >>> code_column("hedging")
        'code_hedging'
    """
    return f"code_{dimension}"


def _strata(scored: pd.DataFrame, stratify: str | Sequence[str] | None,
            dimensions: Sequence[str]) -> pd.Series:
    if stratify is None:
        return pd.Series("all", index=scored.index, dtype=object)
    if stratify == FLAGGED:
        cols = [f"{d}_count" for d in dimensions]
        _require(scored, cols, "stratify='flagged'")
        hit = (scored[cols].apply(pd.to_numeric, errors="coerce").fillna(0) > 0).any(axis=1)
        return hit.map({True: "flagged", False: "not flagged"}).astype(object)
    cols = [stratify] if isinstance(stratify, str) else list(stratify)
    _require(scored, cols, "stratify")
    parts = scored[cols].astype(object).where(scored[cols].notna(), "(missing)").astype(str)
    return parts.agg(" | ".join, axis=1).astype(object)


def _require(frame: pd.DataFrame, cols: Sequence[str], who: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise KeyError(f"sample_for_coding: {who} needs column(s) {missing}; "
                       f"the table has {list(frame.columns)}")


def allocate(sizes: Mapping[str, int], n: int, allocation: str = "equal") -> dict[str, int]:
    """Rows to draw per stratum (strata in sorted order; never more than a stratum has).

    Example:
        >>> allocate({"a": 10, "b": 1, "c": 10}, 7)
        {'a': 3, 'b': 1, 'c': 3}
        >>> allocate({"a": 30, "b": 10}, 8, "proportional")
        {'a': 6, 'b': 2}
    """
    if allocation not in ("equal", "proportional"):
        raise ValueError(f"allocation must be 'equal' or 'proportional', not {allocation!r}")
    keys = sorted(sizes)
    total = sum(sizes.values())
    n = min(n, total)
    if allocation == "proportional" and total:
        # largest remainders, ties broken by stratum order
        exact = {k: n * sizes[k] / total for k in keys}
        out = {k: int(exact[k]) for k in keys}
        rest = sorted(keys, key=lambda k: (-(exact[k] - out[k]), keys.index(k)))
        for k in rest[: n - sum(out.values())]:
            out[k] += 1
        return out
    out = dict.fromkeys(keys, 0)
    left = n
    while left > 0:
        open_ = [k for k in keys if out[k] < sizes[k]]
        share = max(1, left // len(open_))
        for k in open_:
            take = min(share, sizes[k] - out[k], left)
            out[k] += take
            left -= take
            if left == 0:
                break
    return out


def _context(scored: pd.DataFrame, pos: int, text_col: str, texts: Mapping[str, str] | None,
             group_col: str | None, context_chars: int) -> str:
    row = scored.iloc[pos]
    if texts is not None and group_col and {"start", "end"} <= set(scored.columns):
        doc = texts.get(str(row[group_col]))
        if isinstance(doc, str):
            s, e = int(row["start"]), int(row["end"])
            before, after = doc[max(0, s - context_chars):s], doc[e:e + context_chars]
            return _window(before, doc[s:e], after, s > context_chars, len(doc) - e > context_chars)
    if group_col and group_col in scored.columns:
        same = scored[group_col].to_numpy() == row[group_col]
        prev = [i for i in np.flatnonzero(same) if i < pos]
        nxt = [i for i in np.flatnonzero(same) if i > pos]
        before = str(scored[text_col].iloc[prev[-1]]) + " " if prev else ""
        after = " " + str(scored[text_col].iloc[nxt[0]]) if nxt else ""
        b, a = before[-context_chars:], after[:context_chars]
        return _window(b, str(row[text_col]), a, len(before) > context_chars, len(after) > context_chars)
    return ""


def _window(before: str, text: str, after: str, cut_before: bool, cut_after: bool) -> str:
    return ((_ELLIPSIS if cut_before else "") + before + _MARK_OPEN + text + _MARK_CLOSE
            + after + (_ELLIPSIS if cut_after else ""))


def _draw(strata: pd.Series, alloc: Mapping[str, int], rng: np.random.Generator) -> np.ndarray:
    picked: list[int] = []
    labels = strata.to_numpy()
    for key in sorted(alloc):
        members = np.flatnonzero(labels == key)
        if alloc[key]:
            picked.extend(rng.choice(members, size=alloc[key], replace=False).tolist())
    order = np.asarray(sorted(picked), dtype=int)
    # shuffled so that coders do not meet the strata one after another
    return order[rng.permutation(len(order))]


# Long for its docstring (the sheet's columns, strata and instructions); the code is under 60 lines.
def sample_for_coding(
    scored: pd.DataFrame,
    n: int = 200,
    *,
    stratify: str | Sequence[str] | None = FLAGGED,
    seed: int = 20130101,
    path: str | os.PathLike[str] | None = None,
    dimensions: Sequence[str] = DIMENSIONS,
    text_col: str = "text",
    group_col: str | None = "article_id",
    texts: Mapping[str, str] | None = None,
    allocation: str = "equal",
    context_chars: int = 300,
) -> CodingSheet:
    """Draw ``n`` statements of ``scored`` for human coding and write the sheet to ``path``.

    ``scored`` is a scored table (``score_frame`` joined to the statements);
    its index identifies rows (it must be unique).  ``texts`` (e.g.
    ``load_corpus().texts``) gives each statement its article text as context
    via ``group_col``/``start``/``end``; without it the neighbouring rows of the
    same ``group_col`` are the context.  The same table, arguments and ``seed``
    give the same sheet byte for byte.  See the module docs for the columns
    and the stratification.

    Example:
        >>> import pandas as pd
        >>> scored = pd.DataFrame({"text": ["a b", "c d", "e f"], "outlet": ["x", "x", "y"]})
        >>> s = sample_for_coding(scored, n=2, stratify="outlet", dimensions=["hedging"], seed=3)
        >>> sorted(s.table["stratum"]), list(s.table.columns[-2:])
        (['x', 'y'], ['code_hedging', 'note'])
    """
    if not isinstance(scored, pd.DataFrame):
        raise TypeError(f"sample_for_coding: scored must be a DataFrame, got {type(scored).__name__}")
    if n < 1:
        raise ValueError(f"sample_for_coding: n must be >= 1, got {n!r}")
    if not scored.index.is_unique:
        raise ValueError("sample_for_coding: the index of scored must be unique (it identifies rows); "
                         "call reset_index() first")
    _require(scored, [text_col], "text_col")
    dimensions = [dimensions] if isinstance(dimensions, str) else list(dimensions)  # not one per letter
    usable = scored
    excluded: dict[str, int] = {}
    if "status" in scored.columns:
        ok = (scored["status"] == "ok").fillna(False).to_numpy(dtype=bool)
        left_out = scored.loc[~ok, "status"].astype(str).value_counts().sort_index()
        excluded = {str(k): int(v) for k, v in left_out.items()}
        usable = scored.loc[ok]
    if usable.empty:
        raise ValueError("sample_for_coding: no row with status 'ok' to draw from")
    strata = _strata(usable, stratify, dimensions)
    sizes: dict[str, int] = {str(k): int(v) for k, v in strata.value_counts().items()}
    alloc = allocate(sizes, n, allocation)
    rng = np.random.default_rng(seed)
    positions = _draw(strata.astype(str), alloc, rng)
    weights = {k: (sizes[k] / alloc[k]) if alloc[k] else float("nan") for k in alloc}
    table = pd.DataFrame({
        "coding_id": np.arange(1, len(positions) + 1),
        "row_id": [str(usable.index[p]) for p in positions],
        "stratum": [str(strata.iloc[p]) for p in positions],
        "weight": [weights[str(strata.iloc[p])] for p in positions],
        "statement": [str(usable[text_col].iloc[p]) for p in positions],
        "context": [_context(scored, _position(scored, usable.index[p]), text_col, texts, group_col,
                             context_chars) for p in positions],
        "coder": "",
        **{code_column(d): "" for d in dimensions},
        "note": "",
    })
    strata_table = pd.DataFrame({"stratum": sorted(alloc), "rows": [sizes[k] for k in sorted(alloc)],
                                 "drawn": [alloc[k] for k in sorted(alloc)],
                                 "weight": [weights[k] for k in sorted(alloc)]})
    lines = instructions(dimensions, strata_table, excluded, seed=seed, stratify=stratify,
                         n_table=len(scored))
    out = Path(path) if path is not None else None
    if out is not None:
        write_coding_sheet(table, lines, out)
    return CodingSheet(table=table, path=out, instructions=lines, strata=strata_table)


def _position(frame: pd.DataFrame, label: object) -> int:
    loc = frame.index.get_loc(label)
    assert isinstance(loc, int), "the index was checked to be unique"
    return loc


def instructions(dimensions: Sequence[str], strata: pd.DataFrame, excluded: Mapping[str, int], *,
                 seed: int, stratify: str | Sequence[str] | None, n_table: int) -> tuple[str, ...]:
    """The instruction rows written above the table (without the count line)."""
    drawn = ", ".join(f"{r.stratum}: {r.drawn} of {r.rows}" for r in strata.itertuples())
    left_out = ", ".join(f"{k}: {v}" for k, v in excluded.items()) or "none"
    codes = ", ".join(code_column(d) for d in dimensions)
    return (
        "HOW TO CODE: read 'statement' (the words to judge) with 'context' (the text around it; "
        f"the statement is marked {_MARK_OPEN}...{_MARK_CLOSE}).",
        f"For each of {codes}: write 1 if the statement itself expresses it, 0 if not; "
        "leave empty if you cannot decide (empty cells are 'not coded', never 0).",
        "Write your name or initials in 'coder' (one coder per copy of the sheet). Use 'note' for doubts.",
        "Do NOT change coding_id, row_id, stratum, weight, statement or context, nor the rows that start with #.",
        "Dimensions: " + "; ".join(f"{d} = {DIMENSION_GUIDE.get(d, 'see your codebook')}" for d in dimensions)
        + ".",
        "Code the statement without looking at the package's scores.",
        f"Sample: {len(strata)} stratum/strata by {stratify!r}, seed {seed}; drawn {drawn}; "
        f"{n_table} rows in the table; left out (status not ok): {left_out}.",
    )


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unguard(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:2] in _FORMULA_START and text[1:2] != "" else text


def write_coding_sheet(table: pd.DataFrame, lines: Sequence[str], path: str | os.PathLike[str]) -> Path:
    """Write the instruction rows and the table (temp file, then rename)."""
    path = Path(path)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([f"# coding sheet: {len(lines) + 1} instruction rows (starting with #), then the table"])
    for line in lines:
        writer.writerow([f"# {line}"])
    writer.writerow(list(table.columns))
    for rec in table.itertuples(index=False):
        writer.writerow([_guard(v) if isinstance(v, str) else _cell(v) for v in rec])
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_bytes(buf.getvalue().encode("utf-8-sig"))
    os.replace(tmp, path)
    return path


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "" if np.isnan(value) else f"{value:.10g}"
    return str(value)


def read_coding_sheet(source: str | os.PathLike[str] | pd.DataFrame,
                      dimensions: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a (filled) coding sheet: cells as text, codes as 0/1/NA, ``sheet_row`` = spreadsheet row.

    ``dimensions`` defaults to every ``code_<dim>`` column found.  Raises
    :class:`CodingSheetError` naming the sheet, row and column for a missing
    column or an unknown code.  ``sheet_row`` is the row number a spreadsheet
    shows (the instruction rows and the header count).

    Example:
        >>> import pandas as pd
        >>> sheet = pd.DataFrame({"coding_id": ["1"], "row_id": ["7"], "statement": ["x"],
        ...                       "coder": ["AB"], "code_hedging": ["yes"]})
        >>> read_coding_sheet(sheet)[["row_id", "code_hedging", "sheet_row"]].values.tolist()
        [['7', 1, 2]]
    """
    name, frame = _raw_sheet(source)
    missing = [c for c in ("row_id", "statement", "coder") if c not in frame.columns]
    codes = [c for c in frame.columns if str(c).startswith("code_")]
    if dimensions is not None:
        missing += [code_column(d) for d in dimensions if code_column(d) not in frame.columns]
        codes = [code_column(d) for d in dimensions]
    if missing or not codes:
        raise CodingSheetError(f"{name}: missing column(s) {missing or ['code_<dimension>']}; "
                               f"the header has {[c for c in frame.columns if c != 'sheet_row']}")
    rows = frame.pop("sheet_row")
    frame = frame.fillna("").astype(str)
    frame["sheet_row"] = rows.to_numpy(dtype=int)
    for col in ("statement", "context"):
        if col in frame.columns:
            frame[col] = frame[col].map(_unguard)
    for col in codes:
        values = [_code(v, name, r, col) for v, r in zip(frame[col], frame["sheet_row"])]
        frame[col] = pd.Series(values, index=frame.index, dtype="Int64")
    frame["row_id"] = frame["row_id"].str.strip()
    blank = frame.loc[frame["row_id"] == "", "sheet_row"].tolist()
    if blank:
        raise CodingSheetError(f"{name}, row {blank[0]}, column 'row_id': empty row id")
    return frame


def _raw_sheet(source: str | os.PathLike[str] | pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The table part of a sheet with a ``sheet_row`` column (spreadsheet row numbers)."""
    if isinstance(source, pd.DataFrame):
        frame = source.astype(object).copy()
        frame["sheet_row"] = np.arange(2, 2 + len(frame))
        return "coding sheet (DataFrame)", frame
    path = Path(source)
    if not path.is_file():
        raise CodingSheetError(f"{path}: no such coding sheet")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CodingSheetError(f"{path}: not UTF-8 (save the sheet as 'CSV UTF-8'): {err}") from err
    rows = list(csv.reader(io.StringIO(text)))
    skip = 0
    while skip < len(rows) and rows[skip] and rows[skip][0].lstrip().startswith("#"):
        skip += 1
    if skip == len(rows):
        raise CodingSheetError(f"{path}: no header row after {skip} instruction rows")
    header = [h.strip() for h in rows[skip]]
    body: list[list[str]] = []
    numbers: list[int] = []
    for k, r in enumerate(rows[skip + 1:], start=skip + 2):
        if not any(c.strip() for c in r):
            continue  # an empty row a spreadsheet left behind
        if len(r) > len(header) and any(c.strip() for c in r[len(header):]):
            raise CodingSheetError(f"{path}, row {k}: {len(r)} cells, but the header has {len(header)}")
        body.append((r + [""] * len(header))[:len(header)])
        numbers.append(k)
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame["sheet_row"] = numbers
    return str(path), frame


def _code(value: str, name: str, row: int, column: str) -> object:
    v = value.strip().lower()
    if v == "":
        return pd.NA
    if v not in CODE_VALUES:
        raise CodingSheetError(f"{name}, row {row}, column {column!r}: unknown code {value!r} "
                               f"(use 1 or 0, or leave empty for 'not coded')")
    return CODE_VALUES[v]
