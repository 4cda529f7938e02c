"""Round 7, rule 3a: a quote's tag is still found when an abbreviated title stands in it.

The dot of an abbreviated title ("the Rev.", "Cmdr.", "Lt. Gen.") ends no sentence, and the
abbreviation is never a name of its own ("Lt. Gen. X" is X, not "Gen"); "St." inside a name
("Mary St. Clair") is part of it.  Every text is invented for the test.  A real sentence end
before a capital still splits, and a sentence ending in a word that merely looks like a title
keeps its end.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.sentences import sentence_spans


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will march again," said the Rev. Al Sharpton, who led the rally.', "Al Sharpton"),
    ('"We will march again," said Rev. Al Sharpton.', "Al Sharpton"),
    ('"We are ready," said Lt. Gen. Mark Hertling, a retired commander.', "Mark Hertling"),
    ('"The pews are empty," said Msgr. Tomas Halik of Prague.', "Tomas Halik"),
    ('"It is over," said Fr. James Martin.', "James Martin"),
    ('"The ship is safe," said Cmdr. Anna Cole.', "Anna Cole"),
    ('"The road is closed," Supt. Anna Cole said on Monday.', "Anna Cole"),
    ('"It is over," said Sgt. Maj. Anna Cole.', "Anna Cole"),
])
def test_a_title_abbreviation_keeps_the_tag_in_the_quote_sentence(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_the_abbreviation_is_no_sentence_end() -> None:
    t = '"We will march again," said the Rev. Al Sharpton. He left.'
    assert [t[s:e] for s, e in sentence_spans(t)] == ['"We will march again," said the Rev. Al Sharpton.', "He left."]


def test_a_title_abbreviation_is_no_name_of_its_own() -> None:
    speakers = _speakers('"We are ready," said Lt. Gen. Mark Hertling. "We wait," Gen. Hertling added.')
    assert speakers == ["Mark Hertling", "Mark Hertling"]


def test_saint_inside_a_name_is_part_of_it() -> None:
    speakers = _speakers('"We were never told," said Mary St. Clair, a nurse. Later St. Clair called it "a lie".')
    assert speakers == ["Mary St Clair", "Mary St Clair"]


def test_an_ordinary_sentence_end_still_splits() -> None:
    # "Clair." and "rally." are no titles: the sentences end there
    t = 'Mary St. Clair said she met Ann Lee. "We will march again," she said after the rally. Police left.'
    assert len(sentence_spans(t)) == 3
    assert _speakers(t) == ["Mary St Clair"]


def test_a_title_abbreviation_alone_names_nobody() -> None:
    # the title is no name: with no name after it the tag gives no speaker
    assert _speakers('"We will march again," said the Rev., smiling.') == [""]
