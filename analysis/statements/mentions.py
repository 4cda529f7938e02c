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
from dataclasses import replace

from analysis.statements.cues import trie_pattern
from analysis.statements.identity import ORGANISATION_WORDS, is_organisation
from analysis.statements.mention import Mention, _gender_of, _possessive, words_of
from analysis.statements.name_spans import _NAME_WORD, NAME, NAME_STOP, _settle_run
from analysis.statements.quotes import QuoteSpan, paragraph_spans
from analysis.statements.role_nouns import (
    _FUNCTION,
    _MOD,
    _PERSON_HEAD_WORDS,
    DESCRIPTOR,
    NEUTRAL_ROLE_MODIFIERS,
    ORG_HEADS,
    PERSON_HEADS,
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
    is_case_sensitive_alias,
    is_role_alias,
    normalize_alias,
)
from analysis.statements.titles import (
    _TITLE_ABBREVIATION,
    _TITLE_ABBREVIATIONS,
    _TITLE_GAP,
    _TITLE_WORD_BEFORE,
    _capitalised_head_before,
    _titles_clash,
    of_title_before,
    of_title_match,
    title_before,
)

#: how far back a role noun may continue a chain (a long quote may stand between: about two sentences and it)
MAX_ROLE_CHAIN_CHARS = 1200
#: an honorific and a surname: "Mr. Malofeev", "Ms. Butkevych"
HONORIFIC_NAME = re.compile(rf"(?<![\w'’.-])(?P<hon>Mr|Mrs|Ms|Dr)\.?\s+(?P<name>{_NAME_WORD})(?![\w-])")
#: a title and a surname: "Admiral Heinz", "Gen. Zaluzhnyi", "President Biden", "Pope Francis"; the name
#: must end its capitalised run, so "President Joe Biden" is a full name and "General Assembly X" no title
TITLE_NAME = re.compile(
    rf"(?<![\w'’.-])(?:(?:Gen|Gov|Sen|Rep|Adm|Col|Capt|Lt|Sgt|Prof|Amb)\.|President|Governor|General|Admiral|"
    rf"Captain|Colonel|Sergeant|Lieutenant|Senator|Mayor|Ambassador|Commissioner|Chancellor|Premier|Minister|"
    rf"Pope|King|Queen|Prince|Princess|Patriarch|Professor)\s+(?P<name>{_NAME_WORD})(?![\w'’-]|\s+[A-Z])")
#: capitalised words after a title word that name a body, not a person ("General Assembly", "General Motors")
_NOT_SURNAMES = frozenset("Assembly Motors Electric Dynamics Atomics Mills Prosecutor Staff Secretary Council".split())
_FORMER = re.compile(r"\b(?:former|ex-?)\s*$", re.IGNORECASE)


class _Patterns:
    """Compiled alias regexes of one registry (built once, kept on the registry)."""

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


def _patterns(registry: SpeakerRegistry) -> _Patterns:
    cached = getattr(registry, "_mention_patterns", None)
    if cached is None:
        cached = _Patterns(registry)
        registry._mention_patterns = cached  # type: ignore[attr-defined]
    return cached


def _alias_mentions(text: str, registry: SpeakerRegistry, pats: _Patterns) -> list[Mention]:
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
                                _possessive(text, e), role_words=pats.role_words[sp.canonical], link=link))
    # a role alias before a named person is that person's title ("Russian President Vladimir
    # Putin", "former Russian president and top security official Dmitry Medvedev"); after
    # "former"/"ex-" it names a past holder, not the registered one
    keep = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if normalize_alias(text[m.start:m.end]) in pats.role_aliases:
            if _FORMER.search(text, max(0, m.start - 12), m.start):
                continue
            if nxt is not None and nxt.kind == "person" and _TITLE_GAP.fullmatch(text[m.end:nxt.start]):
                continue
        keep.append(m)
    return keep


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


