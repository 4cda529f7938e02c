"""Rates over time (e.g. monthly), with a marked event date.

Example:
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"date": ["2022-01-10", "2022-03-02", "2022-03-20", None],
    ...     "n_tokens": [100, 50, 50, 10], "hostility_count": [1, 2, 3, 0]})
    >>> fig, data = plot_time_series(scored, "date", "hostility", event_date="2022-02-24")
    >>> data[["period", "value", "n_statements"]].values.tolist()
    [['2022-01-01', 10.0, 1], ['2022-03-01', 50.0, 2]]
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.compare.aggregate import aggregate
from analysis.plots import style
from analysis.plots._common import (
    colors_for,
    group_order,
    new_figure,
    value_columns,
    with_group_labels,
)
from analysis.validate_args import check_choice, require_columns

_FREQ_NAMES = {"M": "month", "W": "week", "Q": "quarter", "Y": "year", "D": "day"}


# Over 60 lines: one figure's layout in drawing order (series, bands, event line,
# labels); the pieces share the axes and the figure tests pin its bytes.
def plot_time_series(
    scored: pd.DataFrame,
    date_col: str,
    dimension: str,
    *,
    group_col: str | None = None,
    freq: str = "M",
    event_date: str | pd.Timestamp | None = None,
    event_label: str | None = None,
    title: str | None = None,
    ci: float | None = None,
    n_boot: int = 1000,
    seed: int = 12345,
) -> tuple[Figure, pd.DataFrame]:
    """Pooled rate per period (``freq``: M, W, Q, Y, D), one line per group.

    Dates are parsed with :func:`pandas.to_datetime`; rows without a usable
    date are not plotted and their number is printed under the axis.  With
    ``ci`` (e.g. 0.95) a bootstrap band is drawn.  ``event_date`` draws a
    dashed vertical line (e.g. ``"2022-02-24"``, the full-scale invasion).

    Returns the figure and the plotted data: ``period`` (ISO date of the
    period start), ``group`` (if any), ``value``, ``low``, ``high``,
    ``n_statements``, ``n_tokens``.

    Example:
        >>> # fig, data = plot_time_series(scored, "date", "hostility", group_col="source_bloc",
        >>> #                              event_date="2022-02-24", event_label="Full-scale invasion")
    """
    check_choice("freq", freq, sorted(_FREQ_NAMES), who="plot_time_series")
    require_columns(scored, [date_col] + ([group_col] if group_col else []), who="plot_time_series", frame_name="scored")
    dates = pd.to_datetime(scored[date_col], errors="coerce", utc=True, format="mixed")
    dated = dates.notna().to_numpy()
    n_undated = int((~dated).sum())
    frame = scored.loc[dated].assign(
        period=dates[dated].dt.tz_localize(None).dt.to_period(freq).dt.start_time
    )
    by = ["period"]
    if group_col:
        frame = with_group_labels(frame, group_col)
        by.append(group_col)
    dims = [] if dimension == "sentiment" else [dimension]
    agg = aggregate(frame, by, dimensions=dims, n_boot=n_boot if ci else 0,
                    ci=ci or 0.95, seed=seed)
    value, low, high = value_columns(dimension)
    data = pd.DataFrame(
        {
            "period": agg["period"].dt.strftime("%Y-%m-%d"),
            **({"group": agg[group_col]} if group_col else {}),
            "value": agg[value],
            "low": agg[low],
            "high": agg[high],
            "n_statements": agg["n_statements"],
            "n_tokens": agg["n_tokens"],
        }
    )
    groups = group_order(data["group"].tolist()) if group_col else [None]
    colors: dict[object, str] = dict(zip(groups, colors_for(groups), strict=True)) if group_col else {
        None: style.dimension_color(dimension)
    }

    fig = new_figure(style.FIG_WIDTH, 3.4)
    with style.context():
        ax = fig.subplots()
        for g in groups:
            part = data if g is None else data[data["group"] == g]
            x = pd.to_datetime(part["period"]).to_numpy()
            n = int(part["n_statements"].sum())
            label = None if g is None else style.label_with_n(g, n)
            ax.plot(x, part["value"], "o-", color=colors[g], markersize=3.5, linewidth=1.3,
                    label=label)
            if ci:
                ax.fill_between(x, part["low"], part["high"], color=colors[g], alpha=0.18,
                                linewidth=0)
        if event_date is not None:
            when = pd.Timestamp(event_date)
            # matplotlib converts datetime64 through its date units; the stubs say float
            ax.axvline(when.to_datetime64(),  # type: ignore[arg-type]
                       color="#444444", linestyle="--", linewidth=1)
            ax.annotate(event_label or when.strftime("%Y-%m-%d"), (when.to_datetime64(), 1.0),
                        xycoords=("data", "axes fraction"), xytext=(3, -3),
                        textcoords="offset points", va="top", fontsize=style.BASE_FONT_SIZE - 1)
        if group_col:
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.grid(True, axis="y")
        ax.set_ylabel(style.unit_label(dimension))
        note = f"{_FREQ_NAMES[freq]} (period start)"
        if n_undated:
            note += f"; {n_undated:,} statements without a usable date not shown"
        ax.set_xlabel(note)
        if dimension != "sentiment":
            ax.set_ylim(bottom=0)
        n_total = int(data["n_statements"].sum())
        ax.set_title(
            title
            or f"{style.dimension_label(dimension)} per {_FREQ_NAMES[freq]} "
            f"(n={n_total:,} statements)"
        )
        fig.autofmt_xdate()
    return fig, data
