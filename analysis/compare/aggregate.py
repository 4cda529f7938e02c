"""Pooled rates per group, with bootstrap intervals over statements.

A group's rate is *pooled*: ``1000 * sum(count) / sum(n_tokens)`` over its
statements, i.e. matches per 1,000 tokens of everything the group said.  A mean
of per-statement rates would let a two-word quote weigh as much as a speech.

The interval resamples whole statements with replacement (the statement is the
sampling unit, so the dependence between the tokens of one statement is kept)
and takes percentiles of the pooled rate over the resamples.

Example:
    >>> import pandas as pd
    >>> scored = pd.DataFrame({
    ...     "outlet": ["a", "a", "b"], "status": ["ok", "ok", "empty"],
    ...     "n_tokens": [10, 30, 0], "hostility_count": [1, 1, 0],
    ...     "sentiment_compound": [0.5, -0.1, 0.0]})
    >>> agg = aggregate(scored, "outlet", dimensions=("hostility",), n_boot=200)
    >>> agg[["outlet", "n_statements", "n_skipped", "hostility_rate"]].to_string(index=False)
    'outlet  n_statements  n_skipped  hostility_rate\\n     a             2          0            50.0\\n     b             0          1             NaN'

References:
    Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*.
    Chapman & Hall, ch. 13 (percentile intervals).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.compare.bootstrap import keyed_rng, members_by_group, resample_sums
from analysis.constants import DIMENSIONS
from analysis.validate_args import ArgumentError, check_range, require_columns

_SENTIMENT_COL = "sentiment_compound"
#: ``sentiment_status`` values of rows without sentiment (NaN by design: ru/uk
#: or Cyrillic text, or ``sentiment="none"``); they are left out of the mean.
_NO_SENTIMENT = ("sentiment_unavailable", "not_requested")


class Interval(NamedTuple):
    """A point estimate with the low and high ends of its interval."""

    estimate: float
    low: float
    high: float


def _ratio_intervals(
    numerators: np.ndarray,
    denominators: np.ndarray,
    *,
    scale: float | np.ndarray,
    n_boot: int,
    ci: float,
    rng: np.random.Generator,
) -> list[Interval]:
    """Intervals of ``scale_j * sum(num_j) / sum(den_j)`` for each column j.

    All columns share the same resamples, so the intervals of one group come
    from one set of bootstrap draws.
    """
    n, m = numerators.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        den_total = denominators.sum(axis=0)
        estimates = np.where(den_total > 0, scale * numerators.sum(axis=0) / den_total, np.nan)
    if n == 0 or n_boot == 0:
        return [Interval(float(e), np.nan, np.nan) for e in estimates]
    sums = resample_sums(np.hstack([numerators, denominators]), n_boot, rng)
    num_b, den_b = sums[:, :m], sums[:, m:]
    with np.errstate(invalid="ignore", divide="ignore"):
        stats = np.where(den_b > 0, scale * num_b / den_b, np.nan)
    alpha = (1.0 - ci) / 2.0
    result = []
    for j, est in enumerate(estimates):
        col = stats[:, j]
        if np.isnan(est) or np.isnan(col).all():
            result.append(Interval(float(est), np.nan, np.nan))
            continue
        lo, hi = np.nanquantile(col, [alpha, 1.0 - alpha])
        result.append(Interval(float(est), float(lo), float(hi)))
    return result


def check_ci(n_boot: int, ci: float, *, who: str | None = None,
             names: tuple[str, str] = ("n_boot", "ci")) -> None:
    """Raise :class:`~analysis.validate_args.ArgumentError` (a ValueError) unless
    ``0 < ci < 1`` and ``n_boot >= 0``; ``who`` names the caller in the message,
    ``names`` the two arguments as the caller spells them (a CLI: ``("--n-boot", "--ci")``).

    Example:
        >>> check_ci(100, 0.95) is None
        True
        >>> check_ci(100, 1.0, who="aggregate")
        Traceback (most recent call last):
        ...
        analysis.validate_args.ArgumentError: aggregate: ci must be in (0, 1); got 1.0
    """
    n_boot_name, ci_name = names
    check_range(ci_name, ci, low=0, high=1, low_open=True, high_open=True, who=who)
    # numpy takes a float or a bool as a resample count only to fail deep inside
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)):
        raise ArgumentError(f"{who + ': ' if who else ''}{n_boot_name} must be an integer; got {n_boot!r}")
    check_range(n_boot_name, n_boot, low=0, who=who)


def check_seed(seed: int, *, who: str | None = None, name: str = "seed") -> None:
    """Raise :class:`~analysis.validate_args.ArgumentError` unless ``seed`` is an integer >= 0.

    ``who`` names the caller in the message, ``name`` the argument (a CLI: ``"--seed"``).

    ``None`` is refused, not taken as "fresh entropy": every interval of
    ``compare`` is reproducible from its seed.

    Example:
        >>> check_seed(12345) is None
        True
        >>> check_seed(None, who="aggregate")
        Traceback (most recent call last):
        ...
        analysis.validate_args.ArgumentError: aggregate: seed must be an integer >= 0 (intervals are reproducible from it); got None
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ArgumentError(
            f"{who + ': ' if who else ''}{name} must be an integer >= 0 (intervals are reproducible from it); "
            f"got {seed!r}"
        )


