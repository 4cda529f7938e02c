"""Quoted spans in Russian and Ukrainian text: «…», „…“, straight "…", and dialogue dashes.

Rules (conventions of Russian and Ukrainian typesetting):

* ``«`` opens and ``»`` closes; marks nest (``«он сказал: «нет»»``), and
  ``„…“`` inside ``«…»`` stays inside the outer quote, so only top-level
  spans are returned;
* ``„`` opens a top-level quote closed by ``“`` (or ``”``);
* a straight ``"`` opens after a space, bracket or line start and closes
  before a space or punctuation (web copy of TASS/RIA often has them);
* a quote left open at the end of a paragraph runs to the paragraph end; a
  next paragraph starting with ``«`` continues it (``continued``, same
  ``group``), as in English copy;
* a paragraph that starts with a dash (``—``, ``–``, or ``-`` followed by a
  space) and no quotation mark is a dialogue line: its speech runs from after
  the dash to ``, —`` (``! —``, ``? —``) where the author's words begin,
  and an author's insertion ending in ``, —`` or ``. —`` is followed by more
  speech (``— Мы готовы, — сказал он. — Но не сейчас.``).  Such spans have
  ``dash`` True and start at their dash (the dash is their mark);
* a paragraph that opens with speech and no quotation mark before ``, —
  <speech verb>`` (``У нас были встречи …, — сказал председатель …``) is
  unmarked speech from the paragraph start to the comma (``dash`` True too),
  when it has at least ``MIN_UNMARKED_WORDS`` words.

Example:
    >>> t = "«Мы не отступим», — заявил Песков."
    >>> [(q.inner(t), q.dash) for q in find_quotes_cyrillic(t)]
    [('Мы не отступим', False)]
    >>> t = "— Мы готовы, — сказал он. — Но не сейчас."
    >>> [q.inner(t) for q in find_quotes_cyrillic(t)]
    ['Мы готовы,', 'Но не сейчас.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.language import RU_UK_LOWER
from analysis.statements.quotes import QuoteSpan, end_without_trailing_space, paragraph_spans

_DIALOGUE_START = re.compile(r"[ \t\u00a0]*(?:[—–]|-(?=\s))[ \t\u00a0]*")
#: the author's words inside a dialogue line: after ", —" up to ". —" / ", —" / ": —" or the line end
_AUTHOR = re.compile(rf"(?<=[,!?…])[ \u00a0]+[—–-][ \u00a0]+(?=[a-z{RU_UK_LOWER}])")
_RESUME = re.compile(r"[.,:][ \u00a0]+[—–-][ \u00a0]+")
_STRAIGHT_BEFORE = set(" \t\n([{—–-/\u00a0«„")
_STRAIGHT_AFTER = set(" \t\n,.;:!?)]}…—–-\u00a0»“")


@dataclass(frozen=True)
class CyrQuote(QuoteSpan):
    """A :class:`~analysis.statements.quotes.QuoteSpan` that may be dash-introduced speech (``dash``)."""

    dash: bool = False


def _guillemet_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of the top-level «…», „…“ and "…" spans of one paragraph."""
    spans: list[tuple[int, int, bool]] = []
    depth = 0  # nesting of « » (and „ “ inside them)
    open_at = -1
    closer = ""
    for i in range(lo, hi):
        ch = text[i]
        if depth == 0:
            straight_open = ch == '"' and (i == lo or text[i - 1] in _STRAIGHT_BEFORE) and i + 1 < hi \
                and not text[i + 1].isspace()
            if ch in "«„" or straight_open:
                depth, open_at = 1, i
                closer = {"«": "»", "„": "“”", '"': '"'}[ch]
            continue
        if ch == "«" and closer == "»":
            depth += 1  # a nested «…»; a nested „…“ needs no count, its marks differ
        elif ch in closer and (ch != '"' or i + 1 >= hi or text[i + 1] in _STRAIGHT_AFTER):
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1, True))
    if depth > 0:
        spans.append((open_at, end_without_trailing_space(text, open_at + 1, hi), False))
    return spans


