"""Role antecedents: which named entity a definite role noun ("the minister") refers to.

:class:`MentionPool` holds the mentions as descriptors are added, indexed by start
and by role word (broader terms included: "the diplomat" finds the
ambassador).  A role noun refers back to the holder of its role whose role
the text gives, within the paragraph before; two such holders name nobody
unless the sentences before made one of them the speaker; with none before
it, a holder named just after it ("The governor said ... Gov. Serhiy
Haidai").

References:
    Halliday, M. A. K. & Hasan, R. (1976). Cohesion in English. Longman --
    reference by a general noun and by a superordinate (lexical cohesion).

Example:
    >>> roles = frozenset({"foreign", "minister"})
    >>> pool = MentionPool([Mention(0, 9, "Ann Reyes", "person", role_words=roles, text_roles=roles)])
    >>> pool.antecedent(40, "minister", roles, "person").entity
    'Ann Reyes'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from analysis.statements.mention import Mention, gender_of
from analysis.statements.role_nouns import NEUTRAL_ROLE_MODIFIERS, RANK_MODIFIERS
from analysis.statements.roles import with_broader, with_places

#: gendered role nouns and the neutral term (and gender) a holder of either may be written with
GENDERED_ROLES: dict[str, tuple[str, str]] = {"spokeswoman": ("spokesperson", "f"), "spokesman": ("spokesperson", "m")}
#: how far back a role noun may continue a chain (a long quote may stand between: about two sentences and it)
MAX_ROLE_CHAIN_CHARS = 1200


class MentionPool:
    """The mentions of :func:`add_descriptor_mentions` as it adds and removes them.

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
        """The holder of the role noun ``head`` (see :meth:`holder`); a gendered role noun ("the
        spokeswoman") with none of its own also refers back to a holder of its neutral term ("a
        spokesperson for the ministry") whose gender does not contradict it.

        Example:
            >>> m = Mention(0, 8, "Ann Lee", "person", "f", role_words=frozenset({"spokesperson"}),
            ...             text_roles=frozenset({"spokesperson"}))
            >>> MentionPool([m]).antecedent(30, "spokeswoman", frozenset({"spokeswoman"}), "person").entity
            'Ann Lee'
            >>> MentionPool([m]).antecedent(30, "spokesman", frozenset({"spokesman"}), "person") is None
            True
        """
        found = self.holder(before, head, words, kind, floor)
        if found is not None or head not in GENDERED_ROLES:
            return found
        neutral, gender = GENDERED_ROLES[head]
        other = self.holder(before, neutral, (words - {head}) | {neutral}, kind, floor, gender)
        return other

    def holder(self, before: int, head: str, words: frozenset[str], kind: str,
               floor: int = 0, gender: str = "") -> Mention | None:
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
            if gender and (m.gender and m.gender != gender or gender_of(m.role_words) not in ("", gender)):
                continue  # "the spokeswoman" is no spokesman
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