def bootstrap_ci(
    values: Sequence[float] | np.ndarray | pd.Series,
    weights: Sequence[float] | np.ndarray | pd.Series | None = None,
    *,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
) -> Interval:
    """Percentile bootstrap interval of a (weighted) mean.

    Without ``weights`` the statistic is the mean of ``values``.  With weights
    it is ``sum(w * v) / sum(w)``; per-statement rates weighted by
    ``n_tokens`` give the pooled rate.  Resamples are deterministic for a given
    ``seed``.  An empty input, or zero total weight, gives NaN throughout.

    Example:
        >>> bootstrap_ci([1.0, 2.0, 3.0, 4.0], n_boot=500).estimate
        2.5
        >>> bootstrap_ci([100.0, 0.0], weights=[10, 30]).estimate  # pooled rate
        25.0

    References:
        Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*,
        ch. 13.
    """
    check_ci(n_boot, ci, who="bootstrap_ci")
    check_seed(seed, who="bootstrap_ci")
    v = _float_array(values, "values")
    w = np.ones_like(v) if weights is None else _float_array(weights, "weights")
    if w.shape != v.shape:
        raise ValueError(f"values and weights differ in length: {v.size} vs {w.size}")
    if not (np.isfinite(v).all() and np.isfinite(w).all()):
        bad = int(np.flatnonzero(~(np.isfinite(v) & np.isfinite(w)))[0])
        raise ValueError(f"bootstrap_ci: non-finite value or weight at position {bad}")
    if (w < 0).any():
        raise ValueError("bootstrap_ci: weights must be >= 0")
    (interval,) = _ratio_intervals(
        (v * w)[:, None], w[:, None], scale=1.0, n_boot=n_boot, ci=ci,
        rng=np.random.default_rng(seed),
    )
    return interval


