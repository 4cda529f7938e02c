"""Round 6, third pass: a tagless quote after a partial credited by a complement clause or a naming
verb inherits its speaker, unless another named person opens a sentence in between.

Every text is invented for the test.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements

_NEXT = '\n\n"We will fight them in every court."'


def _direct_speaker(text: str) -> str:
    out = extract_statements(text)
    return str(out[out["kind"] == "direct"]["speaker"].iloc[-1])


@pytest.mark.parametrize(("text", "speaker"), [
    ('Maria Lopez said that the new bans on protest are "all calumny."' + _NEXT, "Maria Lopez"),
    ('Maria Lopez called the bans "a striking blow against freedom."' + _NEXT, "Maria Lopez"),
    ('Maria Lopez reported that Tom Brandt has "faced allegations" of fraud.' + _NEXT, "Maria Lopez"),
    ('Pope Francis is here. Francis said such accusations are "all calumny." "I have seen no proof."', "Francis"),
    # the same person again, or another person not opening a sentence, is no new speaker
    ('Maria Lopez called the bans "a striking blow." Maria Lopez left early.' + _NEXT, "Maria Lopez"),
    ('Maria Lopez called the bans "a striking blow." Her aide Tom Brandt was there.' + _NEXT, "Maria Lopez"),
])
def test_a_continuation_inherits_the_credited_partial_s_speaker(text: str, speaker: str) -> None:
    assert _direct_speaker(text) == speaker


@pytest.mark.parametrize("text", [
    'Maria Lopez called the bans "a striking blow against freedom." Senator Tom Brandt disagreed.' + _NEXT,
    'Maria Lopez said that the bans are "all calumny." Senator Tom Brandt took the floor next.' + _NEXT,
])
def test_no_inheritance_across_a_new_named_subject(text: str) -> None:
    assert _direct_speaker(text) == ""
