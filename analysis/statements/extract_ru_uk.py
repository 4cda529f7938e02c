"""Statements of a Russian or Ukrainian text: quotes, reported speech and narration, with speakers.

The ru/uk counterpart of :mod:`analysis.statements.extract` (selected there by
the text's language); same kinds, same partition of the text (every
non-white-space character in exactly one row, ``text == input[start:end]``),
plus the speaker fields ``speaker_id``, ``speaker_as_written``,
``attribution`` (``name | pronoun | role | continuation | registry | none``),
``attribution_confidence``, ``reporting_verb`` (lemma) and ``verb_stance``.

Attribution, first rule that applies:

1. **after the quote**, the dialogue rule: ``«…», — заявил X`` /
   ``«…», – X заявив`` / ``«…», — сказал он`` / ``«…», — по словам X`` /
   ``«…», — role or name`` (no verb);
2. **before the quote**, up to a colon: ``X: «…»``, ``X заявил: «…»``,
   ``сказал X: «…»``, ``он сказал: «…»``, ``слова X, сказані …: «…»``; ``я`` /
   ``мы`` / ``ми`` are the narrator when ``narrator`` is a name;
3. **the next sentence** credits it: ``«…». Это слова X`` / ``Брифінг X``;
4. a cue in the same sentence before a partial quote: ``как они говорят, «…»``,
   ``по словам X, …«…»``;
5. an earlier sentence of the paragraph names the words: ``Слова Голди Меїр. … «…»``;
6. **continuation**: a direct quote with no cue of its own inherits the
   speaker of the previous attributed direct quote of its or the previous
   paragraph.

A verb with no recoverable subject ("сказали: «…»") leaves the quote
unattributed: never a guess.  Names are given in the nominative
("по словам Пескова" -> "Песков"), ``speaker_as_written`` keeps the text.
Pronouns *он/она* (*він/вона*) take the last person named before them
outside quotes with a compatible gender; *они/вони* are not resolved.

Example:
    >>> df = extract_statements_ru_uk("«Мы готовы к переговорам», — заявил Дмитрий Песков.", language="ru")
    >>> df.loc[0, ["speaker", "speaker_as_written", "attribution", "reporting_verb", "verb_stance"]].tolist()
    ['Dmitry Peskov', 'Дмитрий Песков', 'name', 'заявить', 'neutral']
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus.voices import Voice
from analysis.language import RU_UK_LOWER, RU_UK_UPPER, repair_homoglyphs
from analysis.statements import cues_ru_uk as cyr
from analysis.statements.folding import fold
from analysis.statements.identity import speaker_ids
from analysis.statements.passages import find_passages
from analysis.statements.quotes import paragraph_spans
from analysis.statements.quotes_cyrillic import CyrQuote, find_quotes_cyrillic
from analysis.statements.spans import SpanIndex, minus, trimmed
from analysis.statements.speakers import SpeakerRegistry, narration_speaker

#: the columns of :data:`analysis.statements.extract.COLUMNS` (a test keeps them equal)
BASE_COLUMNS: tuple[str, ...] = ("statement_id", "speaker", "speaker_bloc", "speaker_in_registry", "kind",
                                 "text", "start", "end", "cue", "quoted_from")
SPEAKER_COLUMNS: tuple[str, ...] = ("speaker_id", "speaker_as_written", "attribution",
                                    "attribution_confidence", "reporting_verb", "verb_stance")
COLUMNS: tuple[str, ...] = BASE_COLUMNS + SPEAKER_COLUMNS
ATTRIBUTIONS: tuple[str, ...] = ("name", "pronoun", "role", "continuation", "registry", "none", "narrator")
CONFIDENCE: dict[str, float] = {"verb": 0.95, "colon": 0.9, "role": 0.8, "pronoun": 0.8, "first_person": 0.85,
                                "credit": 0.75, "earlier": 0.6, "continuation": 0.7}
_APOS = str.maketrans({"ʼ": "'", "’": "'"})
_CAP_WORD = re.compile(rf"(?<![\w'ʼ’-])[{RU_UK_UPPER}][{RU_UK_LOWER}'ʼ’-]*[{RU_UK_LOWER}](?![\w'ʼ’-])")
_WORD = re.compile(r"[\w'ʼ’-]+")
_SENTENCE_END = re.compile(rf"[.!?…]+[\"»“”]?\s+(?=[«„\"—–{RU_UK_UPPER}A-Z0-9])")
_AFTER_DASH = re.compile(r"[ \u00a0]*[,!?…]?[ \u00a0]*[—–-][ \u00a0]+")
#: between a subject and its verb: adverbs, roles, no sentence punctuation
_SUBJECT_GAP = re.compile(r"[^.;:!?«»„“\"]{0,60}")
_CREDIT = re.compile(r"[.!?…]?[\"»“”]?\s*(?:(?:Это|Це|Такі|Такие)\s+)?(?P<noun>[\w'ʼ’]+)\s+", re.IGNORECASE)
#: a dash without a comma after the quote: a copula, not the dialogue rule's attribution
_COPULA_DASH = re.compile(r"[ \u00a0]+[—–-][ \u00a0]+")
_SAID_WORDS = re.compile(r"(?<![\w'ʼ’-])(?:слова|словами|слів)(?![\w'ʼ’-])", re.IGNORECASE)
_STOP_AT = re.compile(r"[,;:\"«„(]|\s(?:во время|в ходе|під час|на |в |у |для |после |після |так |уже )", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A name in the text: ``start``/``end`` of the words as written."""

    start: int
    end: int
    kind: str = "person"


@dataclass(frozen=True)
class Cyr:
    """A resolved speaker of a ru/uk statement."""

    name: str
    as_written: str
    attribution: str
    confidence: float
    named: bool = True
    verb: cyr.SpeechVerb | None = None
    cue: str = ""
    organisation: bool = False


@dataclass
class CyrPiece:
    """A statement before it becomes a row."""

    start: int
    end: int
    kind: str
    who: Cyr | None = None
    group: int = -1


