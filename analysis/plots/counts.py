"""Horizontal bar chart of counts (statements per outlet, kind, speaker ...).

Example:
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"kind": ["direct", "narration"], "n": [12, 40]})
    >>> fig, data = plot_bar_counts(counts, "kind", "n", title="Statements by kind")
    >>> data.values.tolist()
    [['direct', 12], ['narration', 40]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots import style
from analysis.plots._common import colors_for, group_order, new_figure
from analysis.validate_args import require_columns


# Long for its docstring and keyword options; the drawing itself is under 60 lines.
def plot_bar_counts(
    counts: pd.DataFrame,
    category_col: str,
    count_col: str = "n",
    *,
    title: str,
    hue_col: str | None = None,
    xlabel: str = "number of statements",
    order: Sequence[object] | None = None,
    legend_loc: str = "best",
    total_in_title: bool = True,
) -> tuple[Figure, pd.DataFrame]:
    """Bars of ``count_col`` per ``category_col`` (side by side per ``hue_col``).

    Each bar is labelled with its count and the title gets the total n
    (``total_in_title=False`` when the hue levels are alternative counts of
    the same items, where a sum would mislead).  Hue
    levels that are blocs take the bloc colours.  Build ``counts`` with e.g.
    ``statements.value_counts(["outlet", "kind"]).rename("n").reset_index()``.

    Returns the figure and the plotted rows (category, hue, count) in the
    order drawn.

    Example:
        >>> # counts = corpus.statements.value_counts("outlet").rename("n").reset_index()
        >>> # fig, data = plot_bar_counts(counts, "outlet", "n", title="Statements per outlet")
    """
    cols = [category_col, count_col] + ([hue_col] if hue_col else [])
    require_columns(counts, cols, who="plot_bar_counts", frame_name="counts")
    cats = group_order(counts[category_col].tolist(), order)
    hues = group_order(counts[hue_col].tolist()) if hue_col else [None]
    key = [category_col] + ([hue_col] if hue_col else [])
    rank_c = {c: i for i, c in enumerate(cats)}
    rank_h = {h: i for i, h in enumerate(hues)}
    data = counts[cols].copy()
    data["_c"] = data[category_col].map(rank_c)
    data["_h"] = data[hue_col].map(rank_h) if hue_col else 0
    data = data.sort_values(["_c", "_h"], kind="stable").drop(columns=["_c", "_h"])
    data = data[key + [count_col]].reset_index(drop=True)

    if hue_col:
        colors = dict(zip(hues, colors_for(hues), strict=True))
        if not style.is_bloc_column(hues):
            cycle = [style.OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange",
                                                  "reddish_purple", "sky_blue", "black")]
            colors = {h: cycle[i % len(cycle)] for i, h in enumerate(hues)}
    else:
        colors = {None: style.OKABE_ITO["blue"]}
    height = 0.8 / len(hues)
    fig = new_figure(style.FIG_WIDTH, 1.0 + 0.3 * len(cats) * max(1, len(hues) * 0.6))
    with style.context():
        ax = fig.subplots()
        for j, h in enumerate(hues):
            part = data if h is None else data[data[hue_col] == h]
            y = np.array([len(cats) - 1 - rank_c[c] for c in part[category_col]], dtype=float)
            y += (len(hues) - 1) / 2 * height - j * height
            bars = ax.barh(y, part[count_col], height=height * 0.95, color=colors[h],
                           label=None if h is None else str(h))
            ax.bar_label(bars, labels=[f"{int(v):,}" for v in part[count_col]], padding=2,
                         fontsize=style.BASE_FONT_SIZE - 1)
        ax.set_yticks(range(len(cats))[::-1], [str(c) for c in cats])
        ax.set_xlabel(xlabel)
        ax.margins(x=0.12)
        if hue_col:
            # legend_loc is checked by matplotlib; the stubs want one of its Literal names
            ax.legend(title=hue_col.replace("_", " "), loc=legend_loc)  # type: ignore[call-overload]
        total = int(pd.to_numeric(data[count_col]).sum())
        ax.set_title(f"{title} (n={total:,})" if total_in_title else title, wrap=True)
    return fig, data
