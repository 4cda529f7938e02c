"""Descriptors: the phrases a text uses to characterise speakers and their words.

:func:`find_descriptors` finds, without a tagger, words stacked before a
speaker mention ("the *hawkish* deputy chairman"), an apposition after it
("Medvedev, *the deputy chairman of ...*,"), a possessive noun phrase
("Putin's *chief lieutenant*"), an unnamed descriptor mention ("a Kremlin
representative"), a modified speech-act or demand noun ("an *inflammatory*
statement", "*sweeping* demands") and a participial gloss hung on a clause
(", *demonstrating readiness for concessions*").  This is text extraction,
like quotes and speakers; :func:`analysis.compare.outlet_descriptors` keeps
the ones in an outlet's own words.

Example:
    >>> find_descriptors("The hawkish deputy chairman of Russia's Security Council said so.")[
    ...     ["descriptor", "relation", "target"]].values.tolist()
    [['hawkish', 'premodifier', 'Dmitry Medvedev']]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pandas as pd

from analysis.statements.cues import SPEECH
from analysis.statements.mention import Mention
from analysis.statements.mentions import find_mentions
from analysis.statements.sentences import sentence_spans
from analysis.statements.speakers import SpeakerRegistry
from analysis.statements.stopwords import ENGLISH_STOPWORDS

__all__ = ["DESCRIPTOR_COLUMNS", "RELATIONS", "SPEECH_ACT_NOUNS", "find_descriptors"]

#: Descriptor relations, in the order tables list them.
RELATIONS: tuple[str, ...] = (
    "premodifier", "apposition", "possessive", "descriptor", "speech_act", "participial", "lexicon",
)
DESCRIPTOR_COLUMNS: tuple[str, ...] = (
    "start", "end", "descriptor", "relation", "target", "target_start", "target_end", "phrase",
)
#: Relations whose descriptor sits next to its target (``phrase`` joins the two).
_ADJACENT = frozenset({"premodifier", "apposition", "possessive"})

# Nouns for what someone said or demanded: their modifiers are how a narrator
# characterises the words ("an inflammatory statement", "sweeping demands").
SPEECH_ACT_NOUNS = (
    "statements?|remarks?|comments?|words|posts?|messages?|rhetoric|threats?|warnings?|claims?|"
    "speech(?:es)?|address|interviews?|tirades?|outbursts?|diatribes?|rants?|tweets?|language|"
    "tone|assertions?|accusations?|narratives?|propaganda|pledges?|promises?|vows?|"
    "demands?|conditions?|ultimatums?|proposals?|offers?|concessions?|rebuke|insults?"
)
# Heads a possessive noun phrase may end on ("Putin's chief lieutenant").
_PERSON_HEADS = frozenset(
    "representative spokesman spokeswoman spokesperson official minister chief head president "
    "secretary chairman chairwoman senator envoy ambassador adviser advisor aide commander "
    "governor mayor lawmaker diplomat negotiator leader lieutenant ally allies deputy "
    "henchman confidant loyalist protege protégé mouthpiece critic successor predecessor "
    "general".split()
)
_DETERMINERS = frozenset("the a an his her its their this that these those another".split())
# "-ing" words after a comma that are prepositions or speech cues, not glosses.
_NOT_GLOSS = frozenset(
    "during including regarding concerning following according excluding notwithstanding pending "
    "considering saying adding declaring noting warning stressing insisting claiming arguing "
    "explaining writing telling asserting announcing emphasising emphasizing acknowledging "
    "admitting calling describing dubbing branding labeling labelling accusing referring".split()
)
_WORD = r"[A-Za-z][\w'’.-]*"
_WORD_RE = re.compile(_WORD)
# inside one sentence: clause punctuation ends a modifier stack ("U.S." does not)
_BREAK_RE = re.compile(r"[,;:!?()\[\]\"“”‘«»—–]|\s-\s")
# light verbs that take a demand or speech noun as object ("issues sweeping demands")
_LIGHT_VERBS = frozenset(
    "issue issues issued present presents presented make makes made set sets put puts reject rejects "
    "rejected accept accepts accepted submit submits submitted include includes included outline "
    "outlines outlined offer offers offered show shows showed draw draws drew deliver delivers "
    "delivered post posts give gives gave repeat repeats repeated"
    .split()
)
_APPOSITION_RE = re.compile(
    r"\s*,\s*(?P<app>[^,;:!?()\"“”—–\n]{2,160}?)\s*(?=,|;|—|–|\.(?:\s|$)|$)"
)
_SPEECH_ACT_RE = re.compile(
    rf"(?<![\w'’-])(?P<mods>(?:{_WORD}(?:\s*,\s*|\s+and\s+|\s+)){{1,4}}?)(?P<noun>{SPEECH_ACT_NOUNS})\b",
    re.IGNORECASE,
)
_GLOSS_RE = re.compile(r",\s+(?P<gloss>(?P<verb>[a-z]+ing)\b[^.;:!?\n]*)")
_MAX_PREMODS = 7
_MAX_APPOSITION_WORDS = 16
_MAX_GLOSS_WORDS = 18


def _sentence_of(bounds: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return 0, 0


def _is_stop(word: str) -> bool:
    return word.lower().replace("’", "'") in ENGLISH_STOPWORDS


def _premodifiers(text: str, sent_start: int, start: int) -> tuple[int, int] | None:
    """The words stacked right before a mention, back to a function word or break."""
    left = text[sent_start:start]
    cut = [m.end() for m in _BREAK_RE.finditer(left)]
    base = sent_start + (cut[-1] if cut else 0)
    words = list(_WORD_RE.finditer(text, base, start))
    if not words or text[words[-1].end():start].strip():
        return None
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        token = w.group()
        if token.lower() == "and" and kept:
            kept.append(w)
            continue
        if _is_stop(token) or token.lower() in _DETERMINERS or _looks_like_verb(token):
            break
        kept.append(w)
        if sum(k.group().lower() != "and" for k in kept) >= _MAX_PREMODS:
            break
    while kept and kept[-1].group().lower() == "and":
        kept.pop()
    if not kept:
        return None
    return kept[-1].start(), kept[0].end()


def _looks_like_verb(token: str) -> bool:
    # Without a tagger: a lowercase speech verb, light verb or "-ed" form
    # before a name or noun ("said Graham", "issues sweeping demands") ends
    # the modifier stack.
    low = token.lower()
    if not token.islower():
        return False
    if SPEECH.fullmatch(low) or low in _LIGHT_VERBS:
        return True
    return low.endswith("ed") and len(low) > 4


def _apposition(text: str, end: int, sent_end: int, same_entity_starts: set[int]) -> tuple[int, int] | None:
    m = _APPOSITION_RE.match(text, end, sent_end)
    if m is None:
        return None
    app = m.group("app")
    first = app.split()[0].lower() if app.split() else ""
    starts_ok = first in _DETERMINERS | {"who", "whose", "which"} or m.start("app") in same_entity_starts
    if not starts_ok or len(app.split()) > _MAX_APPOSITION_WORDS:
        return None
    return m.start("app"), m.end("app")


def _possessive_np(text: str, end: int) -> tuple[int, int] | None:
    m = re.match(r"['’]s?\s+", text[end:])
    if m is None:
        return None
    pos = end + m.end()
    words: list[re.Match[str]] = []
    for w in _WORD_RE.finditer(text, pos):
        if text[pos:w.start()].strip() or _is_stop(w.group()) or len(words) >= 4:
            break
        words.append(w)
        pos = w.end()
    heads = [w for w in words
             if w.group().lower().rstrip(".") in _PERSON_HEADS
             or re.fullmatch(SPEECH_ACT_NOUNS, w.group().lower())]
    # the last head of the run: "chief lieutenant", not "chief"
    return (words[0].start(), heads[-1].end()) if heads else None


def _is_person_np(text: str, span: tuple[int, int]) -> bool:
    last = text[span[0]:span[1]].split()[-1].lower().rstrip(".")
    return last in _PERSON_HEADS


def _target_before(
    text: str, mentions: Sequence[Mention], sent: tuple[int, int], pos: int
) -> tuple[str, int, int]:
    """First mention of the sentence before ``pos`` that can be a subject.

    A possessive mention is skipped unless it owns a person noun phrase,
    which is then the target ("Putin's chief lieutenant issued ...").
    """
    for m in mentions:
        if not sent[0] <= m.start < pos or _is_possessive_descriptor(text, m):
            continue
        if not m.possessive:
            return m.entity, m.start, m.end
        np_span = _possessive_np(text, m.end)
        if np_span and _is_person_np(text, np_span) and np_span[1] <= pos:
            return text[m.start:np_span[1]], m.start, np_span[1]
    return "", -1, -1


def _is_possessive_descriptor(text: str, m: Mention) -> bool:
    # "Putin's chief" found as a descriptor mention is the possessive rule's job
    return m.source == "descriptor" and bool(re.search(r"['’]s\b", text[m.start:m.end]))


def _subject_guess(text: str, mentions: Sequence[Mention], sent: tuple[int, int], pos: int) -> tuple[str, int, int]:
    entity = _target_before(text, mentions, sent, pos)
    if entity[0]:
        return entity
    for w in _WORD_RE.finditer(text, sent[0], pos):
        if w.group()[0].isupper() and not _is_stop(w.group()):
            return w.group(), w.start(), w.end()
    return "", -1, -1


_SERIES_RE = re.compile(r"(?:,|\band)\s+[a-z]+ing\b")


def _in_series(gm: re.Match[str]) -> bool:
    """A gerund in a list ("handing over ..., becoming ..., and holding ...")."""
    return bool(_SERIES_RE.search(gm.group("gloss")))


def find_descriptors(
    text: str,
    registry: SpeakerRegistry | None = None,
    *,
    sentences: Callable[[str], Sequence[tuple[int, int]]] = sentence_spans,
) -> pd.DataFrame:
    """Phrases ``text`` uses to characterise speakers, their words and demands.

    Speakers are found with :func:`analysis.statements.mentions.find_mentions`
    (registry aliases, confirmed names, descriptor mentions; ``registry``
    defaults to the bundled one).  ``sentences`` splits ``text`` into
    ``(start, end)`` sentence spans (a modifier stack, an apposition and a
    target never cross one); the default is the quote-aware
    :func:`analysis.statements.sentences.sentence_spans`, and
    :func:`analysis.compare.outlet_descriptors` passes the scorer's Punkt
    sentences.  Relations (see the module docstring):
    ``premodifier``, ``apposition``, ``possessive``, ``descriptor``,
    ``speech_act``, ``participial``.  ``target`` is the speaker described (for
    ``speech_act`` and ``participial`` the first non-possessive mention of the
    sentence, else its first capitalised word; '' if none).  The rules are
    patterns over words, not a parser: expect some misses and some noise, and
    read the phrases in context.

    Returns ``DESCRIPTOR_COLUMNS``, one row per phrase (offsets into ``text``),
    sorted by position.

    Example:
        >>> t = "Medvedev, the deputy chairman, issued an inflammatory statement."
        >>> find_descriptors(t)[["descriptor", "relation"]].values.tolist()
        [['the deputy chairman', 'apposition'], ['inflammatory statement', 'speech_act']]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_descriptors expects a str, got {type(text).__name__}")
    reg = SpeakerRegistry.coerce(registry)
    mentions = sorted(find_mentions(text, reg), key=lambda m: (m.start, m.end))
    bounds = list(sentences(text)) or [(0, len(text))]
    rows = _mention_rows(text, mentions, bounds)
    possessives = [(r[0], r[1]) for r in rows if r[2] == "possessive"]
    rows += _speech_act_rows(text, mentions, bounds, possessives)
    rows += _participial_rows(text, mentions, bounds)
    return _descriptor_frame(text, rows)