class _Text:
    """One text with its language, quotes, sentences and name mentions."""

    def __init__(self, text: str, language: str, narrator: str, original: str | None = None) -> None:
        self.text, self.language, self.narrator = text, language, narrator
        #: what statements are cut from: ``text`` may be a same-length repaired copy of it
        self.original = text if original is None else original
        self.quotes = find_quotes_cyrillic(text)
        # top-level quotes are disjoint and sorted, so starts and ends are both sorted
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_ends = [q.end for q in self.quotes]
        self.paragraphs = paragraph_spans(text)
        self.paragraph_starts = [p for p, _ in self.paragraphs]
        self.mentions = self._mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.sentences = self._sentences()
        self.sentence_starts = [s for s, _ in self.sentences]

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and pos < self.quote_ends[i]

    def last_quote_end(self, lo: int, pos: int) -> int:
        """The largest quote end in ``[lo, pos]``, else ``lo``."""
        i = bisect.bisect_right(self.quote_ends, pos) - 1
        return max(lo, self.quote_ends[i]) if i >= 0 else lo

    def next_quote_start(self, pos: int, default: int) -> int:
        i = bisect.bisect_left(self.quote_starts, pos)
        return self.quote_starts[i] if i < len(self.quote_starts) else default

    def _mentions(self) -> list[Mention]:
        out: list[Mention] = []
        after_first_name = -1  # end of the last first name: the next capitalised word is its surname
        for m in _CAP_WORD.finditer(self.text):
            if self.inside_quote(m.start()):
                continue
            adjacent = bool(out) and m.start() - out[-1].end == 1 and self.text[out[-1].end] in " \u00a0"
            if not cyr.is_name_word(m.group(), self.language) and not (adjacent and after_first_name == out[-1].end):
                continue
            if adjacent:
                out[-1] = Mention(out[-1].start, m.end())
            else:
                out.append(Mention(m.start(), m.end()))
            after_first_name = m.end() if cyr.is_first_name(m.group(), self.language) else -1
        out = _with_surname_echoes(self, out)
        orgs = [Mention(m.start(), m.end(), "organisation") for m in cyr.ORGANISATION.finditer(self.text)
                if not self.inside_quote(m.start())]
        people = [p for p in out if not any(o.start <= p.start < o.end for o in orgs)]
        return sorted(people + orgs, key=lambda m: m.start)

    def _sentences(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for lo, hi in self.paragraphs:
            start = lo
            for m in _SENTENCE_END.finditer(self.text, lo, hi):
                if not self.inside_quote(m.start()):
                    spans.append((start, m.end()))
                    start = m.end()
            spans.append((start, hi))
        return spans

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)]

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def mention_at(self, lo: int, hi: int) -> Mention | None:
        """The first mention starting in ``[lo, hi)``."""
        i = bisect.bisect_left(self.mention_starts, lo)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start < hi else None

    def person_in(self, lo: int, hi: int) -> Mention | None:
        """The first person mention starting in ``[lo, hi)`` (organisations inside a role are skipped)."""
        i = bisect.bisect_left(self.mention_starts, lo)
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].kind == "person":
                return self.mentions[i]
            i += 1
        return None

    def last_mention_before(self, pos: int, lo: int) -> Mention | None:
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= lo:
            if self.mentions[i].end <= pos:
                return self.mentions[i]
            i -= 1
        return None


_CASE_ENDINGS = ("ами", "ому", "ого", "ыми", "ой", "ым", "ом", "ею", "ою", "ем", "ам", "ах",
                 "а", "у", "е", "ы", "и", "ю", "я")


def _surname_stem(word: str) -> str:
    """The word lower-cased without one case ending ("Макрона" -> "макрон"), kept when that leaves < 3 letters."""
    low = word.lower()
    for end in _CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            return low[: -len(end)]
    return low


def _with_surname_echoes(t: _Text, people: list[Mention]) -> list[Mention]:
    """``people`` plus each later lone capitalised word that repeats the surname of a first name +
    surname mention: "Эммануэля Макрона" ... "Макрон заявил" (the dictionary knows "макрон" as a
    common noun, so the lone word is no name word by itself)."""
    surnames = {_surname_stem(t.text[m.start:m.end].split()[-1]): m.start for m in people
                if " " in t.text[m.start:m.end] and cyr.is_first_name(t.text[m.start:m.end].split()[0], t.language)}
    if not surnames:
        return people
    taken = {(m.start, m.end) for m in people}
    starts = [m.start for m in people]
    extra = []
    for m in _CAP_WORD.finditer(t.text):
        first = surnames.get(_surname_stem(m.group()))
        if first is None or m.start() <= first or t.inside_quote(m.start()):
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and people[i].start <= m.start() < people[i].end or (m.start(), m.end()) in taken:
            continue
        extra.append(Mention(m.start(), m.end()))
    return sorted(people + extra, key=lambda x: x.start) if extra else people


def _subject_before(t: _Text, pos: int, lo: int) -> Mention | None:
    """The nominative mention before a verb at ``pos`` with no sentence punctuation between
    ("Сергей Лавров в беседе с Энтони Блинкеном заявил" -> Сергей Лавров)."""
    m = t.last_mention_before(pos, lo)
    while m is not None and _SUBJECT_GAP.fullmatch(t.text, m.end, pos):
        if _fits_case(t, m, "nomn"):
            return m
        m = t.last_mention_before(m.start, lo)
    return None


def _gender_of_verb(verb: str) -> str:
    v = verb.lower().split()[-1]
    return "f" if v.endswith("ла") else "m" if v.endswith(("л", "в")) else ""


def _named(t: _Text, m: Mention, case: str | None, attribution: str, confidence: float,
           verb: re.Match[str] | None) -> Cyr:
    written = t.text[m.start:m.end]
    gender = _gender_of_verb(verb.group("verb")) if verb else ""
    if m.kind == "organisation":  # the head word in the nominative, its genitive modifiers as written
        head, _, rest = written.partition(" ")
        nom = cyr.analyzer(t.language).parse(head)[0].normal_form if not head.isupper() else head
        name = " ".join(x for x in (cyr._recase(nom, head), rest) if x)
    else:
        name = cyr.nominative(written, t.language, case=case, gender=gender)
    sv = cyr.speech_verb(verb.group("verb"), t.language) if verb else None
    return Cyr(name, written, attribution, confidence, True, sv, verb.group("verb").lower() if verb else "",
               m.kind == "organisation")


