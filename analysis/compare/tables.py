"""Small display tables for notebooks and reports: labels, deduplication, rate tables.

These helpers shape already-computed data for reading; they compute no new
measure.  ``outlet_labels`` keeps unidentified outlets apart (one label per
article, not one pooled "unidentified" group); ``dedupe_statements`` collapses
renderings of a quote that differ only in quotation marks, case, spacing or
closing punctuation, so a statement carried by several articles is counted
once; ``rate_table`` lays out :func:`analysis.compare.aggregate` output as
count, rate and interval side by side, and ``format_ci`` / ``format_rate_ci``
write one ``rate [low, high]``; ``keyword_in_context`` shows a match in its
text; ``order_by_bloc`` lists groups by source bloc, then by size.

Example:
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["unidentified", "BBC"]})
    >>> outlet_labels(arts).tolist()
    ['unidentified (a1)', 'BBC']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence

import pandas as pd

from analysis.constants import BLOC_ORDER, DIMENSIONS
from analysis.corpus.voices import UNIDENTIFIED_NAMES, outlet_label
from analysis.validate_args import ArgumentError, check_range, require_columns

__all__ = [
    "UNIDENTIFIED_OUTLETS",
    "dedupe_statements",
    "format_ci",
    "format_rate_ci",
    "keyword_in_context",
    "normalise_quote",
    "order_by_bloc",
    "outlet_labels",
    "rate_table",
]

#: Outlet values that name no outlet (compared after stripping, case-insensitively).
UNIDENTIFIED_OUTLETS: frozenset[str] = UNIDENTIFIED_NAMES

# Typographic quotes and dashes that vary between outlets' renderings of one quote.
_QUOTE_MAP = str.maketrans(
    {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"} | {c: "-" for c in "‐‑‒–—―"}
)
_EDGE = re.compile(r"^[\s\"'(\[]+|[\s\"'.,;:!?…)\]]+$")
_SPACE = re.compile(r"\s+")


def outlet_labels(
    frame: pd.DataFrame,
    *,
    outlet_col: str = "outlet",
    id_col: str = "article_id",
    unidentified: Collection[str] = UNIDENTIFIED_OUTLETS,
) -> pd.Series:
    """One display label per row: the outlet, or ``'unidentified (<article id>)'``.

    Grouping by a raw ``outlet`` column would pool every unidentified article
    into one pseudo-outlet; labelling them by article id keeps them apart.
    Missing outlets count as unidentified.  Same index as ``frame``.

    Raises:
        ArgumentError: a named column is missing or duplicated (also a KeyError).

    Example:
        >>> import pandas as pd
        >>> st = pd.DataFrame({"article_id": ["s0", "s1", "s1"],
        ...                    "outlet": ["Reuters", None, "unidentified"]})
        >>> outlet_labels(st).tolist()
        ['Reuters', 'unidentified (s1)', 'unidentified (s1)']
    """
    require_columns(frame, [outlet_col, id_col], who="outlet_labels", frame_name="frame")
    unknown = unidentified if unidentified is UNIDENTIFIED_OUTLETS else {u.strip().casefold() for u in unidentified}
    labels = [outlet_label(o, a, unknown) for o, a in zip(frame[outlet_col], frame[id_col], strict=True)]
    return pd.Series(labels, index=frame.index, dtype="str", name="outlet_label")


def normalise_quote(text: str) -> str:
    """A quote reduced to what renderings of it share: case, quotes, spacing and
    edge punctuation removed; inner punctuation and words kept.

    Example:
        >>> normalise_quote("“Retribution is inevitable,”") == normalise_quote('"retribution is inevitable."')
        True
        >>> normalise_quote("  the neo‑Nazi   regime ")
        'the neo-nazi regime'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalise_quote expects a str, got {type(text).__name__}")
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).casefold()
    return _SPACE.sub(" ", _EDGE.sub("", folded)).strip()


