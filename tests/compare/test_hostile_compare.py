"""Round-7 review: hostile input for aggregate, bootstrap_ci, before_after and add_period.

Every case stops with an error naming the argument, column or row, or gives a
documented neutral result (NaN rate with its ``n``), never a crash deep in
numpy or pandas and never a silently wrong number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.compare import (
    add_period,
    aggregate,
    before_after,
    bootstrap_ci,
    log_odds_dirichlet,
    period_rates,
)
from analysis.compare.bootstrap import members_by_group
from analysis.validate_args import ArgumentError


def scored(**overrides: object) -> pd.DataFrame:
    frame = pd.DataFrame({
        "outlet": ["a", "a", "b", "c"],
        "date": ["2022-01-05", "2022-03-01T00:00:00+03:00", "2022-02-01", "not a date"],
        "status": ["ok", "ok", "ok", "empty"],
        "n_tokens": [10, 20, 0, 0],
        "hostility_count": [1, 2, 0, 0],
        "sentiment_compound": [0.1, -0.2, 0.3, 0.0],
    })
    return frame.assign(**overrides)


@pytest.mark.parametrize("seed", [None, "x", -1, 1.5, True])
def test_aggregate_refuses_a_seed_that_is_not_an_integer(seed: object) -> None:
    with pytest.raises(ArgumentError, match="aggregate: seed must be an integer"):
        aggregate(scored(), "outlet", dimensions=["hostility"], n_boot=10, seed=seed)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="before_after: seed"):
        before_after(scored(), "date", "2022-02-24", dimensions=["hostility"], seed=seed)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="bootstrap_ci: seed"):
        bootstrap_ci([1.0, 2.0], seed=seed)  # type: ignore[arg-type]


@pytest.mark.parametrize("n_boot", [2.5, True, "10"])
def test_aggregate_refuses_a_non_integer_n_boot(n_boot: object) -> None:
    with pytest.raises(ArgumentError, match="n_boot"):
        aggregate(scored(), "outlet", dimensions=["hostility"], n_boot=n_boot)  # type: ignore[arg-type]


def test_same_seed_same_intervals_and_another_seed_other_intervals() -> None:
    frame = scored(n_tokens=[10, 20, 30, 5], status="ok", hostility_count=[1, 2, 5, 0], outlet="a")
    first = aggregate(frame, "outlet", dimensions=["hostility"], n_boot=200, seed=7)
    pd.testing.assert_frame_equal(first, aggregate(frame, "outlet", dimensions=["hostility"], n_boot=200, seed=7))
    other = aggregate(frame, "outlet", dimensions=["hostility"], n_boot=200, seed=8)
    assert first["hostility_rate"].equals(other["hostility_rate"])
    assert not first[["hostility_rate_lo", "hostility_rate_hi"]].equals(other[["hostility_rate_lo", "hostility_rate_hi"]])


def test_a_fractional_count_is_an_error_naming_the_row_not_a_truncated_sum() -> None:
    # was: hostility_count 1 in the output (int() of 1.5) beside a rate of 150 per 1,000
    frame = scored(hostility_count=[1.5, 2, 0, 0])
    with pytest.raises(ValueError, match=r"'hostility_count' .*fractional value at row 0"):
        aggregate(frame, "outlet", dimensions=["hostility"], n_boot=0)
    with pytest.raises(ValueError, match=r"'n_tokens' .*at row 1"):
        aggregate(scored(n_tokens=[10, 2.5, 0, 0]), "outlet", dimensions=["hostility"], n_boot=0)


def test_whole_floats_and_booleans_are_counts() -> None:
    frame = scored(hostility_count=[1.0, 2.0, 0.0, np.nan], n_tokens=[10.0, 20.0, 0.0, np.nan])
    out = aggregate(frame, "outlet", dimensions=["hostility"], n_boot=0)
    assert out["hostility_count"].tolist() == [3, 0, 0]  # the NaN is in the 'empty' row, not counted
    assert out["hostility_rate"].tolist()[:1] == [100.0]


def test_zero_tokens_is_a_nan_rate_with_its_n() -> None:
    out = aggregate(scored(), "outlet", dimensions=["hostility"], n_boot=50)
    b = out.set_index("outlet").loc["b"]
    assert b["n_statements"] == 1 and b["n_tokens"] == 0
    assert np.isnan(b["hostility_rate"]) and np.isnan(b["hostility_rate_lo"])
    assert not np.isinf(out[["hostility_rate", "hostility_rate_lo", "hostility_rate_hi"]].to_numpy()).any()


def test_a_group_of_one_row_has_a_degenerate_interval() -> None:
    out = aggregate(scored().iloc[:1], "outlet", dimensions=["hostility"], n_boot=50)
    assert out[["hostility_rate", "hostility_rate_lo", "hostility_rate_hi"]].values.tolist() == [[100.0, 100.0, 100.0]]
    assert bootstrap_ci([4.0]) == (4.0, 4.0, 4.0)


def test_a_dimension_given_as_a_string_is_one_dimension() -> None:
    # was: 'hostility' read as nine one-letter dimensions ('h_count', 'o_count', ...)
    out = aggregate(scored(), "outlet", dimensions="hostility", n_boot=0)
    assert "hostility_rate" in out.columns and "h_count" not in out.columns


@pytest.mark.parametrize(("by", "dims", "what"), [(["outlet", "outlet"], ["hostility"], "by"),
                                                  ("outlet", ["hostility", "hostility"], "dimensions")])
def test_a_name_given_twice_is_an_error(by: object, dims: list[str], what: str) -> None:
    # was: an output with two columns of the same name
    with pytest.raises(ArgumentError, match=f"{what} names .* twice"):
        aggregate(scored(), by, dimensions=dims, n_boot=0)  # type: ignore[arg-type]


def test_a_group_column_of_lists_is_an_error_naming_it() -> None:
    with pytest.raises(ArgumentError, match="group column 'outlet' holds values that cannot be group keys"):
        aggregate(scored(outlet=[["a"], ["a"], ["b"], ["c"]]), "outlet", dimensions=["hostility"], n_boot=0)


def test_misspelled_columns_are_named() -> None:
    with pytest.raises(ArgumentError, match="missing column 'outlt'"):
        aggregate(scored(), "outlt", dimensions=["hostility"])
    with pytest.raises(ArgumentError, match="missing column 'dat'"):
        before_after(scored(), "dat", "2022-02-24", dimensions=["hostility"])
    with pytest.raises(ArgumentError, match="missing column 'hostilty_count'"):
        aggregate(scored(), "outlet", dimensions=["hostilty"])


def test_bloc_values_outside_bloc_order_are_groups_of_their_own() -> None:
    out = aggregate(scored(outlet=["russian", "martian", None, "western"]), "outlet",
                    dimensions=["hostility"], n_boot=0)
    assert out["n_statements"].sum() + out["n_skipped"].sum() == 4
    assert "martian" in out["outlet"].tolist() and out["outlet"].isna().sum() == 1


@pytest.mark.parametrize("event", [None, "not a date", float("nan"), pd.NaT])
def test_before_after_refuses_an_event_date_it_cannot_read(event: object) -> None:
    # was: None gave NaT and every row counted as 'before' without a word
    with pytest.raises(ArgumentError, match="event_date must be a date"):
        before_after(scored(), "date", event, dimensions=["hostility"], n_boot=0)  # type: ignore[arg-type]


@pytest.mark.parametrize(("column", "value"), [("hostility_count", np.nan), ("n_tokens", "x"),
                                               ("n_tokens", -3), ("hostility_count", 0.5)])
def test_before_after_names_the_bad_row(column: str, value: object) -> None:
    # was: ValueError 'cannot convert float NaN to integer' deep inside
    frame = scored()
    frame[column] = frame[column].astype(object)
    frame.loc[1, column] = value
    with pytest.raises(ValueError, match=rf"before_after: column '{column}' .* at row 1"):
        before_after(frame, "date", "2022-02-24", dimensions=["hostility"], n_boot=0)


def test_before_after_takes_a_missing_status_as_not_ok() -> None:
    # was: TypeError 'boolean value of NA is ambiguous'
    frame = scored(status=pd.array(["ok", pd.NA, "ok", "ok"], dtype="string"))
    out = before_after(frame, "date", "2022-02-24", dimensions=["hostility"], n_boot=0)
    assert out[["n_before", "n_after", "n_undated", "n_skipped"]].values.tolist() == [[2, 0, 1, 1]]


def test_before_after_tz_mixed_dates_are_utc_instants() -> None:
    out = before_after(scored(), "date", "2022-02-28T22:00:00Z", dimensions=["hostility"], n_boot=0)
    # 2022-03-01T00:00+03:00 is 2022-02-28T21:00Z: before the event
    assert out[["n_before", "n_after", "n_undated", "n_skipped"]].values.tolist() == [[3, 0, 0, 1]]


def test_before_after_per_group_matches_one_group_at_a_time() -> None:
    rng = np.random.default_rng(3)
    n = 300
    frame = pd.DataFrame({"outlet": rng.integers(0, 7, n).astype(str),
                          "date": pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D"),
                          "n_tokens": rng.integers(1, 50, n), "hostility_count": rng.integers(0, 3, n)})
    together = before_after(frame, "date", "2022-02-24", "outlet", dimensions=["hostility"], n_boot=30)
    for outlet, part in frame.groupby("outlet"):
        alone = before_after(part, "date", "2022-02-24", "outlet", dimensions=["hostility"], n_boot=30)
        pd.testing.assert_frame_equal(together[together["outlet"] == outlet].reset_index(drop=True), alone)


def test_numeric_dates_are_refused_not_read_as_1970() -> None:
    # was: a year column (2022, 2023) put every row in period '1970-01'
    with pytest.raises(ArgumentError, match="date column 'date' holds numbers"):
        period_rates(scored(date=[2022, 2023, 2024, 2025]), "date", dimensions=["hostility"], n_boot=0)


def test_add_period_names_a_bad_freq() -> None:
    with pytest.raises(ArgumentError, match="add_period: freq must be a pandas period code"):
        add_period(scored(), "date", "fortnight")


def test_members_by_group_equals_a_scan_per_group() -> None:
    codes = np.random.default_rng(0).integers(0, 50, 2_000)
    members = members_by_group(codes, 52)
    for g in range(52):
        assert members[g].tolist() == np.flatnonzero(codes == g).tolist()


def test_aggregate_many_groups_equals_aggregate_per_group() -> None:
    rng = np.random.default_rng(1)
    n = 2_000
    frame = pd.DataFrame({"outlet": rng.integers(0, 400, n).astype(str),
                          "status": rng.choice(["ok", "ok", "ok", "empty"], n),
                          "n_tokens": rng.integers(0, 40, n), "hostility_count": rng.integers(0, 3, n)})
    together = aggregate(frame, "outlet", dimensions=["hostility"], n_boot=20).set_index("outlet")
    for outlet in ["0", "17", "399"]:
        alone = aggregate(frame[frame["outlet"] == outlet], "outlet", dimensions=["hostility"], n_boot=20)
        pd.testing.assert_series_equal(together.loc[outlet], alone.set_index("outlet").loc[outlet])


def test_log_odds_a_term_listed_with_no_count_is_finite_not_infinite() -> None:
    # was: variance inf for 'b' (prior 0 from counts_a + counts_b)
    table = log_odds_dirichlet(pd.Series({"a": 3, "b": 0, "c": 1}), pd.Series({"a": 1, "b": 0, "c": 3}))
    assert np.isfinite(table[["delta", "variance", "z"]].to_numpy()).all()
    b = table.set_index("term").loc["b"]
    assert b["prior"] == 0.01 and b["delta"] == 0.0
    same = log_odds_dirichlet({"a": 3, "c": 1}, {"a": 1, "c": 3}).set_index("term")
    assert (table.set_index("term").loc[["a", "c"], "z"] - same["z"]).abs().max() < 0.01
