"""Quoted passages: any range of a cleaned text can be attributed to an outlet (seed 003)."""

from __future__ import annotations

import pytest

from analysis.corpus.load import load_corpus
from analysis.corpus.voices import attribute_span, voice_segments


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(statements=False)


def _who(corpus, aid: str, phrase: str) -> tuple[str, str]:
    text = corpus.texts[aid]
    start = text.index(phrase)
    v = corpus.narrator_of(aid, start, start + len(phrase))
    return v.narrator, v.narrator_bloc


@pytest.mark.parametrize(
    ("phrase", "who"),
    [
        ("Vladimir Putin's chief lieutenant issued", ("unidentified", "other")),
        ("U.S. Senator Lindsey Graham said on June 3", ("The Kyiv Independent", "ukrainian")),
        ("according to a report at NPR from Moscow and Kyiv", ("unidentified", "other")),
        ('called it "Operation Trojan Trucks"', ("NPR", "western")),
        ("Russia never intended to negotiate a peace deal in good faith", ("unidentified", "other")),
        ("Everything that should explode will explode", ("The Kyiv Independent", "ukrainian")),
        ("This seemed to be a threat", ("unidentified", "other")),
        ("would impose 500% tariffs", ("The Kyiv Independent", "ukrainian")),
    ],
)
def test_seed_003_ranges_are_attributed(corpus, phrase, who) -> None:
    assert _who(corpus, "seed-003", phrase) == who


def test_voices_partition_every_text(corpus) -> None:
    for aid, text in corpus.texts.items():
        v = corpus.voices[corpus.voices["article_id"] == aid]
        assert v["start"].iloc[0] == 0 and v["end"].iloc[-1] == len(text)
        assert (v["start"].iloc[1:].to_numpy() == v["end"].iloc[:-1].to_numpy()).all()


def test_voices_in_clips_a_range_across_a_boundary(corpus) -> None:
    text = corpus.texts["seed-003"]
    start = text.index("according to a report at NPR")
    end = text.index("Expectations were low")
    parts = corpus.voices_in("seed-003", start, end)
    assert parts["narrator"].tolist() == ["unidentified", "NPR"]
    assert parts["start"].iloc[0] == start and parts["end"].iloc[-1] == end


def test_wire_copy_article_is_reuters_throughout(corpus) -> None:
    v = corpus.voices[corpus.voices["article_id"] == "seed-001"]
    assert set(v["narrator"]) == {"Reuters"}
    assert _who(corpus, "seed-001", "Retribution is inevitable") == ("Reuters", "western")


def test_unknown_article_id(corpus) -> None:
    with pytest.raises(KeyError, match="unknown article id"):
        corpus.narrator_of("nope", 0, 1)


def test_attribute_span_majority_and_empty_spans() -> None:
    segs = voice_segments(20, "Blog", "other", [(5, 12, "NPR", "western", "passage")])
    assert attribute_span(segs, 3, 12).narrator == "NPR"
    assert attribute_span(segs, 0, 8).narrator == "Blog"
    assert attribute_span(segs, 7, 7).narrator == "NPR"
    assert attribute_span(segs, 20, 20).narrator == "Blog"
    with pytest.raises(ValueError):
        voice_segments(20, "Blog", "other", [(5, 12, "A", "other", "passage"), (10, 15, "B", "other", "passage")])
