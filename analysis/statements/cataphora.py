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


class _HeadIndex:
    """The person mentions (outside quotes) that carry one head noun, found once per head.

    ``resolve_cataphora`` used to test every later mention of a stretch against each
    descriptor's head: quadratic in a long paragraph.  A head is one of the closed list of
    descriptor heads, so each distinct head costs one pass over the mentions; a descriptor's
    candidates are then a run of ``picks`` found by bisect.  ``other_from[p]`` is the first
    position after ``p`` naming another entity, and ``word_at`` the positions whose role words
    hold a word: one entity and the support of a modifier are tested by bisect, not by a scan.
    """

    def __init__(self, text: str, mentions: Sequence[Mention], head: str) -> None:
        self.picks = [k for k, o in enumerate(mentions)
                      if o.kind == "person" and not o.in_quote and _has_head(text, o, head)]
        entities = [mentions[k].entity for k in self.picks]
        self.other_from = list(range(1, len(entities) + 1))
        for p in range(len(entities) - 2, -1, -1):
            if entities[p] == entities[p + 1]:
                self.other_from[p] = self.other_from[p + 1]
        self.word_at: dict[str, list[int]] = {}
        for p, k in enumerate(self.picks):
            for w in {_compact(w) for w in mentions[k].role_words}:
                self.word_at.setdefault(w, []).append(p)

    def run(self, first: int, stop: int) -> tuple[int, int]:
        """Positions in ``picks`` of the mentions with index in [first, stop)."""
        return bisect.bisect_left(self.picks, first), bisect.bisect_left(self.picks, stop)

    def has_word(self, word: str, a: int, b: int) -> bool:
        at = self.word_at.get(word, [])
        p = bisect.bisect_left(at, a)
        return p < len(at) and at[p] < b


def _resolved(m: Mention, ahead: Mention, speaker: Speaker) -> Mention:
    return replace(m, entity=speaker.canonical, registered=True, gender=speaker.gender,
                   role_words=m.role_words | ahead.role_words, link="role")


def _role_support(registry: SpeakerRegistry, entity: str, head: str) -> tuple[Speaker, frozenset[str]] | None:
    """The registry speaker ``entity`` names, when ``head`` is one of its roles, with the modifiers its
    entry supports (roles, countries, :data:`NEUTRAL_MODIFIERS`); else None."""
    speaker = registry.get(entity)
    if speaker is None or head not in registry_role_words(speaker):
        return None
    return speaker, registry_role_words(speaker) | _country_words(speaker) | NEUTRAL_MODIFIERS


def _stretch_end(paragraphs: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """Where the stretch a descriptor at ``pos`` looks ahead into ends: its paragraph and the next
    ``MAX_PARAGRAPHS_AHEAD`` (``starts`` are the paragraphs' starts)."""
    para = max(0, bisect.bisect_right(starts, pos) - 1)
    return paragraphs[min(len(paragraphs) - 1, para + MAX_PARAGRAPHS_AHEAD)][1]


def _resolve_sorted(text: str, registry: SpeakerRegistry, out: list[Mention],
                    paragraphs: list[tuple[int, int]]) -> None:
    """Link, in place, the descriptors of ``out`` (sorted by start) through one :class:`_HeadIndex` per head.

    The same answers as the scan in :func:`_resolve_unsorted`: the mentions ahead of a
    descriptor are those with index after it, starting at or after its end and before the end
    of the stretch, i.e. one run of mention indices (a copy replaced at ``i`` is never read
    again, since only later indices are ever looked at).
    """
    starts = [s for s, _ in paragraphs]
    mention_starts = [o.start for o in out]
    indexes: dict[str, _HeadIndex] = {}
    for i, m in enumerate(out):
        found = _indefinite_head(text, m)
        if found is None:
            continue
        head, mods = found
        limit = _stretch_end(paragraphs, starts, m.start)
        first = max(i + 1, bisect.bisect_left(mention_starts, m.end))
        if head not in indexes:
            indexes[head] = _HeadIndex(text, out, head)
        index = indexes[head]
        a, b = index.run(first, bisect.bisect_left(mention_starts, limit))
        if a >= b or index.other_from[a] < b or not out[index.picks[a]].registered:
            continue
        ahead = out[index.picks[a]]
        found_role = _role_support(registry, ahead.entity, head)
        if found_role is None:
            continue
        speaker, support = found_role
        if all(w in support or index.has_word(w, a, b) for w in mods):
            out[i] = _resolved(m, ahead, speaker)


def _resolve_unsorted(text: str, registry: SpeakerRegistry, out: list[Mention],
                      paragraphs: list[tuple[int, int]]) -> None:
    """Link, in place, the descriptors of ``out`` in any order: each one scans every later mention."""
    starts = [s for s, _ in paragraphs]
    for i, m in enumerate(out):
        found = _indefinite_head(text, m)
        if found is None:
            continue
        head, mods = found
        limit = _stretch_end(paragraphs, starts, m.start)
        ahead = [o for o in out[i + 1:] if m.end <= o.start < limit and o.kind == "person"
                 and not o.in_quote and _has_head(text, o, head)]
        if len({o.entity for o in ahead}) != 1 or not ahead[0].registered:
            continue
        found_role = _role_support(registry, ahead[0].entity, head)
        if found_role is None:
            continue
        speaker, support = found_role
        if mods <= support | {_compact(w) for o in ahead for w in o.role_words}:
            out[i] = _resolved(m, ahead[0], speaker)


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
    out = list(mentions)
    if not paragraphs:
        return out
    # find_mentions returns mentions sorted by start; any other order takes the plain scan
    if all(a.start <= b.start for a, b in zip(out, out[1:])):
        _resolve_sorted(text, registry, out, paragraphs)
    else:
        _resolve_unsorted(text, registry, out, paragraphs)
    return out
