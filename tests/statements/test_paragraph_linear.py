"""Round 7 perf8: single quotes and cataphora near-linear in a paragraph, with the old answers.

Randomised differential tests against the quadratic copies in
``paragraph_reference.py``: thousands of generated paragraphs dense in single
and double marks, apostrophes, elisions and long stretches (for
``_single_quotes_in`` and the nesting filter of ``find_quotes``), and in
indefinite descriptors followed by later person mentions (for
``resolve_cataphora``, in sorted and in shuffled mention order).
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from analysis.statements.attribution import _COORDINATED, _coordinated_before, _QuoteBounds
from analysis.statements.cataphora import resolve_cataphora
from analysis.statements.mention import Mention
from analysis.statements.mentions import find_mentions
from analysis.statements.quotes import (
    QuoteSpan,
    _double_quotes_in,
    _not_nested,
    _single_quotes_in,
    block_spans,
)
from tests.statements.paragraph_reference import (
    quadratic_cataphora,
    quadratic_not_nested,
    quadratic_outside,
    quadratic_single_quotes_in,
    quadratic_window_lo,
)

_QUOTE_TOKENS = [
    "war", "Kyiv", "Russia’s", "don't", "it’s", "'", "'", "‘", "‘", "’", "’", '"', '"', "“", "”", "«", "»",
    " ", " ", " ", "(", ")", "…", "'90s", "’em", "'til", "\n", "\n\n", ".", ",", "\u00a0", "—", "x" * 180,
]


def _quote_text(rng: random.Random) -> str:
    return "".join(rng.choice(_QUOTE_TOKENS) for _ in range(rng.randint(1, 160)))


def _random_taken(rng: random.Random, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Spans in any order, overlapping or nested: the bisect cover must not rely on disjoint spans."""
    out = []
    for _ in range(rng.randint(0, 6)):
        s = rng.randint(lo, max(lo, hi - 1))
        out.append((s, rng.randint(s, hi), rng.random() < 0.5))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_single_quotes_and_nesting_match_the_quadratic_scan(seed: int) -> None:
    rng = random.Random(seed)
    blocks = quoted = 0
    for _ in range(1500):
        text = _quote_text(rng)
        for lo, hi in block_spans(text):
            blocks += 1
            doubles = _double_quotes_in(text, lo, hi)
            singles = _single_quotes_in(text, lo, hi, doubles)
            assert singles == quadratic_single_quotes_in(text, lo, hi, doubles), (text, lo, hi)
            assert _not_nested(doubles, singles) == quadratic_not_nested(doubles, singles), text
            taken = _random_taken(rng, lo, hi)
            assert _single_quotes_in(text, lo, hi, taken) == quadratic_single_quotes_in(text, lo, hi, taken)
            quoted += bool(singles)
    # the generator must really produce single-quoted spans, not only apostrophes
    assert blocks > 1500 and quoted > blocks // 10


def test_nesting_filter_on_spans_that_touch(seed: int = 7) -> None:
    """Sorted disjoint single spans (as _single_quotes_in returns them) against double spans that
    start, end or both exactly on a single span's bounds."""
    rng = random.Random(seed)
    for _ in range(3000):
        cuts = sorted(rng.sample(range(60), rng.randrange(0, 12, 2)))
        singles = [(a, b, True) for a, b in zip(cuts[::2], cuts[1::2])]
        doubles = []
        for _ in range(rng.randint(0, 6)):
            s = rng.choice(cuts + [rng.randrange(60)]) if cuts else rng.randrange(60)
            e = rng.choice([c for c in cuts if c > s] + [s + rng.randint(1, 9)])
            doubles.append((s, e, rng.random() < 0.5))
        assert _not_nested(doubles, singles) == quadratic_not_nested(doubles, singles), (doubles, singles)


_DESCRIPTORS = [
    "a senator", "a U.S. senator", "a senior senator", "a former senator", "a French senator",
    "a spokesman", "a Kremlin spokesman", "an official", "a senior official", "a president",
    "a Russian president", "a minister", "a foreign minister", "a Russian foreign minister",
    "a deputy foreign minister", "an acting president", "a former U.S. senator",
]
_NAMES = [
    "Senator Lindsey Graham", "U.S. Senator Lindsey Graham", "Lindsey Graham", "Graham",
    "Russian President Vladimir Putin", "President Vladimir Putin", "Putin",
    "Kremlin spokesman Dmitry Peskov", "Peskov", "Foreign Minister Sergei Lavrov", "Lavrov",
    "Senator John Doe", "spokesman John Smith", "President Volodymyr Zelensky",
    "former Senator Lindsey Graham", "Deputy Foreign Minister Sergei Lavrov", "acting President Vladimir Putin",
]
_GLUE = [" said.", " said, ", ", according to ", " ", ". ", ".\n", " told reporters. ", '"We go on," ',
         " objected. ", "\n"]


