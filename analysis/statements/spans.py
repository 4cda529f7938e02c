"""An index of (start, end) spans for fast overlap queries on long texts.

The extractor asks, for every clause, quote and paragraph, which earlier
spans overlap it.  Scanning every span each time made a text's extraction
quadratic in its length; :class:`SpanIndex` answers in ``O(log n + k)`` for
the ``k`` spans that start within one longest-span length of the query.
:func:`minus` (a span without its holes) and :func:`trimmed` (a span
without white space at its ends) are the span arithmetic both extractors
(English and ru/uk) and the sentence splitter share.

Example:
    >>> idx = SpanIndex([(0, 5), (10, 12)])
    >>> idx.add(20, 30)
    >>> idx.overlapping(4, 11), idx.overlaps(5, 10), len(idx)
    ([(0, 5), (10, 12)], False, 3)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate


class SpanIndex:
    """Spans ``(start, end)`` with ``start <= end``, kept sorted by start.

    Overlap has the extractor's meaning: ``(a, b)`` and ``(s, e)`` overlap when
    ``a < e and s < b``; so an empty span strictly inside the query counts,
    and spans that only touch it do not.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        self._longest = max((e - s for s, e in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, start: int, end: int) -> None:
        """Add one span (``O(n)`` list insertion, done in C)."""
        i = bisect.bisect_right(self._spans, (start, end))
        self._spans.insert(i, (start, end))
        self._starts.insert(i, start)
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every span overlapping ``(start, end)``, sorted by (start, end)."""
        # a span ending after `start` began after `start - longest`
        lo = bisect.bisect_right(self._starts, start - self._longest - 1)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self._spans[lo:hi] if start < e]

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span overlaps ``(start, end)``."""
        return bool(self.overlapping(start, end))


class SpanCover:
    """Which positions and spans some ``(start, end)`` spans cover, by bisect.

    The spans may overlap or come in any order: sorted once by start, with the
    largest end reached by the spans up to each.  A position is covered when a
    span starting at or before it ends after it; a query span meets a span
    when they overlap as in :class:`SpanIndex` (``a < e and s < b``).  Each
    question costs one bisection, whatever the lengths of the spans.

    Example:
        >>> cover = SpanCover([(10, 20), (0, 5), (3, 8)])
        >>> [p in cover for p in (0, 7, 8, 9, 10, 19, 20)]
        [True, True, False, False, True, True, False]
        >>> cover.meets(8, 10), cover.meets(8, 11), cover.meets(19, 19)
        (False, True, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos

    def meets(self, start: int, end: int) -> bool:
        """True when some span overlaps ``(start, end)``: starts before ``end`` and ends after ``start``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space at either end.

    Example:
        >>> trimmed("  ab  ", 0, 6)
        (2, 4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def minus(s: int, e: int, holes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(s, e)`` without the ``holes`` (each ``start <= end``), as sorted disjoint parts.

    An empty hole strictly inside a part splits it there.  One sweep over the
    holes in order of start, so ``O(k log k)`` for ``k`` holes.

    Example:
        >>> minus(0, 10, [(6, 7), (2, 3), (8, 8)])
        [(0, 2), (3, 6), (7, 8), (8, 10)]
        >>> minus(5, 5, [])
        [(5, 5)]
    """
    if s >= e:
        return [] if holes else [(s, e)]
    parts: list[tuple[int, int]] = []
    cur = s  # everything before cur is already a part or inside a hole
    for hs, he in sorted(holes):
        if hs >= e:
            break
        if hs > cur:
            parts.append((cur, hs))
            cur = hs
        cur = max(cur, he)
    if cur < e:
        parts.append((cur, e))
    return parts