def _role(t: _Text, lo: int, hi: int) -> tuple[int, int] | None:
    """A role phrase starting at ``lo`` ("керівник Офісу Президента України"), cut at a preposition."""
    first = _WORD.match(t.text, lo, hi)
    if not first or first.group().lower() not in cyr.ROLE_HEADS[t.language]:
        return None
    stop = _STOP_AT.search(t.text, first.end(), hi)
    end = stop.start() if stop else hi
    end = len(t.text[:end].rstrip(" .,;:!?—–-\u00a0"))
    return (lo, end) if end > lo else None


#: how many paragraphs before its own a pronoun's antecedent may be
PRONOUN_PARAGRAPHS = 3


def _pronoun(t: _Text, word: str, pos: int, verb: re.Match[str] | None) -> Cyr | None:
    low = word.lower()
    sv = cyr.speech_verb(verb.group("verb"), t.language) if verb else None
    cue = verb.group("verb").lower() if verb else ""
    if low in cyr.FIRST_PERSON[t.language]:
        if not t.narrator:
            return None
        return Cyr(t.narrator, word, "pronoun", CONFIDENCE["first_person"], True, sv, cue)
    gender = cyr.PRONOUNS[t.language].get(low)
    if gender not in ("m", "f"):
        return None
    # news paragraphs are short: the antecedent may sit PRONOUN_PARAGRAPHS paragraphs back
    # ("Об этом написал X." / "Он отметил, что …" / "«…», — констатировал он.")
    para_lo = t.paragraphs[max(0, t.paragraph_of(pos) - PRONOUN_PARAGRAPHS)][0]
    # a subject pronoun's antecedent is first sought among names that can be subjects: "сотрудничал с
    # Адольфом Гитлером. «…», — заявил он" is not Hitler; then among names in any case
    for subjects_only in (True, False):
        m = _antecedent(t, pos, para_lo, gender, subjects_only)
        if m is not None:
            found = _named(t, m, None, "pronoun", CONFIDENCE["pronoun"], verb)
            return replace(found, as_written=f"{word} ({found.as_written})")
    return None


def _antecedent(t: _Text, pos: int, lo: int, gender: str, subjects_only: bool) -> Mention | None:
    """The last person mention in ``[lo, pos)`` of a compatible gender (and nominative-capable)."""
    m = t.last_mention_before(pos, lo)
    while m is not None:
        words = t.text[m.start:m.end].split()
        if m.kind != "organisation" and (not subjects_only or _fits_case(t, m, "nomn")):
            g = cyr._pick(words[0], t.language, None, "")[1]
            if not g or g == gender:
                return m
        m = t.last_mention_before(m.start, lo)
    return None


def _subject_at(t: _Text, lo: int, hi: int, verb: re.Match[str] | None, case: str | None) -> Cyr | None:
    """The speaker whose words start at ``lo`` (a name, pronoun or role phrase), or None."""
    while lo < hi and t.text[lo] in " \u00a0":
        lo += 1
    word = _WORD.match(t.text, lo, hi)
    if not word:
        return None
    low = word.group().lower()
    if low in cyr.PRONOUNS[t.language] or low in cyr.FIRST_PERSON[t.language]:
        return _pronoun(t, word.group(), lo, verb)
    lead = cyr.ORG_LEAD.match(t.text, lo, hi)
    org = t.mention_at(lead.end(), lead.end() + 1) if lead else None
    if org is not None and org.kind == "organisation":
        return _named(t, org, None, "name", CONFIDENCE["verb" if verb else "colon"], verb)
    body = _speaking_body(t, lo, hi, verb) if verb is not None else None
    if body is not None:
        return body
    role = _role(t, lo, hi)
    m = t.person_in(lo, role[1] + 2) if role else t.mention_at(lo, word.end() + 1)
    if m is None and verb is not None:  # "говорит полковник запаса Сергей Хатылев": a title, then the name
        m = t.person_in(lo, min(hi, lo + 70))
    if m is not None and _title_gap(t.text, lo, m.start) and _fits_case(t, m, case):
        return _named(t, m, case, "name", CONFIDENCE["verb" if verb else "colon"], verb)
    if role is None and verb is not None and _ONE_OF.match(t.text, lo, hi):
        role = _role_span(t, lo, hi)  # "— рассказал один из протестующих": a described newcomer
    # a described speaker is a noun of 4+ letters: "як"/"как" (also "yak", an animal) is not one
    if role is None and verb is not None and low == word.group() and len(low) >= 4 \
            and cyr.is_animate_noun(low, t.language):
        role = _role_span(t, lo, hi)  # "— заключил эксперт": a described speaker
    if role is not None:
        sv = cyr.speech_verb(verb.group("verb"), t.language) if verb else None
        cue = verb.group("verb").lower() if verb else ""
        phrase = t.text[role[0]:role[1]]
        holder = _role_holder(t, phrase, role[0])
        written = phrase
        if case == "gent":  # "по словам главы государства": the head noun in the nominative
            head, _, rest = phrase.partition(" ")
            phrase = " ".join(x for x in (cyr.analyzer(t.language).parse(head)[0].normal_form, rest) if x)
        if holder is not None:
            linked = _named(t, holder, None, "role", CONFIDENCE["role"], verb)
            return replace(linked, as_written=f"{written} ({linked.as_written})")
        anaphor = _anaphoric_role(t, written, role[0], verb) if verb is not None else None
        if anaphor is not None:
            return anaphor
        return Cyr(phrase, written, "role", CONFIDENCE["role"], False, sv, cue)
    return None


#: "— сообщают в Минюсте", "— говорится в заявлении посольства США": a body that speaks
_BODY = re.compile(r"(?:в|во|у)\s+(?:(?P<noun>заявлении|сообщении|заяві|повідомленні|пресс-релизе)\s+)?"
                   r"(?P<head>[\w'ʼ’-]+)", re.IGNORECASE)
#: bodies named by a common noun that point back ("в ведомстве"), not a name
_ANAPHORIC_BODIES = frozenset("ведомстве ведомства ведомство відомстві відомства документе документі".split())


