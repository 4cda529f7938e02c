"""``dimensions="hostility"`` is one dimension everywhere, not nine one-letter ones (round 8).

``aggregate`` and ``before_after`` already read a bare string as one name;
``rate_table``, ``plot_rates_by_group`` and ``sample_for_coding`` iterated its
letters and failed on columns ``'h_count'``, ``'o_count'``, ...
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.compare.aggregate import aggregate
from analysis.compare.tables import rate_table
from analysis.plots.rates import plot_rates_by_group
from analysis.validate_args import ArgumentError
from analysis.validation.coding import sample_for_coding


@pytest.fixture
def scored() -> pd.DataFrame:
    return pd.DataFrame({"g": ["a", "a", "b"], "text": ["x y", "z w", "v u"], "status": ["ok"] * 3,
                         "n_tokens": [10, 10, 10], "hostility_count": [1, 0, 2], "hedging_count": [0, 0, 1]})


def test_rate_table_takes_one_name(scored: pd.DataFrame) -> None:
    agg = aggregate(scored, "g", n_boot=0, dimensions=["hostility", "hedging"])
    assert list(rate_table(agg, "g", "hostility").columns) == list(rate_table(agg, "g", ["hostility"]).columns)


def test_plot_rates_by_group_takes_one_name(scored: pd.DataFrame) -> None:
    agg = aggregate(scored, "g", n_boot=0, dimensions=["hostility"])
    fig, data = plot_rates_by_group(agg, "g", "hostility")
    plt.close(fig)
    assert data["dimension"].unique().tolist() == ["hostility"]


def test_sample_for_coding_takes_one_name(scored: pd.DataFrame) -> None:
    sheet = sample_for_coding(scored, n=2, dimensions="hostility", seed=1, group_col=None)
    assert [c for c in sheet.table.columns if c.startswith("code_")] == ["code_hostility"]


def test_unknown_dimension_names_the_missing_column(scored: pd.DataFrame) -> None:
    with pytest.raises(ArgumentError, match="anger_count"):
        aggregate(scored, "g", dimensions=["anger"])
    agg = aggregate(scored, "g", n_boot=0, dimensions=["hostility"])
    with pytest.raises(ArgumentError, match="anger_rate"):
        rate_table(agg, "g", "anger")
