"""Find quoted spans: straight and curly, double and single, across paragraphs.

Rules (each one is a comment-sized convention of English news copy):

* a double mark opens a quote when it follows a space/start/bracket and
  precedes a non-space; it closes when it follows a non-space; curly marks
  keep their printed direction unless the context plainly contradicts it
  (sites that print ``"retribution is inevitable.”`` mix both kinds);
* a single mark (‘ ’ ') is a quote only at top level (nested single quotes
  stay inside their double-quoted span; double quotes inside a single-quoted
  span stay inside it) and only when an opening mark after a
  space is matched by a closing mark not followed by a letter in the same
  paragraph, so apostrophes (Russia’s, don't) are never quotes;
* a quote left open at the end of a paragraph runs to the paragraph end; when
  the next paragraph starts with an opening mark it continues the same quote
  (``continued`` marks such pieces; they share ``group``).

Example:
    >>> [q.inner(t) for t in ['Russia’s “swift victory,” he said.'] for q in find_quotes(t)]
    ['swift victory,']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from analysis.statements.spans import SpanCover

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_DOUBLE = '"' + _OPEN_DOUBLE + _CLOSE_DOUBLE
_BEFORE_OPEN = set(" \t\n([{—–-/'‘’\u00a0")
_AFTER_CLOSE = set(" \t\n,.;:!?)]}…—–-'’\u00a0")
_DOUBLE_MARKS = re.compile(r'["“”„«»]')
_SINGLE_MARKS = re.compile(r"['‘’]")
_ELISION = re.compile(r"['‘’](?:\d0s|em\b|til\b|cause\b|n\b|tis\b)", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]+")
MAX_SINGLE_QUOTE_CHARS = 400


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted piece: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    continued: bool
    group: int

    def inner(self, text: str) -> str:
        """The quoted words without the marks."""
        return text[self.inner_start:self.inner_end]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; news paragraphs are lines.

    Example:
        >>> paragraph_spans("a\\n\\nbc")
        [(0, 1), (3, 5)]
    """
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def block_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of English copy: where the text separates paragraphs by blank
    lines, a single line break inside one is no paragraph break (copy with one sentence per line, or
    wrapped lines), so runs of lines without a blank line between are one paragraph; a text without
    any blank line keeps one paragraph per line (:func:`paragraph_spans`).

    Example:
        >>> block_spans("a\\nb\\n\\nc")
        [(0, 3), (5, 6)]
        >>> block_spans("a\\nb")
        [(0, 1), (2, 3)]
    """
    lines = paragraph_spans(text)
    if not any(text.count("\n", a[1], b[0]) > 1 for a, b in zip(lines, lines[1:])):
        return lines
    out: list[tuple[int, int]] = []
    for lo, hi in lines:
        if out and text[out[-1][1]:lo] == "\n":
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _direction(text: str, i: int, lo: int, hi: int) -> str:
    ch = text[i]
    space_before = i == lo or text[i - 1] in _BEFORE_OPEN or text[i - 1] in _DOUBLE
    space_after = i + 1 >= hi or text[i + 1] in _AFTER_CLOSE
    if ch in _OPEN_DOUBLE:
        return "close" if (space_after and not space_before) else "open"
    if ch in _CLOSE_DOUBLE:
        return "open" if (space_before and not space_after) else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def end_without_trailing_space(text: str, lo: int, end: int) -> int:
    """``end`` moved back over the white space before it, never before ``lo``.

    Example:
        >>> end_without_trailing_space("said so   ", 0, 10), end_without_trailing_space("   ", 1, 3)
        (7, 1)
    """
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def _double_quotes_in(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of double-quoted spans within one paragraph."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for m in _DOUBLE_MARKS.finditer(text, lo, hi):
        i = m.start()
        role = _direction(text, i, lo, hi)
        if open_at is None:
            if role in ("open", "either"):
                open_at = i
            continue
        line_start = text.rfind("\n", lo, i) + 1
        if role == "open" and line_start > open_at and not text[line_start:i].strip():
            # a line of a paragraph opening a quote while one is open: the open one ended with its
            # line, and this one continues it (the convention of quotes running over paragraphs)
            spans.append((open_at, end_without_trailing_space(text, open_at + 1, line_start), False))
            open_at = i
        elif role in ("close", "either") or text[i] == '"':
            spans.append((open_at, i + 1, True))
            open_at = None
        else:  # a fresh curly opener: the previous quote was never closed
            spans.append((open_at, end_without_trailing_space(text, open_at + 1, i), False))
            open_at = i
    if open_at is not None:
        # never closed in its paragraph: it runs to the end of its own line (a lost mark, not a
        # quote spanning the lines after)
        line_end = text.find("\n", open_at, hi)
        spans.append((open_at, end_without_trailing_space(text, open_at + 1, hi if line_end < 0 else line_end), False))
    return spans


def _single_quotes_in(text: str, lo: int, hi: int, taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    cover = SpanCover((s, e) for s, e, _ in taken)
    # a paragraph can be a whole text of one line: each mark is tested against the double-quoted
    # spans by bisect, and each opener only against the closers within MAX_SINGLE_QUOTE_CHARS
    marks = [m.start() for m in _SINGLE_MARKS.finditer(text, lo, hi) if m.start() not in cover]
    used_until = lo
    for i in marks:
        if i < used_until or text[i] == "’":
            continue
        before_ok = i == lo or text[i - 1] in _BEFORE_OPEN or text[i - 1] in _DOUBLE
        after_ok = i + 1 < hi and (text[i + 1].isalnum() or text[i + 1] in "…(")
        if not (before_ok and after_ok) or _ELISION.match(text, i):
            continue
        for k in range(bisect_right(marks, i + 1), len(marks)):
            j = marks[k]
            if j - i > MAX_SINGLE_QUOTE_CHARS:
                break
            after = text[j + 1] if j + 1 < hi else " "
            if not text[j - 1].isspace() and not after.isalnum():
                spans.append((i, j + 1, True))
                used_until = j + 1
                break
    return spans


def _not_nested(doubles: list[tuple[int, int, bool]], singles: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``doubles`` without those inside a single-quoted span.

    ``singles`` come from :func:`_single_quotes_in`, sorted and disjoint, so the only one that can
    hold a double-quoted span is the last one starting at or before it (found by bisect).
    """
    single_starts = [s for s, _, _ in singles]
    out = []
    for d in doubles:
        k = bisect_right(single_starts, d[0]) - 1
        if k < 0 or d[1] > singles[k][1]:
            out.append(d)
    return out


