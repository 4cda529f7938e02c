"""Cataphora: "a U.S. senator" resolved forward to the registered senator named next, and only then."""

from __future__ import annotations

import pytest

from analysis.statements.cataphora import resolve_cataphora
from analysis.statements.extract import extract_statements
from analysis.statements.mentions import find_mentions

LEAD = "Russia is stalling the talks, according to a U.S. senator who backs new sanctions."
NAMED = "U.S. Senator Lindsey Graham said on June 3 that Moscow had shown its hand."


def _first_entity(text: str, registry) -> str:
    mentions = resolve_cataphora(text, registry, find_mentions(text, registry))
    return next(m.entity for m in mentions if text[m.start:m.end].lower().startswith(("a ", "an ")))


def test_senator_named_in_the_next_paragraph(registry) -> None:
    assert _first_entity(f"{LEAD}\n{NAMED}", registry) == "Lindsey Graham"


def test_reported_speech_takes_the_resolved_speaker(registry) -> None:
    df = extract_statements(f"{LEAD}\n{NAMED}", registry)
    row = df[df["text"].str.startswith("Russia is stalling")].iloc[0]
    assert (row["speaker"], row["speaker_bloc"], row["speaker_in_registry"]) == ("Lindsey Graham", "western", True)


def test_seed_003_lead_is_graham(seed_texts, registry) -> None:
    text = seed_texts["003_7b8b051aee0f11ae.txt"]
    df = extract_statements(text, registry)
    row = df[df["text"].str.startswith("indicates Russia is not interested")].iloc[0]
    assert (row["speaker"], row["kind"]) == ("Lindsey Graham", "reported")


@pytest.mark.parametrize("text", [
    # another role: a U.S. diplomat is not the senator named next
    "Russia is stalling, according to a U.S. diplomat.\n" + NAMED,
    # "former" changes the role and nothing in the text supports it
    "Russia is stalling, according to a former senator.\n" + NAMED,
    # named too far ahead (three paragraphs later)
    LEAD + "\nTalks ended.\nA deal is far off.\nNothing moved.\n" + NAMED,
    # two senators could be meant
    LEAD + "\nSenator John Doe said the bill would pass.\n" + NAMED,
    # the only senator named is not in the registry
    LEAD + "\nU.S. Senator John Doe said on June 3 that Moscow had shown its hand.",
    # the modifier contradicts the person's country
    "Russia is stalling, according to a French senator.\n" + NAMED,
])
def test_no_guess_across_roles_distance_or_ambiguity(registry, text: str) -> None:
    assert _first_entity(text, registry) != "Lindsey Graham"
