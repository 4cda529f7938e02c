"""The extractor before it was made near-linear: the oracle of ``test_extract_linear.py``.

These are the quadratic versions of every function the speed fix rewrote
(``statements/{sentences,attribution,mentions,cataphora,extract}.py`` as of the
commit before it), unchanged except that they live here and call each
other; everything they did not touch is imported from the package.  Do not
use them for anything but comparison: they take minutes on a 500 KB text.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.statements import cues
from analysis.statements.attribution import (
    _CAPITAL_WORD,
    _COORDINATED,
    _INTRO,
    _OUTLET,
    _PRONOUN,
    _RELATIVE,
    _REPORT_OF,
    _TITLE_WORDS,
    CueEvent,
    Who,
    _who,
)
from analysis.statements.cataphora import (
    MAX_PARAGRAPHS_AHEAD,
    NEUTRAL_MODIFIERS,
    _compact,
    _country_words,
    _has_head,
    _indefinite_head,
    registry_role_words,
)
from analysis.statements.extract import (
    _ATTRIBUTION_GAP,
    _CLOSING_PUNCT,
    _DATELINE,
    COLUMNS,
    LOCAL_CUE_CHARS,
    MIN_ECHO_WORDS,
    Piece,
    _clause_ranges,
    _normalized,
    _share_within_groups,
    _trimmed,
)
from analysis.statements.mentions import (
    _FORMER,
    _TITLE_GAP,
    BARE_DESCRIPTOR,
    DESCRIPTOR,
    NAME,
    NAME_STOP,
    ORG_HEADS,
    REP_HEADS,
    Mention,
    _adjectival,
    _bare_ok,
    _descriptor_entity,
    _gender_of,
    _Patterns,
    _patterns,
    _possessive,
    normalize_alias,
    role_phrase,
    words_of,
)
from analysis.statements.passages import find_passages
from analysis.statements.quotes import QuoteSpan, find_quotes, paragraph_spans
from analysis.statements.sentences import _BOUNDARY, _is_abbreviation, _trim
from analysis.statements.speakers import SpeakerRegistry


def reference_extract_statements(
    text: str,
    speakers: SpeakerRegistry | str | Path | pd.DataFrame | None = None,
    *,
    narrator: str = "",
    passages: Iterable[tuple[int, int, str]] | None = None,
) -> pd.DataFrame:
    """``extract_statements`` as it was, built from the functions below."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return _frame([], "", SpeakerRegistry([]), [], narrator)
    registry = SpeakerRegistry.coerce(speakers)
    pieces = statement_pieces(text, registry)
    pieces += narration_pieces(text, pieces)
    pieces.sort(key=lambda p: p.start)
    found = list(passages) if passages is not None else find_passages(text)
    return _frame(pieces, text, registry, found, narrator)


# --- analysis/statements/sentences.py ---------------------------------------------


