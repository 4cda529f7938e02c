"""Outlet framing: voices, descriptors in own words, rendering deltas and diffs (compare/own_words, compare/renderings)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compare import (
    cluster_diffs,
    outlet_descriptors,
    outlet_label,
    rendering_deltas,
    split_voices,
)

# --- voices ------------------------------------------------------------------


def test_outlet_label_keeps_unidentified_outlets_apart() -> None:
    assert outlet_label("unidentified", "a-1") == "unidentified (a-1)"
    assert outlet_label("", "a-2") == "unidentified (a-2)"
    assert outlet_label(None, "a-3") == "unidentified (a-3)"
    assert outlet_label("  BBC ", "a-4") == "BBC"


def test_split_voices_separates_quotes_narration_and_borrowed_narration() -> None:
    st = pd.DataFrame({
        "article_id": ["a", "a", "a", "a", "b"],
        "outlet": ["X", "X", "X", "X", "unidentified"],
        "kind": ["direct", "partial", "reported", "narration", "narration"],
        "source": ["Putin", "Putin", "X", "Kyiv Post", "Reuters"],
    }, index=[10, 11, 12, 13, 14])
    out = split_voices(st)
    assert out.index.tolist() == [10, 11, 12, 13, 14]
    assert out["voice"].tolist() == ["quotes", "quotes", "narration", "narration", "narration"]
    assert out["voice_group"].tolist() == [
        "quotes", "quotes", "narration", "narration (Kyiv Post)", "narration (Reuters)"]
    assert out["outlet_label"].tolist()[-1] == "unidentified (b)"
    assert out["author"].tolist() == ["Putin", "Putin", "X", "Kyiv Post", "Reuters"]


def test_split_voices_names_missing_columns() -> None:
    with pytest.raises(KeyError, match="source"):
        split_voices(pd.DataFrame({"article_id": [], "outlet": [], "kind": []}))


@pytest.fixture(scope="module")
def article() -> tuple[pd.DataFrame, dict[str, str]]:
    parts = [
        ("narration", "X", "other", "Dmitry Medvedev issued an inflammatory statement, saying:"),
        ("direct", "Dmitry Medvedev", "russian", '"The regime will face harsh demands and an inflammatory response."'),
        ("narration", "Kyiv Post", "ukrainian", "The hawkish Medvedev spoke of Russian aggression."),
    ]
    text, rows, pos = "", [], 0
    for i, (kind, source, bloc, t) in enumerate(parts, 1):
        rows.append({"statement_id": f"a-{i}", "article_id": "a", "outlet": "X", "kind": kind,
                     "source": source, "source_bloc": bloc, "start": pos, "end": pos + len(t), "text": t})
        text += t + " "
        pos += len(t) + 1
    return pd.DataFrame(rows), {"a": text}


def test_outlet_descriptors_keep_own_words_only(article: tuple[pd.DataFrame, dict[str, str]]) -> None:
    st, texts = article
    d = outlet_descriptors(st, texts)
    assert "harsh demands" not in d["descriptor"].tolist()  # inside the quote
    rows = d[["statement_id", "source", "descriptor", "relation", "lexicon"]].values.tolist()
    assert ["a-1", "X", "inflammatory statement", "speech_act", "hostility:accusation"] in rows
    assert ["a-3", "Kyiv Post", "hawkish", "premodifier", ""] in rows
    lex = d[d["relation"] == "lexicon"]
    assert set(lex["statement_id"]) == {"a-3"} and "Russian aggression" in lex["descriptor"].tolist()
    for s, e, phrase in zip(d["start"], d["end"], d["descriptor"]):
        assert texts["a"][s:e] == phrase


def test_outlet_descriptors_names_a_missing_text(article: tuple[pd.DataFrame, dict[str, str]]) -> None:
    st, _ = article
    with pytest.raises(KeyError, match="'a'"):
        outlet_descriptors(st, {})


# --- renderings ---------------------------------------------------------------


@pytest.fixture()
def aligned_and_scored() -> tuple[pd.DataFrame, pd.DataFrame]:
    aligned = pd.DataFrame({"article_id": ["a", "b", "c", "a"], "rendering_id": [0, 0, 0, 1],
                            "text": ["w", "x", "y", "z"]}, index=[5, 6, 7, 8])
    scored = pd.DataFrame({
        "n_tokens": [10, 20, 10, 5], "hostility_count": [2, 0, 1, 1],
        "hostility_rate": [200.0, 0.0, 100.0, 200.0], "sentiment_compound": [-0.6, 0.0, -0.3, 0.1],
    }, index=[5, 6, 7, 8])
    return aligned, scored


def test_rendering_deltas_are_differences_from_the_cluster_mean(aligned_and_scored) -> None:
    aligned, scored = aligned_and_scored
    out = rendering_deltas(aligned, scored, dimensions=["hostility"])
    assert out.index.tolist() == [5, 6, 7]  # cluster 1 has one article only
    assert out["hostility_delta"].tolist() == [100.0, -100.0, 0.0]
    assert out["sentiment_delta"].round(6).tolist() == [-0.3, 0.3, 0.0]
    assert out["n_renderings"].tolist() == [3, 3, 3]
    assert rendering_deltas(aligned, scored, dimensions=["hostility"], min_groups=1).shape[0] == 4



def test_rendering_deltas_print_no_negative_zero() -> None:
    aligned = pd.DataFrame({"article_id": ["a", "b", "c"], "rendering_id": [0, 0, 0]})
    scored = pd.DataFrame({"n_tokens": [10, 10, 10], "hostility_count": [0, 0, 0],
                           "hostility_rate": [0.0, 0.0, 0.0], "sentiment_compound": [0.1, 0.2, 0.3]})
    out = rendering_deltas(aligned, scored, dimensions=["hostility"])
    # 0.2 - mean(0.1, 0.2, 0.3) is -2.8e-17: rounded, it must be 0.0, not -0.0
    assert [f"{v:+.2f}" for v in out["sentiment_delta"]] == ["-0.10", "+0.00", "+0.10"]


def test_rendering_deltas_need_the_same_rows(aligned_and_scored) -> None:
    aligned, scored = aligned_and_scored
    with pytest.raises(ValueError, match="same index"):
        rendering_deltas(aligned, scored.iloc[:2], dimensions=["hostility"])
    with pytest.raises(KeyError, match="certainty"):
        rendering_deltas(aligned, scored, dimensions=["certainty"])


def test_cluster_diffs_use_the_longest_rendering_as_reference() -> None:
    r = pd.DataFrame({"outlet_label": ["A", "B"], "text": [
        "Retribution is inevitable.", "We will win. Retribution is inevitable."]})
    out = cluster_diffs(r, fmt="html")
    assert out["is_reference"].tolist() == [False, True]
    assert "<del>" in out["diff"].iloc[0] and "<del>" not in out["diff"].iloc[1]
    with pytest.raises(ValueError, match="no renderings"):
        cluster_diffs(r.iloc[:0])


def test_cluster_diffs_ignore_the_quotation_marks_around_renderings() -> None:
    r = pd.DataFrame({"outlet_label": ["A", "B"], "text": ["\u201cRetribution is inevitable,\u201d",
                                                           '"Retribution is inevitable."']})
    out = cluster_diffs(r, fmt="text")
    assert out["diff"].tolist() == ["Retribution is inevitable", "Retribution is inevitable {+.+}"]
    assert "[-" in cluster_diffs(r, fmt="text", strip_quotes=False)["diff"].iloc[1]