def _speaking_body(t: _Text, lo: int, hi: int, verb: re.Match[str]) -> Cyr | None:
    """An organisation after a speech verb: a capitalised word in the locative ("в Минюсте" ->
    "Минюст"), or the genitive after "в заявлении/сообщении" ("посольства США" -> "посольство
    США"), up to a preposition or comma."""
    m = _BODY.match(t.text, lo, hi)
    if m is None or m.group("head").lower() in _ANAPHORIC_BODIES:
        return None
    head = m.group("head")
    if not (head[:1].isupper() or m.group("noun")) or cyr.is_first_name(head, t.language):
        return None
    parse = cyr.analyzer(t.language).parse(head)[0]
    # a place is where it was said, not who said it ("сообщил в Москве Иван Соколов"); abstain
    if parse.tag.POS != "NOUN" or {"anim", "Geox"} & set(parse.tag.grammemes) or t.person_in(m.end("head"), hi):
        return None
    stop = _STOP_AT.search(t.text, m.end("head"), hi)
    rest = t.text[m.end("head"):stop.start() if stop else hi].strip(" .,;:!?—–-\u00a0")
    nom = head if head.isupper() else cyr._recase(parse.normal_form, head)
    name = " ".join(x for x in (nom, rest) if x)
    sv = cyr.speech_verb(verb.group("verb"), t.language)
    written = t.text[m.start():m.end("head")] + (" " + rest if rest else "")
    return Cyr(name, written, "name", CONFIDENCE["verb"], True, sv, verb.group("verb").lower(), True)


_ONE_OF = re.compile(r"(?:один|одна|одного|одной|один|одна|одного|однієї)\s+(?:из|з|із)\s+", re.IGNORECASE)

#: described speakers that introduce someone new, never the person named before
#: ("— рассказал местный житель", "— добавил другой собственник")
NEW_PERSON_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset("один одна другой другая еще ещё некий некая местный местная житель жительница "
                    "очевидец очевидица свидетель участник участница пассажир прохожий беженец беженка "
                    "источник собеседница собеседники".split()),
    "uk": frozenset("один одна інший інша ще місцевий місцева житель жителька мешканець мешканка "
                    "очевидець свідок учасник учасниця пасажир біженець біженка джерело".split()),
}


def _anaphoric_role(t: _Text, phrase: str, pos: int, verb: re.Match[str]) -> Cyr | None:
    """A singular role tag after speech ("— уверен политик", "— заявил губернатор") is the person
    last named before it, within the pronoun window and of the verb's gender; None for a plural,
    a described newcomer (:data:`NEW_PERSON_WORDS`) or no such person."""
    words = phrase.lower().split()
    if not words or set(words) & NEW_PERSON_WORDS[t.language]:
        return None
    head = cyr.analyzer(t.language).parse(words[0])[0]
    if "plur" in head.tag.grammemes:
        return None
    gender = _gender_of_verb(verb.group("verb")) or ("f" if "femn" in head.tag.grammemes else "m")
    pronoun = {"m": "он", "f": "она"} if t.language == "ru" else {"m": "він", "f": "вона"}
    who = _pronoun(t, pronoun[gender], pos, verb)
    if who is None or who.attribution != "pronoun":
        return None
    named = who.as_written.split("(", 1)[-1].rstrip(")")
    return replace(who, attribution="role", confidence=CONFIDENCE["role"], as_written=f"{phrase} ({named})")


def _title_gap(text: str, lo: int, hi: int) -> bool:
    """Only a title between a tag's start and its name; a quoted organisation name may sit in it
    ("главный экономист агентства «Эксперт РА» Антон Табах")."""
    return bool(_SUBJECT_GAP.fullmatch(re.sub(r"«[^«»]{1,40}»", "x", text[lo:hi])))


def _fits_case(t: _Text, m: Mention, case: str | None) -> bool:
    if case != "nomn" or m.kind == "organisation":
        return True
    return cyr.can_be_nominative(t.text[m.start:m.end].split()[-1], t.language)


def _role_span(t: _Text, lo: int, hi: int) -> tuple[int, int] | None:
    """A described speaker from ``lo`` up to a preposition, comma or the end ("один из протестующих")."""
    stop = _STOP_AT.search(t.text, lo, hi)
    end = len(t.text[:stop.start() if stop else hi].rstrip(" .,;:!?—–-\u00a0"))
    return (lo, end) if end > lo else None


def _role_key(phrase: str) -> str:
    words = phrase.lower().split()
    key = " ".join(words[:2])
    return cyr.ROLE_EQUIVALENTS.get(key, words[0] if words else "")


def _role_holder(t: _Text, phrase: str, pos: int) -> Mention | None:
    """The person named earlier in the text with the same role ("Президент України Володимир
    Зеленський" ... "Глава держави"); None unless exactly one person carries it."""
    key = _role_key(phrase)
    holders: dict[str, Mention] = {}
    # the role's holder is named in the last few paragraphs: look back 3,000 characters at most
    first = bisect.bisect_left(t.mention_starts, pos - 3000)
    for m in t.mentions[first:bisect.bisect_left(t.mention_starts, pos)]:
        if m.kind != "person":
            continue
        before = t.text[max(0, m.start - 60):m.start]
        for head in re.finditer(r"[\w'ʼ’-]+", before):
            between = t.text[max(0, m.start - 60) + head.end():m.start]
            if cyr.verb_pattern(t.language).search(between):
                continue  # "политик подчеркнул, что … на Даунинг-стрит": the role is a clause's subject
            if _role_key(t.text[max(0, m.start - 60) + head.start():m.start]) == key:
                holders[cyr.nominative(t.text[m.start:m.end], t.language).split()[-1]] = m
                break
    return next(iter(holders.values())) if len(holders) == 1 else None


def _case_after(verb: re.Match[str] | None) -> str:
    v = verb.group("verb").lower() if verb else ""
    return "gent" if v.startswith(ACCORDING) else "nomn"


#: a relaying outlet after the quote: "— цитирует его РИА Новости", "— передает ТАСС слова Руденко"
_RELAY = re.compile(r"(?:цитиру[ею]т|процитировал[аи]?|привод[ия]т|переда[её]т|передают|цитує|передає|наводить)"
                    r"(?![\w'ʼ’-])", re.IGNORECASE)
_RELAYED_PRONOUN = re.compile(r"(?<![\w'ʼ’-])(?P<pron>его|её|ее|його|її)(?![\w'ʼ’-])", re.IGNORECASE)


