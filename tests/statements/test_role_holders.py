"""Round 7, rule 1: a definite role noun finds the person (or company) the text gives that role.

Besides titles and appositions ("Foreign Minister X", "X, the foreign minister,"), English news
gives a role by predication ("X is a senator from Ohio"), by a relative clause of office ("X, who
heads the agency,"), by an age in apposition ("X, 45," for "the 45-year-old") and, for a company,
by its legal form ("... Ammunition LLC" for "the company").  A gendered role noun ("the
spokeswoman") also finds a holder of its neutral term ("a spokesperson") whose gender agrees.
Two holders, a negated predicate, a contradicting gender or a different age abstain (the role
noun's own words stay its speaker, as before).  Every text is invented for the test.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Jane Doe is a senator from Ohio. "It is a lie," the senator wrote on Twitter.', "Jane Doe"),
    ('Tom Cole has been the mayor since 2019. "We will rebuild," the mayor said.', "Tom Cole"),
    ('John Smith, 45, was arrested on Monday. "I did nothing," the 45-year-old said.', "John Smith"),
    ('John Smith, who heads the agency, spoke on Monday. "We did nothing," the agency head said.', "John Smith"),
    ('Ann Reyes, a spokesperson for the ministry, spoke. "It is a lie," the spokeswoman added.', "Ann Reyes"),
    ('Records show Tom Haig owns Specialized Ammunition LLC. The company\'s website says it is now "closed".',
     "Specialized Ammunition LLC"),
    ('Acme Inc. makes anvils. "We are sorry," the company said.', "Acme Inc"),
])
def test_a_role_noun_finds_the_holder_the_text_gives(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # two holders of the role, neither the last speaker
    ('Ann Reyes is a senator from Ohio. Tom Cole is a senator from Iowa. "It is a lie," the senator wrote.',
     "senator"),
    ('Ann Reyes, 45, and Tom Cole, 45, were arrested. "I did nothing," the 45-year-old said.', "45-year-old"),
    # another age, a negated predicate, a contradicting gender
    ('Ann Reyes, 45, was arrested. "I did nothing," the 52-year-old said.', "52-year-old"),
    ('Ann Reyes is not a senator. "It is a lie," the senator wrote.', "senator"),
    ('Mr. Tom Reyes, a spokesperson for the ministry, spoke. "It is a lie," the spokeswoman added.', "spokeswoman"),
    ('Ms. Ann Reyes, a spokesperson for the ministry, spoke. "It is a lie," the spokesman added.', "spokesman"),
    # a company named without its legal form is no holder of "the company" ("the ministry" is no company)
    ('Acme Inc. makes anvils. "We are sorry," the ministry said.', "ministry"),
])
def test_a_role_noun_without_one_holder_keeps_its_own_words(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Ann Reyes, the foreign minister of Chile, arrived. "We are open to talks," the top diplomat said.', "Ann Reyes"),
    ('Foreign Secretary Tom Cole landed in Delhi. "We are open to talks," the top diplomat said.', "Tom Cole"),
])
def test_a_foreign_minister_is_a_diplomat(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    # another ministry's minister is no diplomat; two foreign ministers are two holders
    'Ann Reyes, the finance minister of Chile, arrived. "We are open to talks," the diplomat said.',
    'Foreign Minister Ann Reyes met Foreign Minister Tom Cole. "We are open to talks," the diplomat said.',
])
def test_no_single_foreign_minister_no_diplomat(text: str) -> None:
    assert _speakers(text) == ["diplomat"]


def test_a_country_the_holder_is_not_given_keeps_the_role_noun() -> None:
    # nothing says Tom Cole is British
    text = 'Foreign Secretary Tom Cole landed in Delhi. "We are open to talks," the British diplomat said.'
    assert _speakers(text) == ["British diplomat"]
