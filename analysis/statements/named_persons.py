"""Unregistered personal names, confirmed by what stands around them.

A name span (:mod:`analysis.statements.name_spans`) is a person when a
title stands before it, an apposition or an age follows it ("Svitlana
Petrenko, 54,"), a speech verb is next to it, the text introduces it ("His
name was ...") or it labels a speaker's turn ('Marta Kovalenko: "..."').
A name confirmed once is a name wherever the text writes it; its surnames
and honorifics then link back (:mod:`analysis.statements.surnames`).

Example:
    >>> [m.entity for m in named_person_mentions("Marta Kovalenko, 54, fled.", [], [])]
    ['Marta Kovalenko']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from analysis.statements.identity import ORGANISATION_WORDS
from analysis.statements.mention import Mention, is_possessive
from analysis.statements.name_spans import NAME, settle_name_run
from analysis.statements.role_nouns import PERSON_HEADS
from analysis.statements.spans import SpanIndex
from analysis.statements.surnames import honorific_mentions, speaking_surnames, surname_mentions
from analysis.statements.titles import (
    TITLE_ABBREVIATION_BEFORE,
    TITLE_GAP,
    capitalised_head_before,
    of_title_before,
)


def named_person_mentions(text: str, aliases: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    """Unregistered personal names confirmed by a title, apposition or speech verb.

    Example:
        >>> from analysis.statements.role_nouns import DESCRIPTOR
        >>> t = "Ukraine's Foreign Minister Dmytro Kuleba said so."
        >>> [m.entity for m in named_person_mentions(t, [], list(DESCRIPTOR.finditer(t)))]
        ['Dmytro Kuleba']
    """
    from analysis.statements.cues import CUE_AFTER_NAME, CUE_BEFORE_NAME, NAMING_AFTER_NAME

    taken = SpanIndex((m.start, m.end) for m in aliases)
    desc_ends = {d.end() for d in descriptors}
    out: list[Mention] = []
    alias_starts = sorted(m.start for m in aliases)
    cores = [(s, e, tokens) for s, e, tokens in (settle_name_run(text, m, alias_starts) for m in NAME.finditer(text))
             if len(tokens) >= 2 and not taken.overlaps(s, e)]
    speaking = speaking_surnames(text, cores)
    for s, e, tokens in cores:
        before = text[max(0, s - 40):s]
        if _BODY_NAME_BEFORE.search(before) or _ARTICLE_RIGHT_BEFORE.search(before):
            # "the Centre for Child Protection": the tail of a body's name; "the Mandalay Bay was telling
            # visitors": English writes no article before a person's name, so the run names a place or thing
            continue
        # a title before the name, or a role in apposition before it ("the defense secretary, Ben Wallace,")
        titled = any(d in desc_ends and (d >= s - 1 or TITLE_GAP.fullmatch(text, d, s)
                                         or _ROLE_COMMA.fullmatch(text, d, s))
                     for d in range(max(0, s - 40), s + 1)) or bool(TITLE_ABBREVIATION_BEFORE.search(before)) \
            or capitalised_head_before(before)
        confirmed = (titled or CUE_AFTER_NAME.match(text, e) is not None or _NAME_IS.search(before) is not None
                     or NAMING_AFTER_NAME.match(text, e) is not None
                     or CUE_BEFORE_NAME.search(before) is not None
                     or _APPOSITION_AFTER.match(text, e) is not None or _speaker_turn(text, s, e)
                     or _ROLE_PREDICATE_AFTER.match(text, e) is not None
                     or of_title_before(text, s) is not None or tokens[-1] in speaking
                     or _subject_of_later_speech(text, s, e, tokens) or _names_a_quote(text, e))
        if confirmed:
            entity = " ".join(tokens).replace(" ,", ",").rstrip(",")
            out.append(Mention(s, e, entity, "person", _honorific_gender(before), False, "name", is_possessive(text, e)))
    # a name confirmed once is a name wherever the text writes it, before the confirmation too
    known = {m.entity for m in out}
    found = {m.start for m in out}
    for s, e, tokens in cores:
        entity = " ".join(tokens).replace(" ,", ",").rstrip(",")
        if s not in found and entity in known:
            gender = _honorific_gender(text[max(0, s - 40):s])
            out.append(Mention(s, e, entity, "person", gender, False, "name", is_possessive(text, e)))
    out.sort(key=lambda m: m.start)
    for named in out:
        taken.add(named.start, named.end)
    out += surname_mentions(text, out, taken)
    titled_only = honorific_mentions(text, aliases + out, taken)
    out += titled_only
    # "Pope Francis ... Francis said": a name confirmed only by its title, with no full name in the
    # text, links its later bare uses as a full name's surname does
    out += surname_mentions(text, [m for m in titled_only if " " not in m.entity], taken)
    return out


_ROLE_COMMA = re.compile(r",\s*")
_ARTICLE_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])(?:the|The|a|an)[ \t]+$")
#: an honorific right before a full name gives its gender ("Mr. Tom Reyes"), as it does before a surname
_HONORIFIC = re.compile(r"(?<![\w'’.-])(?P<hon>Mr|Mrs|Ms|Miss)\.?\s+$")


def _honorific_gender(before: str) -> str:
    """"m" or "f" from an honorific ending ``before``, else "".

    Example:
        >>> _honorific_gender("said Mr. "), _honorific_gender("Ms "), _honorific_gender("the ")
        ('m', 'f', '')
    """
    hon = _HONORIFIC.search(before)
    return "" if hon is None else ("m" if hon.group("hon") == "Mr" else "f")
#: a capitalised word and "for" or "of" right before a name span: the span ends a body's name
#: ("the Centre for Child Protection", "the Institute of World Economy"); a title's body is followed by
#: the name, not joined to it ("President of Finland Sauli Niinistö")
_BODY_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?$")
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


#: a verb phrase of up to eight words after a sentence-opening name, then a speech or naming verb
#: coordinated by "and" or a speech participle after a comma: "X spoke to Fox News and said", "X took
#: the stage and called the bans "..."", "X started a fund for him, explaining that"; "and" before a capitalised word or a noun inside the phrase is left to the
#: words themselves (a new subject after "and" is no speech verb right after it); a relaying verb in
#: the phrase ("X quotes him, writing") makes the words another's, so it confirms nothing
@functools.cache
def _later_speech() -> re.Pattern[str]:
    """The pattern above, built on first use (the cue vocabulary is imported late, as elsewhere here)."""
    from analysis.statements.cues import NAMING_VERBS, PARTICIPLE_VERBS, SPEECH_VERBS

    return re.compile(
        r"(?:\s*\([^()\"“”\n]{1,40}\))?\s+(?:[a-z]+ly\s+)?(?!(?:is|was|are|were|has|had|and|or)\b)(?!(?:quot|cit)(?:es|ed|ing|e)\b)[a-z][\w'’-]*"
        r"(?:\s+(?!and\b)(?!(?:quot|cit)(?:es|ed|ing|e)\b)[\w'’.-]+){0,7}?"
        rf"(?:\s+and\s+(?:[a-z]+ly\s+|then\s+|also\s+)?(?:{SPEECH_VERBS}|{NAMING_VERBS})|,\s+(?:{PARTICIPLE_VERBS}))\b")


def _subject_of_later_speech(text: str, s: int, e: int, tokens: Sequence[str]) -> bool:
    """Is the name at ``text[s:e]`` the subject that opens its sentence and, after a short verb phrase,
    speaks ("Ben Ortiz spoke to reporters and said", "Ann Reyes started a fund, explaining that")?
    Body words ("Health Ministry") are no person; a single word is never confirmed this way.

    Example:
        >>> t = "Ben Ortiz spoke to reporters and said so."
        >>> _subject_of_later_speech(t, 0, 9, ["Ben", "Ortiz"]), _subject_of_later_speech(t, 0, 9, ["Ortiz"])
        (True, False)
    """
    if len(tokens) < 2 or any(t.lower() in ORGANISATION_WORDS for t in tokens):
        return False
    if _TURN_OPENS.search(text, max(0, s - 4), s) is None:
        return False
    return _later_speech().match(text, e) is not None


def _names_a_quote(text: str, e: int) -> bool:
    """Is the name ending at ``e`` the possessive agent of a naming noun framing a quote ("Ann Reyes's
    description of the plan as "a fraud"")?  Like a name before "called", it evaluates words as speech.

    Example:
        >>> t = 'Ann Reyes’s description of the plan as “a fraud” stands.'
        >>> _names_a_quote(t, 9), _names_a_quote("Ann Reyes’s plan stands.", 9)
        (True, False)
    """
    from analysis.statements.cues import POSSESSIVE_NAMING

    hit = POSSESSIVE_NAMING.match(text, e)
    return hit is not None and text[hit.end():hit.end() + 1] in ('"', "“")


#: "His name was Aleksandr Ionov": the text introduces a person by name
_NAME_IS = re.compile(r"\b(?:[Hh]is|[Hh]er|[Mm]y)\s+(?:full\s+)?name\s+(?:is|was)\s+$")
#: an apposition after a name confirms it ("Marcel Fratzscher, president of ...", "..., the governor",
#: an age: "Svitlana Petrenko, 54, fled")
#: a role predicated of the name: "Jane Doe is a senator from Ohio", "Tom Cole has been the mayor"
_ROLE_PREDICATE_AFTER = re.compile(
    rf"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became|remains)[ \t]+(?:(?:also|now|still|currently)[ \t]+)?"
    rf"(?:an?|the)[ \t]+(?:[a-zA-Z][\w'’.-]*[ \t]+){{0,3}}?(?:{PERSON_HEADS})\b")
# a role head in capitals too: "Michael Mostyn, CEO of B'nai Brith Canada," (news copy writes "CEO")
_APPOSITION_AFTER = re.compile(rf",\s+(?:(?:the|a|an|who|{PERSON_HEADS}|CEO|deputy|former|chief)\b|\d{{1,3}},)")
