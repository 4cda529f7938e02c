"""Russian and Ukrainian lexicon matching on lemmas, with multi-word phrases and offsets.

The lexicons are package data, one CSV per dimension and language
(``analysis/scoring/lexicons/{ru,uk}/{hostility,hedging,certainty,loaded,naming}.csv``;
columns ``term, category, weight, side, note, match, context``; see
``lexicons/RU_UK.md``).
Each entry's words are lemmatised once, with the same normalisation and
pymorphy3 analyser as the text (:mod:`analysis.scoring.morph`), so
"киевский режим" matches "киевского режима" and "Київ" matches "Києві".

Matching, per text:

* every word of the text is a :class:`~analysis.scoring.morph.Token` with a
  lemma; an entry matches a run of consecutive word tokens whose lemmas equal
  its lemmas (punctuation between words is skipped: "допустили, что" matches
  the phrase "допустить что");
* a noun or adjective entry word also matches any of its own inflected forms
  (:func:`~analysis.scoring.morph.entry_forms`): pymorphy3 guesses the lemma
  of a word it does not know from the form alone, so the forms of one slang
  word can get different lemmas ("нацполков" -> "нацполок"), while the
  paradigm generated from the entry's dictionary form is stable;
* ``match = prefix`` entries (one word) match any lemma that starts with the
  entry (productive compounds);
* **gaps** (0.12.0): ``...`` between two words of a phrase entry lets up to
  :data:`GAP_WORDS` (3) words stand there, ``...N`` up to N (at most
  :data:`MAX_GAP_WORDS`): "утопить ... в крови" matches "утопили восстание в
  крови"; the nearest match of the next word is taken, and the whole span
  stays within one sentence and clause (the break rule below);
* **numbers** (0.12.0): a chunk of digits in a phrase entry ("страна 404")
  matches those digits right after the previous word (a space or a hyphen
  between: "страны 404", "страна-404"; not "4040", not "404.5").  The
  tokenizer still keeps no number tokens, so no word count or rate of any
  text changes; the digits are read off the text;
* **stem families** (``match = stem``, 0.12.0): a one-word entry written as a
  literal stem (not lemmatised) matches every word whose lemma, or a hyphen
  part of it, begins with the stem, directly or after one of
  :data:`FAMILY_PREFIXES` ("укро-", "нео-", "псевдо-", ...):
  "рашист" covers "рашистский", "рашистка", "укро-рашист"; ``except_stem=``
  lists beginnings that do not count ("укроп", "укромный", "укрощать"); see
  :func:`stem_matches`.  A family counts only a word that no listed entry
  matches as a whole (a listed word is counted as its entry says; a listed
  hyphen part does not stop the families: "укро-нацисты");
* a one-word entry also matches one part of a hyphenated word
  ("нацистов-наркоманов" contains "нацист");
* ``context`` rules ``except_prev=w1|w2`` / ``except_next=...`` drop a match
  when the word before / after it has one of those lemmas (punctuation
  between does not matter), ``except_prev_joined=`` when the word before has
  one of those lemmas and only white space stands between (0.14.0:
  "насколько это возможно" is feasibility, "это, возможно, так" a hedge), ``except_form=``
  when the matched word is one of those forms (first-person "можемо"),
  ``only_form=`` unless the first matched word is one of those forms (the
  intent forms of "уничтожить", not the report "уничтожены"),
  ``except_clause=`` when one of those lemmas stands earlier in the same
  clause, at most :data:`CLAUSE_WINDOW` words back (the purpose clause
  "чтобы люди могли решить" is ability, not a hedge), the flag
  ``not_before_number`` when a digit follows the match ("почти 19 тысяч" is a
  plain quantity), the flag ``not_upper`` when the matched word is written in
  capitals (the abbreviation "АД", blood pressure, is not "ад"), the flag
  ``not_title`` when it is capitalised after another word of its sentence (a
  name: the ship class «Ада», "Золотая Орда"), the flag ``only_lower`` unless
  it is written in lower case (the common noun "майдан", not the name); a
  word written ALL IN CAPITALS (two letters or more: a headline, "СНОВА ОРДА
  ИДЁТ") is case-unknown, so neither ``not_title`` nor ``only_lower`` drops
  it (``not_upper`` still does: "АД" is an abbreviation), and
  the flag ``not_historical`` when the sentence is about the Second World War
  (:data:`HISTORY_CUES`: "нацисты" in a sentence about the Great Patriotic
  War is history, not a label; the English rule of the same name);
* a phrase does not run across ``. ! ? ; : …``, a line break, a quotation
  mark or a dash (``так», — сказал`` is not the phrase "так сказать"); with
  the flag ``quotes_inside`` (0.14.0) quotation marks do not break it, so
  "так называемой «ДНР»" is the phrase "так называемый днр";
* a booster preceded by a negator (``не``, ``ні``, ``ни``) is counted as a
  hedge, category ``negated_booster``, rule :data:`NEGATED_BOOSTER_RULE`, as in
  the English matcher;
* **scare quotes**: one lower-case Cyrillic word alone in quotation marks
  (``«…»``, ``„…“``, ``"…"``: «прозревшие», «благотворительности») is a
  ``loaded`` match of category ``scare_quotes``, side ``neutral``, weight 0.5
  (:data:`SCARE_QUOTES_NOTE`).  Names in quotes («Северный поток», «Ланцет»)
  are capitalised and do not count; a quoted phrase of several words is
  usually a quotation, not irony, and does not count either.  **Off by
  default** from 0.10.0 (``scare_quotes=None`` or ``False``; pass ``True``):
  on fresh Russian text (gold set 2) every single quoted word it counted was
  a mention (a defined term «олигарха», a quoted demand «ясности», a word of
  the quoted speech), and the Ukrainian addresses quote single words as
  mentions («за», «мир»); the English scorer does not count mentions by
  default either;
* overlaps are resolved longest-leftmost within four groups: hostility,
  loaded, stance (hedging + certainty) and naming; across groups a span may
  count twice ("укронацисты" is a hostile name and Russian-side vocabulary).

The output is :class:`analysis.scoring.match.Match`, the English matcher's
type, so that integration can feed the existing counts; ``naming`` is an extra
dimension (``LEMMA_DIMENSIONS``).

Example:
    >>> m = LemmaMatcher.builtin("ru")
    >>> [(x.term, x.dimension, x.side) for x in m.find("Киевского режима нет.")]
    [('киевский режим', 'loaded', 'russian')]
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from analysis import paths
from analysis.constants import DIMENSIONS
from analysis.language import RU_UK_LOWER
from analysis.scoring.lexicon import LexiconError
from analysis.scoring.match import NEGATED_BOOSTER_RULE, Match
from analysis.scoring.morph import (
    MORPH_LANGUAGES,
    Token,
    entry_forms,
    lemma,
    normalize_cyrillic,
    tokens,
)
from analysis.statements.spans import SpanCover

LEMMA_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, "naming")
SIDES: frozenset[str] = frozenset({"russian", "ukrainian", "western", "neutral"})
MATCH_TYPES: frozenset[str] = frozenset({"lemma", "prefix", "stem"})
#: how many words a bare ``...`` in a phrase entry lets stand between its two parts
GAP_WORDS: int = 3
#: the most words a gap ``...N`` may allow (a longer gap is no longer an idiom)
MAX_GAP_WORDS: int = 5
_GAP = re.compile(r"(?:\.\.\.|…)([1-9])?")
_NUMBER = re.compile(r"\d+")
#: combining prefixes a ``match = stem`` family also matches after ("неонацист",
#: "укрофашист", "псевдонацист"); the stem itself may also open any hyphen part
FAMILY_PREFIXES: tuple[str, ...] = (
    "нео", "укро", "псевдо", "квази", "недо", "прото", "ультра", "жидо", "евро", "кремле",
)
CSV_COLUMNS: tuple[str, ...] = ("term", "category", "weight", "side", "note")
NEGATORS: frozenset[str] = frozenset({"не", "ні", "ни"})
SCARE_QUOTES_NOTE = (
    "Scare quotes: a single lower-case word set in quotation marks distances the writer from "
    "the word (ironic quotes of Russian and Ukrainian journalism); rule, not a lexicon entry"
)
_SCARE = re.compile(rf"[«„\"“]([{RU_UK_LOWER}][^\W\d_]*(?:['’ʼ-][^\W\d_]+)*)[»“”\"]")
_BREAK = re.compile(r"[.!?;:…\n«»„“”\"—–]")
#: the phrase break of an entry with the flag ``quotes_inside``: quotation marks do not break it
_BREAK_NO_QUOTES = re.compile(r"[.!?;:…\n—–]")
#: what ends a clause for ``except_clause`` (a comma, a dash or a bracket too)
_CLAUSE_BREAK = re.compile(r"[.!?;:…\n,—–()]")
#: how many words before a match ``except_clause`` looks at
CLAUSE_WINDOW: int = 6
_DIGIT_NEXT = re.compile(r"\s*\d")
_SENTENCE_END = re.compile(r"[.!?…\n]")
#: what, between two words, makes the second one begin a sentence or a quotation
_SENTENCE_START = re.compile(r"[.!?…:\n]")
#: Cues, on the normalised text, that a sentence is about the Second World War
#: or Nazi Germany: a year 1900-1989, the usual ru/uk names of the events and
#: "the Nazi dictator" (always Hitler), "the Nazi blockade" (of Leningrad)
HISTORY_CUES = re.compile(
    r"(?<![\w-])(?:19[0-8]\d|велик\w* (?:отечествен|вітчизнян)\w*|(?:втор|друг)\w* "
    r"(?:миров|світов)\w*|гитлер\w*|гітлер\w*|трет\w* рейх\w*|холокост\w*|нюрнберг\w*|"
    r"вермахт\w*|освенцим\w*|освенцім\w*|бабь\w* яр\w*|бабин\w* яр\w*|"
    r"блокад\w* ленинград\w*|блокад\w* ленінград\w*|(?:нацистск|фашистск|нацистськ|фашистськ)"
    r"\w* (?:германи|німеччин|блокад)\w*|гестапо|(?:нацистск|нацистськ)\w* диктатор\w*|майн кампф)(?![\w-])")
#: a number right after a word: "страна 404", "страна-404" (the digits, not part of a longer number)
_NUMBER_AT = re.compile(r"[ \t\u00a0]*-?[ \t\u00a0]*(\d+)(?![\d.,]\d)(?!\d)")
_GROUP = {"hostility": 0, "loaded": 1, "hedging": 2, "certainty": 2, "naming": 3}


@dataclass(frozen=True)
class LemmaEntry:
    """One lexicon entry with its lemmatised words."""

    term: str
    lemmas: tuple[str, ...]
    dimension: str
    category: str
    weight: float
    side: str
    note: str
    match: str = "lemma"
    #: per word, the keys a text lemma may equal: the entry word's lemma and
    #: the word itself (pymorphy3 guesses unknown base forms unstably:
    #: "рашист" -> "рашистый", while "рашистами" -> "рашист")
    keys: tuple[frozenset[str], ...] = ()
    #: per word, the normalised inflected forms that match too (nouns and
    #: adjectives of an entry without context rules; empty for other words)
    forms: tuple[frozenset[str], ...] = ()
    #: lemmas that, right before / after the match, make it not count
    except_prev: frozenset[str] = frozenset()
    except_next: frozenset[str] = frozenset()
    #: normalised word forms of a one-word entry that do not count
    except_form: frozenset[str] = frozenset()
    #: when not empty, the only normalised forms of the first word that count
    only_form: frozenset[str] = frozenset()
    #: the match does not count in a sentence with a :data:`HISTORY_CUES` cue
    not_historical: bool = False
    #: lemmas that, earlier in the same clause, make the match not count
    except_clause: frozenset[str] = frozenset()
    #: the match does not count right before a number
    not_before_number: bool = False
    #: the match does not count when written in capitals (an abbreviation)
    not_upper: bool = False
    #: the match does not count when capitalised inside a sentence (a name)
    not_title: bool = False
    #: the match counts only when written in lower case (the common noun, not the name)
    only_lower: bool = False
    #: per word, how many words may stand before it (``...`` in the term; 0: contiguous)
    gaps: tuple[int, ...] = ()
    #: per word, whether it is a number literal ("404" in "страна 404")
    numbers: tuple[bool, ...] = ()
    #: ``match = stem``: lemma beginnings that do not count ("укроп", "укромный")
    except_stem: tuple[str, ...] = ()
    #: lemmas that, right before the match with only white space between, make it not count
    except_prev_joined: frozenset[str] = frozenset()
    #: the phrase may run across quotation marks ("так называемой «ДНР»")
    quotes_inside: bool = False

    @property
    def complex(self) -> bool:
        """Whether the entry has a gap or a number (matched on the slow path).

        Example:
            >>> LemmaEntry("a", ("a",), "loaded", "c", 1.0, "neutral", "n").complex
            False
        """
        return any(self.gaps) or any(self.numbers)


#: a match candidate: first token, end token (exclusive), entry, end offset in the text
_Cand = tuple[int, int, LemmaEntry, int]


def lexicon_dir(language: str) -> Path:
    """The built-in lexicon folder of ``ru`` or ``uk``.

    Example:
        >>> lexicon_dir("uk").name
        'uk'
    """
    if language not in MORPH_LANGUAGES:
        raise LexiconError(f"no ru/uk lexicon for language {language!r}")
    return paths.LEXICON_DIR / language


def _weight(raw: str, where: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise LexiconError(f"{where}: weight {raw!r} is not a number") from None
    if not 0 < value < float("inf"):
        raise LexiconError(f"{where}: weight must be positive and finite, got {raw!r}")
    return value


CONTEXT_RULES: tuple[str, ...] = (
    "except_prev", "except_next", "except_form", "only_form", "except_clause", "except_stem",
    "except_prev_joined",
)
#: context rules without an argument
CONTEXT_FLAGS: tuple[str, ...] = (
    "not_historical", "not_before_number", "not_upper", "not_title", "only_lower",
    "quotes_inside",
)


def _context(raw: str, language: str, where: str) -> dict[str, frozenset[str]]:
    rules: dict[str, frozenset[str]] = dict.fromkeys(CONTEXT_RULES + CONTEXT_FLAGS, frozenset())
    for part in filter(None, (p.strip() for p in raw.split(";"))):
        if part in CONTEXT_FLAGS:
            rules[part] = frozenset({part})
            continue
        name, _, words = part.partition("=")
        if name not in CONTEXT_RULES or not words:
            raise LexiconError(f"{where}: context rule {part!r} is not one of "
                               f"{', '.join([r + '=...' for r in CONTEXT_RULES] + list(CONTEXT_FLAGS))}")
        if rules[name]:
            # a second 'except_next=' used to replace the first without a word (0.13.0 found one)
            raise LexiconError(f"{where}: context rule {name!r} is given twice; "
                               f"join its words with '|' in one rule")
        if name in ("except_form", "only_form", "except_stem"):
            rules[name] = frozenset(normalize_cyrillic(w.strip()) for w in words.split("|"))
        else:
            rules[name] = frozenset(t.lemma for w in words.split("|") for t in tokens(w, language))
    return rules


class _TermWords(NamedTuple):
    """The words of an entry's term: per word its lemma, keys, forms, gap before it, number flag."""

    lemmas: tuple[str, ...]
    keys: tuple[frozenset[str], ...]
    forms: tuple[frozenset[str], ...]
    gaps: tuple[int, ...]
    numbers: tuple[bool, ...]


