"""Bar charts of each group's most distinctive terms.

Example:
    >>> import pandas as pd
    >>> terms = pd.DataFrame({"group": ["russian"], "rank": [1], "term": ["regime"],
    ...     "count_group": [12], "count_rest": [1], "delta": [1.2], "z": [3.4]})
    >>> fig, data = plot_distinctive_terms(terms)
    >>> data["label"].tolist()
    ['regime (12 vs 1)']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots import style
from analysis.plots._common import colors_for, group_order, new_figure
from analysis.validate_args import require_columns


def plot_distinctive_terms(
    terms: pd.DataFrame,
    *,
    top: int = 10,
    title: str | None = None,
    order: Sequence[object] | None = None,
    n_by_group: Mapping[object, int] | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """One panel per group: the ``top`` terms by z-score of the weighted log-odds.

    ``terms`` comes from :func:`analysis.compare.distinctive_terms`.  Bar
    labels give the term with its count in the group vs the rest; panel
    titles carry ``n_by_group`` (e.g. statements per group) when given.
    Panels follow bloc colours when the groups are blocs.

    Returns the figure and the plotted rows (the input columns plus
    ``label``).

    Example:
        >>> # terms = distinctive_terms(texts_by_bloc)
        >>> # fig, data = plot_distinctive_terms(terms, top=12)
    """
    require_columns(terms, ["group", "rank", "term", "count_group", "count_rest", "z"],
                    who="plot_distinctive_terms", frame_name="terms")
    if terms.empty:
        raise ValueError("plot_distinctive_terms: no terms to plot")
    groups = group_order(terms["group"].tolist(), order)
    data = (
        terms[terms["rank"] <= top]
        .assign(group=lambda d: pd.Categorical(d["group"], categories=groups))
        .sort_values(["group", "rank"])
        .assign(group=lambda d: d["group"].astype(object))
        .reset_index(drop=True)
    )
    data["label"] = [
        f"{t} ({int(a):,} vs {int(b):,})"
        for t, a, b in zip(data["term"], data["count_group"], data["count_rest"], strict=True)
    ]
    colors = dict(zip(groups, colors_for(groups), strict=True))
    n_rows = int(data.groupby("group").size().max())
    fig = new_figure(max(style.FIG_WIDTH, 3.0 * len(groups)), 1.1 + 0.26 * n_rows)
    with style.context():
        axes = np.atleast_1d(fig.subplots(1, len(groups), squeeze=False)[0])
        for ax, g in zip(axes, groups, strict=True):
            part = data[data["group"] == g]
            y = np.arange(len(part))[::-1]
            ax.barh(y, part["z"], color=colors[g], height=0.7)
            ax.set_yticks(y, part["label"])
            heading = str(g) if n_by_group is None else style.label_with_n(g, n_by_group.get(g, 0))
            ax.set_title(heading)
            ax.set_xlabel("z-score")
        fig.supxlabel(
            "z-score of the weighted log-odds, informative Dirichlet prior (Monroe et al. 2008);"
            "\nlabels: term (count in group vs count in all other groups)",
            fontsize=style.BASE_FONT_SIZE,
        )
        fig.suptitle(title or "Most distinctive terms of each group against all the others")
    return fig, data
