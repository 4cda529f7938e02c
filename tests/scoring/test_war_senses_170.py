"""Lexicons 1.7.0: descriptive war reporting is not loaded language (issue 12, round 8).

Invented sentences only (no dev, test or corpus text).  Each 1.7.0 rule has
fixtures both ways: the descriptive war report it takes out (must not count)
and the loaded use it leaves (must count).  The loaded vocabulary of a war
("barbaric", "butchers", "terrorist state", "orcs", "genocidal" ...) is
checked to count in plain narration.
"""

from __future__ import annotations

import pytest

from analysis.scoring.lexicon import Lexicon, lexicon_version
from analysis.scoring.rules import NAMED_RULES, parse_context
from analysis.scoring.score import score_text

_DESTROY = {"destroy", "destroyed", "destroying", "destroys", "destruction", "eliminate", "eliminated",
            "eliminating", "eliminates", "liquidate", "liquidation"}
_CHARGE = {"war crime", "war crimes", "genocide", "atrocity", "atrocities", "war criminal", "war criminals"}


def _terms(text: str) -> set[str]:
    """Terms of the hostility and loaded matches that count (mentions out)."""
    return {m.term for m in score_text(text).matches
            if m.dimension in {"hostility", "loaded"} and not m.mention}


def test_version_and_counts() -> None:
    assert lexicon_version() == "1.7.0"
    sizes = {d: len(Lexicon.builtin(d)) for d in ("hostility", "loaded", "naming")}
    assert sizes == {"hostility": 863, "loaded": 847, "naming": 93}


def test_new_rules_are_registered_on_their_entries() -> None:
    assert {"military_object", "legal_charge"} <= set(NAMED_RULES)
    assert len(parse_context("military_object;legal_charge")) == 2
    entries = {e.term: e.context for d in ("hostility", "loaded") for e in Lexicon.builtin(d).entries}
    assert all("military_object" in entries[t] for t in _DESTROY)
    assert all("legal_charge" in entries[t] for t in _CHARGE)


# rule 1: military_object: destruction of equipment, positions, places or a counted body of troops
@pytest.mark.parametrize(("text", "counts"), [
    ("The brigade destroyed an enemy supply vehicle near the river.", False),
    ("Gunners destroy over 30 Russian arms depots in two weeks.", False),
    ("The unit destroyed three enemy missile systems overnight.", False),
    ("Crews eliminated six units of enemy equipment.", False),
    ("The army says it eliminated about 1,200 enemy troops this week.", False),
    ("The destruction of two ammunition depots slowed the advance.", False),
    ("Drones were used to destroy the command post.", False),
    ("They want to destroy our people.", True),
    ("The invaders came to destroy Ukraine.", True),
    ("Their aim is the complete destruction of every city in the region.", True),
    ("The enemy must be eliminated by all means.", True),
    ("He vowed to destroy the future of the Church.", True),
    ("They will eliminate the troops who resist.", True),
])
def test_military_object(text: str, counts: bool) -> None:
    assert bool(_DESTROY & _terms(text)) is counts


# rule 1, second part: the arms-control term
@pytest.mark.parametrize(("text", "counts"), [
    ("No weapons of mass destruction were found.", False),
    ("A weapon of mass destruction was never built there.", False),
    ("The regime planned the destruction of the opposition.", True),
])
def test_weapons_of_mass_destruction(text: str, counts: bool) -> None:
    assert ("destruction" in _terms(text)) is counts


# rule 2: legal_charge: the charge named as the object of a legal process
@pytest.mark.parametrize(("text", "counts"), [
    ("Prosecutors are investigating possible war crimes in the region.", False),
    ("The commander was accused of war crimes last year.", False),
    ("Investigators are documenting alleged atrocities near the town.", False),
    ("The court found evidence of genocide in the archive.", False),
    ("Officials were charged with war crimes.", False),
    ("The occupiers committed war crimes in every village.", True),
    ("This is genocide, plain and simple.", True),
    ("The atrocities of the invaders will never be forgiven.", True),
    ("He is a war criminal and a liar.", True),
])
def test_legal_charge(text: str, counts: bool) -> None:
    assert bool(_CHARGE & _terms(text)) is counts


# the loaded vocabulary of a war still counts in narration (no 1.7.0 rule touches it)
@pytest.mark.parametrize("text", [
    "The barbaric shelling went on all night.",
    "The butchers of the town were never caught.",
    "Kyiv calls Russia a terrorist state.",
    "The orcs were pushed back from the village.",
    "It was a genocidal campaign against a whole people.",
    "The bloodthirsty regime sent more troops.",
    "He promised to wipe the city off the face of the earth.",
    "They wanted to wipe off the face of the earth every trace of the town.",
])
def test_loaded_war_vocabulary_still_counts(text: str) -> None:
    assert _terms(text)


def test_inquiry_is_a_legal_frame() -> None:
    assert not _CHARGE & _terms("France opens inquiries over possible war crimes.")


# rule 3: literal senses read in war coverage: the residents of a building, an explosion
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("Rescuers found the bodies of the building's former occupants.", "occupants", False),
    ("The house and its occupants survived the night.", "occupants", False),
    ("The occupants shelled the village again.", "occupants", True),
    ("The bridge blast closed the road for a week.", "blast", False),
    ("A powerful blast shook the port.", "blast", False),
    ("Senators blast the deal as a betrayal.", "blast", True),
])
def test_literal_senses(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


# step 3: missing war vocabulary
@pytest.mark.parametrize(("text", "term", "counts"), [
    ("The whole sanctions policy is a racket run from Washington.", "racket", True),
    ("She bought a new tennis racket.", "racket", False),
    ("He lost his racket at the club.", "racket", False),
    ("Beijing accused Washington of a Cold War mentality.", "cold war mentality", True),
    ("It represents the mentality of the Cold War.", "mentality of the cold war", True),
])
def test_missing_war_vocabulary(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


def test_negated_passive_is_a_report() -> None:
    assert not _DESTROY & _terms("Satellite images show the other launchers were not destroyed.")
    assert not _DESTROY & _terms("The old bridge was never destroyed.")
    assert _DESTROY & _terms("Their plan is to destroy us.")


# rule 4: the damage-report formulas around the participle
@pytest.mark.parametrize(("text", "counts"), [
    ("Shelling has destroyed or damaged 211 schools in the region.", False),
    ("Dozens of homes were damaged or destroyed overnight.", False),
    ("The strikes destroyed 90% of the town's infrastructure.", False),
    ("Some 40 enemy soldiers eliminated, officials report.", False),
    ("Helicopters and other enemy equipment have been eliminated in the south.", False),
    ("Burnt equipment lay on the roads beside destroyed cars.", False),
    ("Whole families were eliminated by the regime.", True),
    ("They say the enemy must be destroyed.", True),
])
def test_damage_report_formulas(text: str, counts: bool) -> None:
    assert bool(_DESTROY & _terms(text)) is counts


# rule 9: "the war raged": the idiom of continuing violence, not the writer's rage
@pytest.mark.parametrize(("text", "counts"), [
    ("The trial went on as the war raged on.", False),
    ("Fighting raged in the east for a week.", False),
    ("Refugees fled the raging war.", False),
    ("A wave of rage swept the country.", True),
    ("He is a raging bigot.", True),
])
def test_war_raged(text: str, counts: bool) -> None:
    assert bool({"rage", "raged", "raging"} & _terms(text)) is counts