def _named_mentions(text: str, aliases: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    """Unregistered personal names confirmed by a title, apposition or speech verb."""
    from analysis.statements.cues import CUE_AFTER_NAME, CUE_BEFORE_NAME

    taken = SpanIndex((m.start, m.end) for m in aliases)
    desc_ends = {d.end() for d in descriptors}
    out: list[Mention] = []
    alias_starts = sorted(m.start for m in aliases)
    cores = [(s, e, tokens) for s, e, tokens in (_settle_run(text, m, alias_starts) for m in NAME.finditer(text))
             if len(tokens) >= 2 and not taken.overlaps(s, e)]
    speaking = _speaking_surnames(text, cores)
    for s, e, tokens in cores:
        before = text[max(0, s - 40):s]
        # a title before the name, or a role in apposition before it ("the defense secretary, Ben Wallace,")
        titled = any(d in desc_ends and (d >= s - 1 or _TITLE_GAP.fullmatch(text, d, s)
                                         or _ROLE_COMMA.fullmatch(text, d, s))
                     for d in range(max(0, s - 40), s + 1)) or bool(_TITLE_ABBREVIATION.search(before)) \
            or _capitalised_head_before(before)
        confirmed = (titled or CUE_AFTER_NAME.match(text, e) is not None or _NAME_IS.search(before) is not None
                     or CUE_BEFORE_NAME.search(before) is not None
                     or _APPOSITION_AFTER.match(text, e) is not None or _speaker_turn(text, s, e)
                     or of_title_before(text, s) is not None or tokens[-1] in speaking)
        if confirmed:
            entity = " ".join(tokens).replace(" ,", ",").rstrip(",")
            out.append(Mention(s, e, entity, "person", "", False, "name", _possessive(text, e)))
    # a name confirmed once is a name wherever the text writes it, before the confirmation too
    known = {m.entity for m in out}
    found = {m.start for m in out}
    for s, e, tokens in cores:
        entity = " ".join(tokens).replace(" ,", ",").rstrip(",")
        if s not in found and entity in known:
            out.append(Mention(s, e, entity, "person", "", False, "name", _possessive(text, e)))
    out.sort(key=lambda m: m.start)
    for named in out:
        taken.add(named.start, named.end)
    out += _surname_mentions(text, out, taken)
    out += _honorific_mentions(text, aliases + out, taken)
    return out


def _speaking_surnames(text: str, cores: Sequence[tuple[int, int, list[str]]]) -> frozenset[str]:
    """Surnames of one name each that the text later uses alone before a speech verb.

    "Taras Bondar arrived on Monday. ... “We will rebuild,” Bondar said": the
    surname speaking confirms the full name, so the surname, "he" and "she"
    link back to it.  A surname two names of the text share confirms neither.

    Example:
        >>> t = "Taras Bondar arrived. “We stay,” Bondar said."
        >>> sorted(_speaking_surnames(t, [(0, 12, ["Taras", "Bondar"])]))
        ['Bondar']
    """
    from analysis.statements.cues import CUE_AFTER_NAME

    owners: dict[str, int] = {}
    # one count per distinct name: "Hillary Clinton" written twice is still one owner of "Clinton"
    for name in {tuple(tokens) for _, _, tokens in cores}:
        owners[name[-1]] = owners.get(name[-1], 0) + 1
    first_end: dict[str, int] = {}
    in_full: set[int] = set()  # where a full name's surname starts: not the surname alone
    for _, e, tokens in cores:
        first_end[tokens[-1]] = min(e, first_end.get(tokens[-1], e))
        in_full.add(e - len(tokens[-1]))
    wanted = sorted(w for w, n in owners.items() if n == 1 and w not in NAME_STOP)
    out: set[str] = set()
    if not wanted:
        return frozenset()
    # one pass over the text for all surnames (a search per surname was quadratic in long texts)
    for m in re.finditer(rf"(?<![\w'’.-])(?:{trie_pattern(wanted)})(?![\w'’-])", text):
        surname = m.group()
        # the surname alone, after the full name and outside every full name ("Hillary Clinton" may recur)
        if surname not in out and m.start() >= first_end[surname] and m.start() not in in_full \
                and CUE_AFTER_NAME.match(text, m.end()):
            out.add(surname)
    return frozenset(out)


#: a capitalised name of a body, connectors inside ("Institute for the Study of War")
_ORG_SPAN = re.compile(r"(?<![\w'’.-])[A-Z][\w.&'’-]*(?:[ \t]+(?:(?:of|for|on|and)[ \t]+(?:the[ \t]+)?)?[A-Z][\w.&'’-]*){0,6}")
#: dotted initials of a body ("the I.M.F.", "the C.I.A."); not places (U.S.A., U.A.E.); two
#: letters are as often a role or a title ("the D.J.", "an M.P.") as a body
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){3,5}(?![\w])")
_DATE_TAIL = re.compile(r"\s+(?:on|in|of|for)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)\b")
_ORG_WORD = re.compile(r"\b(?:" + trie_pattern([w.capitalize() for w in ORGANISATION_WORDS]) + r")\b")
_DOTTED_PLACES = frozenset({"U.S.A.", "U.A.E.", "U.S.S.R."})


