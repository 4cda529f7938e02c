"""Each plotting function: what it draws, what it labels, what it returns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.compare import aggregate, distinctive_terms
from analysis.plots import (
    plot_bar_counts,
    plot_distinctive_terms,
    plot_heatmap,
    plot_points_with_ci,
    plot_rates_by_group,
    plot_time_series,
)
from analysis.plots.style import BLOC_COLORS


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 60
    frame = pd.DataFrame(
        {
            "source_bloc": rng.choice(["western", "russian", "ukrainian"], n),
            "outlet": rng.choice(["TASS", "BBC", "Kyiv Independent"], n),
            "date": pd.date_range("2021-12-01", periods=n, freq="5D").strftime("%Y-%m-%d"),
            "status": ["ok"] * (n - 2) + ["empty", "missing"],
            "n_tokens": rng.integers(5, 40, n),
            "hostility_count": rng.poisson(0.5, n),
            "sentiment_compound": rng.uniform(-1, 1, n),
        }
    )
    frame["hostility_rate"] = 1000 * frame["hostility_count"] / frame["n_tokens"]
    return frame


def _texts(fig: Figure) -> str:
    parts = [fig.get_suptitle(), fig.get_supxlabel()]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        parts += [t.get_text() for t in ax.get_yticklabels()]
    return " | ".join(parts)


def test_rates_by_group(scored: pd.DataFrame) -> None:
    agg = aggregate(scored, "source_bloc", dimensions=["hostility"], n_boot=200)
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility", "sentiment"])
    assert list(data.columns) == ["group", "dimension", "value", "low", "high", "n_statements", "n_tokens"]
    assert data["group"].tolist()[:3] == ["russian", "western", "ukrainian"]  # bloc order
    row = data[(data.group == "russian") & (data.dimension == "hostility")].iloc[0]
    expected = agg.set_index("source_bloc").loc["russian"]
    assert row["value"] == expected["hostility_rate"] and row["low"] == expected["hostility_rate_lo"]
    text = _texts(fig)
    assert "rate per 1,000 tokens" in text and "VADER" in text
    assert f"russian (n={int(expected['n_statements'])})" in text
    assert "n=58 statements" in text
    # points take the bloc colours
    colors = {line.get_color() for line in fig.axes[0].get_lines()}
    assert BLOC_COLORS["russian"] in colors


def test_rates_by_group_keeps_groups_without_tokens() -> None:
    agg = pd.DataFrame({"outlet": ["A", "B"], "n_statements": [3, 0], "n_tokens": [30, 0],
                        "hedging_rate": [1.0, np.nan], "hedging_rate_lo": [0.5, np.nan],
                        "hedging_rate_hi": [2.0, np.nan]})
    fig, data = plot_rates_by_group(agg, "outlet", ["hedging"])
    assert data["group"].tolist() == ["A", "B"] and np.isnan(data["value"].iloc[1])
    assert "B (n=0)" in _texts(fig)
    with pytest.raises(KeyError, match="hostility_rate"):
        plot_rates_by_group(agg, "outlet", ["hostility"])


def test_points_with_ci_is_deterministic(scored: pd.DataFrame) -> None:
    fig, data = plot_points_with_ci(scored, "outlet", "hostility", n_boot=200)
    _, again = plot_points_with_ci(scored, "outlet", "hostility", n_boot=200)
    pd.testing.assert_frame_equal(data, again)
    points = data[data.layer == "statement"]
    assert len(points) == 58  # the two rows not 'ok' are not drawn
    assert sorted(points["row"]) == list(range(58))
    pooled = data[data.layer == "pooled"].set_index("group")
    agg = aggregate(scored, "outlet", dimensions=["hostility"], n_boot=200).set_index("outlet")
    assert pooled.loc["BBC", "value"] == pytest.approx(agg.loc["BBC", "hostility_rate"])
    assert pooled.loc["BBC", "n_statements"] == agg.loc["BBC", "n_statements"]
    # jitter stays inside the group's band
    for g, rec in pooled.iterrows():
        ys = points[points.group == g]["y"]
        assert (abs(ys - rec["y"]) < 0.5).all()
    assert "n=" in _texts(fig) and "pooled rate" in _texts(fig)


def test_heatmap_long_data_and_labels() -> None:
    table = pd.DataFrame({"hostility": [3.0, np.nan], "hedging": [1.5, 2.0]}, index=["TASS", "BBC"])
    fig, data = plot_heatmap(table, title="Rates", value_label="rate per 1,000 tokens",
                             row_n={"TASS": 10, "BBC": 4})
    assert data.columns.tolist() == ["row", "column", "value", "n"]
    assert data.iloc[1].tolist()[:2] == ["TASS", "hedging"] and data.iloc[1]["value"] == 1.5
    assert np.isnan(data.iloc[2]["value"])
    cell_texts = [t.get_text() for t in fig.axes[0].texts]
    assert "3.0" in cell_texts and "n/a" in cell_texts
    assert "TASS (n=10)" in _texts(fig)
    assert any("rate per 1,000 tokens" in ax.get_ylabel() for ax in fig.axes)  # colour bar


def test_distinctive_terms_plot() -> None:
    texts = {"russian": ["the regime in Kyiv", "the Kyiv regime must go"] * 3,
             "western": ["the invasion of Ukraine", "an illegal invasion"] * 3}
    terms = distinctive_terms(texts, min_count=2)
    fig, data = plot_distinctive_terms(terms, top=2, n_by_group={"russian": 6, "western": 6})
    assert data.groupby("group").size().max() <= 2
    assert data["group"].tolist()[0] == "russian"
    assert "russian (n=6)" in _texts(fig) and "z-score" in _texts(fig)


def test_time_series(scored: pd.DataFrame) -> None:
    frame = scored.copy()
    frame.loc[0, "date"] = "not a date"
    fig, data = plot_time_series(frame, "date", "hostility", group_col="source_bloc",
                                 event_date="2022-02-24", event_label="Full-scale invasion", ci=0.9,
                                 n_boot=100)
    assert set(data.columns) == {"period", "group", "value", "low", "high", "n_statements", "n_tokens"}
    assert data["period"].str.endswith("-01").all()
    jan = frame[frame["date"].str.startswith("2022-01") & frame.status.eq("ok")]
    jan_ru = jan[jan.source_bloc == "russian"]
    row = data[(data.period == "2022-01-01") & (data.group == "russian")].iloc[0]
    assert row["value"] == pytest.approx(1000 * jan_ru.hostility_count.sum() / jan_ru.n_tokens.sum())
    text = _texts(fig)
    assert "1 statements without a usable date" in text
    assert any(t.get_text() == "Full-scale invasion" for t in fig.axes[0].texts)
    assert fig.axes[0].get_legend() is not None


def test_bar_counts_with_hue() -> None:
    counts = pd.DataFrame({"outlet": ["TASS", "TASS", "BBC"], "bloc": ["russian", "western", "western"],
                           "n": [5, 1, 7]})
    fig, data = plot_bar_counts(counts, "outlet", "n", hue_col="bloc", title="Statements")
    assert data.values.tolist() == [["TASS", "russian", 5], ["TASS", "western", 1], ["BBC", "western", 7]]
    assert fig.axes[0].get_title() == "Statements (n=13)"
    bar_colors = {tuple(p.get_facecolor()) for p in fig.axes[0].patches}
    assert len(bar_colors) == 2
