"""Quote-aware sentence spans.

A sentence ends at ``. ! ? …`` (plus any closing quote marks or brackets)
followed by white space and a capital, digit or opening mark, or glued to the
opening mark of a quote that starts with a capital, never inside a
quote and never after a known abbreviation (Punkt's English abbreviation list,
single initials, titles).  Sentences never cross a line break
unless a quote runs over it (:func:`analysis.statements.quotes.block_spans`).

Example:
    >>> t = 'U.S. Sen. Graham spoke. "It is over. Done," he said. Then he left.'
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['U.S. Sen. Graham spoke.', '"It is over. Done," he said.', 'Then he left.']

References:
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary
    detection. Computational Linguistics 32(4) -- the abbreviation list used here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from punkt.data.english import ABBREV_TYPES

from analysis.statements.cues import SPEECH_VERBS
from analysis.statements.quotes import QuoteSpan, block_spans, find_quotes
from analysis.statements.spans import trimmed
from analysis.statements.titles import TITLE_ABBREVIATIONS

_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "lt", "col", "maj", "capt",
                     "st", "gov", "pres", "adm", "sgt", "no", "vs", "etc", "jr", "sr", "u.s", "u.k",
                     "u.n", "e.g", "i.e", "approx"})
# the abbreviated titles of titles.py too: a quote's tag after "said the Rev." or "said Cmdr." is no new sentence
_ABBREVIATIONS = frozenset(ABBREV_TYPES) | _TITLES | TITLE_ABBREVIATIONS
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_CLOSING_MARKS = "\"”’'"
#: a capitalised speech tag right after a quote's ? or !: a name or title, then a speech verb
_TAG_AFTER_QUOTE = re.compile(rf"\s+(?:[A-Z][\w.'’-]*\s+){{1,5}}(?:{SPEECH_VERBS})\b")


def is_abbreviation(text: str, dot: int) -> bool:
    """Is the dot at ``dot`` the end of a known abbreviation or a single initial (no sentence end)?

    Example:
        >>> is_abbreviation("said the Rev. Al", 12), is_abbreviation("It ended. Then", 8)
        (True, False)
    """
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # a bounded window: `$`-anchored search is quadratic
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_spans(text: str, quotes: Sequence[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence, white space trimmed, in text order.

    Example:
        >>> sentence_spans("One. Two")
        [(0, 4), (5, 8)]
    """
    quotes = find_quotes(text) if quotes is None else quotes
    inside = sorted((q.inner_start, q.inner_end) for q in quotes)
    inside_starts = [s for s, _ in inside]
    # reach[i]: the furthest end among the first i quote insides (by start)
    reach = [-1]
    for _, e in inside:
        reach.append(max(reach[-1], e))
    spans: list[tuple[int, int]] = []
    opening = {q.start for q in quotes}
    for lo, hi in block_spans(text):
        start = lo
        for m in _boundaries(text, lo, hi, opening):
            end = m.end()
            # inside a quote: some quote opened before the mark and closes at or after its end
            if reach[bisect.bisect_left(inside_starts, m.start())] >= end:
                continue
            if m.group() == "\n":
                spans.append((start, end - 1))  # a line break ends a sentence unless a quote runs over it
                start = end
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and is_abbreviation(text, m.start()):
                continue
            if text[m.end() - 1] in _CLOSING_MARKS and _TAG_AFTER_QUOTE.match(text, m.end(), hi):
                continue  # '"Who else?" Mr. Malofeev asked.': the tag ends the quote's sentence
            spans.append((start, end))
            start = end
        spans.append((start, hi))
    return [trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


_LINE_BREAK = re.compile(r"\n")
#: a sentence end glued to the opening mark of the next sentence's quote ('respect."In 2021, ...')
_GLUED = re.compile(r"[.!?…]+(?=[\"“][A-Z0-9])")


def _boundaries(text: str, lo: int, hi: int, opening: set[int]) -> list[re.Match[str]]:
    """Candidate sentence ends in ``[lo, hi)`` in order: a mark before white space and a capital, or
    one glued to a quote's opening mark (press-release copy often drops that space)."""
    found = list(_BOUNDARY.finditer(text, lo, hi))
    if "\n" in text[lo:hi]:  # a paragraph of several lines (see block_spans)
        found += _LINE_BREAK.finditer(text, lo, hi)
        found.sort(key=lambda m: m.start())
    if opening:
        found += [m for m in _GLUED.finditer(text, lo, hi) if m.end() in opening]
        found.sort(key=lambda m: m.start())
    return found