def _relayed(t: _Text, q: CyrQuote, lo: int, hi: int) -> Cyr | None:
    """Rule 1 for relayed words: the original speaker, not the outlet.  ``его``/``её`` in the tag is
    the person named before the quote ("— приводит его слова издание"); ``слова X`` names them; an
    accusative role ("— цитирует РИА Новости американского аналитика") is read as a role tag."""
    relay = _RELAY.match(t.text, lo, hi)
    if relay is None:
        return None
    said = _SAID_WORDS.search(t.text, relay.end(), hi)
    if said is not None:
        m = t.person_in(said.end(), min(hi, said.end() + 60))
        if m is not None:
            return _named(t, m, "gent", "name", CONFIDENCE["verb"], None)
    pron = _RELAYED_PRONOUN.search(t.text, relay.end(), hi)
    if pron is not None:
        who = _pronoun(t, _POSSESSIVE_GENDER[pron.group("pron").lower()], q.start, None)
        return replace(who, as_written=pron.group("pron")) if who is not None else None
    for w in _WORD.finditer(t.text, relay.end(), hi):
        if w.group().islower() and cyr.is_animate_noun(w.group(), t.language, case="accs"):
            gender = "f" if "femn" in cyr.analyzer(t.language).parse(w.group())[0].tag.grammemes else "m"
            who = _pronoun(t, _POSSESSIVE_GENDER["её" if gender == "f" else "его"], q.start, None)
            return replace(who, attribution="role", as_written=t.text[w.start():hi].strip(" .")) if who else None
    return None


def _after_quote(t: _Text, q: CyrQuote, hi: int) -> Cyr | None:
    """Rule 1: ``«…», — заявил X`` and its variants."""
    dash = _AFTER_DASH.match(t.text, q.end, hi)
    if dash is None:
        return None
    nxt = t.next_quote_start(dash.end(), hi)
    end = min(hi, nxt)
    relayed = _relayed(t, q, dash.end(), end)
    if relayed is not None:
        return relayed
    verb = cyr.verb_pattern(t.language).match(t.text, dash.end(), end)
    if verb is not None:
        return _subject_at(t, verb.end(), end, verb, _case_after(verb))
    who = _subject_at(t, dash.end(), end, None, "nomn")
    if who is None:
        return None
    tail_verb = cyr.verb_pattern(t.language).search(t.text, dash.end(), min(end, dash.end() + 120))
    if tail_verb is not None:
        sv = cyr.speech_verb(tail_verb.group("verb"), t.language)
        who = replace(who, verb=sv, cue=tail_verb.group("verb").lower(), confidence=max(who.confidence, 0.9))
    return who


def _before_quote(t: _Text, q: CyrQuote, lo: int) -> tuple[Cyr | None, bool]:
    """Rule 2: a cue ending in a colon before the quote; (speaker, was there a cue at all)."""
    prev_end = t.last_quote_end(lo, q.start)
    pre = t.text[prev_end:q.start].rstrip()
    if not pre.endswith(":"):
        return None, False
    colon = prev_end + len(pre) - 1
    verbs = list(cyr.verb_pattern(t.language).finditer(t.text, prev_end, colon))
    said = _SAID_WORDS.search(t.text, prev_end, colon)
    if said is not None:  # "слова X, сказані …:" names the speaker in the genitive
        m = t.person_in(said.end(), min(colon, said.end() + 80))
        if m is not None:
            return _named(t, m, "gent", "name", CONFIDENCE["verb"], verbs[-1] if verbs else None), True
    if not verbs:
        m = t.last_mention_before(colon + 1, prev_end)
        if m is not None and not t.text[m.end:colon].strip():
            return _named(t, m, "nomn", "name", CONFIDENCE["colon"], None), True
        role_start = _role(t, prev_end + len(t.text[prev_end:colon]) - len(t.text[prev_end:colon].lstrip()), colon)
        holder = t.person_in(role_start[0], role_start[1] + 1) if role_start else None
        if holder is not None and not t.text[holder.end:colon].strip():
            return _named(t, holder, "nomn", "name", CONFIDENCE["colon"], None), True
        if role_start and not t.text[role_start[1]:colon].strip():
            phrase = t.text[role_start[0]:role_start[1]]
            return Cyr(phrase, phrase, "role", CONFIDENCE["role"], False), True
        return None, False
    verb = verbs[-1]
    words = list(_WORD.finditer(t.text, prev_end, verb.start()))
    for w in reversed(words[-3:]):
        low = w.group().lower()
        if low in cyr.PRONOUNS[t.language] or low in cyr.FIRST_PERSON[t.language]:
            return _pronoun(t, w.group(), w.start(), verb), True
    if verb.group("verb").lower() in cyr.FIRST_PERSON_FORMS:
        return _pronoun(t, "я", verb.start(), verb), True
    if words and not t.text[words[-1].end():verb.start()].strip() and words[-1].group()[:1].islower() \
            and cyr.is_animate_noun(words[-1].group(), t.language):
        sv = cyr.speech_verb(verb.group("verb"), t.language)
        return Cyr(words[-1].group(), words[-1].group(), "role", CONFIDENCE["role"], False, sv,
                   verb.group("verb").lower()), True
    m = _subject_before(t, verb.start(), prev_end)
    if m is not None:
        noun = re.search(r"([\w'ʼ’]+)\s+(?:[\w'ʼ’]+\s+){0,6}$", t.text[prev_end:m.start])
        said = re.search(r"(?:^|\s)(?:слова|словами|слів)\s", t.text[prev_end:m.start])
        case = "gent" if said or (noun and noun.group(1).lower() in cyr.SPEECH_NOUNS) else "nomn"
        return _named(t, m, case, "name", CONFIDENCE["verb"], verb), True
    return _subject_at(t, verb.end(), colon, verb, "nomn"), True


def _credit_after(t: _Text, q: CyrQuote, hi: int) -> Cyr | None:
    """Rule 3: the next sentence says whose words these are ("Це слова X", "Брифінг X")."""
    m = _CREDIT.match(t.text, q.end)
    if m is None or m.group("noun").lower().translate(_APOS) not in cyr.SPEECH_NOUNS:
        return None
    para_hi = t.paragraphs[t.paragraph_of(q.start)][1]
    mention = t.person_in(m.end(), min(m.end() + 80, para_hi)) or t.mention_at(m.end(), min(m.end() + 80, para_hi))
    return _named(t, mention, "gent", "name", CONFIDENCE["credit"], None) if mention else None


