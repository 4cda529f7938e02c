"""Stacked shares of reporting-verb stance per group (bloc, or speaker and bloc), with n.

Example:
    >>> import pandas as pd
    >>> t = pd.DataFrame({"outlet_bloc": ["russian", "russian", "western"], "stance": ["neutral", "distancing", "neutral"],
    ...                   "n": [3, 1, 2], "n_group": [4, 4, 2], "share": [0.75, 0.25, 1.0]})
    >>> fig, data = plot_stance_shares(t, "outlet_bloc", title="Reporting verbs by bloc")
    >>> data["group"].tolist()
    ['russian (n=4)', 'russian (n=4)', 'western (n=2)']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots import style
from analysis.plots._common import group_order, new_figure
from analysis.validate_args import require_columns

#: stance classes in drawing order, each with a fixed colour (Okabe-Ito; grey for no class)
STANCE_COLORS: dict[str, str] = {
    "neutral": style.OKABE_ITO["sky_blue"],
    "distancing": style.OKABE_ITO["vermillion"],
    "factive": style.OKABE_ITO["bluish_green"],
    "emphatic": style.OKABE_ITO["orange"],
    "unknown": "#999999",
    "none": "#DDDDDD",
}


def plot_stance_shares(
    table: pd.DataFrame,
    group_col: str | Sequence[str],
    *,
    title: str,
    order: Sequence[object] | None = None,
    xlabel: str = "share of attributed statements",
) -> tuple[Figure, pd.DataFrame]:
    """One stacked bar per group: the share of each stance class, the group's n in its label.

    ``table`` is :func:`analysis.compare.reporting.stance_shares` output
    (``stance``, ``n``, ``n_group``, ``share``).  Several ``group_col``
    columns are joined with " · " (e.g. speaker name and bloc).  Returns the
    figure and the plotted rows (``group`` label with n, ``stance``, ``n``,
    ``n_group``, ``share``) in the order drawn.
    """
    cols = [group_col] if isinstance(group_col, str) else list(group_col)
    require_columns(table, [*cols, "stance", "n", "n_group", "share"], who="plot_stance_shares", frame_name="table")
    unknown = sorted(set(table["stance"]) - set(STANCE_COLORS))
    if unknown:
        raise ValueError(f"plot_stance_shares: unknown stance class(es) {unknown}; expected {list(STANCE_COLORS)}")
    if table.empty:
        raise ValueError("plot_stance_shares: the table has no rows (no attributed statement to show)")
    key = table[cols].astype(str).agg(" · ".join, axis=1)
    groups = group_order(key.tolist(), order)
    n_of = dict(zip(key, table["n_group"], strict=True))
    label = {g: style.label_with_n(str(g), int(n_of[g])) for g in groups}
    data = table.assign(group=key.map(label), _g=key.map({g: i for i, g in enumerate(groups)}),
                        _s=table["stance"].map({s: i for i, s in enumerate(STANCE_COLORS)}))
    data = data.sort_values(["_g", "_s"], kind="stable")[["group", "stance", "n", "n_group", "share"]]
    data = data.reset_index(drop=True)
    fig = new_figure(style.FIG_WIDTH, 1.4 + 0.32 * len(groups))
    with style.context():
        ax = fig.subplots()
        y = np.arange(len(groups))[::-1]
        left = np.zeros(len(groups))
        for stance, color in STANCE_COLORS.items():
            part = data[data["stance"] == stance].set_index("group")["share"]
            widths = np.array([float(part.get(label[g], 0.0)) for g in groups])
            bars = ax.barh(y, widths, left=left, color=color, label=stance, edgecolor="white", linewidth=0.5)
            ax.bar_label(bars, labels=[f"{w:.0%}" if w >= 0.08 else "" for w in widths], label_type="center",
                         fontsize=style.BASE_FONT_SIZE - 2)
            left += widths
        ax.set_yticks(y, [label[g] for g in groups])
        ax.set_xlim(0, 1)
        ax.set_xlabel(xlabel)
        fig.legend(*ax.get_legend_handles_labels(), title="reporting verb", loc="outside lower center",
                   ncol=len(STANCE_COLORS), frameon=False)
        total = int(data.drop_duplicates("group")["n_group"].sum())
        ax.set_title(f"{title} (n={total:,})", wrap=True)
    return fig, data
