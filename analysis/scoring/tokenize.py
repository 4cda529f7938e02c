"""Sentence and word spans with offsets into the original text.

Sentences: NLTK's Punkt (Kiss & Strunk 2006) with the published English
parameters from the ``punkt`` package (abbreviations, collocations, sentence
starters, orthographic context), loaded into
:class:`nltk.tokenize.punkt.PunktParameters`.  Hard line breaks are sentence
boundaries too (news text puts headlines, datelines and paragraphs on their
own lines).  Punkt's output is kept exactly while avoiding most of its cost:

* a line with no *internal* candidate (``.``, ``?`` or ``!`` followed by more
  text) is one sentence and never reaches Punkt;
* for the common candidates (a period after a plain word, an abbreviation,
  an initial or a number, followed by a plain word or number; ``?``/``!``;
  closing quotes) Punkt's own decision -- first pass, collocation,
  orthographic and sentence-starter heuristics with the same parameters --
  is computed directly (:meth:`_FastPunkt.decide`); any other line goes
  through NLTK's ``span_tokenize`` unchanged.  Tests check equality with
  NLTK on real news lines.

Words: one compiled regular expression (letters/digits joined by hyphens,
apostrophes, periods or commas with no space between), the equivalent of
``nltk.tokenize.RegexpTokenizer(WORD_PATTERN).span_tokenize``.

References:
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary
    detection. Computational Linguistics 32(4), 485-525.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.scoring.normalize import INVISIBLE_CHARS, strip_invisible

#: A word token: letters/digits joined by hyphens (any dash-like joiner),
#: apostrophes or digit separators.  Punctuation is not a token.
WORD_PATTERN = r"[^\W_]+(?:[-'.,\u2019\u2010-\u2013][^\W_]+)*"
WORD_RE = re.compile(WORD_PATTERN)
# ASCII text is counted without a regex: letters/digits -> "a", joiners -> "j",
# anything else -> " "; a token starts at an "a" not preceded by "a" or "aj".
_COUNT_TABLE = bytes(
    ord("a") if chr(i).isalnum() and i < 128 else ord("j") if chr(i) in "-'.," else ord(" ")
    for i in range(256)
)
# Other text first has each distinct non-ASCII character replaced by its
# class in UTF-8 bytes (a character's encoding only occurs at character
# boundaries), which is several times faster than the regex on such text.
_ASCII_BYTES = bytes(range(128))
_JOINERS = frozenset("\u2019\u2010\u2011\u2012\u2013")  # WORD_PATTERN's non-ASCII joiners

# Punkt's candidate: sentence-final punctuation followed by more text
# (NLTK's period_context_re lookahead, English NonWord characters).
_INTERNAL_CANDIDATE_RE = re.compile(
    r"[.?!](?=(?:[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb!?])|\s+(\S+))"
)
_LINE_RE = re.compile(r"[^\n\r]+")
# Cheap superset of the candidate test: punctuation then space or a NonWord char.
_MAYBE_CANDIDATE_RE = re.compile(r"[.?!][\s)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb!?]")
# Token shapes whose Punkt annotation is computed directly (see _decide).
_PREV_WORD_RE = re.compile(r"[(\"`{\[]*([A-Za-z](?:[A-Za-z.-]*[A-Za-z])?|\d+)")
_CONTEXT_RE = re.compile(r"(\S*)([.?!])\s+(\S+)")
_NEXT_WORD_RE = re.compile(r"(?:([A-Za-z]+)(?:['\u2019][A-Za-z]+)?[,;:]?|(\d+)[,;:]?|([A-Za-z]{2,}|\d+)\.)")
# Lone next tokens Punkt reads like a caseless word (NLTK's word tokenizer
# keeps them whole: they are neither NonWord characters nor ASCII '-').
_DASH_TOKENS = frozenset(["\u2014", "\u2013"])
# Closing punctuation that Punkt moves back onto the previous sentence.
_CLOSERS = "\"')\\]}\u2018\u2019\u201c\u201d\xab\xbb"
_TAIL_RE = re.compile(f"[{_CLOSERS}]+")
_CLOSE_RUN_RE = re.compile(f"[{_CLOSERS}]+?\\s+(?=\\S)")

_ORTHO_MID_UC = 1 << 2
_ORTHO_BEG_LC = 1 << 4
_ORTHO_UC = (1 << 1) | (1 << 2) | (1 << 3)
_ORTHO_LC = (1 << 4) | (1 << 5) | (1 << 6)


class _FastPunkt(PunktSentenceTokenizer):
    """NLTK's Punkt, with its own decisions computed directly for simple tokens.

    ``decide`` reproduces Punkt's first and second annotation passes
    (abbreviation, collocation, orthographic and sentence-starter heuristics,
    initials and numbers) for a period after a plain word, initial or number
    followed by a plain word or number.  Anything else returns ``None`` and
    the caller falls back to NLTK's own ``span_tokenize``.
    """

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._abbrev = frozenset(params.abbrev_types)
        self._colloc = frozenset(params.collocations)
        self._colloc_first = frozenset(a for a, _ in params.collocations)
        self._starters = frozenset(params.sent_starters)
        self._ortho = dict(params.ortho_context)

    def _ortho_guess(self, word: str, typ: str) -> bool | str:
        oc = self._ortho.get(typ, 0)
        upper, lower = word[0].isupper(), word[0].islower()
        if upper and (oc & _ORTHO_LC) and not (oc & _ORTHO_MID_UC):
            return True
        if lower and ((oc & _ORTHO_UC) or not (oc & _ORTHO_BEG_LC)):
            return False
        return "unknown"

    def decide(self, prev: str, punct: str, nxt: str) -> bool | None:
        """Is there a break at ``prev + punct + ' ' + nxt``?  ``None``: not a simple case."""
        if punct != ".":
            return None if prev[-1:] in ".?!" or not prev else True
        pm = _PREV_WORD_RE.fullmatch(prev)
        if pm is None:
            return None
        core = pm.group(1)
        if ".." in core or "--" in core:
            return None
        if core[0].isdigit():
            typ, initial, abbr = "##number##", False, False
        else:
            typ = core.lower()
            initial = len(core) == 1
            abbr = typ in self._abbrev or typ.split("-")[-1] in self._abbrev
            if not abbr and not initial and typ not in self._colloc_first:
                # first pass: a break; only a collocation could undo it
                return True
        nm = _NEXT_WORD_RE.fullmatch(nxt)
        if nm is not None:
            word = nm.group(1) or nm.group(2) or nm.group(3)
            if nm.group(3) and word.lower() in self._abbrev:
                return None  # the next token is itself an abbreviation
            next_typ = "##number##" if word[0].isdigit() else word.lower()
        elif nxt in _DASH_TOKENS:
            # a lone dash ("on May 19. — Ukrinform."): a token of its own,
            # neither upper nor lower case, so orthography says "unknown"
            word = next_typ = nxt
        else:
            return None
        if (typ, next_typ) in self._colloc:
            return False
        if abbr and not initial:
            if self._ortho_guess(word, next_typ) is True:
                return True
            if word[0].isupper() and next_typ in self._starters:
                return True
        if initial or typ == "##number##":
            o = self._ortho_guess(word, next_typ)
            if o is False:
                return False
            if o == "unknown" and initial and word[0].isupper() and not (self._ortho.get(next_typ, 0) & _ORTHO_LC):
                return False
        return not abbr

    def text_contains_sentbreak(self, text: str) -> bool:  # noqa: D102 - NLTK's contract
        m = _CONTEXT_RE.fullmatch(text)
        if m is not None:
            d = self.decide(m.group(1), m.group(2), m.group(3))
            if d is not None:
                return d
        return super().text_contains_sentbreak(text)

    def fast_spans(self, seg: str) -> list[tuple[int, int]] | None:
        """Punkt's spans of a stripped single line, or ``None`` if NLTK must decide."""
        spans: list[tuple[int, int]] = []
        last = 0
        for m in _INTERNAL_CANDIDATE_RE.finditer(seg):
            nxt = m.group(1)
            i = m.start()
            run = None
            if nxt is None:
                if _TAIL_RE.fullmatch(seg, i + 1):
                    break  # closing quotes to the end: realigned into this sentence
                run = _CLOSE_RUN_RE.match(seg, i + 1)
                if run is None:
                    return None
                nxt = seg[i + 1]
            prev = seg[seg.rfind(" ", 0, i) + 1 : i]
            if not prev.isprintable():
                return None  # other whitespace (or control characters): let NLTK decide
            d = self.decide(prev, seg[i], nxt)
            if d is None:
                return None
            if d:
                if run is None:
                    spans.append((last, i + 1))
                    last = m.start(1)
                else:
                    spans.append((last, i + 1 + len(run.group().rstrip())))
                    last = run.end()
        spans.append((last, len(seg)))
        return spans


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
def punkt_tokenizer() -> _FastPunkt:
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
    if "\n" not in text and "\r" not in text:
        stripped = text.strip()
        if not stripped:
            return []
        a = 0 if stripped is text else len(text) - len(text.lstrip())
        # A candidate is a '.', '?' or '!' with something after it; most
        # statements have none before their last character (str.find is
        # much cheaper than the regular expressions).
        if (
            (stripped.find(".", 0, -1) < 0 and stripped.find("?", 0, -1) < 0 and stripped.find("!", 0, -1) < 0)
            or _MAYBE_CANDIDATE_RE.search(stripped) is None
            or _INTERNAL_CANDIDATE_RE.search(stripped) is None
        ):
            return [(a, a + len(stripped))]
        tok1 = punkt_tokenizer()
        fast = tok1.fast_spans(stripped)
        if fast is None:
            fast = [(s, e) for s, e in tok1.span_tokenize(stripped) if e > s]
        return [(a + s, a + e) for s, e in fast] if a else fast
    spans: list[tuple[int, int]] = []
    tok: _FastPunkt | None = None
    for line in _LINE_RE.finditer(text):
        seg = line.group()
        stripped = seg.strip()
        if not stripped:
            continue
        a = line.start() + len(seg) - len(seg.lstrip())
        if _INTERNAL_CANDIDATE_RE.search(stripped) is None:
            spans.append((a, a + len(stripped)))
            continue
        tok = tok or punkt_tokenizer()
        fast = tok.fast_spans(stripped)
        if fast is None:
            fast = [(s, e) for s, e in tok.span_tokenize(stripped) if e > s]
        spans.extend((a + s, a + e) for s, e in fast)
    return spans


