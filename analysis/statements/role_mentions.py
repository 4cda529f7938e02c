"""Role-noun mentions: descriptors that are mentions of their own, each linked to an entity.

A descriptor that is a title or an apposition of a name is that name (no
mention of its own); an unnamed spokesperson of a registered body ("a
Kremlin representative") is that body; a definite role noun ("the foreign
policy chief") is its antecedent (:mod:`analysis.statements.role_antecedents`),
else the registry's holder of the role, else the description itself.

Example:
    >>> from analysis.statements.mentions import find_mentions
    >>> from analysis.statements.speakers import default_registry
    >>> t = "A Kremlin representative spoke. Ukrainian negotiators left."
    >>> [(m.entity, m.kind) for m in find_mentions(t, default_registry()) if m.source == "descriptor"]
    [('Kremlin', 'organisation'), ('Ukrainian negotiators', 'group')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from analysis.statements.alias_mentions import AliasPatterns
from analysis.statements.appositions import PersonIndex
from analysis.statements.mention import Mention, gender_of, is_possessive, words_of
from analysis.statements.quotes import paragraph_spans
from analysis.statements.role_antecedents import MentionPool
from analysis.statements.role_nouns import (
    ORG_HEADS,
    REP_HEADS,
    descriptor_entity,
    role_head,
    role_phrase,
)
from analysis.statements.speakers import SpeakerRegistry


def _taken_span(text: str, d: re.Match[str]) -> tuple[int, int]:
    """What a descriptor takes: a definite role with its capitalised of-phrase, so "the President"
    inside "The Deputy Head of the Office of the President" is no mention of its own."""
    if d.group("det").lower() == "the":
        return d.start(), d.start() + len(role_phrase(text, d))
    return d.start(), d.end()


def _names_a_person(text: str, d: re.Match[str], persons: PersonIndex, holds_alias: bool) -> bool:
    """Is the descriptor a title right before a name, or an apposition right after one (then it is
    that name, no mention of its own)?  "The mayor, Linda Cho," is her title; "the U.N. spokesman,
    X," (a body's name inside it) stays a mention, for the body."""
    if next(persons.titled_by(text, d, comma=False), None) is not None or next(persons.in_apposition(text, d), None):
        return True
    if d.group("det").lower() in ("a", "an") and next(persons.predicated_by(text, d), None) is not None:
        return True  # "Jane Doe is a senator": the role is hers, no one new
    return not holds_alias and next(persons.titled_by(text, d), None) is not None


#: a definite descriptor whose modifiers open with a common noun's possessive: "the museum's website",
#: "the company’s lawyers" (the head belongs to the owner, who is the one who speaks)
_POSSESSOR_MODS = re.compile(r"([a-z][\w-]*)['’]s?[ \t]+")
_NO_OWNER = Mention(0, 0, "", "organisation")


def _possessor(text: str, d: re.Match[str], pool: MentionPool) -> Mention | None:
    """For "the <noun>'s <head>": the body the noun refers back to ("the museum's website" after "the
    Hermitage Museum" -> Hermitage Museum), or a mention with an empty entity when the text names no
    such body (the descriptor then gives no speaker: "museum's website" is nobody's name); None
    when the descriptor is not of this form.

    Example:
        >>> t = "The Hermitage Museum was shut. The museum's website says so."
        >>> m = Mention(4, 20, "Hermitage Museum", "organisation", role_words=words_of("Hermitage Museum"))
        >>> from analysis.statements.role_nouns import DESCRIPTOR
        >>> _possessor(t, list(DESCRIPTOR.finditer(t))[-1], MentionPool([m], t)).entity
        'Hermitage Museum'
    """
    owned = _POSSESSOR_MODS.match(d.group("mods"))
    if owned is None or d.group("det").lower() != "the":
        return None
    noun = owned.group(1).lower()
    found = pool.antecedent(d.start(), noun, frozenset({noun}), "organisation")
    return found if found is not None and found.kind == "organisation" else _NO_OWNER


# Long for its docstring example; the code itself is under 60 lines
def add_descriptor_mentions(text: str, registry: SpeakerRegistry, pats: AliasPatterns,
                             mentions: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    """Add descriptors that are mentions of their own; ``mentions`` must be sorted by start.

    Example:
        >>> from analysis.statements.alias_mentions import alias_patterns
        >>> from analysis.statements.role_nouns import DESCRIPTOR
        >>> reg, t = SpeakerRegistry([]), "A senior official said the talks failed."
        >>> [(m.entity, m.kind) for m in add_descriptor_mentions(t, reg, alias_patterns(reg), [],
        ...                                                     list(DESCRIPTOR.finditer(t)))]
        [('senior official', 'person')]
    """
    persons = PersonIndex(mentions)
    pool = MentionPool(mentions, text)
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

        owner = _possessor(text, d, pool)
        if owner is not None:
            if owner.entity:  # "the museum's website" speaks for the museum the text named, else for nobody
                pool.add(replace(owner, start=span[0], end=span[1], possessive=is_possessive(text, span[1]),
                                 source="descriptor", link="role"))
            last_seen = span
            continue
        head = d.group("head").lower()
        if d.group("det").lower() in ("a", "an", "one", "another"):
            # a body the text names inside an indefinite descriptor speaks through it ("a Justice
            # Department spokesman said"); a definite or bare one is a role noun resolved below, as before
            inner += [m for m in pool.overlapping(*span) if m not in inner and m.kind == "organisation"
                      and span[0] <= m.start and m.end <= span[1] and (m.start, m.end) != span]
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
            label, kind = descriptor_entity(d.group("det"), d.group("mods"), d.group("head"))
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
        gender = gender_of(words)
        sp = registry.get(entity) if registered else None
        pool.add(Mention(span[0], span[1], entity, kind, sp.gender if sp else gender, registered,
                         "descriptor", is_possessive(text, span[1]), role_words=words, link=link,
                         text_roles=words_of(d.group())))
    return pool.result()
