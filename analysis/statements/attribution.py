"""Who said it: speech-cue events per sentence and their subjects.

A cue event is a speech verb, participle, naming verb, "according to" or a
possessed speech noun ("Zelensky's statement") with the speaker it resolves
to.  Subjects are found, in order of preference, as

* the mention right before the verb, allowing adverbs and an apposition
  ("Vasyl Malyuk, the head of Ukraine's Security Service, said");
* the mention right after the verb when it follows a quote ("said Graham");
* *he*/*she* -> the last person named outside quotes before it (gender must
  not contradict the registry or title); *it* -> the last organisation;
* for a second verb of the same subject ("... hints at X but stresses that")
  and for participles: the owner of a speech noun they hang on ("Zelensky's
  statement ..., calling them"), else the subject of the sentence.

Example:
    >>> from analysis.statements.speakers import default_registry
    >>> from analysis.statements.quotes import find_quotes
    >>> from analysis.statements.sentences import sentence_spans
    >>> from analysis.statements.mentions import find_mentions
    >>> t = "Peskov spoke. He said the talks were useful."
    >>> q = find_quotes(t); m = find_mentions(t, default_registry(), q)
    >>> [(e.verb, e.who.name) for e in cue_events(t, sentence_spans(t, q)[1], q, m)]
    [('said', 'Dmitry Peskov')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from analysis.statements import cues
from analysis.statements.identity import is_organisation
from analysis.statements.mention import Mention
from analysis.statements.name_spans import NAME_STOP
from analysis.statements.quotes import QuoteSpan
from analysis.statements.role_nouns import PERSON_HEADS
from analysis.statements.roles import place_words
from analysis.statements.sentences import is_abbreviation
from analysis.statements.titles import TITLE_GAP

PRONOUN_CANDIDATES = 3
_LEADING_TITLES = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)\.?|\b[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|of|the))*\s*$")
_SUBJECT_SLOT = re.compile(r"(?:^|[.;:!?,—–(\"“”]|\b(?:and|but|that|when|while|as|because|after|before|"
                           r"said|says|since|although|though|then)\b)\s*$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")
_PRONOUN = re.compile(r"\b(?P<p>he|she|it|they)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|who|that|what|whom)\s*$", re.IGNORECASE)
_COORDINATED = re.compile(r"\b(?:but|and|yet)\s+(?:(?:also|later|then|again|[a-z]+ly)\s+){0,2}$", re.IGNORECASE)
_INTRO = re.compile(r"^(?:[^,\"“”]{0,40},\s*)?$")
#: a lone capitalised word, CamelCase included ("Gazprom", "WikiLeaks")
_LONE_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)*"
_CAPITAL_WORD = re.compile(rf"\b({_LONE_WORD})$")
#: a capitalised organisation name right before a verb ("the Institute for the Study of War said")
_ORG_NAME = re.compile(r"(?:\b[Tt]he[ \t]+)?\b([A-Z][\w.'’&-]*(?:[ \t]+(?:(?:of|for|on|and)[ \t]+(?:the[ \t]+)?)?[A-Z][\w.'’&-]*){0,6})\s*$")
_LONE_AFTER = re.compile(r"\s+([A-Z][a-z]+)\s*,\s+(?:a|an|the|who)\b")
#: a lone capitalised word ending the tag's sentence: '"...," says Joseph.'
_LONE_AT_END = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]*(?=[.!?]?[ \t]*(?:\n|$)|[.!?][ \t]+[\"“A-Z])")
_FIRST_WORD = re.compile(rf"[\s,]*({_LONE_WORD})(?![\w'’-])")
_ACRONYM = re.compile(r"(?:\b[Tt]he\s+)?\b((?:[A-Z]\.){2,}|[A-Z]{2,6}\b)\s*$")
#: before a lone capitalised word: a preposition (a place: "of South Carolina") or another
#: capitalised word (the word ends a longer name: "the Study of War", "Lindsey Graham")
_PLACE_OR_NAME_BEFORE = re.compile(r"(?:\b(?:of|in|from|at|to|for|near|on|by)|\b[A-Z][\w.'’-]*|&)\s+$")
_REPORT_OF = re.compile(r"\s*(?:(?:a|an|the)\s+)?(?:[a-z]+\s+){0,2}?(?:report|story|article|statement|post|"
                        r"analysis|interview)\s+(?:at|in|by|from|on|with)\s+", re.IGNORECASE)
#: a title between "said" and the name: "said Kremlin spokesman Dmitry Peskov"
_TITLE_WORDS = re.compile(r"\s*(?:[\w.'’-]+,?\s+){0,4}")
_BARE_COMMA = re.compile(r"\s*,\s*")
_WHO_GAP = re.compile(r"\s*,\s*who\s+(?:(?:also|later|has|had|once|often|[a-z]+ly)\s+){0,2}")
#: a comma, then at most a first name and initials, before a mention ("..., Antony J. Blinken")
_OPENS_APPOSITION = re.compile(r",\s*(?:[A-Z][\w.'’-]*\s+){0,3}$")
#: between a role noun and the name in apposition to it ("said the spokesman, John Kirby")
_APPOSITION_COMMA = re.compile(r"\s*,\s*")
_OUTLET = re.compile(r"(?:The\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}")
#: a tag inserted in commas, verb first: "The war, said Ann Reyes, the mayor, was lost"; the comma
#: before the verb, then the speaker's capitalised name (or "the" + name) and a comma or dash after it
_PARENTHETICAL_OPEN = re.compile(r"[^\s,\"“”][ \t]*,[ \t]*$")
_INVERTED_TAG = re.compile(r"[ \t]+(?:(?:the|The)[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’-]*){0,5}[ \t]*[,—–]")


#: how a speaker was found (the ``attribution`` column); "continuation" and "none" are set in extract
ATTRIBUTIONS: tuple[str, ...] = ("name", "pronoun", "role", "continuation", "registry", "none")


@dataclass(frozen=True)
class Who:
    """A resolved speaker: canonical or as-written name; ``named`` is False for descriptors.

    ``as_written`` is the tag's words for the speaker ("Mr. Haidai", "he", "the
    governor"); ``via`` how they lead to ``name`` (one of :data:`ATTRIBUTIONS`).
    """

    name: str
    registered: bool
    named: bool = True
    as_written: str = ""
    via: str = "name"
    #: the mention's kind (person, organisation, group) when a mention gave it, else ''
    kind: str = ""


@dataclass
class CueEvent:
    """One cue in a sentence; ``span_start`` includes a subject written before the cue."""

    family: str  # finite | participle | naming | according | noun
    start: int
    end: int
    verb: str
    who: Who | None
    span_start: int
    subject_before: bool
    relative: bool = False
    #: relayed speech ("X quoted Y as saying"): a participle that tags a quote like a finite verb
    relayed: bool = False


class SortedMentions(list[Mention]):
    """A text's mentions with their starts, so that each sentence looks only at its own.

    Build it once per text and pass it wherever these functions take
    ``mentions``: they then bisect instead of scanning every mention of the
    text for every cue (quadratic in the text's length).  Any other sequence
    works too, scanned in full; both give the same results.

    Example:
        >>> ms = SortedMentions([Mention(0, 6, "Peskov", "person"), Mention(20, 26, "Kallas", "person")])
        >>> [m.entity for m in _starting(ms, 10, 30)]
        ['Kallas']
    """

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        super().__init__(mentions)
        self.starts = [m.start for m in self]
        self.is_sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))


def _starting(mentions: Sequence[Mention], lo: int, hi: int, *, up_to: bool = False) -> Sequence[Mention]:
    """The mentions starting in ``[lo, hi)`` (``[lo, hi]`` with ``up_to``), in order;
    every mention when ``mentions`` is not a sorted :class:`SortedMentions`."""
    if not isinstance(mentions, SortedMentions) or not mentions.is_sorted:
        return mentions
    end = bisect.bisect_right(mentions.starts, hi) if up_to else bisect.bisect_left(mentions.starts, hi)
    return mentions[bisect.bisect_left(mentions.starts, lo):end]


def _reversed_up_to(mentions: Sequence[Mention], pos: int) -> Iterator[Mention]:
    """The mentions starting at or before ``pos``, last first (all of them, unless sorted)."""
    if not isinstance(mentions, SortedMentions) or not mentions.is_sorted:
        yield from reversed(mentions)
        return
    for i in range(bisect.bisect_right(mentions.starts, pos) - 1, -1, -1):
        yield mentions[i]


def mention_who(m: Mention) -> Who:
    """The speaker a mention stands for, attributed as its words lead to it (name, role, registry).

    Example:
        >>> mention_who(Mention(0, 6, "Peskov", "person")).via
        'name'
    """
    return _who(m)


def _who(m: Mention, pronoun: str = "") -> Who:
    named = m.source != "descriptor" or m.registered or m.link == "role"
    if pronoun:
        return Who(m.entity, m.registered, named, pronoun, "pronoun", m.kind)
    # a described source's tag is its description: attributed by a role noun, like "a soldier said"
    return Who(m.entity, m.registered, named, m.surface, "role" if m.link == "described" else m.link, m.kind)


_CONJUNCTION = re.compile(r"\b(?:but|and|yet)", re.IGNORECASE)
_ADVERB = re.compile(r"(?:also|later|then|again|[a-z]+ly)", re.IGNORECASE)
_ADVERB_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


def _coordinated_before(text: str, lo: int, end: int) -> bool:
    """The answer of ``_COORDINATED.search(text, lo, end)``, read back from ``end``.

    A search from the sentence start for every cue was quadratic in one long sentence; a match
    can only end at ``end`` (before ``$``, a final line break is part of ``\\s+``), so at most
    three words back are read: a conjunction ending a word (``\\b`` sees the character before
    it, as a search from ``lo`` does) after at most two adverbs, each followed by white space.

    Example:
        >>> t = "Peskov denied it, but then also said"
        >>> _coordinated_before(t, 0, t.index("said")), _coordinated_before(t, 0, t.index("denied"))
        (True, False)
    """
    pos = end
    for _ in range(3):
        word_end = pos
        while word_end > lo and text[word_end - 1].isspace():
            word_end -= 1
        if word_end == pos:
            return False  # \s+ before each later word and before the end
        if word_end - 3 >= lo and _CONJUNCTION.match(text, word_end - 3, word_end):
            return True
        word_start = word_end
        while word_start > lo and _ADVERB_LETTER.match(text, word_start - 1):
            word_start -= 1
        if not _ADVERB.fullmatch(text, word_start, word_end):
            return False
        pos = word_start
    return False


class _QuoteBounds:
    """The quotes of one sentence sorted once, for the two questions every cue asks of them.

    One sentence can hold thousands of quotes and cues: testing each cue against every quote
    was quadratic.  The quotes may come in any order and overlap; both answers are exact.
    """

    def __init__(self, quotes: Sequence[QuoteSpan]) -> None:
        spans = sorted((q.start, q.end) for q in quotes)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))
        self.ends = sorted(q.end for q in quotes)

    def outside(self, pos: int) -> bool:
        """Is ``pos`` outside every quote?"""
        k = bisect.bisect_right(self.starts, pos)
        return k == 0 or self.reach[k - 1] <= pos

    def last_end(self, lo: int, pos: int) -> int:
        """The last quote end in [lo, pos], else ``lo``."""
        k = bisect.bisect_right(self.ends, pos)
        return self.ends[k - 1] if k and self.ends[k - 1] >= lo else lo


def _compatible(p: str, m: Mention, pos: int, text: str = "") -> bool:
    """Can the subject pronoun ``p`` at ``pos`` refer back to ``m``?  *it* is an organisation
    (or document), never a person; *they* a group ("Ukrainian authorities"); *he*/*she* a
    person whose gender does not contradict it."""
    if m.end > pos or m.in_quote or m.possessive and p == "it":
        return False
    if p == "it":
        return m.kind == "organisation"
    if p == "they":
        return m.kind == "group"
    if m.kind != "person" or not (m.registered or m.source == "name" or m.link in ("role", "described")
                                  or _introduced_source(m, text)):
        return False
    return not ((p == "he" and m.gender == "f") or (p == "she" and m.gender == "m"))


#: an indefinite role noun introduces someone new ("A government spokesman said ... He added:")
_INDEFINITE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s")


def _introduced_source(m: Mention, text: str) -> bool:
    """Is ``m`` an unnamed person the text introduces with an indefinite role noun as the subject of
    a speech verb ("A government spokesman said ..."), whom a later *he* or *she* can mean?  Other
    indefinite descriptors ("he met a judge") are no antecedents: they may be anyone.

    Example:
        >>> t = "A government spokesman said so."
        >>> _introduced_source(Mention(0, 22, "government spokesman", "person", source="descriptor",
        ...                            surface="A government spokesman"), t)
        True
    """
    return (m.source == "descriptor" and _INDEFINITE.match(m.surface) is not None
            and cues.CUE_AFTER_NAME.match(text, m.end) is not None)


def _subject_like(text: str, m: Mention, possessor_ok: bool = False) -> bool:
    """Does ``m`` stand where a clause's subject stands (after a sentence start, a comma, a
    conjunction or a speech verb, titles skipped), not as an object or a possessor?

    With ``possessor_ok`` the possessor of a subject counts too: "Ms. Truss' campaign
    stalled, though she ..." keeps Ms. Truss the topic a later *she* refers to.
    """
    if m.possessive and not possessor_ok:
        return False
    if _PASSIVE_AGENT.search(text, max(0, m.start - 160), m.start):
        return True  # "This was stated by Adviser ... X during a briefing": the agent said it
    lo = max(0, m.start - 60)
    # the titles before it stop at a sentence end ("on Monday. Mr. Cole and ..." opens a sentence)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, lo, m.start) if not is_abbreviation(text, e.start())]
    before = _ROLE_TITLE_BEFORE.sub("", _LEADING_TITLES.sub("", text[ends[-1] if ends else lo:m.start]))
    return not before.strip() or _SUBJECT_SLOT.search(before) is not None


#: a bare title of capitalised words and a lower-case role noun before a name ("EDL leader Tommy
#: Robinson", "Kremlin spokesman Dmitry Peskov"): part of the subject, like "Mr." or "President"
_ROLE_TITLE_BEFORE = re.compile(rf"(?<![\w'’-])(?:[A-Z][\w.'’-]*[ \t]+(?:of[ \t]+)?){{1,3}}(?:[a-z][\w-]*[ \t]+){{0,2}}"
                                rf"(?:{PERSON_HEADS})(?:{TITLE_GAP.pattern})$")


#: the agent of a passive speech verb, a capitalised title between ("was stated by Adviser to the Head ... X")
_PASSIVE_AGENT = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?(?:stated|said|announced|"
                            r"noted|reported|emphasi[sz]ed|stressed|declared|told|written|posted|voiced|expressed|"
                            r"made|added|confirmed)\s+by\s+(?:(?:[A-Z][\w.'’-]*|of|the|to|for|and|on)\s+)*$")


def _previous_paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts (0 at the top; blank lines skipped).

    Example:
        >>> _previous_paragraph_start("a\\n\\nb\\n\\nc", 6)
        3
    """
    here = text.rfind("\n", 0, pos)
    if here < 0:
        return 0
    # scan back over the white space before this line (text[:here].rstrip() copied the whole prefix
    # on every call: quadratic in a long text)
    prev_end = here
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    return text.rfind("\n", 0, prev_end) + 1


def resolve_pronoun(pronoun: str, pos: int, mentions: Sequence[Mention], text: str = "",
                    since: int | None = None) -> Mention | None:
    """The mention a subject pronoun at ``pos`` refers to, or None.

    The nearest compatible mention wins; with ``text``, the nearest one
    standing as a subject among the last :data:`PRONOUN_CANDIDATES` compatible
    mentions wins over objects and possessors ("Mr. Biden denied that he
    offered the planes to buy Mr. Erdogan's support. '...,' he said." -> Biden),
    unless the nearest one starts at or after ``since`` (the pronoun's own
    clause: "a bill proposed by Graham, which he said ..." -> Graham).

    Example:
        >>> m = [Mention(0, 6, "Peskov", "person", "m", True), Mention(10, 16, "Kallas", "person", "f", True)]
        >>> resolve_pronoun("he", 30, m).entity, resolve_pronoun("she", 30, m).entity
        ('Peskov', 'Kallas')
        >>> t = "Biden met Scholz. He said so."
        >>> ms = [Mention(0, 5, "Biden", "person", "m", True), Mention(10, 16, "Scholz", "person", "m", True)]
        >>> resolve_pronoun("he", 18, ms).entity, resolve_pronoun("he", 18, ms, t).entity
        ('Scholz', 'Biden')
    """
    p = pronoun.lower()
    head_end = _relative_head_end(text, pos) if text else -1
    candidates: list[Mention] = []
    for m in _reversed_up_to(mentions, pos):
        if _compatible(p, m, pos, text) and m.end != head_end:
            candidates.append(m)
            # the last few people, not the last few mentions: one person named three times is one
            if not text or len({c.entity for c in candidates}) >= PRONOUN_CANDIDATES:
                break
    if not candidates:
        return _cataphoric(p, pos, mentions, text) if text else None
    own = [m for m in candidates if since is not None and m.start >= since]
    if own and since is not None:
        return _own_sentence_antecedent(p, pos, since, own, mentions, text)
    if text:
        # the window ends at the paragraph before the pronoun's: a subject further back is stale
        floor = _previous_paragraph_start(text, pos)
        subjects = [m for m in candidates if m.start >= floor and _subject_like(text, m, possessor_ok=p != "it")]
        if subjects:
            rival = next((o for o in subjects[1:] if o.entity != subjects[0].entity
                          and _same_sentence(text, o.end, subjects[0].start)
                          and not in_fronted_clause(text, o, subjects[0].start)), None)
            teller = next((o for o in subjects[1:] if rival is not None and _same_sentence(text, o.end, subjects[0].start)
                           and _reported_subject(text, o, subjects[0])), None)
            if teller is not None:
                return teller  # "X said Y was coming. '...,' he said": the speaker, not the reported clause's subject
            # two subjects of one sentence ("Mr. Biden and Mr. Scholz met. He said"): never guess
            if rival is not None or p in ("he", "she") and new_subject_between(text, subjects[0].end, pos, mentions):
                return None
            return subjects[0]
        if p in ("he", "she") and new_subject_between(text, candidates[0].end, pos, mentions):
            return None  # "... Ray Bill arrived later. '...,' he said": not past the new subject either
    return candidates[0]


#: a sentence opened by two capitalised words and a lower-case word: a name the mention finder did
#: not confirm, as the sentence's subject ("Ray Bill arrived later.")
_NAME_OPENS = re.compile(r"(?:(?<=[.!?][ \t])|(?<=[.!?][\"”’][ \t])|(?<=\n))(?P<first>[A-Z][a-z]+)[ \t]+"
                         r"(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+[a-z]")


#: first words of two-word place names ("New York", "Los Angeles", "Hong Kong"): no person opens with them
_PLACE_OPENERS = frozenset("New Los Las San Santa Saint Fort Port Mount Lake Cape Hong Tel Sri Costa Puerto Rio "
                           "Buenos El Abu Saudi Silicon Wall Capitol Downing".split())


def new_subject_between(text: str, lo: int, hi: int, mentions: Sequence[Mention]) -> bool:
    """Does a sentence between ``lo`` and ``hi`` open with a two-word name no mention covers
    ("Mr. Tom Fox spoke. Ray Bill arrived later. '...,' he said")?  Then *he* may be that
    person: a pronoun does not reach past a new subject to the one before.  Stop words,
    places, bodies and a known person's surname are no new subject.

    Example:
        >>> t = "Tom Fox spoke. Ray Bill arrived. The plan failed. New York voted."
        >>> new_subject_between(t, 7, len(t), []), new_subject_between(t, 30, len(t), [])
        (True, False)
        >>> new_subject_between('Tom Fox spoke. "Then Ray Bill came in," he said.', 7, 45, [])
        False
    """
    covered = [(m.start, m.end) for m in _starting(mentions, lo, hi)] if isinstance(mentions, SortedMentions) \
        else [(m.start, m.end) for m in mentions if lo <= m.start < hi]
    places = place_words()
    for n in _NAME_OPENS.finditer(text, lo, hi):
        words = (n.group("first"), n.group("last"))
        if (any(w in NAME_STOP or w.lower() in places for w in words) or words[0] in _PLACE_OPENERS
                or is_organisation(" ".join(words))
                or any(s <= n.start() < e or n.start() <= s < n.end("last") for s, e in covered)
                or _inside_quote(text, lo, n.start())):
            continue
        return True
    return False


def _inside_quote(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened after ``lo`` (an unclosed curly or an odd straight mark)?"""
    between = text[lo:pos]
    return between.count("“") > between.count("”") or between.count('"') % 2 == 1


def _own_sentence_antecedent(p: str, pos: int, since: int, own: Sequence[Mention], mentions: Sequence[Mention],
                             text: str) -> Mention | None:
    """The antecedent in the pronoun's own sentence: its subject before an object ("Mr. Biden said
    that he did not seek to overthrow Mr. Putin ... when he said" -> Biden); else the antecedent of
    a pronoun of the same form opening the sentence ("It, along with X, tried to get a court to block
    what it called" -> what *It* is); else the nearest."""
    subject = next((m for m in own if text and _subject_like(text, m)), None)
    if subject is None and (opening := _OPENING_PRONOUN.match(text, since, pos)) \
            and opening.group("p").lower() == p and opening.start("p") < pos:
        return resolve_pronoun(p, opening.start("p"), mentions, text)
    return subject or own[0]


#: a subject right after a speech verb of its clause's speaker: the subject of a reported clause
_REPORTED_OPENING = re.compile(rf"\b(?:{cues.SPEECH_VERBS})(?:\s+that)?\s+(?:(?:[A-Z][\w.'’-]*|and)\s+){{0,5}}$")


def _reported_subject(text: str, speaker: Mention, other: Mention) -> bool:
    """Is ``other`` the subject of a clause reported by a speech verb whose subject is ``speaker``
    ("Tom Reed criticised the plan and said Mr Cole was wrong")?  Then *he* in the next sentence
    continues the speaker, the topic of the sentence, not a person inside what he said.

    Example:
        >>> t = "Tom Reed criticised it and said Mr Cole was wrong."
        >>> _reported_subject(t, Mention(0, 8, "Tom Reed", "person"), Mention(35, 39, "Cole", "person"))
        True
    """
    verb = _REPORTED_OPENING.search(text, max(speaker.end, other.start - 60), other.start)
    if verb is None or speaker.end > verb.start():
        return False
    head = text[speaker.end:verb.start()]
    # the speaker is the subject of that verb: only a clause of its own between ("criticised X and")
    return not re.search(r"[.;:!?\"“”]", head) and (not head.strip() or _COORDINATED.search(head) is not None
                                                   or cues.SUBJECT_GAP.fullmatch(head) is not None)


def _cataphoric(p: str, pos: int, mentions: Sequence[Mention], text: str) -> Mention | None:
    """A pronoun nothing before it can mean, in a lede that names its speaker later: the one
    compatible person named (outside quotes) in the rest of this paragraph and the next.

    Example:
        >>> t = "\u201cWe stay,\u201d he said.\\n\\nHis name was Ivan Sirko."
        >>> ms = [Mention(t.index("Ivan"), len(t) - 1, "Ivan Sirko", "person", "m", False, "name")]
        >>> _cataphoric("he", t.index("he"), ms, t).entity
        'Ivan Sirko'
    """
    if p not in ("he", "she"):
        return None
    limit = _end_of_next_paragraph(text, pos)
    ahead = {m.entity: m for m in _starting(mentions, pos, limit)
             if m.kind == "person" and not m.in_quote and m.source != "descriptor"
             and not ((p == "he" and m.gender == "f") or (p == "she" and m.gender == "m"))}
    return next(iter(ahead.values())) if len(ahead) == 1 else None


def _end_of_next_paragraph(text: str, pos: int) -> int:
    """Where the paragraph after the one holding ``pos`` ends (blank lines skipped), scanning
    forward only, so a long text costs no more than the two paragraphs.

    Example:
        >>> _end_of_next_paragraph("a b\\n\\nc d\\ne", 1)
        8
    """
    here = text.find("\n", pos)
    if here < 0:
        return len(text)
    nxt = here
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    end = text.find("\n", nxt)
    return len(text) if end < 0 else end


def _same_sentence(text: str, lo: int, hi: int) -> bool:
    """No sentence end between ``lo`` and ``hi``."""
    return re.search(r"[.!?][\"”’]?\s+[\"“]?[A-Z]|\n", text[lo:hi]) is None


#: a subject pronoun opening a sentence (after a quote's mark or a short adverbial)
_OPENING_PRONOUN = re.compile(r"[\s\"“]*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s+)?(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b(?![\w'’-])")


#: a sentence opened by a subordinate clause ("After Ford's identity became public, ..."): its subject
#: is not the main clause's, which comes after the comma
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=\s)")
_FRONTED_CLAUSE = re.compile(r"[\s\"“]*(?:After|When|While|Because|Since|Although|Though|"
                             r"If|Once|Before|Until|As|Whereas|Unless)\s+[^,;:!?\"“”]*$")


def in_fronted_clause(text: str, m: Mention, main_start: int) -> bool:
    """Is ``m`` inside a subordinate clause that opens its sentence, closed by a comma before
    ``main_start`` (the main clause's subject)?  Then it is no rival for a later pronoun: the main
    clause's subject is the sentence's topic ("After Ford's identity became public, Grassley's staff
    contacted them. '...,' he said" -> Grassley).

    Example:
        >>> t = "After Ford's identity became public, Grassley's staff called."
        >>> in_fronted_clause(t, Mention(6, 10, "Ford", "person"), 37), in_fronted_clause(t, Mention(37, 45, "G", "person"), 50)
        (True, False)
    """
    lo = max(0, m.start - 300)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, lo, m.start) if not is_abbreviation(text, e.start())]
    start = max(ends[-1] if ends else lo, text.rfind("\n", 0, m.start) + 1)
    opening = _FRONTED_CLAUSE.match(text, start, m.start)
    return opening is not None and "," in text[m.end:main_start]


#: "Lucyszyn, whom he described as": the pronoun of a relative clause is not the clause's head
_RELATIVE_BEFORE = re.compile(r",?\s*\b(?:whom|who)\s+$")


def _relative_head_end(text: str, pos: int) -> int:
    """Where the head of a relative clause opening right before ``pos`` ends, else -1.

    Example:
        >>> _relative_head_end("Mr. Lucyszyn, whom he described", 19)
        12
    """
    rel = _RELATIVE_BEFORE.search(text, max(0, pos - 12), pos)
    return rel.start() if rel else -1


_AUX_BEFORE = re.compile(r"(?:\s+(?:has|have|had|also|later|again|long|[a-z]+ly))+\s*$")


def _lone_subject(text: str, lo: int, cue_start: int) -> tuple[int, Who, int] | None:
    """(end, speaker, start) of a subject no mention covers: a lone capitalised word or an acronym.

    A lone word is a name only where a common noun would not be capitalised,
    and never the tail of a longer name or a place after a preposition
    ("Lindsey Graham of South Carolina said", "the Institute for the Study of
    War said").  After a quote, an apposition may stand between it and the
    verb ("Kryha, who led the brigade, said").  An acronym ("the I.C.R.C.
    said") is an organisation as written.  Opening its sentence, a lone word
    speaks only as :func:`speaks_elsewhere` allows ("Gazprom said ... '...,'
    Gazprom said").
    """
    after_quote = text[lo - 1:lo] in ("\"", "”", "’", "'")
    if after_quote:
        first = _FIRST_WORD.match(text, lo, cue_start)
        if first and _lone_word(first.group(1)) and cues.SUBJECT_GAP.fullmatch(text, first.end(), cue_start):
            return first.end(), Who(first.group(1), False, as_written=first.group(1)), first.start(1)
    # "The CIA has argued", "the Institute had said": a body's name, then auxiliaries or adverbs
    aux = _AUX_BEFORE.search(text, lo, cue_start)
    body_end = aux.start() if aux else cue_start
    org = _ORG_NAME.search(text, lo, body_end)
    if org and org.end() == body_end and is_organisation(org.group(1)):
        return org.end(), Who(org.group(1), False, as_written=org.group().strip(), kind="organisation"), org.start()
    acronym = _ACRONYM.search(text, lo, body_end)
    if acronym and acronym.end() == body_end:
        return (acronym.end(), Who(acronym.group(1), False, as_written=acronym.group(), kind="organisation"),
                acronym.start())
    cw = _CAPITAL_WORD.search(text, lo, cue_start - 1) if cue_start - lo > 1 else None
    if cw is None or not _lone_word(cw.group(1)) or not text[cw.end():cue_start].isspace():
        return None
    head = text[lo:cw.start()]
    if _OPENING_CONJUNCTION.fullmatch(head):
        # "And WikiLeaks said": after a sentence-opening conjunction the word stands mid-sentence, where
        # only a name is capitalised; the conjunction is no first word of a longer name
        if cw.group(1).lower() in place_words():
            return None
        return cw.end(), Who(cw.group(1), False, as_written=cw.group(1)), cw.start()
    if _PLACE_OR_NAME_BEFORE.search(head):
        return None
    # opening its sentence any word is capitalised: there it must speak elsewhere in the text too
    if after_quote or head.strip() and not head.rstrip().endswith((".", ":")) or speaks_elsewhere(text, cw):
        return cw.end(), Who(cw.group(1), False, as_written=cw.group(1)), cw.start()
    return None


#: a conjunction or adverb opening a sentence before its subject ("And", "But", "Yet", "So")
_OPENING_CONJUNCTION = re.compile(r"\s*(?:And|But|Yet|So|Still|Then)[ \t]+")


def _lone_word(word: str) -> bool:
    return word not in NAME_STOP or word in WIRE_AGENCIES


#: news agencies that speak on their own, though their names are no part of a person's ("Reuters reported")
WIRE_AGENCIES = frozenset({"Reuters", "Interfax", "Bloomberg", "Xinhua", "Tass"})
#: a lone word written in mid-sentence (after a lower-case word, a comma or a quote's closing mark)
_MID_SENTENCE = r"(?<=[a-z,;”\"’'] )"


def speaks_elsewhere(text: str, word: re.Match[str]) -> bool:
    """Is the capitalised word that opens a sentence at ``word`` a speaker's name: a known news
    agency, or the text writes it in mid-sentence elsewhere as the subject of a speech verb
    ('"...," Gazprom said')?  Any word is capitalised at a sentence start, so that alone names
    nobody ("Storms said", "Vinnytsia said" after "hit Vinnytsia"); a country word never speaks.

    Example:
        >>> t = 'Gazprom said it would stop. "We will resume," Gazprom said.'
        >>> speaks_elsewhere(t, re.match(r"\\w+", t)), speaks_elsewhere("Storms said so.", re.match(r"\\w+", "Storms"))
        (True, False)
    """
    w = word.group(1) if word.re.groups else word.group()
    if w in WIRE_AGENCIES:
        return True
    if w.lower() in place_words():
        return False
    return any(other.start() != word.start() and cues.CUE_AFTER_NAME.match(text, other.end())
               for other in re.finditer(rf"{_MID_SENTENCE}{re.escape(w)}(?![\w'’-])", text))


def subject_before(text: str, cue_start: int, lo: int, mentions: Sequence[Mention]) -> tuple[Who | None, int, bool]:
    """(speaker, where the subject starts, is it in a relative clause) for a verb at ``cue_start``."""
    window = text[lo:cue_start]
    best: tuple[int, Who | None, int] | None = None  # (end, who, start)
    for m in reversed(_starting(mentions, lo, cue_start, up_to=True)):
        if m.start < lo or m.end > cue_start or m.in_quote or m.possessive:
            continue
        if m.kind == "person" and m.source != "descriptor" and _WHO_GAP.fullmatch(text, m.end, cue_start):
            best = (m.end, _who(m), m.start)  # "Mr. Roberts, who referred to himself as": a named person
            break
        if m.kind == "organisation" and _OF_PHRASE_BEFORE.search(text, max(lo, m.start - 12), m.start):
            continue  # "chair of the Budget Committee, and a judge, told": the body is in a title
        titles = _TITLE_LIST.match(text, m.end, cue_start) if m.kind == "person" and m.source != "descriptor" else None
        if titles and cues.SUBJECT_GAP.fullmatch(text, titles.end(), cue_start) and _subject_like(text, m):
            best = (m.end, _who(m), m.start)  # "Ann Reyes, chair of X, and a former judge, told"
            break
        if cues.SUBJECT_GAP.fullmatch(text, m.end, cue_start):
            if _BARE_COMMA.fullmatch(text, m.end, cue_start) and not _OPENS_APPOSITION.search(text, lo, m.start):
                continue  # "against Russia, said Smith": Russia is no apposition, so not the subject
            head = _apposition_head(text, lo, m, mentions)
            best = (m.end, _who(head), head.start) if head else (m.end, _who(m), m.start)
            break
        if cues.SUBJECT_GAP_PARENTHESIS.fullmatch(text, m.end, cue_start) and _subject_like(text, m):
            best = (m.end, _who(m), m.start)  # "the Pope, in a different, friendly tone, said"
            break
    for pm in _PRONOUN.finditer(window):
        s, e = lo + pm.start(), lo + pm.end()
        if cues.SUBJECT_GAP.fullmatch(text, e, cue_start) and (best is None or e > best[0]):
            ante = resolve_pronoun(pm.group("p"), s, mentions, text, since=lo)
            best = (e, _who(ante, pm.group("p")) if ante else None, s)
    if best is None:
        best = (_speech_noun_subject(text, lo, cue_start, mentions) or _lone_subject(text, lo, cue_start)
                or _document_subject(text, lo, cue_start, mentions))
    if best is None:
        return None, cue_start, False
    hon = _HONORIFIC_BEFORE.search(text, max(lo, best[2] - 5), best[2])
    start = hon.start() if hon else best[2]  # "Mr. Biden had asked": the subject is "Mr. Biden"
    return best[1], start, bool(_RELATIVE.search(text, lo, start))


#: the titles of a list in apposition after a name: "X, S.J., Vice-Rector of A, President of B, and"
_TITLE_LIST = re.compile(r",[^.;:!?\"“”()]{0,300},\s*(?:and\s+)?")
_OF_PHRASE_BEFORE = re.compile(r"\b(?:of|for|at|to)\s+(?:the\s+)?$")


def _apposition_head(text: str, lo: int, m: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The person a role noun nobody holds is the last title of: "Father Hans Zollner, S.J., Vice-Rector
    of ..., and Member of the Commission, told" -> Hans Zollner (the list stays in one sentence)."""
    if m.source != "descriptor" or m.link != "name" or m.kind != "person" or m.registered:
        return None
    for o in reversed(_starting(mentions, lo, m.start)):
        if o.kind == "person" and o.source != "descriptor" and not o.in_quote and not o.possessive \
                and _TITLE_LIST.fullmatch(text, o.end, m.start) and _subject_like(text, o):
            return o
    return None


#: "Check Point's report said", "the ministry's statement said": the owner of the speech noun speaks
_OWNED_NOUN = re.compile(rf"(?P<owner>(?:[A-Z][\w.&'’-]*\s+){{0,4}}[A-Z][\w.&-]*)['’]s?\s+(?:(?:new|latest|own|"
                         rf"official|annual|written|final|online|recent|open|public|personal|blog|Twitter|Facebook|"
                         rf"LinkedIn|Instagram|YouTube|Telegram)\s+){{0,2}}(?:{cues.SPEECH_NOUNS})\s*$")
#: "Zelensky's office said", "the governor's press service said": a person's body speaks for itself
_OWNED_BODY = re.compile(r"(?P<owner>(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+(?:(?:own|press|"
                         r"presidential|legal|campaign)\s+)?(?P<body>office|press\s+service|administration|"
                         r"government|ministry|campaign|team|lawyers?|attorneys?|family|foundation|party)\s*$")
#: "a statement by the secretary of state, Antony J. Blinken, that said": a noun by its author
_NOUN_BY = re.compile(rf"\b(?:{cues.SPEECH_NOUNS})\s+(?:issued\s+|released\s+|posted\s+)?(?:by|from)\s+"
                      r"(?:(?:the|a|an)\s+[^,\"“”]{1,60},\s*)?$")
_THAT_REL = re.compile(r"(?:\s*,)?\s+(?:that|which)\s*$")


#: "The report, released by Amnesty International on Thursday, said", "the statement by the ministry said"
_AUTHORED_BEFORE = re.compile(rf"\b(?:{cues.SPEECH_NOUNS})\s*,?\s+(?:(?:released|issued|published|written|signed|"
                              r"posted|presented)\s+(?:\w+\s+){0,3}?)?(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_AUTHORED_AFTER = re.compile(r"(?:\s+(?:on|in|at|last|this)\b[^,\"“”]{0,40})?\s*,?\s*")


def _authored_noun_subject(text: str, lo: int, cue_start: int,
                           mentions: Sequence[Mention]) -> tuple[int, Who, int] | None:
    """A speech noun with its author as the verb's subject: "The report, released by X on Monday, said"."""
    for m in reversed(_starting(mentions, lo, cue_start)):
        if m.in_quote or m.possessive or m.end > cue_start:
            continue
        if (_AUTHORED_AFTER.fullmatch(text, m.end, cue_start)
                and _AUTHORED_BEFORE.search(text, max(lo, m.start - 80), m.start)):
            return m.end, _who(m), m.start
        return None
    return None


def _speech_noun_subject(text: str, lo: int, cue_start: int,
                         mentions: Sequence[Mention]) -> tuple[int, Who, int] | None:
    """(end, speaker, start) when the verb's subject is a speech noun owned or written by someone.

    Example:
        >>> t = "The campaign is espionage, Check Point’s report said."
        >>> _speech_noun_subject(t, 0, t.index("said"), [])[1].name
        'Check Point'
    """
    owned = _OWNED_NOUN.search(text, lo, cue_start)
    if owned is not None and owned.group("owner").split()[0] not in NAME_STOP - {"The"}:
        s, e = owned.span("owner")
        m = next((m for m in _starting(mentions, s, e, up_to=True) if m.start >= s and m.end == e), None)
        owner = text[s:e].removeprefix("The ").strip()
        return e, _who(m) if m else Who(owner, False, as_written=owner), s
    body = _OWNED_BODY.search(text, lo, cue_start)
    if body is not None and body.group("owner").split()[0] not in NAME_STOP - {"The"}:
        # "Zelensky's office said": the office speaks, as a body of its own, not its owner
        said = text[body.start("owner"):body.end("body")].removeprefix("The ").strip()
        return body.end(), Who(said, False, as_written=said, kind="organisation"), body.start("owner")
    authored = _authored_noun_subject(text, lo, cue_start, mentions)
    if authored is not None:
        return authored
    rel = _THAT_REL.search(text, lo, cue_start)
    if rel is None:
        return None
    for m in reversed(_starting(mentions, lo, rel.start(), up_to=True)):
        if m.in_quote or m.possessive or m.end > rel.start():
            continue
        # the author may carry a title in apposition before the name: "by the secretary, Antony Blinken,"
        head = _LEADING_TITLES.sub("", text[max(lo, m.start - 100):m.start])
        if _NOUN_BY.search(head) is not None and re.fullmatch(r"\s*,?", text[m.end:rel.start()]):
            return m.end, _who(m), m.start
        return None
    return None


#: documents a text introduces with their author and then cites bare ("the report said", "the plan states")
DOCUMENT_NOUNS = ("report|paper|plan|statement|letter|study|memo|document|analysis|survey|assessment|resolution|"
                  "declaration|decree|complaint|lawsuit|filing|indictment|ruling|proposal|review|petition|"
                  "communique|communiqué|book|article|essay|editorial|guidelines|manifesto|strategy")
_BARE_DOCUMENT = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)[ \t]+(?:(?:new|latest|final|full|white|draft|[\w-]+-page)[ \t]+)?"
                            rf"(?P<noun>{DOCUMENT_NOUNS})(?:[ \t]+(?:also|further|later|then|[a-z]+ly))?[ \t]*$")
#: "according to the report," closed by punctuation or the sentence's end
_ACCORDING_DOCUMENT = re.compile(rf"[ \t]+(?:the|this|that)[ \t]+(?:(?:new|latest|final|full|white|draft)[ \t]+)?"
                                 rf"(?P<noun>{DOCUMENT_NOUNS})(?=[ \t]*(?:[,.;:!?]|$))")
#: how far back a bare document's introduction is looked for: a fixed bound keeps the look linear
DOCUMENT_LOOKBACK = 12000
#: verbs by which a subject makes a document its own ("X released a report", "X authored the plan")
_AUTHORING_VERB = (r"(?:released|published|issued|wrote|authored|drafted|prepared|produced|presented|submitted|"
                   r"unveiled|filed|sent|signed|put\s+out|compiled|commissioned)")
#: "X writes in the paper": the document holds X's words
_WRITES_IN = r"(?:writes|wrote|says|said|states|stated|argues|argued)\s+in"


def _document_subject(text: str, lo: int, cue_start: int,
                      mentions: Sequence[Mention]) -> tuple[int, Who, int] | None:
    """(end, author, start) for a bare document as the verb's subject ("'...,' the report said"): the one
    author the text gave that document before ("X released a report", "a report by X", "X's report",
    "The plan, authored by X,").  Two authors, or none, give None: the document then speaks for nobody.

    Example:
        >>> t = "Amnesty International released a report. It was long. The report said so."
        >>> ms = [Mention(0, 21, "Amnesty International", "organisation")]
        >>> _document_subject(t, t.index("The report"), t.index("said"), ms)[1].name
        'Amnesty International'
    """
    # read back a bounded stretch only: a search from the sentence start for every cue is quadratic
    bare = _BARE_DOCUMENT.search(text, max(lo, cue_start - 80), cue_start)
    if bare is None:
        return None
    author = document_author(text, bare.start(), bare.group("noun").lower(), mentions)
    return (bare.end(), author, bare.start()) if author is not None else None


def document_author(text: str, pos: int, noun: str, mentions: Sequence[Mention]) -> Who | None:
    """The one author the text names for the document ``noun`` before ``pos`` (within
    :data:`DOCUMENT_LOOKBACK` characters), else None.

    Example:
        >>> t = "A report by Amnesty International came out. The report said so."
        >>> document_author(t, t.index("The report"), "report", [Mention(12, 33, "Amnesty International", "organisation")]).name
        'Amnesty International'
    """
    lo = max(0, pos - DOCUMENT_LOOKBACK)
    authors: dict[str, Mention] = {}
    for m in _starting(mentions, lo, pos):
        if m.start < lo or m.end > pos or m.in_quote or m.kind not in ("person", "organisation"):
            continue
        if m.source == "descriptor" and m.link not in ("role", "name") or m.link == "described":
            continue
        after = text[m.end:min(pos, m.end + 120)]
        if m.possessive:
            owned = re.match(rf"['’]?s?\s+(?:[\w-]+\s+){{0,3}}?(?:{noun})s?\b", after)
        else:
            owned = re.match(rf"(?:\s+(?:has|have|had|also|[a-z]+ly))*\s+(?:{_AUTHORING_VERB}|{_WRITES_IN})\s+(?:an?|its|"
                             rf"their|his|her|the|this)\s+(?:[\w-]+\s+){{0,3}}?(?:{noun})s?\b", after)
            before = text[max(lo, m.start - 80):m.start]
            owned = owned or re.search(rf"\b(?:{noun})s?\b,?\s+(?:(?:released|issued|published|written|authored|"
                                       rf"prepared|commissioned|produced|compiled|drafted|signed)\s+)?(?:by|from)\s+"
                                       rf"(?:the\s+)?$", before, re.IGNORECASE)
        if owned:
            authors.setdefault(m.entity, m)
    if len(authors) != 1:
        return None
    return _who(next(iter(authors.values())))


#: a capitalised source after "according to" that no mention covers, closed by punctuation or the end
_ACCORDING_SOURCE = re.compile(r"\s+(?:[Tt]he\s+)?(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})"
                               r"(?=\s*(?:[,.;:!?]|$))")


def subject_after(text: str, cue_end: int, hi: int, mentions: Sequence[Mention], according: bool = False) -> Who | None:
    """The speaker named right after a cue ("said Graham", "according to Peskov"); with ``according``
    also a capitalised source no mention covers ("according to the Washington Post,")."""
    for m in _starting(mentions, cue_end, hi):
        if m.start >= cue_end and m.start < hi and not m.in_quote:
            gap = text[cue_end:m.start]
            if not (_TITLE_WORDS.fullmatch(gap) or _REPORT_OF.fullmatch(gap)) or according and "," in gap:
                break  # "according to emails, the Alliance got": the source was the emails
            if m.possessive:
                continue  # "said Mr. Young's partner, Maria Lipka": the owner is not the speaker
            return _who(_named_apposition(text, m, mentions) or m)
    lone = _LONE_AFTER.match(text, cue_end, hi) or _LONE_AT_END.match(text, cue_end, hi)
    if lone and lone.group(1) not in NAME_STOP:
        # "said Natasha, a mother of six"; '"...," says Joseph.': a lone name closing the tag
        return Who(lone.group(1), False, as_written=lone.group(1))
    rep = _REPORT_OF.match(text, cue_end)
    at = rep.end() if rep else cue_end + (len(text[cue_end:hi]) - len(text[cue_end:hi].lstrip()))
    outlet = _OUTLET.match(text, at, hi)
    if rep and outlet:
        return Who(outlet.group(), False, as_written=outlet.group())
    document = _ACCORDING_DOCUMENT.match(text, cue_end, hi) if according else None
    if document is not None:  # "according to the plan": the plan's author, as for "the plan states"
        return document_author(text, cue_end, document.group("noun").lower(), mentions)
    if according:  # "according to the Washington Post", "according to Politico": a source as written
        named = _ACCORDING_SOURCE.match(text, cue_end, hi)
        name = named.group("name") if named else ""
        name = name[:-1] if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name) else name
        if name and name.split()[0] not in NAME_STOP - {"Post", "Times", "Independent"}:
            return Who(name, False, as_written=name, kind="organisation")
    return None


def _named_apposition(text: str, m: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The person named in apposition right after an unresolved role noun ("the spokesman, John Kirby")."""
    if m.source != "descriptor" or m.link != "name":
        return None
    for o in _starting(mentions, m.end, m.end + 4):
        if o.kind == "person" and o.source != "descriptor" and _APPOSITION_COMMA.fullmatch(text, m.end, o.start):
            return o
    return None


def sentence_subject(text: str, lo: int, before: int, mentions: Sequence[Mention]) -> Who | None:
    """The subject of a sentence's main clause: its first mention when only an intro phrase
    precedes it, else its first mention standing where a subject stands ("In response to a
    question about Mr. Bout, William J. Burns, the C.I.A. director, ..." -> Burns)."""
    first = True
    for m in _starting(mentions, lo, before):
        if lo <= m.start < before and not m.in_quote and not m.possessive:
            if first and _INTRO.match(_ROLE_TITLE_BEFORE.sub("", _LEADING_TITLES.sub("", text[lo:m.start]))):
                return _who(m)
            first = False
            if text[lo:m.start].rstrip().endswith(",") and _subject_like(text, m):
                return _who(m)
    return None


#: how far (in characters) a sentence-opening pronoun may stand before a verb it is the subject of
PRONOUN_VERB_REACH = 300
#: a relative or subordinate clause between a sentence's subject and a later verb: that verb may be the clause's
_CLAUSE_BETWEEN = re.compile(r"\b(?:who|whom|which|that|when|while|because|after|before|if|since|although)\b|[;:\"“”]",
                             re.IGNORECASE)


def _pronoun_opening(text: str, lo: int, before: int, mentions: Sequence[Mention]) -> Who | None:
    """The antecedent of a subject pronoun opening the sentence, for a second verb of its clause ("He
    also blasted X, Iran's rival in the region, and added, '...'" -> whom *He* means); None when a
    relative or subordinate clause stands between, whose own subject the verb may have.

    Example:
        >>> t = "Ann Reyes spoke. She criticised the cuts and added"
        >>> _pronoun_opening(t, 17, len(t) - 5, [Mention(0, 9, "Ann Reyes", "person", "f", True)]).name
        'Ann Reyes'
    """
    opening = _opening_pronoun(text, lo, before)
    # a verb far from the opening pronoun is not read as its own: the bound also keeps the clause test
    # below from scanning a whole long sentence for every cue (quadratic in one sentence of many cues)
    if opening is None or before - opening.end() > PRONOUN_VERB_REACH \
            or _CLAUSE_BETWEEN.search(text, opening.end(), before):
        return None
    p = opening.group("p")
    # '"...," he said. He also blasted X and added': the same *he* as the tag just before, resolved there
    back = max(0, lo - 300)
    tags = list(re.finditer(rf"\b{p.lower()}\s+(?:{cues.SPEECH_VERBS})\b", text[back:lo], re.IGNORECASE))
    at = opening.start("p")
    if tags and _LAST_CLAUSE.fullmatch(text, back + tags[-1].end(), lo):
        at = back + tags[-1].start()
    ante = resolve_pronoun(p, at, mentions, text)
    return _who(ante, p) if ante else None


def _opening_pronoun(text: str, lo: int, before: int) -> re.Match[str] | None:
    """The subject pronoun opening the sentence at ``lo``, after a conjunction too ("And she was quoted")."""
    conj = _OPENING_CONJUNCTION.match(text, lo, before)
    return _OPENING_PRONOUN.match(text, conj.end() if conj else lo, before)


#: a participle of its clause's subject follows a comma or "as" ("..., saying", "was quoted as saying"); one
#: right after a noun modifies that noun ("a letter calling it ...")
_SUBJECT_PARTICIPLE = re.compile(r"(?:,|\bas)[ \t]*$")


def _participle_pronoun_subject(text: str, lo: int, start: int, mentions: Sequence[Mention]) -> Who | None:
    """For a participle after a comma or "as" in a sentence opened by *he*, *she* or *they* ("She was quoted as
    saying that ...", "He spoke to reporters, saying ..."): whom the pronoun means (see :func:`_pronoun_opening`).
    *It* opens many sentences as a placeholder ("It went unnoticed in ..."): no speaker.

    Example:
        >>> t = "Ann Reyes spoke. She was quoted as saying"
        >>> _participle_pronoun_subject(t, 17, t.index("saying"), [Mention(0, 9, "Ann Reyes", "person", "f", True)]).name
        'Ann Reyes'
    """
    if not _SUBJECT_PARTICIPLE.search(text, max(lo, start - 4), start):
        return None
    opening = _opening_pronoun(text, lo, start)
    if opening is None or opening.group("p").lower() == "it":
        return None
    return _pronoun_opening(text, lo, start, mentions)


#: what may follow a tag to the end of its sentence: no other sentence, quote or clause break
_LAST_CLAUSE = re.compile(r"[^.!?;:\"“”]*[.!?][\"”’]?\s*")


#: a participle opening its sentence ("In declaring the disease ...,"): the subject follows it
_FRONTED = re.compile(r"\s*(?:(?:In|By|After|While|When|Before|Since|Despite)\s+)?$")


def fronted_subject(text: str, lo: int, cue_end: int, hi: int, mentions: Sequence[Mention]) -> Who | None:
    """The subject after a sentence-opening participle phrase: the first mention right after a comma.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> from analysis.statements.mentions import find_mentions
        >>> t = "In calling it a crime, Peskov went further."
        >>> fronted_subject(t, 0, 10, len(t), find_mentions(t, default_registry())).name
        'Dmitry Peskov'
    """
    if not _FRONTED.fullmatch(text, lo, cue_end - len(_last_word(text, cue_end))):
        return None
    for m in _starting(mentions, cue_end, hi):
        if m.in_quote or m.possessive:
            continue
        if _AFTER_COMMA.search(text, cue_end, m.start):
            return _who(m)
    return None


_AFTER_COMMA = re.compile(r",[”\"’]?\s*(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov)\.?\s+)?$")


def _last_word(text: str, end: int) -> str:
    w = re.search(r"\w+$", text[max(0, end - 30):end])
    return w.group() if w else ""


def _noun_owner(text: str, lo: int, hi: int, mentions: Sequence[Mention]) -> Who | None:
    owner = None
    for m in _starting(mentions, lo, hi):
        if lo <= m.start and m.end < hi and m.possessive and not m.in_quote:
            noun = cues.SPEECH_NOUN.match(text, m.end)
            if noun and noun.end() <= hi:
                owner = _who(m)
    return owner


def _relayed_speaker(relayed: re.Match[str], mentions: Sequence[Mention]) -> Who:
    """The person an outlet reports as saying something ("Belta reported Lukashenko as saying")."""
    s, e = relayed.span(1)
    for m in _starting(mentions, s, e):
        if s <= m.start and m.end <= e and m.kind == "person":
            return _who(m)
    return Who(relayed.group(1), False, as_written=relayed.group(1))


#: a message someone received, right before a participle: its sender, not the receiver, speaks
_RECEIVED_NOUN = re.compile(r"\b(?:got|gets|received|receives|receiving|obtained|saw|read|found|was\s+sent|were\s+sent|"
                            r"was\s+given|were\s+given)\s+(?:an?|the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:message|e-?mail|"
                            r"letter|text|note|notice|alert|call|warning|memo|leaflet|flyer|sms)s?\s*,?\s*$",
                            re.IGNORECASE)


def cue_events(text: str, sentence: tuple[int, int], quotes: Sequence[QuoteSpan],
               mentions: Sequence[Mention]) -> list[CueEvent]:
    """All cue events of one sentence, in order, with resolved speakers (or None).

    ``quotes`` may be all quotes of the text or only those overlapping the
    sentence; ``mentions`` all mentions of the text (a :class:`SortedMentions`
    for long texts).
    """
    lo, hi = sentence
    events: list[CueEvent] = []
    found: list[tuple[str, re.Match[str]]] = []
    bounds = _QuoteBounds(quotes)
    for family, rx in (("finite", cues.SPEECH), ("participle", cues.PARTICIPLE),
                       ("naming", cues.NAMING), ("according", cues.ACCORDING)):
        found += [(family, m) for m in rx.finditer(text, lo, hi) if bounds.outside(m.start())]
    found.sort(key=lambda fm: (fm[1].start(), fm[0] != "naming"))
    taken_until = lo
    for family, m in found:
        if m.start() < taken_until:
            continue
        taken_until = m.end()
        events.append(_event(text, family, m, lo, hi, bounds, mentions, events))
    for owner in _starting(mentions, lo, hi):
        if lo <= owner.start < hi and owner.possessive and not owner.in_quote:
            noun = cues.SPEECH_NOUN.match(text, owner.end)
            if noun:
                events.append(CueEvent("noun", noun.start("noun"), noun.end(), noun.group("noun"),
                                       _who(owner), owner.start, True))
    events.sort(key=lambda e: e.start)
    return events


def _event(text: str, family: str, m: re.Match[str], lo: int, hi: int, quotes: _QuoteBounds,
           mentions: Sequence[Mention], earlier: list[CueEvent]) -> CueEvent:
    verb = m.group("verb")
    if family == "according":
        return CueEvent(family, m.start(), m.end(), verb, subject_after(text, m.end(), hi, mentions, True),
                        m.start(), False)
    window_lo = quotes.last_end(lo, m.start())
    is_participle = (family == "participle" or verb.lower().endswith("ing") or verb.lower().startswith("referring")
                     or verb.lower().startswith("to "))
    if is_participle:
        relayed = cues.RELAYED_BEFORE.search(text, max(lo, m.start() - 80), m.start())
        if relayed is not None:
            return CueEvent(family, m.start(), m.end(), verb, _relayed_speaker(relayed, mentions),
                            relayed.start(), True, relayed=True)
        if _RECEIVED_NOUN.search(text, max(lo, m.start() - 80), m.start()):
            # "X got a message saying ...": the words of whoever sent it, not of X
            return CueEvent(family, m.start(), m.end(), verb, None, m.start(), False)
        who = (_noun_owner(text, lo, m.start(), mentions)
               or next((e.who for e in reversed(earlier) if e.who and e.family == "finite"), None)
               or sentence_subject(text, lo, m.start(), mentions)
               or _participle_pronoun_subject(text, lo, m.start(), mentions)
               or fronted_subject(text, lo, m.end(), hi, mentions))
        return CueEvent("participle" if family != "naming" else family, m.start(), m.end(), verb, who,
                        m.start(), False)
    who, span_start, relative = subject_before(text, m.start(), window_lo, mentions)
    before = who is not None
    # after a quote, or opening a line in lower case ('"...,"\nsaid Maria Lopez'): the name follows
    if who is None and (window_lo > lo or text[m.start()].islower()) and not text[window_lo:m.start()].strip(" ,"):
        who, span_start = subject_after(text, m.end(), hi, mentions), m.start()
    if who is None and _PARENTHETICAL_OPEN.search(text, window_lo, m.start()) and _INVERTED_TAG.match(text, m.end(), hi):
        # "That ban, declared the council, applies ...", "Francis, writes Royal, “...”": an inserted tag
        who, span_start = subject_after(text, m.end(), hi, mentions), m.start()
    if who is None and _coordinated_before(text, lo, m.start()):
        who = sentence_subject(text, lo, m.start(), mentions) or _pronoun_opening(text, lo, m.start(), mentions)
        before = who is not None
    if relative and span_start > lo and text[lo:span_start].rstrip().endswith(("who", "Who")):
        who = None  # "Ukrainians, who called it ..." names no speaker we can identify
    return CueEvent(family, m.start(), m.end(), verb, who, span_start, before, relative)
