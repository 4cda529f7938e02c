"""Titles before and appositions after a person: the role words a role phrase gives the person it names.

"EU foreign policy chief Kaja Kallas", "The mayor, Linda Cho, disagreed",
"Vasyl Malyuk, the head of Ukraine's Security Service,": the descriptor's
words join the person's role words (and may give the gender), so a role
noun later in the text can refer back to them.  A role noun with a speech
verb right after it is that verb's subject, not an apposition.

References:
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A
    Comprehensive Grammar of the English Language. Longman -- apposition
    (17.65-17.93).

Example:
    >>> from analysis.statements.role_nouns import DESCRIPTOR
    >>> t = "Vasyl Malyuk, the head of Ukraine's Security Service, said"
    >>> m = Mention(0, 12, "Vasyl Malyuk", "person")
    >>> sorted(attach_titles_and_appositions(t, [m], list(DESCRIPTOR.finditer(t)))[0].role_words)
    ['head', 'security', 'service', 'ukraine']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from analysis.statements.mention import Mention, gender_of, words_of
from analysis.statements.role_nouns import PERSON_HEAD_WORDS, role_phrase
from analysis.statements.titles import (
    TITLE_ABBREVIATION_ROLES,
    TITLE_GAP,
    TITLE_WORD_BEFORE,
    of_title_match,
)


class PersonIndex:
    """The person mentions of a start-sorted mention list, found by where they start or end.

    Example:
        >>> from analysis.statements.role_nouns import DESCRIPTOR
        >>> t = "The mayor, Linda Cho, disagreed."
        >>> persons = PersonIndex([Mention(11, 20, "Linda Cho", "person")])
        >>> [m.entity for m in persons.titled_by(t, DESCRIPTOR.search(t))]
        ['Linda Cho']
    """

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
            if m.start >= de and (TITLE_GAP.fullmatch(text[de:m.start]) or comma and _comma_titled(text, de, m)):
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

    def predicated_by(self, text: str, d: re.Match[str]) -> Iterator[Mention]:
        """The person a descriptor is predicated of: "Jane Doe is a senator from Ohio", "X, who is
        the foreign minister,", "X has been the mayor since 2019" (a copula between, adverbs allowed).

        Example:
            >>> from analysis.statements.role_nouns import DESCRIPTOR
            >>> t = "Jane Doe is a senator from Ohio."
            >>> [m.entity for m in PersonIndex([Mention(0, 8, "Jane Doe", "person")]).predicated_by(t, DESCRIPTOR.search(t))]
            ['Jane Doe']
        """
        first = bisect.bisect_left(self.starts, d.start() - 60)
        for m in self.persons[first:bisect.bisect_left(self.starts, d.start())]:
            if m.end <= d.start() and not m.possessive and _COPULA.fullmatch(text, m.end, d.start()):
                yield m


#: a copula between a person and a role predicated of them (the role's article follows)
_COPULA = re.compile(r"(?:,[ \t]*who)?[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became|becomes|remains|"
                     r"serves[ \t]+as|served[ \t]+as)(?:[ \t]+(?:also|now|still|currently|formerly|then))?[ \t]+")
#: "X, who heads the agency": a verb of office and its object give the role ("the agency head")
_HEADS_BODY = re.compile(r"[ \t]*,[ \t]*who[ \t]+(?:also[ \t]+|now[ \t]+)?(?P<verb>heads|headed|leads|led|runs|ran|"
                         r"chairs|chaired|directs|directed)[ \t]+(?:the[ \t]+)?(?P<body>(?:[\w'’.-]+[ \t]+){0,3}?"
                         r"[\w'’.-]*\w)(?=[ \t]*[,.;])")
_OFFICE_VERBS = {"heads": "head", "headed": "head", "runs": "head", "ran": "head", "leads": "leader",
                 "led": "leader", "chairs": "chairman", "chaired": "chairman", "directs": "director",
                 "directed": "director"}
#: "Ann Reyes, 45," (an age in apposition): "the 45-year-old" is her
_AGE_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<age>\d{1,3})[ \t]*,")


def office_and_age_words(text: str, m: Mention) -> frozenset[str]:
    """Role words a person gets from a relative clause of office or an age after the name:
    "X, who heads the agency," -> head, agency; "X, 45," -> 45-year-old.

    Example:
        >>> t = "Ann Reyes, who heads the agency, spoke. Tom Cole, 45, left."
        >>> sorted(office_and_age_words(t, Mention(0, 9, "Ann Reyes", "person")))
        ['agency', 'head']
        >>> sorted(office_and_age_words(t, Mention(40, 48, "Tom Cole", "person")))
        ['45-year-old']
    """
    office = _HEADS_BODY.match(text, m.end)
    if office is not None:
        return frozenset({_OFFICE_VERBS[office.group("verb")]}) | words_of(office.group("body"))
    age = _AGE_AFTER.match(text, m.end)
    return frozenset({f"{age.group('age')}-year-old"}) if age is not None else frozenset()


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


def attach_titles_and_appositions(text: str, mentions: list[Mention],
                                   descriptors: list[re.Match[str]]) -> list[Mention]:
    """Add the words of a title before, or an apposition after, a person to its role words.

    ``mentions`` must be sorted by start.

    Example:
        >>> from analysis.statements.role_nouns import DESCRIPTOR
        >>> t = "The mayor, Linda Cho, disagreed."
        >>> ms = attach_titles_and_appositions(t, [Mention(11, 20, "Linda Cho", "person")], list(DESCRIPTOR.finditer(t)))
        >>> [(m.entity, sorted(m.role_words)) for m in ms]
        [('Linda Cho', ['mayor'])]
    """
    by_entity: dict[str, frozenset[str]] = {}
    persons = PersonIndex(mentions)
    for d in descriptors:
        for m in persons.titled_by(text, d):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(d.group())
        for m in [*persons.in_apposition(text, d), *persons.predicated_by(text, d)]:
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(role_phrase(text, d))
    for i, m in enumerate(persons.persons):
        if m.source != "descriptor" and (office := office_and_age_words(text, m)):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | office
        of_title = of_title_match(text, m.start) if m.source != "descriptor" else None
        # the title ends at the person before this one ("to Chancellor of Germany Olaf Scholz Vladimir Putin")
        if of_title and not (i and persons.persons[i - 1].end > of_title.start()):
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(text[of_title.start():m.start])
        title = TITLE_WORD_BEFORE.search(text, max(0, m.start - 16), m.start)
        if title is None or m.source == "descriptor":
            continue
        # "Gov. Vitaliy Kim", "Governor Kim": the title word is a role word of the person
        role = TITLE_ABBREVIATION_ROLES[title["abbr"].lower()] if title["abbr"] else title["word"].lower()
        if role in PERSON_HEAD_WORDS or title["abbr"]:
            by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | {role}
    for m in mentions:
        if m.entity in by_entity:
            m.role_words = m.role_words | by_entity[m.entity]
            m.text_roles = m.text_roles | by_entity[m.entity]
            if not m.gender:
                m.gender = gender_of(m.role_words)
    return mentions
