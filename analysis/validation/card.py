"""The figure of a validation card: precision, recall and F1 per dimension, with intervals.

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({"dimension": ["hedging"], "status": ["ok"], "n_coded": [40],
    ...     "n_coders": [1], "n_human_yes": [8], "alpha": [float("nan")], "weighted": [False],
    ...     "tp": [4], "fp": [1], "fn": [4], "tn": [31],
    ...     **{f"{m}{s}": [v] for m, v in (("precision", .8), ("recall", .5), ("f1", .6))
    ...        for s in ("", "_lo", "_hi")}})
    >>> fig, data = plot_card(table, title="Card")
    >>> data[["dimension", "metric", "value"]].values.tolist()
    [['hedging', 'precision', 0.8], ['hedging', 'recall', 0.5], ['hedging', 'F1', 0.6]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

METRICS: tuple[tuple[str, str], ...] = (("precision", "precision"), ("recall", "recall"), ("f1", "F1"))
PLOT_COLUMNS: tuple[str, ...] = ("dimension", "metric", "value", "lo", "hi", "n_coded", "n_human_yes",
                                 "tp", "fp", "fn", "tn", "alpha", "weighted")


def card_plot_data(table: pd.DataFrame) -> pd.DataFrame:
    """The long table :func:`plot_card` draws: one row per coded dimension and metric.

    Example:
        >>> card_plot_data(pd.DataFrame(columns=["dimension", "status"])).empty
        True
    """
    needed = ["dimension", "status", "n_coded", "n_human_yes", "tp", "fp", "fn", "tn", "alpha", "weighted",
              *(f"{k}{s}" for k, _ in METRICS for s in ("", "_lo", "_hi"))]
    missing = [c for c in needed if c not in table.columns]
    if missing and not table.empty:
        raise KeyError(f"plot_card: the table lacks column(s) {missing}; pass ValidationCard.table")
    rows = []
    for r in table[table["status"] == "ok"].to_dict("records"):
        for key, label in METRICS:
            rows.append({"dimension": r["dimension"], "metric": label, "value": r[key],
                         "lo": r[f"{key}_lo"], "hi": r[f"{key}_hi"], "n_coded": int(r["n_coded"]),
                         "n_human_yes": int(r["n_human_yes"]),
                         **{k: int(r[k]) for k in ("tp", "fp", "fn", "tn")},
                         "alpha": r["alpha"], "weighted": bool(r["weighted"])})
    return pd.DataFrame(rows, columns=list(PLOT_COLUMNS))


def _label(r: pd.Series) -> str:
    from analysis.plots import style

    alpha = float(r["alpha"])
    a = "" if np.isnan(alpha) else f", α={alpha:.2f}"
    return (f"{style.dimension_label(str(r['dimension']))}\n(n={int(r['n_coded']):,}, "
            f"{int(r['n_human_yes']):,} coded yes{a})\nTP {int(r['tp'])} · FP {int(r['fp'])} · "
            f"FN {int(r['fn'])} · TN {int(r['tn'])}")


def plot_card(table: pd.DataFrame, *, title: str, ci: float = 0.95) -> tuple[Figure, pd.DataFrame]:
    """Three panels (precision, recall, F1): a point and its interval per coded dimension.

    ``table`` is :attr:`ValidationCard.table`; dimensions nobody coded are
    left out (named in the title); ``ci`` labels the intervals.  Returns the figure and exactly the
    plotted data (:func:`card_plot_data`).
    """
    from analysis.plots import style

    data = card_plot_data(table)
    if data.empty:
        raise ValueError("plot_card: no dimension was coded; nothing to plot")
    dims = list(dict.fromkeys(data["dimension"]))
    skipped = [d for d in table["dimension"] if d not in dims]
    with style.context():
        fig = Figure(figsize=(style.FIG_WIDTH, 1.5 + 0.75 * len(dims)), layout="constrained")
        axes = fig.subplots(1, len(METRICS), sharey=True)
        for ax, (_, label) in zip(axes, METRICS):
            part = data[data["metric"] == label].set_index("dimension").loc[dims]
            y = np.arange(len(dims))[::-1]
            for yi, (dim, r) in zip(y, part.iterrows()):
                color = style.dimension_color(str(dim))
                if np.isfinite(r["lo"]):
                    ax.plot([r["lo"], r["hi"]], [yi, yi], color=color, linewidth=2.0, alpha=0.6)
                if np.isfinite(r["value"]):
                    ax.plot([r["value"]], [yi], "o", color=color, markersize=6)
                    ax.annotate(f"{r['value']:.2f}", (r["value"], yi), textcoords="offset points",
                                xytext=(0, 6), ha="center", fontsize=style.BASE_FONT_SIZE - 1)
                else:
                    ax.text(0.5, yi, "n/a", ha="center", va="center", color="#666666")
            ax.set_xlim(0, 1.05)
            ax.set_title(label)
            ax.set_yticks(y, [_label(pd.Series({**part.loc[d].to_dict(), "dimension": d})) for d in dims])
            ax.set_ylim(-0.7, len(dims) - 0.3)
        weighted = ", weighted to the table" if bool(data["weighted"].any()) else ""
        fig.supxlabel(f"package vs human codes: point and {ci:.0%} bootstrap interval{weighted}\n"
                      "TP, FP, FN, TN are counts on the sheet", fontsize=style.BASE_FONT_SIZE)
        note = f"\n(not coded: {', '.join(skipped)})" if skipped else ""
        fig.suptitle(title + note)
    return fig, data