def _float_array(values: object, name: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError(f"bootstrap_ci: {name} must be numbers ({' '.join(str(values).split())[:80]})") from None


def numeric_column(frame: pd.DataFrame, col: str, *, who: str = "aggregate") -> np.ndarray:
    """The column as floats; a clear error names the first bad row.

    Counts and ``n_tokens`` must be whole numbers: the output's ``<dim>_count``
    and ``n_tokens`` are integer sums, and a fraction would be cut off there
    while the rate kept it.

    Example:
        >>> numeric_column(pd.DataFrame({"n_tokens": [3, 0]}), "n_tokens").tolist()
        [3.0, 0.0]
        >>> numeric_column(pd.DataFrame({"n_tokens": [3, 0.5]}), "n_tokens")
        Traceback (most recent call last):
        ...
        ValueError: aggregate: column 'n_tokens' has a missing, non-numeric, negative or fractional value at row 1 (value np.float64(0.5)) in a row with status 'ok'
    """
    values = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if col != _SENTIMENT_COL:
        with np.errstate(invalid="ignore"):
            bad |= (values < 0) | (values != np.floor(values))
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        row = frame.index[pos]
        row = row.item() if isinstance(row, np.generic) else row
        kind = "a missing or non-numeric value" if col == _SENTIMENT_COL else \
            "a missing, non-numeric, negative or fractional value"
        raise ValueError(
            f"{who}: column {col!r} has {kind} "
            f"at row {row!r} (value {frame[col].iloc[pos]!r}) in a row with status 'ok'"
        )
    return values


def ok_mask(scored: pd.DataFrame) -> np.ndarray:
    """True for rows with status ``'ok'`` (every row without a ``status`` column; a missing status is not ok).

    Example:
        >>> ok_mask(pd.DataFrame({"status": pd.array(["ok", None, "empty"], dtype="string")})).tolist()
        [True, False, False]
    """
    if "status" not in scored.columns:
        return np.ones(len(scored), dtype=bool)
    return (scored["status"] == "ok").fillna(False).to_numpy(dtype=bool)


def _sentiment_columns(ok_rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray | None]:
    """Sentiment of the ok rows, and 1/0 weights when some rows have none by design (else None)."""
    if "sentiment_status" not in ok_rows.columns:
        return numeric_column(ok_rows, _SENTIMENT_COL), None
    without = ok_rows["sentiment_status"].isin(_NO_SENTIMENT).to_numpy(dtype=bool)
    if not without.any():
        return numeric_column(ok_rows, _SENTIMENT_COL), None
    values = np.zeros(len(ok_rows))
    values[~without] = numeric_column(ok_rows.loc[~without], _SENTIMENT_COL)
    return values, (~without).astype(float)


def _result_columns(by: list[str], dimensions: Sequence[str], sentiment: bool) -> list[str]:
    cols = [*by, "n_statements", "n_skipped", "n_tokens"]
    for dim in dimensions:
        cols += [f"{dim}_count", f"{dim}_rate", f"{dim}_rate_lo", f"{dim}_rate_hi"]
    if sentiment:
        cols += ["sentiment_mean", "sentiment_lo", "sentiment_hi"]
    return cols


# Long for its docstring (the output columns and the interval method); the code is under 60 lines.
def aggregate(
    scored: pd.DataFrame,
    by: str | Sequence[str],
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
) -> pd.DataFrame:
    """Pooled rate per 1,000 tokens per group, with bootstrap intervals.

    ``scored`` is a frame from :func:`analysis.score_frame` joined to grouping
    columns (e.g. ``load_corpus().statements``).  It needs ``n_tokens`` and
    ``<dim>_count`` for each dimension; ``status`` and ``sentiment_compound``
    are used when present (no ``status`` column means every row is ``'ok'``).

    One row per group (NaN group keys form their own group; every category of
    a categorical key is listed) with columns:

    * ``n_statements`` rows with status ``'ok'``; ``n_skipped`` all other rows,
      so ``n_statements + n_skipped`` is the group's row count;
    * ``n_tokens`` tokens in the ok rows;
    * per dimension ``<dim>_count`` (sum), ``<dim>_rate`` (pooled,
      ``1000 * count / n_tokens``), ``<dim>_rate_lo`` / ``<dim>_rate_hi``
      (percentile bootstrap over statements);
    * ``sentiment_mean`` / ``_lo`` / ``_hi``: mean VADER compound of the ok rows
      that have one (rows whose ``sentiment_status`` is ``sentiment_unavailable``
      or ``not_requested`` -- ru/uk text -- are left out of the mean only).

    A group with no ok rows or no tokens keeps its row with NaN rates.
    ``n_boot=0`` skips the bootstrap (NaN intervals).  Results are
    deterministic for a given ``seed``.

    Example:
        >>> import pandas as pd
        >>> scored = pd.DataFrame({"bloc": ["ru", "ru", "west"],
        ...     "n_tokens": [100, 100, 50], "hedging_count": [2, 0, 1]})
        >>> aggregate(scored, "bloc", dimensions=["hedging"], n_boot=0)["hedging_rate"].tolist()
        [10.0, 20.0]

    References:
        Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*,
        ch. 13.
    """
    check_ci(n_boot, ci, who="aggregate")
    check_seed(seed, who="aggregate")
    by_cols, dims = checked_columns(scored, by, dimensions)
    has_sentiment = _SENTIMENT_COL in scored.columns
    columns = _result_columns(by_cols, dims, has_sentiment)

    ok = ok_mask(scored)
    ok_rows = scored.loc[ok]
    tokens = numeric_column(ok_rows, "n_tokens")
    counts = np.column_stack(
        [numeric_column(ok_rows, f"{d}_count") for d in dims] or [np.empty((len(ok_rows), 0))]
    )
    sentiment, with_sentiment = _sentiment_columns(ok_rows) if has_sentiment else (None, None)

    codes, keys = group_codes(scored, by_cols)
    group_members = members_by_group(codes[ok], len(keys))
    group_rows = np.bincount(codes, minlength=len(keys))

    records = []
    for g, key in enumerate(keys):
        members = group_members[g]
        key_tuple = key if isinstance(key, tuple) else (key,)
        rec: dict[str, object] = dict(zip(by_cols, key_tuple, strict=True))
        rec["n_statements"] = members.size
        rec["n_skipped"] = int(group_rows[g]) - members.size
        rec["n_tokens"] = int(tokens[members].sum())
        rec |= _group_rates(counts[members], tokens[members], None if sentiment is None else sentiment[members],
                            dims, n_boot=n_boot, ci=ci, rng=keyed_rng(seed, key_tuple),
                            sentiment_weight=None if with_sentiment is None else with_sentiment[members])
        records.append(rec)

    result = pd.DataFrame.from_records(records, columns=columns)
    result = _add_unobserved_categories(result, scored, by_cols, dims)
    for col in by_cols:
        if col in scored.columns and len(result):
            result[col] = result[col].astype(scored[col].dtype)
    return result.reset_index(drop=True)


def group_codes(scored: pd.DataFrame, by_cols: list[str], who: str = "aggregate") -> tuple[np.ndarray, pd.Index]:
    """Group number of every row (sorted keys, NaN keys a group of their own) and the keys.

    Example:
        >>> codes, keys = group_codes(pd.DataFrame({"bloc": ["west", "ru", None]}), ["bloc"])
        >>> codes.tolist(), keys.tolist()
        ([1, 0, 2], ['ru', 'west', nan])
    """
    try:
        grouped = scored.groupby(by_cols, dropna=False, observed=True, sort=True)
        return grouped.ngroup().to_numpy(), grouped.size().index
    except TypeError as exc:  # a list or dict in a key column cannot be a group key
        bad = next((c for c in by_cols if scored[c].map(_unhashable).any()), by_cols[0])
        raise ArgumentError(f"{who}: group column {bad!r} holds values that cannot be group keys "
                            f"(lists, dicts, sets): {' '.join(str(exc).split())}") from None


def _unhashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return True
    return False


def _add_unobserved_categories(
    result: pd.DataFrame, scored: pd.DataFrame, by_cols: list[str], dims: list[str]
) -> pd.DataFrame:
    """List categories that no row uses, with zero counts and NaN rates."""
    if not any(isinstance(scored[c].dtype, pd.CategoricalDtype) for c in by_cols):
        return result
    full = scored.groupby(by_cols, dropna=False, observed=False, sort=True).size().index
    if len(full) == len(result):
        return result
    indexed = result.set_index(by_cols)
    indexed = indexed.reindex(full)
    zero_cols = ["n_statements", "n_skipped", "n_tokens", *(f"{d}_count" for d in dims)]
    indexed[zero_cols] = indexed[zero_cols].fillna(0).astype(int)
    return indexed.reset_index()


def checked_columns(
    scored: pd.DataFrame, by: str | Sequence[str], dimensions: Sequence[str], *,
    who: str = "aggregate", by_required: bool = True,
) -> tuple[list[str], list[str]]:
    """The ``by`` columns and dimensions, once ``scored`` is known to have what they need.

    ``scored`` must be a DataFrame with the ``by`` columns, ``n_tokens`` and
    ``<dimension>_count`` for each dimension; no name may be given twice;
    ``by_required`` refuses an empty ``by``.  ``who`` names the caller.

    Example:
        >>> checked_columns(pd.DataFrame({"bloc": ["ru"], "n_tokens": [1], "loaded_count": [0]}), "bloc", "loaded")
        (['bloc'], ['loaded'])
    """
    if not isinstance(scored, pd.DataFrame):
        raise TypeError(f"{who}: scored must be a DataFrame, got {type(scored).__name__}")
    by_cols = [by] if isinstance(by, str) else list(by)
    if by_required and not by_cols:
        raise ArgumentError(f"{who}: 'by' names no column; pass at least one column name")
    # a bare string is one dimension, not a sequence of one-letter ones
    dims = [dimensions] if isinstance(dimensions, str) else list(dimensions)
    for what, names in (("by", by_cols), ("dimensions", dims)):
        twice = sorted({n for n in names if names.count(n) > 1}, key=str)
        if twice:
            raise ArgumentError(f"{who}: {what} names {twice[0]!r} twice; each output column must be one")
    needed = [*by_cols, "n_tokens", *(f"{d}_count" for d in dims)]
    require_columns(scored, needed, who=who, frame_name="scored")
    return by_cols, dims


def _group_rates(
    counts: np.ndarray,
    tokens: np.ndarray,
    sentiment: np.ndarray | None,
    dims: Sequence[str],
    *,
    n_boot: int,
    ci: float,
    rng: np.random.Generator,
    sentiment_weight: np.ndarray | None = None,
) -> dict[str, object]:
    """Counts, pooled rates and intervals of one group's ok rows (and its sentiment mean).

    ``sentiment_weight`` (1 or 0 per row) leaves rows without sentiment out
    of the mean; None counts every row.
    """
    num = counts
    den = np.repeat(tokens[:, None], len(dims), axis=1)
    scale = np.full(len(dims), 1000.0)
    if sentiment is not None:
        weight = np.ones(tokens.size) if sentiment_weight is None else sentiment_weight
        num = np.hstack([num, sentiment[:, None]])
        den = np.hstack([den, weight[:, None]])
        scale = np.append(scale, 1.0)
    intervals = _ratio_intervals(num, den, scale=scale, n_boot=n_boot, ci=ci, rng=rng)
    rec: dict[str, object] = {}
    for j, dim in enumerate(dims):
        rec[f"{dim}_count"] = int(num[:, j].sum())
        rec[f"{dim}_rate"], rec[f"{dim}_rate_lo"], rec[f"{dim}_rate_hi"] = intervals[j]
    if sentiment is not None:
        rec["sentiment_mean"], rec["sentiment_lo"], rec["sentiment_hi"] = intervals[-1]
    return rec