_NEXT_SENTENCE = re.compile(r"[.!?…]*[ \u00a0]+(?=\S)")


def _speaker_next(t: _Text, q: CyrQuote) -> Cyr | None:
    """A headline quote whose next sentence opens with its speaker and a speech verb:
    "«Есть стандартное раздолбайство». Медведев описал, как …"."""
    para_hi = t.paragraphs[t.paragraph_of(q.start)][1]
    gap = _NEXT_SENTENCE.match(t.text, q.end, para_hi)
    if gap is None or t.text[q.end:gap.end()].strip(" \u00a0") not in ("", "."):
        return None
    m = t.mention_at(gap.end(), gap.end() + 1)
    if m is None or m.kind != "person":
        return None
    verb = cyr.verb_pattern(t.language).match(t.text, m.end + 1, para_hi)
    if verb is None or not _fits_case(t, m, "nomn"):
        return None
    return _named(t, m, "nomn", "name", CONFIDENCE["credit"], verb)


def _earlier_words(t: _Text, q: CyrQuote, lo: int) -> Cyr | None:
    """Rule 5: "Слова X." in an earlier sentence of the paragraph."""
    p_lo = t.paragraphs[t.paragraph_of(q.start)][0]
    for m in re.finditer(r"(?:^|[\s.])(?:Слова|слова|Словами|словами)\s+", t.text[p_lo:lo]):
        mention = t.mention_at(p_lo + m.end(), p_lo + m.end() + 1)
        if mention is not None:
            return _named(t, mention, "gent", "name", CONFIDENCE["earlier"], None)
    return None


#: how close before a quote a cue of its sentence must end, and the longest cue (verb or "по словам")
LOCAL_CUE_CHARS = 60
MAX_CUE_CHARS = 60


def _local_cue(t: _Text, q: CyrQuote, lo: int) -> Cyr | None:
    """Rule 4: a cue shortly before the quote in its sentence ("як вони кажуть, «…»", "по словам X, ...")."""
    # only a verb ending within LOCAL_CUE_CHARS of the quote counts: scan from there, not from the
    # sentence start (a sentence of many quotes was quadratic)
    start = max(lo, q.start - LOCAL_CUE_CHARS - MAX_CUE_CHARS)
    for verb in reversed(list(cyr.verb_pattern(t.language).finditer(t.text, start, q.start))):
        if q.start - verb.end() > LOCAL_CUE_CHARS:
            break
        if verb.group("verb").lower().startswith(ACCORDING):
            return _subject_at(t, verb.end(), q.start, verb, "gent")
        words = list(_WORD.finditer(t.text, max(lo, verb.start() - 40), verb.start()))
        if words:
            who = _subject_at(t, words[-1].start(), verb.start(), verb, "nomn")
            if who is not None:
                return who
    return None


_LEAD_DASH = re.compile(r"[ \u00a0]*[—–][ \u00a0]+")


def _next_paragraph_tag(t: _Text, q: CyrQuote) -> Cyr | None:
    """A quote closing its paragraph with a comma, tagged at the start of the next one:
    "«…»," / "— отметил главный экономист … Антон Табах."."""
    p = t.paragraph_of(q.start)
    if p + 1 >= len(t.paragraphs) or t.text[q.end:t.paragraphs[p][1]].strip() != ",":
        return None
    lo, hi = t.paragraphs[p + 1]
    dash = _LEAD_DASH.match(t.text, lo, hi)
    verb = cyr.verb_pattern(t.language).match(t.text, dash.end(), hi) if dash else None
    if verb is None:
        return None
    return _subject_at(t, verb.end(), t.sentence_of(verb.start())[1], verb, _case_after(verb))


def _is_direct(t: _Text, q: CyrQuote, lo: int, hi: int) -> bool:
    if q.dash or q.continued:
        return True
    if _next_paragraph_tag(t, q) is not None:
        return True
    prev_end = t.last_quote_end(lo, q.start)
    pre = t.text[prev_end:q.start].strip()
    inner = q.inner(t.text).strip()
    if _COPULA_DASH.match(t.text, q.end) and not inner.endswith(tuple(".!?…")):
        return False  # «Північний потік» – це зброя: the quote is a name the sentence is about
    if pre.endswith(":"):
        return True
    first = next((c for c in inner if c.isalnum()), "")
    if pre.strip(" —–-") or not (first.isupper() or first.isdigit()):
        return False
    rest = t.text[q.end:hi]
    return (not q.closed or inner.endswith(tuple(".!?…")) or not rest.strip()
            or bool(re.match(r"[ \u00a0]*[.!?…]", rest))
            or (_AFTER_DASH.match(rest) is not None and re.match(r"[ \u00a0]*[,!?…][ \u00a0]*[—–-]", rest) is not None))


def _attribute(t: _Text, q: CyrQuote, direct: bool) -> tuple[Cyr | None, bool]:
    """(speaker, had a cue of its own) of one quote by rules 1-5."""
    lo, hi = t.sentence_of(q.start)
    if q.dash:
        hi = t.paragraphs[t.paragraph_of(q.start)][1]
    who = _after_quote(t, q, hi) or _next_paragraph_tag(t, q)
    if who is not None:
        return who, True
    author = _AFTER_DASH.match(t.text, q.end, hi)
    if author is not None and t.text[author.end():author.end() + 1].islower():
        return None, True  # "— А санкции? — спросили его.": an author's insertion naming nobody we know
    before, cued = _before_quote(t, q, lo)
    if before is not None or cued:
        return before, True
    if direct:
        who = _credit_after(t, q, hi) or _speaker_next(t, q) or _earlier_words(t, q, lo)
        return who, who is not None
    return _local_cue(t, q, lo), False


def _quote_pieces(t: _Text) -> list[CyrPiece]:
    pieces: list[CyrPiece] = []
    last_direct: tuple[int, Cyr] | None = None  # (paragraph, speaker) of the last attributed direct quote
    for q in t.quotes:
        lo, hi = t.sentence_of(q.start)
        direct = _is_direct(t, q, lo, hi)
        who, cued = _attribute(t, q, direct)
        para = t.paragraph_of(q.start)
        if who is None and direct and not cued and last_direct and para - last_direct[0] <= 1:
            who = replace(last_direct[1], attribution="continuation", confidence=CONFIDENCE["continuation"])
        if who is not None and direct:
            last_direct = (para, who)
        pieces.append(CyrPiece(q.start, q.end, "direct" if direct else "partial", who, q.group))
    by_group: dict[int, Cyr] = {}
    for p in pieces:
        if p.who is not None:
            by_group.setdefault(p.group, p.who)
    for p in pieces:
        if p.who is None and p.group in by_group:  # a quote running over paragraphs
            p.who = replace(by_group[p.group], attribution="continuation", confidence=CONFIDENCE["continuation"])
    return pieces