def _dialogue_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start at the dash, start of the words, end) of the speech parts of a dialogue line."""
    lead = _DIALOGUE_START.match(text, lo, hi)
    if not lead or lead.end() == lo or lead.end() >= hi or text[lead.end()] in "«„\"":
        return []
    parts: list[tuple[int, int, int]] = []
    dash, pos = lo + len(text[lo:lead.end()]) - len(text[lo:lead.end()].lstrip()), lead.end()
    while pos < hi:
        author = _AUTHOR.search(text, pos, hi)
        if author is None:
            parts.append((dash, pos, end_without_trailing_space(text, pos, hi)))
            break
        parts.append((dash, pos, author.start()))
        resume = _RESUME.search(text, author.end(), hi)
        if resume is None:
            break
        dash, pos = resume.start() + 1 + len(text[resume.start() + 1:resume.end()]) - len(
            text[resume.start() + 1:resume.end()].lstrip()), resume.end()
    return [(d, s, e) for d, s, e in parts if e > s]


#: the speech part of an unmarked quote is at least this many words ("Мы готовы, — сказал он" is
#: too short to tell from narration with a dash)
MIN_UNMARKED_WORDS = 4


def _unmarked_speech(text: str, lo: int, hi: int, marked: list[tuple[int, int, bool]]) -> tuple[int, int] | None:
    """(start, end at the comma) of speech with no quotation marks that opens a paragraph and ends
    at ``, — <speech verb>`` ("У нас были встречи …, — сказал председатель …"), else None."""
    from analysis.statements.cues_ru_uk import verb_pattern  # the verb table loads lazily

    if not text[lo:lo + 1].isupper():
        return None
    author = _AUTHOR.search(text, lo, hi)
    if author is None or any(s < author.start() for s, _, _ in marked):
        return None
    end = author.start() - 1  # the comma (or ! ? …) before the dash
    if len(text[lo:end].split()) < MIN_UNMARKED_WORDS or not verb_pattern("ru").match(text, author.end(), hi):
        return None
    return lo, end


def find_quotes_cyrillic(text: str) -> list[CyrQuote]:
    """All top-level quoted spans and dialogue speech of ``text`` in order.

    Example:
        >>> t = "Он сказал: «Это „наш“ ответ».\\n«Мы ждём"
        >>> [(q.inner(t), q.closed) for q in find_quotes_cyrillic(t)]
        [('Это „наш“ ответ', True), ('Мы ждём', False)]
    """
    quotes: list[CyrQuote] = []
    group = -1
    last_open_ended = False
    for lo, hi in paragraph_spans(text):
        marked = _guillemet_spans(text, lo, hi)
        dialogue = [] if marked and marked[0][0] <= lo + 3 else _dialogue_spans(text, lo, hi)
        first_nonspace = lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
        for k, (s, e, closed) in enumerate(marked):
            continued = k == 0 and last_open_ended and s == first_nonspace
            if not continued:
                group += 1
            inner_end = e - 1 if closed else e
            quotes.append(CyrQuote(s, e, s + 1, max(inner_end, s + 1), closed, continued, group))
        unmarked = None if dialogue else _unmarked_speech(text, first_nonspace, hi, marked)
        if unmarked is not None:
            group += 1
            quotes.append(CyrQuote(unmarked[0], unmarked[1], unmarked[0], unmarked[1], True, False, group,
                                   dash=True))
        for d, s, e in dialogue:
            if any(ms < e and s < me for ms, me, _ in marked):
                continue  # a quotation inside a dialogue line stays the quote
            group += 1
            quotes.append(CyrQuote(d, e, s, e, True, False, group, dash=True))
        last_open_ended = bool(marked) and not marked[-1][2]
    quotes.sort(key=lambda q: q.start)
    return quotes