def _term_words(term: str, language: str, plain: bool, where: str) -> _TermWords:
    # the term split at whitespace: a chunk "..." / "...N" is a gap, a chunk of
    # digits a number literal, anything else is lemmatised word by word
    lemmas: list[str] = []
    keys: list[frozenset[str]] = []
    forms: list[frozenset[str]] = []
    gaps: list[int] = []
    numbers: list[bool] = []
    gap = 0
    for chunk in term.split():
        found = _GAP.fullmatch(chunk)
        if found:
            if not lemmas or gap:
                raise LexiconError(f"{where}: a gap '...' must stand between two words of {term!r}")
            gap = int(found.group(1) or GAP_WORDS)
            continue
        if _NUMBER.fullmatch(chunk):
            if not lemmas or gap:
                raise LexiconError(f"{where}: a number must follow a word directly in {term!r}")
            lemmas.append(chunk)
            keys.append(frozenset({chunk}))
            forms.append(frozenset())
            gaps.append(0)
            numbers.append(True)
            continue
        for k, tok in enumerate(tokens(chunk, language)):
            lemmas.append(tok.lemma)
            keys.append(frozenset({tok.lemma, normalize_cyrillic(tok.text)}))
            forms.append(entry_forms(normalize_cyrillic(tok.text), language) if plain else frozenset())
            gaps.append(gap if k == 0 else 0)
            numbers.append(False)
        gap = 0
    if gap:
        raise LexiconError(f"{where}: a gap '...' must stand between two words of {term!r}")
    return _TermWords(tuple(lemmas), tuple(keys), tuple(forms), tuple(gaps), tuple(numbers))


