"""Rates per group with intervals, and the statements behind them.

Example:
    >>> import pandas as pd
    >>> from analysis.compare import aggregate
    >>> scored = pd.DataFrame({"source_bloc": ["russian", "western"] * 5,
    ...     "n_tokens": 20, "hostility_count": [1, 0] * 5})
    >>> agg = aggregate(scored, "source_bloc", dimensions=["hostility"], n_boot=100)
    >>> fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    >>> data[["group", "dimension", "value"]].values.tolist()
    [['russian', 'hostility', 50.0], ['western', 'hostility', 0.0]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.compare.aggregate import DIMENSIONS, aggregate
from analysis.plots import style
from analysis.plots._common import (
    colors_for,
    group_order,
    new_figure,
    value_columns,
    with_group_labels,
)
from analysis.validate_args import require_columns


def _panel_label(dimension: str) -> str:
    return "mean compound (-1 to 1)" if dimension == "sentiment" else "per 1,000 tokens"


def _figure_label(dimensions: Sequence[str], ci: float) -> str:
    parts = []
    if any(d != "sentiment" for d in dimensions):
        parts.append("pooled rate per 1,000 tokens")
    if "sentiment" in dimensions:
        parts.append("mean VADER compound (sentiment)")
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}, with {round(ci * 100)}% bootstrap CI"


# Over 60 lines: one figure's layout in drawing order (bars, intervals, n labels,
# legend); the pieces share the axes and the figure tests pin its bytes.
def plot_rates_by_group(
    agg: pd.DataFrame,
    group_col: str,
    dimensions: Sequence[str] = DIMENSIONS,
    *,
    title: str | None = None,
    color_col: str | None = None,
    order: Sequence[object] | None = None,
    ci: float = 0.95,
) -> tuple[Figure, pd.DataFrame]:
    """One panel per dimension: each group's pooled rate with its interval.

    ``agg`` comes from :func:`analysis.compare.aggregate` (``ci`` only labels
    the axis: pass the level used there).  Group labels carry the number of
    statements; groups without tokens are listed with no point.  Colours
    follow the source bloc when ``group_col`` (or ``color_col``) holds blocs.
    ``dimensions`` may include ``"sentiment"`` (mean VADER compound).

    Returns the figure and the plotted data: one row per group and dimension
    with ``group``, ``dimension``, ``value``, ``low``, ``high``,
    ``n_statements``, ``n_tokens`` (and ``color_group``).

    Example:
        >>> # fig, data = plot_rates_by_group(aggregate(scored, "outlet"), "outlet")
        >>> # save_figure(fig, "03-rates-by-outlet", data)
    """
    dims = [dimensions] if isinstance(dimensions, str) else list(dimensions)  # not one per letter
    needed = [group_col, "n_statements", "n_tokens"]
    for dim in dims:
        needed += list(value_columns(dim))
    if color_col:
        needed.append(color_col)
    require_columns(agg, needed, who="plot_rates_by_group", frame_name="agg")
    agg = with_group_labels(agg, group_col)
    groups = group_order(agg[group_col].tolist(), order)
    table = agg.set_index(group_col).loc[groups].reset_index()
    colors = colors_for(groups, table[color_col].tolist() if color_col else None)

    rows = []
    for dim in dims:
        value, low, high = value_columns(dim)
        for _, rec in table.iterrows():
            row = {
                "group": rec[group_col],
                "dimension": dim,
                "value": rec[value],
                "low": rec[low],
                "high": rec[high],
                "n_statements": int(rec["n_statements"]),
                "n_tokens": int(rec["n_tokens"]),
            }
            if color_col:
                row["color_group"] = rec[color_col]
            rows.append(row)
    data = pd.DataFrame(rows)

    n_total = int(table["n_statements"].sum())
    fig = new_figure(
        max(style.FIG_WIDTH, 2.4 * len(dims) + 1.5), 0.9 + 0.28 * len(groups)
    )
    with style.context():
        axes = np.atleast_1d(fig.subplots(1, len(dims), sharey=True, squeeze=False)[0])
        y = np.arange(len(groups))[::-1]
        labels = [style.label_with_n(g, n) for g, n in zip(groups, table["n_statements"], strict=True)]
        for ax, dim in zip(axes, dims, strict=True):
            part = data[data["dimension"] == dim]
            vals = part["value"].to_numpy(dtype=float)
            lo = part["low"].to_numpy(dtype=float)
            hi = part["high"].to_numpy(dtype=float)
            for yi, v, low, high, c in zip(y, vals, lo, hi, colors, strict=True):
                if np.isnan(v):
                    continue
                if not (np.isnan(low) or np.isnan(high)):
                    ax.hlines(yi, low, high, color=c, linewidth=1.6)
                ax.plot([v], [yi], "o", color=c, markersize=5)
            ax.set_title(style.dimension_label(dim))
            ax.set_xlabel(_panel_label(dim))
            if dim == "sentiment":
                ax.axvline(0, color="#999999", linewidth=0.8)
            else:
                ax.set_xlim(left=0)
        axes[0].set_yticks(y, labels)
        axes[0].set_ylim(-0.7, len(groups) - 0.3)
        fig.supxlabel(_figure_label(dims, ci), fontsize=style.BASE_FONT_SIZE)
        fig.suptitle(title or f"Rates by {group_col.replace('_', ' ')} (n={n_total:,} statements)")
    return fig, data


# Over 60 lines: one figure's layout in drawing order (points, means, intervals,
# labels per group); the pieces share the axes and the figure tests pin its bytes.
def plot_points_with_ci(
    scored: pd.DataFrame,
    group_col: str,
    dimension: str,
    *,
    title: str | None = None,
    order: Sequence[object] | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
    jitter: float = 0.28,
) -> tuple[Figure, pd.DataFrame]:
    """Every statement as a point, and each group's pooled rate with its interval.

    Per-statement values are ``<dimension>_rate`` (or ``sentiment_compound``
    for ``"sentiment"``) of rows with status ``'ok'`` and at least one token;
    the group summary comes from :func:`analysis.compare.aggregate`.  The
    vertical jitter is drawn from a generator seeded with ``seed``, so the
    figure is the same on every run.

    Returns the figure and the plotted data, one row per drawn element:
    ``layer`` (``'statement'`` or ``'pooled'``), ``group``, ``value``,
    ``low``/``high`` (pooled rows), ``y`` (plotted position), ``row`` (index
    of the statement in ``scored``), ``n_statements``.

    Example:
        >>> # fig, data = plot_points_with_ci(scored, "source_bloc", "hostility")
        >>> # save_figure(fig, "04-hostility-statements-by-bloc", data)
    """
    value_col = "sentiment_compound" if dimension == "sentiment" else f"{dimension}_rate"
    require_columns(scored, [group_col, value_col, "n_tokens"], who="plot_points_with_ci", frame_name="scored")
    agg_dims = [] if dimension == "sentiment" else [dimension]
    if dimension != "sentiment":
        require_columns(scored, [f"{dimension}_count"], who="plot_points_with_ci", frame_name="scored")
    scored = with_group_labels(scored, group_col)
    agg = aggregate(scored, group_col, dimensions=agg_dims, n_boot=n_boot, ci=ci, seed=seed)
    groups = group_order(agg[group_col].tolist(), order)
    agg = agg.set_index(group_col).loc[groups]
    ok = scored["status"].eq("ok") if "status" in scored.columns else pd.Series(True, index=scored.index)
    shown = scored[ok.to_numpy(dtype=bool) & (pd.to_numeric(scored["n_tokens"], errors="coerce") > 0).to_numpy()]
    rng = np.random.default_rng(seed)
    position = {g: len(groups) - 1 - i for i, g in enumerate(groups)}
    colors = dict(zip(groups, colors_for(groups), strict=True))

    parts = []
    for g in groups:
        members = shown[(shown[group_col] == g).to_numpy(dtype=bool)]
        n = int(agg["n_statements"].loc[g])  # type: ignore[call-overload]  # a scalar: g is one label
        parts.append(
            pd.DataFrame(
                {
                    "layer": "statement",
                    "group": g,
                    "value": pd.to_numeric(members[value_col]).to_numpy(dtype=float),
                    "low": np.nan,
                    "high": np.nan,
                    "y": position[g] + rng.uniform(-jitter, jitter, len(members)),
                    "row": members.index.to_numpy(),
                    "n_statements": n,
                }
            )
        )
    value, low, high = value_columns(dimension)
    pooled = pd.DataFrame(
        {
            "layer": "pooled",
            "group": groups,
            "value": agg[value].to_numpy(dtype=float),
            "low": agg[low].to_numpy(dtype=float),
            "high": agg[high].to_numpy(dtype=float),
            "y": [float(position[g]) for g in groups],
            "row": pd.NA,
            "n_statements": agg["n_statements"].to_numpy(dtype=int),
        }
    )
    data = pd.concat([*parts, pooled], ignore_index=True)

    fig = new_figure(style.FIG_WIDTH, 1.0 + 0.45 * len(groups))
    with style.context():
        ax = fig.subplots()
        for g in groups:
            pts = data[(data["layer"] == "statement") & (data["group"] == g)]
            ax.plot(pts["value"], pts["y"], "o", color=colors[g], alpha=0.35, markersize=3,
                    markeredgewidth=0)
            summary = pooled[pooled["group"] == g].iloc[0]
            if not np.isnan(summary["value"]):
                if not np.isnan(summary["low"]):
                    ax.hlines(summary["y"], summary["low"], summary["high"], color="black",
                              linewidth=2.2)
                ax.plot([summary["value"]], [summary["y"]], "D", color="black", markersize=5)
        labels = [style.label_with_n(g, n) for g, n in zip(groups, agg["n_statements"], strict=True)]
        ax.set_yticks([position[g] for g in groups], labels)
        ax.set_ylim(-0.7, len(groups) - 0.3)
        unit = style.unit_label(dimension)
        ax.set_xlabel(
            f"{unit}\ndots = single statements; diamond = "
            + ("mean" if dimension == "sentiment" else "pooled rate")
            + f" with {round(ci * 100)}% bootstrap CI"
        )
        if dimension != "sentiment":
            # rates are never negative; an all-zero group must not get a -0.04..0.04 axis
            top = np.nanmax(data["value"].to_numpy(dtype=float), initial=0.0)
            ax.set_xlim(left=0, right=None if top > 0 else 1)
        n_total = int(agg["n_statements"].sum())
        ax.set_title(
            title
            or f"{style.dimension_label(dimension)} by {group_col.replace('_', ' ')} "
            f"(n={n_total:,} statements)"
        )
    return fig, data
