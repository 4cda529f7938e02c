"""Role nouns: the descriptor patterns ("a Kremlin representative", "U.S. Ambassador") and their words.

The head-noun vocabularies (persons, groups, bodies), the modifiers a role
may carry, the two descriptor regexes (with an article, and a capitalised
bare title), the test that tells a head used as an adjective ("the general
news") from a role, and the role phrase a definite descriptor is matched
with ("the head of Ukraine's Security Service"; "the Head of State" is the
president).  An English noun phrase's head is its last noun, so the
modifiers are matched greedily.

Example:
    >>> t = "the foreign ministry spokesman said"
    >>> DESCRIPTOR.search(t)["head"], descriptor_entity("the", "foreign ministry ", "spokesman")
    ('spokesman', ('foreign ministry spokesman', 'person'))

References:
    Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A
    Comprehensive Grammar of the English Language. Longman -- the noun
    phrase, its head and premodifiers (ch. 17).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.statements.mention import words_of

PERSON_HEADS = ("representative|spokesman|spokeswoman|spokesperson|official|minister|chief|head|"
                "president|secretary|chairman|chairwoman|senator|envoy|ambassador|adviser|advisor|aide|"
                "commander|governor|mayor|lawmaker|diplomat|negotiator|leader|source|analyst|expert|"
                "premier|chancellor|director|prosecutor|officer|lieutenant|general|commissioner|politician|"
                "activist|journalist|researcher|economist|professor|judge|lawyer|attorney|campaigner|"
                "historian|soldier|resident|volunteer|witness|lady|pope|patriarch|king|queen|captain|admiral|"
                # office holders of local and national news ("the sheriff said", "the congresswoman added")
                "sheriff|councilman|councilwoman|councillor|congressman|congresswoman|legislator|"
                "assemblyman|assemblywoman|detective|inspector|investigator|colonel|sergeant|bishop|rabbi|"
                "imam|priest|co-founder|cofounder|founder|executive|nominee|candidate|panelist|panellist|"
                "correspondent|columnist|ceo|"
                # an age standing for the person of that age ("the 45-year-old said")
                r"\d{1,3}-year-old")
GROUP_HEADS = ("officials|negotiators|sources|analysts|experts|diplomats|lawmakers|leaders|"
               "authorities|representatives|officers|commanders|ministers|observers")
ORG_HEADS = ("ministry|office|agency|department|government|army|military|delegation|staff|"
             "council|committee|command|administration|embassy|commission|parliament|service|"
             "bank|court|senate|company|institute|watchdog|alliance|agreement|organization|organisation|"
             "outlet|newspaper|broadcaster|website|firm")
REP_HEADS = frozenset({"representative", "spokesman", "spokeswoman", "spokesperson", "official",
                       "source", "aide", "officials", "sources", "representatives"})
#: modifiers of a role noun that a holder must have: a deputy head is no head, a vice president no president
RANK_MODIFIERS = frozenset({"deputy", "vice", "acting", "interim", "former"})
#: modifiers of a role noun that do not narrow down who holds it ("the regional governor")
NEUTRAL_ROLE_MODIFIERS = frozenset({"regional", "local", "senior", "top", "current", "new", "veteran"})
ROLE_MODIFIERS = frozenset(
    "foreign policy senior deputy top former defence defense security press military chief state "
    "prime vice intelligence presidential interior finance economy justice health energy "
    "acting interim special peace lead first".split())
#: words a noun phrase's modifiers never are: a determiner opens another phrase ("the audience the Pope")
NOT_FUNCTION_WORD = (r"(?!(?:of|to|in|on|at|and|or|but|that|which|who|with|for|from|by|as|is|was|were|are|"
             r"has|have|had|will|would|said|says|told|it|its|their|his|her|the|an?|this|these|those|our|my|your)\b)")
MODIFIER_WORD = NOT_FUNCTION_WORD + r"(?:(?:[A-Z]\.)+|[\w'’-]+)[ \t]+"
# mods are greedy: an English noun phrase's head is its last noun, so "chief lieutenant" and
# "foreign ministry spokesman" end at the last head word, not at "chief" / "ministry"
DESCRIPTOR = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome)[ \t]+(?P<mods>(?:{MODIFIER_WORD}){{0,4}})"
    rf"(?P<head>{PERSON_HEADS}|{GROUP_HEADS}|{ORG_HEADS})\b(?!['’]s\b|-)",
    re.IGNORECASE)
BARE_DESCRIPTOR = re.compile(
    rf"(?<![\w'’])(?P<det>)(?P<mods>(?:(?:[A-Z]\.)+|[A-Z][\w'’-]*)[ \t]+(?:{MODIFIER_WORD}){{0,3}})"
    rf"(?P<head>(?i:{PERSON_HEADS}|{GROUP_HEADS}))\b(?!['’]s\b|-)")
#: heads that are also adjectives ("the general news", "an official statement", "the chief
#: concern"): a role only when no lower-case content word follows
ADJECTIVE_HEADS = frozenset({"general", "official", "chief"})
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'’-]*)")
#: lower-case words after a head that do not make it an adjective: function words, auxiliaries,
#: common irregular past tenses ("the general spoke") and post-positive adjectives ("an official
#: familiar with the talks"); regular past tenses (-ed) and speech verbs are recognised by form
_CLOSED_CLASS = frozenset(
    "of to in on at and or but nor that which who whom whose with for from by as is was were are be been "
    "has have had will would could should can may might must did does do not also then later again "
    "himself herself itself there here "
    "spoke met left went came took gave made held sent saw knew thought became began led ran won lost "
    "got put set kept found felt stood sat brought fought flew drew rose fell "
    "familiar close responsible present aware speaking".split())
#: "the head *of Ukraine's Security Service*": the body a role belongs to, a few capitalised words
_ROLE_OF = re.compile(r"[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?")
_ROLE_WORD = re.compile(r"[ \t]*([\w'’.-]*\w)")
MAX_ROLE_OF_WORDS = 4


def descriptor_entity(det: str, mods: str, head: str) -> tuple[str, str]:
    """(label, kind) of a descriptor: its modifiers and head, and "group", "organisation" or "person".

    Example:
        >>> descriptor_entity("the", "foreign ", "ministry"), descriptor_entity("", "", "officials")
        (('foreign ministry', 'organisation'), ('officials', 'group'))
        >>> descriptor_entity("a", "senior ", "official")
        ('senior official', 'person')
    """
    label = f"{mods}{head}".strip()
    low = head.lower()
    if re.fullmatch(GROUP_HEADS, low):
        return label, "group"
    if re.fullmatch(ORG_HEADS, low):
        return label, "organisation"
    return label, "person"


def is_adjectival_head(text: str, d: re.Match[str]) -> bool:
    """True when the head is an adjective of a following lower-case noun ("the general news").

    Example:
        >>> t = "the general news was bad"
        >>> is_adjectival_head(t, DESCRIPTOR.search(t))
        True
    """
    from analysis.statements.cues import SPEECH

    if d.group("head").lower() not in ADJECTIVE_HEADS:
        return False
    nxt = _NEXT_WORD.match(text, d.end())
    if nxt is None:
        return False
    word = nxt.group(1)
    is_verb_or_function = (word in _CLOSED_CLASS or word.endswith(("ed", "ly"))
                           or SPEECH.fullmatch(word) is not None)
    return not is_verb_or_function


def bare_descriptors(text: str) -> Iterator[re.Match[str]]:
    """Titles without an article ("U.S. Ambassador"); a match whose modifiers are not all titles
    ("Antonov met U.S. Ambassador") is retried from its next word, so the title inside it is found.

    Example:
        >>> [d.group() for d in bare_descriptors("Antonov met U.S. Ambassador Lynne Tracy.")]
        ['U.S. Ambassador']
    """
    pos = 0
    while (d := BARE_DESCRIPTOR.search(text, pos)) is not None:
        if _bare_ok(d):
            yield d
            pos = d.end()
        else:
            pos = d.start() + 1


def _bare_ok(d: re.Match[str]) -> bool:
    mods = d.group("mods").split()
    # a compound title's first noun is a modifier too ("Ukraine's prosecutor general")
    return all(w[0].isupper() or w.lower() in ROLE_MODIFIERS or w.lower() in PERSON_HEAD_WORDS for w in mods)


PERSON_HEAD_WORDS = frozenset(PERSON_HEADS.split("|")) | {"commissioner", "governor", "senator", "mayor"}


def role_phrase(text: str, d: re.Match[str]) -> str:
    """An apposition's role: the descriptor plus at most a short of/for/at-phrase naming its body.

    The phrase stops at punctuation and at the first word that is neither
    capitalised nor a role modifier, so the rest of the sentence (a participle,
    a verb, the next sentence) never becomes role words.

    Example:
        >>> t = "Vasyl Malyuk, the head of Ukraine's Security Service, said"
        >>> role_phrase(t, DESCRIPTOR.search(t))
        "the head of Ukraine's Security Service"
        >>> t = "Graham, a Republican lawmaker backing a bill. Graham made it."
        >>> role_phrase(t, DESCRIPTOR.search(t))
        'a Republican lawmaker'
    """
    end = d.end()
    taken = 0
    # nested capitalised of-phrases belong to it too: "the Deputy Head of the Office of the President"
    while taken < MAX_ROLE_OF_WORDS and (of := _ROLE_OF.match(text, end)) is not None:
        pos, before = of.end(), end
        for w in _ROLE_WORD.finditer(text, pos):
            word = w.group(1)
            if taken >= MAX_ROLE_OF_WORDS or w.start() != pos or not (
                    word[0].isupper() or word.lower() in ROLE_MODIFIERS):
                break
            end, pos, taken = w.end(), w.end(), taken + 1
        if end == before:
            break
    return text[d.start():end]


#: a role phrase that means another role: "the Head of State" is the president (or monarch),
#: "the Head of Government" the prime minister; (head, modifiers) to match holders by
ROLE_PHRASES: dict[str, tuple[str, frozenset[str]]] = {
    "head of state": ("president", frozenset()),
    "head of the state": ("president", frozenset()),
    "head of government": ("minister", frozenset({"prime"})),
    "head of the government": ("minister", frozenset({"prime"})),
}


def role_head(text: str, d: re.Match[str], head: str) -> tuple[str, frozenset[str]]:
    """(head, words) a definite role noun is matched with: its capitalised of-phrase included.

    "the President of Finland" is a president whose role words hold
    "finland", not any president; "the Head of State" is the president.

    Example:
        >>> t = "the President of Finland said"
        >>> head, words = role_head(t, DESCRIPTOR.search(t), "president")
        >>> head, sorted(words)
        ('president', ['finland', 'president'])
        >>> t = "the Head of State said"
        >>> role_head(t, DESCRIPTOR.search(t), "head")
        ('president', frozenset({'president'}))
    """
    phrase = role_phrase(text, d)
    key = " ".join(phrase.lower().split()[1:])
    if key in ROLE_PHRASES:
        new_head, mods = ROLE_PHRASES[key]
        return new_head, mods | {new_head}
    of_phrase = phrase[d.end() - d.start():]
    if re.search(r"['’]s?$", of_phrase):
        # "the head of the U.N.'s atomic watchdog": a possessor, the body's own name follows in lower case
        return head, words_of(d.group())
    return head, words_of(d.group()) | words_of(of_phrase)