def _cataphora_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        pick = rng.random()
        word = rng.choice(_DESCRIPTORS) if pick < 0.45 else rng.choice(_NAMES)
        parts.append(f'"{word}"' if rng.random() < 0.05 else word)
        parts.append(rng.choice(_GLUE))
    return "".join(parts)


def _with_overlaps(rng: random.Random, mentions: list[Mention]) -> list[Mention]:
    """Sometimes add copies of person mentions starting inside another mention (still sorted by start):
    find_mentions rarely overlaps, but the later-mention run must still start at a descriptor's end."""
    if not mentions or rng.random() < 0.5:
        return mentions
    extra = []
    for m in mentions:
        if m.end - m.start > 1 and rng.random() < 0.5:
            o = rng.choice(mentions)
            s = rng.randint(m.start + 1, m.end - 1)
            extra.append(replace(o, start=s, end=s + 1))
    return sorted(mentions + extra, key=lambda m: m.start)


@pytest.mark.parametrize("seed", range(3))
def test_cataphora_matches_the_quadratic_scan(registry, seed: int) -> None:
    rng = random.Random(100 + seed)
    linked = refused = 0
    for _ in range(700):
        text = _cataphora_text(rng)
        mentions = _with_overlaps(rng, find_mentions(text, registry))
        got = resolve_cataphora(text, registry, mentions)
        assert got == quadratic_cataphora(text, registry, mentions), text
        shuffled = list(mentions)
        rng.shuffle(shuffled)
        assert resolve_cataphora(text, registry, shuffled) == quadratic_cataphora(text, registry, shuffled), text
        linked += sum(a.link == "role" and b.link != "role" for a, b in zip(got, mentions))
        refused += sum(m.source == "descriptor" and not m.registered and m.link != "role" for m in got)
    # both outcomes must be common, or the comparison proves little
    assert linked > 50 and refused > 50, (linked, refused)


def test_quote_bounds_match_the_scan_over_every_quote(seed: int = 11) -> None:
    """attribution's per-sentence quote index: quotes in any order, overlapping, touching, empty."""
    rng = random.Random(seed)
    for _ in range(3000):
        quotes = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randrange(80)
            e = s + rng.randint(0, 20)
            quotes.append(QuoteSpan(s, e, s + 1, max(s + 1, e - 1), True, False, 0))
        bounds = _QuoteBounds(quotes)
        lo = rng.randrange(60)
        for pos in range(lo, 100):
            assert bounds.outside(pos) == quadratic_outside(pos, quotes), (pos, quotes)
            assert bounds.last_end(lo, pos) == quadratic_window_lo(lo, pos, quotes), (lo, pos, quotes)


_COORDINATION_TOKENS = ["but", "and", "yet", "But", "AND", "yEt", "also", "later", "then", "again", "quickly",
                        "ly", "xly", "said", "band", " ", " ", "  ", "\n", "\t", "\u00a0", ",", "—", "-", "x", "_",
                        "9", "ſly", "İly", "\u212aly"]


def test_coordinated_before_matches_the_search_from_the_sentence_start(seed: int = 13) -> None:
    """attribution._coordinated_before reads back from a cue; _COORDINATED.search read from lo."""
    rng = random.Random(seed)
    hits = 0
    for _ in range(8000):
        words = [rng.choice(_COORDINATION_TOKENS) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.5:  # half the texts hold "<conjunction> <blank> (<adverb> <blank>){0,3}"
            run = [rng.choice(_COORDINATION_TOKENS[:6]), " "]
            for _ in range(rng.randint(0, 3)):
                run += [rng.choice(_COORDINATION_TOKENS[6:14]), rng.choice(_COORDINATION_TOKENS[15:21])]
            words[rng.randint(0, len(words)):0] = run
        text = "".join(words)
        lo = rng.randint(0, len(text))
        for end in range(lo, len(text) + 1):
            want = _COORDINATED.search(text, lo, end) is not None
            assert _coordinated_before(text, lo, end) == want, (text, lo, end)
            hits += want
    assert hits > 800
