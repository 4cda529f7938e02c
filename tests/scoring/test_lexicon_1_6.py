"""Lexicons 1.6.0: sense rules for the PTC categories under 0.60 (issue 12, round 7).

Invented sentences only (no dev or test text).  Each rule of the 1.6.0
CHANGELOG section has fixtures both ways: the descriptive sense it takes out
(must not count) and the evaluative use it leaves (must count).
"""

from __future__ import annotations

import pytest

from analysis.scoring.lexicon import Lexicon, lexicon_version
from analysis.scoring.rules import NAMED_RULES, parse_context
from analysis.scoring.score import score_text


def _terms(text: str) -> set[str]:
    """Terms of the hostility and loaded matches that count (mentions out)."""
    return {m.term for m in score_text(text).matches
            if m.dimension in {"hostility", "loaded"} and not m.mention}


def test_version_and_counts() -> None:
    assert lexicon_version() == "1.6.0"
    sizes = {d: len(Lexicon.builtin(d)) for d in ("hostility", "loaded", "naming")}
    assert sizes == {"hostility": 862, "loaded": 844, "naming": 93}


def test_new_rules_are_registered() -> None:
    assert {"not_event_name", "not_before_name"} <= set(NAMED_RULES)
    assert len(parse_context("not_event_name;not_before_name")) == 2


# rule 1: except_next / only_next see the next part of a hyphen compound
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("The regime-change operation in 1954 was planned for months.", "regime", False),
    ("The regime change debate went on.", "regime", False),
    ("The regime jailed its critics.", "regime", True),
    ("The regime - brutal as ever - jailed its critics.", "regime", True),
])
def test_hyphen_compound_next_word(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# rule 2: not_event_name (massacre): the name of one event, not the word of the writer
@pytest.mark.parametrize(("text", "counts"), [
    ("New footage of the Las Vegas massacre was released on Monday.", False),
    ("Victims of the October 1 massacre were remembered.", False),
    ("Reports about the Oct. 1st massacre kept coming.", False),
    ("It was a massacre of unarmed villagers.", True),
    ("Soldiers massacred the villagers.", True),
    ("Russians massacred the villagers.", True),
    ("They spoke of Ukrainian massacres in the east.", True),
    ("Nobody knows what drove Paddock's massacre.", True),
])
def test_massacre_event_name(text: str, counts: bool) -> None:
    assert bool({"massacre", "massacred", "massacres"} & _terms(text)) is counts


# rule 3: not_religious for evil, hate, punish, punishment, lying
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("The Bible tells us to hate sin but love the sinner.", "hate", False),
    ("They hate the very existence of our state.", "hate", True),
    ("Deliver us from evil, the prayer to God asks.", "evil", False),
    ("The evil junta bombed the city again.", "evil", True),
    ("God will punish the wicked, the preacher said.", "punish", False),
    ("The governor vowed to punish the protesters.", "punish", True),
    ("Scripture calls for punishment of the sinner.", "punishment", False),
    ("The Church regards lying as a sin.", "lying", False),
    ("The minister is lying about the numbers.", "lying", True),
])
def test_theological_sense(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# rule 4: not_before_name (so-called): it introduces a capitalised name
@pytest.mark.parametrize(("text", "counts"), [
    ("Artillery was dug into the so-called Demilitarized Zone.", False),
    ("He joined the so-called Club of Rome in 1970.", False),
    ("The so-called experts got it wrong again.", True),
    ("They compared it with so-called Christian violence.", True),
    ('Voters rejected the so-called "reform" of the courts.', True),
])
def test_so_called_before_a_name(text: str, counts: bool) -> None:
    assert ("so-called" in _terms(text)) is counts


def test_so_called_keeps_the_term_after_it_a_mention() -> None:
    for text in ('They met the so-called "junta" again.', "They met the so-called junta again."):
        matches = score_text(text).matches
        assert [m.mention for m in matches if m.term == "junta"] == [True]
        assert "so-called" in _terms(text)


# rule 5: classifiers and legal categories (criminals, terrorism)
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("The sweep caught 180 convicted criminals.", "criminals", False),
    ("Most of those held were hardened criminals.", "criminals", False),
    ("The ministers are criminals who stole the election.", "criminals", True),
    ("There may be more jihad terrorism this summer.", "terrorism", False),
    ("Christian terrorism does not exist, he said.", "terrorism", False),
    ("This is state terrorism against civilians.", "terrorism", True),
])
def test_classifier_and_legal_category(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# rule 6: legal and literal senses (libel, handlers, rats) and rule 7: "hate to" + verb
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("He told his lawyers to sue the paper for libel.", "libel", False),
    ("The pamphlet repeated the old blood libel.", "libel", False),
    ("This libel against our soldiers must stop.", "libel", True),
    ("He reported to his FBI handlers every week.", "handlers", False),
    ("The candidate and her handlers refused to answer.", "handlers", True),
    ("The plague is spread by infected rats.", "rats", False),
    ("Outbreaks follow rats fleeing the fires.", "rats", False),
    ("These rats betrayed the nation.", "rats", True),
    ("I hate to say it, but the plan failed.", "hate", False),
    ("He hates to admit a mistake.", "hate", False),
    ("They hate us for our freedom.", "hate", True),
])
def test_legal_literal_and_idiom_senses(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# rule 8: environmental destruction; rule 9: a sanction reported ("punished for / by / with")
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("Scientists warned about environmental destruction in the delta.", "destruction", False),
    ("Habitat destruction threatens the bees.", "destruction", False),
    ("They want the destruction of our people.", "destruction", True),
    ("Dissent is punished with long prison terms.", "punish", False),
    ("He was punished for missing the vote.", "punish", False),
    ("Drivers can be punished by a fine.", "punish", False),
    ("We will punish the traitors.", "punish", True),
    ("Sanctions were meant to punish Russia for the invasion.", "punish", True),
])
def test_descriptive_destruction_and_reported_sanction(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# rule 10: emotive_intensifier terms in a fixed descriptive phrase
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("He pleaded guilty to making false statements.", "false", False),
    ("The false-colour images show the planet.", "false", False),
    ("Thou shalt not bear false witness.", "false", False),
    ("It was a false and cynical story.", "false", True),
    ("Care homes for sick people are full.", "sick", False),
    ("That is a sick thing to say.", "sick", True),
    ("The river suffered an environmental disaster.", "disaster", False),
    ("The reform is a disaster for the country.", "disaster", True),
])
def test_fixed_descriptive_phrases(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts
