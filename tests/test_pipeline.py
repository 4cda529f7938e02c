"""analysis.pipeline: load_corpus's old import paths, the cached scored table, narrator voices."""

from __future__ import annotations

import analysis
from analysis import pipeline
from analysis.corpus.load import STATEMENT_COLUMNS
from analysis.corpus.voices import Voice
from analysis.statements.extract import extract_statements


def test_load_corpus_keeps_its_import_paths() -> None:
    import analysis.corpus
    from analysis.corpus.load import load_corpus

    assert load_corpus is pipeline.load_corpus
    assert analysis.corpus.load_corpus is pipeline.load_corpus
    assert analysis.load_corpus is pipeline.load_corpus


def test_scored_statements_is_cached_and_a_fresh_copy_each_call() -> None:
    first = pipeline.scored_statements()
    first.loc[first.index[0], "text"] = "changed"
    second = pipeline.scored_statements()
    corpus = pipeline.cached_corpus()
    assert second["text"].iloc[0] == corpus.statements["text"].iloc[0] != "changed"
    assert list(second.columns[: len(STATEMENT_COLUMNS)]) == list(STATEMENT_COLUMNS)
    assert second.index.equals(corpus.statements.index)
    assert {"n_tokens", "hostility_count", "hostility_rate", "sentiment_compound"} <= set(second.columns)
    assert analysis.scored_statements().equals(second)


def test_extractor_takes_the_narrator_of_each_narration_row_from_the_voices() -> None:
    text = "Talks ended.\nKremlin officials met."
    voices = [Voice(0, 12, "Blog", "other", "", "narration"), Voice(13, len(text), "Kremlin", "", "", "passage")]
    df = extract_statements(text, narrator=voices)
    assert df[["speaker", "speaker_bloc", "speaker_in_registry"]].values.tolist() == [
        ["Blog", "other", False], ["Kremlin", "russian", True]]  # the registry's bloc for a registered name
    assert extract_statements(text, narrator="Blog")["speaker_bloc"].tolist() == ["", ""]


def test_detected_passages_are_carved_out_of_own_narration_only() -> None:
    voices = [Voice(0, 10, "X", "other", "", "narration"), Voice(10, 20, "NPR", "western", "NPR", "passage")]
    out = pipeline.narrator_voices(voices, [(5, 15, "BBC")], {}, "a1")
    assert [(v.start, v.end, v.narrator, v.narrator_bloc) for v in out] == [
        (0, 5, "X", "other"), (5, 10, "BBC", ""), (10, 20, "NPR", "western")]