#: prepositional cues whose speaker follows in the genitive ("по словам Пескова", "по мнению эксперта")
ACCORDING: tuple[str, ...] = ("по словам", "за словами", "по мнению")
#: "По его словам, …": the speaker is a possessive pronoun between the preposition and the noun
_POSSESSIVE_ACCORDING = re.compile(
    r"(?<![\w'ʼ’-])(?:по|за)\s+(?P<pron>его|её|ее|його|її)\s+(?:словам|словами|мнению)(?![\w'ʼ’-])", re.IGNORECASE)
_POSSESSIVE_GENDER = {"его": "он", "её": "она", "ее": "она", "його": "він", "її": "вона"}


def _possessive_according(t: _Text, lo: int, hi: int) -> tuple[int, Cyr] | None:
    """(clause start, speaker) of "По его словам, …" in the sentence ``[lo, hi)``, else None."""
    m = _POSSESSIVE_ACCORDING.search(t.text, lo, hi)
    if m is None or t.inside_quote(m.start()):
        return None
    pron = m.group("pron")
    who = _pronoun(t, _POSSESSIVE_GENDER[pron.lower()], m.start(), None)
    if who is None:
        return None
    sv = cyr.speech_verb("по словам", t.language)
    who = replace(who, as_written=who.as_written.replace(_POSSESSIVE_GENDER[pron.lower()], pron, 1),
                  verb=sv, cue=m.group().lower())
    comma = t.text.find(",", m.end(), hi)
    return (comma + 1 if comma > 0 and m.start() == lo else m.end()), who


def _looks_like_name(quote: str) -> bool:
    """A quoted name, not words: capitalised, at most three words, no sentence end ("«Северный поток»")."""
    inner = quote.strip("«»„“”\"' ")
    return bool(inner) and inner[:1].isupper() and len(inner.split()) <= 3 and not inner.endswith(tuple(".!?…"))


def _quotes_in_reported(quotes: Sequence[CyrPiece], reported: Sequence[CyrPiece], t: _Text) -> None:
    """An unattributed quote inside a sentence whose reported clause has a speaker takes that speaker:
    "Путин заявил, что система «обеспечит связанность»", "По его словам, их «возвеличивают»",
    "… не без «раздолбайства», признал Медведев"."""
    by_sentence: dict[int, Cyr] = {}
    for r in reported:
        if r.who is not None:
            by_sentence.setdefault(t.sentence_of(r.start)[0], r.who)
    for q in quotes:
        who = by_sentence.get(t.sentence_of(q.start)[0])
        if q.who is None and who is not None and not _looks_like_name(t.text[q.start:q.end]):
            q.who = replace(who, confidence=min(who.confidence, CONFIDENCE["earlier"]))


_THAT = {"ru": re.compile(r",?\s*(?:что|будто)\s+"), "uk": re.compile(r",?\s*(?:що|нібито)\s+")}


def _reported_pieces(t: _Text, taken: SpanIndex) -> list[CyrPiece]:
    """``X заявил, что …`` and ``По словам X, …``: the clause, minus quotes (``taken``)."""
    out: list[CyrPiece] = []
    for lo, hi in t.sentences:
        possessive = _possessive_according(t, lo, hi)
        if possessive is not None:
            out.extend(CyrPiece(s, e, "reported", possessive[1])
                       for s, e in minus(possessive[0], hi, taken.overlapping(possessive[0], hi))
                       if re.search(r"\w", t.text[s:e]))
            continue
        for verb in cyr.verb_pattern(t.language).finditer(t.text, lo, hi):
            if t.inside_quote(verb.start()):
                continue
            according = verb.group("verb").lower().startswith(ACCORDING)
            head = t.text[lo:verb.start()].rstrip()
            end = hi
            if head.endswith(",") and len(head.split()) >= 3 and not according:
                # "Россия готова к переговорам, заявил Песков.": the clause before the verb
                who = _subject_at(t, verb.end(), hi, verb, "nomn")
                start, end = lo, lo + len(head) - 1
            elif according:
                comma = t.text.find(",", verb.end(), hi)
                who = _subject_at(t, verb.end(), comma if comma > 0 else hi, verb, "gent")
                start = comma + 1 if comma > 0 and verb.start() == lo else -1
            else:
                that = _THAT[t.language].match(t.text, verb.end(), hi)
                m = _subject_before(t, verb.start(), lo)
                who = _named(t, m, "nomn", "name", CONFIDENCE["verb"], verb) if m is not None else None
                start = that.end() if that else -1
            if who is None or start < 0:
                continue
            for s, e in minus(start, end, taken.overlapping(start, end)):
                if re.search(r"\w", t.text[s:e]):
                    out.append(CyrPiece(s, e, "reported", who))
            break  # one reported clause per sentence
    return out


def _narration(t: _Text, pieces: Sequence[CyrPiece]) -> list[CyrPiece]:
    holes = SpanIndex((p.start, p.end) for p in pieces)
    out: list[CyrPiece] = []
    for lo, hi in t.paragraphs:
        for s, e in minus(lo, hi, holes.overlapping(lo, hi)):
            s, e = trimmed(t.text, s, e)
            if s < e and re.search(r"\S", t.text[s:e]):
                out.append(CyrPiece(s, e, "narration"))
    return out


@dataclass(frozen=True)
class CyrillicSpeaker:
    """The speaker fields of one ru/uk statement: display name, stable id, bloc, whether the registry knows them."""

    speaker: str
    speaker_id: str
    bloc: str
    registered: bool


@lru_cache(maxsize=65536)
def _person_id(name: str) -> str:
    return speaker_ids([name])[0]


