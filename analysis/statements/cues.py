"""Speech cues: verbs and phrases that introduce what someone said.

Four families, all precompiled:

``SPEECH``      finite reporting verbs (said, says, told, wrote, declared,
                added, noted, warned, stressed, cautions, explains, insisted ...);
``PARTICIPLE``  participles hanging on a clause (saying, adding, declaring,
                calling ...): their speaker is the clause's subject, or the
                owner of a speech noun they modify ("X's statement ..., calling");
``NAMING``      verbs that attach a quoted label (called, referred to ... as,
                described ... as, dubbed, branded);
``ACCORDING``   "according to X".

Bare *say*-verbs take a clause without "that" ("Medvedev said the purpose
was ..."); the others need "that" (or a colon) before a clause counts as
reported speech, so "warned of retaliation" is narration.

Example:
    >>> [m.group("verb") for m in SPEECH.finditer("He said; she warns; they were told.")]
    ['said', 'warns', 'told']
"""

from __future__ import annotations

import re

_SPEECH_STEMS = {
    "say": "say|says|said",
    "tell": "tell|tells|told",
    "write": "write|writes|wrote",
    "other": (
        "declare[sd]?|add(?:s|ed)?|note[sd]?|warn(?:s|ed)?|stress(?:es|ed)?|caution(?:s|ed)?|"
        "explain(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|argue[sd]?|assert(?:s|ed)?|state[sd]?|"
        "announce[sd]?|emphasi[sz]e[sd]?|acknowledge[sd]?|admit(?:s|ted)?|reiterate[sd]?|"
        "confirm(?:s|ed)?|den(?:y|ies|ied)|tweet(?:s|ed)?|posted|complain(?:s|ed)?|vow(?:s|ed)|"
        "predict(?:s|ed)|asked|asks|repl(?:y|ies|ied)|continue[sd]|conclude[sd]|observe[sd]|"
        "remark(?:s|ed)|comment(?:s|ed)|maintain(?:s|ed)|contend(?:s|ed)|allege[sd]|recall(?:s|ed)|"
        "suggest(?:s|ed)|hint(?:s|ed)|urge[sd]|point(?:s|ed)? out|propose[sd]|concede[sd]|lament(?:s|ed)|"
        "recount(?:s|ed)|testif(?:y|ies|ied)|respond(?:s|ed)|joke[sd]|quip(?:s|ped)|boast(?:s|ed)|"
        "accuse[sd]|demand(?:s|ed)|pledge[sd]|countered|wondered|mused|conceded"
    ),
}
SPEECH_VERBS = "|".join(_SPEECH_STEMS.values())
PARTICIPLE_VERBS = ("saying|adding|declaring|noting|warning|stressing|insisting|claiming|arguing|"
                    "explaining|writing|telling|asserting|announcing|emphasi[sz]ing|acknowledging|"
                    "admitting|calling|describing|dubbing|branding|labell?ing|accusing")
NAMING_VERBS = ("call(?:s|ed)?|calling|dub(?:s|bed)|dubbing|brand(?:s|ed)|branding|label(?:s|l?ed)|"
                "labell?ing|term(?:s|ed)|refer(?:s|red)?\\s+to\\s+[^\"“”]{1,60}?\\s+as(?:\\s+an?)?|"
                "referring\\s+to\\s+[^\"“”]{1,60}?\\s+as(?:\\s+an?)?|describ(?:es|ed|e|ing)\\s+[^\"“”]{0,60}?as(?:\\s+an?)?")
SPEECH_NOUNS = ("statement|statements|remarks?|comments?|words|claims?|post|message|speech|address|"
                "interview|assertion|tweet|declaration|warning|appeal|letter|response|reply|answer|account|report")

SPEECH = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\b", re.IGNORECASE)
PARTICIPLE = re.compile(rf"\b(?P<verb>{PARTICIPLE_VERBS})\b", re.IGNORECASE)
NAMING = re.compile(rf"\b(?P<verb>{NAMING_VERBS})\b", re.IGNORECASE)
ACCORDING = re.compile(r"\b(?P<verb>according to)\b", re.IGNORECASE)
SPEECH_NOUN = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{SPEECH_NOUNS})\b", re.IGNORECASE)

#: "that" (optionally after a parenthetical or a short object) opening a reported clause
THAT_CLAUSE = re.compile(r"(?:\s*,[^,\"“”]{1,120},)?(?:\s+(?!that\b)[\w.'’-]+){0,6}?\s+that\b\s*|\s*:\s*(?=[^\s\"“”‘])")
#: words after a bare say-verb that start an adverbial, not a clause
NOT_A_CLAUSE = re.compile(
    r"\s*(?:$|[,.;:!?)\]—–\"“”‘’]|(?:on|in|at|to|during|after|before|via|from|with|by|late|early|"
    r"last|this|earlier|later|yesterday|today|tonight|recently|separately|also|again|publicly|"
    r"privately|previously|for|of|about|as|when|while|through|under|over|it|so|nothing|little)\b)",
    re.IGNORECASE)
#: adverbs allowed between a subject and its verb ("Medvedev also said"); a bare comma closes an
#: apposition ("the spokeswoman ..., Natalia Humeniuk, said"), which callers check; "of" + a
#: capitalised place or body stays with the subject ("Lindsey Graham of South Carolina said")
SUBJECT_GAP = re.compile(
    r"(?:\s*,[^,\"“”]{1,140},|\s*,)?(?:\s+(?:also|later|then|further|again|previously|earlier|first|has|have|had|"
    r"once|repeatedly|reportedly|publicly|recently|separately|himself|herself|only|even|"
    r"on\s+\w+|was\s+quoted\s+as|is\s+quoted\s+as|has\s+been\s+quoted\s+as|"
    r"of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))*\s*",
    re.IGNORECASE)

#: a speech verb after a name, past an apposition or its closing comma ("Natalia Humeniuk, said")
CUE_AFTER_NAME = re.compile(rf"(?:\s*,[^,\"“”]{{1,120}},|\s*,)?\s+(?:also\s+)?"
                            rf"(?:{SPEECH_VERBS}|(?:was|is|has\s+been)\s+quoted\s+as\s+saying)\b")
#: relayed speech: "Belta reported Lukashenko as saying" -- the speaker is the one reported
RELAYED_BEFORE = re.compile(r"\b(?:reported|quoted|cited)\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+as\s+$")
#: a speech verb before a name, past a short title ("said his mother, Yevheniia Butkevych")
CUE_BEFORE_NAME = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+(?:[\w.'’-]+,?\s+){{0,4}}$")


def cue_label(verb: str) -> str:
    """Normalised cue for the ``cue`` column: lower-case, single-spaced, 'as' phrases cut.

    Example:
        >>> cue_label("referred to the Russian negotiators as")
        'referred to as'
    """
    verb = re.sub(r"\s+", " ", verb.lower()).strip()
    m = re.match(r"(refer\w*|describ\w*) .*? as\b", verb)
    if m:
        return f"{m.group(1)} as" if m.group(1).startswith("describ") else f"{m.group(1)} to as"
    return verb
