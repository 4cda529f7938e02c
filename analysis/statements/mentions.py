"""Who is mentioned where: registry aliases, unregistered names, role descriptors.

Three kinds of mention are found and then linked into entities:

* registry aliases (longest match wins; a role alias right before a name is
  that name's title: "Russian President Vladimir Putin");
* unregistered personal names (2-4 capitalised words) confirmed by a title
  before them ("EU foreign policy chief Kaja Kallas"), an apposition after
  them, or a speech verb next to them; their surname then links back;
* descriptors ("a Kremlin representative", "the foreign policy chief",
  "Ukrainian negotiators").  A title or apposition adds its words to the named
  entity's role words; a definite descriptor ("the minister") resolves to the
  latest entity whose role words contain its head noun and a modifier; an
  unnamed spokesperson of a registered organisation ("a Kremlin
  representative") is that organisation.

Example:
    >>> from analysis.statements.speakers import default_registry
    >>> t = "EU foreign policy chief Kaja Kallas arrived. The foreign policy chief spoke."
    >>> [(t[m.start:m.end], m.entity) for m in find_mentions(t, default_registry())]
    [('EU', 'European Union'), ('Kaja Kallas', 'Kaja Kallas'), ('The foreign policy chief', 'Kaja Kallas')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from analysis.statements.alias_mentions import _alias_mentions, _Patterns, _patterns
from analysis.statements.bodies import _organisation_mentions
from analysis.statements.mention import Mention, _gender_of, _possessive, words_of
from analysis.statements.named_persons import _named_mentions
from analysis.statements.quotes import QuoteSpan, paragraph_spans
from analysis.statements.role_nouns import (
    _FUNCTION,
    _MOD,
    _PERSON_HEAD_WORDS,
    DESCRIPTOR,
    NEUTRAL_ROLE_MODIFIERS,
    ORG_HEADS,
    RANK_MODIFIERS,
    REP_HEADS,
    _adjectival,
    _bare_descriptors,
    _descriptor_entity,
    role_head,
    role_phrase,
)
from analysis.statements.roles import with_broader, with_places
from analysis.statements.spans import SpanIndex
from analysis.statements.speakers import (
    SpeakerRegistry,
)
from analysis.statements.titles import (
    _TITLE_ABBREVIATIONS,
    _TITLE_GAP,
    _TITLE_WORD_BEFORE,
    of_title_match,
)

#: how far back a role noun may continue a chain (a long quote may stand between: about two sentences and it)
MAX_ROLE_CHAIN_CHARS = 1200


def find_mentions(text: str, registry: SpeakerRegistry, quotes: Sequence[QuoteSpan] = ()) -> list[Mention]:
    """All speaker-like mentions of ``text`` in order, linked to entities.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> t = "A Kremlin representative spoke. The representative left."
        >>> [m.entity for m in find_mentions(t, default_registry())]
        ['Kremlin', 'Kremlin']
    """
    pats = _patterns(registry)
    mentions = _alias_mentions(text, registry, pats)
    descriptors = [*DESCRIPTOR.finditer(text), *_bare_descriptors(text)]
    descriptors = [d for d in descriptors if not _adjectival(text, d)]
    # bodies first: "the Institute for Grain Studies said" is no person "Grain Studies"
    mentions += _organisation_mentions(text, mentions)
    mentions += _named_mentions(text, mentions, descriptors)
    mentions.sort(key=lambda m: m.start)
    mentions = _attach_titles_and_appositions(text, mentions, descriptors)
    mentions = _add_descriptor_mentions(text, registry, pats, mentions, descriptors)
    described = _described_sources(text, mentions)
    inside = SpanIndex((d.start, d.end) for d in described)
    # "a 50-year-old bank employee said": the described person replaces the "a ... bank" inside it
    mentions = [m for m in mentions if not (m.source == "descriptor" and inside.overlaps(m.start, m.end))]
    mentions = sorted(mentions + described, key=lambda m: m.start)
    quote_spans = SpanIndex((q.start, q.end) for q in quotes)
    for m in mentions:
        m.in_quote = quote_spans.overlaps(m.start, m.end)
        m.surface = text[m.start:m.end]
    return mentions


def _described_sources(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Unnamed people described right before a speech verb ("a 50-year-old bank employee said").

    Only an indefinite noun phrase directly followed by a speech verb counts,
    so the description is the speaker as the text gives it (``named`` False).
    """
    # a descriptor of a body inside the description is a modifier of it ("a 50-year-old bank employee")
    taken = SpanIndex((m.start, m.end) for m in mentions if not (m.source == "descriptor" and m.kind == "organisation"))
    rx = _DESCRIBED.get(_DESCRIBED_VERBS)
    if rx is None:
        rx = _DESCRIBED[_DESCRIBED_VERBS] = re.compile(
            rf"(?<![\w'’-])(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:{_MOD}){{0,4}}{_FUNCTION}[a-z][\w-]*[a-z]"
            rf"(?=(?:\s*,[^,\"“”]{{1,120}},)?\s+(?:also\s+)?(?:{_DESCRIBED_VERBS})\b)")
    out = []
    for d in rx.finditer(text):
        if _NOT_A_PERSON_END.search(d.group()):
            continue  # "a soldier who gave only his first name, Andriy, said": a name is nobody
        if not taken.overlaps(d.start(), d.end()) and not _ORG_HEAD_END.search(d.group()):
            out.append(Mention(d.start(), d.end(), d.group(), "person", _gender_of(words_of(d.group())),
                               False, "descriptor", link="described"))
    for g in _BARE_GROUP.finditer(text):
        if not taken.overlaps(g.start("group"), g.end("group")):
            out.append(Mention(g.start("group"), g.end("group"), g.group("group"), "group", "", False,
                               "descriptor", link="described"))
    return out


