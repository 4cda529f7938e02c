"""Lexicons 1.6.0: sense rules for the PTC categories under 0.60 (issue 12, round 7).

Invented sentences only (no dev or test text).  Each rule of the 1.6.0
CHANGELOG section has fixtures both ways: the descriptive sense it takes out
(must not count) and the evaluative use it leaves (must count).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.scoring.lexicon import Lexicon, lexicon_version
from analysis.scoring.rules import NAMED_RULES, parse_context
from analysis.scoring.score import score_text
from analysis.validation.loaded_eval import RANKING, ScoredUnits


def _terms(text: str) -> set[str]:
    """Terms of the hostility and loaded matches that count (mentions out)."""
    return {m.term for m in score_text(text).matches
            if m.dimension in {"hostility", "loaded"} and not m.mention}


def test_version_and_counts() -> None:
    assert tuple(int(x) for x in lexicon_version().split(".")) >= (1, 6, 0)
    sizes = {d: len(Lexicon.builtin(d)) for d in ("hostility", "loaded", "naming")}
    assert sizes == {"hostility": 863, "loaded": 847, "naming": 93}  # 1.7.0 adds one hostility and three loaded entries


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


# the dev-only tools of round 7 (analysis.validation.ranking), on invented units
@pytest.mark.parametrize(("text", "term", "kwargs", "expected"), [
    ('They held a so-called "vote" at gunpoint.', "so-called", {}, "mention"),
    ("Footage of the Las Vegas massacre was shown.", "massacre", {}, "descriptive sense"),
    ("Scripture says we must hate sin.", "hate", {}, "descriptive sense"),
    ("She accused the minister of propaganda.", "propaganda", {}, "reported accusation"),
    ("Who is the most corrupt politician?", "corrupt", {"repeated": True}, "scope: boilerplate"),
    ("The neocons met again.", "neocons", {"weak": True}, "weight"),
    ("The regime jailed its critics.", "regime", {}, "scope: evaluative, unmarked"),
])
def test_false_positive_rubric(text: str, term: str, kwargs: dict[str, bool], expected: str) -> None:
    from analysis.validation.ranking import FP_CLASSES, false_positive_class

    start = text.index(term)
    assert expected in FP_CLASSES
    assert false_positive_class(text, start, start + len(term), term, **kwargs) == expected


def _invented_units() -> ScoredUnits:
    texts = ["They are corrupt thugs.", "The vote was held.", "A corrupt regime.", "Rain fell.",
             "The thugs lied again.", "Prices rose."] * 4
    label = [True, False, True, False, False, False] * 4
    matched = [[(9, 16, "corrupt", "insult", "hostility")], [], [(2, 9, "corrupt", "insult", "hostility")], [],
               [(4, 9, "thugs", "insult", "hostility")], []] * 4
    units = pd.DataFrame({"text": texts, "label": label, "split": "dev",
                          "article_id": [f"a{i // 2}" for i in range(len(texts))], "matched": matched,
                          RANKING: [2.0, 0.1, 1.5, 0.0, 1.0, 0.2] * 4})
    scores = pd.DataFrame({"hostility_score": [250.0, 0, 300.0, 0, 150.0, 0] * 4, "loaded_score": 0.0})
    return ScoredUnits("invented", units, scores=scores)


def test_threshold_rules_check_chooses_on_one_half_and_scores_the_other() -> None:
    from analysis.validation.ranking import threshold_rules_check

    table = threshold_rules_check([_invented_units()])
    assert set(table["rule"]) == {"v2 best-F1", "rate >= r and count >= m"}
    assert sorted(set(table["chosen on half"])) == [0, 1]
    assert table["f1 other half"].between(0.0, 1.0).all()


def test_false_positive_table_counts_unlabelled_hits_per_class() -> None:
    from analysis.validation.ranking import FP_CLASSES, false_positive_table

    table = false_positive_table([_invented_units()])
    assert list(table.columns) == ["dataset", "category", *FP_CLASSES]
    # the unlabelled "The thugs lied again." x 4: repeated text, so boilerplate
    assert table[list(FP_CLASSES)].to_numpy().sum() == 4
    assert int(table["scope: boilerplate"].sum()) == 4
