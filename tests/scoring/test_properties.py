"""Property-based checks over arbitrary Unicode text."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.scoring.score import SCORE_COLUMNS, score_frame, score_text
from analysis.scoring.tokenize import sentence_spans

NEWSY = st.sampled_from(
    ["idiots", "May", "may", "not", "certain", "no doubt", "about", "12,000", "neo‑Nazi", "regime", "’", ".",
     "Mr.", "\n", "  ", "“", "”", "İ", "must be", "might", "—", "so-called", "Kyiv regime", "!",
     "Киевский режим", "Kиев", "рашисти", "не очевидно", "Київ", "об’єднаних", "ʼ", "«", "»", "ёлка", "возможно"]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(NEWSY, st.text(max_size=5)), max_size=40).map(" ".join))


def _finite(d: dict) -> bool:
    """Every number finite, except sentiment where VADER is not run (then all NaN)."""
    unavailable = d["sentiment_status"] == "sentiment_unavailable"
    for k, v in d.items():
        if isinstance(v, str):
            continue
        if unavailable and k.startswith("sentiment_"):
            if not math.isnan(v):
                return False
        elif not math.isfinite(v):
            return False
    return True


def _same(a: dict, b: dict) -> bool:
    """Equal, NaN equal to NaN (sentiment of a ru/uk text)."""
    return a.keys() == b.keys() and all(
        x == y or (isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y))
        for x, y in ((a[k], b[k]) for k in a)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_scores_cleanly(text: str) -> None:
    s = score_text(text, sentiment="fast")
    d = s.to_dict()
    assert _finite(d)
    for m in s.matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
    for a, b in sentence_spans(text):
        assert 0 <= a < b <= len(text)
    again = score_text(text, sentiment="fast")
    assert _same(again.to_dict(), d) and again.matches == s.matches


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_alone_equals_in_batch(texts: list[str]) -> None:
    out = score_frame(pd.DataFrame({"text": texts}))
    for i, t in enumerate(texts):
        alone = score_text(t).to_dict()
        row = out.iloc[i].to_dict()
        assert _same({k: row[k] for k in SCORE_COLUMNS}, alone)