#: start, end, relation, target, target start, target end
_Row = tuple[int, int, str, str, int, int]


def _row(span: tuple[int, int] | None, relation: str, target: tuple[str, int, int]) -> list[_Row]:
    if span is not None and span[1] > span[0]:
        return [(span[0], span[1], relation, *target)]
    return []


def _mention_rows(text: str, mentions: Sequence[Mention], bounds: Sequence[tuple[int, int]]) -> list[_Row]:
    """Descriptor mentions, and the premodifiers, appositions and possessives of person mentions."""
    rows: list[_Row] = []
    starts_by_entity: dict[str, set[int]] = {}
    for m in mentions:
        starts_by_entity.setdefault(m.entity, set()).add(m.start)
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        sent = _sentence_of(bounds, m.start)
        target = (m.entity, m.start, m.end)
        if m.source == "descriptor" and not _is_possessive_descriptor(text, m):
            rows += _row((m.start, m.end), "descriptor", target)
        if m.kind != "person":
            continue
        pre = _premodifiers(text, sent[0], m.start)
        if pre and not any(s <= pre[0] < e for s, e in taken):
            rows += _row(pre, "premodifier", target)
        rows += _row(_apposition(text, m.end, sent[1] or len(text), starts_by_entity[m.entity]), "apposition", target)
        if m.possessive:
            rows += _row(_possessive_np(text, m.end), "possessive", target)
    return rows