def _stem_words(term: str, where: str) -> _TermWords:
    stem = normalize_cyrillic(term)
    if not stem.isalpha():
        raise LexiconError(f"{where}: a stem entry must be one word of letters, got {term!r}")
    return _TermWords((stem,), (frozenset({stem}),), (frozenset(),), (0,), (False,))


def _entry(row: dict[str, str], dimension: str, language: str, where: str) -> LemmaEntry:
    missing = [c for c in CSV_COLUMNS if not (row.get(c) or "").strip()]
    if missing:
        raise LexiconError(f"{where}: empty field {missing[0]!r}")
    side = row["side"].strip()
    if side not in SIDES:
        raise LexiconError(f"{where}: side must be one of {sorted(SIDES)}, got {side!r}")
    match = (row.get("match") or "lemma").strip()
    if match not in MATCH_TYPES:
        raise LexiconError(f"{where}: match must be one of {sorted(MATCH_TYPES)}, got {match!r}")
    term = row["term"].strip()
    # entries with form rules say themselves which forms count
    plain = not (row.get("context") or "").strip()
    words = _stem_words(term, where) if match == "stem" else _term_words(term, language, plain, where)
    if not words.lemmas:
        raise LexiconError(f"{where}: term {term!r} has no word")
    if match == "prefix" and len(words.lemmas) != 1:
        raise LexiconError(f"{where}: a prefix entry must be one word, got {term!r}")
    rules = _context(row.get("context") or "", language, where)
    if rules["except_stem"] and match != "stem":
        raise LexiconError(f"{where}: except_stem= is for match = stem entries only")
    return LemmaEntry(term, words.lemmas, dimension, row["category"].strip(),
                      _weight(row["weight"], where), side, row["note"].strip(), match, words.keys,
                      words.forms, rules["except_prev"], rules["except_next"], rules["except_form"],
                      rules["only_form"], bool(rules["not_historical"]), rules["except_clause"],
                      bool(rules["not_before_number"]), bool(rules["not_upper"]),
                      bool(rules["not_title"]), bool(rules["only_lower"]),
                      words.gaps if any(words.gaps) else (), words.numbers if any(words.numbers) else (),
                      tuple(sorted(rules["except_stem"])),
                      except_prev_joined=rules["except_prev_joined"],
                      quotes_inside=bool(rules["quotes_inside"]))