def _opens_next_line(text: str, end: int, s: int) -> bool:
    """Does the quote at ``s`` open the line after the one where an open-ended quote ended at ``end``?"""
    return text.count("\n", end, s) == 1 and not text[end:s].strip()


def find_quotes(text: str) -> list[QuoteSpan]:
    """All top-level quoted spans of ``text`` in order.

    Example:
        >>> t = '"We insist,\\n"and we will," she said. Putin\\'s \\'red line\\' held.'
        >>> [(q.inner(t), q.continued, q.group) for q in find_quotes(t)]
        [('We insist,', False, 0), ('and we will,', True, 0), ('red line', False, 1)]
    """
    quotes: list[QuoteSpan] = []
    group = -1
    last_open_ended = False
    for lo, hi in block_spans(text):
        doubles = _double_quotes_in(text, lo, hi)
        singles = _single_quotes_in(text, lo, hi, doubles)
        # a double-quoted span inside a single-quoted one is nested (British style), not top level
        doubles = _not_nested(doubles, singles)
        spans = sorted(doubles + singles)
        first_nonspace = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
        for k, (s, e, closed) in enumerate(spans):
            continued = k == 0 and last_open_ended and s == first_nonspace or (
                k > 0 and not spans[k - 1][2] and _opens_next_line(text, spans[k - 1][1], s))
            if not continued:
                group += 1
            inner_end = e - 1 if closed else e
            quotes.append(QuoteSpan(s, e, s + 1, max(inner_end, s + 1), closed, continued, group))
        last_open_ended = bool(spans) and not spans[-1][2]
    return quotes
