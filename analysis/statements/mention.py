"""The mention record: one reference to a speaker-like entity, and the word helpers every finder shares.

:class:`Mention` is what :func:`analysis.statements.mentions.find_mentions`
returns and what attribution, cataphora and descriptors read; the finders
(:mod:`~analysis.statements.alias_mentions`, :mod:`~analysis.statements.bodies`,
:mod:`~analysis.statements.named_persons`, :mod:`~analysis.statements.role_mentions`,
:mod:`~analysis.statements.described_sources`) build it.

Example:
    >>> sorted(words_of("the Kremlin's spokesman")), gender_of(words_of("the Kremlin's spokesman"))
    (['kremlin', 'spokesman'], 'm')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD = re.compile(r"[\w'’.-]+")


@dataclass
class Mention:
    """A reference to a speaker-like entity at ``text[start:end]``."""

    start: int
    end: int
    entity: str
    kind: str  # person | organisation | group
    gender: str = ""
    registered: bool = False
    source: str = "alias"  # alias | name | descriptor
    possessive: bool = False
    in_quote: bool = False
    role_words: frozenset[str] = field(default_factory=frozenset)
    #: the role words the text itself gives (a title, an apposition, the descriptor's own words), as
    #: against the registry's: text evidence decides between two holders of a role
    text_roles: frozenset[str] = field(default_factory=frozenset)
    #: how the entity was reached from the words: "name" (a name or surname), "role" (a role noun
    #: linked to a person named in the text), "registry" (a registry role alias, no name written),
    #: "described" (an unnamed person described where they speak: "a 50-year-old bank employee said")
    link: str = "name"
    surface: str = ""


def words_of(text: str) -> frozenset[str]:
    """Lower-cased content words, apostrophes unified, possessive 's dropped.

    Example:
        >>> sorted(words_of("Ukraine’s Security Service"))
        ['security', 'service', 'ukraine']
    """
    out = set()
    for w in _WORD.findall(text.replace("’", "'")):
        w = w.lower().strip(".-")
        w = w[:-2] if w.endswith("'s") else w
        if w and w not in {"the", "a", "an", "of", "and"}:
            out.add(w)
    return frozenset(out)


def is_possessive(text: str, end: int) -> bool:
    """Is the mention ending at ``end`` followed by a possessive ending ("Zelensky's", "the allies' ")?

    Example:
        >>> is_possessive("Zelensky's aide said", 8), is_possessive("the allies' plan", 10), is_possessive("Kyiv said", 4)
        (True, True, False)
    """
    return text[end:end + 2] in ("'s", "’s") or (text[end:end + 1] in "'’" and text[end - 1:end] == "s")


def gender_of(words: frozenset[str]) -> str:
    """"f" or "m" when a role or honorific word gives the gender ("spokeswoman", "Mr"), else "".

    Example:
        >>> gender_of(frozenset({"spokeswoman"})), gender_of(frozenset({"mr"})), gender_of(frozenset({"minister"}))
        ('f', 'm', '')
    """
    if words & {"spokeswoman", "chairwoman", "mrs", "ms", "madam", "woman", "councilwoman", "congresswoman",
                 "assemblywoman"}:
        return "f"
    if words & {"spokesman", "chairman", "mr", "man", "councilman", "congressman", "assemblyman"}:
        return "m"
    return ""
