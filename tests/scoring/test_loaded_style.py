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
