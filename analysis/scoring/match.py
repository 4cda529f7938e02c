"""Find lexicon terms in text as spans with offsets into the original text.

All entry variants (inflections, hyphen/space spellings; see
:mod:`analysis.scoring.variants`) are compiled once into one Aho-Corasick
automaton (``pyahocorasick``) and run over the normalised copy of the text
(:mod:`analysis.scoring.normalize`), so the per-text cost is one C scan plus
a little Python per candidate hit.

A hit counts when it is a whole word: the characters around it are not
letters/digits.  A hyphen counts as a boundary ("neo-Nazi-led" contains
"neo-Nazi"), except after a negating prefix ("non-violent", "anti-war",
"counter-terrorism" do not contain "violent", "war", "terrorism").  A
trailing possessive "'s" is allowed ("regime's").

Then, per hit: the entry's context rules (:mod:`analysis.scoring.rules`);
negation of boosters (a certainty term with a negator within three tokens
before it, e.g. "not certain", "not at all clear", is counted as a *hedge*,
rule ``negated booster -> hedge``); and overlaps.  Overlaps are resolved
longest-leftmost within three groups: hostility, loaded, and stance
(hedging + certainty together, because "no doubt" must not also count its
"doubt"), and naming.  The same words count in one of hostility, loaded
and naming only: the longest span wins, on equal length hostility before
loaded before naming.  "neo-Nazi regime" is a hostile label and not also the
loaded "regime"; "Kiev regime" is loaded language, not the naming "Kiev";
"Russian aggression" is loaded, not also the hostile "aggression".  Stance (hedging, certainty) may overlap
them.

Use against mention (:func:`analysis.scoring.rules.mention_of`): a hit after
"so-called", "what X calls", "X's term" or in scare quotes is a *mention*
(``Match.mention``; ``Match.holder`` is X where the text names it).  It
stays in the matches but is not counted unless ``count_mentions=True``.

Naming entries are counted in ``naming`` and in their side's slot
(``COUNT_SLOTS``: ``naming_russian`` ...).

:func:`compile_lexicon` builds a lexicon's :class:`Matcher` once and caches
it (outside the lexicon, which stays plain data).  :meth:`Matcher.find`
returns the matches; :meth:`Matcher.counts` and :meth:`Matcher.counts_many`
(a batch, one automaton scan) return only the number and weight sum per
dimension (:class:`Counts`), by the same candidate and overlap code, for
``score_frame``.

Example:
    >>> from analysis.scoring.lexicon import Lexicon
    >>> matcher = compile_lexicon(Lexicon.builtin())
    >>> matcher is compile_lexicon(Lexicon.builtin())
    True
    >>> matcher.counts("They are idiots.").of("hostility")
    (1, 1.5)
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ahocorasick

from analysis.constants import NAMING, NAMING_SIDES, SCORED_DIMENSIONS
from analysis.scoring.lexicon import Lexicon, LexiconEntry
from analysis.scoring.normalize import OffsetMap, normalize_for_match
from analysis.scoring.rules import MentionIndex, may_mention, mention_of, negated, parse_context
from analysis.scoring.variants import expand

_GROUP = {"hostility": 0, "loaded": 1, "hedging": 2, "certainty": 2, NAMING: 3}
_STANCE_GROUP = 2
#: What Counts.n and Counts.weight hold, in order: each scored dimension, then
#: naming per side (a naming match counts in ``naming`` and ``naming_<side>``).
COUNT_SLOTS: tuple[str, ...] = (*SCORED_DIMENSIONS, *(f"{NAMING}_{side}" for side in NAMING_SIDES))
_N_SLOTS = len(COUNT_SLOTS)
_DIM_INDEX = {d: i for i, d in enumerate(COUNT_SLOTS)}
_HEDGING = _DIM_INDEX["hedging"]
# joins normalised texts in Matcher.counts_many (checked to occur in no text or key)
_SEP = "\x00"
#: one candidate hit: (group, start, end, entry, rule note, negated, mention) in
#: normalised offsets; mention is None for a use, else the holder ("" if unnamed)
_Cand = tuple[int, int, int, "_Compiled", str, bool, "str | None"]
MENTION_RULE = "mention"
_NEG_PREFIXES = frozenset({"non", "anti", "counter", "un", "de", "ex", "pseudo", "post", "pre"})
NEGATED_BOOSTER_RULE = "negated booster -> hedge"


class Match(NamedTuple):
    """One counted lexicon hit (immutable).  ``text[start:end] == surface``.

    ``term`` is the lexicon entry (normalised), ``dimension`` the dimension
    it is counted in (a negated booster is counted in ``hedging`` with
    category ``negated_booster``), ``start``/``end`` offsets into the text
    as given, ``weight`` the entry's weight (what ``d_score`` sums), ``side``
    the side a loaded term belongs to (empty for other dimensions), ``rule``
    explains any non-trivial decision, ``note`` is the entry's
    source/rationale, ``mention`` says the narrator mentions someone else's
    term rather than using it (not counted by default) and ``holder`` whose
    term it is when the text says so ("Moscow" in "what Moscow calls ...").  A named tuple because texts produce many of them and
    tuples are cheap to build.

    Example:
        >>> text = "It is not certain."
        >>> m = find_matches(text)[0]
        >>> m.term, m.dimension, m.category, text[m.start:m.end] == m.surface
        ('certain', 'hedging', 'negated_booster', True)
        >>> m.rule
        'predicative use; negated booster -> hedge'
    """

    term: str
    dimension: str
    category: str
    start: int
    end: int
    weight: float
    side: str
    surface: str
    rule: str = ""
    note: str = ""
    mention: bool = False
    holder: str = ""

    def to_dict(self) -> dict[str, object]:
        """Plain dict of the fields.

        Example:
            >>> Match("x", "hedging", "c", 0, 1, 1.0, "", "x").to_dict()["dimension"]
            'hedging'
        """
        return dict(self._asdict())


class Counts(NamedTuple):
    """Number of matches and sum of their weights per dimension.

    ``n[i]`` and ``weight[i]`` belong to ``COUNT_SLOTS[i]`` (the scored
    dimensions, then naming per side); :meth:`of` reads one slot by name.

    Example:
        >>> c = Counts.of_matches(find_matches("They are idiots; it may fail."))
        >>> c.of("hostility"), c.of("hedging"), c.of("loaded")
        ((1, 1.5), (1, 1.0), (0, 0.0))
        >>> Counts.of_matches(find_matches("Troops left Kiev.")).of("naming_russian")
        (1, 1.0)
    """

    n: tuple[int, ...]
    weight: tuple[float, ...]

    def of(self, dimension: str) -> tuple[int, float]:
        """``(number of matches, sum of weights)`` of one dimension."""
        i = _DIM_INDEX[dimension]
        return self.n[i], self.weight[i]

    @classmethod
    def of_matches(cls, matches: Iterable[Match], *, count_mentions: bool = False) -> Counts:
        """Tally matches (in the order given, which fixes the float sums); mentions only if asked."""
        n = [0] * _N_SLOTS
        w = [0.0] * _N_SLOTS
        for m in matches:
            if m.mention and not count_mentions:
                continue
            d = _DIM_INDEX[m.dimension]
            n[d] += 1
            w[d] += m.weight
            if m.dimension == NAMING:
                k = _DIM_INDEX[f"{NAMING}_{m.side}"]
                n[k] += 1
                w[k] += m.weight
        return cls(tuple(n), tuple(w))


#: What :meth:`Matcher.counts` returns for a text without matches.
ZERO_COUNTS: Counts = Counts((0,) * _N_SLOTS, (0.0,) * _N_SLOTS)


def _cand_order(t: _Cand) -> tuple[int, int, int]:
    return (t[0], t[1], t[1] - t[2])


def _match_order(m: Match) -> tuple[int, int]:
    return (m.start, m.end)


class _Compiled:
    __slots__ = ("entry", "rules", "negatable", "group", "dim", "side_slot", "weight", "alone", "alone_negated")

    def __init__(self, entry: LexiconEntry) -> None:
        self.entry = entry
        self.rules = parse_context(entry.context)
        self.negatable = entry.dimension == "certainty"
        self.group = _GROUP[entry.dimension]
        self.dim = _DIM_INDEX[entry.dimension]
        self.side_slot = _DIM_INDEX[f"{NAMING}_{entry.side}"] if entry.dimension == NAMING else -1
        self.weight = entry.weight
        # The Counts of a text whose only counted match is this entry (used,
        # or negated), built by _tally itself so the sums are the same bits:
        # most texts with a hit have one.
        self.alone = _tally([(self.group, 0, 1, self, "", False, None)], False)
        self.alone_negated = _tally([(self.group, 0, 1, self, "", True, None)], False)


def _hit(
    cands: list[_Cand], norm: str, n: int, s: int, e: int, comps: tuple[_Compiled, ...],
    text: str, offsets: OffsetMap | None,
) -> None:
    """Append the candidates of one automaton hit ``norm[s:e]`` that are whole
    words and pass their context rules."""
    if s > 0:
        c = norm[s - 1]
        if c.isalnum():
            return
        if (c == "-" or c == "'") and s > 1 and norm[s - 2].isalnum():
            if c == "'":
                return
            j = s - 2
            while j >= 0 and norm[j].isalnum():
                j -= 1
            if norm[j + 1 : s - 1] in _NEG_PREFIXES:
                return
    if e < n:
        c = norm[e]
        if c.isalnum():
            return
        # not a whole word if an apostrophe continues it ("don't"), unless it is a possessive 's
        if (
            c == "'" and e + 1 < n and norm[e + 1].isalnum()
            and (norm[e + 1] != "s" or (e + 2 < n and norm[e + 2].isalnum()))
        ):
            return
    os_ = s if offsets is None else offsets[s]
    mention: str | None = None
    looked = False  # the mention check runs once per hit, and only for a hit that counts
    for comp in comps:
        note = ""
        ok = True
        for rule in comp.rules:
            r = rule(norm, s, e, text, os_)
            if r is None:
                ok = False
                break
            if r:
                note = r if not note else f"{note}; {r}"
        if not ok:
            continue
        neg = comp.negatable and negated(norm, s)
        if not looked and comp.group != _STANCE_GROUP:  # a hedge or booster is the narrator's stance
            mention, looked = _mention(norm, s, e, text, offsets), True
        cands.append((comp.group, s, e, comp, note, neg, mention))


# The last normalised text looked at and its MentionIndex (None: it has no
# double quote and no cue word, so no hit in it is a mention): built once per
# text, not once per hit.
_LAST_TEXT: list[str | None] = [None]
_LAST_INDEX: list[MentionIndex | None] = [None]


def _mention(norm: str, s: int, e: int, text: str, offsets: OffsetMap | None) -> str | None:
    """None for a use; for a mention the holder as written in ``text`` ("" if not named)."""
    if _LAST_TEXT[0] is not norm:
        _LAST_TEXT[0], _LAST_INDEX[0] = norm, (MentionIndex.of(norm) if may_mention(norm) else None)
    index = _LAST_INDEX[0]
    if index is None:
        return None
    is_mention, hs, he = mention_of(norm, s, e, index)
    if not is_mention:
        return None
    if hs < 0:
        return ""
    a, b = (hs, he) if offsets is None else (offsets[hs], offsets[he - 1] + 1)
    holder = text[a:b]
    return holder[4:] if holder[:4].lower() == "the " else holder


def _tally(selected: list[_Cand], count_mentions: bool) -> Counts:
    # weights are added in text order within each dimension, as Counts.of_matches(find()) does
    n = [0] * _N_SLOTS
    w = [0.0] * _N_SLOTS
    for cand in selected:
        if cand[6] is not None and not count_mentions:
            continue
        comp = cand[3]
        d = _HEDGING if cand[5] else comp.dim
        n[d] += 1
        w[d] += comp.weight
        if comp.side_slot >= 0:
            n[comp.side_slot] += 1
            w[comp.side_slot] += comp.weight
    return Counts(tuple(n), tuple(w))


def _text_counts(cands: list[_Cand], count_mentions: bool) -> Counts:
    """``_tally(Matcher._select(cands), count_mentions)`` of a text's (non-empty) candidates."""
    if len(cands) == 1:  # nothing to select, and the sums are precomputed
        cand = cands[0]
        if cand[6] is not None and not count_mentions:
            return ZERO_COUNTS
        return cand[3].alone_negated if cand[5] else cand[3].alone
    return _tally(Matcher._select(cands), count_mentions)


