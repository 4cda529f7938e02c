"""Matching: inflection, hyphen and quote variants, boundaries, rules, negation."""

from __future__ import annotations

import pytest

from analysis.scoring.match import NEGATED_BOOSTER_RULE, find_matches


def _found(text: str, dimension: str | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.category) for m in find_matches(text) if dimension in (None, m.dimension)]


def test_required_terms_found_with_category() -> None:
    text = ("The neo-Nazi regime faces retribution, say idiots and delusional men; "
            "Russia terrorizes Ukrainians; those who should be exterminated.")
    got = {m.surface.lower(): m.category for m in find_matches(text) if m.dimension == "hostility"}
    assert got["neo-nazi regime"] == "dehumanising_label"
    assert got["retribution"] == "threat_violence"
    assert got["idiots"] == got["delusional"] == "insult"
    assert got["terrorizes"] == "accusation"
    assert got["exterminated"] == "threat_violence"


@pytest.mark.parametrize("form", ["terrorizes", "terrorized", "terrorising", "terrorises", "Terrorize"])
def test_inflections_and_spelling(form: str) -> None:
    assert [m.term for m in find_matches(f"Russia {form} civilians.") if m.dimension == "hostility"] == ["terrorize"]


@pytest.mark.parametrize("variant", ["neo-Nazi", "neo Nazi", "neoNazi", "neo\u2011Nazi", "neo\u2013Nazi", "Neo-Nazis"])
def test_hyphen_variants(variant: str) -> None:
    ms = [m for m in find_matches(f"the {variant} march") if m.dimension == "hostility"]
    assert len(ms) == 1 and ms[0].surface == variant


def test_offsets_are_original_even_with_collapsed_spaces() -> None:
    t = "The  special   military\noperation İs on."
    (m,) = [m for m in find_matches(t) if m.dimension == "naming"]
    assert t[m.start:m.end] == m.surface == "special   military\noperation"


def test_curly_and_straight_apostrophes() -> None:
    curly = find_matches("I’m sure it works.")
    straight = find_matches("I'm sure it works.")
    assert [(m.term, m.start, m.end) for m in curly] == [(m.term, m.start, m.end) for m in straight]
    assert [(m.surface, m.category) for m in curly] == [("I’m sure", "booster_phrase")]


def test_whole_words_only_and_negating_prefixes() -> None:
    assert _found("The mayor read a nuclear treaty somewhat", "hedging") == [("somewhat", "downtoner")]
    assert _found("a non-violent, anti-terrorism, counter-aggression plan", "hostility") == []
    assert _found("the neo-Nazi-led unit", "hostility") == [("neo-Nazi", "dehumanising_label")]
    assert _found("the regime's idiots' claims", "hostility") == [("idiots", "insult")]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("It may be too late.", ["may"]),
        ("Talks on May 16 failed.", []),
        ("Talks in May failed.", []),
        ("The month of May.", []),
        ("You may leave now.", []),
        ("May I ask a question?", []),
        ("May be too late, he said.", ["May"]),
        ("They might agree.", ["might"]),
        ("He fought with all his might.", []),
        ("Russia's military might grew.", []),
        ("The deal could collapse.", ["could"]),
        ("He could not be reached for comment.", []),
        ("If they could, they would.", []),
        ("They talked about peace.", []),
        ("About 12,000 soldiers died.", ["About"]),
        ("some 20 per cent", ["some"]),
        ("roughly a dozen drones", ["roughly"]),
        ("up to three days", ["up to"]),
        ("some officials", []),
        ("He appeared at a press conference.", []),
        ("He appeared to agree.", ["appeared"]),
    ],
)
def test_hedging_rules(text: str, hedges: list[str]) -> None:
    assert [m.surface for m in find_matches(text) if m.dimension == "hedging"] == hedges


@pytest.mark.parametrize(
    ("text", "boosters"),
    [
        ("This must be a mistake.", ["must"]),
        ("They must have known.", ["must"]),
        ("Ukraine must hold elections.", []),
        ("Those who must be eliminated will be.", []),
        ("You must not go.", []),
        ("Retribution is inevitable.", ["inevitable"]),
        ("There is no doubt that it failed.", ["There is no doubt"]),
        ("It is clear that it failed.", ["It is clear that"]),
        ("He made it clear.", ["clear"]),
        ("in certain areas", []),
        ("Make sure it works.", []),
        ("It will happen, he said.", []),
    ],
)
def test_certainty_rules(text: str, boosters: list[str]) -> None:
    assert [m.surface for m in find_matches(text) if m.dimension == "certainty"] == boosters


@pytest.mark.parametrize(
    "text", ["It is not certain.", "I am not sure.", "It is not at all clear.", "Nobody is sure.", "It isn't certain."]
)
def test_negated_booster_becomes_hedge(text: str) -> None:
    ms = find_matches(text)
    assert [m.dimension for m in ms] == ["hedging"]
    assert NEGATED_BOOSTER_RULE in ms[0].rule and ms[0].category in ("negated_booster", "epistemic_lexical")


def test_negation_window_is_three_tokens_and_stops_at_punctuation() -> None:
    assert [m.dimension for m in find_matches("Not that anyone here is sure.")] == ["certainty"]
    assert [m.dimension for m in find_matches("No, it is certain.")] == ["certainty"]


def test_no_doubt_is_not_also_doubt() -> None:
    assert [(m.dimension, m.term) for m in find_matches("No doubt it worked.")] == [("certainty", "no doubt")]
    assert [m.dimension for m in find_matches("Doubts remain.")] == ["hedging"]


def test_loaded_and_naming_terms_carry_side() -> None:
    t = "the special military operation against the Kyiv regime, the full-scale invasion, the occupants"
    sides = {(m.term, m.dimension): m.side for m in find_matches(t) if m.side}
    assert sides == {
        ("special military operation", "naming"): "russian",
        ("kyiv regime", "loaded"): "russian",
        ("full-scale invasion", "naming"): "ukrainian",
        ("occupants", "loaded"): "ukrainian_western",
    }


def test_abstract_objects_are_not_violent() -> None:
    assert _found("to eliminate the root cause", "hostility") == []
    assert _found("to eliminate the enemy", "hostility") == [("eliminate", "threat_violence")]
