"""score_frame's batched counting path must agree exactly with score_text's match path.

score_frame counts matches without building Match objects and scans a whole
batch at once (texts joined by NUL); score_text builds every Match.  These
tests pin the two together on text that actually hits the lexicons: real
news sentences, lexicon terms in context, and texts holding NUL characters.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.external import load_press_releases
from analysis.scoring.lexicon import Lexicon
from analysis.scoring.score import score_frame, score_text

DIMENSIONS = ("hostility", "hedging", "certainty", "loaded")


def _assert_same(texts: list[str]) -> None:
    frame = score_frame(pd.DataFrame({"text": texts}))
    for i, text in enumerate(texts):
        alone = score_text(text).to_dict()
        row = frame.iloc[i]
        for key, value in alone.items():
            got = row[key]
            if isinstance(value, float):
                assert math.isclose(got, value, rel_tol=0, abs_tol=0) or (math.isnan(got) and math.isnan(value)), (key, text)
            else:
                assert got == value, (key, text)


@pytest.fixture(scope="module")
def news_sentences(seed_texts: dict[str, str]) -> list[str]:
    lines = [ln for t in seed_texts.values() for ln in t.splitlines() if ln.strip()]
    releases = load_press_releases()
    bodies = releases["body"].fillna("").tolist()[::60]
    return lines + [b[:1500] for b in bodies]


def test_real_news_text_scores_the_same_alone_and_in_a_batch(news_sentences: list[str]) -> None:
    assert sum(score_text(t).hostility_count for t in news_sentences) > 0
    _assert_same(news_sentences)


_terms = sorted(Lexicon.builtin().to_frame()["term"].astype(str).unique())


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(
    st.lists(st.one_of(st.sampled_from(_terms), st.sampled_from(
        ["not", "no", "never", "the", "about", "12,000", "may", "must", "be", ",", ".", "\x00", "neo‑Nazi", "“", "”"])),
        min_size=1, max_size=12).map(" ".join),
    min_size=1, max_size=8))
def test_lexicon_dense_text_scores_the_same_alone_and_in_a_batch(texts: list[str]) -> None:
    _assert_same(texts)


class _Text(str):
    """A user's str subclass (numpy.str_ is another)."""


@pytest.mark.parametrize("kind", [_Text, "numpy"])
def test_str_subclasses_score_as_their_text_not_as_empty(kind: object) -> None:
    import numpy as np

    make = np.str_ if kind == "numpy" else kind
    texts = ["They are idiots.", "Киевский режим обстреливает Донецк.", "It may rain. Fine."]
    wrapped = pd.Series([make(t) for t in texts], dtype=object)  # type: ignore[operator]
    assert {type(t) for t in wrapped} != {str}
    want = score_frame(pd.DataFrame({"text": texts}))
    pd.testing.assert_frame_equal(score_frame(pd.DataFrame({"text": wrapped})), want)
    for i, t in enumerate(wrapped):
        got = score_text(t)
        assert (got.status, got.language, got.hostility_count, got.loaded_count) == tuple(
            want.loc[i, ["status", "language", "hostility_count", "loaded_count"]])
    per = score_frame(pd.DataFrame({"text": wrapped}), unit="sentence")
    pd.testing.assert_frame_equal(per, score_frame(pd.DataFrame({"text": texts}), unit="sentence"))


def test_a_numpy_float32_nan_is_missing_like_any_nan() -> None:
    import numpy as np

    values = pd.Series([np.float32("nan"), np.float16("nan"), np.float64("nan"), "They are idiots."], dtype=object)
    out = score_frame(pd.DataFrame({"text": values}))
    assert out["status"].tolist() == ["missing", "missing", "missing", "ok"]
    assert score_text(np.float32("nan")).status == "missing"  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"row 0 holds float32"):
        score_frame(pd.DataFrame({"text": pd.Series([np.float32(1.5)], dtype=object)}))
