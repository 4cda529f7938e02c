"""Helpers shared by the attribution test files: the quotes of a text, and the one quote holding some words."""

from __future__ import annotations

import pandas as pd

from analysis.statements.extract import extract_statements
from analysis.statements.speakers import SpeakerRegistry


def quotes_of(text: str, registry: SpeakerRegistry) -> pd.DataFrame:
    """The direct and partial quotes ``extract_statements`` finds in ``text``, renumbered from 0."""
    df = extract_statements(text, registry)
    return df[df["kind"].isin(["direct", "partial"])].reset_index(drop=True)


def quote_row(text: str, words: str, registry: SpeakerRegistry) -> pd.Series:
    """The one quote of ``text`` that holds ``words`` (the test fails unless exactly one does)."""
    q = quotes_of(text, registry)
    rows = q[q["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, f"no single quote holds {words!r}: {q[['kind', 'text']].values.tolist()}"
    return rows.iloc[0]
