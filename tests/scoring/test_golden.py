"""Golden values for fixed sentences (doctest-style table in golden.json).

Counts come from the built-in lexicons of the version in lexicons/VERSION;
the compound is vaderSentiment's reference value (one sentence = VADER's own
score), so it must not move when the fast backend is used either.
"""

from __future__ import annotations

import pytest

from analysis.scoring.score import score_text


def test_golden_table_covers_traps(golden: list[dict]) -> None:
    texts = {g["text"] for g in golden}
    assert len(golden) >= 30
    assert {"They are idiots.", "The plan is not bad.", "No problem.", "Retribution is inevitable."} <= texts


@pytest.mark.parametrize("backend", ["vader", "fast"])
def test_golden_values(golden: list[dict], backend: str) -> None:
    for g in golden:
        s = score_text(g["text"], sentiment=backend)
        got = {
            "hostility": s.hostility_count,
            "hedging": s.hedging_count,
            "certainty": s.certainty_count,
            "loaded": s.loaded_count,
            "naming": s.naming_count,
            "compound": round(s.sentiment_compound, 4),
            "terms": sorted(f"{m.dimension}:{m.term}" for m in s.matches),
            "mentions": sorted(f"{m.dimension}:{m.term}" for m in s.matches if m.mention),
        }
        want = {k: g[k] for k in got}
        assert got == want, g["text"]
