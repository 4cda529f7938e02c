"""Rows that are only punctuation, and signature lines, are not statements to count."""

from __future__ import annotations

import pandas as pd

import analysis
from analysis.compare.aggregate import aggregate
from analysis.corpus.load import load_corpus

PAGE = (
    "Talks resume in Istanbul\n"
    'A blog ran the story under the headline "Talks will go on":\n'
    "The delegations met for two hours.\n"
    "Jane Fielding reported from Istanbul, and Tomas Brandt from Kyiv.\n"
)


def test_a_punctuation_only_row_is_kept_scored_no_words_and_not_counted(make_corpus) -> None:
    c = load_corpus(make_corpus({"a.txt": PAGE}))
    texts = c.statements["text"].tolist()
    punct = [t for t in texts if not any(ch.isalnum() for ch in t)]
    assert punct, f"the fixture should give a punctuation-only row; got {texts}"
    # kept, so that every character of the text still belongs to a statement ...
    assert "".join(texts).replace(" ", "") in c.texts["a1"].replace(" ", "").replace("\n", "")
    # ... but not counted as a statement of the article
    assert c.articles["n_statements"].tolist() == [len(texts) - len(punct)]
    scored = c.statements.join(analysis.score_frame(c.statements))
    assert set(scored.loc[scored["text"].isin(punct), "status"]) == {"no_words"}
    agg = aggregate(scored, "article_id", dimensions=("hostility",), n_boot=0)
    assert agg.loc[0, "n_statements"] == len(texts) - len(punct)
    assert agg.loc[0, "n_skipped"] == len(punct)


def test_a_signature_line_is_boilerplate_with_its_reason_not_a_statement(make_corpus) -> None:
    c = load_corpus(make_corpus({"a.txt": PAGE}))
    assert "signature" in set(c.boilerplate["reason"])
    assert not c.statements["text"].str.contains("reported from Istanbul").any()


def test_bundled_corpus_counts_only_worded_statements() -> None:
    c = load_corpus()
    worded = c.statements[[any(ch.isalnum() for ch in t) for t in c.statements["text"]]]
    expected = worded.groupby("article_id").size()
    got = c.articles.set_index("article_id")["n_statements"]
    pd.testing.assert_series_equal(got, expected.reindex(got.index).fillna(0).astype(got.dtype),
                                   check_names=False)
    assert len(worded) < len(c.statements)  # the seed corpus has one such row (a lone ":")


def test_score_status_no_words() -> None:
    out = analysis.score_frame(pd.DataFrame({"text": [".", ":", "—", "Talks.", " "]}))
    assert out["status"].tolist() == ["no_words", "no_words", "no_words", "ok", "empty"]
    assert analysis.score_text(".").status == "no_words"
    assert (out.loc[out["status"] == "no_words", ["n_tokens", "sentiment_compound"]] == 0).all().all()
