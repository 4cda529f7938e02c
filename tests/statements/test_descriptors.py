"""Descriptor extraction: modifier stacks, appositions, possessives, speech acts, glosses."""

from __future__ import annotations

import pytest

from analysis.scoring.tokenize import sentence_spans as punkt_sentences
from analysis.statements.descriptors import find_descriptors


def _pairs(text: str) -> list[tuple[str, str]]:
    d = find_descriptors(text)
    return list(zip(d["descriptor"], d["relation"]))


def test_premodifier_stack_before_a_role_alias() -> None:
    d = find_descriptors("The hawkish deputy chairman of Russia's Security Council said so.")
    assert d[["descriptor", "relation", "target"]].values.tolist() == [
        ["hawkish", "premodifier", "Dmitry Medvedev"]]
    assert d["phrase"].iloc[0] == "hawkish deputy chairman of Russia's Security Council"


def test_premodifier_stops_at_a_speech_verb_and_keeps_coordination() -> None:
    assert ("Lindsey Graham", "premodifier") not in _pairs("The bill was welcomed, said Lindsey Graham.")
    text = "With these words, former Russian president and top security official Dmitry Medvedev spoke."
    assert ("former Russian president and top security official", "premodifier") in _pairs(text)


def test_apposition_needs_a_determiner_or_relative_pronoun() -> None:
    assert ("the head of the security service", "apposition") in _pairs(
        "Vasyl Malyuk, the head of the security service, said it.")
    assert ("who led the delegation", "apposition") in _pairs(
        "Rustem Umerov, who led the delegation, spoke.")
    # a list of names is not an apposition
    assert not [r for _, r in _pairs("Putin, Trump and Zelensky met.") if r == "apposition"]


def test_possessive_noun_phrase_runs_to_its_last_head() -> None:
    text = "Vladimir Putin's chief lieutenant issued an inflammatory statement."
    d = find_descriptors(text)
    rows = d[["descriptor", "relation", "target"]].values.tolist()
    assert ["chief lieutenant", "possessive", "Vladimir Putin"] in rows
    # the speech act is credited to the lieutenant, not to Putin
    assert ["inflammatory statement", "speech_act", "Vladimir Putin's chief lieutenant"] in rows


def test_speech_act_modifiers_skip_verbs_and_function_words() -> None:
    assert ("sweeping demands", "speech_act") in _pairs("Moscow issues sweeping demands at the talks.")
    assert ("theatrical and incendiary remarks", "speech_act") in _pairs(
        "He is known for his theatrical and incendiary remarks.")
    # no modifier: nothing to report
    assert not _pairs("They read the statement.")


def test_participial_gloss_but_not_a_list_of_gerunds() -> None:
    assert ("demonstrating readiness for concessions", "participial") in _pairs(
        "Russia disclosed the outcome, demonstrating readiness for concessions.")
    listed = "They included handing over land, becoming neutral, accepting limits and holding votes."
    assert not [r for _, r in _pairs(listed) if r == "participial"]
    # speech cues and prepositions are not glosses
    assert not _pairs("Umerov spoke, adding that talks would go on, according to Kyiv.")


def test_find_descriptors_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="str"):
        find_descriptors(None)  # type: ignore[arg-type]




def test_the_sentence_splitter_is_the_callers_choice() -> None:
    text = "The hawkish deputy chairman of Russia's Security Council said so."
    assert _pairs(text) == [("hawkish", "premodifier")]
    # a boundary right before the mention: the stack cannot reach back across it
    cut = text.index("deputy")
    assert find_descriptors(text, sentences=lambda t: [(0, cut), (cut, len(t))]).empty
    assert _pairs(text) == list(zip(*find_descriptors(text, sentences=punkt_sentences)[["descriptor", "relation"]]
                                    .to_dict("list").values()))
