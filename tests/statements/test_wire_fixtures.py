"""Our own wire-style articles: speakers, kinds and blocs of each statement."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements.extract import extract_statements


def _row(df: pd.DataFrame, words: str) -> pd.Series:
    hits = df[df["text"].str.contains(words, regex=False)]
    assert len(hits) == 1, (words, df[["kind", "text"]].values.tolist())
    return hits.iloc[0]


@pytest.fixture(scope="module")
def kallas(wire_texts, registry_without_kallas) -> pd.DataFrame:
    return extract_statements(wire_texts["kallas_sanctions"], registry_without_kallas)


@pytest.fixture(scope="module")
def ministry(wire_texts, registry) -> pd.DataFrame:
    return extract_statements(wire_texts["ministry_front"], registry)


@pytest.fixture(scope="module")
def lavrov(wire_texts, registry) -> pd.DataFrame:
    return extract_statements(wire_texts["lavrov_peskov"], registry)


def test_unregistered_speaker_with_title_kept_as_written(kallas) -> None:
    row = _row(kallas, "the bloc would prepare")
    assert (row["speaker"], row["kind"], row["cue"]) == ("Kaja Kallas", "reported", "said")
    assert not row["speaker_in_registry"] and row["speaker_bloc"] == ""


def test_quote_first_attribution_after_by_surname(kallas) -> None:
    row = _row(kallas, "Russia is not interested in peace")
    assert (row["speaker"], row["kind"], row["cue"]) == ("Kaja Kallas", "direct", "told")


def test_role_noun_resolves_to_person_introduced_with_it(kallas) -> None:
    row = _row(kallas, "frozen Russian assets")
    assert (row["speaker"], row["kind"], row["cue"]) == ("Kaja Kallas", "reported", "added")


def test_she_said_skips_a_man_named_in_between(kallas) -> None:
    row = _row(kallas, "We will keep up the pressure")
    assert (row["speaker"], row["kind"]) == ("Kaja Kallas", "direct")


def test_registered_kallas_gets_her_bloc(wire_texts, registry) -> None:
    df = extract_statements(wire_texts["kallas_sanctions"], registry)
    row = _row(df, "We will keep up the pressure")
    assert (row["speaker"], row["speaker_bloc"], row["speaker_in_registry"]) == ("Kaja Kallas", "western", True)


def test_organisation_speaker_in_a_statement(ministry) -> None:
    row = _row(ministry, "its forces had taken control")
    assert (row["speaker"], row["kind"], row["speaker_bloc"]) == ("Russian Defence Ministry", "reported", "russian")
    row = _row(ministry, "45 Ukrainian drones")  # "The ministry said ..." refers back
    assert (row["speaker"], row["kind"]) == ("Russian Defence Ministry", "reported")


def test_quote_split_by_its_attribution(ministry) -> None:
    first = _row(ministry, "The situation on the front line")
    second = _row(ministry, "But our defenders")
    assert (first["speaker"], first["kind"], first["cue"]) == ("Volodymyr Zelensky", "direct", "said")
    assert (second["speaker"], second["kind"]) == ("Volodymyr Zelensky", "direct")


def test_multi_paragraph_quote(ministry) -> None:
    first = _row(ministry, "We need more air defence systems")
    second = _row(ministry, "Every day of delay costs lives")
    assert first["text"].startswith('"') and not first["text"].endswith('"')
    for row in (first, second):
        assert (row["speaker"], row["kind"]) == ("Volodymyr Zelensky", "direct")
    assert second["cue"] == "added"


def test_title_before_name_and_inverted_said(lavrov) -> None:
    row = _row(lavrov, "There will be no return")
    assert (row["speaker"], row["kind"], row["cue"]) == ("Sergey Lavrov", "direct", "told")
    row = _row(lavrov, "We are open to dialogue")
    assert (row["speaker"], row["kind"]) == ("Dmitry Peskov", "direct")


def test_pronoun_after_role_noun_and_partial_in_reported(lavrov) -> None:
    reported = _row(lavrov, "the United States had to accept")
    partial = _row(lavrov, "the new realities on the ground")
    assert (reported["speaker"], reported["kind"]) == ("Sergey Lavrov", "reported")
    assert (partial["speaker"], partial["kind"]) == ("Sergey Lavrov", "partial")


def test_kremlin_said_and_parenthetical_according_to(lavrov) -> None:
    row = _row(lavrov, "phone call between the two presidents")
    assert (row["speaker"], row["kind"], row["speaker_bloc"]) == ("Kremlin", "reported", "russian")
    tail = _row(lavrov, "will not accept any freeze")
    assert (tail["speaker"], tail["kind"], tail["cue"]) == ("Mykhailo Podolyak", "reported", "according to")
