"""Russian and Ukrainian normalisation, tokens, sentences and lemmas, with offsets into the original.

* :func:`normalize_cyrillic` makes a copy of the text **of the same length**
  (one character for one character), so every offset into it is an offset
  into the original: case folded; ``ё`` -> ``е``; the Ukrainian apostrophe
  variants ``ʼ ’ ‘ ` ′`` -> ``'``; hyphen variants (U+2010, U+2011, U+2012)
  -> ``-``; Latin letters that look Cyrillic (``A a B C c E e H K k M O o P p
  T X x y I i``) -> their Cyrillic twins, but only inside a word that also
  has Cyrillic letters ("Kиев" with a Latin K is "киев"; "Kyiv" stays).
* :func:`tokens` finds the words, each with a lemma.  Two tokenizers give
  the same words: ``"fast"`` (default), one regular expression (letters and
  digits, joined by inner hyphens and apostrophes), and ``"razdel"``
  (``razdel.tokenize``, with a word that razdel cuts at an apostrophe,
  "об'єднаних", joined back).  On 15,341 ru/uk statements (resistinua
  sentences and the SemEval Russian paragraphs) they agree on every word of
  99.8 % of statements; the 34 others are razdel gluing a dash to the next
  word ("–не") or splitting a mixed-script word.  ``fast`` is about five
  times quicker, which the >= 5,000 statements/s target needs on a loaded
  machine; ``razdel`` is there for exact razdel compatibility.
* :func:`lemma` is the pymorphy3 lemma of the most probable parse, from the
  installed ``pymorphy3-dicts-ru`` / ``-uk`` (no download), with ``ё`` ->
  ``е``; a Russian full participle is lemmatised to its masculine nominative
  singular ("освобождённого" -> "освобожденный"), not to the verb, so that
  participles used as adjectives can be lexicon entries.  Lemmas are cached
  per language (an unbounded dict: the vocabulary of a corpus is small next
  to its token count).
* A hyphenated word carries the lemmas of its parts too
  (``нацистов-наркоманов`` -> parts ``нацист``, ``наркоман``), so a lexicon
  entry for one part still matches.

Example:
    >>> normalize_cyrillic("Kиев’s")
    "киев's"
    >>> [(t.text, t.lemma) for t in tokens("Ударили по Киеву.", "ru")]
    [('Ударили', 'ударить'), ('по', 'по'), ('Киеву', 'киев')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from analysis.language import repair_homoglyphs
from analysis.scoring.normalize import strip_invisible

if TYPE_CHECKING:
    import pymorphy3

MORPH_LANGUAGES: tuple[str, ...] = ("ru", "uk")
APOSTROPHES = "ʼ’‘`′"
HYPHENS = "\u2010\u2011\u2012"
_FOLD = {ord(a): "'" for a in APOSTROPHES} | {ord(h): "-" for h in HYPHENS}




class Token(NamedTuple):
    """One word: ``original[start:end]`` is its surface; ``lemma`` and ``norm`` are normalised."""

    start: int
    end: int
    text: str
    lemma: str
    parts: tuple[str, ...] = ()
    #: the word as :func:`normalize_cyrillic` writes it (what the lemma was looked up by)
    norm: str = ""


def _lower_one(ch: str) -> str:
    low = ch.lower()
    # a few characters lower-case to two ("İ"): keep them, to keep the length
    return low if len(low) == 1 else ch


def normalize_cyrillic(text: str) -> str:
    """The same-length normalised copy described in the module docstring.

    Example:
        >>> s = "Об’єднаних ЁЛКА Kиев"
        >>> n = normalize_cyrillic(s)
        >>> n, len(n) == len(s)
        ("об'єднаних елка киев", True)
    """
    out = repair_homoglyphs(text.translate(_FOLD))
    low = out.lower()
    if len(low) != len(out):
        low = "".join(_lower_one(ch) for ch in out)
    return low.replace("ё", "е")


@lru_cache(maxsize=2)
def analyzer(language: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyzer for ``ru`` or ``uk``, loaded once from the installed dictionaries.

    Example:
        >>> analyzer("uk").lang
        'uk'
    """
    if language not in MORPH_LANGUAGES:
        raise ValueError(f"no morphology for language {language!r}; expected one of {MORPH_LANGUAGES}")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


