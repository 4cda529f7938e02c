"""An outlet's own words apart from the quotes it carries.

* :func:`split_voices` labels each statement ``quotes`` (words the speaker
  authored: ``direct`` and ``partial``) or ``narration`` (the narrator's
  wording: ``narration`` and ``reported`` paraphrase), and names the narrator
  when it is not the outlet itself (a wire, a quoted outlet); outlets nobody
  identified are labelled by article (:func:`analysis.corpus.voices.outlet_label`).
* :func:`outlet_descriptors` keeps the descriptors
  (:func:`analysis.statements.descriptors.find_descriptors`) that lie in an
  outlet's own words and adds the hostility/loaded lexicon matches there.

Example:
    >>> st = pd.DataFrame({"article_id": ["a", "a"], "outlet": ["X", "X"],
    ...     "kind": ["direct", "narration"], "source": ["Putin", "X"]})
    >>> split_voices(st)["voice"].tolist()
    ['quotes', 'narration']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.constants import SPEAKER_AUTHORED_KINDS
from analysis.corpus.voices import outlet_label
from analysis.scoring.score import matches_frame
from analysis.scoring.tokenize import sentence_spans as _scorer_sentences
from analysis.statements.descriptors import DESCRIPTOR_COLUMNS, RELATIONS, find_descriptors
from analysis.statements.speakers import SpeakerRegistry
from analysis.validate_args import require_columns

__all__ = ["outlet_descriptors", "split_voices"]


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
    require_columns(statements, ["article_id", "outlet", "kind", "source"], who="split_voices",
                    frame_name="statements")
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
    registry: SpeakerRegistry | None = None,
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
    needed = ["statement_id", "article_id", "outlet", "kind", "source", "source_bloc", "start", "end", "text"]
    require_columns(statements, needed, who="outlet_descriptors", frame_name="statements")
    kinds = frozenset(quote_kinds)
    voiced = split_voices(statements, quote_kinds=kinds)
    own = voiced[~voiced["kind"].isin(kinds)]
    quotes = voiced[voiced["kind"].isin(kinds)]

    lex = _own_lexicon_matches(own, lexicon_dimensions)
    records: list[dict[str, Any]] = []
    for aid in sorted(own["article_id"].unique()):
        if aid not in texts:
            raise KeyError(f"outlet_descriptors: no text for article {aid!r}")
        found = find_descriptors(texts[aid], registry, sentences=_scorer_sentences)
        quoted = [(int(s), int(e)) for s, e in zip(quotes.loc[quotes["article_id"] == aid, "start"],
                                                    quotes.loc[quotes["article_id"] == aid, "end"])]
        mine = own[own["article_id"] == aid]
        records += _article_records(aid, found, mine, own, quoted, lex)
    columns = ["statement_id", "article_id", "outlet_label", "author", "source", "source_bloc", "kind",
               *DESCRIPTOR_COLUMNS, "lexicon"]
    out = pd.DataFrame.from_records(records, columns=columns)
    if out.empty:
        return out
    out["_rel"] = out["relation"].map(RELATIONS.index)
    out = out.sort_values(["article_id", "start", "end", "_rel"], kind="stable")
    return out.drop(columns="_rel").reset_index(drop=True)


def _own_lexicon_matches(own: pd.DataFrame, dimensions: Sequence[str]) -> pd.DataFrame:
    """Lexicon matches of ``dimensions`` in the own-words rows, with article offsets."""
    lex = matches_frame(own, "text")
    if len(lex):
        lex = lex[lex["dimension"].isin(list(dimensions))].copy()
        lex["article_id"] = own.loc[lex["row"], "article_id"].to_numpy()
        offset = own.loc[lex["row"], "start"].to_numpy()
        lex["abs_start"] = lex["start"].to_numpy() + offset
        lex["abs_end"] = lex["end"].to_numpy() + offset
        lex["statement_row"] = lex["row"]
    return lex


def _host_columns(row: pd.Series, aid: str) -> dict[str, Any]:
    return {"statement_id": row["statement_id"], "article_id": aid, "outlet_label": row["outlet_label"],
            "author": row["author"], "source": row["source"], "source_bloc": row["source_bloc"],
            "kind": row["kind"]}


def _article_records(aid: str, found: pd.DataFrame, mine: pd.DataFrame, own: pd.DataFrame,
                     quoted: Sequence[tuple[int, int]], lex: pd.DataFrame) -> list[dict[str, Any]]:
    """One article's rows: descriptors in own words, then own-words matches no descriptor covers."""
    records: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []
    for d in found.to_dict("records"):
        start, end = int(d["start"]), int(d["end"])
        host = mine[(mine["start"] <= start) & (start < mine["end"])]
        if host.empty or any(start < qe and qs < end for qs, qe in quoted):
            continue
        covered.append((start, end))
        records.append({**_host_columns(host.iloc[0], aid), **{c: d[c] for c in DESCRIPTOR_COLUMNS},
                        "lexicon": _lexicon_labels(lex, aid, start, end)})
    if not len(lex):
        return records
    for m in lex[lex["article_id"] == aid].to_dict("records"):
        if any(s <= m["abs_start"] and m["abs_end"] <= e for s, e in covered):
            continue
        records.append({
            **_host_columns(own.loc[m["statement_row"]], aid),
            "start": int(m["abs_start"]), "end": int(m["abs_end"]),
            "descriptor": m["surface"], "relation": "lexicon", "target": "", "target_start": -1,
            "target_end": -1, "phrase": m["surface"], "lexicon": f"{m['dimension']}:{m['category']}",
        })
    return records
