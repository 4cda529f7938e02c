"""Session fixtures for the scoring tests: fixed texts, never tuned against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def golden() -> list[dict]:
    """Fixed sentences with expected counts and VADER compound (tests/scoring/golden.json)."""
    return json.loads((Path(__file__).parent / "golden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def medvedev_quotes() -> list[str]:
    """Medvedev's words as quoted in the seed articles."""
    return [
        "The Istanbul talks are not for striking a compromise peace on someone else's delusional "
        "terms but for ensuring our swift victory and the complete destruction of the neo-Nazi regime,",
        "Retribution is inevitable,",
        "Our Army is pushing forward and will continue to advance. Everything that needs to be blown "
        "up will be blown up, and those who must be eliminated will be.",
        "Our army is actively advancing and will continue to advance. Everything that should explode "
        "will explode, and everybody who should be exterminated will disappear,",
    ]


@pytest.fixture(scope="session")
def peskov_statements() -> list[str]:
    """Peskov's quoted and reported statements in the seed article 004."""
    return [
        "Progress takes time, but there are agreements in place. They are significant. After all, "
        "people's lives are at stake. These agreements will be implemented, and the work will carry on,",
        "President Putin advocates for interactions at the highest level, but believes they should be well-planned,",
        "Peskov cautions that immediate solutions and breakthroughs might be unrealistic.",
        "He also adds that if a telephone conversation between Putin and Trump is needed, it can be "
        "arranged promptly, but nothing is set in stone yet.",
    ]
