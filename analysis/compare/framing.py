"""How an outlet frames what others say: its own words apart from the quotes it carries.

Three helpers for comparing outlets:

* **voices** -- :func:`split_voices` labels each statement ``quotes`` (words
  the speaker authored: ``direct`` and ``partial``) or ``narration`` (the
  narrator's wording: ``narration`` and ``reported`` paraphrase), and names
  the narrator when it is not the outlet itself (a wire, a quoted outlet);
  :func:`outlet_label` keeps unidentified outlets apart by article id.
* **descriptors** -- :func:`find_descriptors` finds, without a tagger, the
  phrases a text uses to characterise speakers and their words: words
  stacked before a speaker mention ("the *hawkish* deputy chairman"), an
  apposition after it ("Medvedev, *the deputy chairman of ...*,"), a
  possessive noun phrase ("Putin's *chief lieutenant*"), an unnamed
  descriptor mention ("a Kremlin representative"), a modified speech-act or
  demand noun ("an *inflammatory* statement", "*sweeping* demands") and a
  participial gloss hung on a clause (", *demonstrating readiness for
  concessions*").  :func:`outlet_descriptors` keeps those in an outlet's
  own words and adds the hostility/loaded lexicon matches there.
* **renderings** -- :func:`rendering_deltas` scores each rendering of an
  aligned statement (:func:`analysis.compare.align_renderings`) against the
  mean of its cluster; :func:`cluster_diffs` shows each rendering's word
  differences from a reference rendering.

Example:
    >>> find_descriptors("The hawkish deputy chairman of Russia's Security Council said so.")[
    ...     ["descriptor", "relation", "target"]].values.tolist()
    [['hawkish', 'premodifier', 'Dmitry Medvedev']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare.diff import render_diff, word_diff
from analysis.compare.stopwords import ENGLISH_STOPWORDS
from analysis.corpus.load import SPEAKER_AUTHORED_KINDS

__all__ = [
    "DESCRIPTOR_COLUMNS",
    "RELATIONS",
    "cluster_diffs",
    "find_descriptors",
    "outlet_descriptors",
    "outlet_label",
    "rendering_deltas",
    "split_voices",
]

#: Outlet names that do not identify an outlet (then the article id does).
UNIDENTIFIED = frozenset({"", "unidentified", "unknown"})

#: Descriptor relations, in the order tables list them.
RELATIONS: tuple[str, ...] = (
    "premodifier", "apposition", "possessive", "descriptor", "speech_act", "participial", "lexicon",
)
DESCRIPTOR_COLUMNS: tuple[str, ...] = (
    "start", "end", "descriptor", "relation", "target", "target_start", "target_end", "phrase",
)
#: Relations whose descriptor sits next to its target (``phrase`` joins the two).
_ADJACENT = frozenset({"premodifier", "apposition", "possessive"})

# Nouns for what someone said or demanded: their modifiers are how a narrator
# characterises the words ("an inflammatory statement", "sweeping demands").
SPEECH_ACT_NOUNS = (
    "statements?|remarks?|comments?|words|posts?|messages?|rhetoric|threats?|warnings?|claims?|"
    "speech(?:es)?|address|interviews?|tirades?|outbursts?|diatribes?|rants?|tweets?|language|"
    "tone|assertions?|accusations?|narratives?|propaganda|pledges?|promises?|vows?|"
    "demands?|conditions?|ultimatums?|proposals?|offers?|concessions?|rebuke|insults?"
)
# Heads a possessive noun phrase may end on ("Putin's chief lieutenant").
_PERSON_HEADS = frozenset(
    "representative spokesman spokeswoman spokesperson official minister chief head president "
    "secretary chairman chairwoman senator envoy ambassador adviser advisor aide commander "
    "governor mayor lawmaker diplomat negotiator leader lieutenant ally allies deputy "
    "henchman confidant loyalist protege protégé mouthpiece critic successor predecessor "
    "general".split()
)
_DETERMINERS = frozenset("the a an his her its their this that these those another".split())
# "-ing" words after a comma that are prepositions or speech cues, not glosses.
_NOT_GLOSS = frozenset(
    "during including regarding concerning following according excluding notwithstanding pending "
    "considering saying adding declaring noting warning stressing insisting claiming arguing "
    "explaining writing telling asserting announcing emphasising emphasizing acknowledging "
    "admitting calling describing dubbing branding labeling labelling accusing referring".split()
)
_WORD = r"[A-Za-z][\w'’.-]*"
_WORD_RE = re.compile(_WORD)
# inside one sentence: clause punctuation ends a modifier stack ("U.S." does not)
_BREAK_RE = re.compile(r"[,;:!?()\[\]\"“”‘«»—–]|\s-\s")
# light verbs that take a demand or speech noun as object ("issues sweeping demands")
_LIGHT_VERBS = frozenset(
    "issue issues issued present presents presented make makes made set sets put puts reject rejects "
    "rejected accept accepts accepted submit submits submitted include includes included outline "
    "outlines outlined offer offers offered show shows showed draw draws drew deliver delivers "
    "delivered post posts give gives gave repeat repeats repeated"
    .split()
)
_APPOSITION_RE = re.compile(
    r"\s*,\s*(?P<app>[^,;:!?()\"“”—–\n]{2,160}?)\s*(?=,|;|—|–|\.(?:\s|$)|$)"
)
_SPEECH_ACT_RE = re.compile(
    rf"(?<![\w'’-])(?P<mods>(?:{_WORD}(?:\s*,\s*|\s+and\s+|\s+)){{1,4}}?)(?P<noun>{SPEECH_ACT_NOUNS})\b",
    re.IGNORECASE,
)
_GLOSS_RE = re.compile(r",\s+(?P<gloss>(?P<verb>[a-z]+ing)\b[^.;:!?\n]*)")
_MAX_PREMODS = 7
_MAX_APPOSITION_WORDS = 16
_MAX_GLOSS_WORDS = 18


def outlet_label(outlet: object, article_id: object) -> str:
    """The outlet's name, or ``"unidentified (<article id>)"`` when it has none.

    Unidentified outlets must not be pooled into one pseudo-outlet: each
    article then stands for its own (unknown) publisher.

    Example:
        >>> outlet_label("TASS", "a-1"), outlet_label("unidentified", "seed-000")
        ('TASS', 'unidentified (seed-000)')
    """
    name = outlet.strip() if isinstance(outlet, str) else ""
    return f"unidentified ({article_id})" if name.lower() in UNIDENTIFIED else name


def split_voices(
    statements: pd.DataFrame,
    *,
    quote_kinds: Iterable[str] = SPEAKER_AUTHORED_KINDS,
) -> pd.DataFrame:
    """A copy with ``outlet_label``, ``voice``, ``voice_group`` and ``author`` added.

    ``voice`` is ``quotes`` for the ``quote_kinds`` (the speaker's own words)
    and ``narration`` otherwise (narration and reported paraphrase, worded by
    the narrator).  ``voice_group`` is ``quotes``, ``narration`` (the outlet
    narrates), or ``narration (<source>)`` when the words are a wire's or a
    quoted outlet's (``source`` differs from ``outlet``).  ``author`` names
    who worded the statement: the speaker (``source``) for quotes, the
    ``outlet_label`` when the outlet narrates, else the wire or quoted outlet.
    Needs the columns
    ``article_id``, ``outlet``, ``kind`` and ``source`` of
    :func:`analysis.load_corpus` statements; every row is kept.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["X", "X", "unidentified"],
        ...     "kind": ["direct", "narration", "narration"], "source": ["Putin", "X", "Reuters"]})
        >>> split_voices(st)[["outlet_label", "voice", "voice_group"]].values.tolist()
        [['X', 'quotes', 'quotes'], ['X', 'narration', 'narration'], ['unidentified (b)', 'narration', 'narration (Reuters)']]
        >>> split_voices(st)["author"].tolist()
        ['Putin', 'X', 'Reuters']
    """
    missing = [c for c in ("article_id", "outlet", "kind", "source") if c not in statements.columns]
    if missing:
        raise KeyError(f"split_voices: statements lack column(s) {missing}")
    kinds = frozenset(quote_kinds)
    out = statements.copy()
    out["outlet_label"] = [outlet_label(o, a) for o, a in zip(out["outlet"], out["article_id"])]
    is_quote = out["kind"].isin(kinds).to_numpy()
    out["voice"] = np.where(is_quote, "quotes", "narration")
    groups, authors = [], []
    for quote, outlet, label, source in zip(is_quote, out["outlet"], out["outlet_label"], out["source"]):
        source = source if isinstance(source, str) else ""
        if quote:
            groups.append("quotes")
            authors.append(source)
        elif source and source not in (outlet, label):
            groups.append(f"narration ({source})")
            authors.append(source)
        else:
            groups.append("narration")
            authors.append(label)
    out["voice_group"] = pd.Series(groups, index=out.index, dtype="str")
    out["author"] = pd.Series(authors, index=out.index, dtype="str")
    return out


# --- descriptors -----------------------------------------------------------


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    from analysis.scoring.tokenize import sentence_spans  # scoring precedes compare

    return sentence_spans(text) or [(0, len(text))]


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return 0, 0


def _is_stop(word: str) -> bool:
    return word.lower().replace("’", "'") in ENGLISH_STOPWORDS


def _premodifiers(text: str, sent_start: int, start: int) -> tuple[int, int] | None:
    """The words stacked right before a mention, back to a function word or break."""
    left = text[sent_start:start]
    cut = [m.end() for m in _BREAK_RE.finditer(left)]
    base = sent_start + (cut[-1] if cut else 0)
    words = list(_WORD_RE.finditer(text, base, start))
    if not words or text[words[-1].end():start].strip():
        return None
    kept: list[re.Match[str]] = []
    for w in reversed(words):
        token = w.group()
        if token.lower() == "and" and kept:
            kept.append(w)
            continue
        if _is_stop(token) or token.lower() in _DETERMINERS or _looks_like_verb(token):
            break
        kept.append(w)
        if sum(k.group().lower() != "and" for k in kept) >= _MAX_PREMODS:
            break
    while kept and kept[-1].group().lower() == "and":
        kept.pop()
    if not kept:
        return None
    return kept[-1].start(), kept[0].end()


def _looks_like_verb(token: str) -> bool:
    # Without a tagger: a lowercase speech verb, light verb or "-ed" form
    # before a name or noun ("said Graham", "issues sweeping demands") ends
    # the modifier stack.
    from analysis.statements.cues import SPEECH  # statements precede compare

    low = token.lower()
    if not token.islower():
        return False
    if SPEECH.fullmatch(low) or low in _LIGHT_VERBS:
        return True
    return low.endswith("ed") and len(low) > 4


def _apposition(text: str, end: int, sent_end: int, same_entity_starts: set[int]) -> tuple[int, int] | None:
    m = _APPOSITION_RE.match(text, end, sent_end)
    if m is None:
        return None
    app = m.group("app")
    first = app.split()[0].lower() if app.split() else ""
    starts_ok = first in _DETERMINERS | {"who", "whose", "which"} or m.start("app") in same_entity_starts
    if not starts_ok or len(app.split()) > _MAX_APPOSITION_WORDS:
        return None
    return m.start("app"), m.end("app")


def _possessive_np(text: str, end: int) -> tuple[int, int] | None:
    m = re.match(r"['’]s?\s+", text[end:])
    if m is None:
        return None
    pos = end + m.end()
    words = []
    for w in _WORD_RE.finditer(text, pos):
        if text[pos:w.start()].strip() or _is_stop(w.group()) or len(words) >= 4:
            break
        words.append(w)
        pos = w.end()
    heads = [w for w in words
             if w.group().lower().rstrip(".") in _PERSON_HEADS
             or re.fullmatch(SPEECH_ACT_NOUNS, w.group().lower())]
    # the last head of the run: "chief lieutenant", not "chief"
    return (words[0].start(), heads[-1].end()) if heads else None


def _is_person_np(text: str, span: tuple[int, int]) -> bool:
    last = text[span[0]:span[1]].split()[-1].lower().rstrip(".")
    return last in _PERSON_HEADS


def _target_before(
    text: str, mentions: Sequence[Any], sent: tuple[int, int], pos: int
) -> tuple[str, int, int]:
    """First mention of the sentence before ``pos`` that can be a subject.

    A possessive mention is skipped unless it owns a person noun phrase,
    which is then the target ("Putin's chief lieutenant issued ...").
    """
    for m in mentions:
        if not sent[0] <= m.start < pos or _is_possessive_descriptor(text, m):
            continue
        if not m.possessive:
            return m.entity, m.start, m.end
        np_span = _possessive_np(text, m.end)
        if np_span and _is_person_np(text, np_span) and np_span[1] <= pos:
            return text[m.start:np_span[1]], m.start, np_span[1]
    return "", -1, -1


def _is_possessive_descriptor(text: str, m: Any) -> bool:
    # "Putin's chief" found as a descriptor mention is the possessive rule's job
    return m.source == "descriptor" and bool(re.search(r"['’]s\b", text[m.start:m.end]))


def _subject_guess(text: str, mentions: Sequence[Any], sent: tuple[int, int], pos: int) -> tuple[str, int, int]:
    entity = _target_before(text, mentions, sent, pos)
    if entity[0]:
        return entity
    for w in _WORD_RE.finditer(text, sent[0], pos):
        if w.group()[0].isupper() and not _is_stop(w.group()):
            return w.group(), w.start(), w.end()
    return "", -1, -1


_SERIES_RE = re.compile(r"(?:,|\band)\s+[a-z]+ing\b")


def _in_series(gm: re.Match[str]) -> bool:
    """A gerund in a list ("handing over ..., becoming ..., and holding ...")."""
    return bool(_SERIES_RE.search(gm.group("gloss")))


def find_descriptors(text: str, registry: Any = None) -> pd.DataFrame:
    """Phrases ``text`` uses to characterise speakers, their words and demands.

    Speakers are found with :func:`analysis.statements.mentions.find_mentions`
    (registry aliases, confirmed names, descriptor mentions; ``registry``
    defaults to the bundled one).  Relations (see the module docstring):
    ``premodifier``, ``apposition``, ``possessive``, ``descriptor``,
    ``speech_act``, ``participial``.  ``target`` is the speaker described (for
    ``speech_act`` and ``participial`` the first non-possessive mention of the
    sentence, else its first capitalised word; '' if none).  The rules are
    patterns over words, not a parser: expect some misses and some noise, and
    read the phrases in context.

    Returns ``DESCRIPTOR_COLUMNS``, one row per phrase (offsets into ``text``),
    sorted by position.

    Example:
        >>> t = "Medvedev, the deputy chairman, issued an inflammatory statement."
        >>> find_descriptors(t)[["descriptor", "relation"]].values.tolist()
        [['the deputy chairman', 'apposition'], ['inflammatory statement', 'speech_act']]
    """
    from analysis.statements.mentions import find_mentions
    from analysis.statements.speakers import SpeakerRegistry

    if not isinstance(text, str):
        raise TypeError(f"find_descriptors expects a str, got {type(text).__name__}")
    reg = SpeakerRegistry.coerce(registry)
    mentions = sorted(find_mentions(text, reg), key=lambda m: (m.start, m.end))
    bounds = _sentence_bounds(text)
    rows: list[tuple[int, int, str, str, int, int]] = []  # start, end, relation, target, ts, te

    def add(span: tuple[int, int] | None, relation: str, target: tuple[str, int, int]) -> None:
        if span is not None and span[1] > span[0]:
            rows.append((span[0], span[1], relation, *target))

    starts_by_entity: dict[str, set[int]] = {}
    for m in mentions:
        starts_by_entity.setdefault(m.entity, set()).add(m.start)
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        sent = _sentence_of(bounds, m.start)
        target = (m.entity, m.start, m.end)
        if m.source == "descriptor" and not _is_possessive_descriptor(text, m):
            add((m.start, m.end), "descriptor", target)
        if m.kind != "person":
            continue
        pre = _premodifiers(text, sent[0], m.start)
        if pre and not any(s <= pre[0] < e for s, e in taken):
            add(pre, "premodifier", target)
        add(_apposition(text, m.end, sent[1] or len(text), starts_by_entity[m.entity]), "apposition", target)
        if m.possessive:
            add(_possessive_np(text, m.end), "possessive", target)

    possessives = [(r[0], r[1]) for r in rows if r[2] == "possessive"]
    for sm in _SPEECH_ACT_RE.finditer(text):
        words = list(_WORD_RE.finditer(sm.group("mods")))
        # keep the modifier stack after the last function word, possessive or verb
        kept: list[re.Match[str]] = []
        for w in reversed(words):
            token = w.group()
            if token.lower() == "and" and kept:
                continue
            if (_is_stop(token) or token.lower() in _DETERMINERS or re.search(r"['’]s?$", token)
                    or _looks_like_verb(token)):
                break
            kept.append(w)
        if not kept:
            continue
        s = sm.start("mods") + kept[-1].start()
        e = sm.end("noun")
        if any(ts <= s < te for ts, te in taken) or any(ps <= s and e <= pe for ps, pe in possessives):
            continue
        sent = _sentence_of(bounds, s)
        add((s, e), "speech_act", _target_before(text, mentions, sent, s))

    for gm in _GLOSS_RE.finditer(text):
        if gm.group("verb") in _NOT_GLOSS or _in_series(gm):
            continue
        s = gm.start("gloss")
        words = list(_WORD_RE.finditer(gm.group("gloss")))[:_MAX_GLOSS_WORDS]
        e = s + words[-1].end()
        sent = _sentence_of(bounds, s)
        add((s, e), "participial", _subject_guess(text, mentions, sent, s))

    frame = pd.DataFrame.from_records(
        sorted(set(rows), key=lambda r: (r[0], r[1], RELATIONS.index(r[2]))),
        columns=["start", "end", "relation", "target", "target_start", "target_end"],
    )
    frame["descriptor"] = [text[s:e] for s, e in zip(frame["start"], frame["end"])]
    frame["phrase"] = [
        text[min(s, ts):max(e, te)] if rel in _ADJACENT and ts >= 0 else text[s:e]
        for s, e, rel, ts, te in zip(frame["start"], frame["end"], frame["relation"],
                                     frame["target_start"], frame["target_end"])
    ]
    frame = frame.astype({"start": "int64", "end": "int64", "target_start": "int64",
                          "target_end": "int64", "relation": "str", "target": "str",
                          "descriptor": "str", "phrase": "str"})
    return frame.loc[:, list(DESCRIPTOR_COLUMNS)]


def _lexicon_labels(matches: pd.DataFrame, aid: str, start: int, end: int) -> str:
    if matches.empty:
        return ""
    inside = matches[(matches["article_id"] == aid) & (matches["abs_start"] >= start)
                     & (matches["abs_end"] <= end)]
    return "; ".join(f"{d}:{c}" for d, c in zip(inside["dimension"], inside["category"]))


def outlet_descriptors(
    statements: pd.DataFrame,
    texts: dict[str, str],
    *,
    registry: Any = None,
    lexicon_dimensions: Sequence[str] = ("hostility", "loaded"),
    quote_kinds: Iterable[str] = SPEAKER_AUTHORED_KINDS,
) -> pd.DataFrame:
    """Descriptors in each outlet's own words, with lexicon matches there.

    ``statements`` are :func:`analysis.load_corpus` statements (offsets into
    ``texts[article_id]``).  A descriptor is kept when it starts inside a
    statement that is not a quote (``quote_kinds``) and overlaps no quote:
    the outlet's (or its wire's / quoted outlet's) wording, never the
    speaker's.  ``lexicon`` lists the ``dimension:category`` of the
    ``lexicon_dimensions`` matches inside the phrase; matches in own words
    that no descriptor covers get a row of their own (relation ``lexicon``).

    Returns one row per phrase: ``statement_id``, ``article_id``,
    ``outlet_label``, ``author`` (see :func:`split_voices`), ``source``,
    ``source_bloc``, ``kind``,
    ``DESCRIPTOR_COLUMNS`` (offsets into the article text) and ``lexicon``.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["a-1", "a-2"], "article_id": "a", "outlet": "X",
        ...     "kind": ["narration", "direct"], "source": ["X", "Dmitry Medvedev"],
        ...     "source_bloc": ["other", "russian"], "start": [0, 63], "end": [62, 95],
        ...     "text": ["The hawkish Medvedev issued an inflammatory statement, saying:",
        ...              '"Those idiots will be destroyed."']})
        >>> texts = {"a": " ".join(st["text"])}
        >>> outlet_descriptors(st, texts)[["descriptor", "relation", "lexicon"]].values.tolist()
        [['hawkish', 'premodifier', ''], ['inflammatory statement', 'speech_act', 'hostility:accusation']]
    """
    from analysis.scoring.score import matches_frame

    needed = ["statement_id", "article_id", "outlet", "kind", "source", "source_bloc", "start", "end", "text"]
    missing = [c for c in needed if c not in statements.columns]
    if missing:
        raise KeyError(f"outlet_descriptors: statements lack column(s) {missing}")
    kinds = frozenset(quote_kinds)
    voiced = split_voices(statements, quote_kinds=kinds)
    own = voiced[~voiced["kind"].isin(kinds)]
    quotes = voiced[voiced["kind"].isin(kinds)]

    lex = matches_frame(own, "text")
    if len(lex):
        lex = lex[lex["dimension"].isin(list(lexicon_dimensions))].copy()
        lex["article_id"] = own.loc[lex["row"], "article_id"].to_numpy()
        offset = own.loc[lex["row"], "start"].to_numpy()
        lex["abs_start"] = lex["start"].to_numpy() + offset
        lex["abs_end"] = lex["end"].to_numpy() + offset
        lex["statement_row"] = lex["row"]

    columns = ["statement_id", "article_id", "outlet_label", "author", "source", "source_bloc", "kind",
               *DESCRIPTOR_COLUMNS, "lexicon"]
    records: list[dict[str, Any]] = []
    for aid in sorted(own["article_id"].unique()):
        if aid not in texts:
            raise KeyError(f"outlet_descriptors: no text for article {aid!r}")
        text = texts[aid]
        mine = own[own["article_id"] == aid]
        quoted = [(int(s), int(e)) for s, e in zip(quotes.loc[quotes["article_id"] == aid, "start"],
                                                    quotes.loc[quotes["article_id"] == aid, "end"])]
        found = find_descriptors(text, registry)
        covered: list[tuple[int, int]] = []
        for d in found.itertuples(index=False):
            host = mine[(mine["start"] <= d.start) & (d.start < mine["end"])]
            if host.empty or any(d.start < qe and qs < d.end for qs, qe in quoted):
                continue
            row = host.iloc[0]
            covered.append((d.start, d.end))
            records.append({
                "statement_id": row["statement_id"], "article_id": aid,
                "outlet_label": row["outlet_label"], "author": row["author"], "source": row["source"],
                "source_bloc": row["source_bloc"], "kind": row["kind"],
                **{c: getattr(d, c) for c in DESCRIPTOR_COLUMNS},
                "lexicon": _lexicon_labels(lex, aid, d.start, d.end),
            })
        if len(lex):
            for m in lex[lex["article_id"] == aid].itertuples(index=False):
                if any(s <= m.abs_start and m.abs_end <= e for s, e in covered):
                    continue
                row = own.loc[m.statement_row]
                records.append({
                    "statement_id": row["statement_id"], "article_id": aid,
                    "outlet_label": row["outlet_label"], "author": row["author"], "source": row["source"],
                    "source_bloc": row["source_bloc"], "kind": row["kind"],
                    "start": int(m.abs_start), "end": int(m.abs_end), "descriptor": m.surface,
                    "relation": "lexicon", "target": "", "target_start": -1, "target_end": -1,
                    "phrase": m.surface,
                    "lexicon": f"{m.dimension}:{m.category}",
                })
    out = pd.DataFrame.from_records(records, columns=columns)
    if out.empty:
        return out
    out["_rel"] = out["relation"].map(RELATIONS.index)
    out = out.sort_values(["article_id", "start", "end", "_rel"], kind="stable")
    return out.drop(columns="_rel").reset_index(drop=True)


# --- renderings --------------------------------------------------------------


def rendering_deltas(
    aligned: pd.DataFrame,
    scored: pd.DataFrame,
    *,
    cluster_col: str = "rendering_id",
    group_col: str = "article_id",
    dimensions: Sequence[str] = ("hostility", "certainty", "loaded"),
    min_groups: int = 2,
) -> pd.DataFrame:
    """Each rendering's scores and their difference from its cluster's mean.

    ``aligned`` comes from :func:`analysis.compare.align_renderings` and
    ``scored`` from :func:`analysis.score_frame` on the same rows (same
    index).  Only clusters whose renderings come from at least ``min_groups``
    distinct ``group_col`` values (e.g. articles) are kept.  For each
    dimension: ``<dim>_count``, ``<dim>_rate`` (per 1,000 tokens) and
    ``<dim>_delta`` = rate minus the unweighted mean rate of the cluster's
    renderings (every rendering counts once, however long); likewise
    ``sentiment_compound`` and ``sentiment_delta``.  The other columns of
    ``aligned`` are kept; ``n_renderings`` is the cluster size.

    Example:
        >>> al = pd.DataFrame({"article_id": ["a", "b"], "rendering_id": [0, 0]})
        >>> sc = pd.DataFrame({"n_tokens": [10, 20], "hostility_count": [1, 0],
        ...     "hostility_rate": [100.0, 0.0], "sentiment_compound": [-0.5, 0.1]})
        >>> rendering_deltas(al, sc, dimensions=["hostility"])[["hostility_delta", "sentiment_delta"]].values.tolist()
        [[50.0, -0.3], [-50.0, 0.3]]
    """
    if not aligned.index.equals(scored.index):
        raise ValueError("rendering_deltas: aligned and scored must share the same index (score the aligned rows)")
    for col in (cluster_col, group_col):
        if col not in aligned.columns:
            raise KeyError(f"rendering_deltas: aligned lacks column {col!r}")
    score_cols = ["n_tokens", *(f"{d}_{k}" for d in dimensions for k in ("count", "rate"))]
    has_sent = "sentiment_compound" in scored.columns
    missing = [c for c in score_cols if c not in scored.columns]
    if missing:
        raise KeyError(f"rendering_deltas: scored lacks column(s) {missing}")
    taken = score_cols + (["sentiment_compound"] if has_sent else [])
    # the scores win over same-named columns of ``aligned``
    table = aligned.drop(columns=[c for c in taken if c in aligned.columns]).join(scored[taken])
    n_groups = table.groupby(cluster_col)[group_col].transform("nunique")
    table = table[n_groups >= min_groups].copy()
    table["n_renderings"] = table.groupby(cluster_col)[cluster_col].transform("size")
    value_cols = [f"{d}_rate" for d in dimensions] + (["sentiment_compound"] if has_sent else [])
    for col in value_cols:
        delta = col.replace("_rate", "_delta").replace("sentiment_compound", "sentiment_delta")
        # rounding drops float noise; + 0.0 turns -0.0 into 0.0 (no "-0.00" in tables)
        table[delta] = (table[col] - table.groupby(cluster_col)[col].transform("mean")).round(12) + 0.0
    return table.sort_values([cluster_col], kind="stable")


_QUOTE_EDGES = re.compile(r"^[\s\"“”‘'«»]+|[\s\"“”’'«»,]+$")


def cluster_diffs(
    renderings: pd.DataFrame,
    *,
    text_col: str = "text",
    label_col: str = "outlet_label",
    fmt: str = "html",
    strip_quotes: bool = True,
) -> pd.DataFrame:
    """Word differences of each rendering from the cluster's reference rendering.

    The reference is the longest rendering (most words; first on ties), so
    partial quotes show as deletions from it.  With ``strip_quotes`` the
    quotation marks around a rendering (and a comma before its closing mark)
    are left out of the diff, so straight vs curly quotes do not show as
    edits.  Returns ``label``, ``text``,
    ``is_reference`` and ``diff`` (:func:`analysis.compare.render_diff` of
    reference -> rendering; HTML with ``<del>``/``<ins>`` when ``fmt='html'``).

    Example:
        >>> r = pd.DataFrame({"outlet_label": ["A", "B"], "text": ["those who must be eliminated will be",
        ...     "everybody who should be exterminated will disappear"]})
        >>> cluster_diffs(r, fmt="text")["diff"].tolist()[1]
        '[-those-]{+everybody+} who [-must-]{+should+} be [-eliminated-]{+exterminated+} will [-be-]{+disappear+}'
    """
    if renderings.empty:
        raise ValueError("cluster_diffs: no renderings")
    texts = [t if isinstance(t, str) else "" for t in renderings[text_col]]
    bare = [_QUOTE_EDGES.sub("", t) for t in texts] if strip_quotes else texts
    ref = int(np.argmax([len(t.split()) for t in bare]))
    diffs = [render_diff(word_diff(bare[ref], t), fmt=fmt) for t in bare]  # type: ignore[arg-type]
    return pd.DataFrame({
        "label": renderings[label_col].to_numpy(),
        "text": texts,
        "is_reference": [i == ref for i in range(len(texts))],
        "diff": diffs,
    }, index=renderings.index)
