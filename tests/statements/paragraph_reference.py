"""Test-only copies of two functions as they were before round 7's perf8 change (quadratic in a paragraph).

``quadratic_single_quotes_in`` tested every single mark against every taken
span and every opener against every mark; ``quadratic_not_nested`` every
double-quoted span against every single-quoted one; ``quadratic_cataphora``
every indefinite descriptor against every later mention of its stretch.
They are the oracle of ``test_paragraph_linear.py``; nothing in
``analysis/`` imports them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from analysis.statements.cataphora import (
    MAX_PARAGRAPHS_AHEAD,
    NEUTRAL_MODIFIERS,
    _compact,
    _country_words,
    _has_head,
    _indefinite_head,
    registry_role_words,
)
from analysis.statements.mention import Mention
from analysis.statements.quotes import (
    _BEFORE_OPEN,
    _DOUBLE,
    _ELISION,
    _SINGLE_MARKS,
    MAX_SINGLE_QUOTE_CHARS,
    QuoteSpan,
    paragraph_spans,
)
from analysis.statements.speakers import SpeakerRegistry


def _inside(pos: int, spans: list[tuple[int, int, bool]]) -> bool:
    return any(s <= pos < e for s, e, _ in spans)


def quadratic_single_quotes_in(text: str, lo: int, hi: int,
                               taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    marks = [m.start() for m in _SINGLE_MARKS.finditer(text, lo, hi) if not _inside(m.start(), taken)]
    used_until = lo
    for i in marks:
        if i < used_until or text[i] == "’":
            continue
        before_ok = i == lo or text[i - 1] in _BEFORE_OPEN or text[i - 1] in _DOUBLE
        after_ok = i + 1 < hi and (text[i + 1].isalnum() or text[i + 1] in "…(")
        if not (before_ok and after_ok) or _ELISION.match(text, i):
            continue
        for j in marks:
            if j <= i + 1 or j - i > MAX_SINGLE_QUOTE_CHARS:
                continue
            after = text[j + 1] if j + 1 < hi else " "
            if not text[j - 1].isspace() and not after.isalnum():
                spans.append((i, j + 1, True))
                used_until = j + 1
                break
    return spans


def quadratic_outside(pos: int, quotes: Sequence[QuoteSpan]) -> bool:
    return not any(q.start <= pos < q.end for q in quotes)


def quadratic_window_lo(lo: int, pos: int, quotes: Sequence[QuoteSpan]) -> int:
    return max([lo] + [q.end for q in quotes if lo <= q.end <= pos])


def quadratic_not_nested(doubles: list[tuple[int, int, bool]],
                         singles: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    return [d for d in doubles if not any(s <= d[0] and d[1] <= e for s, e, _ in singles)]


def quadratic_cataphora(text: str, registry: SpeakerRegistry, mentions: Sequence[Mention]) -> list[Mention]:
    paragraphs = paragraph_spans(text)
    starts = [s for s, _ in paragraphs]
    out = list(mentions)
    mention_starts = [o.start for o in out]
    in_order = all(a <= b for a, b in zip(mention_starts, mention_starts[1:]))
    for i, m in enumerate(out):
        found = _indefinite_head(text, m)
        if found is None or not paragraphs:
            continue
        head, mods = found
        para = max(0, bisect.bisect_right(starts, m.start) - 1)
        limit = paragraphs[min(len(paragraphs) - 1, para + MAX_PARAGRAPHS_AHEAD)][1]
        stop = bisect.bisect_left(mention_starts, limit) if in_order else len(out)
        ahead = [o for o in out[i + 1:stop] if m.end <= o.start < limit and o.kind == "person"
                 and not o.in_quote and _has_head(text, o, head)]
        if len({o.entity for o in ahead}) != 1 or not ahead[0].registered:
            continue
        speaker = registry.get(ahead[0].entity)
        if speaker is None or head not in registry_role_words(speaker):
            continue
        support = registry_role_words(speaker) | _country_words(speaker) | NEUTRAL_MODIFIERS | {
            _compact(w) for o in ahead for w in o.role_words}
        if mods <= support:
            out[i] = replace(m, entity=speaker.canonical, registered=True, gender=speaker.gender,
                             role_words=m.role_words | ahead[0].role_words, link="role")
    return out