def _speech_act_rows(text: str, mentions: Sequence[Mention], bounds: Sequence[tuple[int, int]],
                     possessives: Sequence[tuple[int, int]]) -> list[_Row]:
    """Modified speech-act and demand nouns outside mentions and possessive phrases."""
    rows: list[_Row] = []
    taken = [(m.start, m.end) for m in mentions]
    for sm in _SPEECH_ACT_RE.finditer(text):
        words = list(_WORD_RE.finditer(sm.group("mods")))
        # keep the modifier stack after the last function word, possessive or verb
        kept: list[re.Match[str]] = []
        for w in reversed(words):
            token = w.group()
            if token.lower() == "and" and kept:
                continue
            if (_is_stop(token) or token.lower() in _DETERMINERS or re.search(r"['’]s?$", token)
                    or _looks_like_verb(token)):
                break
            kept.append(w)
        if not kept:
            continue
        s = sm.start("mods") + kept[-1].start()
        e = sm.end("noun")
        if any(ts <= s < te for ts, te in taken) or any(ps <= s and e <= pe for ps, pe in possessives):
            continue
        rows += _row((s, e), "speech_act", _target_before(text, mentions, _sentence_of(bounds, s), s))
    return rows


def _participial_rows(text: str, mentions: Sequence[Mention], bounds: Sequence[tuple[int, int]]) -> list[_Row]:
    """Participial glosses hung on a clause (", demonstrating readiness ...")."""
    rows: list[_Row] = []
    for gm in _GLOSS_RE.finditer(text):
        if gm.group("verb") in _NOT_GLOSS or _in_series(gm):
            continue
        s = gm.start("gloss")
        words = list(_WORD_RE.finditer(gm.group("gloss")))[:_MAX_GLOSS_WORDS]
        e = s + words[-1].end()
        rows += _row((s, e), "participial", _subject_guess(text, mentions, _sentence_of(bounds, s), s))
    return rows


def _descriptor_frame(text: str, rows: Sequence[_Row]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(
        sorted(set(rows), key=lambda r: (r[0], r[1], RELATIONS.index(r[2]))),
        columns=["start", "end", "relation", "target", "target_start", "target_end"],
    )
    frame["descriptor"] = [text[s:e] for s, e in zip(frame["start"], frame["end"])]
    frame["phrase"] = [
        text[min(s, ts):max(e, te)] if rel in _ADJACENT and ts >= 0 else text[s:e]
        for s, e, rel, ts, te in zip(frame["start"], frame["end"], frame["relation"],
                                     frame["target_start"], frame["target_end"])
    ]
    frame = frame.astype({"start": "int64", "end": "int64", "target_start": "int64",
                          "target_end": "int64", "relation": "str", "target": "str",
                          "descriptor": "str", "phrase": "str"})
    return frame.loc[:, list(DESCRIPTOR_COLUMNS)]
