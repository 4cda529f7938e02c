"""Sense pairs for the hedge/booster cues added in lexicons 1.2.0 (Hyland 2005 appendix completion).

Each pair shows the epistemic use that counts and the look-alike that must not,
through the built-in lexicons (the scorer the hedging evaluation uses).
"""

from __future__ import annotations

import pytest

from analysis.scoring.match import find_matches


def _surfaces(text: str, dimension: str) -> list[str]:
    return [m.surface for m in find_matches(text) if m.dimension == dimension]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("Prices were quite high this year.", ["quite"]),
        ("The teams work quite efficiently.", ["quite"]),
        ("Quite an increase, in fact.", []),
        ("It is quite the opposite.", []),
        ("I quite understand your concern.", []),
        ("Income is expected to increase by 2.5 percent.", ["expected to"]),
        ("They expected to win easily.", []),
        ("We expect that this issue will be raised.", ["We expect"]),
        ("We expect you to fulfil your obligations.", []),
        ("The alarm is primarily due to terrorist groups.", ["primarily"]),
        ("As far as we know, the talks ended.", ["As far as we know"]),
        ("To my knowledge, no decision was taken.", ["To my knowledge"]),
    ],
)
def test_hedge_cues(text: str, hedges: list[str]) -> None:
    assert _surfaces(text, "hedging") == hedges


@pytest.mark.parametrize(
    ("text", "boosters"),
    [
        ("And I believe, I know we can hold them.", ["I know"]),
        ("We know well what turn the situation has taken.", ["We know"]),
        ("I know him personally.", []),
        ("We know how to fight.", []),
        ("It is true that we have disagreements.", ["It is true that"]),
        ("True, this happened after his death.", []),
        ("It is well known that sanctions hurt.", ["It is well known that"]),
        ("We realize that the task is difficult.", ["We realize that"]),
        ("We realize these projects together.", []),
        ("Relations are friendly in the full sense of the word.", ["in the full sense of the word"]),
    ],
)
def test_booster_cues(text: str, boosters: list[str]) -> None:
    assert _surfaces(text, "certainty") == boosters


def test_not_true_is_not_a_hedge() -> None:
    # "it is not true that" is a denial: neither the booster phrase nor a negated booster
    text = "It is not true that we failed."
    assert _surfaces(text, "certainty") == [] and _surfaces(text, "hedging") == []
