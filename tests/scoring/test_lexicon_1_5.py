"""Lexicons 1.5.0: the class inventory of English loaded language (issue 12, round 6).

Invented sentences only (no dev or test text): per class, uses that must
count and descriptive senses that must not, and the ``not_title`` rule.
"""

from __future__ import annotations

import csv

import pytest

from analysis import paths
from analysis.scoring.lexicon import Lexicon, lexicon_version
from analysis.scoring.rules import NAMED_RULES
from analysis.scoring.score import score_text


def _counted(text: str) -> list[tuple[str, str, str]]:
    """(dimension, category, term) of the hostility and loaded matches that count."""
    return sorted((m.dimension, m.category, m.term) for m in score_text(text).matches
                  if m.dimension in {"hostility", "loaded"} and not m.mention)


def _terms(text: str) -> set[str]:
    return {t for _, _, t in _counted(text)}


def test_version_and_counts() -> None:
    # 1.6.0 adds sense rules, no entry (tests/scoring/test_lexicon_1_6.py checks the version)
    assert tuple(int(x) for x in lexicon_version().split(".")) >= (1, 5, 0)
    sizes = {d: len(Lexicon.builtin(d)) for d in ("hostility", "loaded", "naming")}
    assert sizes == {"hostility": 863, "loaded": 847, "naming": 93}  # 1.7.0 adds one hostility and three loaded entries


def test_every_new_entry_names_its_class_and_a_rationale() -> None:
    classes = set()
    for name in ("hostility.csv", "loaded.csv"):
        with open(paths.LEXICON_DIR / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["note"].startswith("1.5.0 class "):
                    letter, _, rest = row["note"][len("1.5.0 class "):].partition(" ")
                    classes.add(letter)
                    assert ": " in rest and len(rest.split(": ", 1)[1]) >= 8, row
    assert classes == set("ABCDEFGHIJK")


@pytest.mark.parametrize(("text", "term"), [
    ("Those commies want to tax everything.", "commie"),                       # A
    ("He called them rednecks and hillbillies.", "hillbilly"),                 # A
    ("It has become a mafia state.", "mafia state"),                           # B
    ("The thuggery of the ruling party goes on.", "thuggery"),                 # B
    ("These bloodsuckers live off the poor.", "bloodsuckers"),                 # C
    ("The party is a cancer on society.", "a cancer on"),                      # C
    ("They behave like lice.", "lice"),                                        # C
    ("We will wipe them out.", "wipe them out"),                               # D
    ("The crowd chanted death to America.", "death to"),                       # D
    ("He is an illegitimate president.", "illegitimate"),                      # E
    ("It was a show trial from the start.", "show trial"),                     # E
    ("A pack of lies from the ministry.", "pack of lies"),                     # F
    ("A hatchet job by the newspaper.", "hatchet job"),                        # F
    ("The unspeakable suffering of the villagers.", "unspeakable"),            # G
    ("He is a spineless, craven politician.", "spineless"),                    # H
    ("What a load of hogwash.", "hogwash"),                                    # I
    ("Another tantrum from the minister.", "tantrum"),                         # I
    ("The senator sold his soul to the lobby.", "sold his soul"),              # J
    ("She is selling her soul for a seat.", "selling her soul"),               # J
    ("They sells their soul, critics say.", "sells their soul"),               # J
    ("A flood of migrants, the tabloid wrote.", "flood of"),                   # J
    ("The government bowed to Brussels again.", "bowed to"),                   # J
    ("It is a powder keg.", "powder keg"),                                     # J
    ("Scenes of utter chaos and pandemonium.", "pandemonium"),                 # K
    ("A crisis of epic proportions.", "crisis of epic proportions"),           # K
])
def test_class_members_count(text: str, term: str) -> None:
    assert term in _terms(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("He read Hillbilly Elegy last summer.", "hillbilly"),         # A: a title
    ("The Daily Sheeple reported it first.", "sheeple"),          # A: an outlet name
    ("Swine flu spread in the region.", "swine"),                 # C: the disease
    ("The farm keeps lice under control.", "lice"),               # C: literal lice
    ("Cancerous cells were found in the sample.", "cancerous"),   # C: medical
    ("A breeding ground for mosquitoes.", "breeding ground for"), # C: literal
    ("The vulture funds bought the debt.", "vultures"),           # C: a kind of fund
    ("An illegitimate child inherited the estate.", "illegitimate"),  # E: legal status of birth
    ("He received a dishonorable discharge.", "dishonorable"),    # H: the legal term
    ("The flood of water reached the village.", "flood of"),      # J: a literal flood
    ("The invasion of Ukraine began in February.", "invasion of"),    # J: a military invasion
    ("They bend the knee before God.", "bend the knee"),          # J: worship
    ("The dog walked on a leash.", "on a leash"),                 # J: a literal leash
    ("The cutthroat competition in retail.", "cutthroat"),        # B: business idiom, not a label
    ("Oil rigging crews left the platform.", "rigging"),          # F: the gear
    ("The Kangaroo Court Festival opens today in the town.", "kangaroo court"),  # E: a name
])
def test_descriptive_senses_do_not_count(text: str, absent: str) -> None:
    assert absent not in _terms(text)


