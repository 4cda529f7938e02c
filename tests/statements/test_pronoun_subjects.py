"""Round 7, rule 2: a pronoun tag goes to the subject of the main clause, not to a mention nearby.

Three readings of English news syntax, each with invented fixtures both ways:

* a subject inside a fronted subordinate clause ("After Ford's identity became public, Grassley's
  staff ...") is no rival to the main clause's subject for a *he* that follows; two subjects of one
  main clause still are (abstain);
* a pronoun that opens its sentence is the subject a later pronoun of the same form in that sentence
  continues ("It ... tried to get a court to block what it called ..."): not the clause's object;
* a bare surname that speaks ("..., Grassley said") is the person the text names in full later, so
  a pronoun after its uses can refer to it; a surname that never speaks still waits for the full name.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.mentions import find_mentions
from analysis.statements.speakers import default_registry


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Mr. Tom Reyes chairs the panel. After Mr. Bill Cole spoke, Mr. Reyes left the room. "It was a farce," he said.',
     "Tom Reyes"),
    ('Ms. Ann Lee and Mr. Tom Reyes met. When Mr. Reyes arrived, Ms. Lee spoke first. "It was useful," she said.',
     "Ann Lee"),
])
def test_a_fronted_clause_subject_is_no_rival(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_two_subjects_of_one_main_clause_still_abstain() -> None:
    text = 'Mr. Tom Reyes met Mr. Bill Cole on Monday. Mr. Cole and Mr. Reyes left. "It was a farce," he said.'
    assert _speakers(text) == [""]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The Brady Center filed a request. It, along with two other groups, tried to get a federal court '
     'to block what it called a "troubling" settlement.', "Brady Center"),
    ('The Brady Center filed a request. It asked the Defense Ministry to drop what it called a "troubling" deal.',
     "Brady Center"),
])
def test_a_sentence_opening_pronoun_is_the_later_pronouns_antecedent(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_an_object_is_still_the_antecedent_without_an_opening_pronoun() -> None:
    # no pronoun opens the sentence: the clause's own organisation is all there is
    text = 'Lawyers asked the Defense Ministry to drop what it called a "troubling" deal.'
    assert _speakers(text) == ["Defense Ministry"]


def test_a_speaking_surname_before_its_full_name_is_that_person() -> None:
    text = ('"We were not told," Grassley said. After Ford\'s letter became public, Grassley\'s staff '
            '"contacted all the individuals," he said. Senator Chuck Grassley chairs the committee.')
    assert _speakers(text) == ["Chuck Grassley", "Chuck Grassley"]


def test_a_surname_that_never_speaks_waits_for_the_full_name() -> None:
    # "Grassley's staff" before the full name, and no bare "Grassley" speaks: no mention backwards
    text = 'Grassley\'s staff met on Monday. Senator Chuck Grassley chairs the committee.'
    found = [(m.entity, m.start) for m in find_mentions(text, default_registry()) if m.kind == "person"]
    assert found == [("Chuck Grassley", text.index("Chuck"))]


def test_an_honorific_before_a_full_name_gives_its_gender() -> None:
    # "she" is never Mr. Tom Reyes
    text = 'Mr. Tom Reyes met the press on Monday. "It was a farce," she said.'
    assert _speakers(text) == [""]


@pytest.mark.parametrize("text", [
    # a new two-word name opens a sentence between: "he" may be that person, so abstain
    'Mr. Tom Fox spoke on Monday. Ray Bill arrived later with his wife. "It was useful," he said.',
    'Mr. Tom Fox spoke on Monday.\n\nRay Bill arrived later with his wife.\n\n"It was useful," he said.',
])
def test_a_pronoun_does_not_reach_past_a_new_subject(text: str) -> None:
    assert _speakers(text) == [""]


@pytest.mark.parametrize("text", [
    # a place, a body, or a name inside a quotation is no new subject
    'Mr. Tom Fox spoke on Monday. New York approved the plan later. "It was useful," he said.',
    'Mr. Tom Fox spoke on Monday. Defense Ministry officials left. "It was useful," he said.',
    'Mr. Tom Fox spoke on Monday. "Then Ray Bill came in and we left," he said.',
])
def test_a_place_body_or_quoted_name_is_no_new_subject(text: str) -> None:
    assert _speakers(text) == ["Tom Fox"]


def test_a_capitalised_run_after_an_article_is_no_person() -> None:
    # English writes no article before a person's name: "the Mandalay Bay" is a place, never "he"
    text = 'The Mandalay Bay was telling visitors to leave. "Shutting down might be bad," he declared.'
    assert _speakers(text) == [""]


def test_a_title_after_the_article_still_names_the_person() -> None:
    assert _speakers('The Rev. Al Sharpton said the ruling was "a shame".') == ["Al Sharpton"]
