"""Closed-class stylistic features of the optional loaded-language model: each fires and does not fire."""

from __future__ import annotations

import pytest

from analysis.scoring.loaded_style import (
    STYLE_FEATURES,
    is_comparative,
    is_superlative,
    style_counts,
)


def _count(text: str, feature: str) -> float:
    return float(style_counts([text]).loc[0, feature])


@pytest.mark.parametrize(("feature", "fires", "silent"), [
    ("style: we/our/us", "We will defend our land.", "The ministry issued a statement."),
    ("style: they/them/their", "They lied to their voters.", "The voters were told."),
    ("style: you/your", "You should know your enemy.", "Officials know the enemy."),
    ("style: obligation modals", "The West must answer for this.", "The West may answer later."),
    ("style: negators", "This is not a war, it never was.", "This is a war."),
    ("style: superlatives", "The worst crisis, the most cynical lie, the biggest fraud.", "The interest on the forest."),
    ("style: comparatives", "Worse still, a more dangerous and bigger threat.", "Never trust the killer's water."),
    ("style: ever", "The largest fraud ever.", "The largest fraud."),
    ("style: exclamative frames", "What a disgrace! How shameful.", "What did he say? How did it happen?"),
    ("style: rhetorical questions", "Isn't it obvious? Why would anyone believe them?", "Is it open? When did it start?"),
    ("style: scare quotes", 'The "experts" and their "peace plan" failed.', 'He said: "We will not give up this land now."'),
    ("style: imperatives", "Wake up. Let us be clear. Don't believe them.", "Stop signs were installed. Do you agree?"),
    ("style: title case", "Biden Signs The New Arms Bill", "Biden signs the new arms bill"),
])
def test_each_style_feature_fires_and_does_not_fire(feature: str, fires: str, silent: str) -> None:
    assert _count(fires, feature) > 0
    assert _count(silent, feature) == 0


def test_counts_are_per_occurrence_and_the_table_is_named():
    table = style_counts(["We, we and us.", ""])
    assert list(table.columns) == list(STYLE_FEATURES)
    assert table.loc[0, "style: we/our/us"] == 3.0
    assert table.loc[1].sum() == 0.0


def test_morphology_needs_a_listed_adjective():
    assert is_superlative("cruellest") and is_superlative("happiest") and not is_superlative("protest")
    assert is_comparative("sadder") and is_comparative("easier") and not is_comparative("officer")
    assert is_superlative("least", "the") and not is_superlative("least", "at")


def test_ranking_cues_count_peak_valence_strong_negatives_scare_quotes_and_bangs() -> None:
    from analysis.scoring.loaded_style import RANKING_CUES, ranking_cues

    cues = ranking_cues(['A "hoax"! Evil!', 'He said "we will not accept this at all".', "", "Rain."])
    assert list(cues.columns) == list(RANKING_CUES)
    assert cues.iloc[0].tolist() == [3.4, 1.0, 1.0, 2.0]  # 'evil' -3.4
    assert cues.loc[1, "scare quotes"] == 0.0  # a quoted clause is speech, not a scare quote
    assert cues.iloc[2].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert cues.loc[3, "peak valence"] == 0.0


def test_a_text_that_is_one_short_quotation_is_speech_not_a_scare_quote() -> None:
    from analysis.scoring.loaded_style import scare_quote_count

    assert scare_quote_count('"Retribution is inevitable,"') == 0
    assert scare_quote_count('\u201cNever!\u201d') == 0
    assert scare_quote_count('  "We will win" - ') == 0
    assert scare_quote_count('He called it "a farce", again.') == 1
    assert scare_quote_count('The "referendum" and the "vote" were held.') == 2


def _scare_quotes_by_definition(text: str) -> int:
    # the rule as written (one to three words, no sentence punctuation, words
    # outside the span), one slice per span: the reference for the linear code
    from analysis.scoring.loaded_style import _NOT_WORDS, _QUOTED, _SENTENCE_PUNCT

    return sum(1 for q in _QUOTED.finditer(text)
               if 1 <= len(q.group(1).split()) <= 3 and not _SENTENCE_PUNCT.search(q.group(1))
               and (text[:q.start()] + text[q.end():]).strip(_NOT_WORDS))


def test_scare_quote_count_follows_its_definition_on_unbalanced_and_nested_quotes() -> None:
    import random

    from analysis.scoring.loaded_style import scare_quote_count

    rnd = random.Random(5)
    marks = ' "\u201c\u201d\u00ab\u00bb\u201e\'\u2018\u2019ab.,!\n-'
    for _ in range(3000):
        text = "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 30)))
        assert scare_quote_count(text) == _scare_quotes_by_definition(text), text
    assert scare_quote_count('"unbalanced and \u00abnested \u201cword\u201d here') == 1
    assert scare_quote_count("\u00ab\u201c\u201d\u00bb") == 0


def test_many_short_quoted_spans_are_each_counted() -> None:
    # review5: the count sliced and stripped the whole text once per span
    # (quadratic: minutes for a 10 MB text); benchmarks/bench_ranking_cues.py times it
    from analysis.scoring.loaded_style import ranking_cues, scare_quote_count

    text = 'a "hoax" b ' * 100_000
    assert scare_quote_count(text) == 100_000
    assert ranking_cues([text]).loc[0, "scare quotes"] == 100_000.0


def test_ranking_cues_read_a_missing_text_as_no_cues_and_name_a_number() -> None:
    from analysis.scoring.loaded_style import ranking_cues

    assert ranking_cues([None, float("nan")]).to_numpy().sum() == 0.0
    with pytest.raises(TypeError, match=r"ranking_cues: texts must be str, None or NaN; row 1 holds int 5"):
        ranking_cues(["a", 5])  # type: ignore[list-item]
