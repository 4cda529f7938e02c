"""Annotated heatmap of a two-way table (e.g. rate by outlet x dimension).

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({"hostility": [3.5, 1.0]}, index=["TASS", "BBC"])
    >>> fig, data = plot_heatmap(table, title="Hostility", value_label="rate per 1,000 tokens")
    >>> data.values.tolist()
    [['TASS', 'hostility', 3.5], ['BBC', 'hostility', 1.0]]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots import style
from analysis.plots._common import new_figure


# Over 60 lines: one figure's layout in drawing order (cells, labels, colour bar,
# title); the pieces share the axes and the norm, and the figure tests pin its bytes.
def plot_heatmap(
    table: pd.DataFrame,
    *,
    title: str,
    value_label: str,
    fmt: str = "{:.1f}",
    row_n: Mapping[object, int] | pd.Series | None = None,
    center: float | None = None,
    row_label: str | None = None,
    col_label: str | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Heatmap of a wide table (rows x columns of numbers), each cell annotated.

    ``value_label`` names what the colour measures, with its unit (e.g.
    ``"hostility: rate per 1,000 tokens"``); ``row_n`` adds ``(n=...)`` to row
    labels.  ``center`` switches to a diverging map centred there (e.g. 0 for
    sentiment).  Missing cells stay blank and are labelled "n/a".

    Returns the figure and the plotted data in long form: ``row``,
    ``column``, ``value`` (plus ``n`` when ``row_n`` is given).

    Example:
        >>> # wide = agg.set_index("outlet")[["hostility_rate", "hedging_rate"]]
        >>> # fig, data = plot_heatmap(wide, title="Rates by outlet", value_label="rate per 1,000 tokens")
    """
    if table.empty:
        raise ValueError("plot_heatmap: the table is empty")
    values = table.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    data = pd.DataFrame(
        {
            "row": np.repeat(table.index.to_numpy(dtype=object), table.shape[1]),
            "column": np.tile(table.columns.to_numpy(dtype=object), table.shape[0]),
            "value": values.reshape(-1),
        }
    )
    rows = [str(r) for r in table.index]
    if row_n is not None:
        ns = [row_n.get(r, 0) for r in table.index]
        data["n"] = np.repeat(ns, table.shape[1])
        rows = [style.label_with_n(r, n) for r, n in zip(table.index, ns, strict=True)]

    fig = new_figure(
        # wide enough for the cells, the row labels and the title (~0.075 in. per character)
        max(4.0, 1.3 + 0.9 * table.shape[1] + 0.06 * max(len(r) for r in rows), 0.075 * len(title)),
        1.2 + 0.35 * table.shape[0],
    )
    with style.context():
        ax = fig.subplots()
        finite = values[np.isfinite(values)]
        if center is None:
            cmap, vmin, vmax = style.SEQUENTIAL_CMAP, None, None
        else:
            span = float(np.max(np.abs(finite - center))) if finite.size else 1.0
            cmap, vmin, vmax = style.DIVERGING_CMAP, center - span, center + span
        image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=vmin, vmax=vmax,
                          aspect="auto")
        ax.grid(False)
        ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=30,
                      ha="right")
        ax.set_yticks(range(table.shape[0]), rows)
        norm = image.norm
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                v = float(values[i, j])
                if np.isnan(v):
                    ax.text(j, i, "n/a", ha="center", va="center", color="#666666")
                    continue
                level = float(np.asarray(norm(np.array(v))))
                dark = level < 0.5 if center is None else abs(level - 0.5) > 0.3
                ax.text(j, i, fmt.format(v), ha="center", va="center",
                        color="white" if dark else "black")
        if row_label:
            ax.set_ylabel(row_label)
        if col_label:
            ax.set_xlabel(col_label)
        fig.colorbar(image, ax=ax, label=value_label, shrink=0.9)
        ax.set_title(title)
    return fig, data