_CACHE: dict[str, dict[str, str]] = {lang: {} for lang in MORPH_LANGUAGES}
#: distinct words kept per language; a corpus of millions of articles has a
#: vocabulary that keeps growing (names, typos, URLs), so a full cache is
#: emptied and refilled: lemmas are pure, only time is lost, never a result
LEMMA_CACHE_MAX = 500_000


_PERSONAL = frozenset({"Name", "Surn", "Patr"})


def _best_parse(word: str, language: str) -> pymorphy3.analyzer.Parse:
    parses = analyzer(language).parse(word)
    best = parses[0]
    # the uk dictionary has no frequencies (every score 1.0), so its first
    # parse is often a rare personal name ("києві" -> the name "Кий"); among
    # equally scored parses prefer one that is not a personal name
    if best.tag.grammemes & _PERSONAL:
        for other in parses[1:]:
            if other.score < best.score:
                break
            if not other.tag.grammemes & _PERSONAL:
                return other
    return best


def _analyse(word: str, language: str) -> str:
    try:
        parse = _best_parse(word, language)
    except (KeyError, ValueError):
        # pymorphy3's shape guesser looks up unicodedata names, which some
        # letters lack (Tangut, unassigned code points): the word is its own lemma
        return word
    if parse.tag.POS == "PRTF":
        inflected = parse.inflect({"masc", "sing", "nomn"})
        if inflected is not None:
            return str(inflected.word).replace("ё", "е")
    return str(parse.normal_form).replace("ё", "е")


def lemma(word: str, language: str) -> str:
    """Lemma of one normalised (lower-case) word in ``ru`` or ``uk``; cached.

    Example:
        >>> lemma("рашистів", "uk"), lemma("укронацистов", "ru")
        ('рашист', 'укронацист')
    """
    cache = _CACHE.get(language)
    if cache is None:
        raise ValueError(f"no morphology for language {language!r}; expected one of {MORPH_LANGUAGES}")
    found = cache.get(word)
    if found is None:
        found = _analyse(word, language)
        if len(cache) >= LEMMA_CACHE_MAX:
            cache.clear()
        cache[word] = found
    return found


_FORM_POS = frozenset({"NOUN", "ADJF"})
_DEGREE = frozenset({"Supr", "COMP"})
#: most probable parses that may stand for a noun: an unknown noun is often
#: guessed as a short adjective first ("рашист")
_FORM_BEST = frozenset({"NOUN", "ADJF", "ADJS"})


def entry_forms(word: str, language: str) -> frozenset[str]:
    """Normalised inflected forms of a lexicon word that is a noun or an adjective.

    The paradigms of the pymorphy3 parses in which ``word`` (normalised, lower
    case) is a nominative noun or adjective, joined, when its most probable
    parse is a noun or a (full or short) adjective.  Empty for other parts of speech (verbs and
    the rest are matched on their lemma alone) and for a
    word that is not nominative (a phrase word such as "данным" in "по данным"
    would bring in the forms of another word, "данный").

    Example:
        >>> {"нацполка", "нацполков", "нацполками"} <= entry_forms("нацполк", "ru")
        True
        >>> entry_forms("уничтожить", "ru")
        frozenset()
    """
    try:
        best = _best_parse(word, language)
        if best.tag.POS not in _FORM_BEST:
            # "в", "по", "мочь": a preposition or a verb has no noun paradigm to add
            return frozenset()
        parses = [p for p in analyzer(language).parse(word)
                  if p.tag.POS in _FORM_POS and "nomn" in p.tag.grammemes]
    except (KeyError, ValueError):
        return frozenset()  # letters pymorphy3 cannot name (see _analyse)
    if "nomn" in best.tag.grammemes:
        # "животное" is also the adjective "животный": keep the reading the lemma is
        parses = [p for p in parses if p.normal_form == best.normal_form]
    return frozenset(str(f.word).replace("ё", "е") for p in parses for f in p.lexeme
                     if f.tag.POS in _FORM_POS and not f.tag.grammemes & _DEGREE)


