"""Normalisation of text for lexicon matching, keeping offsets.

Matching runs on a *normalised copy* of the text: lower case, every
apostrophe-like character mapped to ``'``, every hyphen/dash joiner
(U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en
dash, U+2212 minus) to ``-``, curly double quotes to ``"`` and every
whitespace character to a plain space.  All of these are one character for
one character, so an offset in the copy is the same offset in the original.

Two things can change the length and take a slower path that keeps an
explicit offset map: a character whose lower case is longer than itself
(e.g. ``İ``), and runs of several spaces, which are collapsed so that
"neo  Nazi" or "special military\\n operation" still match a multi-word
entry.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_CHAR_MAP: dict[int, str] = {}
for _c in "\u2019\u2018\u201b\u02bc\u2032\u00b4`\uff07":
    _CHAR_MAP[ord(_c)] = "'"
for _c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02":
    _CHAR_MAP[ord(_c)] = '"'
for _c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d\u00ad":
    _CHAR_MAP[ord(_c)] = "-"
for _c in "\t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u2014\u2015":
    # em dash and horizontal bar separate clauses: treat them as a space.
    _CHAR_MAP[ord(_c)] = " "
TRANSLATION = str.maketrans(_CHAR_MAP)
# The same mapping restricted to ASCII, as a bytes table (much faster).
_ASCII_TABLE = bytes(ord(_CHAR_MAP.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))
# str.translate looks every character of a non-ASCII string up in the dict
# (~20x slower than the ASCII table), while a text holds few distinct mapped
# characters: those are found by one regex scan and replaced one by one.
# Sequential replacement equals translate because no replacement is a key.
_MAPPED_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_CHAR_MAP)) + "]")
_REPLACEMENT = {chr(k): v for k, v in _CHAR_MAP.items()}
assert not any(ord(v) in _CHAR_MAP for v in _CHAR_MAP.values())
assert all(not chr(k).isprintable() or chr(k) == "`" for k in _CHAR_MAP if k < 128)

_MULTISPACE_RE = re.compile(r" {2,}")


def normalize_term(term: str) -> str:
    """Normalise a lexicon term the same way as text (and strip/collapse spaces).

    Example:
        >>> normalize_term("  Neo\u2011Nazi   Regime ")
        'neo-nazi regime'
    """
    return " ".join(_lower(term).translate(TRANSLATION).split())


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class OffsetMap:
    """Original index of each normalised index, for a text whose space runs were collapsed.

    Indexing (``m[i]``) is all the matcher needs, for a few hits per text,
    so the map is kept as breakpoints instead of one integer per character.

    Example:
        >>> norm, m = normalize_for_match("a  b   c")
        >>> norm, m[2], m[4], m.tolist()
        ('a b c', 3, 7, [0, 1, 3, 4, 7, 8])
    """

    __slots__ = ("_starts", "_shifts", "_size")

    def __init__(self, starts: list[int], shifts: list[int], size: int) -> None:
        self._starts = starts  # normalised index where a shift begins (first is 0)
        self._shifts = shifts  # original index - normalised index from there on
        self._size = size  # len(normalised text) + 1: the end maps too

    def __getitem__(self, i: int) -> int:
        if not 0 <= i < self._size:
            raise IndexError(i)
        return i + self._shifts[bisect_right(self._starts, i) - 1]

    def __len__(self) -> int:
        return self._size

    def tolist(self) -> list[int]:
        """Every offset: ``[m[0], ..., m[len(m) - 1]]``."""
        out: list[int] = []
        bounds = [*self._starts[1:], self._size]
        for start, stop, shift in zip(self._starts, bounds, self._shifts):
            out.extend(range(start + shift, stop + shift))
        return out


def normalize_for_match(text: str) -> tuple[str, OffsetMap | None]:
    """Like :func:`normalize_text`, with the offset map as an :class:`OffsetMap`.

    Example:
        >>> normalize_for_match("Neo\u2011Nazi’s")
        ("neo-nazi's", None)
    """
    low = text.lower()
    if low.isascii():
        # the only ASCII characters mapped are control whitespace and '`'
        if low.isprintable() and "`" not in low:
            norm = low
        else:
            norm = low.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    else:
        if len(low) != len(text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        norm = low
        for c in set(_MAPPED_RE.findall(low)):
            norm = norm.replace(c, _REPLACEMENT[c])
    if "  " not in norm:
        return norm, None
    starts = [0]
    shifts = [0]
    parts: list[str] = []
    pos = 0
    removed = 0
    for m in _MULTISPACE_RE.finditer(norm):
        a, b = m.span()
        parts.append(norm[pos : a + 1])
        removed += b - a - 1
        starts.append(b - removed)  # the first character after the run
        shifts.append(removed)
        pos = b
    parts.append(norm[pos:])
    return "".join(parts), OffsetMap(starts, shifts, len(norm) - removed + 1)


def normalize_text(text: str) -> tuple[str, list[int] | None]:
    """Return the normalised copy and, only if lengths differ, an offset map.

    ``offsets[i]`` is the original index of normalised character ``i``
    (with one extra element for the end).  ``None`` means identity.

    Example:
        >>> normalize_text("Neo\u2011Nazi’s")
        ("neo-nazi's", None)
        >>> norm, off = normalize_text("neo  Nazi")
        >>> norm, off[4]
        ('neo nazi', 5)
    """
    norm, offsets = normalize_for_match(text)
    return norm, None if offsets is None else offsets.tolist()
