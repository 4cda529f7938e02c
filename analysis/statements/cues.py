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
from collections.abc import Sequence

from analysis.statements.reporting_verbs import framing_forms

_SPEECH_STEMS = {
    "say": "say|says|said",
    "tell": "tell|tells|told",
    "write": "write|writes|wrote",
    "other": (
        "declare[sd]?|add(?:s|ed)?|note[sd]?|warn(?:s|ed)?|stress(?:es|ed)?|caution(?:s|ed)?|"
        "explain(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|argue[sd]?|assert(?:s|ed)?|"
        # "secretary of state", "the State Department", "a state", "the Islamic State's": the noun, not
        # the verb, which is lower case and never possessive
        r"(?<!\bof\s)(?<!\bthe\s)(?<!\ba\s)(?-i:state[sd]?)(?![’']s\b)|"
        "announce[sd]?|emphasi[sz]e[sd]?|acknowledge[sd]?|admit(?:s|ted)?|reiterate[sd]?|"
        "confirm(?:s|ed)?|den(?:y|ies|ied)|tweet(?:s|ed)?|posted|complain(?:s|ed)?|vow(?:s|ed)|"
        "predict(?:s|ed)|asked|asks|repl(?:y|ies|ied)|continue[sd]|conclude[sd]|observe[sd]|"
        "remark(?:s|ed)|comment(?:s|ed)|maintain(?:s|ed)|contend(?:s|ed)|allege[sd]|recall(?:s|ed)|"
        "suggest(?:s|ed)|hint(?:s|ed)|urge[sd]|point(?:s|ed)? out|propose[sd]|concede[sd]|lament(?:s|ed)|"
        "recount(?:s|ed)|testif(?:y|ies|ied)|respond(?:s|ed)|joke[sd]|quip(?:s|ped)|boast(?:s|ed)|"
        "accuse[sd]|demand(?:s|ed)|pledge[sd]|countered|wondered|mused|conceded|"
        # verbs of reporting_verbs.csv that press releases use ("underscored that", "assured the guests")
        "underscore[sd]|underline[sd]|affirm(?:s|ed)|assure[sd]|disclose[sd]|mention(?:s|ed)|"
        "proclaim(?:s|ed)|promise[sd]|reveal(?:s|ed)|clarif(?:ies|ied)|speculate[sd]|swore|"
        # opinion and advice verbs of news copy ("recommended that", "indicated that", "as X puts it")
        r"recommend(?:s|ed)|indicate[sd]|puts?\s+it|"
        # "X reports that ...": a report with a clause is speech; bare "reported" is mostly relay or
        # passive ("was reported", "Reuters reported the attack"), so only before "that"
        r"report(?:s|ed)?(?=\s+that\b)"
    ),
}
SPEECH_VERBS = "|".join(_SPEECH_STEMS.values())
PARTICIPLE_VERBS = ("saying|adding|declaring|noting|warning|stressing|insisting|claiming|arguing|"
                    "explaining|writing|telling|asserting|announcing|emphasi[sz]ing|acknowledging|"
                    "admitting|calling|describing|dubbing|branding|labell?ing|accusing|"
                    # participles of the finite speech verbs above that news copy hangs on a subject
                    # ("..., stating that America is the “Great Satan”", "chanting “Death to ...”")
                    "stating|asking|urging|vowing|promising|replying|responding|recalling|tweeting|"
                    "chanting|shouting|proclaiming|conceding|complaining|boasting|demanding|"
                    # an infinitive hangs on its clause's subject like a participle ("except to say that")
                    r"to\s+(?:say|add|note|stress|insist|claim|argue|explain|warn|declare)")

