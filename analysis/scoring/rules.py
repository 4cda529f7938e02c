"""Context rules: when does a lexicon hit count, and how is it read?

A lexicon entry may name rules in its ``context`` column (``;``-separated).
Each rule looks at a few neighbouring tokens of the *normalised* text and
either rejects the hit (returns ``None``) or accepts it with a short
explanation that ends up in :attr:`Match.rule`.

Named rules (after Hyland 2005, simplified for news; see lexicons/README.md):

``quantity``
    approximators ("about", "some", "roughly", "up to", ...) count only
    before a quantity: a digit, a currency sign, a number word, or
    "a dozen/hundred/third/...".  "about 12,000" yes, "talk about peace" no.
``modal_may``
    "May" is the month when followed by a number, after "mid-/early-/late-"
    ("mid-May"), or capitalised in the middle of a sentence ("on May 16",
    "in May"); "you may" (permission) and
    "may I/we" (request) are not hedges; otherwise epistemic.
``modal_might``
    the noun ("with all his might", "military might", "the might of") is
    not a hedge: preceded by a determiner/possessive/adjective of power, or
    followed by "of"/punctuation/end.
``modal_could``
    "could not"/"could never" (ability, "could not be reached") and
    conditional "if/unless/whether ... could" are not hedges.
``modal_must``
    epistemic must = certainty: "must be" + a non-participle ("this must be
    a mistake", "must be joking") or "must have" + participle ("must have
    known").  "must" + other verb, "must be" + participle ("must be
    eliminated", passive obligation), "must be" + a preposition or a
    readiness adjective ("must be at work", "must be ready") and "must not"
    are obligation.
``appear_epistemic``
    "appear(s/ed)" is epistemic unless it is the physical sense, i.e.
    followed by a place/occasion preposition ("appeared at a press
    conference", "appear in court").
``predicative``
    adjectives such as "certain", "sure", "clear" are boosters only in
    predicative use (after a copula/degree word, or before "that"): "it is
    clear that" yes, "in certain areas" and "make sure" no; "to be clear" /
    "to be sure" (a communicative or concessive formula) no.
``possible_epistemic``
    "possible" is a hedge only as epistemic possibility ("a possible
    attack", "it is possible that"): not as a maximum ("all possible
    means", "as soon as possible", "the greatest possible extent") or
    feasibility ("it is possible to occupy", "made it possible").
``first_person``
    stance adjectives ("convinced", "confident") are boosters only with a
    first-person subject among the three preceding tokens ("I am
    convinced", "we are confident"); "the Head of State is convinced" is a
    report of someone else's stance.
``after_be``
    agentless passive attribution ("is considered", "are now seen as",
    "was widely regarded as"): a form of *be* among the three preceding
    tokens with only adverbs between.
``concrete_target``
    violent verbs ("eliminate", "eradicate", "destroy") are not hostile when
    the object is abstract or economic ("eliminate the root cause",
    "eradicate poverty").
``destruction_target``
    "destroy(ed)" describes damage, not hostility, when it is about
    buildings and places ("destroyed three bridges", "homes destroyed by
    shelling", "the destroyed theatre") or a passive report ("much of
    Mariupol was destroyed"); a threat or goal against people or a regime
    ("will be destroyed", "must be destroyed", "to destroy the regime")
    still counts.
``not_historical``
    Nazi/fascist/genocide vocabulary about the historical events (a year
    1900-1989, "World War", "Hitler", "Holocaust", "Third Reich", "Great
    Patriotic War" within the sentence) is history, not a label.
``not_title``
    an idiom or label capitalised inside a sentence next to another
    capitalised word names a title or a name ("the book Hillbilly Elegy",
    "the series House Of Cards", "the film Kangaroo Court"), not a use;
    a text whose words are mostly capitalised (a headline) is exempt.
``not_proper``
    a word capitalised inside a sentence is the proper noun ("during the
    Holocaust", "Holocaust denial": the historical event), not the common
    noun ("a nuclear holocaust"); a Title Case headline is exempt.
``not_religious``
    hell, damnation and the like in a sentence about religion (heaven,
    purgatory, soul(s), sin(s), sinner(s), salvation, God, Christ, Satan,
    the devil) are the place of the faith, not an evaluation; from 1.6.0
    also the theological sense of evil, hate, punish(ment) and lying in a
    sermon ("hate sin", "deliver us from evil", "God will punish").
``not_event_name``
    a singular noun after a capitalised word or a date names one event
    ("the Las Vegas massacre", "the October 1 massacre"), not the writer's
    word for it; a verb or plural form ("Russians massacred", "Ukrainian
    massacres") and a possessive doer ("Paddock's massacre") still count.
``not_before_name``
    a distancing word ("so-called") before a bare capitalised name
    introduces the name ("the so-called Demilitarized Zone", the machine
    translation of German *sogenannt*, Polish *tzw.*), not the writer's
    distance; before a quoted or lower-case term or an adjective of a
    people or faith ("so-called Christian violence") it still counts; a
    Title Case headline is exempt.
``military_object``
    from 1.7.0: a verb or noun of destruction ("destroy", "eliminated",
    "destruction of") whose object is military equipment, a position or a
    place ("destroyed an enemy supply vehicle", "destroy over 30 Russian
    arms depots", "the destruction of Russian ammunition depots") or a
    counted body of troops ("eliminated 55,510 Russian troops") is a war
    report, not a threat; people, a nation or a regime as object ("destroy
    our people", "destroy Ukraine") still count.  The object is read up to
    the next punctuation mark or clause word, at most six tokens.  Also a
    report: the damage formula "destroyed or damaged", a counted tally
    before the participle ("some 40 invaders eliminated"), a passive whose
    subject names equipment or troops ("enemy equipment has been
    eliminated"), "weapons of mass destruction"; a negated passive ("were
    not destroyed") is a report for ``destruction_target`` too.
``legal_charge``
    from 1.7.0: an atrocity charge ("war crimes", "genocide", "crimes
    against humanity") named as the object of a legal process is reported,
    not asserted: after *investigate, probe, document, prosecute, accused
    of, charged with, suspected of, evidence of, allegations of* (within
    four words, no punctuation between).  (A head noun after it, "a
    genocide trial", was tried and not kept: CHANGELOG 1.7.0.)

Parametrised rules: ``except_prev=w1|w2``, ``except_next=w1|w2``,
``only_prev=w1|w2``, ``only_next=w1|w2`` (adjacent token, normalised; from
1.6.0 the "next" token of a hyphen compound is its next part, so
``except_next=change`` also takes "regime-change").

Use against mention (:func:`mention_of`): a term is *mentioned*, not used
by the narrator, after "so-called", "what X calls/dubs/describes as", "X's
term (for ...)", "X calls it", "the word/term", or inside scare quotes -- a short quoted
span (at most six words, no sentence punctuation inside) that is not
attributed speech (no speech verb, colon or comma just before it, no speech
verb just after it) and not the whole text (a quote statement such as
``"complete destruction of the neo-Nazi regime"`` is the speaker's own use).

Negation (:func:`negated`): a negator (not, no, never, n't, cannot,
without, hardly, scarcely, barely, nor, neither, nobody, none, nothing)
within the three word tokens before a term, with no punctuation in between.

References:
    Hyland, K. (2005). Metadiscourse: Exploring Interaction in Writing.
    London: Continuum (Appendix: hedges and boosters).
    Coates, J. (1983). The Semantics of the Modal Auxiliaries. Croom Helm.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import NamedTuple

#: (norm, start, end, original_text, original_start) -> note or None (reject)
Rule = Callable[[str, int, int, str, int], "str | None"]

_TOK_RE = re.compile(r"\s*([^\W_]+(?:['.,-][^\W_]+)*|\S)")
_TOKS_RE = re.compile(r"[^\W_]+(?:['.,-][^\W_]+)*|[^\w\s]")

_NEGATION_RE = re.compile(
    r"(?<![\w'-])(?:not|no|never|[a-z]+n't|cannot|without|hardly|scarcely|barely|nor|"
    r"neither|nobody|none|nothing)(?:\s+[\w'-]+){0,2}\s+$"
)

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion trillions dozen dozens half score".split()
)
_A_QUANTITY = frozenset(
    "dozen hundred thousand million billion trillion third quarter half fifth tenth "
    "couple".split()
)
_MONTH_CONTEXT = frozenset(
    "in of on since until till by from early late mid last next this during through "
    "before after between and or".split()
)
_MIGHT_NOUN_PREV = frozenset(
    "the his her its their our my your all with of whose sheer full military economic "
    "naval air nuclear industrial financial great american russian chinese western "
    "soviet ukrainian imperial".split()
)
_MIGHT_NOUN_NEXT = frozenset(["of", "and", ",", ".", ";", ":", "!", "?", ")", '"', "'", "-"])
_CONDITIONAL = frozenset(["if", "unless", "whether"])
_NEGATORS = frozenset(["not", "never", "n't"])
_IRREGULAR_PARTICIPLES = frozenset(
    "done made held taken given seen shown paid sent built brought kept told met left put "
    "set cut hit shut spent won lost sold bought caught taught thought found fought bound "
    "struck stuck hung led read heard understood withdrawn drawn known grown thrown blown "
    "born borne worn torn sworn beaten bitten broken chosen driven eaten fallen forgotten "
    "forgiven frozen hidden ridden risen shaken spoken stolen sung swum woken written "
    "overthrown undone upheld forbidden begun run become come gone let quit spread".split()
)
_COPULA = frozenset(
    "is are was were be been being am 'm 're 's it's that's he's she's i'm we're they're "
    "you're there's isn't aren't wasn't weren't ain't seems seem seemed appears appear appeared "
    "remain remains remained become becomes became feel feels felt look looks looked it".split()
)
# degree and negation words that may stand between the copula and the adjective
_DEGREE = frozenset(
    "absolutely completely quite very so totally fairly almost not now more less increasingly "
    "abundantly crystal perfectly entirely never always at all yet still fully really".split()
)
# "must be" + these is obligation about place/state, not inference
_MUST_BE_DEONTIC = frozenset(
    "at in on with within under among ready able prepared careful vigilant responsible "
    "accountable there here present allowed given".split()
)
# "possible" after these means "maximal" or "feasible", not "perhaps"
_POSSIBLE_NOT_EPISTEMIC_PREV = frozenset(
    "all every everything anything as if whenever wherever whatever maximum utmost "
    "best most least it make made makes making".split()
)
_FIRST_PERSON = frozenset("i we i'm we're i've we've me us myself ourselves".split())
_BE_FORMS = frozenset("is are was were be been being am 's 're 'm".split())
_PHYSICAL_APPEAR_NEXT = frozenset(
    "at in on before with for from alongside during onstage live together inside outside "
    "briefly publicly personally next via".split()
)
_ABSTRACT_OBJECTS = frozenset(
    "cause causes causing root threat threats risk risks barrier barriers tariff tariffs "
    "need needs possibility possibilities poverty waste duplication deficit deficits "
    "problem problems obstacle obstacles shortage shortages subsidy subsidies requirement "
    "requirements bottleneck bottlenecks corruption disease diseases malaria polio hunger "
    "debt debts uncertainty uncertainties ambiguity ambiguities loophole loopholes "
    "bureaucracy red tape inefficiency inefficiencies backlog backlogs discrimination "
    "inequality illiteracy doubt doubts fees fee taxes tax restrictions restriction "
    "jobs positions posts duties visas quotas quota gap gaps errors error bias biases "
    "dependence dependency vulnerabilities vulnerability".split()
)


_MONTH_PREFIXES = frozenset(["mid", "early", "late", "end", "since", "until", "pre", "post"])
_PLACE_NOUNS = frozenset(
    "building buildings home homes house houses apartment apartments flat flats block blocks "
    "city cities town towns village villages district districts neighbourhood neighborhood "
    "neighbourhoods neighborhoods street streets bridge bridges road roads railway railways "
    "infrastructure plant plants station stations substation substations dam hospital "
    "hospitals school schools church churches cathedral theatre theater museum factory "
    "factories depot depots warehouse warehouses airport airports port ports harbour "
    "facility facilities tank tanks vehicle vehicles equipment aircraft helicopter "
    "helicopters drone drones ship ships vessel vessels launcher launchers system systems "
    "radar ammunition fuel crops fields farmland property properties site sites center "
    "centre centers centres base bases office offices headquarters monument monuments "
    "library stadium market mall dwellings housing shelter shelters power grid pipeline "
    "pipelines structure structures area areas part parts much most".split()
)
_DESTRUCTION_ADJ_PREV = frozenset(
    "the a an its their his her our many several some partly partially completely heavily "
    "badly largely totally almost nearly fully entirely mostly".split()
)
# "not" / "never" from 1.7.0: "the other systems were not destroyed" is a report too
_DESTRUCTION_DEGREE = frozenset(["partly", "almost", "nearly", "now", "also", "all", "since", "not", "never"])
_THREAT_BEFORE_BE = frozenset(["will", "must", "should", "shall", "would", "'ll", "to", "could", "can"])
_HISTORY_RE = re.compile(
    r"\b(?:19[0-8]\d|(?:19[0-8]0)'?s|world war|wwii|ww2|second world war|great patriotic war|"
    r"hitler|third reich|holocaust|nuremberg|wehrmacht|nazi germany|nazi occupation|"
    r"victory day|auschwitz|babi yar|babyn yar)\b"
)


def next_tokens(norm: str, end: int, k: int) -> list[str]:
    """Up to ``k`` tokens (words or single punctuation marks) after ``end``.

    Example:
        >>> next_tokens("about 12,000 fallen soldiers.", 5, 2)
        ['12,000', 'fallen']
    """
    out: list[str] = []
    pos = end
    for _ in range(k):
        m = _TOK_RE.match(norm, pos)
        if m is None:
            break
        out.append(m.group(1))
        pos = m.end()
    return out


def prev_tokens(norm: str, start: int, k: int) -> list[str]:
    """Up to ``k`` tokens before ``start``, nearest first.

    Example:
        >>> prev_tokens("on may 16", 3, 2)
        ['on']
    """
    toks = _TOKS_RE.findall(norm, max(0, start - 48), start)
    return toks[::-1][:k]


def negated(norm: str, start: int) -> bool:
    """Whether a negator occurs within three word tokens before ``start``.

    Example:
        >>> negated("it is not at all certain", 17)
        True
        >>> negated("there is no doubt", 9)  # the entry "no doubt" starts at 9
        False
    """
    return _NEGATION_RE.search(norm, max(0, start - 60), start) is not None


def is_quantity(tokens: list[str]) -> bool:
    """Whether the tokens start with a quantity ("12,000", "$5", "a dozen", "twenty").

    Example:
        >>> is_quantity(["some", "20"]), is_quantity(["a", "third"]), is_quantity(["peace"])
        (False, True, False)
    """
    if not tokens:
        return False
    t = tokens[0]
    if t in ("$", "€", "£", "¥"):
        return len(tokens) > 1 and tokens[1][:1].isdigit()
    if t[:1].isdigit() or t in NUMBER_WORDS:
        return True
    if t.split("-")[0] in NUMBER_WORDS:
        return True
    return t in ("a", "an") and len(tokens) > 1 and tokens[1] in _A_QUANTITY


def _quantity(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    return "approximator before a quantity" if is_quantity(next_tokens(norm, e, 2)) else None


def _sentence_initial(prev: list[str]) -> bool:
    return not prev or prev[0] in (".", "!", "?", '"', "'", ":", "(", "-", "[")


def _modal_may(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 1)
    prev = prev_tokens(norm, s, 1)
    if nxt and nxt[0][:1].isdigit():
        return None  # "May 16"
    if s > 1 and norm[s - 1] == "-" and norm[max(0, s - 7) : s - 1].rsplit(" ", 1)[-1] in _MONTH_PREFIXES:
        return None  # "mid-May", "early-May"
    if text[os : os + 1] == "M" and not _sentence_initial(prev):
        return None  # capitalised mid-sentence: the month
    if prev and prev[0] in _MONTH_CONTEXT and not nxt:
        return None
    if prev and prev[0] == "you":
        return None  # permission
    if nxt and nxt[0] in ("i", "we") and _sentence_initial(prev):
        return None  # "May I ask ..." request
    return "epistemic may"


def _modal_might(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    prev = prev_tokens(norm, s, 1)
    nxt = next_tokens(norm, e, 1)
    if (prev and prev[0] in _MIGHT_NOUN_PREV) or not nxt or nxt[0] in _MIGHT_NOUN_NEXT:
        return None  # the noun "might"
    return "epistemic might"


def _modal_could(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 1)
    if nxt and nxt[0] in _NEGATORS:
        return None  # "could not": ability / impossibility
    if _CONDITIONAL.intersection(prev_tokens(norm, s, 4)):
        return None  # conditional ability
    return "epistemic could"


def _is_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or (len(word) > 3 and word.endswith(("ed", "en")))


def _modal_must(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 3)
    if len(nxt) < 2:
        return None
    verb, after = nxt[0], nxt[1]
    if verb == "be" and after in _MUST_BE_DEONTIC:
        return None
    if verb == "be" and not _is_participle(after):
        return "epistemic must + be (inference, not obligation)"
    if verb == "have" and _is_participle(after) and after != "had":
        return "epistemic must + have + participle"
    if verb == "have" and after == "been":
        return "epistemic must + have been"
    return None


def _appear_epistemic(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 1)
    if not nxt or nxt[0] in _PHYSICAL_APPEAR_NEXT or not nxt[0][:1].isalpha():
        return None
    return "epistemic appear"


def _predicative(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 1)
    if nxt and nxt[0] == "that":
        return "predicative use"
    prev = prev_tokens(norm, s, 4)
    if prev[:2] == ["be", "to"]:
        return None  # "I want to be clear", "to be sure": a formula, not a claim
    for tok in prev:
        if tok in _COPULA:
            return "predicative use"
        if tok not in _DEGREE:
            break
    return None


def _possible_epistemic(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    prev = prev_tokens(norm, s, 1)
    if prev and (prev[0] in _POSSIBLE_NOT_EPISTEMIC_PREV or
                 (len(prev[0]) > 4 and prev[0].endswith("est"))):
        return None  # "all possible", "as soon as possible", "the greatest possible"
    nxt = next_tokens(norm, e, 1)
    if nxt and nxt[0] in ("to", "for"):
        return None  # feasibility: "it is possible to occupy"
    return "epistemic possible"


def _first_person(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    if _FIRST_PERSON.intersection(prev_tokens(norm, s, 3)):
        return "first-person stance"
    return None


def _after_be(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    for tok in prev_tokens(norm, s, 3):
        if tok in _BE_FORMS:
            return "passive attribution"
        if not (tok.endswith("ly") or tok in ("now", "still", "also", "often", "long")):
            return None
    return None


def _concrete_target(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    if _ABSTRACT_OBJECTS.intersection(next_tokens(norm, e, 3)):
        return None
    return ""


def _passive_report(prev: list[str]) -> bool | None:
    """After a form of *be* (adverbs skipped): True for a report ("was destroyed"),
    False for a threat or goal ("will be destroyed", "must be destroyed"), None if not passive."""
    for i, tok in enumerate(prev):
        if tok in _BE_FORMS or tok == "got":
            return not _THREAT_BEFORE_BE.intersection(prev[i + 1 : i + 3])
        if not (tok.endswith("ly") or tok in _DESTRUCTION_DEGREE):
            return None
    return None


def _destruction_target(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    nxt = next_tokens(norm, e, 4)
    if nxt and nxt[0] == "by":
        return None  # "homes destroyed by shelling": a report of damage
    if _PLACE_NOUNS.intersection(nxt[:3]):
        return None  # buildings, places, equipment
    prev = prev_tokens(norm, s, 6)
    if prev and prev[0] in _DESTRUCTION_ADJ_PREV and nxt and nxt[0].isalpha():
        return None  # "the destroyed theatre": an adjective
    passive = _passive_report(prev)
    if passive:
        return None  # "much of Mariupol was destroyed"
    return "threat or goal of destruction" if passive is False else ""


def _sentence_window(norm: str, s: int, e: int) -> str:
    """The sentence around ``norm[s:e]``, at most 120 characters either side."""
    lo = max(0, s - 120)
    left = max(norm.rfind(". ", lo, s), norm.rfind("? ", lo, s), norm.rfind("! ", lo, s))
    right = [i for i in (norm.find(". ", e, e + 120), norm.find("? ", e, e + 120)) if i >= 0]
    return norm[left + 1 if left >= 0 else lo : min(right) if right else e + 120]


def _not_historical(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    return None if _HISTORY_RE.search(_sentence_window(norm, s, e)) else ""


_CAP_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")


def _capitalised_run(text: str, os: int, length: int) -> bool:
    """Whether the hit at ``text[os:]`` starts upper-case and touches another capitalised word."""
    if not text[os : os + 1].isupper():
        return False
    words = [(m.start(), m.group()) for m in _CAP_WORD_RE.finditer(text, max(0, os - 40), os + length + 40)]
    inside = [w for start, w in words if os <= start < os + length]
    if len(inside) > 1:
        return all(w[:1].isupper() for w in inside)
    before = [w for start, w in words if start < os]
    after = [w for start, w in words if start >= os + length]
    return bool((before and before[-1][:1].isupper()) or (after and after[0][:1].isupper()))


def _title_case_headline(text: str, os: int, length: int) -> bool:
    """Whether most words of ``text`` other than the hit's own (at ``os``, ``length`` long) are capitalised.

    The hit's own words are left out, so a short sentence around a title is not a headline.

    Example:
        >>> _title_case_headline("Putin Calls Them Idiots", 17, 6), _title_case_headline("he calls them Idiots", 14, 6)
        (True, False)
    """
    words = [m.group() for m in _CAP_WORD_RE.finditer(text) if not os <= m.start() < os + length]
    return 2 * sum(w[:1].isupper() for w in words) > len(words)


def _not_title(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    prev = prev_tokens(norm, s, 1)
    if _sentence_initial(prev) or not _capitalised_run(text, os, e - s):
        return ""
    if _title_case_headline(text, os, e - s):
        return ""  # a headline in Title Case: capitals say nothing
    return None


def _not_proper(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    if not text[os : os + 1].isupper() or _sentence_initial(prev_tokens(norm, s, 1)):
        return ""
    if _title_case_headline(text, os, e - s):
        return ""  # a headline in Title Case: capitals say nothing
    return None


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _not_event_name(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    if norm[s:e].endswith(("ed", "ing", "s")):
        return ""  # a verb ("Russians massacred") or a plural ("Russian massacres"): no single named event
    prev = prev_tokens(norm, s, 1)
    if _sentence_initial(prev) or prev[0].endswith(("'s", "s'")):
        return ""  # "Paddock's massacre": the doer's act, not a name
    word = prev[0].rstrip(".")
    if any(c.isdigit() for c in word) or word in _MONTHS:
        return None  # "the October 1 massacre", "the 1st massacre": a dated event
    before = list(_CAP_WORD_RE.finditer(text, max(0, os - 40), os))
    return None if before and before[-1].group()[:1].isupper() else ""  # "the Las Vegas massacre"


_NEXT_WORD_RE = re.compile(r"\.?\s*([\"'\u201c\u2018\u00ab\u201e]?)([^\W\d_][\w'-]*)")
# a capitalised adjective of a people or a faith ("so-called Christian violence") is not a name
_GROUP_ADJECTIVE = re.compile(r"(?:ian|ean|ish|ese)$")


def _not_before_name(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    m = _NEXT_WORD_RE.match(text, os + (e - s))
    if m is None or m.group(1) or not m.group(2)[:1].isupper() or _GROUP_ADJECTIVE.search(m.group(2)):
        return ""  # a bare or a quoted common term after it: the writer's distancing
    if _title_case_headline(text, os, e - s):
        return ""  # a headline in Title Case: capitals say nothing
    return None  # "the so-called Demilitarized Zone": it introduces a name


_RELIGION_RE = re.compile(
    r"\b(?:heaven|heavens|purgatory|paradise|souls?|sins?|sinners?|sinful|salvation|damnation|god|christ|"
    r"jesus|satan|the devil|church|scripture|bible|repentance|eternal|afterlife|demons?)\b"
)


def religious_context(text: str) -> bool:
    """Whether ``text`` (lower-cased) names religion as ``not_religious`` reads it.

    Example:
        >>> religious_context("we must hate sin"), religious_context("we must hate taxes")
        (True, False)
    """
    return _RELIGION_RE.search(text) is not None


def _not_religious(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    return None if _RELIGION_RE.search(_sentence_window(norm, s, e)) else ""


# the generic and institutional words of _PLACE_NOUNS are left out ("destruction of the Church")
_MILITARY_NOUNS = (_PLACE_NOUNS - frozenset(
    "church churches cathedral system systems structure structures much most part parts area areas".split()
)) | frozenset(
    "depot depots missile missiles battery batteries howitzer howitzers artillery mortar mortars gun guns "
    "armoured armored carrier carriers apc apcs ifv ifvs bmp btr position positions post posts checkpoint "
    "checkpoints arms weapons weaponry munitions warehouse convoy convoys column columns boat boats jet jets "
    "plane planes warplane warplanes fighter-jet uav uavs missile-launcher launchers warship warships cruiser "
    "submarine submarines trucks truck train trains rail hardware materiel stockpile stockpiles "
    "target targets unit units emplacement emplacements bunker bunkers trench trenches fortifications "
    "bridgehead airfield airfields runway hangar hangars car cars stronghold strongholds platoon platoons "
    "battalion battalions brigade brigades regiment regiments".split()
)
#: troops named by a count ("eliminated 200 enemy troops"): the tally of a military report
_TROOP_NOUNS = frozenset(
    "troops soldiers servicemen personnel militants fighters mercenaries invaders occupiers marines "
    "paratroopers militiamen nationalists saboteurs".split()
)
_OBJECT_STOP = frozenset(
    ". , ; : ! ? ( ) \" that which who while because but as when if and or after before since".split()
)


def _object_tokens(norm: str, e: int, k: int = 6) -> list[str]:
    """The tokens after ``e`` up to a punctuation mark, a clause word or an ``of`` after a head, at most ``k``.

    "of" after only a count or a quantifier ("six units of equipment", "dozens of tanks") stays inside.
    """
    out: list[str] = []
    for tok in next_tokens(norm, e, k):
        if tok in _OBJECT_STOP:
            break
        if tok == "of" and out and not all(t[:1].isdigit() or t in _COUNT_WORDS for t in out):
            break  # "destroy the future of the Church": the head is "future"
        out.append(tok)
    return out


_COUNT_WORDS = NUMBER_WORDS | frozenset(
    "a an the over more than about around nearly almost some several many dozens scores hundreds units unit "
    "pieces items one % percent per cent".split()
)
#: an intensified noun is the writer's evaluation ("the complete destruction of every Ukrainian city")
_EVALUATIVE_PREV = frozenset("complete total utter systematic wanton senseless deliberate mass absolute".split())


_DAMAGE_PAIR = frozenset(["damaged", "damaging", "damage", "damages"])


def _reduced_report(norm: str, s: int, e: int, prev: list[str]) -> bool:
    """A damage report around a participle: "40 invaders eliminated", "destroyed or damaged",
    or a passive whose subject names equipment or troops ("enemy equipment has been eliminated")."""
    nxt = next_tokens(norm, e, 2)
    for pair in (nxt, prev[:2]):
        if len(pair) == 2 and pair[0] in ("or", "and") and pair[1] in _DAMAGE_PAIR:
            return True  # "destroyed or damaged 211 schools", "damaged or destroyed": the damage-report formula
    if not norm[s:e].endswith("ed") or not prev:
        return False
    if prev[0] in _TROOP_NOUNS and any(t[:1].isdigit() for t in prev[1:3]):
        return True  # "some 40 invaders eliminated"
    return bool(_passive_report(prev)) and bool((_MILITARY_NOUNS | _TROOP_NOUNS).intersection(prev))


def _military_object(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    prev = prev_tokens(norm, s, 3)
    if prev[:3] == ["mass", "of", "weapons"] or prev[:3] == ["mass", "of", "weapon"]:
        return None  # "weapons of mass destruction": the arms-control name of a class of weapons
    if prev and prev[0] in _EVALUATIVE_PREV:
        return ""
    if _reduced_report(norm, s, e, prev_tokens(norm, s, 6)):
        return None
    start = e
    if norm[s:e].endswith("ion") and next_tokens(norm, e, 1) == ["of"]:
        start = norm.index("of", e) + 2  # "destruction of Russian ammunition depots": the object follows "of"
    obj = _object_tokens(norm, start)
    if _MILITARY_NOUNS.intersection(obj):
        return None  # equipment, positions, places
    nouns = [t for t in obj if t in _TROOP_NOUNS]
    if nouns and any(t[:1].isdigit() or t in NUMBER_WORDS for t in obj[: obj.index(nouns[0])]):
        return None  # "eliminated about 38,450 enemy troops": a tally
    return ""


_LEGAL_BEFORE = frozenset(
    "investigate investigates investigated investigating investigation investigations investigators probe "
    "probes probing probed document documents documented documenting documentation prosecute prosecutes "
    "prosecuted prosecuting prosecution evidence allegations allegation alleged suspected charged accused "
    "accusations accusation charges indicted record recorded recording inquiry inquiries".split()
)


def _legal_charge(norm: str, s: int, e: int, text: str, os: int) -> str | None:
    """Reject a charge named by a legal process before it.

    Example:
        >>> n = "investigating possible war crimes"
        >>> _legal_charge(n, 22, 32, n, 22) is None, _legal_charge("they committed war crimes", 15, 25, "", 0)
        (True, '')
    """
    for tok in prev_tokens(norm, s, 4):
        if tok in _LEGAL_BEFORE:
            return None  # "investigating possible war crimes", "accused of genocide"
        if not tok[:1].isalpha():
            break
    return ""


def _word_set(arg: str) -> frozenset[str]:
    return frozenset(w.strip() for w in arg.split("|") if w.strip())


def _except_prev(words: frozenset[str]) -> Rule:
    def rule(norm: str, s: int, e: int, text: str, os: int) -> str | None:
        prev = prev_tokens(norm, s, 1)
        return None if prev and prev[0] in words else ""

    return rule


def _next_word(norm: str, e: int) -> str | None:
    """The token after ``e``; the next part of a hyphen compound ("regime-change" -> "change")."""
    if norm[e : e + 1] == "-" and norm[e + 1 : e + 2].isalpha():
        e += 1
    nxt = next_tokens(norm, e, 1)
    return nxt[0] if nxt else None


def _except_next(words: frozenset[str]) -> Rule:
    def rule(norm: str, s: int, e: int, text: str, os: int) -> str | None:
        return None if _next_word(norm, e) in words else ""

    return rule


def _only_prev(words: frozenset[str]) -> Rule:
    def rule(norm: str, s: int, e: int, text: str, os: int) -> str | None:
        prev = prev_tokens(norm, s, 1)
        return "" if prev and prev[0] in words else None

    return rule


def _only_next(words: frozenset[str]) -> Rule:
    def rule(norm: str, s: int, e: int, text: str, os: int) -> str | None:
        return "" if _next_word(norm, e) in words else None

    return rule


NAMED_RULES: dict[str, Rule] = {
    "quantity": _quantity,
    "modal_may": _modal_may,
    "modal_might": _modal_might,
    "modal_could": _modal_could,
    "modal_must": _modal_must,
    "appear_epistemic": _appear_epistemic,
    "predicative": _predicative,
    "concrete_target": _concrete_target,
    "destruction_target": _destruction_target,
    "not_historical": _not_historical,
    "not_title": _not_title,
    "not_proper": _not_proper,
    "not_religious": _not_religious,
    "not_event_name": _not_event_name,
    "not_before_name": _not_before_name,
    "military_object": _military_object,
    "legal_charge": _legal_charge,
    "possible_epistemic": _possible_epistemic,
    "first_person": _first_person,
    "after_be": _after_be,
}
PARAM_RULES: dict[str, Callable[[frozenset[str]], Rule]] = {
    "except_prev": _except_prev,
    "except_next": _except_next,
    "only_prev": _only_prev,
    "only_next": _only_next,
}


def parse_context(spec: str) -> tuple[Rule, ...]:
    """Compile a ``context`` cell ("modal_may" or "except_prev=make|makes;predicative").

    Raises:
        ValueError: unknown rule name or a parametrised rule without words.

    Example:
        >>> len(parse_context("quantity; except_next=of"))
        2
        >>> parse_context("")
        ()
    """
    rules: list[Rule] = []
    for part in (p.strip() for p in spec.split(";")):
        if not part:
            continue
        name, _, arg = part.partition("=")
        name = name.strip()
        if name in NAMED_RULES and not arg:
            rules.append(NAMED_RULES[name])
        elif name in PARAM_RULES and _word_set(arg):
            rules.append(PARAM_RULES[name](_word_set(arg)))
        else:
            known = sorted(NAMED_RULES) + [f"{k}=w1|w2" for k in sorted(PARAM_RULES)]
            raise ValueError(f"unknown context rule {part!r}; known: {', '.join(known)}")
    return tuple(rules)


#: The narrator quotes or names someone else's term just before the hit.
_MENTION_CUE_RE = re.compile(
    r"(?:\b(?:so-called|so called|self-styled|self-proclaimed)"
    r"|\bwhat (?P<h1>(?:[\w'.-]+ ){0,3}?[\w'.-]+) (?:calls?|called|dubs?|dubbed|terms|termed|labels|labell?ed|"
    r"brands|branded|describes? as|described as|refers? to as|referred to as)"
    r"|\b(?P<h3>[\w'.-]+(?: [\w'.-]+)?) (?:calls?|called|dubs?|dubbed|terms?|termed|labels?|brands?|branded|"
    r"describes?|described) (?:it|this|them|the war|the invasion|the conflict)(?: as)?"
    r"|\b(?P<h2>[\w.-]+(?: [\w.-]+)?)'s? (?:own )?(?:term|word|phrase|euphemism|label|name|expression|wording)"
    r"(?: for [\w' -]{1,40}?)?,?"
    r"|\b(?:the|a) (?:words?|terms?|phrases?|labels?|expressions?|euphemisms?))"
    r"\s*(?:(?:a|an|the|its|his|her|their) )?[\"']?\s*$"
)
_SPEECH_VERBS = frozenset(
    "said says say told tells added adds wrote writes stated states declared declares announced "
    "announces asked asks replied replies insisted insists warned warns tweeted posted shouted "
    "chanted quoted according".split()
)
_CUE_WORD_LIST = ("call", "dub", "term", "label", "brand", "describ", "refer", "word", "phrase", "name",
                  "expression", "euphemism", "self-")
#: Words one of which every mention cue contains (a cheap first test).
MENTION_CUE_WORDS = re.compile("|".join(map(re.escape, _CUE_WORD_LIST)))
#: Longest quoted span (in words) still read as scare quotes rather than a quotation.
SCARE_QUOTE_MAX_WORDS = 6
_QUOTE_WINDOW = 80
_TRAILING = " .,;:!?'\")"
#: Searched with pos/endpos, which bound the scan without copying the text (a slice per hit made
#: one long text with many quoted hits quadratic).
_NON_BLANK = re.compile(r"\S")
_NON_TRAILING = re.compile("[^" + re.escape(_TRAILING) + "]")
_CUE_WINDOW = 110


class MentionIndex(NamedTuple):
    """Where a text's double quotes and cue words are, found once for all its hits."""

    quotes: list[int]
    cues: list[int]

    @classmethod
    def of(cls, norm: str) -> MentionIndex:
        """Index a normalised text.

        Example:
            >>> MentionIndex.of('a "so-called" b')
            MentionIndex(quotes=[2, 12], cues=[6])
        """
        quotes: list[int] = []
        i = norm.find('"')
        while i >= 0:
            quotes.append(i)
            i = norm.find('"', i + 1)
        # substring tests run in C; the regex scan only for the few texts that need it
        if not has_cue_word(norm):
            return cls(quotes, [])
        return cls(quotes, [m.start() for m in MENTION_CUE_WORDS.finditer(norm)])


