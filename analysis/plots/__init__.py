"""Figures in one style, saved byte-identically with the data they show.

Every ``plot_*`` function returns ``(fig, data)``: ``data`` is exactly what
the figure draws, so :func:`save_figure` writes PNG, SVG and that CSV side by
side.  Figures are plain :class:`matplotlib.figure.Figure` objects (no pyplot
state), drawn in :mod:`analysis.plots.style`.

Example:
    >>> import pandas as pd
    >>> from analysis.plots import plot_bar_counts
    >>> fig, data = plot_bar_counts(pd.DataFrame({"kind": ["direct"], "n": [3]}), "kind",
    ...                             title="Statements by kind")
    >>> fig.axes[0].get_title()
    'Statements by kind (n=3)'
"""

from __future__ import annotations

from analysis.plots.counts import plot_bar_counts
from analysis.plots.heatmap import plot_heatmap
from analysis.plots.rates import plot_points_with_ci, plot_rates_by_group
from analysis.plots.renderings import plot_renderings
from analysis.plots.save import check_slug, save_figure, show_figure
from analysis.plots.stance import STANCE_COLORS, plot_stance_shares
from analysis.plots.style import BLOC_COLORS, DIMENSION_COLORS, bloc_color
from analysis.plots.terms import plot_distinctive_terms
from analysis.plots.timeseries import plot_time_series

__all__ = [
    "BLOC_COLORS",
    "DIMENSION_COLORS",
    "STANCE_COLORS",
    "bloc_color",
    "check_slug",
    "plot_bar_counts",
    "plot_distinctive_terms",
    "plot_heatmap",
    "plot_points_with_ci",
    "plot_rates_by_group",
    "plot_renderings",
    "plot_stance_shares",
    "plot_time_series",
    "save_figure",
    "show_figure",
]