def _organisation_mentions(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Unregistered bodies named in the text, so "the ministry", "the institute" and *it* can refer back.

    A capitalised name counts when a capitalised word of it is an organisation
    word (:func:`analysis.statements.identity.is_organisation`: Ministry,
    Institute, Bank ...), stop words before it cut ("But the Defense Ministry"
    -> "Defense Ministry"); dotted initials ("the I.M.F.") count unless they
    name a place.  Spans a registry alias or a person already holds are left alone.

    Example:
        >>> t = "The Institute for the Study of War said so. The institute added more."
        >>> [(m.entity, sorted(m.role_words)) for m in _organisation_mentions(t, [])]
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
        if before_of and before_of[-1] in _PERSON_HEAD_WORDS:
            continue
        # two words at least: a lone "Group" or "Ministry" opening a sentence names no body
        if len(words) - first >= 2 and is_organisation(m.group()[words[first].start():]):
            s = m.start() + words[first].start()
            e = m.end()
            # "Amnesty International on Thursday": a date after a connector is no part of the name
            date = _DATE_TAIL.search(text, s, e)
            e = date.start() if date else e
            if text[e - 1] == "." and not _DOTTED.fullmatch(text, s, e):
                e -= 1  # a sentence's full stop, not the name's
            spans.append((s, e))
    described = _described_bodies(text)
    for s, e in sorted(set(spans) | set(described)):
        if e - s < 2 or taken.overlaps(s, e):
            continue
        name = text[s:e]
        roles = words_of(name) | described.get((s, e), frozenset())
        out.append(Mention(s, e, name, "organisation", "", False, "name", _possessive(text, e),
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
        if desc and words_of(desc) & _PERSON_HEAD_WORDS:
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
_ROLE_COMMA = re.compile(r",\s*")
#: a speaker's turn in a transcript or a list of reactions: 'Marta Kovalenko: "We have no water."'
_TURN_MARK = re.compile(r"[ \t]*:[ \t]*[\"“]")
_TURN_OPENS = re.compile(r"(?:^|\n|[.!?][\"”’]?[ \t]+)[ \t]*$")


def _speaker_turn(text: str, s: int, e: int) -> bool:
    """Is the name at ``text[s:e]`` a turn label: it opens its line or sentence, and a colon and
    a quotation mark follow it ('Taras Bondar: "The city is surrounded."')?

    Example:
        >>> t = 'Taras Bondar: "The city is surrounded."'
        >>> _speaker_turn(t, 0, 12), _speaker_turn("We met Taras Bondar: " + t[14:], 7, 19)
        (True, False)
    """
    return _TURN_MARK.match(text, e) is not None and _TURN_OPENS.search(text, max(0, s - 4), s) is not None


#: "His name was Aleksandr Ionov": the text introduces a person by name
_NAME_IS = re.compile(r"\b(?:[Hh]is|[Hh]er|[Mm]y)\s+(?:full\s+)?name\s+(?:is|was)\s+$")
#: an apposition after a name confirms it ("Marcel Fratzscher, president of ...", "..., the governor",
#: an age: "Svitlana Petrenko, 54, fled")
_APPOSITION_AFTER = re.compile(rf",\s+(?:(?:the|a|an|who|{PERSON_HEADS}|deputy|former|chief)\b|\d{{1,3}},)")
_NP_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|of|from|at|for|near|outside|with|by|on)\s+$")


def _honorific_mentions(text: str, known: Sequence[Mention], taken: SpanIndex) -> list[Mention]:
    """"Mr. X" or "Admiral X" not yet a mention: the person of the text with surname X, else "X" itself.

    An honorific gives the gender; a full name anywhere in the text (before
    or after) with that surname gives the entity, when only one has it.
    """
    by_surname: dict[str, set[tuple[str, bool]]] = {}
    titles: dict[str, str] = {}
    for m in known:
        if m.kind == "person" and m.source != "descriptor":
            by_surname.setdefault(m.entity.split()[-1], set()).add((m.entity, m.registered))
            titles[m.entity] = titles.get(m.entity) or title_before(text, m.start)
    out: list[Mention] = []
    titled = (h for h in TITLE_NAME.finditer(text) if h.group("name") not in _NOT_SURNAMES
              and h.group("name").lower() not in ORGANISATION_WORDS)
    for h in [*HONORIFIC_NAME.finditer(text), *titled]:
        s, e = h.start("name"), h.end("name")
        if taken.overlaps(s, e) or h.group("name") in NAME_STOP:
            continue
        hon = h.groupdict().get("hon") or ""
        gender = "m" if hon == "Mr" else ("f" if hon in ("Mrs", "Ms") else "")
        owners = by_surname.get(h.group("name"), set())
        if not hon:  # "President Bondar" is not "First Lady Olha Bondar"
            owners = {o for o in owners if not _titles_clash(titles.get(o[0], ""), title_before(text, s))}
        entity, registered = next(iter(owners)) if len(owners) == 1 else (h.group("name"), False)
        out.append(Mention(s, e, entity, "person", gender, registered, "name", _possessive(text, e)))
        taken.add(s, e)
    return out


def _surname_mentions(text: str, names: list[Mention], taken: SpanIndex) -> list[Mention]:
    out: list[Mention] = []
    first: dict[str, Mention] = {}
    for named in sorted(names, key=lambda n: n.start):
        first.setdefault(named.entity, named)  # the surname refers back to the first full name, not the last
    for name in first.values():
        surname = name.entity.split()[-1]
        own_title = title_before(text, name.start)
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text[name.end:]):
            s, e = name.end + m.start(), name.end + m.end()
            if not taken.overlaps(s, e) and not _titles_clash(own_title, title_before(text, s)):
                out.append(replace(name, start=s, end=e, possessive=_possessive(text, e)))
                taken.add(s, e)
    return out


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
