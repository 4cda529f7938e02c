"""Language of a text (en, ru, uk, other) by script and letter rules, no model download.

Rule (:func:`detect_language`), applied to the letters of the text:

1. No letters, or fewer Latin and Cyrillic letters together than other
   letters (Greek, Arabic, CJK, ...): ``other``.
2. More Latin than Cyrillic letters: ``en`` when at least one frequent
   English function word (``EN_WORDS``) occurs or the text has fewer than
   four words (a name, a headline fragment); with neither, ``other`` when a
   function word of French, German, Italian, Spanish or Polish
   (``FOREIGN_LATIN_WORDS``) occurs, else ``en`` (an English headline such
   as "Russian forces shell Kharkiv again" has no function word at all).
3. More Cyrillic than Latin letters: evidence for Ukrainian is the letters
   ``і ї є ґ`` and frequent Ukrainian-only words (``UK_WORDS``); evidence for
   Russian is ``ы э ъ ё`` and frequent Russian-only words (``RU_WORDS``).
   Each distinctive letter counts 1, each frequent word 2.  More Ukrainian
   evidence: ``uk``; more Russian: ``ru``.  Equal evidence is ``ru``, with
   status ``tie`` (some evidence each way) or ``undetermined`` (none at all,
   e.g. the bare name "Киев") from :func:`detect_language_status`, so a
   caller can pass ``language=`` for such texts.
   Belarusian ``ў`` and Serbian/Macedonian ``ђ ј љ њ ћ џ ѓ ќ ѕ`` make the text
   ``other``.

A text without a Cyrillic letter is decided as a whole (rules 1-2): it
cannot be ``ru`` or ``uk``, and scoring English at corpus scale must not pay
for a per-sentence pass.

Mixed texts (:func:`language_spans`): the rule runs per razdel sentence and
adjacent sentences of one language are merged; :func:`detect_language` of a
mixed text is the language with the most letters over those spans, so a
Russian article quoting one Ukrainian sentence is ``ru`` and the Ukrainian
sentence is still found by :func:`language_spans`.

Example:
    >>> detect_language("Президент заявил, что это неприемлемо.")
    'ru'
    >>> detect_language("Президент заявив, що це неприйнятно.")
    'uk'
    >>> detect_language("The president said it was unacceptable.")
    'en'
    >>> detect_language("12345")
    'other'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, NamedTuple

Language = Literal["en", "ru", "uk", "other"]
LANGUAGES: tuple[str, ...] = ("en", "ru", "uk", "other")

UK_LETTERS = frozenset("іїєґІЇЄҐ")
RU_LETTERS = frozenset("ыэъёЫЭЪЁ")
OTHER_CYRILLIC = frozenset("ўЎђЂјЈљЉњЊћЋџЏѓЃќЌѕЅ")
#: Frequent Ukrainian words with no identical Russian word (checked against
#: both pymorphy3 dictionaries' frequent forms; ``і``/``є`` words are caught
#: by the letters anyway).
UK_WORDS = frozenset(
    "та що це як але його від вона вони або коли якщо вже лише тільки щоб був була були "
    "ми ви й зі із до про цей ця ці тому також дуже через між після наш наша наші".split()
)
#: Frequent Russian words with no identical Ukrainian word.
RU_WORDS = frozenset(
    "и что это как но его от она они или когда если уже только чтобы был была были "
    "мы вы же со из про этот эта эти поэтому также очень через между после наш наша наши".split()
)
# words in both lists are evidence for neither
_SHARED = UK_WORDS & RU_WORDS
UK_WORDS = UK_WORDS - _SHARED
RU_WORDS = RU_WORDS - _SHARED
EN_WORDS = frozenset(
    "the of and to in is was that for on with as by at from it are be this have has said "
    "not but an or were will would he she they we you his her their its our who which what "
    "been had after against into about than says there them".split()
)
#: Frequent function words of the other Latin-script languages of European
#: news (French, German, Italian, Spanish, Polish) that are not English words;
#: words English text also uses as words or abbreviations ("i", "do", "no",
#: "per", "come", "con", "al", "dem", "mit", "co") are left out (rule 2).
FOREIGN_LATIN_WORDS = frozenset(
    "le la les des du une est et dans pour qui que pas sur au aux ce cette sont avec il elle "
    "ils nous vous mais ou dit der die das und ist nicht ein eine zu den von des sich auch "
    "es wird sind wurde nach bei aus wie im lo gli della che di non una sono del dei nel da "
    "si anche ma el los las por y se su para lo como pero w z na nie jest jak ale tak za "
    "où été für über è più più perché más że się już".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['ʼ’‘-][^\W\d_]+)*")


class LanguageSpan(NamedTuple):
    """A stretch ``text[start:end]`` in one language."""

    start: int
    end: int
    language: str


_LETTER = re.compile(r"[^\W\d_]")
#: the Cyrillic block, U+0400-U+04FF, as the body of a character class: every Russian and Ukrainian
#: letter (and the Cyrillic of the other Slavic languages, OTHER_CYRILLIC).  The Cyrillic supplement
#: (U+0500-U+052F) is left out: no Russian or Ukrainian text needs it.  One definition for every stage
#: that counts or looks for Cyrillic (script choice, language runs, VADER's script check, corpus filters)
CYRILLIC_BLOCK = "\u0400-\u04ff"
#: one character of :data:`CYRILLIC_BLOCK`
CYRILLIC = re.compile(f"[{CYRILLIC_BLOCK}]")
#: the ASCII Latin letters, as a class body, and one such letter: what the Cyrillic is weighed against
LATIN_ASCII = "A-Za-z"
LATIN = re.compile(f"[{LATIN_ASCII}]")
#: the lower- and upper-case letters of the Russian and Ukrainian alphabets together, as class
#: bodies (a-я leaves out ё, і, ї, є, ґ): where a rule needs a letter of the two languages only
RU_UK_LOWER = "а-яёіїєґ"
RU_UK_UPPER = "А-ЯЁІЇЄҐ"
#: Latin letter -> its Cyrillic look-alike (upper and lower case as they appear)
HOMOGLYPHS: dict[str, str] = dict(zip(
    "AaBCcEeHKkMOoPpTXxyIi", "АаВСсЕеНКкМОоРрТХхуІі", strict=True,
))
# a word of letters holding both a Latin and a Cyrillic letter
MIXED_WORD = re.compile(
    rf"[^\W\d_]*(?:[{LATIN_ASCII}][^\W\d_]*[{CYRILLIC_BLOCK}]|[{CYRILLIC_BLOCK}][^\W\d_]*[{LATIN_ASCII}])[^\W\d_]*"
)
# a homoglyph inside a Cyrillic word always touches a Cyrillic letter: the cheap pre-test
SCRIPT_TOUCH = re.compile(f"[{LATIN_ASCII}][{CYRILLIC_BLOCK}]|[{CYRILLIC_BLOCK}][{LATIN_ASCII}]")


def _fix_homoglyphs(match: re.Match[str]) -> str:
    return "".join(HOMOGLYPHS.get(ch, ch) for ch in match.group())


def repair_homoglyphs(text: str) -> str:
    """``text`` with Latin look-alikes inside mixed-script words made Cyrillic; same length.

    Only a word that holds both scripts changes ("Kиев" with a Latin K), so
    English words and Latin names beside Cyrillic ones are kept.  Case is
    kept, and each character maps to one, so offsets into the result are
    offsets into ``text``.

    Example:
        >>> repair_homoglyphs("заявил Пескoв, сказал Macron")  # Latin o in Пескoв
        'заявил Песков, сказал Macron'
    """
    if not SCRIPT_TOUCH.search(text):  # the word-level pattern is slow
        return text
    return MIXED_WORD.sub(_fix_homoglyphs, text)


_UK_LETTER = re.compile("[" + "".join(sorted(UK_LETTERS)) + "]")
_RU_LETTER = re.compile("[" + "".join(sorted(RU_LETTERS)) + "]")
_OTHER_CYRILLIC = re.compile("[" + "".join(sorted(OTHER_CYRILLIC)) + "]")


def _letter_counts(text: str) -> tuple[int, int, int]:
    # regex counting runs in C: detection must not cost more than matching
    latin = len(LATIN.findall(text)) if LATIN.search(text) else 0
    cyrillic = len(CYRILLIC.findall(text))
    other = len(_LETTER.findall(text)) - latin - cyrillic
    return latin, cyrillic, other


def _cyrillic_evidence(text: str) -> tuple[int, int, bool]:
    uk = len(_UK_LETTER.findall(text))
    ru = len(_RU_LETTER.findall(text))
    foreign = _OTHER_CYRILLIC.search(text) is not None
    for word in _WORD.findall(text.lower()):
        if word in UK_WORDS:
            uk += 2
        elif word in RU_WORDS:
            ru += 2
    return uk, ru, foreign


def detect_language_status(text: str) -> tuple[Language, str]:
    """The language and how it was decided: ``ok`` or ``undetermined``.

    ``undetermined`` means Cyrillic text with no Russian or Ukrainian
    evidence at all (a bare name such as "Киев"); it is given ``ru``.

    Example:
        >>> detect_language_status("Киев")
        ('ru', 'undetermined')
        >>> detect_language_status("Київ")
        ('uk', 'ok')
    """
    latin, cyrillic, other = _letter_counts(text)
    if latin + cyrillic == 0 or latin + cyrillic < other:
        return "other", "ok"
    if latin > cyrillic:
        return _latin_words_language(_WORD.findall(text.lower())), "ok"
    uk, ru, foreign = _cyrillic_evidence(text)
    if foreign:
        return "other", "ok"
    if uk > ru:
        return "uk", "ok"
    if ru > uk:
        return "ru", "ok"
    return "ru", ("undetermined" if uk == 0 else "tie")


def _detect_one(text: str) -> Language:
    return detect_language_status(text)[0]


class RazdelSentence(NamedTuple):
    """One sentence of :func:`razdel_sentences`: ``text`` is ``original[start:stop]``."""

    start: int
    stop: int
    text: str


def razdel_sentences(text: str) -> list[RazdelSentence]:
    """``razdel.sentenize(text)``, sentence for sentence, in time linear in the text.

    razdel builds each sentence by string concatenation, one copy per
    delimiter it joins, so a text with many quote marks and no sentence end
    (``«a» «b» ...``) took quadratic time (240 KB 0.5 s, 2 MB half a
    minute).  Its rules read only the ten characters either side of a
    delimiter and, for list items, a sentence so far of at most
    ``BULLET_SIZE`` characters; so this walks razdel's own splits and rules
    with offsets, handing the rules at most ``BULLET_SIZE + 1`` characters of
    the sentence so far.  The output is razdel's (razdel is pinned; the tests
    compare the two on random texts).

    Example:
        >>> [s.text for s in razdel_sentences("Он сказал: «Да». Она ушла.")]
        ['Он сказал: «Да».', 'Она ушла.']
    """
    from razdel.segmenters.sentenize import BULLET_SIZE  # type: ignore[import-untyped]
    from razdel.segmenters.sentenize import sentenize as segmenter

    parts = segmenter.split(text)  # part, split, part, ..., part: contiguous slices of text
    chunks: list[str] = []
    start = 0
    end = len(next(parts))
    for split in parts:
        stop = end + len(split.delimiter)
        split.buffer = text[start:min(end, start + BULLET_SIZE + 1)]
        if not segmenter.join(split):
            chunks.append(text[start:stop].strip())
            start = stop
        end = stop + len(next(parts))
    chunks.append(text[start:].strip())
    out, offset = [], 0
    for chunk in chunks:  # razdel's find_substrings
        begin = text.find(chunk, offset)
        offset = begin + len(chunk)
        out.append(RazdelSentence(begin, offset, chunk))
    return out


#: Texts up to this many characters keep their spans in a cache of
#: ``SPAN_CACHE_SIZE`` entries (for a text detected and then split, or
#: scored again); longer ones are split each time, so the cache holds at
#: most ~16 M characters.  Keyed on every text, it grew with the corpus:
#: 65,536 articles of 6 KB held about 0.5 GB while ``score`` streamed a
#: Russian file.
SPAN_CACHE_CHARS = 4096
SPAN_CACHE_SIZE = 4096


def _spans_cached(text: str) -> tuple[LanguageSpan, ...]:
    return _spans_short(text) if len(text) <= SPAN_CACHE_CHARS else _spans(text)


def _spans(text: str) -> tuple[LanguageSpan, ...]:
    spans: list[LanguageSpan] = []
    for sent in razdel_sentences(text):
        lang = _detect_one(sent.text)
        letters = sum(_letter_counts(sent.text)[:2])
        if spans and (spans[-1].language == lang or letters == 0):
            spans[-1] = LanguageSpan(spans[-1].start, sent.stop, spans[-1].language)
        else:
            spans.append(LanguageSpan(sent.start, sent.stop, lang))
    return tuple(spans)


_spans_short = lru_cache(maxsize=SPAN_CACHE_SIZE)(_spans)


def language_spans(text: str) -> list[LanguageSpan]:
    """Per-sentence languages, adjacent sentences of one language merged.

    Example:
        >>> language_spans("Он заявил: всё хорошо. Він зазначив, що все добре.")
        [LanguageSpan(start=0, end=22, language='ru'), LanguageSpan(start=23, end=50, language='uk')]
    """
    return list(_spans_cached(text))


def detect_language(text: str) -> Language:
    """``en``, ``ru``, ``uk`` or ``other`` by the rule in the module docstring.

    Texts of one sentence are decided directly; longer texts take the
    language with the most letters over :func:`language_spans`.

    Example:
        >>> detect_language("Київ. Он сказал, что всё ясно. Это так и есть.")
        'ru'
    """
    # No Cyrillic: never ru/uk, and no per-sentence pass (razdel) either.
    if text.isascii():
        # lower-case words between spaces are there in the lower-cased text too: no lower() needed
        if " the " in text or " of " in text or " to " in text or " and " in text or " in " in text:
            return "en"
        return _latin_script(text.lower())
    rest = _non_ascii(text)
    if CYRILLIC.search(rest) is None:
        if _LETTER.search(rest) is None:
            return _latin_script(text.lower()) if LATIN.search(text) else "other"
        return _detect_one(text)  # accented or other-script letters: count them
    whole = _detect_one(text)
    if len(text) < 200 and text.count(".") + text.count("!") + text.count("?") <= 1:
        return whole
    weight: dict[str, int] = {}
    for span in _spans_cached(text):
        letters = sum(_letter_counts(text[span.start:span.end])[:2])
        weight[span.language] = weight.get(span.language, 0) + letters
    if not weight:
        return whole
    best = max(weight.values())
    # on a tie in letters the whole-text rule decides
    tied = [lang for lang, w in weight.items() if w == best]
    return whole if whole in tied or len(tied) > 1 else _as_language(tied[0])


_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (few in English news: quotes, dashes)."""
    # bytes.translate deletes in C; a character's UTF-8 bytes are all >= 0x80,
    # so what is left decodes to exactly those characters (lone surrogates too)
    raw = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return raw.decode("utf-8", "surrogatepass")