def cyrillic_speaker(who: Cyr, language: str, registry: SpeakerRegistry) -> CyrillicSpeaker:
    """Registry canonical name when the (transliterated) name is a registry name, else the name as found.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> who = Cyr("Дмитрий Песков", "Дмитрий Песков", "name", 0.9)
        >>> cyrillic_speaker(who, "ru", default_registry()).speaker
        'Dmitry Peskov'
    """
    latin = cyr.transliterate(who.name, language)
    if who.named and not who.organisation:
        canonical = registry.resolve(latin) or registry.resolve(who.name)
        if canonical is None and " " in latin:
            canonical = registry.resolve(latin.split()[-1])
            if canonical is not None and cyr.transliterate(who.name, language).split()[0][:1] \
                    != canonical.split()[0][:1]:
                canonical = None  # same surname, another first name: a different person
        if canonical is not None:
            return CyrillicSpeaker(canonical, _person_id(canonical), registry.bloc(canonical), True)
    if who.organisation or not who.named:
        slug = re.sub(r"[^a-z0-9]+", "_", fold(latin)).strip("_")
        return CyrillicSpeaker(who.name, f"{'org' if who.organisation else 'descriptor'}:{slug}", "", False)
    return CyrillicSpeaker(who.name, _person_id(latin) if latin.strip() else "", "", False)



def _row(t: _Text, p: CyrPiece, registry: SpeakerRegistry, narrator: str | Sequence[Voice],
         outlet: str) -> tuple[object, ...]:
    s, e = trimmed(t.text, p.start, p.end)
    if p.kind == "narration":
        speaker, bloc, registered = narration_speaker(narrator, registry, s, e)
        # as in the English extractor: narration is the outlet's own voice
        sid = f"narrator:{speaker}" if speaker else ""
        return (speaker, bloc, registered, p.kind, t.original[s:e], s, e, "", outlet,
                sid, speaker, "narrator", 1.0, "", "")
    if p.who is None:
        return ("", "", False, p.kind, t.original[s:e], s, e, "", outlet, "", "", "none", 0.0, "", "")
    ident = cyrillic_speaker(p.who, t.language, registry)
    verb = p.who.verb
    return (ident.speaker, ident.bloc, ident.registered, p.kind, t.original[s:e], s, e, p.who.cue, outlet,
            ident.speaker_id, p.who.as_written, p.who.attribution, p.who.confidence,
            verb.lemma if verb else "", verb.stance if verb else "")


def extract_statements_ru_uk(
    text: str | None,
    speakers: SpeakerRegistry | str | Path | pd.DataFrame | None = None,
    *,
    language: str,
    narrator: str | Sequence[Voice] = "",
    passages: Iterable[tuple[int, int, str]] | None = None,
) -> pd.DataFrame:
    """Statements of one Russian (``language="ru"``) or Ukrainian (``"uk"``) text, in order.

    Same arguments and kinds as :func:`analysis.statements.extract.extract_statements`;
    ``narrator`` as a name is also the speaker of first-person quotes (``я``,
    ``мы``/``ми``).  A missing text gives an empty frame with the columns.

    Example:
        >>> t = "По словам Пескова, переговоры идут. Он добавил: «Мы ждём ответа»."
        >>> extract_statements_ru_uk(t, language="ru")[["speaker", "kind", "text"]].values.tolist()
        [['', 'narration', 'По словам Пескова,'], ['Dmitry Peskov', 'reported', 'переговоры идут.'], ['', 'narration', 'Он добавил:'], ['Dmitry Peskov', 'direct', '«Мы ждём ответа»'], ['', 'narration', '.']]
    """
    if language not in cyr.CYR_LANGUAGES:
        raise ValueError(f"extract_statements_ru_uk: language must be one of {cyr.CYR_LANGUAGES}, got {language!r}")
    registry = SpeakerRegistry.coerce(speakers)
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return _frame([])
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(narrator, str) and not narrator and text.strip():
        raise ValueError("extract_statements_ru_uk: narrator voices must cover the text (got none)")
    # names, cues and quotes are found on a copy with Latin look-alikes inside Cyrillic words
    # repaired ("Пескoв" with a Latin o is Песков); the copy has the same length, and every
    # statement's text is cut from the original
    scan = repair_homoglyphs(text)
    t = _Text(scan, language, narrator if isinstance(narrator, str) else "", original=text)
    pieces = _quote_pieces(t)
    reported = _reported_pieces(t, SpanIndex((p.start, p.end) for p in pieces))
    _quotes_in_reported(pieces, reported, t)
    pieces += reported
    pieces += _narration(t, pieces)
    pieces.sort(key=lambda p: p.start)
    found = list(passages) if passages is not None else find_passages(text)
    rows = []
    for n, p in enumerate(pieces, start=1):
        outlet = next((o for ps, pe, o in found if ps <= p.start < pe), "")
        rows.append((n, *_row(t, p, registry, narrator, outlet)))
    return _frame(_merge_surnames(rows))


_SURNAME_ONLY_ID = re.compile(r"person:(?P<surname>[^:]+):")


def _merge_surnames(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """A surname alone ("Матвейчев") takes the id and name of the one full name with that surname in
    the same text ("Олег Матвейчев"); two full names sharing it (two Kims) leave it alone."""
    sid, name = COLUMNS.index("speaker_id"), COLUMNS.index("speaker")
    full: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        m = re.fullmatch(r"person:([^:]+):(.+)", str(r[sid]))
        if m:
            full.setdefault(m.group(1), set()).add((str(r[sid]), str(r[name])))
    out = []
    for r in rows:
        m = _SURNAME_ONLY_ID.fullmatch(str(r[sid]))
        target = full.get(m.group("surname"), set()) if m else set()
        if len(target) == 1:
            new_id, new_name = next(iter(target))
            r = tuple(new_id if i == sid else new_name if i == name else v for i, v in enumerate(r))
        out.append(r)
    return out


def _frame(rows: Sequence[tuple[object, ...]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(COLUMNS))
    return frame.astype({"statement_id": "int64", "start": "int64", "end": "int64",
                         "speaker_in_registry": "bool", "speaker": "str", "speaker_bloc": "str",
                         "kind": "str", "text": "str", "cue": "str", "quoted_from": "str",
                         "speaker_id": "str", "speaker_as_written": "str", "attribution": "str",
                         "attribution_confidence": "float64", "reporting_verb": "str", "verb_stance": "str"})
