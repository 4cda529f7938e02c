"""Round 6, third pass: a two-word name that opens its sentence and, after a short verb phrase, speaks
("X spoke to reporters and said", "X started a fund, explaining that") is a confirmed person.

Every text is invented for the test.  A single word, a body's name, a relaying verb ("X quotes him,
writing") and a new subject after "and" confirm nothing.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Ben Ortiz spoke to Fox News and said "you have to have some evidence first."', "Ben Ortiz"),
    ('Ben Ortiz spoke to reporters in the capital and then said, "You need evidence."', "Ben Ortiz"),
    ('Lena Quast started a fund for him, explaining that he was shot while on "random patrol" there.',
     "Lena Quast"),
    ('Ben Ortiz took the stage and called their bans "a striking blow against freedom."', "Ben Ortiz"),
    ('Lena Quast (D-Ill.) met the families, saying the city had been "abandoned" by the state.', "Lena Quast"),
])
def test_a_sentence_opening_name_that_speaks_later_is_confirmed(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    'Ortiz spoke to Fox News and said "you have to have some evidence first."',  # a single word
    'Maike Ortiz quotes him, writing of this: "It was a truce."',  # a relaying verb: the words are another's
    'Ben Ortiz met the press and reporters said, "Not a chance."',  # a new subject after "and"
    'Ben Ortiz took the stage and critics called the bans "a striking blow."',  # the same, a naming verb
    'South Carolina voters met the candidate and said "the plan is dead."',  # a place, not a person
    'They met Ben Ortiz and said "you have to have some evidence first."',  # the name does not open it
])
def test_no_confirmation_without_a_two_word_sentence_opening_speaker(text: str) -> None:
    assert "Ben Ortiz" not in _speakers(text) and "Maike Ortiz" not in _speakers(text)
    assert "South Carolina" not in _speakers(text)