_DESCRIBED: dict[str, re.Pattern[str]] = {}
#: descriptions that end in a word for words or names, not for a person
_NOT_A_PERSON_END = re.compile(r"\b(?:name|names|word|words|view|views|account|accounts|statement|version)$")
#: a description ending in a body's head is that body, not a described person ("a bank said")
_ORG_HEAD_END = re.compile(rf"\b(?:{ORG_HEADS})$", re.IGNORECASE)
#: past-tense speech verbs only: a base form after a noun is too often something else ("a sovereign state")
_DESCRIBED_VERBS = ("said|says|told|added|asked|explained|recalled|wrote|noted|insisted|warned|continued|"
                    "replied|admitted|argued|acknowledged|complained|claimed|stressed|declared")
#: a plural group opening its sentence without an article, then a speech verb: "Officials in Kyiv
#: said", "Residents told reporters"; its words are the described source
_BARE_GROUP = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\"”’][ \t])|(?<=\n))(?P<group>(?:Officials|Residents|Analysts|Experts|Witnesses|"
    rf"Doctors|Soldiers|Villagers|Rescuers|Prosecutors|Investigators|Diplomats|Lawmakers|Activists|Volunteers)"
    rf"(?:[ \t]+(?:in|from|at)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*)?)(?=[ \t]+(?:also[ \t]+)?(?:{_DESCRIBED_VERBS})\b)",
    re.MULTILINE)


