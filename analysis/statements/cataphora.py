"""Cataphora: an indefinite role mention resolved to the registered person named just after it.

News leads often hold a speaker's name back: "..., according to a U.S.
senator who supports a bill ...", then the next paragraph names him: "U.S.
Senator Lindsey Graham said".  ``resolve_cataphora`` links such an
indefinite descriptor ("a/an" + modifiers + a person head) to that person
only when all of these hold, so it never guesses across roles:

* the person is in the registry and the descriptor's head noun ("senator")
  is a word of the person's registry role or role aliases;
* every modifier of the descriptor ("U.S.") is supported by the person's
  registry role, country (or its initials: U.S. -> United States) or the
  title the text gives the person; only a few neutral rank words ("senior",
  "top") are free -- "former", "deputy", "acting" change the role and must
  be supported like any other modifier;
* the person is named (outside quotes) later in the same paragraph or in
  the next ``MAX_PARAGRAPHS_AHEAD`` paragraphs;
* nobody else in that stretch could be meant: no other person mention has
  the head noun in its role words or in the title right before it
  ("Senator John Doe").

Example:
    >>> from analysis.statements.speakers import default_registry
    >>> from analysis.statements.mentions import find_mentions
    >>> t = "Russia is stalling, according to a U.S. senator.\\nU.S. Senator Lindsey Graham said so."
    >>> reg = default_registry()
    >>> [(t[m.start:m.end], m.entity) for m in resolve_cataphora(t, reg, find_mentions(t, reg))][:1]
    [('a U.S. senator', 'Lindsey Graham')]

References:
    Halliday, M. A. K. & Hasan, R. (1976). Cohesion in English. Longman --
    cataphoric reference.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.statements.mention import Mention, words_of
from analysis.statements.quotes import paragraph_spans
from analysis.statements.role_nouns import DESCRIPTOR
from analysis.statements.speakers import Speaker, SpeakerRegistry, is_role_alias

MAX_PARAGRAPHS_AHEAD = 2
#: rank words that do not change which office a descriptor names
NEUTRAL_MODIFIERS = frozenset({"senior", "top", "leading", "prominent", "key"})
_TITLE_BEFORE = 30


def _compact(word: str) -> str:
    return word.replace(".", "").lower()


def registry_role_words(speaker: Speaker) -> frozenset[str]:
    """Words of a registry row's role and role aliases ("United States Senator" -> united, states, senator).

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> "senator" in registry_role_words(default_registry().get("Lindsey Graham"))
        True
    """
    words = set(words_of(speaker.role))
    for alias in speaker.aliases:
        if is_role_alias(alias, speaker):
            words |= words_of(alias)
    return frozenset(_compact(w) for w in words)


def _country_words(speaker: Speaker) -> frozenset[str]:
    parts = re.findall(r"[A-Za-z]+", speaker.country)
    initials = "".join(p[0] for p in parts if p[0].isupper()).lower()
    return frozenset({_compact(p) for p in parts} | ({initials} if len(initials) > 1 else set()))


def _indefinite_head(text: str, m: Mention) -> tuple[str, frozenset[str]] | None:
    """(head, modifiers) of an unregistered indefinite person descriptor, else None."""
    if m.source != "descriptor" or m.registered or m.kind != "person" or m.in_quote:
        return None
    d = DESCRIPTOR.fullmatch(text, m.start, m.end)
    if d is None or d.group("det").lower() not in ("a", "an"):
        return None
    head = d.group("head").lower()
    mods = frozenset(_compact(w) for w in words_of(d.group("mods")))
    return head, mods


def _has_head(text: str, m: Mention, head: str) -> bool:
    if head in {_compact(w) for w in m.role_words}:
        return True
    before = text[max(0, m.start - _TITLE_BEFORE):m.start].lower()
    return re.search(rf"\b{re.escape(head)}\W*$", before) is not None


def resolve_cataphora(text: str, registry: SpeakerRegistry, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each safely resolvable indefinite role mention linked forward (copies).

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> from analysis.statements.mentions import find_mentions
        >>> reg = default_registry()
        >>> t = "A former senator objected.\\nSenator Lindsey Graham said so."
        >>> resolve_cataphora(t, reg, find_mentions(t, reg))[0].entity  # 'former' is unsupported
        'former senator'
    """
    paragraphs = paragraph_spans(text)
    starts = [s for s, _ in paragraphs]
    out = list(mentions)
    mention_starts = [o.start for o in out]
    # sorted by start (as find_mentions returns them): only out[i + 1:stop] can start before
    # `limit`, so each descriptor looks at its stretch of text, not at every later mention
    in_order = all(a <= b for a, b in zip(mention_starts, mention_starts[1:]))
    for i, m in enumerate(out):
        found = _indefinite_head(text, m)
        if found is None or not paragraphs:
            continue
        head, mods = found
        para = max(0, bisect.bisect_right(starts, m.start) - 1)
        limit = paragraphs[min(len(paragraphs) - 1, para + MAX_PARAGRAPHS_AHEAD)][1]
        stop = bisect.bisect_left(mention_starts, limit) if in_order else len(out)
        ahead = [o for o in out[i + 1:stop] if m.end <= o.start < limit and o.kind == "person"
                 and not o.in_quote and _has_head(text, o, head)]
        if len({o.entity for o in ahead}) != 1 or not ahead[0].registered:
            continue
        speaker = registry.get(ahead[0].entity)
        if speaker is None or head not in registry_role_words(speaker):
            continue
        support = registry_role_words(speaker) | _country_words(speaker) | NEUTRAL_MODIFIERS | {
            _compact(w) for o in ahead for w in o.role_words}
        if mods <= support:
            out[i] = replace(m, entity=speaker.canonical, registered=True, gender=speaker.gender,
                             role_words=m.role_words | ahead[0].role_words, link="role")
    return out