def dedupe_statements(
    statements: pd.DataFrame,
    *,
    text_col: str = "text",
    by: str | Sequence[str] = ("speaker",),
    id_col: str | None = "article_id",
) -> pd.DataFrame:
    """Keep the first row of each (``by``, normalised text) group; count the copies.

    Returns the kept rows (original index and order) with ``normalised_text``,
    ``n_copies`` (rows that collapsed into this one) and, when ``id_col`` is
    given, ``n_articles`` (distinct ``id_col`` values among them).  Only
    renderings that are identical after :func:`normalise_quote` collapse; a
    different translation of the same remark stays a separate row (see
    :func:`analysis.compare.align_renderings` for fuzzy clusters).  Rows whose
    text normalises to ``''`` are kept as they are, one each.

    Raises:
        ArgumentError: a named column is missing or duplicated (also a KeyError).

    Example:
        >>> import pandas as pd
        >>> st = pd.DataFrame({"article_id": ["a", "b", "b"], "speaker": ["M", "M", "P"],
        ...     "text": ["“Retribution is inevitable,”", '"Retribution is inevitable."',
        ...              "Retribution is inevitable."]})
        >>> out = dedupe_statements(st)
        >>> out[["speaker", "n_copies", "n_articles"]].values.tolist()
        [['M', 2, 2], ['P', 1, 1]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    needed = [text_col, *keys] + ([id_col] if id_col else [])
    require_columns(statements, needed, who="dedupe_statements", frame_name="statements")
    texts = statements[text_col]
    norm = pd.Series(
        [normalise_quote(t) if isinstance(t, str) else "" for t in texts],
        index=statements.index,
        dtype="str",
    )
    # rows with nothing to compare get a unique key so they never collapse
    unique = pd.Series([f"\x00row{i}" for i in range(len(norm))], index=norm.index, dtype="str")
    key = norm.where(norm != "", unique)
    work = statements.assign(normalised_text=norm, _key=key)
    group_cols = [*keys, "_key"]
    grouped = work.groupby(group_cols, sort=False, dropna=False)
    work["n_copies"] = grouped["_key"].transform("size").astype("int64")
    if id_col:
        work["n_articles"] = grouped[id_col].transform(lambda s: s.nunique(dropna=False)).astype("int64")
    out = work.loc[~work.duplicated(group_cols, keep="first")]
    return out.drop(columns="_key")


def rate_table(
    agg: pd.DataFrame,
    by: str | Sequence[str],
    dimensions: Sequence[str] = DIMENSIONS,
    *,
    decimals: int = 1,
) -> pd.DataFrame:
    """A readable view of :func:`analysis.compare.aggregate` output.

    One row per group: the ``by`` columns, ``n_statements``, ``n_tokens``, then
    per dimension its count and ``"rate [low, high]"`` (per 1,000 tokens, the
    bootstrap interval) as text in ``<dim>_rate [CI]``, so counts and rates are read together; with a
    ``sentiment_mean`` column, also ``sentiment`` as ``"mean [low, high]"``
    (3 decimals).  NaN shows as ``'n/a'``.

    Raises:
        ArgumentError: ``agg`` lacks a needed column or has it twice (also a KeyError).

    Example:
        >>> import pandas as pd
        >>> agg = pd.DataFrame({"speaker": ["M"], "n_statements": [3], "n_tokens": [40],
        ...     "hostility_count": [2], "hostility_rate": [50.0],
        ...     "hostility_rate_lo": [0.0], "hostility_rate_hi": [90.0]})
        >>> rate_table(agg, "speaker", ["hostility"]).to_dict("records")[0]["hostility_rate [CI]"]
        '50.0 [0.0, 90.0]'
    """
    keys = [by] if isinstance(by, str) else list(by)
    dimensions = [dimensions] if isinstance(dimensions, str) else list(dimensions)  # not one per letter
    needed = [*keys, "n_statements", "n_tokens"]
    for d in dimensions:
        needed += [f"{d}_count", f"{d}_rate", f"{d}_rate_lo", f"{d}_rate_hi"]
    require_columns(agg, needed, who="rate_table", frame_name="agg")

    out = agg[[*keys, "n_statements", "n_tokens"]].copy()
    for d in dimensions:
        out[f"{d}_count"] = agg[f"{d}_count"].astype("int64")
        out[f"{d}_rate [CI]"] = [
            format_ci(v, lo, hi, decimals)
            for v, lo, hi in zip(agg[f"{d}_rate"], agg[f"{d}_rate_lo"], agg[f"{d}_rate_hi"], strict=True)
        ]
    if {"sentiment_mean", "sentiment_lo", "sentiment_hi"} <= set(agg.columns):
        out["sentiment [CI]"] = [
            format_ci(v, lo, hi, 3)
            for v, lo, hi in zip(agg["sentiment_mean"], agg["sentiment_lo"], agg["sentiment_hi"], strict=True)
        ]
    return out.reset_index(drop=True)


def format_ci(value: float, low: float, high: float, decimals: int = 1) -> str:
    """``"value [low, high]"`` with ``decimals`` places; NaN shows as ``n/a``.

    Example:
        >>> format_ci(12.345, 3.0, 20.5), format_ci(5.0, float("nan"), 1.0, 0), format_ci(float("nan"), 0, 1)
        ('12.3 [3.0, 20.5]', '5 [n/a]', 'n/a')
    """
    if value != value:
        return "n/a"
    ci = "n/a" if low != low or high != high else f"{low:.{decimals}f}, {high:.{decimals}f}"
    return f"{value:.{decimals}f} [{ci}]"


def format_rate_ci(row: Mapping[str, float] | pd.Series, column: str, decimals: int = 1) -> str:
    """``format_ci`` of ``row[column]`` with its interval ``row[column + "_lo"]``, ``row[column + "_hi"]``.

    ``row`` is one row of :func:`analysis.compare.aggregate` (or
    :func:`analysis.compare.before_after`) output, e.g. ``agg.loc[group]``.

    Raises:
        ArgumentError: ``row`` lacks the column or its interval (also a KeyError).

    Example:
        >>> row = {"hostility_rate": 50.0, "hostility_rate_lo": 12.5, "hostility_rate_hi": 91.25}
        >>> format_rate_ci(row, "hostility_rate"), format_rate_ci(row, "hostility_rate", 0)
        ('50.0 [12.5, 91.2]', '50 [12, 91]')
    """
    missing = [c for c in (column, f"{column}_lo", f"{column}_hi") if c not in row]
    if missing:
        # a row is a Mapping or Series, not a frame, so require_columns does not apply
        raise ArgumentError(f"format_rate_ci: row lacks {missing}; it has {list(row.keys())}")
    return format_ci(float(row[column]), float(row[f"{column}_lo"]), float(row[f"{column}_hi"]), decimals)


def keyword_in_context(text: str, start: int, end: int, width: int = 70) -> str:
    """``text[start:end]`` with up to ``width`` characters either side, on one line, marked ``…``.

    Line breaks become spaces so that the snippet fits a table cell.

    Example:
        >>> t = "Officials said the\\nregime's crimes must end, he said."
        >>> keyword_in_context(t, t.index("regime"), t.index("regime") + 6, width=10)
        "… said the regime's crimes …"
    """
    if not 0 <= start <= end <= len(text):  # two related bounds: one message, not two check_range calls
        raise ArgumentError(f"keyword_in_context: span {start}..{end} is outside a text of {len(text)} characters")
    check_range("width", width, low=0, who="keyword_in_context")
    return "…" + text[max(0, start - width):end + width].replace("\n", " ") + "…"


def order_by_bloc(
    frame: pd.DataFrame, group_col: str, bloc_col: str, bloc_order: Sequence[str] = BLOC_ORDER
) -> list[str]:
    """The groups of ``frame[group_col]`` listed by bloc, then by number of rows (most first), then name.

    A group's bloc is its first row's ``bloc_col``; blocs outside
    ``bloc_order`` (e.g. '') come last.  This is the order the speaker
    figures and tables use.

    Raises:
        ArgumentError: a named column is missing or duplicated (also a KeyError).

    Example:
        >>> import pandas as pd
        >>> st = pd.DataFrame({"speaker": ["Zelensky", "Peskov", "Putin", "Putin", "Kallas"],
        ...                    "speaker_bloc": ["ukrainian", "russian", "russian", "russian", ""]})
        >>> order_by_bloc(st, "speaker", "speaker_bloc")
        ['Putin', 'Peskov', 'Zelensky', 'Kallas']
    """
    require_columns(frame, [group_col, bloc_col], who="order_by_bloc", frame_name="frame")
    rank = {b: i for i, b in enumerate(bloc_order)}
    grouped = frame.groupby(group_col)
    blocs, sizes = grouped[bloc_col].first(), grouped.size()
    return sorted(sizes.index, key=lambda g: (rank.get(blocs[g], len(rank)), -sizes[g], g))