class Span(NamedTuple):
    """A piece of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text``, with offsets: the splitter every score uses.

    Punkt with its English parameters, and every line break ends a sentence
    (:func:`sentence_spans`); each span is stripped of surrounding
    whitespace, and a text with no visible characters has none.
    ``score_frame(..., unit="sentence")`` scores exactly these sentences.

    Raises:
        TypeError: ``text`` is not a string.

    Example:
        >>> t = "Dr. Smith spoke on May 16. He left.\\nUpdated at 22.28 BST"
        >>> [(s.start, s.end, s.text) for s in split_sentences(t)]
        [(0, 26, 'Dr. Smith spoke on May 16.'), (27, 35, 'He left.'), (36, 56, 'Updated at 22.28 BST')]
        >>> split_sentences("   ")
        []
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str, got {type(text).__name__}")
    return [Span(a, b, text[a:b]) for a, b in sentence_spans(text)]


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

    The invisible characters of :func:`~analysis.scoring.normalize.strip_invisible`
    do not split a word.

    Example:
        >>> count_words("They are idiots."), count_words("They are idi\u00adots.")
        (3, 3)
    """
    # A leading space makes a word at the very start look like any other
    # (cheaper than testing the first bytes apart); it matches no pattern alone.
    if text.isascii():
        b = (" " + text).encode("ascii")
    else:
        # surrogatepass: a lone surrogate (not a word character) must not raise
        b = b" " + text.encode("utf-8", "surrogatepass")
        found = set(b.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
        if not found.isdisjoint(INVISIBLE_CHARS):  # a soft hyphen inside a word: one word
            clean = strip_invisible(text)[0]
            if clean != text:
                return count_words(clean)
        for c in found:
            b = b.replace(
                c.encode("utf-8", "surrogatepass"), b"a" if c.isalnum() else b"-" if c in _JOINERS else b" "
            )
    t = b.translate(_COUNT_TABLE)
    return t.count(b" a") + t.count(b"jja") + t.count(b" ja")


# count_words_many: the classes of _COUNT_TABLE as small integers
_SPACE, _JOIN, _ALNUM = 0, 1, 2
_ASCII_CLASS = bytes(_ALNUM if b == ord("a") else _JOIN if b == ord("j") else _SPACE for b in _COUNT_TABLE[:128])
#: Characters per numpy pass of :func:`count_words_many` (bounds its memory: ~10 bytes each).
_COUNT_CHUNK = 1 << 20


def count_words_many(texts: list[str]) -> list[int]:
    """``[count_words(t) for t in texts]``, with the character classes and word starts in numpy.

    The texts are joined by NUL (a non-word character, like the space
    :func:`count_words` puts in front of each text), so a word start is the
    same test at every position: a letter or digit after a non-word
    character, or after a joiner that does not follow a letter or digit.

    Example:
        >>> count_words_many(["They are idiots.", "", "neo-Nazi regime’s 12,000", "-a", "a\\u2013b"])
        [3, 0, 3, 1, 1]
    """
    out: list[int] = []
    start = size = 0
    for end, text in enumerate(texts):
        size += len(text) + 1
        if size >= _COUNT_CHUNK:
            out += _count_chunk(texts[start : end + 1])
            start, size = end + 1, 0
    if start < len(texts):
        out += _count_chunk(texts[start:])
    return out


def _count_chunk(texts: list[str]) -> list[int]:
    import numpy as np

    joined = "\x00" + "\x00".join(texts)
    # one element per code point (lone surrogates too, as count_words sees them)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = np.frombuffer(_ASCII_CLASS, dtype=np.uint8)
    if int(points.max()) < 128:
        cls = table[points]
    else:
        cls = np.empty(len(points), dtype=np.uint8)
        ascii_ = points < 128
        cls[ascii_] = table[points[ascii_]]
        distinct, where = np.unique(points[~ascii_], return_inverse=True)
        if not INVISIBLE_CHARS.isdisjoint(map(chr, distinct.tolist())):  # rare: see count_words
            return [count_words(t) for t in texts]
        classes = [_ALNUM if c.isalnum() else _JOIN if c in _JOINERS else _SPACE for c in map(chr, distinct.tolist())]
        cls[~ascii_] = np.array(classes, dtype=np.uint8)[where]
    starts = np.zeros(len(cls), dtype=np.bool_)
    starts[1:] = (cls[1:] == _ALNUM) & (cls[:-1] == _SPACE)
    # after a joiner: a start unless a letter or digit precedes the joiner (index 0 is NUL)
    starts[2:] |= (cls[2:] == _ALNUM) & (cls[1:-1] == _JOIN) & (cls[:-2] != _ALNUM)
    bounds = np.zeros(len(texts), dtype=np.int64)
    np.cumsum([len(t) + 1 for t in texts[:-1]], out=bounds[1:])
    counts: list[int] = np.add.reduceat(starts, bounds, dtype=np.int64).tolist()
    return counts
