"""Name spans: where an unregistered personal name starts and ends inside a capitalised run.

:data:`NAME` finds runs of 2-4 capitalised name words (initials, particles,
a suffix, Latin letters with diacritics); :func:`settle_name_run` cuts the run to
the name: title and stop words (:data:`NAME_STOP`) end a title, a place after
a preposition goes ("Ambassador to Havana Viktor Koronelli"), a registry name
inside the run starts a new one, and a run longer than a name ends in the
tail the text also writes on its own.

Example:
    >>> t = "Treasury Secretary Janet L. Yellen said"
    >>> s, e, tokens = settle_name_run(t, NAME.search(t))
    >>> t[s:e]
    'Janet L. Yellen'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from analysis.statements.role_nouns import PERSON_HEAD_WORDS

#: Latin capitals and small letters with diacritics (Latin-1 and Extended-A), so that "Sauli Niinistö",
#: "Gitanas Nausėda" and "Recep Tayyip Erdoğan" are names like "John Kirby"
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LOWER = "a-zß-öø-ÿ\u0100-\u017f"
#: one capitalised name word: Kirby, McFaul, O'Brien, Al-Hashimi, Niinistö
NAME_WORD = rf"(?:Mc|Mac|O['’])?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?"
#: 2-4 name words; middle initials ("John R. Bolton"), particles inside ("Mary St. Clair"), a suffix ("Lloyd J. Austin III")
#: a name never runs over a line break (a headline line is no first name of the line after it)
NAME = re.compile(rf"(?<![\w'’.-]){NAME_WORD}"
                  rf"(?:[ \t\u00a0]+(?:[A-Z]\.[ \t\u00a0]+){{0,2}}(?:(?:von|van|der|de|al|bin|St\.)[ \t\u00a0]+)?"
                  rf"{NAME_WORD}){{1,3}}(?:,?[ \t\u00a0]+(?:Jr\.|Sr\.|II|III|IV)(?![\w]))?(?![\w-])")
NAME_STOP = frozenset(
    "The A An In On At This That These Those It He She They We But And Or If When While After Before "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December President Minister Prime Deputy Chairman "
    "Secretary General Senator Foreign Defence Defense Ministry Security Council Service Russian "
    "Ukrainian Russia Ukraine Kremlin Moscow Kyiv Istanbul Telegram European Union United States "
    "Nations Western American British French German Turkish Chinese Sir Mr Mrs Ms Dr Story Read "
    "Follow Latest Post Advertisement Premium Meanwhile However According Former Senior Chief "
    "Head Office Army Air Force Navy State House White North South East West Middle Operation "
    "Republican Democrat Reuters Associated Press Independent Times News Post Agency "
    # words that open a sentence or a question before a surname ("Which Clinton quickly corrected")
    "Which What Who Whom Whose Where Why How Sorry Yes No Then So Now Also Here There Thus Still Even "
    "Just Only Today Yesterday Like Unlike As For From To With Without By Of Under Over Since Until "
    "Although Though Because Once Every Each Both Our My His Her Their Its Your Dear Did Does Do Is Was "
    "Are Were Please Thanks Oh Indeed Perhaps Maybe Instead Finally Later Earlier Last Next Such Not Never "
    # determiners and numerals open a described source, not a name ("One Malaysian Muslim said")
    "One Two Three Another Some Several Many Most Few Any All".split())


def _name_core(text: str, m: re.Match[str]) -> tuple[int, int, list[str]]:
    """(start, end, tokens) of the personal name inside a NAME match.

    Title and stop words cut the name: only the tokens after the last one
    stay ("Treasury Secretary Janet L. Yellen" -> Janet L. Yellen), and a
    place before a name after a preposition goes ("Ambassador to Havana Viktor
    Koronelli" -> Viktor Koronelli; "Prime Minister of the United Kingdom
    Boris Johnson" -> Boris Johnson): see :func:`_place_words`.

    Example:
        >>> t = "Russian Ambassador to Havana Viktor Koronelli said"
        >>> s, e, tokens = _name_core(t, NAME.search(t, 20))
        >>> t[s:e], tokens
        ('Viktor Koronelli', ['Viktor', 'Koronelli'])
    """
    words = list(re.finditer(r"\S+", m.group()))
    # a title word ends the title, not starts the name ("W.N.B.A. Commissioner Cathy Engelbert")
    keep = [i for i, w in enumerate(words) if w.group().rstrip(",") in NAME_STOP
            or w.group().rstrip(",").lower() in PERSON_HEAD_WORDS]
    first = keep[-1] + 1 if keep else 0
    # only stop words cut so far, right after a preposition: the run is a place, then the name
    after_preposition = (all(w.group() in NAME_STOP for w in words[:first])
                         and _PREPOSITION_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None)
    if after_preposition and len(words) - first >= 3:
        first += _place_words(text, m.start(), [w.group() for w in words[first:]])
    words = words[first:]
    if not words:
        return m.end(), m.end(), []
    return m.start() + words[0].start(), m.start() + words[-1].end(), [w.group() for w in words]


def _place_words(text: str, start: int, tokens: Sequence[str]) -> int:
    """How many leading ``tokens`` (three or more, after a preposition) name a place, not the person.

    The longest tail of two or more tokens that the text also writes
    elsewhere without the word before it here is the name ("of New Zealand
    Jacinda Ardern ... Jacinda Ardern said" -> 2); without such evidence one
    word is the place ("to Havana Viktor Koronelli" -> 1), so a three-word name
    after a one-word place stays whole ("of Turkey Recep Tayyip Erdogan").

    Example:
        >>> t = "We met the Prime Minister of New Zealand Jacinda Ardern. Later Jacinda Ardern spoke."
        >>> _place_words(t, t.index("New"), ["New", "Zealand", "Jacinda", "Ardern"])
        2
        >>> _place_words("We met the ambassador to Havana Viktor Koronelli.", 26, ["Havana", "Viktor", "Koronelli"])
        1
    """
    return _tail_elsewhere(text, start, tokens) or 1


def _tail_elsewhere(text: str, start: int, tokens: Sequence[str], end: int = -1) -> int:
    """The fewest leading ``tokens`` (written from ``start`` to ``end``) to drop so that the rest (two
    or more) is written elsewhere in the text without the dropped word before it; 0 when no tail is."""
    end = end if end >= 0 else start + len(" ".join(tokens))
    for cut in range(1, len(tokens) - 1):
        tail = re.escape(" ".join(tokens[cut:])).replace(r"\ ", r"\s+")
        for other in re.finditer(rf"(?<![\w'’.-]){tail}(?![\w-])", text):
            if not start - 1 <= other.start() < end and not text[max(0, other.start() - 30):other.start()].rstrip(
                    ).endswith(tokens[cut - 1]):
                return cut
    return 0


#: one more name word right after a NAME match: the capitalised run goes on past NAME's four words
_MORE_NAME = re.compile(rf"[ \t]+({NAME_WORD})(?![\w'’-])")
_RUN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)[ \t]+$")


def settle_name_run(text: str, m: re.Match[str], alias_starts: Sequence[int] = ()) -> tuple[int, int, list[str]]:
    """:func:`_name_core` of a NAME match, over the whole capitalised run it belongs to.

    A run longer than a name ("Minister for Reintegration of the Temporarily
    Occupied Territories Iryna Vereshchuk", "Deputy Prime Minister Iryna
    Vereshchuk") ends in the name: the tail the text writes elsewhere on its own,
    else its last two words.

    Example:
        >>> t = "This was said by Minister of the Temporarily Occupied Territories Iryna Vereshchuk."
        >>> s, e, tokens = settle_name_run(t, NAME.search(t, t.index("Temporarily")))
        >>> t[s:e]
        'Iryna Vereshchuk'
    """
    s, e, tokens = _name_core(text, m)
    continued = False
    while (more := _MORE_NAME.match(text, m.end() if not continued and not tokens else e)) is not None \
            and more.group(1) not in NAME_STOP:
        if not tokens:
            s = more.start(1)
        tokens, e, continued = [*tokens, more.group(1)], more.end(1), True
    if continued:
        cut = max((i + 1 for i, w in enumerate(tokens) if w.lower() in PERSON_HEAD_WORDS), default=0)
        tokens = tokens[cut:]
    cut_at = _before_alias(text, s, e, tokens, alias_starts)
    if cut_at is not None:
        return cut_at
    before = _RUN_BEFORE.search(text, max(0, s - 30), s)
    inside_run = continued or (before is not None and before.group(1) not in NAME_STOP
                               and before.group(1).lower() not in PERSON_HEAD_WORDS)
    if len(tokens) < 3 or not inside_run:
        return s, e, tokens
    drop = _tail_elsewhere(text, s, tokens, e) or len(tokens) - 2
    kept = tokens[drop:]
    return e - len(" ".join(kept)) if text[s:e] == " ".join(tokens) else _start_of(text, e, kept), e, kept


def _before_alias(text: str, s: int, e: int, tokens: list[str],
                  alias_starts: Sequence[int]) -> tuple[int, int, list[str]] | None:
    """A name run cut where a registry name inside it starts ("Chancellor of Germany Jan Weber
    Vladimir Putin" holds "Jan Weber" before "Vladimir Putin"); None when no registry name is inside."""
    i = bisect.bisect_right(alias_starts, s)
    if i == len(alias_starts) or alias_starts[i] >= e:
        return None
    head = text[s:alias_starts[i]].split()
    if head != tokens[:len(head)]:
        return None
    return s, s + len(text[s:alias_starts[i]].rstrip()), head


def _start_of(text: str, e: int, kept: Sequence[str]) -> int:
    """Where the words ``kept`` start when they end at ``e`` (any white space between them)."""
    pos = e
    for w in reversed(kept):
        pos = text.rindex(w, 0, pos)
    return pos


_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|of|from|at|for|near|outside)\s+(?:the\s+)?$")