def read_lemma_csv(path: str | os.PathLike[str], dimension: str, language: str) -> list[LemmaEntry]:
    """Entries of one CSV; errors name the file, row (header = row 1) and field.

    Example:
        >>> len(read_lemma_csv(lexicon_dir("ru") / "naming.csv", "naming", "ru")) > 10
        True
    """
    p = Path(path)
    if dimension not in LEMMA_DIMENSIONS:
        raise LexiconError(f"{p}: unknown dimension {dimension!r}")
    if not p.is_file():
        raise LexiconError(f"{p}: lexicon file not found")
    with p.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        absent = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
        if absent:
            raise LexiconError(f"{p}: missing column(s) {', '.join(absent)}")
        return [_entry(row, dimension, language, f"{p}, row {i}")
                for i, row in enumerate(reader, start=2)]


class LemmaMatcher:
    """A ru or uk lexicon indexed by first lemma.  Build with :meth:`builtin` or from entries.

    Example:
        >>> m = LemmaMatcher.builtin("uk")
        >>> [(x.surface, x.dimension) for x in m.find("Рашисти обстріляли Київ.")]
        [('Рашисти', 'loaded'), ('Київ', 'naming')]
    """

    def __init__(
        self, language: str, entries: list[LemmaEntry], scare_quotes: bool | None = None
    ) -> None:
        self.language = language
        # off by default (0.10.0): on fresh Russian text (gold set 2) every
        # single quoted word the rule counted was a mention (a defined term, a
        # quoted demand, a word of the quoted speech), not irony
        self.scare_quotes = bool(scare_quotes)
        self.entries = tuple(entries)
        self._first: dict[str, list[LemmaEntry]] = {}
        self._first_form: dict[str, list[LemmaEntry]] = {}
        self._prefix: list[LemmaEntry] = []
        self._stems: list[LemmaEntry] = []
        seen: dict[tuple[tuple[str, ...], str, str, tuple[int, ...]], LemmaEntry] = {}
        for entry in entries:
            key = (entry.lemmas, entry.dimension, entry.match, entry.gaps)
            if key in seen:
                continue  # two spellings with one lemma: the first entry is the one counted
            seen[key] = entry
            if entry.match == "prefix":
                self._prefix.append(entry)
                continue
            if entry.match == "stem":
                self._stems.append(entry)
                continue
            for first in entry.keys[0] if entry.keys else (entry.lemmas[0],):
                self._first.setdefault(first, []).append(entry)
            for form in entry.forms[0] if entry.forms else ():
                self._first_form.setdefault(form, []).append(entry)
        for bucket in self._first.values():
            bucket.sort(key=lambda e: -len(e.lemmas))
        self._prefix_cache: dict[str, tuple[LemmaEntry, ...]] = {}
        self._stem_cache: dict[str, tuple[LemmaEntry, ...]] = {}
        # the first two letters a family word can have (a stem's, or a
        # combining prefix's): most words are ruled out without a lookup
        self._stem_heads = frozenset(
            {e.lemmas[0][:2] for e in self._stems} | {p[:2] for p in FAMILY_PREFIXES})

    @classmethod
    def builtin(cls, language: str) -> LemmaMatcher:
        """The package's ``ru`` or ``uk`` lexicons (cached per language)."""
        return _builtin(language)

    def _prefix_hits(self, lemma: str) -> tuple[LemmaEntry, ...]:
        found = self._prefix_cache.get(lemma)
        if found is None:
            found = tuple(e for e in self._prefix if lemma.startswith(e.lemmas[0]))
            self._prefix_cache[lemma] = found
        return found

    def _stem_hits(self, tok: Token) -> tuple[LemmaEntry, ...]:
        key = tok.lemma if "-" not in tok.norm else f"{tok.lemma} {tok.norm}"
        found = self._stem_cache.get(key)
        if found is None:
            words = [tok.lemma, *tok.norm.split("-")[1:]] if "-" in tok.norm else [tok.lemma]
            found = tuple(e for e in self._stems if any(stem_matches(e, w) for w in words))
            self._stem_cache[key] = found
        return found

    def _candidates(self, toks: list[Token], text: str) -> list[_Cand]:
        cands: list[_Cand] = []
        first, first_form, size = self._first, self._first_form, len(toks)
        stems, stem_cache = self._stems, self._stem_cache
        for i, tok in enumerate(toks):
            bucket = first.get(tok.lemma, ())
            by_form = first_form.get(tok.norm)
            if by_form:
                bucket = [*bucket, *(e for e in by_form if tok.lemma not in e.keys[0])]
            listed = False  # a listed entry of the whole word (not of a hyphen part) starts here
            for entry in bucket:
                n = len(entry.lemmas)
                if entry.gaps or entry.numbers:
                    hit = _match_complex(entry, toks, i, text)
                    if hit is not None:
                        cands.append((i, hit[0], entry, hit[1]))
                        listed = True
                    continue
                if n > 1:
                    if i + n > size:
                        continue
                    # an explicit loop: most entries here are two-word phrases
                    # whose second word does not follow, and a generator per
                    # entry cost more than the test itself
                    k = 1
                    while k < n and (toks[i + k].lemma in entry.keys[k]
                                     or toks[i + k].norm in entry.forms[k]):
                        k += 1
                    if k < n:
                        continue
                cands.append((i, i + n, entry, toks[i + n - 1].end))
                listed = True
            for part in tok.parts:
                cands.extend((i, i + 1, e, tok.end) for e in first.get(part, ()) if len(e.lemmas) == 1)
            if self._prefix:
                cands.extend((i, i + 1, e, tok.end) for e in self._prefix_hits(tok.lemma))
            hyphen = "-" in tok.norm
            if stems and not listed and (hyphen or tok.lemma[:2] in self._stem_heads):
                # the families count only words no listed entry matches: a
                # listed word is counted as its entry says ("укронацист" is loaded only)
                hits = None if hyphen else stem_cache.get(tok.lemma)
                if hits is None:
                    hits = self._stem_hits(tok)
                if hits:
                    cands.extend((i, i + 1, e, tok.end) for e in hits)
            if hyphen and tok.norm[-1].isdigit():
                cands.extend((i, i + 1, e, tok.end) for e in self._hyphen_number_hits(tok))
        return cands

    def _hyphen_number_hits(self, tok: Token) -> list[LemmaEntry]:
        # "страна-404" is one token (a word and its digits joined by a hyphen):
        # it matches an entry of that word and that number
        head, _, tail = tok.norm.rpartition("-")
        if not head or not tail.isdigit() or not _is_letters(head):
            return []
        word = lemma(head, self.language)
        return [e for e in [*self._first.get(word, []), *self._first.get(head, [])]
                if len(e.lemmas) == 2 and e.numbers and e.numbers[1] and e.lemmas[1] == tail]

    def find(self, text: str) -> list[Match]:
        """Counted matches in ``text`` (taken to be in this matcher's language), by start.

        Example:
            >>> m = LemmaMatcher.builtin("ru")
            >>> [(x.term, x.dimension, x.rule) for x in m.find("Это не очевидно.")]
            [('очевидно', 'hedging', 'negated booster -> hedge')]
        """
        toks = tokens(text, self.language)
        return self.find_tokens(text, toks)

    def find_tokens(self, text: str, toks: list[Token]) -> list[Match]:
        """:meth:`find` on tokens made already by :func:`~analysis.scoring.morph.tokens` (offsets into ``text``)."""
        chosen = _resolve([c for c in self._candidates(toks, text) if _context_ok(c, toks, text)])
        out: list[Match] = []
        for i, _, entry, end in chosen:
            start = toks[i].start
            dimension, category, rule = entry.dimension, entry.category, ""
            if (dimension == "certainty" and i > 0 and toks[i - 1].lemma in NEGATORS
                    and entry.lemmas[0] not in NEGATORS):
                dimension, category, rule = "hedging", "negated_booster", NEGATED_BOOSTER_RULE
            out.append(Match(entry.term, dimension, category, start, end, entry.weight,
                             entry.side, text[start:end], rule, entry.note))
        if self.scare_quotes:
            out.extend(_scare_quotes(text, out))
        out.sort(key=lambda m: (m.start, m.end, m.dimension))
        return out

    def counts(self, text: str) -> dict[str, tuple[int, float]]:
        """``dimension -> (number of matches, sum of weights)`` for every ``LEMMA_DIMENSIONS``.

        Example:
            >>> LemmaMatcher.builtin("ru").counts("Возможно, это так.")["hedging"]
            (1, 1.0)
        """
        out = {d: (0, 0.0) for d in LEMMA_DIMENSIONS}
        for m in self.find(text):
            n, w = out[m.dimension]
            out[m.dimension] = (n + 1, w + m.weight)
        return out


