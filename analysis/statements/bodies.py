"""Bodies: unregistered organisations the text names ("the Institute for the Study of War", "the I.M.F.").

A capitalised run holding an organisation word
(:func:`analysis.statements.identity.is_organisation`), dotted initials that
are not a place, or a name the text itself calls a body in an apposition
("Meduza, an independent news site") or by a newspaper's name ("The Kyiv
Independent") is an organisation mention, so "the ministry", "the
institute" and *it* can refer back to it.

Example:
    >>> [m.entity for m in organisation_mentions("But the Defense Ministry said so.", [])]
    ['Defense Ministry']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from analysis.statements.cues import trie_pattern
from analysis.statements.identity import ORGANISATION_WORDS, is_organisation
from analysis.statements.mention import Mention, is_possessive, words_of
from analysis.statements.name_spans import NAME_STOP
from analysis.statements.role_nouns import ORG_HEADS, PERSON_HEAD_WORDS
from analysis.statements.spans import SpanIndex

#: a capitalised name of a body, connectors inside ("Institute for the Study of War")
_ORG_SPAN = re.compile(r"(?<![\w'’.-])[A-Z][\w.&'’-]*(?:[ \t]+(?:(?:of|for|on|and)[ \t]+(?:the[ \t]+)?)?[A-Z][\w.&'’-]*){0,6}")
#: dotted initials of a body ("the I.M.F.", "the C.I.A."); not places (U.S.A., U.A.E.); two
#: letters are as often a role or a title ("the D.J.", "an M.P.") as a body
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){3,5}(?![\w])")
_DATE_TAIL = re.compile(r"\s+(?:on|in|of|for)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)\b")
#: a company's legal form ending its name ("Specialized Military Ammunition LLC", "Acme Inc."): the body
#: is a company, so "the company" refers back to it
CORPORATE_SUFFIXES = frozenset({"LLC", "LLP", "Inc", "Corp", "Ltd", "PLC", "GmbH"})
_SUFFIX_THEN_SENTENCE = re.compile(rf"\b(?:{'|'.join(sorted(CORPORATE_SUFFIXES))})\.(?=\s+[A-Z])")
_ORG_WORD = re.compile(r"\b(?:" + trie_pattern([w.capitalize() for w in ORGANISATION_WORDS] + sorted(CORPORATE_SUFFIXES))
                       + r")\b")
_DOTTED_PLACES = frozenset({"U.S.A.", "U.A.E.", "U.S.S.R."})
#: a person's title before "of" in a capitalised run ("Deputy Head of ...", "Member of the Commission
#: for ...", "Vice-Rector of the University"): the run is a title in apposition, not the body
_TITLE_HEADS = PERSON_HEAD_WORDS | frozenset({"member", "rector", "vice-rector", "dean", "fellow", "chair",
                                              "trustee", "partner", "vice-president", "vice-chairman"})


def organisation_mentions(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Unregistered bodies named in the text, so "the ministry", "the institute" and *it* can refer back.

    A capitalised name counts when a capitalised word of it is an organisation
    word (:func:`analysis.statements.identity.is_organisation`: Ministry,
    Institute, Bank ...), stop words before it cut ("But the Defense Ministry"
    -> "Defense Ministry"); dotted initials ("the I.M.F.") count unless they
    name a place.  Spans a registry alias or a person already holds are left alone.

    Example:
        >>> t = "The Institute for the Study of War said so. The institute added more."
        >>> [(m.entity, sorted(m.role_words)) for m in organisation_mentions(t, [])]
        [('Institute for the Study of War', ['for', 'institute', 'study', 'war'])]
    """
    taken = SpanIndex((m.start, m.end) for m in known)
    out: list[Mention] = []
    spans = [(m.start(), m.end()) for m in _DOTTED.finditer(text) if m.group() not in _DOTTED_PLACES]
    # where organisation words stand, found once: most capitalised runs hold none, so a bisection
    # tells them apart without a regex search per run
    org_words = [w.start() for w in _ORG_WORD.finditer(text)]
    for m in _ORG_SPAN.finditer(text):
        i = bisect.bisect_left(org_words, m.start())
        if i == len(org_words) or org_words[i] >= m.end():
            continue
        words = list(re.finditer(r"\S+", m.group()))
        first = next((i for i, w in enumerate(words) if w.group() not in _ORG_CUT), len(words))
        # "Deputy Head of the President's Office" is a person's title, not a body
        head = next((w.group() for w in words[first:] if w.group() in ("of", "for")), "")
        before_of = [w.group().lower() for w in words[first:]][:[w.group() for w in words[first:]].index(head)] \
            if head else []
        if before_of and before_of[-1] in _TITLE_HEADS:
            continue
        # two words at least: a lone "Group" or "Ministry" opening a sentence names no body
        if len(words) - first >= 2 and is_organisation(m.group()[words[first].start():]):
            s = m.start() + words[first].start()
            e = m.end()
            # "Amnesty International on Thursday": a date after a connector is no part of the name
            date = _DATE_TAIL.search(text, s, e)
            e = date.start() if date else e
            legal = _SUFFIX_THEN_SENTENCE.search(text, s, e)
            e = legal.end() - 1 if legal else e  # "... Ammunition LLC. The company": the name ends at "LLC"
            if text[e - 1] == "." and not _DOTTED.fullmatch(text, s, e):
                e -= 1  # a sentence's full stop, not the name's
            spans.append((s, e))
    described = _described_bodies(text)
    for s, e in sorted(set(spans) | set(described)):
        if e - s < 2 or taken.overlaps(s, e):
            continue
        name = text[s:e]
        roles = words_of(name) | described.get((s, e), frozenset())
        if name.split()[-1].rstrip(".") in CORPORATE_SUFFIXES:
            roles |= {"company"}
        out.append(Mention(s, e, name, "organisation", "", False, "name", is_possessive(text, e),
                           role_words=roles, link="name", text_roles=roles))
        taken.add(s, e)
    return out


