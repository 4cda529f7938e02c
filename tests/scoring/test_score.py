from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.constants import SCORED_DIMENSIONS
from analysis.scoring.score import SCORE_COLUMNS, matches_frame, score_frame, score_text


def _joined(texts: list[str]) -> str:
    return " ".join(texts)


def test_medvedev_more_hostile_peskov_more_hedged(medvedev_quotes: list[str], peskov_statements: list[str]) -> None:
    med = score_text(_joined(medvedev_quotes))
    pes = score_text(_joined(peskov_statements))
    assert med.hostility_rate > pes.hostility_rate
    assert pes.hedging_rate > med.hedging_rate


def test_retribution_is_certainty_and_hostility() -> None:
    s = score_text("Retribution is inevitable.")
    assert s.certainty_count == 1 and s.hostility_count == 1
    assert s.n_tokens == 3 and s.n_sentences == 1
    assert s.hostility_rate == pytest.approx(1000 / 3)
    assert s.hostility_score == pytest.approx(1000 * 1.5 / 3)


def test_insult_flagged_where_vader_sees_nothing() -> None:
    s = score_text("They are idiots.", sentiment="vader")
    assert s.sentiment_compound == 0.0
    assert [(m.surface, m.category) for m in s.matches] == [("idiots", "insult")]


def test_fast_and_vader_backends_agree(medvedev_quotes: list[str]) -> None:
    for t in medvedev_quotes + ["No problem.", "not bad at all", "The plan is good. The plan is bad!!"]:
        a = score_text(t, sentiment="fast").to_dict()
        b = score_text(t, sentiment="vader").to_dict()
        assert a == b


def test_sentiment_is_token_weighted_mean_over_sentences() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    one, two = "This is great.", "That was a horrible, terrible, awful day for everyone."
    s = score_text(f"{one} {two}", sentiment="vader")
    c1, c2 = sia.polarity_scores(one)["compound"], sia.polarity_scores(two)["compound"]
    assert s.sentiment_compound == pytest.approx((3 * c1 + 9 * c2) / 12)
    assert math.isnan(score_text("x", sentiment="none").sentiment_compound)
    with pytest.raises(ValueError, match="sentiment must be"):
        score_text("x", sentiment="textblob")


def test_long_text_does_not_saturate() -> None:
    s = score_text(" ".join(["The food was good."] * 200), sentiment="vader")
    assert s.sentiment_compound == pytest.approx(score_text("The food was good.", sentiment="vader").sentiment_compound)


def test_missing_empty_and_bad_types() -> None:
    assert score_text(None).status == "missing"
    assert score_text(float("nan")).status == "missing"
    e = score_text("  \n ")
    assert e.status == "empty" and e.n_tokens == 0 and e.hedging_rate == 0.0 and e.matches == []
    with pytest.raises(TypeError, match="expects a str"):
        score_text(42)  # type: ignore[arg-type]


def test_to_dict_has_contract_fields() -> None:
    d = score_text("They might be idiots.").to_dict(matches=True)
    assert list(d)[: len(SCORE_COLUMNS)] == list(SCORE_COLUMNS)
    assert d["matches"][0]["dimension"] in {"hedging", "hostility"}


def test_score_frame_edge_cases_keep_every_row_in_order() -> None:
    df = pd.DataFrame(
        {"text": ["They are idiots.", None, np.nan, "", "It may rain.", pd.NA], "other": range(6)},
        index=["f", "e", "d", "c", "b", "a"],
    )
    out = score_frame(df)
    assert out.index.tolist() == df.index.tolist()
    assert list(out.columns) == list(SCORE_COLUMNS)
    assert out["status"].tolist() == ["ok", "missing", "missing", "empty", "ok", "missing"]
    assert out["hostility_count"].tolist() == [1, 0, 0, 0, 0, 0]
    assert out["hedging_count"].tolist() == [0, 0, 0, 0, 1, 0]
    assert out["n_tokens"].dtype == np.int64 and out["hedging_rate"].dtype == np.float64


def test_score_frame_errors_name_the_column() -> None:
    with pytest.raises(KeyError, match="'body'"):
        score_frame(pd.DataFrame({"text": ["a"]}), "body")
    with pytest.raises(TypeError, match="'n'"):
        score_frame(pd.DataFrame({"n": [1, 2, 3]}), "n")
    with pytest.raises(TypeError, match="row 'y'"):
        score_frame(pd.DataFrame({"text": ["fine", 3]}, index=["x", "y"]))


def test_score_frame_empty_and_string_dtype() -> None:
    assert score_frame(pd.DataFrame({"text": pd.Series([], dtype=object)})).empty
    df = pd.DataFrame({"text": pd.Series(["They are idiots.", None], dtype="string")})
    assert score_frame(df)["status"].tolist() == ["ok", "missing"]


def test_text_scores_fields_are_the_score_columns() -> None:
    from dataclasses import fields

    from analysis.scoring.score import TextScores

    assert [f.name for f in fields(TextScores)] == [*SCORE_COLUMNS, "matches"]


def test_matches_frame_rows_and_offsets() -> None:
    df = pd.DataFrame({"text": ["Fine.", "They are idiots; it may fail."]}, index=[10, 20])
    m = matches_frame(df)
    assert m["row"].tolist() == [20, 20]
    for _, r in m.iterrows():
        assert df.loc[r["row"], "text"][r["start"]:r["end"]] == r["surface"]
    assert matches_frame(df.iloc[:1]).empty


def test_duplicated_text_column_is_named() -> None:
    from analysis.validate_args import ArgumentError

    df = pd.DataFrame([["They are idiots.", "Fine."]], columns=["text", "text"])
    with pytest.raises(ArgumentError, match="column 'text' appears 2 times in df"):
        score_frame(df)
    with pytest.raises(ArgumentError, match="matches_frame: column 'text' appears 2 times"):
        matches_frame(df)


def test_option_errors_name_the_argument_and_the_options() -> None:
    from analysis.validate_args import ArgumentError

    df = pd.DataFrame({"text": ["a"]})
    with pytest.raises(ArgumentError, match="score_frame: df is missing column 'body'; its columns are 'text'"):
        score_frame(df, "body")
    with pytest.raises(ArgumentError, match="lexicon_mode must be one of 'extend', 'replace'; got 'merge'"):
        score_frame(df, lexicon_mode="merge")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="score_text: sentiment must be one of 'fast', 'vader', 'none'"):
        score_text("a", sentiment="textblob")


def test_help_of_score_frame_lists_columns_and_explains_the_options() -> None:
    doc = score_frame.__doc__ or ""
    for name in ("lexicons:", "lexicon_mode:", "sentiment:", "unit:", '"extend"', '"replace"', '"fast"',
                 '"vader"', '"none"', "d_count", "d_rate", "d_score", "sentence_text"):
        assert name in doc, name
    for col in SCORE_COLUMNS:
        generic = col.split("_", 1)[1] if col.split("_", 1)[0] in SCORED_DIMENSIONS else None
        assert col in doc or (generic and f"d_{generic}" in doc), col

