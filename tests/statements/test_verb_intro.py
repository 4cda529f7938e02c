"""A quote after "<name> ... <speech verb>," is the name's (round 6, second pass: the PTC class
"name + speech verb before the quote with a comma or colon")."""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speaker(text: str) -> str:
    out = extract_statements(text)
    return str(out[out["kind"] != "narration"]["speaker"].iloc[0])


@pytest.mark.parametrize(("text", "speaker"), [
    ('Vladimir Putin spoke to reporters and said, "We will not stop."', "Vladimir Putin"),
    ('Dmitry Peskov reportedly answered, "Not a chance."', "Dmitry Peskov"),
    ('Dmitry Peskov later responded: "Not a chance."', "Dmitry Peskov"),
    ('Senator Anna Berg (R-Iowa) answered, "Not a chance."', "Anna Berg"),
    ('Vladimir Putin met the press in Moscow and then said, "The talks are over."', "Vladimir Putin"),
])
def test_a_name_that_opens_the_clause_of_the_speech_verb_speaks(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize("text", [
    'Vladimir Putin met the press and reporters said, "Not a chance."',  # a new subject after "and"
    'After Dmitry Peskov left, the crowd answered, "Not a chance."',  # the name is no subject
    'Dmitry Peskov answered, "not a chance," and left.',  # no capital: a fragment, not an intro
])
def test_no_speaker_when_the_name_is_not_the_verb_s_subject(text: str) -> None:
    assert _speaker(text) != "Dmitry Peskov" and _speaker(text) != "Vladimir Putin"