#: a body's head noun in an apposition ("Meduza, an independent news site"; "the state energy company,
#: Ukrenergo,"); "site" and "agency" only here, where the apposition says what the name is
_BODY_HEADS = (rf"{ORG_HEADS}|site|agency|channel|network|publisher|daily|tabloid|operator|utility|charity|group|"
               r"giant|monopoly|producer|manufacturer|lender|conglomerate")
#: the apposition's words up to its head: no preposition ("an analyst at a research group" is an analyst)
_DESC_WORD = r"(?!(?:at|of|for|in|with|from|on|by|to|and)\b)[\w'’.-]+\s+"
_BODY_AFTER = re.compile(rf",\s+(?:an?|the)\s+(?P<desc>(?:{_DESC_WORD}){{0,4}}?(?:{_BODY_HEADS}))\b(?!['’]s)",
                         re.IGNORECASE)
#: a company described with its country as owner: "Gazprom, Russia's state energy giant,"; kept to
#: company words, as "Russia's space agency" after a name is as often the object of a sentence as its topic
_COMPANY_HEADS = r"company|firm|giant|monopoly|producer|manufacturer|lender|conglomerate|operator|utility"
_BODY_AFTER_OWNED = re.compile(rf",\s+[A-Z][\w.]*['’]s\s+(?P<desc>(?:{_DESC_WORD}){{0,4}}?(?:{_COMPANY_HEADS}))\b(?!['’]s)")
_BODY_BEFORE = re.compile(rf"(?P<desc>\b(?:{_DESC_WORD}){{0,3}}(?i:{_BODY_HEADS})),\s+$")
_CAPITAL_RUN = re.compile(r"(?<![\w'’.-])(?:The[ \t]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,3})")
#: last words of a newspaper's or broadcaster's name after "The" ("The Kyiv Independent")
_OUTLET_ENDS = frozenset("Post Times Journal Independent Telegraph Guardian Tribune Herald Gazette Observer "
                         "Economist Insider Standard Mirror Sun Express Chronicle".split())


def _described_bodies(text: str) -> dict[tuple[int, int], frozenset[str]]:
    """Capitalised names the text calls a body, with the words it uses for them.

    A name in apposition with a body noun ("Meduza, an independent news site",
    "Russia's state energy company, Gazprom,") or a "The ..." name ending in a
    newspaper word ("The Kyiv Independent").  A person's name is never one:
    the apposition must end in a body noun.

    Example:
        >>> t = "Meduza, an independent news site, said so."
        >>> {t[s:e]: sorted(w) for (s, e), w in _described_bodies(t).items()}
        {'Meduza': ['independent', 'news', 'outlet', 'site']}
    """
    out: dict[tuple[int, int], frozenset[str]] = {}
    for m in _CAPITAL_RUN.finditer(text):
        s, e = m.span("name")
        # an apposition needs a comma next to the name, an outlet "The": cheap tests before the rest
        comma_after, comma_before = text.startswith(",", e), text[max(0, s - 3):s].rstrip().endswith(",")
        the = text.startswith("The ", m.start())
        if not (comma_after or comma_before or the):
            continue
        words = m.group("name").split()
        if words[0] in NAME_STOP and not the:
            continue
        after = (_BODY_AFTER.match(text, e) or _BODY_AFTER_OWNED.match(text, e)) if comma_after else None
        before = _BODY_BEFORE.search(text, max(0, s - 60), s) if comma_before else None
        if before is not None and _NP_PREPOSITION_BEFORE.search(text, max(0, before.start("desc") - 12),
                                                             before.start("desc")):
            before = None  # "the head of the party, Ann Lee": the apposition's head is "head"
        desc = after.group("desc") if after is not None else before.group("desc") if before is not None else ""
        if desc and words_of(desc) & PERSON_HEAD_WORDS:
            continue  # "the party's leader, Ann Lee": a person's role, whatever body it names
        if desc:
            out[(s, e)] = words_of(desc) | (_OUTLET if _OUTLET_DESC.search(desc) else frozenset())
        elif the and words[-1] in _OUTLET_ENDS:
            out[(s, e)] = frozenset({"newspaper"}) | _OUTLET
    return out


_OUTLET = frozenset({"outlet"})
_OUTLET_DESC = re.compile(r"\b(?:news|newspaper|broadcaster|channel|website|site|tabloid|daily|outlet|publisher)\b",
                          re.IGNORECASE)

#: sentence words a capitalised run may begin with that are no part of a body's name
_ORG_CUT = frozenset("The A An In On At This That These Those It But And Or If When While After Before As "
                     "Meanwhile However According Since Under With From For By Last Monday Tuesday Wednesday "
                     "Thursday Friday Saturday Sunday".split())
_NP_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|of|from|at|for|near|outside|with|by|on)\s+$")
