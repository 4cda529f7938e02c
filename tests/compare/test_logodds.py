"""Weighted log-odds (Monroe et al. 2008) against hand-computed values."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from analysis.compare.logodds import (
    MISSING_PRIOR,
    distinctive_terms,
    log_odds_dirichlet,
    simple_tokenize,
    text_ngrams,
)


def _row(table: pd.DataFrame, term: str) -> pd.Series:
    return table.set_index("term").loc[term]


def test_explicit_prior_matches_hand_computation() -> None:
    table = log_odds_dirichlet({"x": 3, "y": 1}, {"x": 1, "y": 3}, prior={"x": 1, "y": 1})
    # n_a = 3 + 1 = 4, n_b = 1 + 3 = 4, a_x = a_y = 1, a0 = 2
    # delta_x = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log(4/2) - log(2/4)
    delta_x = math.log(4 / 2) - math.log(2 / 4)
    var_x = 1 / (3 + 1) + 1 / (1 + 1)  # 0.25 + 0.5
    x = _row(table, "x")
    assert x["delta"] == pytest.approx(delta_x, abs=1e-9)
    assert x["variance"] == pytest.approx(0.75, abs=1e-9)
    assert x["z"] == pytest.approx(delta_x / math.sqrt(var_x), abs=1e-9)
    assert _row(table, "y")["z"] == pytest.approx(-delta_x / math.sqrt(var_x), abs=1e-9)
    assert table["term"].tolist() == ["x", "y"]  # sorted by z, descending


def test_default_prior_is_combined_counts() -> None:
    a = Counter(war=5, peace=1, talks=2)
    b = Counter(war=1, peace=4, talks=2)
    table = log_odds_dirichlet(a, b)
    # prior = a + b: a_war = 6, a_peace = 5, a_talks = 4, a0 = 15; n_a = 8, n_b = 7
    delta_war = math.log((5 + 6) / (8 + 15 - 5 - 6)) - math.log((1 + 6) / (7 + 15 - 1 - 6))
    var_war = 1 / (5 + 6) + 1 / (1 + 6)
    delta_talks = math.log((2 + 4) / (8 + 15 - 2 - 4)) - math.log((2 + 4) / (7 + 15 - 2 - 4))
    war, talks = _row(table, "war"), _row(table, "talks")
    assert war["prior"] == 6
    assert war["delta"] == pytest.approx(delta_war, abs=1e-9)
    assert war["variance"] == pytest.approx(var_war, abs=1e-9)
    assert war["z"] == pytest.approx(delta_war / math.sqrt(var_war), abs=1e-9)
    # same count in both, but group a is larger: slightly under-represented in a
    assert talks["delta"] == pytest.approx(delta_talks, abs=1e-9)
    assert talks["delta"] < 0


def test_prior_scale_rescales_prior_total() -> None:
    table = log_odds_dirichlet({"x": 3, "y": 1}, {"x": 1, "y": 3}, prior={"x": 30, "y": 10}, prior_scale=8)
    assert table["prior"].sum() == pytest.approx(8.0)
    assert _row(table, "x")["prior"] == pytest.approx(6.0)
    # delta_x = log((3+6)/(4+8-3-6)) - log((1+6)/(4+8-1-6))
    expected = math.log(9 / 3) - math.log(7 / 5)
    assert _row(table, "x")["delta"] == pytest.approx(expected, abs=1e-9)


def test_term_missing_from_supplied_prior_gets_small_pseudo_count() -> None:
    table = log_odds_dirichlet({"x": 2, "new": 1}, {"x": 2}, prior={"x": 4})
    assert _row(table, "new")["prior"] == MISSING_PRIOR


def test_swapping_groups_negates_z() -> None:
    a, b = Counter(a=4, b=2, c=9), Counter(a=1, b=5, c=7)
    ab = log_odds_dirichlet(a, b).set_index("term")["z"]
    ba = log_odds_dirichlet(b, a).set_index("term")["z"]
    pd.testing.assert_series_equal(ab.sort_index(), -ba.sort_index())


def test_series_input_and_empty_input() -> None:
    table = log_odds_dirichlet(pd.Series({"x": 1.0, "y": 2.0}), pd.Series({"x": 1.0, "y": 2.0}))
    assert table["z"].tolist() == pytest.approx([0.0, 0.0])
    # a single-term vocabulary has no odds: the documented result is NaN
    assert log_odds_dirichlet({"x": 1}, {"x": 2})["z"].isna().all()
    assert log_odds_dirichlet({}, {}).empty


def test_negative_count_is_rejected_with_term() -> None:
    with pytest.raises(ValueError, match="'x'"):
        log_odds_dirichlet({"x": -1}, {"x": 1})


def test_tokenizer_and_ngrams() -> None:
    assert simple_tokenize("Kyiv’s “neo-Nazi” regime in 2022") == ["kyiv", "neo-nazi", "regime", "in"]
    grams = text_ngrams("Blown up. Everything is lost")
    assert "up everything" not in grams  # bigrams stay inside a sentence
    assert "blown" in grams and "lost" in grams
    assert "is" not in grams  # stopword unigram


def test_dotted_abbreviations_stay_one_token() -> None:
    assert simple_tokenize("U.S. and U.N. envoys met E.U. officials") == [
        "u.s.", "and", "u.n.", "envoys", "met", "e.u.", "officials",
    ]
    # not an abbreviation: a sentence end glued to the next word, or one initial
    assert simple_tokenize("in Kyiv.A city") == ["in", "kyiv", "a", "city"]
    assert simple_tokenize("J. Biden") == ["j", "biden"]
    grams = text_ngrams("The U.S. sanctions failed. U.N. aid")
    assert "u.s. sanctions" in grams and "u.n. aid" in grams
    assert not {"u", "s", "n"} & set(grams)
    assert "failed u.n." not in grams  # a sentence end still splits


def test_distinctive_terms_one_vs_rest() -> None:
    texts = {
        "russian": ["The neo-Nazi regime in Kyiv must go.", "The special military operation continues."] * 3,
        "western": ["Russia's full-scale invasion continues.", "The invasion of Ukraine is illegal."] * 3,
    }
    table = distinctive_terms(texts, min_count=2, top=5)
    assert set(table.columns) == {"group", "rank", "term", "count_group", "count_rest", "delta", "z"}
    top_ru = table[table.group == "russian"]["term"].tolist()
    top_west = table[table.group == "western"]["term"].tolist()
    assert "invasion" in top_west and "invasion" not in top_ru
    assert any("neo-nazi" in t for t in top_ru)
    assert "continues" not in top_ru + top_west  # used equally by both
    assert (table["z"] > 0).all()
    assert table.groupby("group")["rank"].apply(list).map(lambda r: r == list(range(1, len(r) + 1))).all()


def test_distinctive_terms_min_count_and_bad_input() -> None:
    texts = {"a": ["rare word"], "b": ["other text"]}
    assert distinctive_terms(texts, min_count=2).empty
    with pytest.raises(TypeError, match="'a'"):
        distinctive_terms({"a": "not a list"})
    with pytest.raises(TypeError, match="text #1"):
        distinctive_terms({"a": ["ok", None]})
