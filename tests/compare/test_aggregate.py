"""Pooled rates, bootstrap intervals and bookkeeping of skipped rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.compare.aggregate import aggregate, bootstrap_ci


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["tass", "tass", "tass", "bbc", "bbc", "kyiv"],
            "status": ["ok", "ok", "empty", "ok", "ok", "missing"],
            "n_tokens": [10, 30, 0, 100, 100, 0],
            "hostility_count": [1, 3, 0, 0, 2, 0],
            "hedging_count": [0, 1, 0, 4, 0, 0],
            "sentiment_compound": [-0.5, -0.1, 0.0, 0.2, 0.4, 0.0],
        }
    )


def test_pooled_rate_is_total_count_over_total_tokens(scored: pd.DataFrame) -> None:
    agg = aggregate(scored, "outlet", dimensions=("hostility", "hedging"), n_boot=200)
    tass = agg.set_index("outlet").loc["tass"]
    # (1 + 3) matches over (10 + 30) tokens, per 1,000 tokens
    assert tass["hostility_rate"] == pytest.approx(1000 * 4 / 40)
    assert tass["hedging_rate"] == pytest.approx(1000 * 1 / 40)
    assert tass["hostility_count"] == 4
    assert tass["n_tokens"] == 40
    assert tass["sentiment_mean"] == pytest.approx(-0.3)


def test_skipped_rows_are_counted_not_dropped(scored: pd.DataFrame) -> None:
    agg = aggregate(scored, "outlet", dimensions=("hostility",), n_boot=100).set_index("outlet")
    assert agg.loc["tass", "n_statements"] == 2
    assert agg.loc["tass", "n_skipped"] == 1
    assert (agg["n_statements"] + agg["n_skipped"]).sum() == len(scored)
    kyiv = agg.loc["kyiv"]
    assert kyiv["n_statements"] == 0 and kyiv["n_skipped"] == 1
    assert np.isnan(kyiv["hostility_rate"]) and np.isnan(kyiv["hostility_rate_lo"])
    assert np.isnan(kyiv["sentiment_mean"])


def test_group_with_zero_tokens_has_nan_rate() -> None:
    frame = pd.DataFrame(
        {"g": ["a", "b"], "n_tokens": [0, 5], "hostility_count": [0, 1], "status": ["ok", "ok"]}
    )
    agg = aggregate(frame, "g", dimensions=("hostility",), n_boot=50).set_index("g")
    assert agg.loc["a", "n_statements"] == 1
    assert np.isnan(agg.loc["a", "hostility_rate"])
    assert agg.loc["b", "hostility_rate"] == pytest.approx(200.0)


def test_interval_brackets_estimate_and_is_deterministic(scored: pd.DataFrame) -> None:
    first = aggregate(scored, ["outlet"], dimensions=("hostility",), n_boot=500)
    second = aggregate(scored, ["outlet"], dimensions=("hostility",), n_boot=500)
    pd.testing.assert_frame_equal(first, second)
    ok = first.dropna(subset=["hostility_rate"])
    assert (ok["hostility_rate_lo"] <= ok["hostility_rate"]).all()
    assert (ok["hostility_rate"] <= ok["hostility_rate_hi"]).all()
    # bbc's two statements differ in rate, so its interval has width; tass's
    # two statements share one rate (100 per 1,000), so every resample agrees
    bbc = first.set_index("outlet").loc["bbc"]
    assert bbc["hostility_rate_lo"] < bbc["hostility_rate_hi"]
    tass = first.set_index("outlet").loc["tass"]
    assert tass["hostility_rate_lo"] == tass["hostility_rate_hi"] == 100.0


def test_other_seed_gives_other_interval() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {"g": "a", "n_tokens": rng.integers(5, 50, 200), "hostility_count": rng.poisson(1, 200)}
    )
    a = aggregate(frame, "g", dimensions=("hostility",), n_boot=300, seed=1)
    b = aggregate(frame, "g", dimensions=("hostility",), n_boot=300, seed=2)
    assert a["hostility_rate"].iloc[0] == b["hostility_rate"].iloc[0]
    assert a["hostility_rate_lo"].iloc[0] != b["hostility_rate_lo"].iloc[0]


def test_adding_a_group_leaves_other_intervals_unchanged(scored: pd.DataFrame) -> None:
    extra = pd.concat([scored, scored.assign(outlet="zz")], ignore_index=True)
    base = aggregate(scored, "outlet", dimensions=("hostility",), n_boot=300).set_index("outlet")
    more = aggregate(extra, "outlet", dimensions=("hostility",), n_boot=300).set_index("outlet")
    pd.testing.assert_frame_equal(base, more.loc[base.index])


def test_interval_matches_normal_theory_for_a_large_sample() -> None:
    rng = np.random.default_rng(7)
    n = 4000
    frame = pd.DataFrame({"g": "a", "n_tokens": 1, "hostility_count": 0, "sentiment_compound": rng.normal(0, 1, n)})
    agg = aggregate(frame, "g", dimensions=("hostility",), n_boot=2000).iloc[0]
    half_width = (agg["sentiment_hi"] - agg["sentiment_lo"]) / 2
    expected = 1.96 * frame["sentiment_compound"].std() / np.sqrt(n)
    assert half_width == pytest.approx(expected, rel=0.1)


def test_nan_group_keys_and_unused_categories_are_reported() -> None:
    frame = pd.DataFrame(
        {
            "bloc": pd.Categorical(["russian", None, "russian"], categories=["russian", "western"]),
            "n_tokens": [10, 10, 10],
            "hostility_count": [1, 1, 0],
        }
    )
    agg = aggregate(frame, "bloc", dimensions=("hostility",), n_boot=0)
    assert agg["n_statements"].sum() == 3
    western = agg[agg["bloc"] == "western"].iloc[0]
    assert western["n_statements"] == 0 and np.isnan(western["hostility_rate"])
    assert agg["bloc"].isna().sum() == 1


def test_no_status_column_means_all_rows_ok() -> None:
    frame = pd.DataFrame({"g": ["a", "a"], "n_tokens": [5, 5], "loaded_count": [1, 0]})
    agg = aggregate(frame, "g", dimensions=("loaded",), n_boot=0)
    assert agg.loc[0, "n_statements"] == 2 and agg.loc[0, "n_skipped"] == 0
    assert np.isnan(agg.loc[0, "loaded_rate_lo"])  # n_boot=0 skips the bootstrap


def test_missing_column_is_named() -> None:
    frame = pd.DataFrame({"g": ["a"], "n_tokens": [5]})
    with pytest.raises(KeyError, match="hostility_count"):
        aggregate(frame, "g", dimensions=("hostility",))


def test_bad_value_names_row_and_field() -> None:
    frame = pd.DataFrame(
        {"g": ["a", "a"], "n_tokens": [5, "five"], "hostility_count": [0, 1]}, index=[10, 11]
    )
    with pytest.raises(ValueError, match=r"'n_tokens'.*row 11"):
        aggregate(frame, "g", dimensions=("hostility",))


def test_bad_values_in_skipped_rows_are_ignored() -> None:
    frame = pd.DataFrame(
        {"g": ["a", "a"], "status": ["ok", "missing"], "n_tokens": [5, np.nan],
         "hostility_count": [1, np.nan]}
    )
    agg = aggregate(frame, "g", dimensions=("hostility",), n_boot=10)
    assert agg.loc[0, "hostility_rate"] == pytest.approx(200.0)


def test_bootstrap_ci_weighted_is_pooled_rate() -> None:
    rates = np.array([100.0, 0.0, 50.0])
    tokens = np.array([10.0, 30.0, 20.0])
    interval = bootstrap_ci(rates, weights=tokens, n_boot=500)
    assert interval.estimate == pytest.approx((1 + 0 + 1) / 60 * 1000)
    assert interval.low <= interval.estimate <= interval.high


def test_bootstrap_ci_constant_values_give_a_point() -> None:
    assert bootstrap_ci([2.0, 2.0, 2.0], n_boot=100) == (2.0, 2.0, 2.0)


def test_bootstrap_ci_empty_is_nan() -> None:
    interval = bootstrap_ci([], n_boot=100)
    assert all(np.isnan(v) for v in interval)


@pytest.mark.parametrize("kwargs", [{"ci": 1.0}, {"ci": 0.0}, {"n_boot": -1}])
def test_bootstrap_ci_rejects_bad_settings(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        bootstrap_ci([1.0, 2.0], **kwargs)


def test_bootstrap_ci_rejects_nan() -> None:
    with pytest.raises(ValueError, match="position 1"):
        bootstrap_ci([1.0, np.nan])