def _is_word(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _raw_words(norm: str) -> list[tuple[int, int]]:
    from razdel import tokenize

    spans: list[tuple[int, int]] = []
    for tok in tokenize(norm):
        start, stop = tok.start, tok.stop
        # razdel cuts "об'єднаних" into three tokens; glue word + "'" + word back
        if (len(spans) >= 2 and norm[spans[-1][0]:spans[-1][1]] == "'"
                and spans[-1][0] == spans[-2][1] and spans[-1][1] == start and _is_word(tok.text)):
            spans.pop()
            start = spans.pop()[0]
        spans.append((start, stop))
    return [(a, b) for a, b in spans if _is_word(norm[a:b])]


_FAST_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
TOKENIZERS: tuple[str, ...] = ("fast", "razdel")


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _fast_words(norm: str) -> list[tuple[int, int]]:
    # most words are all letters: isalpha() settles them without a second regex
    return [m.span() for m in _FAST_WORD.finditer(norm)
            if m.group().isalpha() or _HAS_LETTER.search(m.group())]


def tokens(text: str, language: str, tokenizer: str = "fast", *, stripped: bool = False) -> list[Token]:
    """Words of ``text`` with offsets into ``text`` and lemmas in ``language``.

    ``tokenizer`` is ``"fast"`` or ``"razdel"`` (see the module docstring).
    ``stripped=True`` says ``text`` is already the output of
    :func:`~analysis.scoring.normalize.strip_invisible` (as in ``score_frame``),
    which is final, so it is not scanned for invisible characters again.

    Example:
        >>> [t.parts for t in tokens("нацистов-наркоманов", "ru")]
        [('нацист', 'наркоман')]
        >>> [t.text for t in tokens("Об’єднаних Націй", "uk", tokenizer="razdel")]
        ['Об’єднаних', 'Націй']
        >>> [(t.start, t.end, t.lemma) for t in tokens("режи\u0301м", "ru")]
        [(0, 6, 'режим')]
    """
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer must be one of {TOKENIZERS}, got {tokenizer!r}")
    # a stress mark, soft hyphen or zero-width character inside a word must
    # not split it: words are read without them, offsets stay on ``text``
    clean, offsets = (text, None) if stripped else strip_invisible(text)
    norm = normalize_cyrillic(clean)
    spans = _fast_words(norm) if tokenizer == "fast" else _raw_words(norm)
    out: list[Token] = []
    for start, end in spans:
        word = norm[start:end]
        parts: tuple[str, ...] = ()
        if "-" in word:
            pieces = [p for p in word.split("-") if _is_word(p)]
            if len(pieces) > 1:
                parts = tuple(lemma(p, language) for p in pieces)
        a, b = (start, end) if offsets is None else (offsets[start], offsets[end])
        out.append(Token(a, b, text[a:b], lemma(word, language), parts, word))
    return out


class Sentence(NamedTuple):
    """One razdel sentence: ``original[start:end]``."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """razdel sentences with offsets into ``text``.

    Example:
        >>> [s.text for s in sentences("Он сказал. Она ушла.")]
        ['Он сказал.', 'Она ушла.']
    """
    from analysis.language import razdel_sentences  # razdel's sentences in linear time

    return [Sentence(*s) for s in razdel_sentences(text)]


def lemma_cache_size(language: str) -> int:
    """How many distinct words the ``language`` lemma cache holds.

    Example:
        >>> lemma_cache_size("ru") >= 0
        True
    """
    return len(_CACHE[language])