def _scare_quotes(text: str, found: list[Match]) -> list[Match]:
    # a word covered by a loaded match is found by one bisection, not a scan of every span
    loaded = SpanCover((m.start, m.end) for m in found if m.dimension == "loaded")
    out: list[Match] = []
    for hit in _SCARE.finditer(text):
        start, end = hit.span(1)
        if loaded.meets(start, end):
            continue  # a loaded entry already covers the word
        word = hit.group(1)
        out.append(Match(normalize_cyrillic(word), "loaded", "scare_quotes", start, end, 0.5,
                         "neutral", word, "scare quotes", SCARE_QUOTES_NOTE))
    return out


def _context_ok(cand: _Cand, toks: list[Token], text: str) -> bool:
    i, j, entry, end = cand
    if entry.except_prev and i > 0 and toks[i - 1].lemma in entry.except_prev:
        return False
    # a comma or a dash between keeps the match: "насколько это возможно" is feasibility,
    # the parenthetical "это, возможно, так" a hedge
    if (entry.except_prev_joined and i > 0 and toks[i - 1].lemma in entry.except_prev_joined
            and not _CLAUSE_BREAK.search(text, toks[i - 1].end, toks[i].start)):
        return False
    if entry.except_next and j < len(toks) and toks[j].lemma in entry.except_next:
        return False
    if entry.except_form and (toks[i].norm or normalize_cyrillic(toks[i].text)) in entry.except_form:
        return False
    if entry.only_form and (toks[i].norm or normalize_cyrillic(toks[i].text)) not in entry.only_form:
        return False
    if entry.not_historical and _historical(text, toks[i].start, end):
        return False
    if entry.except_clause and _earlier_in_clause(toks, text, i, entry.except_clause):
        return False
    if entry.not_before_number and _DIGIT_NEXT.match(text, end):
        return False
    if entry.not_upper and len(toks[i].text) > 1 and toks[i].text.isupper():
        return False
    if entry.not_title and _title_inside_sentence(toks, text, i):
        return False
    if entry.only_lower and not (toks[i].text[:1].islower() or _all_caps(toks[i].text)):
        return False
    # a phrase does not run over the end of a sentence or clause (a comma may
    # sit inside one: "допустили, что"); nor does a gap or a number
    last = max(i, j - 1)
    breaks = _BREAK_NO_QUOTES if entry.quotes_inside else _BREAK
    if any(breaks.search(text, toks[k].end, toks[k + 1].start) for k in range(i, last)):
        return False
    return end <= toks[last].end or not breaks.search(text, toks[last].end, end)


