"""``extract._outer_events`` by bisect equals the round-4 version that re-searched every clause.

The old function (kept below, test-only, as the reference) ran
``_CLAUSE_BREAK.search(text, outer.end, e.span_start)`` for every event: cubic
in a sentence of many "said,"-tagged quotes.  The new one answers the same
question from :class:`analysis.statements.extract._ClauseBreaks`, built once
per text.  ``search(text, pos, endpos)`` cuts the string at ``endpos`` (so
"andrew" cut after "and" ends in ``\\b``) and reads the character before
``pos``: the tests below sweep every (pos, endpos) pair of dense short texts
and compare whole ``_outer_events`` outputs on thousands of generated texts
whose event ends and span starts sit on, and next to, the breaks.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import pytest

from analysis.statements.attribution import CueEvent
from analysis.statements.extract import (
    _CLAUSE_BREAK,
    _CLAUSE_BREAK_AT,
    _ClauseBreaks,
    _outer_events,
    extract_statements,
)

#: the round-4 pattern, verbatim: the reference must not follow a later edit of the module's
OLD_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas|yet)\b|\bwhile\b")


def old_outer_events(text: str, events: Sequence[CueEvent]) -> list[CueEvent]:
    """The round-4 ``_outer_events``, unchanged (the reference)."""
    out: list[CueEvent] = []
    for e in events:
        outer = next((o for o in out if o.family in ("finite", "according")), None)
        inside = outer is not None and not OLD_CLAUSE_BREAK.search(text, outer.end, e.span_start)
        if not inside or e.family == "naming":
            out.append(e)
    return out


#: pieces dense in breaks, near-breaks and the characters ``\b`` and ``\s`` turn on
PIECES = (",", ", ", ",  ", ",\n", ",\t", ",\u00a0", " ", "  ", "\n", ";", ":", "—", "–", "-",
          "and", "andrew", "but", "butter", "while", "whilst", "whiles", "whereas", "whereasx", "yet",
          "yeti", "_", "x", "w", "é", "1", "said", '"', "“", "”", "Tom", "he", "And", "WHILE", "a")
FAMILIES = ("finite", "participle", "naming", "according", "noun")


def random_text(rng: random.Random, n_pieces: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n_pieces))


def test_pattern_is_the_old_one() -> None:
    assert _CLAUSE_BREAK.pattern == OLD_CLAUSE_BREAK.pattern
    assert _CLAUSE_BREAK.flags == OLD_CLAUSE_BREAK.flags


@pytest.mark.parametrize("seed", range(4))
def test_between_equals_search_on_every_cut(seed: int) -> None:
    """Every (pos, endpos) pair, endpos past the end and before pos included, of 300 dense texts."""
    rng = random.Random(seed)
    pairs = 0
    for _ in range(300):
        text = random_text(rng, rng.randint(1, 14))
        br = _ClauseBreaks(text)
        for a in range(len(text) + 1):
            for b in range(len(text) + 2):
                assert br.between(a, b) == (OLD_CLAUSE_BREAK.search(text, a, b) is not None), (text, a, b)
                pairs += 1
    assert pairs > 50_000


def test_between_on_real_prose() -> None:
    """Cuts at, next to and between the matches of a real sentence."""
    text = ("Mr. Sullivan said that Mr. Biden had asked officials whether they backed it, and that "
            "they had “emphatically supported” it; meanwhile, whilst the andrew yet-to-come — yeti, "
            "butter, whereas; the minister, while abroad, said: no.")
    br = _ClauseBreaks(text)
    cuts = sorted({p + d for m in _CLAUSE_BREAK_AT.finditer(text) for p in (m.start(), m.end(1))
                   for d in (-2, -1, 0, 1, 2)} | set(range(0, len(text) + 1, 7)))
    for a in cuts:
        for b in cuts:
            if 0 <= a <= len(text) and 0 <= b <= len(text):
                assert br.between(a, b) == (OLD_CLAUSE_BREAK.search(text, a, b) is not None), (a, b)


def random_events(rng: random.Random, text: str, n: int) -> list[CueEvent]:
    """``n`` events whose ends and span starts favour the edges of the text's breaks."""
    edges = [p for m in _CLAUSE_BREAK_AT.finditer(text) for p in (m.start(), m.end(1))]
    spots = [min(len(text), max(0, p + d)) for p in edges for d in (-1, 0, 1)] or [0]

    def spot() -> int:
        return rng.choice(spots) if rng.random() < 0.7 else rng.randint(0, len(text))

    events = []
    for _ in range(n):
        start = spot()
        end = min(len(text), start + rng.randint(0, 6)) if rng.random() < 0.5 else spot()
        span_start = spot() if rng.random() < 0.8 else max(0, start - rng.randint(0, 10))
        events.append(CueEvent(rng.choice(FAMILIES), start, end, "said", None, span_start, rng.random() < 0.5))
    if rng.random() < 0.7:  # the caller passes events in text order
        events.sort(key=lambda e: e.start)
    return events


@pytest.mark.parametrize("seed", range(5))
def test_outer_events_equal_old_on_generated_texts(seed: int) -> None:
    """1,000 texts per seed (5,000 in all), up to 40 events each."""
    rng = random.Random(1000 + seed)
    compared = 0
    for _ in range(1000):
        text = random_text(rng, rng.randint(0, 60))
        events = random_events(rng, text, rng.randint(0, 40))
        new, old = _outer_events(text, events), old_outer_events(text, events)
        assert [id(e) for e in new] == [id(e) for e in old], (text, events)
        compared += len(events)
    assert compared > 10_000


def test_outer_events_equal_old_on_many_tagged_quotes() -> None:
    """The hostile shape itself: one sentence of tagged quotes with breaks between some of them."""
    rng = random.Random(7)
    units = (' and said, "We go on"', '; she said, "No"', ', and he said, "Yes"', ' while said, "Hm"',
             ', andrew said, "A"', ' — said, "B"')
    for _ in range(50):
        text = "Tom Lee spoke" + "".join(rng.choice(units) for _ in range(rng.randint(1, 60)))
        said = [m.start() for m in re.finditer("said", text)]
        events = [CueEvent(rng.choice(FAMILIES), s, s + 4, "said", None, s - rng.randint(0, 3), False)
                  for s in said]
        for k in range(0, len(events) + 1, 5):
            assert [id(e) for e in _outer_events(text, events[:k])] == \
                [id(e) for e in old_outer_events(text, events[:k])]


def test_extract_statements_unchanged_on_many_tagged_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole extractor with the old function patched in gives the same frame."""
    import analysis.statements.extract as extract

    rng = random.Random(11)
    units = (' and said, "We go on"', '; Mr. Lee said, "No more"', ', and she told reporters, "Yes we do"',
             ' while Anna Berg said, "Hm"', '. Tom Lee said: "Done."', ' — he said "far away"')
    texts = ["Tom Lee spoke" + "".join(rng.choice(units) for _ in range(rng.randint(1, 40))) for _ in range(12)]
    new = [extract_statements(t) for t in texts]
    monkeypatch.setattr(extract, "_outer_events", old_outer_events)
    for t, frame in zip(texts, new):
        assert frame.equals(extract_statements(t)), t