def sentence_spans(text: str, quotes: Sequence[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence, white space trimmed, in text order.

    Example:
        >>> sentence_spans("One. Two")
        [(0, 4), (5, 8)]
    """
    quotes = find_quotes(text) if quotes is None else quotes
    inside = [(q.inner_start, q.inner_end) for q in quotes]
    spans: list[tuple[int, int]] = []
    for lo, hi in paragraph_spans(text):
        start = lo
        for m in _BOUNDARY.finditer(text, lo, hi):
            end = m.end()
            if any(s < m.start() and end <= e for s, e in inside):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, hi))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


# --- analysis/statements/attribution.py ---------------------------------------------


def resolve_pronoun(pronoun: str, pos: int, mentions: Sequence[Mention]) -> Mention | None:
    """The mention a subject pronoun at ``pos`` refers to, or None.

    Example:
        >>> m = [Mention(0, 6, "Peskov", "person", "m", True), Mention(10, 16, "Kallas", "person", "f", True)]
        >>> resolve_pronoun("he", 30, m).entity, resolve_pronoun("she", 30, m).entity
        ('Peskov', 'Kallas')
    """
    p = pronoun.lower()
    for m in reversed(mentions):
        if m.end > pos or m.in_quote or m.possessive and p == "it":
            continue
        if p == "it":
            if m.kind == "organisation":
                return m
            continue
        if m.kind != "person" or not (m.registered or m.source == "name"):
            continue
        if (p == "he" and m.gender == "f") or (p == "she" and m.gender == "m"):
            continue
        return m
    return None


def subject_before(text: str, cue_start: int, lo: int, mentions: Sequence[Mention]) -> tuple[Who | None, int, bool]:
    """(speaker, where the subject starts, is it in a relative clause) for a verb at ``cue_start``."""
    window = text[lo:cue_start]
    best: tuple[int, Who | None, int] | None = None  # (end, who, start)
    for m in reversed(mentions):
        if m.start < lo or m.end > cue_start or m.in_quote or m.possessive:
            continue
        if cues.SUBJECT_GAP.fullmatch(text, m.end, cue_start):
            best = (m.end, _who(m), m.start)
            break
    for pm in _PRONOUN.finditer(window):
        s, e = lo + pm.start(), lo + pm.end()
        if cues.SUBJECT_GAP.fullmatch(text, e, cue_start) and (best is None or e > best[0]):
            ante = resolve_pronoun(pm.group("p"), s, mentions)
            best = (e, _who(ante) if ante else None, s)
    if best is None:
        cw = _CAPITAL_WORD.search(text, lo, cue_start - 1) if cue_start - lo > 1 else None
        # a lone capitalised word is a name only where a common noun would not be capitalised
        if cw and cw.group(1) not in NAME_STOP and text[cw.end():cue_start].isspace() \
                and (text[lo - 1:lo] in ("\"", "”", "’", "'") or text[lo:cw.start()].strip()
                     and not text[lo:cw.start()].rstrip().endswith((".", ":"))):
            best = (cw.end(), Who(cw.group(1), False), cw.start())
    if best is None:
        return None, cue_start, False
    return best[1], best[2], bool(_RELATIVE.search(text, lo, best[2]))


def subject_after(text: str, cue_end: int, hi: int, mentions: Sequence[Mention]) -> Who | None:
    """The speaker named right after a cue ("said Graham", "according to Peskov")."""
    for m in mentions:
        if m.start >= cue_end and m.start < hi and not m.in_quote:
            gap = text[cue_end:m.start]
            if _TITLE_WORDS.fullmatch(gap) or _REPORT_OF.fullmatch(gap):
                return _who(m)
            break
    rep = _REPORT_OF.match(text, cue_end)
    at = rep.end() if rep else cue_end + (len(text[cue_end:hi]) - len(text[cue_end:hi].lstrip()))
    outlet = _OUTLET.match(text, at, hi)
    if rep and outlet:
        return Who(outlet.group(), False)
    return None


def sentence_subject(text: str, lo: int, before: int, mentions: Sequence[Mention]) -> Who | None:
    """The first mention of a sentence when only an intro phrase precedes it."""
    for m in mentions:
        if lo <= m.start < before and not m.in_quote and not m.possessive:
            return _who(m) if _INTRO.match(text[lo:m.start]) else None
    return None


def _noun_owner(text: str, lo: int, hi: int, mentions: Sequence[Mention]) -> Who | None:
    owner = None
    for m in mentions:
        if lo <= m.start and m.end < hi and m.possessive and not m.in_quote:
            noun = cues.SPEECH_NOUN.match(text, m.end)
            if noun and noun.end() <= hi:
                owner = _who(m)
    return owner


def cue_events(text: str, sentence: tuple[int, int], quotes: Sequence[QuoteSpan],
               mentions: Sequence[Mention]) -> list[CueEvent]:
    """All cue events of one sentence, in order, with resolved speakers (or None)."""
    lo, hi = sentence
    events: list[CueEvent] = []
    found: list[tuple[str, re.Match[str]]] = []
    for family, rx in (("finite", cues.SPEECH), ("participle", cues.PARTICIPLE),
                       ("naming", cues.NAMING), ("according", cues.ACCORDING)):
        found += [(family, m) for m in rx.finditer(text, lo, hi) if _outside(m.start(), quotes)]
    found.sort(key=lambda fm: (fm[1].start(), fm[0] != "naming"))
    taken_until = lo
    for family, m in found:
        if m.start() < taken_until:
            continue
        taken_until = m.end()
        events.append(_event(text, family, m, lo, hi, quotes, mentions, events))
    for m in mentions:
        if lo <= m.start < hi and m.possessive and not m.in_quote:
            noun = cues.SPEECH_NOUN.match(text, m.end)
            if noun:
                events.append(CueEvent("noun", noun.start("noun"), noun.end(), noun.group("noun"),
                                       _who(m), m.start, True))
    events.sort(key=lambda e: e.start)
    return events


def _event(text: str, family: str, m: re.Match[str], lo: int, hi: int, quotes: Sequence[QuoteSpan],
           mentions: Sequence[Mention], earlier: list[CueEvent]) -> CueEvent:
    verb = m.group("verb")
    if family == "according":
        return CueEvent(family, m.start(), m.end(), verb, subject_after(text, m.end(), hi, mentions),
                        m.start(), False)
    window_lo = max([lo] + [q.end for q in quotes if lo <= q.end <= m.start()])
    is_participle = family == "participle" or verb.lower().endswith("ing") or verb.lower().startswith("referring")
    if is_participle:
        who = (_noun_owner(text, lo, m.start(), mentions)
               or next((e.who for e in reversed(earlier) if e.who and e.family == "finite"), None)
               or sentence_subject(text, lo, m.start(), mentions))
        return CueEvent("participle" if family != "naming" else family, m.start(), m.end(), verb, who,
                        m.start(), False)
    who, span_start, relative = subject_before(text, m.start(), window_lo, mentions)
    before = who is not None
    if who is None and window_lo > lo and not text[window_lo:m.start()].strip(" ,"):
        who, span_start = subject_after(text, m.end(), hi, mentions), m.start()
    if who is None and _COORDINATED.search(text, lo, m.start()):
        who = sentence_subject(text, lo, m.start(), mentions)
        before = who is not None
    if relative and span_start > lo and text[lo:span_start].rstrip().endswith(("who", "Who")):
        who = None  # "Ukrainians, who called it ..." names no speaker we can identify
    return CueEvent(family, m.start(), m.end(), verb, who, span_start, before, relative)


def _outside(pos: int, quotes: Sequence[QuoteSpan]) -> bool:
    return not any(q.start <= pos < q.end for q in quotes)


# --- analysis/statements/mentions.py ---------------------------------------------


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _alias_mentions(text: str, registry: SpeakerRegistry, pats: _Patterns) -> list[Mention]:
    found: list[tuple[int, int]] = []
    for rx in (pats.sensitive, pats.insensitive):
        if rx is not None:
            found += [(m.start(), m.end()) for m in rx.finditer(text)]
    found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for s, e in found:
        if _overlaps((s, e), taken):
            continue
        canonical = registry.resolve(text[s:e])
        sp = registry.get(canonical) if canonical else None
        if sp is None:
            continue
        taken.append((s, e))
        mentions.append(Mention(s, e, sp.canonical, sp.kind, sp.gender, True, "alias",
                                _possessive(text, e), role_words=pats.role_words[sp.canonical]))
    # a role alias before a named person is that person's title ("Russian President Vladimir
    # Putin", "former Russian president and top security official Dmitry Medvedev"); after
    # "former"/"ex-" it names a past holder, not the registered one
    keep = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if normalize_alias(text[m.start:m.end]) in pats.role_aliases:
            if _FORMER.search(text, max(0, m.start - 12), m.start):
                continue
            if nxt is not None and nxt.kind == "person" and _TITLE_GAP.fullmatch(text[m.end:nxt.start]):
                continue
        keep.append(m)
    return keep


def find_mentions(text: str, registry: SpeakerRegistry, quotes: Sequence[QuoteSpan] = ()) -> list[Mention]:
    """All speaker-like mentions of ``text`` in order, linked to entities.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> t = "A Kremlin representative spoke. The representative left."
        >>> [m.entity for m in find_mentions(t, default_registry())]
        ['Kremlin', 'Kremlin']
    """
    pats = _patterns(registry)
    mentions = _alias_mentions(text, registry, pats)
    descriptors = [m for rx in (DESCRIPTOR, BARE_DESCRIPTOR) for m in rx.finditer(text)]
    descriptors = [d for d in descriptors if (d.group("det") or _bare_ok(d)) and not _adjectival(text, d)]
    mentions += _named_mentions(text, mentions, descriptors)
    mentions.sort(key=lambda m: m.start)
    mentions = _attach_titles_and_appositions(text, mentions, descriptors)
    mentions = _add_descriptor_mentions(text, registry, pats, mentions, descriptors)
    quote_spans = [(q.start, q.end) for q in quotes]
    for m in mentions:
        m.in_quote = _overlaps((m.start, m.end), quote_spans)
    return mentions


def _named_mentions(text: str, aliases: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    """Unregistered personal names confirmed by a title, apposition or speech verb."""
    from analysis.statements.cues import CUE_AFTER_NAME, CUE_BEFORE_NAME

    taken = [(m.start, m.end) for m in aliases]
    desc_ends = {d.end() for d in descriptors}
    out: list[Mention] = []
    for m in NAME.finditer(text):
        s, e = m.start(), m.end()
        tokens = m.group().split()
        while tokens and tokens[0] in NAME_STOP:
            s = text.index(tokens[0], s) + len(tokens[0])
            s += len(text[s:]) - len(text[s:].lstrip())
            tokens = tokens[1:]
        if len(tokens) < 2 or any(t in NAME_STOP for t in tokens) or _overlaps((s, e), taken):
            continue
        before = text[max(0, s - 40):s]
        titled = any(de in (s - 1, s) for de in desc_ends) or bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$", before))
        confirmed = (titled or CUE_AFTER_NAME.match(text, e) is not None
                     or CUE_BEFORE_NAME.search(before) is not None
                     or re.match(r",\s+(?:the|a|an|who)\b", text[e:e + 8]) is not None)
        if confirmed:
            out.append(Mention(s, e, " ".join(tokens), "person", "", False, "name", _possessive(text, e)))
    out += _surname_mentions(text, out, taken + [(m.start, m.end) for m in out])
    return out


def _surname_mentions(text: str, names: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for name in {m.entity: m for m in names}.values():
        surname = name.entity.split()[-1]
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text[name.end:]):
            s, e = name.end + m.start(), name.end + m.end()
            if not _overlaps((s, e), taken):
                out.append(replace(name, start=s, end=e, possessive=_possessive(text, e)))
                taken.append((s, e))
    return out


def _attach_titles_and_appositions(text: str, mentions: list[Mention],
                                   descriptors: list[re.Match[str]]) -> list[Mention]:
    by_entity: dict[str, frozenset[str]] = {}
    for d in descriptors:
        for m in mentions:
            if m.kind != "person":
                continue
            gap = text[d.end():m.start] if d.end() <= m.start else None
            after = text[m.end:d.start()] if m.end <= d.start() else None
            is_title = gap is not None and len(gap) <= 40 and _TITLE_GAP.fullmatch(gap)
            if is_title or (after is not None and re.fullmatch(r",\s*", after)):
                phrase = role_phrase(text, d) if after is not None else d.group()
                by_entity[m.entity] = by_entity.get(m.entity, frozenset()) | words_of(phrase)
    for m in mentions:
        if m.entity in by_entity:
            m.role_words = m.role_words | by_entity[m.entity]
            if not m.gender:
                m.gender = _gender_of(m.role_words)
    return mentions


def _add_descriptor_mentions(text: str, registry: SpeakerRegistry, pats: _Patterns,
                             mentions: list[Mention], descriptors: list[re.Match[str]]) -> list[Mention]:
    persons = [m for m in mentions if m.kind == "person"]
    out = list(mentions)
    seen: set[tuple[int, int]] = set()
    for d in sorted(descriptors, key=lambda d: (d.start(), -d.end())):
        span = (d.start(), d.end())
        if any(s <= span[0] < e for s, e in seen):
            continue
        # titles right before a name and appositions right after one are that name
        if any(d.end() <= p.start and p.start - d.end() <= 40 and _TITLE_GAP.fullmatch(text[d.end():p.start])
               for p in persons) \
                or any(re.fullmatch(r",\s*", text[p.end:d.start()] or "x") for p in persons):
            continue
        inner = [m for m in out if m.source == "alias" and span[0] <= m.start and m.end <= span[1]]
        head = d.group("head").lower()
        if any(m.start == span[0] and m.end == span[1] for m in inner) or any(
                _overlaps(span, [(m.start, m.end)]) and m not in inner for m in out):
            continue
        inner = [m for m in inner if not (m.kind == "person" and m.possessive)]
        orgs = [m for m in inner if m.kind == "organisation"]
        words = words_of(d.group())
        if orgs and head in REP_HEADS and d.group("det").lower() != "the":
            entity, kind, registered = orgs[-1].entity, "organisation", True
            words = words | orgs[-1].role_words
        elif orgs and re.fullmatch(ORG_HEADS, head):
            continue
        else:
            label, kind = _descriptor_entity(d.group("det"), d.group("mods"), d.group("head"))
            entity, registered = label, False
            if d.group("det").lower() == "the":
                antecedent = _antecedent(out, d.start(), head, words, kind)
                if antecedent is not None:
                    entity, kind, registered = antecedent.entity, antecedent.kind, antecedent.registered
                    words = words | antecedent.role_words
                elif registry.resolve(d.group()):
                    entity = registry.resolve(d.group()) or entity
                    sp = registry.get(entity)
                    kind, registered = (sp.kind if sp else kind), True
        for m in inner:
            out.remove(m)
        seen.add(span)
        gender = _gender_of(words)
        sp = registry.get(entity) if registered else None
        out.append(Mention(span[0], span[1], entity, kind, sp.gender if sp else gender, registered,
                           "descriptor", _possessive(text, span[1]), role_words=words))
    out.sort(key=lambda m: m.start)
    return out


def _antecedent(mentions: list[Mention], before: int, head: str, words: frozenset[str],
                kind: str) -> Mention | None:
    mods = words - {head}
    for m in sorted((m for m in mentions if m.end <= before), key=lambda m: m.start, reverse=True):
        if kind == "organisation" and m.kind != "organisation":
            continue
        if head in m.role_words and (not mods or mods & m.role_words):
            return m
    return None


# --- analysis/statements/cataphora.py ------------------------------------------


def resolve_cataphora(text: str, registry: SpeakerRegistry, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each safely resolvable indefinite role mention linked forward (copies).

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> from analysis.statements.mentions import find_mentions
        >>> reg = default_registry()
        >>> t = "A former senator objected.\\nSenator Lindsey Graham said so."
        >>> resolve_cataphora(t, reg, find_mentions(t, reg))[0].entity  # 'former' is unsupported
        'former senator'
    """
    paragraphs = paragraph_spans(text)
    starts = [s for s, _ in paragraphs]
    out = list(mentions)
    for i, m in enumerate(out):
        found = _indefinite_head(text, m)
        if found is None or not paragraphs:
            continue
        head, mods = found
        para = max(0, bisect.bisect_right(starts, m.start) - 1)
        limit = paragraphs[min(len(paragraphs) - 1, para + MAX_PARAGRAPHS_AHEAD)][1]
        ahead = [o for o in out[i + 1:] if m.end <= o.start < limit and o.kind == "person"
                 and not o.in_quote and _has_head(text, o, head)]
        if len({o.entity for o in ahead}) != 1 or not ahead[0].registered:
            continue
        speaker = registry.get(ahead[0].entity)
        if speaker is None or head not in registry_role_words(speaker):
            continue
        support = registry_role_words(speaker) | _country_words(speaker) | NEUTRAL_MODIFIERS | {
            _compact(w) for o in ahead for w in o.role_words}
        if mods <= support:
            out[i] = replace(m, entity=speaker.canonical, registered=True, gender=speaker.gender,
                             role_words=m.role_words | ahead[0].role_words)
    return out


# --- analysis/statements/extract.py ---------------------------------------------


def statement_pieces(text: str, registry: SpeakerRegistry) -> list[Piece]:
    """Quotes and reported clauses (no narration) with their speakers."""
    quotes = find_quotes(text)
    sentences = sentence_spans(text, quotes)
    mentions = resolve_cataphora(text, registry, find_mentions(text, registry, quotes))
    starts = [s for s, _ in sentences]
    events = [cue_events(text, s, quotes, mentions) for s in sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    quote_pieces = [_classify_quote(text, q, sentences[sentence_of(q.start)], events[sentence_of(q.start)],
                                    quotes) for q in quotes]
    reported: list[Piece] = []
    for sent, evs in zip(sentences, events):
        reported += _reported_pieces(text, sent, evs, quotes, reported)
    _fill_from_reported(quote_pieces, reported)
    _fill_from_context(text, quote_pieces, reported)
    _fill_from_echoes(text, quote_pieces)
    _share_within_groups(quote_pieces)
    return quote_pieces + reported


def _classify_quote(text: str, q: QuoteSpan, sentence: tuple[int, int], events: Sequence[CueEvent],
                    quotes: Sequence[QuoteSpan]) -> Piece:
    lo, hi = sentence
    inner = q.inner(text).strip()
    earlier = [o for o in quotes if lo <= o.start and o.end <= q.start]
    pre = text[max([lo] + [o.end for o in earlier]):q.start]
    pre = "" if _DATELINE.fullmatch(pre) else pre
    first_alpha = next((c for c in inner if c.isalnum()), "")
    starts_sentence = first_alpha.isupper() or first_alpha.isdigit()
    ends_clause = inner.endswith(_CLOSING_PUNCT) or not q.closed or not text[q.end:hi].strip()
    pre_events = [e for e in events if e.end <= q.start and e.who is not None and q.start - e.end <= 40]
    attributed_pre = pre.rstrip().endswith((":", ",")) and any(e.end >= q.start - len(pre) for e in pre_events)
    direct = q.continued or (starts_sentence and ends_clause and (not pre.strip() or attributed_pre))
    piece = Piece(q.start, q.end, "direct" if direct else "partial", group=q.group)
    post = _post_attribution(text, q, events, quotes)
    if direct:
        chosen = post or (pre_events[-1] if attributed_pre and pre_events else None)
    else:
        local = [e for e in events if e.end <= q.start and q.start - e.end <= LOCAL_CUE_CHARS and e.who]
        before = [e for e in events if e.end <= q.start and e.who and e.start >= lo]
        chosen = (local[-1] if local else None) or post or (before[-1] if before else None)
    if chosen is not None:
        piece.who, piece.cue = chosen.who, cues.cue_label(chosen.verb)
    return piece


def _post_attribution(text: str, q: QuoteSpan, events: Sequence[CueEvent],
                      quotes: Sequence[QuoteSpan]) -> CueEvent | None:
    nxt = min((o.start for o in quotes if o.start >= q.end), default=len(text))
    for e in events:
        if e.start >= q.end and e.start < nxt and e.family in ("finite", "according"):
            gap_end = e.span_start if e.subject_before else e.start
            if e.who and _ATTRIBUTION_GAP.fullmatch(text, q.end, max(q.end, gap_end)):
                return e
            return None
    return None


def _reported_pieces(text: str, sentence: tuple[int, int], events: Sequence[CueEvent],
                     quotes: Sequence[QuoteSpan], taken: Sequence[Piece]) -> list[Piece]:
    lo, hi = sentence
    out: list[Piece] = []
    usable = [e for e in events if e.who and not e.relative and e.family in ("finite", "participle", "according")]
    for i, e in enumerate(usable):
        nxt = next((u.span_start for u in usable[i + 1:] if u.span_start > e.end), hi)
        ranges = _clause_ranges(text, e, lo, hi, nxt)
        for s, t in ranges:
            for ps, pe in _minus(s, t, [(q.start, q.end) for q in quotes] +
                                 [(p.start, p.end) for p in [*taken, *out]]):
                if re.search(r"\w", text[ps:pe]):
                    out.append(Piece(ps, pe, "reported", e.who, cues.cue_label(e.verb)))
    return out


def _minus(s: int, e: int, holes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    parts = [(s, e)]
    for hs, he in holes:
        parts = [p for a, b in parts for p in ((a, min(b, hs)), (max(a, he), b)) if p[0] < p[1]]
    return parts


def _fill_from_reported(quote_pieces: list[Piece], reported: Sequence[Piece]) -> None:
    spans = sorted(reported, key=lambda p: p.start)
    for qp in quote_pieces:
        if qp.who is None and qp.kind == "partial":
            around = [r for r in spans if r.end <= qp.start and qp.start - r.end <= 2] + \
                     [r for r in spans if r.start >= qp.end and r.start - qp.end <= 2]
            if around:
                qp.who, qp.cue = around[0].who, around[0].cue


def _fill_from_context(text: str, quote_pieces: list[Piece], reported: Sequence[Piece]) -> None:
    paragraphs = paragraph_spans(text)
    starts = [s for s, _ in paragraphs]
    ordered = sorted(quote_pieces + list(reported), key=lambda p: p.start)
    for qp in quote_pieces:
        if qp.who is not None or qp.kind != "direct":
            continue
        para = bisect.bisect_right(starts, qp.start) - 1
        floor = starts[max(0, para - 1)]
        prior = [p for p in ordered if floor <= p.start < qp.start and p.who is not None]
        if prior:
            qp.who = prior[-1].who


def _fill_from_echoes(text: str, quote_pieces: list[Piece]) -> None:
    named = [(p, _normalized(text[p.start:p.end])) for p in quote_pieces if p.who and p.who.named]
    for qp in quote_pieces:
        if qp.who is not None and qp.who.named:
            continue
        words = _normalized(text[qp.start:qp.end])
        if len(words.split()) < MIN_ECHO_WORDS["unattributed" if qp.who is None else "descriptor"]:
            continue
        match = next((p for p, w in named if p is not qp and words in w), None)
        if match is not None:
            qp.who, qp.cue = match.who, ""


def narration_pieces(text: str, pieces: Sequence[Piece]) -> list[Piece]:
    """The uncovered rest of ``text``, one piece per run within a paragraph, trimmed.

    Example:
        >>> [(p.start, p.end) for p in narration_pieces("ab cd\\nef", [Piece(0, 2, "direct")])]
        [(3, 5), (6, 8)]
    """
    holes = sorted((p.start, p.end) for p in pieces)
    out: list[Piece] = []
    for lo, hi in paragraph_spans(text):
        for s, e in _minus(lo, hi, holes):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append(Piece(s, e, "narration"))
    return out


def _frame(pieces: Sequence[Piece], text: str, registry: SpeakerRegistry,
           passages: Sequence[tuple[int, int, str]], narrator: str) -> pd.DataFrame:
    rows = []
    for n, p in enumerate(sorted(pieces, key=lambda p: p.start), start=1):
        s, e = _trimmed(text, p.start, p.end)
        if p.kind == "narration":
            speaker, registered = narrator, False
        else:
            speaker, registered = (p.who.name, p.who.registered) if p.who else ("", False)
        outlet = next((o for ps, pe, o in passages if ps <= s < pe), "")
        rows.append((n, speaker, registry.bloc(speaker) if registered else "", registered, p.kind,
                     text[s:e], s, e, p.cue if p.kind != "narration" else "", outlet))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"statement_id": "int64", "start": "int64", "end": "int64",
                         "speaker_in_registry": "bool", "speaker": "str", "speaker_bloc": "str",
                         "kind": "str", "text": "str", "cue": "str", "quoted_from": "str"})
