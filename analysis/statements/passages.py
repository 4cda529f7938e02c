"""Passages an article copies from another outlet ("From The Kyiv Independent:").

Blogs and roundups introduce a copied passage with a paragraph that ends in
a colon and names the outlet ("From X:", "X reports ...:", "according to a
report at X ...:").  The passage is every following paragraph up to the next
colon-ended paragraph (which is the blogger writing again) or the end.  A
colon-ended paragraph naming no outlet still ends the current passage.
Callers who know the passages (e.g. from HTML blockquotes) pass them
explicitly instead.

Example:
    >>> t = "Intro.\\nFrom The Kyiv Independent:\\nKyiv said no.\\nMore:\\nEnd."
    >>> [(t[s:e], o) for s, e, o in find_passages(t)]
    [('Kyiv said no.', 'The Kyiv Independent')]
"""

from __future__ import annotations

import re

from analysis.statements.quotes import paragraph_spans

_NAME = r"(?P<o>(?:The\s+)?[A-Z](?:[\w&’'-]|\.(?=\w))*(?:\s+[A-Z](?:[\w&’'-]|\.(?=\w))*){0,3})"
_INTROS = (
    re.compile(rf"\bFrom\s+{_NAME}\s*:\s*$"),
    re.compile(rf"{_NAME}\s+(?:reports|reported|writes|wrote)\b"),
    re.compile(rf"\b(?:report|story|article|piece)\s+(?:at|in|by|from)\s+{_NAME}"),
)


def intro_outlet(paragraph: str) -> str | None:
    """The outlet an intro paragraph names, '' if it ends with ':' but names none, else None.

    Example:
        >>> intro_outlet("according to a report at NPR from Moscow and Kyiv:"), intro_outlet("He said:")
        ('NPR', '')
    """
    if not paragraph.rstrip().endswith(":"):
        return None
    for rx in _INTROS:
        m = rx.search(paragraph)
        if m:
            return m.group("o")
    return ""


def find_passages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, outlet) of copied passages; only passages with a named outlet."""
    out: list[tuple[int, int, str]] = []
    outlet: str | None = None
    start = end = -1

    def close() -> None:
        if outlet and start >= 0:
            out.append((start, end, outlet))

    for lo, hi in paragraph_spans(text):
        named = intro_outlet(text[lo:hi])
        if named is not None:
            close()
            outlet, start = named, -1
            continue
        if outlet is not None and start < 0:
            start = lo
        end = hi
    close()
    return out
