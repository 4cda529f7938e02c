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
entry, and the invisible characters of :func:`strip_invisible` inside a
word, which are left out so that "idi\\u00adots" is the word "idiots".
"""

from __future__ import annotations

import re
from bisect import bisect_right

_CHAR_MAP: dict[int, str] = {}
for _c in "\u2019\u2018\u201b\u02bc\u2032\u00b4`\uff07":
    _CHAR_MAP[ord(_c)] = "'"
for _c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02":
    _CHAR_MAP[ord(_c)] = '"'
for _c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d":
    _CHAR_MAP[ord(_c)] = "-"
for _c in "\t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u2014\u2015":
    # em dash and horizontal bar separate clauses: treat them as a space.
    _CHAR_MAP[ord(_c)] = " "
#: Format characters that occur inside words in news copy and are left out
#: (:func:`strip_invisible`): soft hyphen, zero-width space, non-joiner and
#: joiner, word joiner and a BOM inside the text.  The direction marks
#: (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are kept: they are not
#: word characters, so they still separate words.
INVISIBLE_FORMAT = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Combining grave and acute (stress marks), left out after a Latin or Cyrillic letter.
STRESS_MARKS = "\u0300\u0301"
#: Every character :func:`strip_invisible` may leave out.
INVISIBLE_CHARS = frozenset(INVISIBLE_FORMAT + STRESS_MARKS)
# after a letter, a whole run of format characters and stress marks goes ("и\u00ad\u0301м"):
# stripping format characters first and then testing each mark's left neighbour would keep a
# mark that follows a soft hyphen, which a second pass then removes.  One pass is final.
_INVISIBLE_RE = re.compile(
    f"(?<=[A-Za-z\u00c0-\u024f\u0400-\u04ff])[{INVISIBLE_FORMAT}{STRESS_MARKS}]+|[{INVISIBLE_FORMAT}]+"
)
# the test for "is there anything to strip": one character class (fast),
# the lookbehind of _INVISIBLE_RE only when it hits (10x slower per text)
_ANY_INVISIBLE_RE = re.compile(f"[{INVISIBLE_FORMAT}{STRESS_MARKS}]")
TRANSLATION = str.maketrans({**_CHAR_MAP, **{ord(c): None for c in INVISIBLE_FORMAT}})
# The same mapping restricted to ASCII, as a bytes table (much faster).
_ASCII_TABLE = bytes(ord(_CHAR_MAP.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))
# str.translate looks every character of a non-ASCII string up in the dict
# (~20x slower than the ASCII table), while a text holds few distinct mapped
# characters: those are found by one regex scan and replaced one by one.
# Sequential replacement equals translate because no replacement is a key.
# The invisible characters are in the same class, so that finding them costs
# no second scan of the text.
_MAPPED_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_CHAR_MAP)) + "".join(sorted(INVISIBLE_CHARS)) + "]")
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

    @classmethod
    def from_list(cls, offsets: list[int]) -> OffsetMap:
        """The map whose :meth:`tolist` is ``offsets`` (non-decreasing shifts).

        Example:
            >>> OffsetMap.from_list([0, 2, 3, 5]).tolist()
            [0, 2, 3, 5]
        """
        starts, shifts = [0], [offsets[0] if offsets else 0]
        for i, o in enumerate(offsets):
            if o - i != shifts[-1]:
                starts.append(i)
                shifts.append(o - i)
        return cls(starts, shifts, len(offsets))

    def then(self, later: OffsetMap | None) -> OffsetMap:
        """The map of two removals in turn: ``self[later[i]]`` (``later`` maps into this map's text).

        Example:
            >>> a = OffsetMap([0, 2], [0, 1], 4)  # 'abc' from 'ab_c'
            >>> a.then(OffsetMap([0, 1], [0, 1], 3)).tolist()  # 'ac' from 'abc'
            [0, 3, 4]
        """
        if later is None:
            return self
        return OffsetMap.from_list([self[j] for j in later.tolist()])

    def __len__(self) -> int:
        return self._size

    def tolist(self) -> list[int]:
        """Every offset: ``[m[0], ..., m[len(m) - 1]]``."""
        out: list[int] = []
        bounds = [*self._starts[1:], self._size]
        for start, stop, shift in zip(self._starts, bounds, self._shifts):
            out.extend(range(start + shift, stop + shift))
        return out


def strip_invisible(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` without the invisible characters that split words, and the offset map back.

    Left out: the format characters of :data:`INVISIBLE_FORMAT` (U+00AD soft
    hyphen, U+200B zero-width space, U+200C zero-width non-joiner, U+200D
    zero-width joiner, U+2060 word joiner, U+FEFF BOM) anywhere, and the
    combining grave/acute stress marks U+0300/U+0301 only right after a
    Latin or Cyrillic letter, format characters between included
    ("режи\u0301м" and "режи\u00ad\u0301м" are "режим"; "e\u0301" becomes "e").
    The result has nothing left to strip.  Direction marks are kept.  ``None`` means nothing was removed; an ASCII
    text costs one ``isascii``, another one character-class search.

    Example:
        >>> clean, m = strip_invisible("They are idi\u00adots.")
        >>> clean, m[9], m[15]
        ('They are idiots.', 9, 16)
        >>> strip_invisible("Киев\u0301ский")[0], strip_invisible("plain")
        ('Киевский', ('plain', None))
    """
    if text.isascii() or _ANY_INVISIBLE_RE.search(text) is None:
        return text, None
    return _strip(text)


def _strip(text: str) -> tuple[str, OffsetMap | None]:
    starts = [0]
    shifts = [0]
    parts: list[str] = []
    pos = removed = 0
    for m in _INVISIBLE_RE.finditer(text):
        a, b = m.span()
        parts.append(text[pos:a])
        removed += b - a
        if starts[-1] == b - removed:  # two runs side by side (format chars, then marks)
            shifts[-1] = removed
        else:
            starts.append(b - removed)
            shifts.append(removed)
        pos = b
    if not removed:
        return text, None
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(starts, shifts, len(text) - removed + 1)


def normalize_for_match(text: str) -> tuple[str, OffsetMap | None]:
    """Like :func:`normalize_text`, with the offset map as an :class:`OffsetMap`.

    The characters of :func:`strip_invisible` are left out (found by the
    same scan as the mapped characters, so an ASCII text pays nothing).

    Example:
        >>> norm, m = normalize_for_match("Idi\u00adots  here")
        >>> norm, m[3], m[7], m[11]
        ('idiots here', 4, 9, 13)
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
        found = set(_MAPPED_RE.findall(low))
        first: OffsetMap | None = None
        if not found.isdisjoint(INVISIBLE_CHARS):
            low, first = _strip(low)
            found -= INVISIBLE_CHARS
        norm = low
        for c in found:
            norm = norm.replace(c, _REPLACEMENT[c])
        if first is not None:
            norm, later = _collapse_spaces(norm)
            return norm, first.then(later)
    return _collapse_spaces(norm)


def _collapse_spaces(norm: str) -> tuple[str, OffsetMap | None]:
    """Runs of spaces collapsed to one, with the offset map back (``None``: no run)."""
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
