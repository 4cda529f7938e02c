"""The sentence unit: split_sentences and score_frame(..., unit="sentence")."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.scoring.score import SCORE_COLUMNS, SENTENCE_COLUMNS, score_frame, score_text
from analysis.scoring.tokenize import Span, sentence_spans, split_sentences
from analysis.validate_args import ArgumentError

NEWS = (
    "Dr. Smith said on May 16 that the talks may fail. \"They are idiots,\" he added!\n"
    "  Retribution is inevitable.  \n\nUpdated at 22.28 BST"
)


def test_split_sentences_is_public_and_gives_offsets_into_the_text() -> None:
    spans = analysis.split_sentences(NEWS)
    assert all(isinstance(s, Span) and NEWS[s.start : s.end] == s.text for s in spans)
    assert [(s.start, s.end) for s in spans] == sentence_spans(NEWS)
    assert [s.text for s in spans] == [
        "Dr. Smith said on May 16 that the talks may fail.",
        "\"They are idiots,\" he added!",
        "Retribution is inevitable.",
        "Updated at 22.28 BST",
    ]
    assert split_sentences("") == [] and split_sentences(" \n\t") == []
    with pytest.raises(TypeError, match="expects a str, got NoneType"):
        split_sentences(None)  # type: ignore[arg-type]


def test_one_row_per_sentence_with_parent_and_offsets() -> None:
    df = pd.DataFrame({"text": [NEWS, "Fine."], "other": [1, 2]}, index=["a", "b"])
    out = score_frame(df, unit="sentence")
    assert list(out.columns) == [*SENTENCE_COLUMNS, *SCORE_COLUMNS]
    assert out.index.tolist() == list(range(5))
    assert out["row"].tolist() == ["a"] * 4 + ["b"]
    assert out["sentence"].tolist() == [0, 1, 2, 3, 0]
    for r in out.itertuples():
        assert df.loc[r.row, "text"][r.start : r.end] == r.sentence_text
    assert (out["n_sentences"] == 1).all() and (out["status"] == "ok").all()
    assert out["hedging_count"].tolist() == [1, 0, 0, 0, 0]
    assert out["hostility_count"].tolist() == [0, 1, 1, 0, 0]
    assert out["sentence"].dtype == "Int64" and out["start"].dtype == "Int64"


def test_each_sentence_scores_as_the_text_it_is() -> None:
    out = score_frame(pd.DataFrame({"text": [NEWS]}), unit="sentence", sentiment="vader")
    for r in out.to_dict("records"):
        alone = score_text(r["sentence_text"], sentiment="vader").to_dict()
        for key, value in alone.items():
            assert r[key] == value, key


def test_sentence_rows_add_up_to_the_text_row() -> None:
    df = pd.DataFrame({"text": [NEWS, "It may rain. It is certain."]})
    per = score_frame(df, unit="sentence")
    whole = score_frame(df)
    summed = per.groupby("row")[["n_tokens", "n_sentences"]].sum()
    assert summed["n_tokens"].tolist() == whole["n_tokens"].tolist()
    assert summed["n_sentences"].tolist() == whole["n_sentences"].tolist()


def test_every_parent_row_is_accounted_for() -> None:
    df = pd.DataFrame(
        {"text": [None, "", "  \n", np.nan, pd.NA, "One. Two."]}, index=[10, 11, 12, 13, 14, 15]
    )
    out = score_frame(df, unit="sentence", sentiment="none")
    assert out["row"].tolist() == [10, 11, 12, 13, 14, 15, 15]
    assert out["status"].tolist() == ["missing", "empty", "empty", "missing", "missing", "ok", "ok"]
    blank = out.iloc[:5]
    assert blank["sentence"].isna().all() and blank["start"].isna().all() and blank["end"].isna().all()
    assert blank["sentence_text"].isna().all()
    assert (blank["n_tokens"] == 0).all() and all(math.isnan(x) for x in out["sentiment_compound"])
    assert out["sentence"].iloc[5:].tolist() == [0, 1]


def test_empty_frame_and_bad_arguments() -> None:
    empty = score_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}), unit="sentence")
    assert empty.empty and list(empty.columns) == [*SENTENCE_COLUMNS, *SCORE_COLUMNS]
    df = pd.DataFrame({"text": ["A. B."]})
    with pytest.raises(ArgumentError, match="unit must be one of 'text', 'sentence'; got 'word'"):
        score_frame(df, unit="word")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="needs unit='text'"):
        score_frame(df, unit="sentence", jobs=2)
    with pytest.raises(TypeError, match="row 1"):
        score_frame(pd.DataFrame({"text": ["A.", 3]}), unit="sentence")
