"""spans.SpanCover (used by quotes' single-quote scan and lemma_match's scare quotes) against a scan."""

from __future__ import annotations

import random

import pytest

from analysis.statements.spans import SpanCover


def _spans(rng: random.Random) -> list[tuple[int, int]]:
    out = []
    for _ in range(rng.randint(0, 12)):
        s = rng.randint(0, 40)
        out.append((s, s + rng.choice([0, 0, 1, 2, 5, 15])))  # empty, touching and nested spans too
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_cover_and_meets_match_a_scan_of_every_span(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        spans = _spans(rng)
        cover = SpanCover(iter(spans))  # any iterable, any order
        for pos in range(-1, 60):
            assert (pos in cover) == any(s <= pos < e for s, e in spans), (spans, pos)
            for width in (0, 1, 3):
                end = pos + width
                assert cover.meets(pos, end) == any(s < end and pos < e for s, e in spans), (spans, pos, end)


def test_no_spans_cover_nothing() -> None:
    cover = SpanCover([])
    assert 0 not in cover and not cover.meets(0, 100)
