"""Scored documents over time and around an event, and match tables per group.

* :func:`add_period` -- the calendar period (month, week ...) of each row;
* :func:`period_rates` -- pooled rates per period (and group) with bootstrap
  intervals, every row accounted for (undated rows form their own group);
* :func:`before_after` -- rates before and after an event date per group, and
  the after-minus-before difference with a bootstrap interval;
* :func:`match_counts` -- per-row counts of matches by a match attribute
  (``side``, ``category`` ...), ready for :func:`analysis.compare.aggregate`;
* :func:`match_rates` -- per group and term (or side, category): count,
  documents using it, and rate per 1,000 tokens of the group.

Rates are pooled as in :mod:`analysis.compare.aggregate`:
``1000 * sum(count) / sum(n_tokens)`` over the group's rows with status
``'ok'``; the document is the resampling unit.

Example:
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"date": ["2022-02-01", "2022-03-05", None],
    ...     "n_tokens": [100, 50, 10], "hostility_count": [1, 2, 0]})
    >>> t = period_rates(scored, "date", dimensions=["hostility"], n_boot=0)
    >>> t[["period", "n_statements", "hostility_rate"]].values.tolist()
    [['2022-02', 1, 10.0], ['2022-03', 1, 40.0], ['undated', 1, 0.0]]

References:
    Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*.
    Chapman & Hall, ch. 13 (percentile intervals).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from analysis.compare.aggregate import (
    aggregate,
    check_ci,
    check_seed,
    checked_columns,
    group_codes,
    numeric_column,
    ok_mask,
)
from analysis.compare.bootstrap import keyed_rng, members_by_group, resample_sums
from analysis.constants import DIMENSIONS
from analysis.validate_args import ArgumentError, require_columns

#: Label of the period of rows without a usable date.
UNDATED = "undated"


def _by_list(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _utc_dates(frame: pd.DataFrame, date_col: str, *, who: str, frame_name: str) -> pd.Series:
    require_columns(frame, [date_col], who=who, frame_name=frame_name)
    column = frame[date_col]
    # pandas reads a number as nanoseconds since 1970: a year column (2022)
    # would put every row in January 1970 without a word
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        raise ArgumentError(
            f"{who}: date column {date_col!r} holds numbers ({column.dtype}), not dates; "
            "convert it first (e.g. pd.to_datetime(years.astype(str), format='%Y'))"
        )
    return pd.to_datetime(column, errors="coerce", utc=True, format="mixed")


def _event_instant(event_date: object) -> pd.Timestamp:
    """``event_date`` as a UTC instant; a missing or unreadable date is an error, never NaT."""
    try:
        when = pd.Timestamp(event_date)  # type: ignore[arg-type]
        readable = not pd.isna(when)
    except (TypeError, ValueError):
        readable = False
    if not readable:
        raise ArgumentError(f"before_after: event_date must be a date or a date string; got {event_date!r}")
    return when.tz_localize("UTC") if when.tzinfo is None else when.tz_convert("UTC")


def add_period(
    frame: pd.DataFrame, date_col: str, freq: str = "M", *, col: str = "period"
) -> pd.DataFrame:
    """A copy of ``frame`` with ``col`` = the period of ``date_col`` as text.

    ``freq`` is a pandas period code (``"M"`` -> ``'2022-03'``, ``"W"``,
    ``"Q"``, ``"Y"``, ``"D"``); dates are taken in UTC.  Rows whose date is
    missing or unparsable get ``'undated'`` (never dropped).  Text labels sort
    in time order and keep groupby output readable.

    Example:
        >>> add_period(pd.DataFrame({"d": ["2022-02-24T22:00:00+00:00", "x"]}), "d")["period"].tolist()
        ['2022-02', 'undated']
    """
    dates = _utc_dates(frame, date_col, who="add_period", frame_name="frame")
    try:
        labels = dates.dt.tz_localize(None).dt.to_period(freq).astype(str)
    except (TypeError, ValueError):
        raise ArgumentError(f"add_period: freq must be a pandas period code such as 'M', 'W', 'Q', 'Y' "
                            f"or 'D'; got {freq!r}") from None
    return frame.assign(**{col: labels.where(dates.notna(), UNDATED).astype(str)})


def period_rates(
    scored: pd.DataFrame,
    date_col: str,
    by: str | Sequence[str] | None = None,
    *,
    freq: str = "M",
    dimensions: Sequence[str] = DIMENSIONS,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
) -> pd.DataFrame:
    """Pooled rate per period (and ``by`` group) with bootstrap intervals.

    ``scored`` is a :func:`analysis.score_frame` result joined to a date
    column (and group columns).  Returns the columns of
    :func:`analysis.compare.aggregate` with ``period`` first (labels from
    :func:`add_period`; ``'undated'`` rows are a period of their own, so
    ``n_statements + n_skipped`` sums to ``len(scored)``).

    Example:
        >>> s = pd.DataFrame({"date": ["2022-01-03", "2022-01-20"], "side": ["a", "b"],
        ...     "n_tokens": [10, 10], "loaded_count": [1, 0]})
        >>> period_rates(s, "date", "side", dimensions=["loaded"], n_boot=0)["loaded_rate"].tolist()
        [100.0, 0.0]
    """
    framed = add_period(scored, date_col, freq)
    return aggregate(framed, ["period", *_by_list(by)], dimensions=dimensions, n_boot=n_boot,
                     ci=ci, seed=seed)


def _boot_rates(counts: np.ndarray, tokens: np.ndarray, n_boot: int,
                rng: np.random.Generator) -> np.ndarray:
    """Pooled rate (per 1,000) of each of ``n_boot`` resamples of the documents."""
    if tokens.size == 0:
        return np.full(n_boot, np.nan)
    sums = resample_sums(np.column_stack([counts, tokens]).astype(float), n_boot, rng)
    num, den = sums[:, 0], sums[:, 1]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, 1000.0 * num / den, np.nan)


def _shift(counts: np.ndarray, tokens: np.ndarray, masks: dict[str, np.ndarray], *, n_boot: int,
           alpha: float, seed: int, key: tuple[object, ...]) -> dict[str, object]:
    """Counts, rates and intervals before and after, and the difference with its interval."""
    rec: dict[str, object] = {}
    boots = {}
    for label, mask in masks.items():
        c, t = counts[mask], tokens[mask]
        rec[f"n_{label}"] = int(mask.sum())
        rec[f"tokens_{label}"] = int(t.sum())
        rec[f"count_{label}"] = int(c.sum())
        rec[f"rate_{label}"] = 1000.0 * c.sum() / t.sum() if t.sum() > 0 else np.nan
        b = _boot_rates(c, t, n_boot, keyed_rng(seed, (*key, label)))
        boots[label] = b
        lo, hi = (np.nanquantile(b, [alpha, 1 - alpha]) if n_boot and np.isfinite(b).any()
                  else (np.nan, np.nan))
        rec[f"rate_{label}_lo"], rec[f"rate_{label}_hi"] = float(lo), float(hi)
    rec["difference"] = rec["rate_after"] - rec["rate_before"]  # type: ignore[operator]
    diff = boots["after"] - boots["before"]
    lo, hi = (np.nanquantile(diff, [alpha, 1 - alpha]) if n_boot and np.isfinite(diff).any()
              else (np.nan, np.nan))
    rec["difference_lo"], rec["difference_hi"] = float(lo), float(hi)
    return rec


# Long for its docstring (the output columns and the interval method); the code is under 60 lines.
def before_after(
    scored: pd.DataFrame,
    date_col: str,
    event_date: str | pd.Timestamp,
    by: str | Sequence[str] | None = None,
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
) -> pd.DataFrame:
    """Pooled rates before and after ``event_date``, per group and dimension.

    "Before" is every row dated earlier than ``event_date`` (taken as a UTC
    instant; a bare date means its midnight), "after" is the event date and
    later.  Only rows with status ``'ok'`` (all rows if there is no
    ``status`` column) and a usable date are used; ``n_undated`` and
    ``n_skipped`` count the others, so every row is accounted for.

    One row per group and dimension with ``n_before`` / ``n_after``
    (documents), ``tokens_before`` / ``tokens_after``, ``count_before`` /
    ``count_after``, ``rate_before`` / ``rate_after`` with ``_lo`` / ``_hi``
    bootstrap intervals, and ``difference`` (after minus before) with
    ``difference_lo`` / ``difference_hi``: each period's documents are
    resampled independently and the percentile interval of the difference of
    the pooled rates is taken.

    Example:
        >>> s = pd.DataFrame({"date": ["2022-01-01", "2022-01-02", "2022-03-01", "2022-03-02"],
        ...     "n_tokens": [100, 100, 100, 100], "hostility_count": [1, 1, 3, 5]})
        >>> r = before_after(s, "date", "2022-02-24", dimensions=["hostility"], n_boot=0)
        >>> r[["rate_before", "rate_after", "difference"]].values.tolist()
        [[10.0, 40.0, 30.0]]

    References:
        Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*,
        ch. 13.
    """
    check_ci(n_boot, ci, who="before_after")
    check_seed(seed, who="before_after")
    by_cols, dims = checked_columns(scored, _by_list(by), dimensions, who="before_after", by_required=False)
    when = _event_instant(event_date)
    dates = _utc_dates(scored, date_col, who="before_after", frame_name="scored")
    ok = ok_mask(scored)
    dated = dates.notna().to_numpy()
    after = (dates >= when).fillna(False).to_numpy(dtype=bool)
    alpha = (1.0 - ci) / 2.0

    if by_cols:
        codes, keys = group_codes(scored, by_cols, who="before_after")
        group_keys = [k if isinstance(k, tuple) else (k,) for k in keys]
    else:
        codes, group_keys = np.zeros(len(scored), dtype=np.intp), [()]
    # validated on the rows used (ok and dated), as aggregate validates its ok rows
    used = scored.loc[ok & dated]
    tokens = np.zeros(len(scored))
    tokens[ok & dated] = numeric_column(used, "n_tokens", who="before_after")
    all_counts = {}
    for dim in dims:
        all_counts[dim] = np.zeros(len(scored))
        all_counts[dim][ok & dated] = numeric_column(used, f"{dim}_count", who="before_after")
    group_rows = members_by_group(codes, len(group_keys))
    records = []
    for g, key in enumerate(group_keys):
        rows = group_rows[g]
        use, row_ok, row_dated, row_after = (ok & dated)[rows], ok[rows], dated[rows], after[rows]
        n_undated = int((row_ok & ~row_dated).sum())
        n_skipped = int((~row_ok).sum())
        for dim in dims:
            rec: dict[str, object] = dict(zip(by_cols, key, strict=True))
            rec["dimension"] = dim
            rec |= _shift(all_counts[dim][rows], tokens[rows],
                          {"before": use & ~row_after, "after": use & row_after},
                          n_boot=n_boot, alpha=alpha, seed=seed, key=(*key, dim))
            rec["n_undated"], rec["n_skipped"] = n_undated, n_skipped
            records.append(rec)
    columns = [*by_cols, "dimension", "n_before", "n_after", "tokens_before", "tokens_after",
               "count_before", "count_after", "rate_before", "rate_before_lo", "rate_before_hi",
               "rate_after", "rate_after_lo", "rate_after_hi", "difference", "difference_lo",
               "difference_hi", "n_undated", "n_skipped"]
    return pd.DataFrame.from_records(records, columns=columns)


def match_counts(
    matches: pd.DataFrame,
    index: pd.Index | Sequence[Hashable],
    key: str = "side",
    *,
    values: Sequence[str] | None = None,
    dimension: str | None = "loaded",
) -> pd.DataFrame:
    """Per-row counts of matches by ``key``: columns ``<value>_count``, one row per ``index``.

    ``matches`` comes from :func:`analysis.scoring.score.matches_frame` (its
    ``row`` holds index values of the scored frame).  Only matches of
    ``dimension`` are counted (``None``: all).  ``values`` fixes the columns
    (default: the values seen, sorted); a row without matches gets zeros.
    Join the result to a scored frame and pass ``dimensions=values`` to
    :func:`analysis.compare.aggregate` for pooled rates with intervals.

    Example:
        >>> m = pd.DataFrame({"row": ["a", "a", "b"], "dimension": "loaded",
        ...                   "side": ["russian", "neutral", "russian"]})
        >>> match_counts(m, ["a", "b", "c"]).values.tolist()
        [[1, 1], [0, 1], [0, 0]]
    """
    require_columns(matches, ["row", key] + (["dimension"] if dimension else []), who="match_counts",
                    frame_name="matches")
    chosen = matches[matches["dimension"] == dimension] if dimension else matches
    index = pd.Index(index)
    unknown = pd.Index(chosen["row"].unique()).difference(index)
    if len(unknown):
        raise KeyError(f"match_counts: match rows not in index, e.g. {unknown[0]!r}")
    cols = list(values) if values is not None else sorted(chosen[key].astype(str).unique())
    table = pd.crosstab(chosen["row"], chosen[key].astype(str))
    table = table.reindex(index=index, columns=cols, fill_value=0).fillna(0).astype("int64")
    table.columns = [f"{c}_count" for c in cols]
    table.columns.name = None
    return table


def match_rates(
    matches: pd.DataFrame,
    scored: pd.DataFrame,
    by: str | Sequence[str],
    *,
    key: str | Sequence[str] = "term",
    dimension: str | None = "loaded",
    top: int | None = None,
    complete: bool = False,
) -> pd.DataFrame:
    """Count, documents and rate per 1,000 tokens of each ``key`` value per group.

    The denominator is the group's tokens in rows with status ``'ok'`` of
    ``scored`` (which holds ``n_tokens``, the ``by`` columns and, optionally,
    ``status``); ``matches`` rows refer to ``scored`` through ``row``.
    ``key`` may be several columns (e.g. ``["term", "side"]``).  Rows are
    sorted by group, then count descending, then key; ``top`` keeps the first
    ``top`` per group.  ``complete=True`` lists every group x key combination
    (zeros included), e.g. to show that a side never uses a term.

    Returns ``by`` columns, ``key`` columns, ``count``, ``n_docs`` (rows with
    at least one match), ``n_tokens`` (of the group), ``rate``.

    Example:
        >>> s = pd.DataFrame({"bloc": ["ru", "ua"], "n_tokens": [500, 1000]}, index=[10, 11])
        >>> m = pd.DataFrame({"row": [10, 10, 11], "dimension": "loaded",
        ...                   "term": ["junta", "junta", "occupiers"]})
        >>> match_rates(m, s, "bloc")[["bloc", "term", "count", "rate"]].values.tolist()
        [['ru', 'junta', 2, 4.0], ['ua', 'occupiers', 1, 1.0]]
    """
    # Over 60 lines only with its 20-line docstring; the code itself is 44 lines.
    by_cols = _by_list(by)
    keys = _by_list(key)
    require_columns(scored, [*by_cols, "n_tokens"], who="match_rates", frame_name="scored")
    require_columns(matches, ["row", *keys] + (["dimension"] if dimension else []), who="match_rates",
                    frame_name="matches")
    clash = sorted(set(by_cols) & set(keys))
    if clash:
        raise ValueError(
            f"match_rates: {clash[0]!r} is both a group column of scored and a key of matches; "
            "rename the group column (e.g. 'side' -> 'presidency')"
        )
    ok = scored["status"].eq("ok") if "status" in scored.columns else pd.Series(True, index=scored.index)
    group_tokens = (
        scored[ok.to_numpy(dtype=bool)].groupby(by_cols, dropna=False)["n_tokens"].sum()
        .rename("n_tokens")
    )
    chosen = matches[matches["dimension"] == dimension] if dimension else matches
    unknown = pd.Index(chosen["row"].unique()).difference(scored.index)
    if len(unknown):
        raise KeyError(f"match_rates: match rows not in scored index, e.g. {unknown[0]!r}")
    joined = chosen[["row", *keys]].join(scored[by_cols], on="row")
    table = (
        joined.groupby([*by_cols, *keys], dropna=False)
        .agg(count=("row", "size"), n_docs=("row", "nunique"))
        .reset_index()
    )
    if complete:
        groups = group_tokens.index.to_frame(index=False)
        values = table[keys].drop_duplicates() if len(table) else chosen[keys].drop_duplicates()
        full = groups.merge(values, how="cross")
        table = full.merge(table, on=[*by_cols, *keys], how="left").fillna({"count": 0, "n_docs": 0})
    table = table.merge(group_tokens.reset_index(), on=by_cols, how="left")
    table["count"] = table["count"].astype("int64")
    table["n_docs"] = table["n_docs"].astype("int64")
    table["n_tokens"] = table["n_tokens"].fillna(0).astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        table["rate"] = np.where(table["n_tokens"] > 0,
                                 1000.0 * table["count"] / table["n_tokens"], np.nan)
    table = table.sort_values([*by_cols, "count", *keys],
                              ascending=[True] * len(by_cols) + [False] + [True] * len(keys),
                              kind="stable")
    if top is not None:
        table = table.groupby(by_cols, dropna=False, sort=False).head(top)
    return table.reset_index(drop=True)[[*by_cols, *keys, "count", "n_docs", "n_tokens", "rate"]]
