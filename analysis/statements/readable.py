"""The copy of a text that the English attribution rules read, with a map back to the input's offsets.

Two things in real files hide a speaker from rules written for ordinary
news text, and both are undone here before the rules run:

* **invisible characters**: format characters (Unicode category Cf: zero-width
  space U+200B, joiners U+200C/U+200D, word joiner U+2060, soft hyphen U+00AD,
  bidi marks ...) and C0 control characters other than white space (NUL) are
  left out, so "Vladimir\\u200b Putin" and "Pu\\u00adtin" are names again;
* **ALL CAPS paragraphs** (wire flashes, shouted posts): a paragraph without a
  lower-case letter is re-cased one character for one, function words and
  reporting verbs lower case (a new sentence's first word capitalised), every
  other word capitalised, so '"WE WILL WIN," VLADIMIR PUTIN SAID.' reads
  '"We will Win," Vladimir Putin said.' ("win" is no function word
  for the built-in stopword list).  Acronyms of such a paragraph are
  read as names ("NATO" -> "Nato"); its text in the output is the input's.

:func:`readable` returns the copy and, when characters were left out, the
input offset of each of its characters (one more for the end), so that
:func:`back_span` gives every statement's span in the input: ``text ==
input[start:end]`` still holds.  Characters left out belong to the
statement before them (or to none before the first).

Example:
    >>> copy, back = readable('"We will win," Vladimir\\u200b Putin said.')
    >>> copy, back_span(back, 15, 29)
    ('"We will win," Vladimir Putin said.', (15, 30))
"""

from __future__ import annotations

import re
import unicodedata

from analysis.statements.reporting_verbs import reporting_verb
from analysis.statements.stopwords import ENGLISH_STOPWORDS

#: white space kept although it is a control character
_KEPT_CONTROLS = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PARAGRAPH = re.compile(r"[^\n]+")
#: a paragraph is shouted when it has no lower-case letter and this many letters
MIN_SHOUTED_LETTERS = 8


def _invisible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category == "Cf" or (category == "Cc" and ch not in _KEPT_CONTROLS)


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without format and non-space control characters, and each kept character's offset
    in ``text`` plus ``len(text)`` (None when nothing was left out).

    Example:
        >>> without_invisible("Pu\\u00adtin\\x00 said")
        ('Putin said', [0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 12])
        >>> without_invisible("Putin said")
        ('Putin said', None)
    """
    if text.isascii() and text.isprintable():
        return text, None
    kept = [i for i, ch in enumerate(text) if not _invisible(ch)]
    if len(kept) == len(text):
        return text, None
    return "".join(text[i] for i in kept), [*kept, len(text)]


def _shouted(paragraph: str) -> bool:
    letters = [ch for ch in paragraph if ch.isalpha()]
    return len(letters) >= MIN_SHOUTED_LETTERS and not any(ch.islower() for ch in letters) and any(
        ch.isupper() for ch in letters)


def _lower(word: str) -> str:
    # one character for one: a letter whose lower case is longer ("İ") stays as it is
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in word)


def _recased_word(word: str, starts_sentence: bool) -> str:
    low = _lower(word)
    common = low in ENGLISH_STOPWORDS or reporting_verb(low) is not None
    if common and not starts_sentence:
        return low
    return word[0] + low[1:]


def _recased(paragraph: str) -> str:
    parts: list[str] = []
    last = 0
    for m in _WORD.finditer(paragraph):
        parts.append(paragraph[last:m.start()])
        before = paragraph[max(0, m.start() - 16):m.start()].rstrip("\"“”'‘’( ")  # bounded: linear
        parts.append(_recased_word(m.group(), not before or before[-1] in ".!?…:"))
        last = m.end()
    parts.append(paragraph[last:])
    return "".join(parts)


def recased(text: str) -> str:
    """``text`` with its ALL CAPS paragraphs re-cased, one character for one (see the module doc).

    Example:
        >>> recased('"THE WAR GOES ON," HE ADDED.\\nTalks ended.')
        '"The War Goes on," he added.\\nTalks ended.'
    """
    if not any(ch.isupper() for ch in text):
        return text
    return _PARAGRAPH.sub(lambda m: _recased(m.group()) if _shouted(m.group()) else m.group(), text)


def readable(text: str) -> tuple[str, list[int] | None]:
    """The copy of ``text`` the English rules read and its offset map (see :func:`without_invisible`).

    Example:
        >>> readable("VLADIMIR\\u200d PUTIN SAID IT.")
        ('Vladimir Putin said it.', [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24])
    """
    visible, back = without_invisible(text)
    return recased(visible), back


def back_span(back: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The input span of the copy's ``[start, end)``: characters left out right after it belong to it.

    Example:
        >>> back_span([0, 1, 3, 4], 0, 2), back_span([0, 1, 3, 4], 2, 3), back_span(None, 2, 3)
        ((0, 3), (3, 4), (2, 3))
    """
    if back is None:
        return start, end
    return back[start], back[end] if start < end else back[start]