def has_cue_word(norm: str, words: tuple[str, ...] = _CUE_WORD_LIST) -> bool:
    """Whether a normalised text contains a word every mention cue contains (a cheap first test).

    Example:
        >>> has_cue_word("what moscow calls it"), has_cue_word("the regime fell")
        (True, False)
    """
    for w in words:  # noqa: SIM110 - a plain loop is cheaper than any() over a generator, per text
        if w in norm:
            return True
    return False


def may_mention(norm: str) -> bool:
    """Whether any hit in ``norm`` can be a mention: it has a double quote or a cue word.

    Without either, :func:`mention_of` is False for every hit (both of its
    tests need one), so a text can skip :meth:`MentionIndex.of`.

    Example:
        >>> may_mention('the "liberators"'), may_mention("the so-called vote"), may_mention("troops left")
        (True, True, False)
    """
    return '"' in norm or has_cue_word(norm)


def _scare_quoted(norm: str, s: int, e: int, index: MentionIndex) -> bool:
    """Whether ``norm[s:e]`` lies inside a short quoted span that is not attributed speech."""
    quotes = index.quotes
    k = bisect_left(quotes, s)
    if k % 2 == 0 or k >= len(quotes):
        return False  # not inside an open quotation (quotes before it pair up), or never closed
    o, c = quotes[k - 1], quotes[k]
    if o < s - _QUOTE_WINDOW or c < e or c > e + _QUOTE_WINDOW:
        return False
    if _NON_BLANK.search(norm, 0, o) is None and _NON_TRAILING.search(norm, c + 1) is None:
        return False  # the whole text is the quotation (a quote statement): the speaker's own use
    inner = norm[o + 1 : c]
    if len(inner.split()) > SCARE_QUOTE_MAX_WORDS or any(p in inner for p in ".!?;:,"):
        return False  # a quoted sentence or clause: speech
    before = prev_tokens(norm, o, 1)
    if before and (before[0] in _SPEECH_VERBS or before[0] in (":", ",")):
        return False
    after = next_tokens(norm, c + 1, 2)
    return not _SPEECH_VERBS.intersection(after)


