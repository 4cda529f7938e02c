"""Round 6, third pass: a quote that ends the complement clause of a speech verb whose subject is
named is that subject's ("X said that the bans are '...'", "X reports that Y has '...'").

Every text is invented for the test.  The speaker is the subject of the speech verb; when another
speech verb with another subject intervenes, that nearer subject speaks, and a report with no
clause ("the attack was reported", "Reuters reported the strike") is no speech cue.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"] == "partial"]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Maria Lopez said that the new bans on protest are "all calumny."', "Maria Lopez"),
    ('Dmitry Peskov told the paper he has "no regrets" about the decision.', "Dmitry Peskov"),
    ('Maria Lopez argued the plan was "dead on arrival" in the Senate.', "Maria Lopez"),
    ('Maria Lopez reported that Tom Brandt has "faced allegations" of fraud.', "Maria Lopez"),
    ('David Steinberg works for a magazine. Steinberg reports that Omar has "faced allegations" of fraud.',
     "David Steinberg"),
])
def test_the_named_subject_of_the_speech_verb_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # another speech verb with another subject intervenes: its subject is the nearer speaker
    ('Maria Lopez said that Tom Brandt claimed the deal was "a fraud."', "Tom Brandt"),
    ('Maria Lopez reported that Tom Brandt argued the deal was "a fraud."', "Tom Brandt"),
])
def test_an_intervening_speech_verb_takes_the_quote(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    'The attack was reported on Monday as "a massacre" by locals.',  # passive report, no named subject
    'Reuters reported the strike, which residents called "a massacre," on Monday.',  # no clause after it
    'Maria Lopez reports Omar has "faced allegations" of fraud.',  # no "that": abstain
])
def test_a_report_without_a_clause_is_no_speech_cue(text: str) -> None:
    assert "Maria Lopez" not in _speakers(text) and "Reuters" not in _speakers(text)
