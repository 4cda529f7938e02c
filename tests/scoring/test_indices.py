"""The loaded-language index and ranking score: exact weight recovery, parts, forms, ru/uk, neutral rows."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis import score_frame, score_text
from analysis.scoring.indices import (
    ENGLISH_ONLY_PARTS,
    ENGLISH_PARTS_UNAVAILABLE,
    INTENSITY_WEIGHT,
    RANKING_CONTRIBUTIONS,
    RANKING_FORMS,
    loaded_language_index,
    loaded_ranking_contributions,
    loaded_ranking_score,
)


def test_index_is_weight_sum_plus_half_absolute_compound() -> None:
    texts = ["Retribution is inevitable, the junta of idiots will be destroyed.",
             "What a wonderful, glorious victory!", "The meeting is on Monday."]
    scored = score_frame(pd.DataFrame({"text": texts}))
    index = loaded_language_index(scored)
    for i, text in enumerate(texts):
        s = score_text(text)
        weights = sum(m.weight for m in s.matches if m.dimension in ("hostility", "loaded"))
        expected = weights + INTENSITY_WEIGHT * abs(s.sentiment_compound)
        assert math.isclose(index.iloc[i], expected, rel_tol=1e-12, abs_tol=1e-12)
    # an emotive sentence with no lexicon word still ranks above a neutral one
    assert index.iloc[1] > index.iloc[2] == 0.0


def test_rows_that_are_not_ok_get_the_neutral_value_and_are_kept() -> None:
    df = pd.DataFrame({"text": ["They are idiots.", None, ""]}, index=[10, 11, 12])
    index = loaded_language_index(score_frame(df))
    assert index.index.tolist() == [10, 11, 12]
    assert index.loc[11] == 0.0 and index.loc[12] == 0.0 and index.loc[10] > 0


def test_missing_columns_are_named() -> None:
    with pytest.raises(KeyError, match="sentiment_compound"):
        loaded_language_index(pd.DataFrame({"hostility_score": [1.0], "loaded_score": [0.0],
                                            "n_tokens": [3]}))


# --- loaded_ranking_score: forms v1 and v2 -----------------------------------------

RANKING_TEXTS = ["They are vile idiots!", 'What a "plan": the so-called "liberators" came.',
                 "The meeting is on Monday.", "Это было ужасно!", None, ""]


def test_v1_is_the_rounds_2_to_4_formula_and_needs_no_texts() -> None:
    scored = score_frame(pd.DataFrame({"text": RANKING_TEXTS}))
    v1 = loaded_ranking_score(scored, form="v1")
    num = scored[["hostility_score", "loaded_score", "n_tokens", "sentiment_neg", "sentiment_pos"]].fillna(0.0)
    expected = (num.hostility_score + num.loaded_score) * num.n_tokens / 1000 + 1.5 * num.sentiment_neg \
        + 0.25 * num.sentiment_pos
    expected = expected.where(scored["status"].eq("ok"), 0.0)
    assert np.allclose(v1.to_numpy(), expected.to_numpy())


def test_v2_parts_add_up_and_each_cue_is_what_it_says() -> None:
    df = pd.DataFrame({"text": RANKING_TEXTS})
    scored = score_frame(df)
    parts = loaded_ranking_contributions(scored, df["text"])
    assert np.allclose(parts[list(RANKING_CONTRIBUTIONS)].sum(axis=1), parts["score"])
    assert parts["score"].equals(loaded_ranking_score(pd.concat([df, scored], axis=1)).rename("score"))
    f = RANKING_FORMS["v2"]
    assert parts.loc[0, "exclamation"] == f.exclamation_weight and parts.loc[2, "exclamation"] == 0.0
    assert parts.loc[1, "scare_quotes"] == f.scare_quote_weight and parts.loc[0, "scare_quotes"] == 0.0
    assert parts.loc[0, "peak_valence"] == pytest.approx(f.peak_weight * 3.1 / 4)  # 'vile' -3.1
    assert parts.loc[2, "score"] < parts.loc[0, "score"]


def test_v2_without_texts_is_a_clear_error_and_lengths_must_agree() -> None:
    scored = score_frame(pd.DataFrame({"text": ["They are idiots."]}))
    with pytest.raises(ValueError, match="pass texts="):
        loaded_ranking_score(scored)
    with pytest.raises(ValueError, match="2 texts for 1 scored rows"):
        loaded_ranking_score(scored, ["a", "b"])
    with pytest.raises(ValueError, match="unknown form"):
        loaded_ranking_score(scored, form="v9")
    with pytest.raises(ValueError, match="unknown parameter"):
        loaded_ranking_score(scored, ["a"], weight=2.0)


def test_ru_uk_rows_have_the_same_columns_and_say_english_parts_are_unavailable() -> None:
    texts = ['Это «так называемые» идиоты!', 'They are "so-called" idiots!']
    scored = score_frame(pd.DataFrame({"text": texts}))
    parts = loaded_ranking_contributions(scored, texts)
    forced = loaded_ranking_contributions(score_frame(pd.DataFrame({"text": texts[:1]}), language="ru"), texts[:1])
    assert list(forced.columns) == list(parts.columns)
    assert parts["status"].tolist() == [ENGLISH_PARTS_UNAVAILABLE, "ok"]
    assert (parts.loc[0, list(ENGLISH_ONLY_PARTS)] == 0.0).all()
    assert parts.loc[0, "exclamation"] > 0  # '!' is not English-only
    assert parts.loc[1, "scare_quotes"] > 0


def test_rows_that_are_not_ok_keep_their_status_and_score_zero() -> None:
    df = pd.DataFrame({"text": ["Idiots!", None, "  "]}, index=[7, 8, 9])
    parts = loaded_ranking_contributions(score_frame(df), df["text"])
    assert parts.index.tolist() == [7, 8, 9]
    assert parts["status"].tolist() == ["ok", "missing", "empty"]
    assert parts.loc[[8, 9], "score"].eq(0.0).all()


def test_a_repeated_index_keeps_every_row_in_order() -> None:
    df = pd.DataFrame({"text": ["Idiots!", 'A "plan".', "Rain."]}, index=[1, 1, 0])
    parts = loaded_ranking_contributions(score_frame(df), df["text"])
    assert parts.index.tolist() == [1, 1, 0]
    assert parts["exclamation"].gt(0).tolist() == [True, False, False]
    assert parts["scare_quotes"].gt(0).tolist() == [False, True, False]


@pytest.mark.parametrize("form", ["v9", "", None, ["v1"], 2])
def test_a_form_that_does_not_exist_is_named_not_a_crash(form: object) -> None:
    scored = score_frame(pd.DataFrame({"text": ["They are idiots."]}))
    with pytest.raises(ValueError, match=r"unknown form .*one of 'v1', 'v2'"):
        loaded_ranking_score(scored, ["They are idiots."], form=form)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "value", "message"), [
    ("exponent", float("nan"), "exponent must be a finite number"),
    ("exponent", "0.5", "exponent must be a finite number"),
    ("peak_weight", float("inf"), "peak_weight must be a finite number"),
    ("scare_quote_weight", None, "scare_quote_weight must be a finite number"),
    ("pivot", 0, "pivot must be > 0"),
    ("exponent", -1, "exponent must be >= 0"),
])
def test_a_weight_that_is_not_a_finite_number_is_named(name: str, value: object, message: str) -> None:
    # review5: NaN passed the old 'pivot <= 0' check and made every score NaN; a string failed in numpy
    scored = score_frame(pd.DataFrame({"text": ["They are idiots."]}))
    with pytest.raises(ValueError, match=message):
        loaded_ranking_score(scored, ["They are idiots."], **{name: value})  # type: ignore[arg-type]
    assert loaded_ranking_score(scored, ["They are idiots."], pivot=np.int64(10)).notna().all()


def test_missing_texts_are_neutral_and_other_non_strings_are_named() -> None:
    # review5: a number among the texts was read as "" and silently lost its cues
    texts = pd.Series(['A "hoax"!', None, float("nan"), pd.NA], index=["a", "b", "c", "d"], dtype=object)
    scored = score_frame(pd.DataFrame({"text": texts}))
    parts = loaded_ranking_contributions(scored, texts)
    assert parts["score"].tolist()[1:] == [0.0, 0.0, 0.0]
    assert parts.loc["a", "scare_quotes"] == 1.0
    with pytest.raises(TypeError, match=r"row 'c' holds int 5"):
        loaded_ranking_contributions(scored, ['A "hoax"!', None, 5, None])
    with pytest.raises(TypeError, match=r"row 1 holds bytes"):
        loaded_ranking_contributions(scored.reset_index(drop=True), ["x", b"x", "y", "z"])


def test_empty_frame_and_every_row_equals_the_text_alone_across_languages() -> None:
    empty = score_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert loaded_ranking_contributions(empty, []).shape == (0, len(RANKING_CONTRIBUTIONS) + 4)
    texts = ['Это «фейк», сказал он!', 'They are "so-called" idiots!', "Це «фейк»!", None,
             '"Retribution is inevitable,"', "\u00abnested \u201ca\u201d b\u00bb", 'Kyiv: "fake" news! Это «фейк».']
    batch = loaded_ranking_contributions(score_frame(pd.DataFrame({"text": texts})), texts)
    for i, text in enumerate(texts):
        alone = loaded_ranking_contributions(score_frame(pd.DataFrame({"text": [text]})), [text])
        pd.testing.assert_frame_equal(batch.iloc[[i]].reset_index(drop=True), alone)


def test_a_repeated_text_column_is_named() -> None:
    # review5: scored["text"] was a DataFrame, whose column names were read as the texts
    scored = score_frame(pd.DataFrame({"text": ["a", "b"]}))
    twice = pd.concat([scored, pd.DataFrame([["x", "y"], ["z", "w"]], columns=["text", "text"])], axis=1)
    with pytest.raises(ValueError, match="column 'text' appears 2 times in scored"):
        loaded_ranking_score(twice)