def trie_pattern(words: Sequence[str]) -> str:
    """One regex alternation for ``words`` sharing their prefixes, so a match is tried once per
    character, not once per word (Python's ``re`` does not merge alternatives); a space matches
    any white space.

    Example:
        >>> trie_pattern(["called", "calling", "calls"])
        'call(?:ed|ing|s)'
        >>> bool(re.fullmatch(trie_pattern(["point out", "pointed"]), "point  out"))
        True
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        parts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if ends:
            return f"(?:{body})?" if len(parts) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(trie)


def _naming_verbs() -> str:
    """The naming cues, from the ``framing`` column of the reporting-verb table.

    An ``as`` verb frames a quote only when "as" (after an object of at most
    60 characters) is followed by the quotation mark, a few words at most
    between ("attacked critics as “evil”"), so "attacked the city as residents
    slept" is no cue; an ``object`` verb needs a quotation mark later in its
    clause and no particle that makes it another verb ("called for talks").
    """
    as_forms = trie_pattern(framing_forms("as"))
    object_forms = trie_pattern(framing_forms("object"))
    as_frame = (rf"(?:{as_forms})(?:\s+[^\"“”;:!?]{{0,60}}?)?\s+as\b"
                rf"(?=(?:\s+[\w'’-]+){{0,3}}\s+[\"“])(?:\s+(?:an?|the)\b)?")
    object_frame = (rf"(?:{object_forms})\b(?!\s+(?:for|on|off|up|in|out|back|upon|over|into)\b)"
                    rf"(?=[^\"“”.;!?]{{0,60}}[\"“])")
    return f"{as_frame}|{object_frame}"


NAMING_VERBS = _naming_verbs()
SPEECH_NOUNS = ("statement|statements|remarks?|comments?|words|claims?|post|message|speech|address|"
                "interview|assertion|tweet|declaration|warning|appeal|letter|response|reply|answer|account|report|"
                # documents whose owner or author speaks ("her online petition says", "the museum's website tells")
                "petition|blog|column|essay|op-ed|book|article|website|memo|e-?mail|newsletter|testimony|"
                "affidavit|lawsuit|complaint|filing|editorial|profile|page|guidelines|manifesto|"
                # an order and its like hold the words of whoever issued it ("Trump's order for the “immediate ...”")
                "order|decree|directive|proclamation")

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
#: apposition ("the spokeswoman ..., Natalia Humeniuk, said"), which callers check; "of", "from",
#: "in" or "at" + a capitalised place or body stays with the subject ("Lindsey Graham of South
#: Carolina said", "a politician from Jordan said", "an analyst at Chatham House said")
#: what may follow the subject's apposition, if any, up to the verb
_GAP_TAIL = (
    r"(?:\s+(?:also|later|then|further|again|previously|earlier|first|has|have|had|"
    r"often|never|always|still|already|now|just|[a-z]+ly|repeatedly|reportedly|publicly|recently|separately|himself|herself|only|even|"
    # a party and state, an age or an affiliation in parentheses: "Sen. Dick Durbin (D-Ill.) asked"
    r"\([^()\"“”\n]{1,40}\)|"
    r"on\s+\w+|was\s+quoted\s+as|is\s+quoted\s+as|has\s+been\s+quoted\s+as|"
    r"(?:of|from|in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))*\s*")
SUBJECT_GAP = re.compile(r"(?:\s*,[^,\"“”]{1,140},|\s*,)?" + _GAP_TAIL, re.IGNORECASE)
#: the same gap with a longer parenthesis: one set off by commas that a preposition opens may hold
#: commas ("the Pope, in a different, friendly tone, said"), one set off by dashes a relative clause
#: ("Reyes — who rarely speaks — said"); callers check that the mention before it is a subject
SUBJECT_GAP_PARENTHESIS = re.compile(
    r"(?:\s*,\s*(?:in|with|at|during|after|despite)\s(?:(?!\b(?:who|whom|which|that)\b)[^\"“”.;:!?()\n]){1,140}?,"
    r"|\s*[—–]\s*[^\"“”—–.;:!?\n]{1,140}?\s*[—–])" + _GAP_TAIL, re.IGNORECASE)

#: a speech verb after a name, past an apposition or its closing comma ("Natalia Humeniuk, said")
#: adverbs between ("Jones later told", "Smith also said", "Cho repeatedly warned")
CUE_AFTER_NAME = re.compile(rf"(?:\s*,[^,\"“”]{{1,120}},|\s*,)?\s+"
                            rf"(?:(?:also|later|then|again|further|previously|earlier|[a-z]+ly)\s+)?"
                            rf"(?:{SPEECH_VERBS}|(?:was|is|has\s+been)\s+quoted\s+as\s+saying)\b")
#: a framing verb after a name that frames a quote ("Ann Reyes called the plan “a farce”", "Ann Reyes
#: has dismissed the report as “gossip”"): the name evaluates words as speech, so it is a speaker's,
#: like one before "said" (NAMING itself requires the quotation mark in the verb's clause)
NAMING_AFTER_NAME = re.compile(rf"(?:\s*,[^,\"“”]{{1,120}},|\s*,)?\s+"
                               rf"(?:(?:also|later|then|again|once|previously|earlier|[a-z]+ly)\s+)?"
                               rf"(?:(?:has|have|had)\s+(?:(?:also|long|[a-z]+ly)\s+)?)?(?:{NAMING_VERBS})")
#: a naming noun after a possessive name, its object and "as" before a quote: "X's description of the
#: plan as "..."", "X's characterization of the bans as a "...""; the value is the noun's verb as a cue
NAMING_NOUN_CUES = {"description": "described as", "characterization": "characterized as",
                    "characterisation": "characterised as", "portrayal": "portrayed as",
                    "depiction": "depicted as", "dismissal": "dismissed as"}
POSSESSIVE_NAMING = re.compile(
    rf"['’]s?\s+(?:(?:repeated|public|latest|own|[a-z]+ly)\s+)?(?P<noun>{'|'.join(NAMING_NOUN_CUES)})"
    r"\s+of\s+[^\"“”.;:!?]{1,80}?\s+as(?:\s+(?:an?|the))?\s*")
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
    m = re.fullmatch(r"([a-z]+) .*?\bas(?: an?| the)?", verb)
    if m:
        return f"{m.group(1)} to as" if m.group(1).startswith("refer") else f"{m.group(1)} as"
    return verb
