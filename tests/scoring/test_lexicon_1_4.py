"""Lexicons 1.4.0: descriptive senses found by the dev audit, both sides of each rule."""

from __future__ import annotations

import pytest

from analysis.scoring.score import score_text


def _counted(text: str) -> list[tuple[str, str]]:
    """(dimension, term) of the hostility and loaded matches that count."""
    return sorted((m.dimension, m.term) for m in score_text(text).matches
                  if m.dimension in {"hostility", "loaded"} and not m.mention)


@pytest.mark.parametrize(("text", "want"), [
    ("Police found no terrorist attack behind the fire.", []),
    ("The terrorist group claimed the bombing.", []),
    ("They are thugs and a terrorist.", [("hostility", "thug"), ("loaded", "terrorist")]),
    ("He recalled the massacre in 1995.", []),
    ("It was a massacre of civilians.", [("loaded", "massacre")]),
    ("The fight against Islamist terrorism goes on.", []),
    ("This is media terrorism by the West.", [("hostility", "terrorism")]),
    ("He called it fake news.", []),
    ("A fake and shameful trial.", [("hostility", "fake"), ("hostility", "shameful")]),
])
def test_descriptive_and_evaluative_senses(text: str, want: list[tuple[str, str]]) -> None:
    assert _counted(text) == want


@pytest.mark.parametrize("text", [
    "The two are completely different.", "Rebels threatened to walk out.", "The illegal aliens case was heard.",
    "Troops neutralised the targets.", "Stocks face elimination.",
])
def test_removed_descriptive_entries_no_longer_count(text: str) -> None:
    assert _counted(text) == []


@pytest.mark.parametrize(("text", "want"), [
    # 1.4.1 (round-4 audit): the charge of lying and classifier uses of "terrorist(s)" are reports
    ("He was convicted of lying to Congress.", []),
    ("She pleaded guilty to lying about the trip.", []),
    ("The lying media will not stop.", [("hostility", "lying")]),
    ("Police hunt Islamist terrorists in the city.", []),
    ("Iran funds its terrorist proxy in Syria.", []),
    ("They are terrorists, not soldiers.", [("hostility", "terrorists")]),
    ("The regime is run by a terrorist.", [("loaded", "regime"), ("loaded", "terrorist")]),
])
def test_round_4_audit_sense_rules(text: str, want: list[tuple[str, str]]) -> None:
    assert _counted(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # 1.4.2 (round 5): "terror" as a classifier or before a kind of group/event/link is a category
    ("He was jailed for aiding a terror group.", []),
    ("The report on jihad terror was published.", []),
    ("Police raised the terror threat level.", []),
    ("A terror attack hit the station.", []),
    ("They rule by terror and fear.", [("hostility", "terror")]),
    ("Russia's campaign of terror against cities goes on.", [("hostility", "terror")]),
])
def test_round_5_terror_sense_rules(text: str, want: list[tuple[str, str]]) -> None:
    assert _counted(text) == want