def mention_of(norm: str, s: int, e: int, index: MentionIndex | None = None) -> tuple[bool, int, int]:
    """Whether the hit ``norm[s:e]`` is a mention, and the span of its holder in ``norm``.

    Returns ``(is_mention, holder_start, holder_end)``; the holder span is
    empty (``-1, -1``) when the text does not say whose term it is.
    ``index`` (:meth:`MentionIndex.of` of ``norm``) spares rescanning the
    text for each of its hits.

    Example:
        >>> t = 'what moscow calls a "special military operation"'
        >>> m, a, b = mention_of(t, 21, 48)
        >>> m, t[a:b]
        (True, 'moscow')
        >>> mention_of('the so-called referendums', 14, 25)[0]
        True
        >>> mention_of('he said: "special military operation"', 10, 37)[0]
        False
    """
    if index is None:
        index = MentionIndex.of(norm)
    lo = max(0, s - _CUE_WINDOW)
    # the cue regex is costly (anchored at the end, tried at every position):
    # run it only when one of its words is there at all
    i = bisect_left(index.cues, lo)
    cue = _MENTION_CUE_RE.search(norm, lo, s) if i < len(index.cues) and index.cues[i] < s else None
    if cue is not None:
        for g in ("h1", "h2", "h3"):
            if cue.group(g):
                return True, cue.start(g), cue.end(g)
        return True, -1, -1
    return _scare_quoted(norm, s, e, index), -1, -1
