"""Context rules added in lexicons 1.1.0, through the built-in lexicons (sense pairs)."""

from __future__ import annotations

import pytest

from analysis.scoring.rules import parse_context
from analysis.scoring.score import score_text


def _terms(text: str, dimension: str) -> list[str]:
    return [m.term for m in score_text(text).matches if m.dimension == dimension]


@pytest.mark.parametrize(
    ("text", "dimension", "want"),
    [
        # possible: epistemic vs maximum / feasibility
        ("A possible attack is feared.", "hedging", ["possible"]),
        ("It is possible that talks resume.", "hedging", ["it is possible"]),
        ("We will use all possible tools.", "hedging", []),
        ("Come as soon as possible.", "hedging", []),
        ("To the greatest possible extent.", "hedging", []),
        ("It is possible to occupy cities.", "hedging", []),
        # first-person stance vs a report of someone's stance
        ("We are convinced that it works.", "certainty", ["we are convinced"]),
        ("I am quite confident about it.", "certainty", ["confident"]),
        ("The minister is convinced.", "certainty", []),
        # agentless passive attribution
        ("The army was recently considered the second strongest.", "hedging", ["considered"]),
        ("They are now seen as the largest.", "hedging", ["seen as"]),
        ("We considered the offer.", "hedging", []),
        # must: inference vs obligation about place/readiness
        ("This must be a mistake.", "certainty", ["must"]),
        ("Officials must be at work.", "certainty", []),
        ("Troops must be ready.", "certainty", []),
        # 'to be clear' is a formula
        ("I want to be clear.", "certainty", []),
        ("It is clear that they lost.", "certainty", ["it is clear that"]),
        # always: emphatic only after an auxiliary or copula
        ("Russia has always kept its word.", "certainty", ["always"]),
        ("This always happens on visits.", "certainty", []),
    ],
)
def test_sense_pairs(text: str, dimension: str, want: list[str]) -> None:
    assert _terms(text, dimension) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He was lying on the floor.", []),
        ("He was lying about the money.", ["lying"]),
        ("Infected animals spread it.", []),
        ("These animals must be stopped.", ["animals"]),
        ("Nazi Germany invaded Poland.", []),
        ("They called him a nazi.", ["nazi"]),
    ],
)
def test_hostility_literal_and_historical_senses(text: str, want: list[str]) -> None:
    assert _terms(text, "hostility") == want


def test_regime_change_is_a_fixed_expression() -> None:
    assert _terms("They want regime change.", "loaded") == []
    assert _terms("The regime jailed them.", "loaded") == ["regime"]


def test_new_named_rules_parse() -> None:
    assert len(parse_context("possible_epistemic;first_person;after_be")) == 3
    with pytest.raises(ValueError, match="unknown context rule"):
        parse_context("after_bee")
