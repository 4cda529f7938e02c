"""Titles written right before a name: "Gov.", "Governor", "President of the Republic of Finland".

A capitalised title or abbreviation before a name confirms the name and
gives it a role word (:func:`title_before`, :func:`of_title_before`); two
titles that cannot name one person keep two people of one surname apart
(:func:`titles_clash`); :data:`TITLE_GAP` is what may stand between a title
and its name ("president and top security official Dmitry Medvedev").

Example:
    >>> title_before("We met Gov. Kim.", 12), capitalised_head_before("said Governor ")
    ('governor', True)

References:
    The Associated Press Stylebook, entry "titles": a formal title is
    capitalised directly before a name and lower case when it stands alone
    or is set off by commas.
"""

from __future__ import annotations

import re

from analysis.statements.mention import words_of
from analysis.statements.role_nouns import PERSON_HEAD_WORDS
from analysis.statements.roles import with_broader

# "president and top security official"; "Ambassador to Havana", "Minister of Foreign Affairs"
#: between a title and its name: nothing, "and" + a few words ("leader and prominent critic"), a list
#: of lower-case epithets closed by "and" ("leader, racist, and totalitarian"), or "of/for/to" + a body
TITLE_GAP = re.compile(r"\s+|(?:,\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)*,?\s+and\s+(?:[\w'’-]+\s+){0,3}|"
                       r"\s+(?:to|of|for)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}")
_LAST_WORD = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)\s+$")


def capitalised_head_before(before: str) -> bool:
    """Does a capitalised role noun end ``before`` ("Governor " before "Vitaliy Kim")?

    Example:
        >>> capitalised_head_before("Governor "), capitalised_head_before("said ")
        (True, False)
    """
    w = _LAST_WORD.search(before)
    return w is not None and w.group(1).lower() in PERSON_HEAD_WORDS


#: a title naming its body in capitals right before a name: "President of the Republic of Finland ",
#: "Prime Minister of Japan ", "Head of the Office of the President "
_OF_TITLE = re.compile(r"(?<![\w'’.-])(?P<title>(?:(?:[A-Z][a-z]+[ \t]+){1,3}[-–—][ \t]+)?(?:[A-Z][a-z]+[ \t]+){0,2}"
                       r"(?P<head>[A-Z][a-z]+))[ \t]+(?:of|for|to)"
                       r"[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+(?:(?:of|and)[ \t]+(?:the[ \t]+)?)?){1,5}$")
MAX_OF_TITLE_CHARS = 140


def of_title_before(text: str, s: int) -> frozenset[str] | None:
    """The role words of a capitalised "<Head> of <Body>" title ending right at ``s``, else None.

    Press releases and wires title people by office and country: "President
    of the Republic of Finland Sauli Niinistö", "Prime Minister of Japan
    Fumio Kishida".  Such a title confirms the name after it and gives it its
    role words (the head and the body's words), so "the President of
    Finland" later refers to that person and not to another president.

    Example:
        >>> t = "He called President of the Republic of Finland Sauli Niinistö."
        >>> sorted(of_title_before(t, t.index("Sauli")))
        ['finland', 'president', 'republic']
        >>> of_title_before("It is the Bank of England Ann Lee", 26) is None
        True
    """
    m = of_title_match(text, s)
    return words_of(text[m.start():s]) if m is not None else None


def of_title_match(text: str, s: int) -> re.Match[str] | None:
    """The match of :func:`of_title_before` (its span), or None."""
    window = text[max(0, s - MAX_OF_TITLE_CHARS):s]
    if " of " not in window and " for " not in window and " to " not in window:
        return None  # most names have no such title: a substring test before the regex
    m = _OF_TITLE.search(text, max(0, s - MAX_OF_TITLE_CHARS), s)
    if m is None or m.group("head").lower() not in PERSON_HEAD_WORDS:
        return None
    return m


#: abbreviated titles and honorifics of English news (AP Stylebook "titles", "military titles",
#: "religious titles"), lower case without the dot: a dot after one ends no sentence ("said the Rev.
#: Al Sharpton", "Lt. Gen. Mark Hertling") and the word before a name is no name of its own
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt spc brig rev fr msgr "
    "supt insp det amb atty hon pres".split())
#: one abbreviated title, its dot included ("Gen.", "Rev."): never a surname ("Lt. Gen. X")
ABBREVIATED_TITLE = re.compile(rf"(?:{'|'.join(sorted(a.capitalize() for a in TITLE_ABBREVIATIONS))})\.")
#: an honorific or an abbreviated title right before a name ("Gov. Olha Savchuk", "Sen. Ann Lee", "Rev. Al Sharpton")
TITLE_ABBREVIATION_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(a.capitalize() for a in TITLE_ABBREVIATIONS))})\.?\s+$")


def title_before(text: str, s: int) -> str:
    """The role noun of a capitalised title or abbreviation right before ``s`` ("Lady" of "First
    Lady", "Gov." -> governor), lower case; '' when none.

    Example:
        >>> t = "First Lady Olha Bondar met Gov. Bondar."
        >>> title_before(t, t.index("Olha")), title_before(t, t.rindex("Bondar")), title_before(t, 0)
        ('lady', 'governor', '')
    """
    title = TITLE_WORD_BEFORE.search(text, max(0, s - 16), s)
    if title is None:
        return ""
    role = TITLE_ABBREVIATION_ROLES[title["abbr"].lower()] if title["abbr"] else title["word"].lower()
    return role if role in PERSON_HEAD_WORDS or title["abbr"] else ""


def titles_clash(a: str, b: str) -> bool:
    """Two titles that cannot name one person ("First Lady Olha Bondar" and "President Bondar").

    Example:
        >>> titles_clash("lady", "president"), titles_clash("ambassador", "diplomat"), titles_clash("", "mayor")
        (True, False, False)
    """
    return bool(a and b and a != b and a not in with_broader([b]) and b not in with_broader([a]))


#: abbreviated titles and the role noun each stands for
TITLE_ABBREVIATION_ROLES = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                        "lt": "lieutenant", "col": "colonel", "adm": "admiral", "amb": "ambassador",
                        "prof": "professor", "sgt": "sergeant", "capt": "captain"}
TITLE_WORD_BEFORE = re.compile(
    rf"(?<![\w.])(?:(?P<abbr>{'|'.join(a.capitalize() for a in TITLE_ABBREVIATION_ROLES)})\.|(?P<word>[A-Z][a-z]+))\s+$")
