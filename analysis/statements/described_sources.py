"""Described sources: unnamed people and groups described where they speak.

"a 50-year-old bank employee said", "Officials in Kyiv said": an indefinite
or possessive noun phrase, or a plural group opening its sentence, directly
before a past-tense speech verb is the speaker as the text gives it
(``link == "described"``).  A description ending in a body's head ("a bank")
is that body, and one ending in a word for words ("his first name") is nobody.

Example:
    >>> [m.entity for m in described_source_mentions("A 50-year-old bank employee said it was hard.", [])]
    ['A 50-year-old bank employee']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.statements.mention import Mention, gender_of, words_of
from analysis.statements.role_nouns import MODIFIER_WORD, NOT_FUNCTION_WORD, ORG_HEADS
from analysis.statements.spans import SpanIndex


def described_source_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Unnamed people described right before a speech verb ("a 50-year-old bank employee said").

    Only an indefinite noun phrase directly followed by a speech verb counts,
    so the description is the speaker as the text gives it (``named`` False).

    Example:
        >>> [(m.entity, m.registered) for m in described_source_mentions("A 50-year-old bank employee said it.", [])]
        [('A 50-year-old bank employee', False)]
    """
    # a descriptor of a body inside the description is a modifier of it ("a 50-year-old bank employee")
    taken = SpanIndex((m.start, m.end) for m in mentions if not (m.source == "descriptor" and m.kind == "organisation"))
    rx = _DESCRIBED.get(_DESCRIBED_VERBS)
    if rx is None:
        rx = _DESCRIBED[_DESCRIBED_VERBS] = re.compile(
            rf"(?<![\w'’-])(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:{MODIFIER_WORD}){{0,4}}{NOT_FUNCTION_WORD}[a-z][\w-]*[a-z]"
            rf"(?=(?:\s*,[^,\"“”]{{1,120}},)?\s+(?:also\s+)?(?:{_DESCRIBED_VERBS})\b)")
    out = []
    for d in rx.finditer(text):
        if _NOT_A_PERSON_END.search(d.group()):
            continue  # "a soldier who gave only his first name, Andriy, said": a name is nobody
        if _PREPOSITION_BEFORE.search(text, max(0, d.start() - 12), d.start()):
            continue  # "X, in a very different, friendly tone, said": a preposition's object is no subject
        if not taken.overlaps(d.start(), d.end()) and not _ORG_HEAD_END.search(d.group()):
            out.append(Mention(d.start(), d.end(), d.group(), "person", gender_of(words_of(d.group())),
                               False, "descriptor", link="described"))
    for g in _BARE_GROUP.finditer(text):
        if not taken.overlaps(g.start("group"), g.end("group")):
            out.append(Mention(g.start("group"), g.end("group"), g.group("group"), "group", "", False,
                               "descriptor", link="described"))
    return out


_DESCRIBED: dict[str, re.Pattern[str]] = {}
#: a preposition right before a description: its object ("in a trench said"), never the verb's subject
_PREPOSITION_BEFORE = re.compile(r"(?<![\w'’-])(?:in|with|at|on|by|from|of|for|to|into|about|under|like|than)[ \t]+$",
                                 re.IGNORECASE)
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