def _is_letters(word: str) -> bool:
    return word.replace("'", "").isalpha()


def _all_caps(word: str) -> bool:
    # an ALL-CAPS word (a headline, "СНОВА ОРДА ИДЁТ") says nothing about
    # whether it is a name: its case is unknown (one capital letter is not caps)
    return len(word) > 1 and word.isupper()


def stem_matches(entry: LemmaEntry, word: str) -> bool:
    """Whether ``word`` (a lemma or a hyphen part) belongs to the ``match = stem`` family of ``entry``.

    The word begins with the stem, or with one of :data:`FAMILY_PREFIXES`
    (optionally with a hyphen) and then the stem; and it does not begin with
    one of the entry's ``except_stem`` words (after the same prefix).

    Example:
        >>> e = LemmaEntry("укро", ("укро",), "loaded", "c", 1.5, "russian", "n", "stem",
        ...                except_stem=("укроп", "укром"))
        >>> [stem_matches(e, w) for w in ("укро-нацист", "укровояка", "укромный", "украинский")]
        [True, True, False, False]
    """
    stem = entry.lemmas[0]
    rest = word
    if not rest.startswith(stem):
        rest = next((word[len(p):].lstrip("-") for p in FAMILY_PREFIXES
                     if word.startswith(p) and word[len(p):].lstrip("-").startswith(stem)), "")
        if not rest:
            return False
    return not any(rest.startswith(x) for x in entry.except_stem)


