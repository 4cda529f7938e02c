"""Sentence and word spans with offsets into the original text.

Sentences: NLTK's Punkt (Kiss & Strunk 2006) with the published English
parameters from the ``punkt`` package (abbreviations, collocations, sentence
starters, orthographic context), loaded into
:class:`nltk.tokenize.punkt.PunktParameters`.  Hard line breaks are sentence
boundaries too (news text puts headlines, datelines and paragraphs on their
own lines).  Two shortcuts keep this fast without changing Punkt's output:

* a line with no *internal* candidate (``.``, ``?`` or ``!`` followed by more
  text) is one sentence and never reaches Punkt;
* Punkt's per-candidate decision is answered directly for the common case
  "ordinary word + full stop" / "word + ?/!", where Punkt's first pass always
  marks a break and only a collocation could undo it; every other candidate
  (abbreviations, initials, numbers, ellipses) goes through NLTK unchanged.

Words: one compiled regular expression (letters/digits, with internal
hyphens, apostrophes and digit separators), the equivalent of
``nltk.tokenize.RegexpTokenizer(WORD_PATTERN).span_tokenize``.

References:
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary
    detection. Computational Linguistics 32(4), 485-525.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

#: A word token: letters/digits joined by hyphens (any dash-like joiner),
#: apostrophes or digit separators.  Punctuation is not a token.
WORD_PATTERN = r"[^\W_]+(?:(?:[-'\u2019\u2010\u2011\u2012\u2013]|(?<=\d)[.,](?=\d))[^\W_]+)*"
WORD_RE = re.compile(WORD_PATTERN)

# Punkt's candidate: sentence-final punctuation followed by more text.
_INTERNAL_CANDIDATE_RE = re.compile(r"[.?!](?=\s+\S|[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb!?])")
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_SIMPLE_PERIOD_CONTEXT = re.compile(r"[(\"'\u201c\u2018\[]*([A-Za-z]{2,})\.\s+\S+")
_SIMPLE_BANG_CONTEXT = re.compile(r"[(\"'\u201c\u2018\[]*[A-Za-z]{2,}[?!]\s+\S+")


class _FastPunkt(PunktSentenceTokenizer):
    """Punkt with a shortcut for the decision Punkt itself makes trivially."""

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._abbrev = frozenset(params.abbrev_types)
        self._colloc_first = frozenset(a for a, _ in params.collocations)

    def text_contains_sentbreak(self, text: str) -> bool:  # noqa: D102 - same contract as NLTK
        m = _SIMPLE_PERIOD_CONTEXT.fullmatch(text)
        if m is not None:
            typ = m.group(1).lower()
            # First pass: a period after a non-abbreviation is a break; the
            # second pass can only undo it through a collocation.
            if typ not in self._abbrev and typ not in self._colloc_first:
                return True
        elif _SIMPLE_BANG_CONTEXT.fullmatch(text) is not None:
            return True
        return super().text_contains_sentbreak(text)


def punkt_parameters() -> PunktParameters:
    """Punkt's English parameters from the ``punkt`` package (no download).

    Example:
        >>> p = punkt_parameters()
        >>> "dr" in p.abbrev_types
        True
    """
    from punkt.data import english

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES)
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    params.ortho_context = defaultdict(int, english.ORTHO_CONTEXT)
    return params


@lru_cache(maxsize=1)
def punkt_tokenizer() -> PunktSentenceTokenizer:
    """The shared Punkt sentence tokenizer (built once).

    Example:
        >>> tok = punkt_tokenizer()
        >>> tok.tokenize("Dr. Smith went home. He was tired.")
        ['Dr. Smith went home.', 'He was tired.']
    """
    return _FastPunkt(punkt_parameters())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets into ``text``; whitespace-only text has none.

    Line breaks always end a sentence; inside a line Punkt decides.

    Example:
        >>> t = "Retribution is inevitable. He said so on May 16.\\nNew line"
        >>> [t[a:b] for a, b in sentence_spans(t)]
        ['Retribution is inevitable.', 'He said so on May 16.', 'New line']
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        a, b = line.span()
        seg = line.group()
        stripped = seg.strip()
        if not stripped:
            continue
        if _INTERNAL_CANDIDATE_RE.search(seg) is None:
            lead = len(seg) - len(seg.lstrip())
            spans.append((a + lead, a + lead + len(stripped)))
            continue
        for s, e in punkt_tokenizer().span_tokenize(seg):
            if e > s:
                spans.append((a + s, a + e))
    return spans


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word-token ``(start, end)`` offsets into ``text`` (optionally within a slice).

    Example:
        >>> t = "The neo-Nazi regime’s 12,000 idiots."
        >>> [t[a:b] for a, b in word_spans(t)]
        ['The', 'neo-Nazi', 'regime’s', '12,000', 'idiots']
    """
    stop = len(text) if end is None else end
    return [m.span() for m in WORD_RE.finditer(text, start, stop)]


def count_words(text: str) -> int:
    """Number of word tokens (the denominator of every rate).

    Example:
        >>> count_words("They are idiots.")
        3
    """
    return len(WORD_RE.findall(text))
