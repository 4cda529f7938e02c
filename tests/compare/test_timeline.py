"""Periods, before/after contrasts and per-group match tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.compare.aggregate import aggregate
from analysis.compare.timeline import (
    UNDATED,
    add_period,
    before_after,
    match_counts,
    match_rates,
    period_rates,
)


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": ["2022-01-05", "2022-01-30", "2022-02-23T23:59:00+00:00",
                     "2022-02-24T00:00:00+00:00", "2022-03-10", "not a date", "2022-03-11",
                     "2022-04-01"],
            "side": ["ru", "ru", "ru", "ru", "ua", "ua", "ua", "ua"],
            "status": ["ok", "ok", "ok", "ok", "ok", "ok", "empty", "ok"],
            "n_tokens": [100, 300, 100, 200, 50, 40, 0, 150],
            "hostility_count": [1, 3, 0, 6, 2, 1, 0, 1],
            "loaded_count": [0, 0, 1, 4, 1, 0, 0, 2],
        },
        index=[f"d{i}" for i in range(8)],
    )


def test_add_period_labels_months_and_keeps_undated(scored: pd.DataFrame) -> None:
    out = add_period(scored, "date")
    assert out["period"].tolist() == ["2022-01", "2022-01", "2022-02", "2022-02", "2022-03",
                                      UNDATED, "2022-03", "2022-04"]
    assert out.index.equals(scored.index)
    assert "period" not in scored.columns  # the input is not modified


def test_add_period_uses_utc_instant() -> None:
    # 23:30 on 31 January in Kyiv (UTC+2) is still January in UTC
    out = add_period(pd.DataFrame({"d": ["2022-01-31T23:30:00+02:00"]}), "d")
    assert out["period"].tolist() == ["2022-01"]


def test_period_rates_pool_tokens_and_account_for_every_row(scored: pd.DataFrame) -> None:
    t = period_rates(scored, "date", "side", dimensions=["hostility"], n_boot=200)
    jan = t[(t["period"] == "2022-01") & (t["side"] == "ru")].iloc[0]
    assert jan["hostility_rate"] == pytest.approx(1000 * 4 / 400)
    assert jan["n_tokens"] == 400
    assert int((t["n_statements"] + t["n_skipped"]).sum()) == len(scored)
    assert UNDATED in set(t["period"])
    assert (t["hostility_rate_lo"] <= t["hostility_rate"] + 1e-9).all()


def test_before_after_splits_at_the_event_instant(scored: pd.DataFrame) -> None:
    r = before_after(scored, "date", "2022-02-24", "side", dimensions=["hostility"], n_boot=0)
    ru = r[r["side"] == "ru"].iloc[0]
    # the 23:59 UTC release on the 23rd is before; midnight of the 24th is after
    assert (ru["n_before"], ru["n_after"]) == (3, 1)
    assert ru["rate_before"] == pytest.approx(1000 * 4 / 500)
    assert ru["rate_after"] == pytest.approx(1000 * 6 / 200)
    assert ru["difference"] == pytest.approx(30.0 - 8.0)


def test_before_after_accounts_for_undated_and_skipped(scored: pd.DataFrame) -> None:
    r = before_after(scored, "date", "2022-02-24", "side", dimensions=["hostility"], n_boot=0)
    ua = r[r["side"] == "ua"].iloc[0]
    assert (ua["n_before"], ua["n_after"], ua["n_undated"], ua["n_skipped"]) == (0, 2, 1, 1)
    assert np.isnan(ua["rate_before"]) and np.isnan(ua["difference"])
    total = (r["n_before"] + r["n_after"] + r["n_undated"] + r["n_skipped"]).sum()
    assert total == len(scored)


def test_before_after_intervals_match_a_clear_shift() -> None:
    rng = np.random.default_rng(0)
    n = 80
    frame = pd.DataFrame({
        "date": ["2022-01-10"] * n + ["2022-03-10"] * n,
        "n_tokens": 100,
        "hostility_count": np.r_[rng.poisson(1, n), rng.poisson(5, n)],
    })
    r = before_after(frame, "date", "2022-02-24", dimensions=["hostility"], n_boot=500).iloc[0]
    assert r["rate_before_lo"] <= r["rate_before"] <= r["rate_before_hi"]
    assert r["difference_lo"] > 0  # a five-fold rise is clearly positive
    again = before_after(frame, "date", "2022-02-24", dimensions=["hostility"], n_boot=500).iloc[0]
    assert again.equals(r)


def test_before_after_names_missing_columns(scored: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="hedging_count"):
        before_after(scored, "date", "2022-02-24", dimensions=["hedging"])



# before_after shares aggregate's column check (aggregate.checked_columns): a name given twice made
# repeated rows or two columns of one name, a list instead of a frame an AttributeError deep inside
@pytest.mark.parametrize(("by", "dims", "what"), [(None, ["hostility", "hostility"], "dimensions"),
                                                  (["side", "side"], ["hostility"], "by")])
def test_before_after_refuses_a_name_given_twice(scored: pd.DataFrame, by: object, dims: list[str],
                                                 what: str) -> None:
    with pytest.raises(ValueError, match=f"before_after: {what} names .* twice"):
        before_after(scored, "date", "2022-02-24", by, dimensions=dims, n_boot=0)  # type: ignore[arg-type]


def test_before_after_refuses_a_scored_that_is_not_a_frame() -> None:
    with pytest.raises(TypeError, match="before_after: scored must be a DataFrame, got list"):
        before_after([1, 2], "date", "2022-02-24")  # type: ignore[arg-type]

@pytest.fixture(scope="module")
def matches() -> pd.DataFrame:
    return pd.DataFrame({
        "row": ["d0", "d3", "d3", "d4", "d7", "d7"],
        "dimension": ["loaded", "loaded", "hostility", "loaded", "loaded", "loaded"],
        "term": ["junta", "neo-nazis", "kill", "occupiers", "occupiers", "junta"],
        "side": ["russian", "russian", "", "ukrainian_western", "ukrainian_western", "russian"],
    })


def test_match_counts_counts_one_dimension_per_row(scored: pd.DataFrame, matches: pd.DataFrame) -> None:
    wide = match_counts(matches, scored.index, "side", values=["russian", "ukrainian_western"])
    assert list(wide.columns) == ["russian_count", "ukrainian_western_count"]
    assert wide.loc["d3"].tolist() == [1, 0]  # the hostility match is not counted
    assert wide.loc["d7"].tolist() == [1, 1]
    assert wide.loc["d1"].tolist() == [0, 0]
    # ready for aggregate: pooled rate of russian-side terms per side
    agg = aggregate(scored.join(wide), "side", dimensions=["russian"], n_boot=0).set_index("side")
    assert agg.loc["ru", "russian_rate"] == pytest.approx(1000 * 2 / 700)


def test_match_counts_rejects_rows_outside_index(matches: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="not in index"):
        match_counts(matches, ["d0"])


def test_match_rates_per_group_and_term(scored: pd.DataFrame, matches: pd.DataFrame) -> None:
    t = match_rates(matches, scored, "side")
    ua = t[t["side"] == "ua"].set_index("term")
    # ua tokens in ok rows: 50 + 40 + 150 (the empty row is not counted)
    assert ua.loc["occupiers", "count"] == 2
    assert ua.loc["occupiers", "n_docs"] == 2
    assert ua.loc["occupiers", "rate"] == pytest.approx(1000 * 2 / 240)
    assert "kill" not in set(t["term"])
    assert t[t["side"] == "ua"]["term"].tolist() == ["occupiers", "junta"]  # count desc


def test_match_rates_complete_lists_zero_cells(scored: pd.DataFrame, matches: pd.DataFrame) -> None:
    by_bloc = scored.rename(columns={"side": "bloc"})
    t = match_rates(matches, by_bloc, "bloc", key="side", complete=True)
    assert len(t) == 4  # two groups x two match sides, zeros included
    cell = t[(t["bloc"] == "ru") & (t["side"] == "ukrainian_western")].iloc[0]
    assert (cell["count"], cell["n_docs"], cell["rate"]) == (0, 0, 0.0)
    assert cell["n_tokens"] == 700


def test_match_rates_rejects_a_key_that_is_also_a_group(
    scored: pd.DataFrame, matches: pd.DataFrame
) -> None:
    with pytest.raises(ValueError, match="both a group"):
        match_rates(matches, scored, "side", key="side")


def test_match_rates_top_keeps_first_per_group(scored: pd.DataFrame, matches: pd.DataFrame) -> None:
    t = match_rates(matches, scored, "side", top=1)
    assert t.groupby("side").size().tolist() == [1, 1]