def _match_complex(entry: LemmaEntry, toks: list[Token], i: int, text: str) -> tuple[int, int] | None:
    # an entry with gaps or numbers, its first word matched at toks[i]: each
    # next word is the nearest token at most ``gaps[k]`` words on; a number is
    # the digits right after the previous word (a space or hyphen between),
    # read off the text because the tokenizer keeps no number tokens (so that
    # no word count changes).  Returns (end token index, end offset).
    nxt, end = i + 1, toks[i].end
    for k in range(1, len(entry.lemmas)):
        if entry.numbers and entry.numbers[k]:
            hit = _NUMBER_AT.match(text, end)
            if hit is None or hit.group(1) != entry.lemmas[k]:
                return None
            end = hit.end()
            while nxt < len(toks) and toks[nxt].start < end:
                nxt += 1
            continue
        allowed = entry.gaps[k] if entry.gaps else 0
        for u in range(nxt, min(len(toks), nxt + allowed + 1)):
            if toks[u].lemma in entry.keys[k] or toks[u].norm in entry.forms[k]:
                nxt, end = u + 1, toks[u].end
                break
        else:
            return None
    return nxt, end


def _title_inside_sentence(toks: list[Token], text: str, i: int) -> bool:
    # capitalised after another word of the same sentence: a name (the ship
    # class «Ада», "Золотая Орда"); the first word of a sentence, a headline or
    # a quotation after a colon is capitalised anyway and says nothing
    word = toks[i].text
    if not word[:1].isupper() or i == 0 or _all_caps(word):
        return False
    return not _SENTENCE_START.search(text, toks[i - 1].end, toks[i].start)