class _Persons:
    """The person mentions of a start-sorted mention list, found by where they start or end."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.persons = [m for m in mentions if m.kind == "person"]
        self.starts = [m.start for m in self.persons]
        self.by_end: dict[int, list[Mention]] = {}
        for m in self.persons:
            self.by_end.setdefault(m.end, []).append(m)

    def titled_by(self, text: str, d: re.Match[str], comma: bool = True) -> Iterator[Mention]:
        """Persons right after ``d`` (within 40 characters, a title gap between); with ``comma``
        also a name set off by commas after it ("The mayor, Linda Cho, disagreed")."""
        de = d.end()
        first = bisect.bisect_left(self.starts, de)
        for m in self.persons[first:bisect.bisect_right(self.starts, de + 40)]:
            if m.start >= de and (_TITLE_GAP.fullmatch(text[de:m.start]) or comma and _comma_titled(text, de, m)):
                yield m
            if m.start >= de:
                return  # a title is the first person's after it ("to Chancellor ... X Y Vladimir Putin")

    def in_apposition(self, text: str, d: re.Match[str]) -> Iterator[Mention]:
        """Persons right before ``d``, only a comma and white space between.

        A role noun with a speech verb right after it is that verb's subject, not an
        apposition: "In his message to Cyril Ramaphosa, the Russian leader noted".
        """
        c = ds = d.start()
        while c > 0 and text[c - 1].isspace():
            c -= 1
        candidates = self.by_end.get(c - 1, ()) if c > 0 else ()
        if not candidates or _speaks_after(text, d.end()):
            return
        for m in candidates:
            if re.fullmatch(r",\s*", text[m.end:ds] or "x"):
                yield m


#: a role set off before a name, the name closed by a comma or the sentence's end: "The mayor, Linda
#: Cho, disagreed" (the role is the name's title; "the mayor, Linda Cho and two aides" is a list)
_COMMA_TITLE = re.compile(r",[ \t]*")
_APPOSITION_CLOSE = re.compile(r"[ \t]*(?:,(?![ \t]+(?:and|or)\b)|[.;]|$)")


def _comma_titled(text: str, de: int, m: Mention) -> bool:
    return _COMMA_TITLE.fullmatch(text, de, m.start) is not None and _APPOSITION_CLOSE.match(text, m.end) is not None


def _speaks_after(text: str, end: int) -> bool:
    """Does a speech verb (adverbs allowed) follow ``end`` directly ("the Russian leader noted")?"""
    from analysis.statements.cues import SPEECH

    verb = _VERB_AFTER.match(text, end)
    return verb is not None and SPEECH.fullmatch(verb.group(1)) is not None


_VERB_AFTER = re.compile(r"[ \t]+(?:(?:also|then|later|further|again|[a-z]+ly)[ \t]+)?([a-z]+)\b")


def _attach_titles_and_appositions(text: str, mentions: list[Mention],
                                   descriptors: list[re.Match[str]]) -> list[Mention]:
    """Add the words of a title before, or an apposition after, a person to its role words.

    ``mentions`` must be sorted by start.
    """
    by_entity: dict[str, frozenset[str]] = {}
    persons = _Persons(mentions)
    for d in descriptors:
        for m in persons.titled_by(text, d):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(d.group())
        for m in persons.in_apposition(text, d):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(role_phrase(text, d))
    for i, m in enumerate(persons.persons):
        of_title = of_title_match(text, m.start) if m.source != "descriptor" else None
        # the title ends at the person before this one ("to Chancellor of Germany Olaf Scholz Vladimir Putin")
        if of_title and not (i and persons.persons[i - 1].end > of_title.start()):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(text[of_title.start():m.start])
        title = _TITLE_WORD_BEFORE.search(text, max(0, m.start - 16), m.start)
        if title is None or m.source == "descriptor":
            continue
        # "Gov. Vitaliy Kim", "Governor Kim": the title word is a role word of the person
        role = _TITLE_ABBREVIATIONS[title["abbr"].lower()] if title["abbr"] else title["word"].lower()
        if role in _PERSON_HEAD_WORDS or title["abbr"]:
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | {role}
    for m in mentions:
        if m.entity in by_entity:
            m.role_words = m.role_words | by_entity[m.entity]
            m.text_roles = m.text_roles | by_entity[m.entity]
            if not m.gender:
                m.gender = _gender_of(m.role_words)
    return mentions


class _Pool:
    """The mentions of :func:`_add_descriptor_mentions` as it adds and removes them.

    Keeps the order the old list did (the start-sorted input, then the
    added mentions in order), so ties between equal starts still break the
    same way, and indexes mentions by start and by role word so that each
    descriptor looks only at its neighbours instead of at every mention.
    """

    def __init__(self, mentions: Sequence[Mention], text: str = "") -> None:
        self.text = text
        self.initial = list(mentions)  # sorted by start
        self.initial_starts = [m.start for m in self.initial]
        self.added: list[Mention] = []  # added in order of start
        self.added_starts: list[int] = []
        self.longest = max((m.end - m.start for m in self.initial), default=0)
        self.removed: set[int] = set()
        # role word -> (start, -order) keys and their mentions, sorted by key
        self.by_word: dict[str, tuple[list[tuple[int, int]], list[Mention]]] = {}
        for i, m in enumerate(self.initial):
            self._index_words(m, i)

    def _index_words(self, m: Mention, order: int) -> None:
        # indexed under broader terms too: "the diplomat" finds the ambassador (data/roles.csv)
        for w in with_broader(m.role_words):
            keys, items = self.by_word.setdefault(w, ([], []))
            i = bisect.bisect_right(keys, (m.start, -order))
            keys.insert(i, (m.start, -order))
            items.insert(i, m)

    def alive(self, m: Mention) -> bool:
        return id(m) not in self.removed

    def aliases_within(self, lo: int, hi: int) -> list[Mention]:
        """Alias mentions inside ``(lo, hi)``, in list order."""
        pool = self.initial[bisect.bisect_left(self.initial_starts, lo):bisect.bisect_right(self.initial_starts, hi)]
        return [m for m in pool if m.source == "alias" and lo <= m.start and m.end <= hi and self.alive(m)]

    def overlapping(self, lo: int, hi: int) -> Iterator[Mention]:
        """Every mention overlapping ``(lo, hi)``, in no particular order."""
        for items, starts in ((self.initial, self.initial_starts), (self.added, self.added_starts)):
            first = bisect.bisect_right(starts, lo - self.longest - 1)
            for m in items[first:bisect.bisect_left(starts, hi)]:
                if lo < m.end and m.start < hi and self.alive(m):
                    yield m

    def remove(self, m: Mention) -> None:
        self.removed.add(id(m))

    def add(self, m: Mention) -> None:
        self._index_words(m, len(self.initial) + len(self.added))
        self.added.append(m)
        self.added_starts.append(m.start)
        self.longest = max(self.longest, m.end - m.start)

    def antecedent(self, before: int, head: str, words: frozenset[str], kind: str,
                   floor: int = 0) -> Mention | None:
        """The mention ending by ``before`` that a definite role noun refers back to, or None.

        Holders of the role (``head`` and a modifier in their role words, broader terms
        included) starting at or after ``floor`` are weighed first: one holder whose role the
        text gives (:attr:`Mention.text_roles`) wins over holders known only from the
        registry; two such holders of one kind name nobody ("Ambassador A met Ambassador B.
        The ambassador said").  With none in that window, the latest holder before it wins.
        """
        mods = with_places(words - {head} - NEUTRAL_ROLE_MODIFIERS)
        keys, items = self.by_word.get(head, ([], []))
        recent: dict[str, list[Mention]] = {"text": [], "registry": []}
        # latest start first; among equal starts, the earlier in list order
        for i in range(bisect.bisect_right(keys, (before, 1)) - 1, -1, -1):
            m = items[i]
            if m.end > before or not self.alive(m) or (kind == "organisation" and m.kind != "organisation"):
                continue
            if mods and not mods & m.role_words or RANK_MODIFIERS & mods != RANK_MODIFIERS & m.role_words:
                continue  # "the Deputy Head" is never the head, "the President" never a vice president
            if m.start < floor:
                if not recent["text"] and not recent["registry"]:
                    return m
                break
            recent["text" if head in with_broader(m.text_roles) else "registry"].append(m)
        for group in (recent["text"], recent["registry"]):
            # the holders sharing most of the role's words: "the Deputy Head of the President's Office"
            # is the deputy head of that office, not the president the office is named for
            best = max((len(mods & m.role_words) for m in group), default=0)
            group = [m for m in group if len(mods & m.role_words) == best]
            named = {m.entity for m in group if m.source != "descriptor"}
            if len(named) > 1:
                return self._chained(group, before, self.text)
            if group:
                return group[0]
        return None

    def _chained(self, holders: Sequence[Mention], before: int, text: str) -> Mention | None:
        """Of two holders, the one the sentences just before made the speaker: a role noun already
        linked ("The President noted ... the Head of State stressed") or a name right before a
        speech verb ("..., X said. The President noted"); else None.  A holder that is only an
        object ("A met B. The ambassador said") keeps the role noun unresolved."""
        last = holders[0]  # the latest holder mention before the role noun
        if before - last.end > MAX_ROLE_CHAIN_CHARS:
            return None
        if last.source == "descriptor" and last.link == "role":
            return last
        from analysis.statements.cues import CUE_AFTER_NAME

        return last if last.source != "descriptor" and CUE_AFTER_NAME.match(text, last.end) else None

    def follower(self, after: int, limit: int, head: str, words: frozenset[str], kind: str) -> Mention | None:
        """The one named entity starting in ``[after, limit)`` whose role words hold ``head`` and a
        modifier ("The governor said ... Gov. Serhiy Haidai of Luhansk"); None for none or two."""
        mods = with_places(words - {head} - NEUTRAL_ROLE_MODIFIERS)
        keys, items = self.by_word.get(head, ([], []))
        hits: dict[str, Mention] = {}
        for i in range(bisect.bisect_left(keys, (after, -len(self.initial) - len(self.added) - 1)), len(keys)):
            m = items[i]
            if m.start >= limit:
                break
            if (m.start < after or not self.alive(m) or m.source == "descriptor" or m.in_quote
                    or (m.kind == "organisation") != (kind == "organisation")):
                continue
            if not mods or mods & m.role_words:
                hits.setdefault(m.entity, m)
        return next(iter(hits.values())) if len(hits) == 1 else None

    def result(self) -> list[Mention]:
        out = [m for m in self.initial if self.alive(m)] + self.added
        out.sort(key=lambda m: m.start)
        return out


def _taken_span(text: str, d: re.Match[str]) -> tuple[int, int]:
    """What a descriptor takes: a definite role with its capitalised of-phrase, so "the President"
    inside "The Deputy Head of the Office of the President" is no mention of its own."""
    if d.group("det").lower() == "the":
        return d.start(), d.start() + len(role_phrase(text, d))
    return d.start(), d.end()


def _names_a_person(text: str, d: re.Match[str], persons: _Persons, holds_alias: bool) -> bool:
    """Is the descriptor a title right before a name, or an apposition right after one (then it is
    that name, no mention of its own)?  "The mayor, Linda Cho," is her title; "the U.N. spokesman,
    X," (a body's name inside it) stays a mention, for the body."""
    if next(persons.titled_by(text, d, comma=False), None) is not None or next(persons.in_apposition(text, d), None):
        return True
    return not holds_alias and next(persons.titled_by(text, d), None) is not None


def _add_descriptor_mentions(text: str, registry: SpeakerRegistry, pats: _Patterns,
                             mentions: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    """Add descriptors that are mentions of their own; ``mentions`` must be sorted by start."""
    persons = _Persons(mentions)
    pool = _Pool(mentions, text)
    paras = paragraph_spans(text) or [(0, len(text))]
    para_starts = [p for p, _ in paras]
    last_seen: tuple[int, int] | None = None
    for d in sorted(descriptors, key=lambda d: (d.start(), -d.end())):
        span = (d.start(), d.end())
        # spans are taken in order of start, so only the last one taken can hold this start
        if last_seen is not None and last_seen[0] <= span[0] < last_seen[1]:
            continue
        # titles right before a name and appositions right after one are that name
        inner = pool.aliases_within(*span)
        if _names_a_person(text, d, persons, bool(inner)):
            continue

        head = d.group("head").lower()
        if any(m.start == span[0] and m.end == span[1] for m in inner) or any(
                m not in inner for m in pool.overlapping(*span)):
            continue
        inner = [m for m in inner if not (m.kind == "person" and m.possessive)]
        orgs = [m for m in inner if m.kind == "organisation"]
        words = words_of(d.group())
        if d.group("det").lower() == "the":
            head, words = role_head(text, d, head)
        if orgs and head in REP_HEADS and d.group("det").lower() != "the":
            entity, kind, registered = orgs[-1].entity, "organisation", True
            words = words | orgs[-1].role_words
            link = "name"
        elif orgs and re.fullmatch(ORG_HEADS, head):
            continue
        else:
            label, kind = _descriptor_entity(d.group("det"), d.group("mods"), d.group("head"))
            entity, registered, link = label, False, "name"
            if d.group("det").lower() == "the":
                para = max(0, bisect.bisect_right(para_starts, d.start()) - 1)
                antecedent = pool.antecedent(d.start(), head, words, kind, floor=paras[max(0, para - 1)][0])
                if antecedent is None and not registry.resolve(d.group()):
                    # a role noun may come before the name it stands for, in this paragraph or the next
                    limit = paras[min(len(paras) - 1, para + 1)][1]
                    antecedent = pool.follower(d.end(), limit, head, words, kind)
                if antecedent is not None:
                    entity, kind, registered = antecedent.entity, antecedent.kind, antecedent.registered
                    words = words | antecedent.role_words
                    link = "role"
                elif registry.resolve(d.group()):
                    entity = registry.resolve(d.group()) or entity
                    sp = registry.get(entity)
                    kind, registered, link = (sp.kind if sp else kind), True, "registry"
        for m in inner:
            pool.remove(m)
        last_seen = _taken_span(text, d)
        gender = _gender_of(words)
        sp = registry.get(entity) if registered else None
        pool.add(Mention(span[0], span[1], entity, kind, sp.gender if sp else gender, registered,
                         "descriptor", _possessive(text, span[1]), role_words=words, link=link,
                         text_roles=words_of(d.group())))
    return pool.result()
