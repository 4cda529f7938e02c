"""Round 7, rule 3b: a single capitalised word speaks as an organisation or lone name when it is one.

A CamelCase word ("WikiLeaks") is a lone word like "Gazprom"; a lone word that opens its sentence
(where any word is capitalised) speaks only when the text also writes it in mid-sentence as the
subject of a speech verb, or it is a news agency ("Reuters"); a country word, a place the text
only writes as an object, and a common noun opening a sentence never speak.  Every text is
invented for the test.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speakers"), [
    ('"The documents are authentic," WikiLeaks said in a statement.', ["WikiLeaks"]),
    ('Gazprom said supplies would "resume shortly". "We are ready," Gazprom said.', ["Gazprom", "Gazprom"]),
    ('WikiLeaks said the files were "authentic". "We stand by them," WikiLeaks said.', ["WikiLeaks", "WikiLeaks"]),
    ('Reuters said the strike was "a massacre".', ["Reuters"]),
    ('The agency spoke to Reuters. Reuters reported that the strike was "a massacre".', ["Reuters"]),
])
def test_a_single_word_speaks(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    # opening its sentence, and never written as a speaker elsewhere: any word is capitalised there
    'Gazprom said supplies would "resume shortly".',
    'Traders blamed Gazprom for the cut. Gazprom said supplies would "resume shortly".',
    # a place the text writes as an object, a country word, a common noun
    'Floods hit Vinnytsia. Vinnytsia said it was "a massacre".',
    'Leaders met in Poland. Poland said it was "a massacre".',
    'Storms hit the coast. Storms said it was "a massacre".',
])
def test_a_sentence_opening_word_alone_names_nobody(text: str) -> None:
    assert _speakers(text) == [""]


def test_a_month_or_stop_word_never_speaks() -> None:
    assert _speakers('"Supplies will resume," Monday said.') == [""]