def _earlier_in_clause(toks: list[Token], text: str, i: int, lemmas: frozenset[str]) -> bool:
    # walk back from the word before the match until a clause break or CLAUSE_WINDOW words
    k = i - 1
    while k >= 0 and i - k <= CLAUSE_WINDOW:
        if _CLAUSE_BREAK.search(text, toks[k].end, toks[k + 1].start):
            return False
        if toks[k].lemma in lemmas:
            return True
        k -= 1
    return False


def _historical(text: str, start: int, end: int) -> bool:
    # the sentence around the match, at most 200 characters either side
    lo, hi = max(0, start - 200), min(len(text), end + 200)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    right = _SENTENCE_END.search(text, end, hi)
    window = normalize_cyrillic(text[left:right.start() if right else hi])
    return HISTORY_CUES.search(window) is not None


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    # longest-leftmost per group: sort by start, then longer first; keep a
    # candidate only if it does not overlap one already kept in its group.
    # Every kept span starts at or before i (the sort), so one overlaps
    # (i, j) exactly when it ends after i: the furthest end per group is the
    # whole test (a list of kept spans made this quadratic in the matches).
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    reach: dict[int, int] = {}
    kept: list[_Cand] = []
    for cand in cands:
        i, j, entry, _ = cand
        group = _GROUP[entry.dimension]
        if i < reach.get(group, 0):
            continue
        reach[group] = max(j, reach.get(group, 0))
        kept.append(cand)
    return kept


@lru_cache(maxsize=2)
def _builtin(language: str) -> LemmaMatcher:
    folder = lexicon_dir(language)
    entries: list[LemmaEntry] = []
    for dimension in LEMMA_DIMENSIONS:
        entries.extend(read_lemma_csv(folder / f"{dimension}.csv", dimension, language))
    return LemmaMatcher(language, entries)