def test_so_called_is_loaded_and_its_noun_a_mention() -> None:
    got = _counted("The so-called referendum was held.")
    assert ("loaded", "delegitimising_label", "so-called") in got
    assert all(t != "referendum" for _, _, t in got)


@pytest.mark.parametrize(("text", "term", "counts"), [
    ("He read Hillbilly Elegy last year.", "hillbilly", False),
    ("Hillbilly voters stayed home.", "hillbilly", True),              # sentence-initial
    ("They called him a hillbilly.", "hillbilly", True),
    ("The series House Of Cards ended.", "house of cards", False),
    ("Trump Slams Hillbilly Critics In Rant", "hillbilly", True),      # a Title Case headline
])
def test_not_title_rule(text: str, term: str, counts: bool) -> None:
    norm = text.lower()
    s = norm.find(term)
    got = NAMED_RULES["not_title"](norm, s, s + len(term), text, s)
    assert (got is not None) is counts


@pytest.mark.parametrize(("text", "term", "counts"), [
    # step-4 sense rules of 1.5.0: the descriptive sense out, the evaluative one kept
    ("The shop sold incendiary ammunition.", "incendiary", False),
    ("His incendiary speech divided the hall.", "incendiary", True),
    ("Sinners go to hell, the preacher said of the soul.", "hell", False),
    ("Life in the city is hell.", "hell", True),
    ("Survivors of the Holocaust spoke at the event.", "holocaust", False),
    ("They warned of a nuclear holocaust.", "holocaust", True),
    ("She destroyed ballots and evidence.", "destroyed", False),
    ("They destroyed the opposition.", "destroyed", True),
    ("The region declared a natural disaster.", "disaster", False),
    ("Aid reached the disaster zone.", "disaster", False),
    ("The reform was a disaster.", "disaster", True),
])
def test_step_4_sense_rules(text: str, term: str, counts: bool) -> None:
    assert (term in _terms(text)) is counts


@pytest.mark.parametrize(("text", "counts"), [
    ("Survivors of the Holocaust spoke.", False),
    ("Holocaust survivors spoke.", True),               # sentence-initial: capitals say nothing
    ("a nuclear holocaust", True),
    ("Stop Comparing Enforcement To The Holocaust Now", True),  # a Title Case headline
])
def test_not_proper_rule(text: str, counts: bool) -> None:
    norm = text.lower()
    s = norm.find("holocaust")
    assert (NAMED_RULES["not_proper"](norm, s, s + 9, text, s) is not None) is counts


@pytest.mark.parametrize(("text", "counts"), [
    ("Heaven or hell awaits the soul.", False),
    ("The siege turned the city into hell.", True),
])
def test_not_religious_rule(text: str, counts: bool) -> None:
    norm = text.lower()
    s = norm.find("hell")
    assert (NAMED_RULES["not_religious"](norm, s, s + 4, text, s) is not None) is counts