# _latin_script's substring tests are for words of EN_WORDS
assert {"the", "of", "to", "and", "in"} <= EN_WORDS


def _latin_script(low: str) -> Language:
    """Rule 2 for a lower-cased text whose only letters are ASCII (none Cyrillic, none other).

    Its letter counts need no pass of their own: there is a Latin letter
    exactly when there is a word, and nothing can outnumber the Latin ones.

    Example:
        >>> _latin_script("kyiv"), _latin_script("le ministre a dit non"), _latin_script("12:00")
        ('en', 'other', 'other')
    """
    # A whitespace-delimited function word is one of the text's words: the
    # commonest, between two spaces, by substring search; the rest in one set test.
    if " the " in low or " of " in low or " to " in low or " and " in low or " in " in low:
        return "en"
    if not EN_WORDS.isdisjoint(low.split()):
        return "en"
    words = _WORD.findall(low)
    if not words:
        return "other"  # rule 1: no letters
    return _latin_words_language(words)


def _latin_words_language(words: list[str]) -> Language:
    """Rule 2 on the lower-cased words of a mostly Latin-script text.

    Example:
        >>> _latin_words_language("russian forces shell kharkiv again".split())
        'en'
        >>> _latin_words_language("le ministre a dit non".split())
        'other'
    """
    if len(words) < 4 or not EN_WORDS.isdisjoint(words):
        return "en"
    # A headline can lack every English function word ("Russian forces shell
    # Kharkiv again"): it stays English unless another language's function word says not.
    return "other" if not FOREIGN_LATIN_WORDS.isdisjoint(words) else "en"


def language_column(
    texts: Iterable[str | None], language: str | None = None
) -> list[Language]:
    """One language per text, for a ``language`` column; ``language=`` overrides detection.

    A missing text (None) is ``other``: it has no language to detect.  An
    override must be one of ``LANGUAGES``.

    Example:
        >>> language_column(["Он сказал.", "Він сказав.", None])
        ['ru', 'uk', 'other']
        >>> language_column(["Он сказал."], language="uk")
        ['uk']
    """
    if language is not None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
        fixed = _as_language(language)
        return [fixed for _ in texts]
    return [detect_language(t) if isinstance(t, str) else "other" for t in texts]


def _as_language(value: str) -> Language:
    if value == "en":
        return "en"
    if value == "ru":
        return "ru"
    if value == "uk":
        return "uk"
    return "other"
