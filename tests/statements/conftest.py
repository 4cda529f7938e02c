"""Fixed texts and registries for the statements tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.statements.speakers import SpeakerRegistry

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"


@pytest.fixture(scope="session")
def registry() -> SpeakerRegistry:
    """The bundled registry (corpus/speakers.csv)."""
    return SpeakerRegistry.from_csv(paths.SPEAKERS_CSV)


@pytest.fixture(scope="session")
def registry_without_kallas() -> SpeakerRegistry:
    """The bundled registry minus Kaja Kallas, for the unregistered-speaker case."""
    return SpeakerRegistry.from_csv(FIXTURES / "speakers_without_kallas.csv")


@pytest.fixture(scope="session")
def wire_texts() -> dict[str, str]:
    """Our own short wire-style articles, keyed by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}


@pytest.fixture(scope="session")
def gold() -> pd.DataFrame:
    """Hand-checked quotes of the five seeds (file, quote, occurrence, speaker, kind, note)."""
    return pd.read_csv(HERE / "gold_seed_quotes.csv", dtype=str, keep_default_na=False).astype(
        {"occurrence": int})
