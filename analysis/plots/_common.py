"""Helpers shared by the plotting modules (not public)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.figure import Figure

from analysis.plots import style


def new_figure(width: float, height: float) -> Figure:
    """A pyplot-free figure in the project style (no global figure registry)."""
    with style.context():
        return Figure(figsize=(width, height), layout="constrained")


def group_order(values: Iterable[object], order: Sequence[object] | None = None) -> list[object]:
    """Groups in the given order, else blocs in bloc order, else as first seen."""
    seen = list(dict.fromkeys(values))
    if order is not None:
        missing = [v for v in seen if v not in order]
        return [v for v in order if v in seen] + missing
    if style.is_bloc_column(seen):
        rank = {b: i for i, b in enumerate(style.BLOC_ORDER)}
        return sorted(seen, key=lambda v: rank.get(str(v).strip().lower(), len(rank)))
    return seen


def colors_for(groups: Sequence[object], color_values: Sequence[object] | None = None) -> list[str]:
    """Bloc colours when the groups (or ``color_values``) are blocs, else black."""
    keys = list(color_values) if color_values is not None else list(groups)
    if style.is_bloc_column(keys):
        return [style.bloc_color(k) for k in keys]
    return [style.OKABE_ITO["black"]] * len(keys)


def value_columns(dimension: str) -> tuple[str, str, str]:
    """Columns of :func:`analysis.compare.aggregate` holding value, low, high."""
    if dimension == "sentiment":
        return "sentiment_mean", "sentiment_lo", "sentiment_hi"
    return f"{dimension}_rate", f"{dimension}_rate_lo", f"{dimension}_rate_hi"


MISSING_GROUP = "(missing)"


def with_group_labels(frame: pd.DataFrame, col: str) -> pd.DataFrame:
    """A copy whose ``col`` has missing keys shown as ``'(missing)'``, not dropped."""
    values = frame[col]
    if not values.isna().any():
        return frame
    return frame.assign(**{col: values.astype(object).where(values.notna(), MISSING_GROUP)})
