"""Surnames and honorifics that link back to a full name ("Bondar said", "Mr. Malofeev", "Gov. Kim").

A surname written alone after a person's full name is that person unless
the titles clash ("First Lady Olha Bondar" ... "President Bondar"); an
honorific or a title before a surname is the one person of the text with
that surname, else the surname itself; a surname that speaks later
confirms a full name written before it (:func:`speaking_surnames`).

Example:
    >>> from analysis.statements.spans import SpanIndex
    >>> t = "Taras Bondar arrived. Later Bondar left."
    >>> name = Mention(0, 12, "Taras Bondar", "person")
    >>> [(t[m.start:m.end], m.entity) for m in surname_mentions(t, [name], SpanIndex([(0, 12)]))]
    [('Bondar', 'Taras Bondar')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.statements.cues import trie_pattern
from analysis.statements.identity import ORGANISATION_WORDS
from analysis.statements.mention import Mention, is_possessive
from analysis.statements.name_spans import NAME_STOP, NAME_WORD
from analysis.statements.spans import SpanIndex
from analysis.statements.titles import ABBREVIATED_TITLE, title_before, titles_clash

#: an honorific and a surname: "Mr. Malofeev", "Ms. Butkevych"
HONORIFIC_NAME = re.compile(rf"(?<![\w'’.-])(?P<hon>Mr|Mrs|Ms|Dr)\.?\s+(?!{ABBREVIATED_TITLE.pattern})(?P<name>{NAME_WORD})(?![\w-])")
#: a title and a surname: "Admiral Heinz", "Gen. Zaluzhnyi", "President Biden", "Pope Francis"; the name
#: must end its capitalised run, so "President Joe Biden" is a full name and "General Assembly X" no title
TITLE_NAME = re.compile(
    rf"(?<![\w'’.-])(?:(?:Gen|Gov|Sen|Rep|Adm|Col|Capt|Lt|Sgt|Prof|Amb)\.|President|Governor|General|Admiral|"
    rf"Captain|Colonel|Sergeant|Lieutenant|Senator|Mayor|Ambassador|Commissioner|Chancellor|Premier|Minister|"
    rf"Pope|King|Queen|Prince|Princess|Patriarch|Professor)\s+(?!{ABBREVIATED_TITLE.pattern})(?P<name>{NAME_WORD})(?![\w'’-]|\s+[A-Z])")
#: capitalised words after a title word that name a body, not a person ("General Assembly", "General Motors")
_NOT_SURNAMES = frozenset("Assembly Motors Electric Dynamics Atomics Mills Prosecutor Staff Secretary Council".split())


def speaking_surnames(text: str, cores: Sequence[tuple[int, int, list[str]]]) -> frozenset[str]:
    """Surnames of one name each that the text later uses alone before a speech verb.

    "Taras Bondar arrived on Monday. ... “We will rebuild,” Bondar said": the
    surname speaking confirms the full name, so the surname, "he" and "she"
    link back to it.  A surname two names of the text share confirms neither.

    Example:
        >>> t = "Taras Bondar arrived. “We stay,” Bondar said."
        >>> sorted(speaking_surnames(t, [(0, 12, ["Taras", "Bondar"])]))
        ['Bondar']
    """
    from analysis.statements.cues import CUE_AFTER_NAME, NAMING_AFTER_NAME

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
                and (CUE_AFTER_NAME.match(text, m.end()) or NAMING_AFTER_NAME.match(text, m.end())
                     or _CUE_RIGHT_BEFORE.search(text, max(0, m.start() - 24), m.start())):
            out.add(surname)
    return frozenset(out)


#: a speech verb right before a surname after a quote ('"...," says Joseph'): the surname speaks
_CUE_RIGHT_BEFORE = re.compile(r"[,”\"][ \t]*(?:says|said|writes|wrote|adds|added|asks|asked|explains|explained)[ \t]+$")


def honorific_mentions(text: str, known: Sequence[Mention], taken: SpanIndex) -> list[Mention]:
    """"Mr. X" or "Admiral X" not yet a mention: the person of the text with surname X, else "X" itself.

    An honorific gives the gender; a full name anywhere in the text (before
    or after) with that surname gives the entity, when only one has it.

    Example:
        >>> t = "Taras Bondar arrived. Mr. Bondar said so."
        >>> [(m.entity, t[m.start:m.end], m.gender)
        ...  for m in honorific_mentions(t, [Mention(0, 12, "Taras Bondar", "person")], SpanIndex())]
        [('Taras Bondar', 'Bondar', 'm')]
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
            owners = {o for o in owners if not titles_clash(titles.get(o[0], ""), title_before(text, s))}
        entity, registered = next(iter(owners)) if len(owners) == 1 else (h.group("name"), False)
        out.append(Mention(s, e, entity, "person", gender, registered, "name", is_possessive(text, e)))
        taken.add(s, e)
    return out


def surname_mentions(text: str, names: list[Mention], taken: SpanIndex) -> list[Mention]:
    """Later uses of a full name's surname alone, as mentions of the first full name with it.

    A surname whose title clashes with the full name's ("First Lady" vs
    "President") is left alone; spans in ``taken`` are skipped and the new ones added.

    Example:
        >>> t = "Taras Bondar arrived. Bondar said so."
        >>> [(m.entity, t[m.start:m.end]) for m in surname_mentions(t, [Mention(0, 12, "Taras Bondar", "person")],
        ...                                                           SpanIndex())]
        [('Taras Bondar', 'Bondar')]
    """
    out: list[Mention] = []
    first: dict[str, Mention] = {}
    for named in sorted(names, key=lambda n: n.start):
        first.setdefault(named.entity, named)  # the surname refers back to the first full name, not the last
    for name in first.values():
        surname = name.entity.split()[-1]
        own_title = title_before(text, name.start)
        uses = list(re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text))
        # before the full name too when the bare surname speaks somewhere ("..., Grassley said. Grassley's
        # staff ... Chuck Grassley"): a writer who names a speaker by surname first is not naming another
        early = any(_speaks(text, u.end()) for u in uses)
        for m in uses:
            s, e = m.start(), m.end()
            if s < name.end and (not early or s >= name.start):
                continue  # the full name's own surname is no use of its own
            if taken.overlaps(s, e) or titles_clash(own_title, title_before(text, s)) or _attributive(text, s, e):
                continue
            out.append(replace(name, start=s, end=e, possessive=is_possessive(text, e)))
            taken.add(s, e)
    return out


def _speaks(text: str, e: int) -> bool:
    from analysis.statements.cues import CUE_AFTER_NAME

    return CUE_AFTER_NAME.match(text, e) is not None or text.startswith(("'s", "’s"), e) and CUE_AFTER_NAME.match(
        text, e + 2) is not None


#: an article before a capitalised word and a lower-case noun after it: the word modifies the noun
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]n?|[Tt]he)[ \t]+$")
_LOWER_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")


def _attributive(text: str, s: int, e: int) -> bool:
    """Is the surname at ``text[s:e]`` a modifier of the noun after it ("a Biden adviser said", "the
    Trump administration", "A Muslim politician said"), not a mention of the person?

    Example:
        >>> t = "Ann Biden spoke. A Biden adviser said so. Biden said so."
        >>> _attributive(t, 19, 24), _attributive(t, 42, 47)
        (True, False)
    """
    return _ARTICLE_BEFORE.search(text, max(0, s - 5), s) is not None and _LOWER_NOUN_AFTER.match(text, e) is not None
