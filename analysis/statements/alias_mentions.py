"""Registry aliases in a text: the mentions of people and bodies the speakers registry knows.

One compiled alternation per registry (case-sensitive and -insensitive
aliases, longest first, kept on the registry); the longest match wins, and a
role alias right before a named person is that person's title ("Russian
President Vladimir Putin"), not a mention of its own; after "former" it
names a past holder, not the registered one.

Example:
    >>> from analysis.statements.speakers import default_registry
    >>> reg = default_registry()
    >>> [m.entity for m in registry_alias_mentions("Peskov met the Kremlin.", reg, alias_patterns(reg))]
    ['Dmitry Peskov', 'Kremlin']
"""

from __future__ import annotations

import re

from analysis.statements.mention import Mention, is_possessive, words_of
from analysis.statements.spans import SpanIndex
from analysis.statements.speakers import (
    SpeakerRegistry,
    is_case_sensitive_alias,
    is_role_alias,
    normalize_alias,
)
from analysis.statements.titles import TITLE_GAP

_FORMER = re.compile(r"\b(?:former|ex-?)\s*$", re.IGNORECASE)


class AliasPatterns:
    """Compiled alias regexes of one registry (built once, kept on the registry).

    Example:
        >>> from analysis.statements.speakers import Speaker
        >>> pats = AliasPatterns(SpeakerRegistry([Speaker("Dmitry Peskov", ("Peskov",), "", "", "russian", "person", "m")]))
        >>> pats.sensitive.findall("Peskov said, Peskov added"), pats.insensitive is None
        (['Peskov', 'Peskov'], True)
    """

    def __init__(self, registry: SpeakerRegistry) -> None:
        sensitive: list[str] = []
        insensitive: list[str] = []
        self.role_aliases: set[str] = set()
        self.role_words: dict[str, frozenset[str]] = {}
        for sp in registry.speakers.values():
            words = set(words_of(sp.role))
            for alias in (sp.canonical, *sp.aliases):
                (sensitive if is_case_sensitive_alias(alias, sp) else insensitive).append(alias)
                if is_role_alias(alias, sp):
                    self.role_aliases.add(normalize_alias(alias))
                    words |= words_of(alias)
                elif sp.kind == "organisation":
                    words |= words_of(alias)
            self.role_words[sp.canonical] = frozenset(words)
        self.sensitive = _alternation(sensitive, 0)
        self.insensitive = _alternation(insensitive, re.IGNORECASE)


def _alternation(aliases: list[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    parts = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        pat = re.sub(r"['’]", "['’]", re.escape(alias)).replace(r"\ ", r"\s+")
        parts.append(pat)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w])", flags)


def alias_patterns(registry: SpeakerRegistry) -> AliasPatterns:
    """The compiled alias patterns of ``registry``, built on first use and kept on it.

    Example:
        >>> from analysis.statements.speakers import Speaker
        >>> reg = SpeakerRegistry([Speaker("Dmitry Peskov", ("Peskov", "Kremlin spokesman"), "Kremlin spokesman",
        ...                                "", "russian", "person", "m")])
        >>> pats = alias_patterns(reg)
        >>> pats is alias_patterns(reg), sorted(pats.role_aliases)
        (True, ['kremlin spokesman'])
    """
    cached = getattr(registry, "_mention_patterns", None)
    if cached is None:
        cached = AliasPatterns(registry)
        registry._mention_patterns = cached  # type: ignore[attr-defined]
    return cached


def registry_alias_mentions(text: str, registry: SpeakerRegistry, pats: AliasPatterns) -> list[Mention]:
    """Mentions of registered speakers by any of their aliases, longest match first, none overlapping.

    Example:
        >>> from analysis.statements.speakers import Speaker
        >>> reg = SpeakerRegistry([Speaker("Dmitry Peskov", ("Peskov", "Kremlin spokesman"), "Kremlin spokesman",
        ...                                "", "russian", "person", "m")])
        >>> t = "Peskov said. The Kremlin spokesman added."
        >>> [(m.entity, t[m.start:m.end]) for m in registry_alias_mentions(t, reg, alias_patterns(reg))]
        [('Dmitry Peskov', 'Peskov'), ('Dmitry Peskov', 'Kremlin spokesman')]
    """
    found: list[tuple[int, int]] = []
    for rx in (pats.sensitive, pats.insensitive):
        if rx is not None:
            found += [(m.start(), m.end()) for m in rx.finditer(text)]
    found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    mentions: list[Mention] = []
    taken = SpanIndex()
    for s, e in found:
        if taken.overlaps(s, e):
            continue
        canonical = registry.resolve(text[s:e])
        sp = registry.get(canonical) if canonical else None
        if sp is None:
            continue
        taken.add(s, e)
        link = "registry" if normalize_alias(text[s:e]) in pats.role_aliases else "name"
        mentions.append(Mention(s, e, sp.canonical, sp.kind, sp.gender, True, "alias",
                                is_possessive(text, e), role_words=pats.role_words[sp.canonical], link=link))
    # a role alias before a named person is that person's title ("Russian President Vladimir
    # Putin", "former Russian president and top security official Dmitry Medvedev"); after
    # "former"/"ex-" it names a past holder, not the registered one
    keep = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if normalize_alias(text[m.start:m.end]) in pats.role_aliases:
            if _FORMER.search(text, max(0, m.start - 12), m.start):
                continue
            if nxt is not None and nxt.kind == "person" and TITLE_GAP.fullmatch(text[m.end:nxt.start]):
                continue
        keep.append(m)
    return keep