class Matcher:
    """A lexicon compiled for matching.  Get one via :func:`compile_lexicon` (cached).

    Example:
        >>> m = compile_lexicon(Lexicon.builtin())
        >>> [(x.term, x.category) for x in m.find("They are idiots.") if x.dimension == "hostility"]
        [('idiot', 'insult')]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        table: dict[str, dict[str, tuple[bool, _Compiled]]] = {}
        for entry in lexicon.entries:
            comp = _Compiled(entry)
            for key in expand(entry.term, inflect=entry.match == "inflect"):
                slot = table.setdefault(key, {})
                exact = key == entry.term
                prev = slot.get(entry.dimension)
                # the same surface from two entries: the entry spelled exactly so wins
                if prev is None or (exact and not prev[0]):
                    slot[entry.dimension] = (exact, comp)
        self.n_keys = len(table)
        self._automaton = ahocorasick.Automaton()
        for key, slot in table.items():
            self._automaton.add_word(key, (len(key), tuple(c for _, c in slot.values())))
        if table:
            self._automaton.make_automaton()
        self._empty = not table
        self._sep_free = not any(_SEP in key for key in table)  # see counts_many

    def _candidates(self, text: str) -> tuple[list[_Cand], OffsetMap | None]:
        """Whole-word hits that pass their context rules (unordered), and the offset map."""
        norm, offsets = normalize_for_match(text)
        cands: list[_Cand] = []
        hit = _hit
        n = len(norm)
        for end_i, (klen, comps) in self._automaton.iter(norm):
            hit(cands, norm, n, end_i + 1 - klen, end_i + 1, comps, text, offsets)
        return cands, offsets

    def counts_many(self, texts: Sequence[str], *, count_mentions: bool = False) -> list[Counts]:
        """``[self.counts(t, count_mentions=...) for t in texts]`` (non-empty strings), with one automaton scan.

        The normalised texts are joined by a separator that no text and no key
        contains, so a hit lies within one text; each is then judged on that
        text alone, exactly as :meth:`counts` does.

        Example:
            >>> m = compile_lexicon(Lexicon.builtin())
            >>> [c.of("hostility")[0] for c in m.counts_many(["They are idiots.", "Fine."])]
            [1, 0]
        """
        if self._empty or not texts:
            return [ZERO_COUNTS] * len(texts)
        normed = list(map(normalize_for_match, texts))
        norms = [x[0] for x in normed]
        joined = _SEP.join(norms)
        if not self._sep_free or joined.count(_SEP) != len(norms) - 1:
            return [self.counts(t, count_mentions=count_mentions) for t in texts]
        per_text: list[list[_Cand] | None] = [None] * len(texts)
        hit = _hit
        k = -1
        base = stop = n = 0
        norm = text = ""
        offsets: OffsetMap | None = None
        cands: list[_Cand] = []
        for end_i, (klen, comps) in self._automaton.iter(joined):
            if end_i >= stop:  # hits come by end position: move on to the text holding this one
                while end_i >= stop:
                    k += 1
                    base = stop + 1 if k else 0
                    stop = base + len(norms[k])
                norm, offsets = normed[k]
                n, text = len(norm), texts[k]
                cands = per_text[k] = []
            e = end_i + 1 - base
            hit(cands, norm, n, e - klen, e, comps, text, offsets)
        return [ZERO_COUNTS if not c else _text_counts(c, count_mentions) for c in per_text]

    @staticmethod
    def _select(cands: list[_Cand]) -> list[_Cand]:
        """Longest-leftmost non-overlapping candidates within each group.

        The result is ordered by group, then start; within a group starts
        strictly increase, so each dimension's matches come in text order.
        The same words count once across hostility, loaded and naming
        (:func:`_one_label_per_span`).
        """
        if len(cands) > 1:
            cands.sort(key=_cand_order)
        out: list[_Cand] = []
        last_group = -1
        last_end = -1
        for cand in cands:
            group, s, e = cand[0], cand[1], cand[2]
            if group != last_group:
                last_group, last_end = group, -1
            if s < last_end:
                continue
            last_end = e
            out.append(cand)
        if len(out) > 1:
            out = _one_label_per_span(out)
        return out

    def find(self, text: str) -> list[Match]:
        """All counted matches in ``text``, ordered by start offset."""
        if self._empty or not text:
            return []
        cands, offsets = self._candidates(text)
        if not cands:
            return []
        out: list[Match] = []
        for _, s, e, comp, note, neg, held in self._select(cands):
            ent = comp.entry
            if offsets is None:
                a, b = s, e
            else:
                a, b = offsets[s], offsets[e - 1] + 1
            if held is not None:
                note = MENTION_RULE if not note else f"{note}; {MENTION_RULE}"
            mention, holder = held is not None, held or ""
            if neg:
                out.append(
                    Match(ent.term, "hedging", "negated_booster", a, b, ent.weight, "", text[a:b],
                          NEGATED_BOOSTER_RULE if not note else f"{note}; {NEGATED_BOOSTER_RULE}", ent.note,
                          mention, holder)
                )
            else:
                out.append(Match(ent.term, ent.dimension, ent.category, a, b, ent.weight, ent.side, text[a:b],
                                 note, ent.note, mention, holder))
        if len(out) > 1:
            out.sort(key=_match_order)
        return out

    def counts(self, text: str, *, count_mentions: bool = False) -> Counts:
        """Number of matches and sum of their weights per dimension, without building them.

        The same numbers as ``Counts.of_matches(self.find(text), count_mentions=...)``
        (same matches, weights added in the same text order).

        Example:
            >>> compile_lexicon(Lexicon.builtin()).counts("They are idiots.").of("hostility")
            (1, 1.5)
        """
        if self._empty or not text:
            return ZERO_COUNTS
        cands = self._candidates(text)[0]
        if not cands:
            return ZERO_COUNTS
        return _text_counts(cands, count_mentions)


def _label_order(c: _Cand) -> tuple[int, int, int]:
    return (c[1] - c[2], c[0], c[1])  # longest first, then hostility < loaded < naming, then leftmost


def _overlapping(cands: list[_Cand]) -> bool:
    """Whether any two of ``cands`` overlap (spans are never empty)."""
    end = -1
    for s, e in sorted([(c[1], c[2]) for c in cands]):
        if s < end:
            return True
        end = e  # > every earlier end, as nothing overlapped so far
    return False


def _one_label_per_span(selected: list[_Cand]) -> list[_Cand]:
    """``selected`` without hostility/loaded/naming candidates that overlap a preferred one.

    The same words count in one of those dimensions only: the longest span
    wins, and on equal length hostility before loaded before naming.  Stance
    candidates are kept as they are.  The order of ``selected`` is kept.
    """
    labels = [c for c in selected if c[0] != _STANCE_GROUP]
    if len({c[0] for c in labels}) < 2 or not _overlapping(labels):
        return selected  # overlaps within a group are resolved already; none across groups
    kept: list[_Cand] = []
    for c in sorted(labels, key=_label_order):
        s, e = c[1], c[2]
        for k in kept:  # a plain loop: cheaper than all() over a generator
            if s < k[2] and k[1] < e:
                break  # overlaps a preferred one
        else:
            kept.append(c)
    keep = set(map(id, kept))
    return [c for c in selected if c[0] == _STANCE_GROUP or id(c) in keep]


# Lexicon -> its Matcher.  Keyed weakly by identity (Lexicon has eq=False), so
# a lexicon stays plain data, pickles without its automaton, and a compiled
# matcher goes away with its lexicon.
_COMPILED: weakref.WeakKeyDictionary[Lexicon, Matcher] = weakref.WeakKeyDictionary()


def compile_lexicon(lexicon: Lexicon) -> Matcher:
    """The :class:`Matcher` of ``lexicon``, built on first use and then reused.

    Example:
        >>> lex = Lexicon.builtin("hedging")
        >>> compile_lexicon(lex) is compile_lexicon(lex)
        True
        >>> [m.surface for m in compile_lexicon(lex).find("It may rain.")]
        ['may']
    """
    if not isinstance(lexicon, Lexicon):
        raise TypeError(f"compile_lexicon expects a Lexicon, got {type(lexicon).__name__}")
    matcher = _COMPILED.get(lexicon)
    if matcher is None:
        matcher = _COMPILED[lexicon] = Matcher(lexicon)
    return matcher


def find_matches(text: str, lexicon: Lexicon | None = None) -> list[Match]:
    """Convenience: matches of ``lexicon`` (default: built-in) in ``text``.

    Example:
        >>> [(m.surface, m.dimension) for m in find_matches("It is not certain.")]
        [('certain', 'hedging')]
    """
    lex = Lexicon.builtin() if lexicon is None else lexicon
    return compile_lexicon(lex).find(text)
