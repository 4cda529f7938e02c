"""ru/uk through the one scoring path: score_text, score_frame, explain, matches_frame, CLI, jobs, Dask.

Fixtures are hand-written sentences in both languages (not from the gold set).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.scoring.explain import explain
from analysis.scoring.score import (
    SCORE_COLUMNS,
    SENTIMENT_UNAVAILABLE,
    matches_frame,
    score_frame,
    score_text,
)
from analysis.validate_args import ArgumentError

RU = "Киевский режим обстреливает Донецк, заявил он. Возможно, это не очевидно."
UK = "Рашисти обстріляли Київ. Орки, безумовно, відповідатимуть."
EN = "They are idiots. The Kyiv regime will certainly fall."
MIXED_FRAME = [RU, UK, EN, None, "", "Kиев — столица.", "Об’єднаних Націй", "Ён сказаў, што ўсё добра."]


def _same(a: object, b: object) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def _rows_equal(x: dict[str, object], y: dict[str, object]) -> bool:
    return x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)


def test_russian_text_scores_on_lemmas_with_offsets_into_the_original() -> None:
    s = score_text(RU)
    assert (s.language, s.status, s.sentiment_status) == ("ru", "ok", SENTIMENT_UNAVAILABLE)
    assert all(math.isnan(getattr(s, f"sentiment_{k}")) for k in ("compound", "neg", "neu", "pos"))
    assert s.loaded_count >= 1 and s.hedging_count >= 1
    assert s.n_sentences == 2 and s.n_tokens == 10
    assert s.loaded_rate == 1000 * s.loaded_count / s.n_tokens
    for m in s.matches:
        assert RU[m.start:m.end] == m.surface
    assert ("Киевский режим", "loaded") in [(m.surface, m.dimension) for m in s.matches]
    # negated booster is a hedge, as in English
    assert any(m.category == "negated_booster" for m in s.matches)


def test_ukrainian_text_scores_and_counts_naming_apart() -> None:
    s = score_text(UK)
    assert (s.language, s.status, s.sentiment_status) == ("uk", "ok", SENTIMENT_UNAVAILABLE)
    found = {(m.surface, m.dimension) for m in s.matches}
    assert {("Рашисти", "loaded"), ("Київ", "naming")} <= found
    assert s.certainty_count >= 1
    # naming is reported in the matches, not in the four DIMENSIONS columns
    counted = sum(getattr(s, f"{d}_count") for d in ("hostility", "hedging", "certainty", "loaded"))
    assert counted == sum(m.dimension != "naming" for m in s.matches)


def test_homoglyphs_and_apostrophes_keep_offsets() -> None:
    s = score_text("Kиевский режим и Об’єднаних", language="ru")  # Latin K
    assert [(m.surface, m.start) for m in s.matches if m.dimension == "loaded"] == [("Kиевский режим", 0)]


def test_english_is_unchanged_and_labelled() -> None:
    s = score_text(EN)
    assert (s.language, s.sentiment_status) == ("en", "ok")
    assert not math.isnan(s.sentiment_compound)
    assert score_text(EN, sentiment="none").sentiment_status == "not_requested"


def test_override_and_bad_language() -> None:
    assert score_text("Он сказал.", language="uk").language == "uk"
    assert score_frame(pd.DataFrame({"text": [RU, EN]}), language="ru")["language"].tolist() == ["ru", "ru"]
    with pytest.raises(ArgumentError, match="language"):
        score_text(RU, language="russian")
    with pytest.raises(ArgumentError, match="language"):
        score_frame(pd.DataFrame({"text": [RU]}), language="de")


def test_vader_never_runs_on_cyrillic() -> None:
    # Belarusian is 'other' and goes through the English path, but not through VADER
    s = score_text("Ён сказаў, што ўсё добра.")
    assert s.language == "other" and s.sentiment_status == SENTIMENT_UNAVAILABLE
    assert math.isnan(s.sentiment_compound)
    # an English override on Russian text still does not feed VADER Cyrillic
    assert score_text(RU, language="en").sentiment_status == SENTIMENT_UNAVAILABLE


def test_frame_every_row_and_batch_equals_single() -> None:
    df = pd.DataFrame({"text": MIXED_FRAME}, index=[10 + i for i in range(len(MIXED_FRAME))])
    out = score_frame(df)
    assert out.index.tolist() == df.index.tolist() and list(out.columns) == list(SCORE_COLUMNS)
    assert out["language"].tolist() == ["ru", "uk", "en", "other", "other", "ru", "uk", "other"]
    assert out["status"].tolist() == ["ok", "ok", "ok", "missing", "empty", "ok", "ok", "ok"]
    for label, text in zip(df.index, MIXED_FRAME):
        alone = score_text(text).to_dict()
        assert _rows_equal({k: out.at[label, k] for k in SCORE_COLUMNS}, alone), text


def test_big_frame_crosses_batches_in_order() -> None:
    texts = [RU, EN, UK, None] * 700  # more than one internal batch of 1024
    out = score_frame(pd.DataFrame({"text": texts}))
    assert out["language"].tolist() == ["ru", "en", "uk", "other"] * 700
    assert out["loaded_count"].tolist() == [score_text(t).loaded_count for t in texts[:4]] * 700


def test_sentence_unit_detects_each_sentence() -> None:
    text = "Он заявил: всё хорошо. Він зазначив, що рашисти відступають."
    per = score_frame(pd.DataFrame({"text": [text]}), unit="sentence")
    assert per["language"].tolist() == ["ru", "uk"]
    for _, row in per.iterrows():
        assert text[row["start"]:row["end"]] == row["sentence_text"]
    assert per["loaded_count"].tolist() == [0, 1]


def test_matches_frame_dispatches() -> None:
    m = matches_frame(pd.DataFrame({"text": [UK, EN]}, index=["u", "e"]))
    assert {("u", "Київ", "naming"), ("e", "idiots", "hostility")} <= set(
        zip(m["row"], m["surface"], m["dimension"]))


def test_explain_ru_uk() -> None:
    e = explain(UK)
    assert e.scores.language == "uk" and e.sentiment == ()
    html = e._repr_html_()
    assert "Рашисти" in html and "sentiment unavailable" in html
    assert "[[Київ|naming:" in str(e)
    assert "language=uk" in repr(e)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_jobs_two_equals_one() -> None:
    df = pd.DataFrame({"text": MIXED_FRAME * 5})
    pd.testing.assert_frame_equal(score_frame(df, jobs=2), score_frame(df))
    pd.testing.assert_frame_equal(score_frame(df, jobs=2, language="uk"), score_frame(df, language="uk"))


def test_dask_equals_score_frame() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import dask

    from analysis.scale import dask as adask

    df = pd.DataFrame({"text": MIXED_FRAME * 3})
    with dask.config.set(scheduler="synchronous"):
        got = adask.score(dd.from_pandas(df, npartitions=3, sort=False), "text").compute()
        forced = adask.score(dd.from_pandas(df, npartitions=2, sort=False), "text", language="ru").compute()
    pd.testing.assert_frame_equal(got, score_frame(df), check_index_type=False, check_dtype=False)
    pd.testing.assert_frame_equal(forced, score_frame(df, language="ru"), check_index_type=False,
                                  check_dtype=False)


def test_cli_language_option(tmp_path: Path) -> None:
    from analysis.scale import cli_score

    src = tmp_path / "in.csv"
    pd.DataFrame({"text": [RU, UK, EN, None]}).to_csv(src, index=False)
    detected, forced = tmp_path / "d.csv", tmp_path / "f.csv"
    assert cli_score.main([str(src), "-o", str(detected)]) == 0
    assert cli_score.main([str(src), "-o", str(forced), "--language", "uk"]) == 0
    d, f = pd.read_csv(detected), pd.read_csv(forced)
    assert d["language"].tolist() == ["ru", "uk", "en", "other"]
    assert d["sentiment_status"].tolist()[:3] == [SENTIMENT_UNAVAILABLE, SENTIMENT_UNAVAILABLE, "ok"]
    assert f["language"].tolist() == ["uk"] * 4
    expected = score_frame(pd.DataFrame({"text": [RU, UK, EN, None]}))
    assert d["loaded_count"].tolist() == expected["loaded_count"].tolist()
    with pytest.raises(SystemExit):
        cli_score.main([str(src), "-o", str(tmp_path / "x.csv"), "--language", "de"])


def test_latin_words_of_a_ukrainian_text_keep_english_matches() -> None:
    text = "Блокада Чорного і Азовського морів: рішення РФ загрожує Україні, the atrocities of occupiers."
    s = score_text(text)
    assert s.language == "uk"
    found = [(m.surface, m.dimension) for m in s.matches]
    # "atrocities" counts in hostility only since lexicons 1.3.0 (one dimension per term)
    assert ("atrocities", "hostility") in found and ("occupiers", "hostility") in found
    assert [m.start for m in s.matches] == sorted(m.start for m in s.matches)
    out = score_frame(pd.DataFrame({"text": [text]}))
    assert out.at[0, "loaded_count"] == s.loaded_count
    m = matches_frame(pd.DataFrame({"text": [text]}))
    assert sorted(m["surface"]) == sorted(x.surface for x in s.matches)


def test_letters_pymorphy_cannot_name_do_not_crash() -> None:
    s = score_text("Є:\U00017000")  # a Tangut letter: no unicodedata name
    assert s.status == "ok" and s.language == "uk" and s.n_tokens == 2
