"""extract_statements: contract, coverage and dtypes."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.statements.extract import COLUMNS, KINDS, extract_statements


def assert_exact_cover(text: str, df: pd.DataFrame) -> None:
    """Every non-white-space character is in exactly one statement; text == input[start:end]."""
    counts = np.zeros(len(text), dtype=int)
    for row in df.itertuples():
        assert row.text == text[row.start:row.end]
        assert row.text == row.text.strip() and row.text
        counts[row.start:row.end] += 1
    for i, ch in enumerate(text):
        expected = 0 if ch.isspace() else 1
        if ch.isspace():
            assert counts[i] <= 1, (i, ch)
        else:
            assert counts[i] == expected, (i, ch, text[max(0, i - 20):i + 20])


def test_columns_and_dtypes() -> None:
    df = extract_statements('"We are ready," Peskov said. Talks ended.')
    assert list(df.columns) == list(COLUMNS)
    assert df["statement_id"].tolist() == list(range(1, len(df) + 1))
    assert df["speaker_in_registry"].dtype == bool
    assert df["start"].dtype == np.int64 and df["end"].dtype == np.int64
    assert set(df["kind"]) <= set(KINDS)


def test_seeds_are_covered_exactly_once(seed_texts: dict[str, str], registry) -> None:
    for text in seed_texts.values():
        assert_exact_cover(text, extract_statements(text, registry))


def test_wire_fixtures_are_covered_exactly_once(wire_texts: dict[str, str], registry) -> None:
    for text in wire_texts.values():
        assert_exact_cover(text, extract_statements(text, registry))


news_chars = st.sampled_from(list("abc XYZ.,;:!?\n\"'“”‘’()-—") + ["he said", " said ", "Peskov", "that "])


@settings(max_examples=200, deadline=None)
@given(st.lists(news_chars, max_size=60).map("".join))
def test_random_text_is_covered_exactly_once(text: str) -> None:
    assert_exact_cover(text, extract_statements(text))


def test_missing_text_gives_empty_frame() -> None:
    assert extract_statements(None).empty
    assert list(extract_statements(float("nan")).columns) == list(COLUMNS)
    assert extract_statements("   \n ").empty


def test_non_text_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        extract_statements(42)  # type: ignore[arg-type]


def test_narrator_fills_narration_speaker() -> None:
    df = extract_statements("Talks ended without a deal.", narrator="Reuters")
    assert df[["speaker", "kind", "cue"]].values.tolist() == [["Reuters", "narration", ""]]


def test_registry_as_dataframe_and_path(registry) -> None:
    from analysis import paths

    frame = pd.read_csv(paths.SPEAKERS_CSV, dtype=str, keep_default_na=False)
    for speakers in (frame, paths.SPEAKERS_CSV, str(paths.SPEAKERS_CSV), registry):
        df = extract_statements('"No," Lavrov said.', speakers)
        assert df.loc[0, "speaker"] == "Sergey Lavrov" and df.loc[0, "speaker_bloc"] == "russian"


def test_unattributed_scare_quote_has_no_speaker() -> None:
    df = extract_statements('Fans called the raid "Operation Trojan Trucks" online.')
    row = df[df["kind"] == "partial"].iloc[0]
    assert (row["speaker"], row["cue"], row["speaker_in_registry"]) == ("", "", False)


def test_explicit_passages_set_quoted_from() -> None:
    text = 'Intro.\n"We will win," Zelensky said.'
    df = extract_statements(text, passages=[(7, len(text), "Kyiv Post")])
    assert df.set_index("kind").loc["direct", "quoted_from"] == "Kyiv Post"
    assert df.set_index("kind").loc["narration", "quoted_from"].tolist() == ["", "Kyiv Post"]


def test_detected_passage_from_outlet(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003_7b8b051aee0f11ae.txt"]
    df = extract_statements(text)
    malyuk = df[df["text"].str.contains("Our strikes will continue")].iloc[0]
    assert malyuk["quoted_from"] == "NPR"
    medvedev = df[df["text"].str.contains(re.escape("This is the meaning"))].iloc[0]
    assert medvedev["quoted_from"] == "The Kyiv Independent"
