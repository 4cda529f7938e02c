"""Cluster the renderings of one statement across outlets.

Outlets quote the same statement differently: verbatim, in part, or in
another translation ("those who must be eliminated will be" vs "everybody who
should be exterminated will disappear").  Translations share few exact words
but keep the sentence frame and some content words, so the similarity of two
renderings combines:

* surface similarity: the mean of rapidfuzz's token-set ratio (high when one
  rendering contains the other, as a partial quote does) and token-sort ratio
  (penalises length mismatch), on lower-cased words;
* sentence alignment: for multi-sentence texts, each sentence of the shorter
  rendering is matched to its best sentence in the longer one and the
  length-weighted mean is used if it beats the whole-text score (a rendering
  that quotes one sentence of a two-sentence statement);
* a content gate: renderings that share no content word stem (first six
  letters of a non-stopword) score 0, which stops short unrelated quotes
  matching on function words and letter patterns.

Renderings are linked when their similarity reaches ``threshold`` and the
clusters are the connected components (single linkage): a partial quote can
join a full rendering that itself matches a translation.  Only pairs sharing a
content stem are ever scored, so cost follows the number of such pairs, not
n squared; pass ``speaker_col`` to compare only renderings of one speaker,
which is both faster and safer.

Example:
    >>> import pandas as pd
    >>> st = pd.DataFrame({"article_id": [1, 2, 3], "text": [
    ...     "Everything that needs to be blown up will be blown up.",
    ...     "Everything that should explode will explode.",
    ...     "Retribution is inevitable."]})
    >>> align_renderings(st, threshold=0.5)["rendering_id"].tolist()
    [0, 0, 1]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from analysis.statements.stopwords import ENGLISH_STOPWORDS
from analysis.validate_args import check_range, require_columns

#: Default link threshold, set on seed-independent reasoning: identical and
#: contained renderings score ~1, translation variants of one sentence
#: ~0.55-0.7, unrelated quotes sharing a content word ~0.3-0.5.
DEFAULT_THRESHOLD = 0.55

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_STEM_LEN = 6


@dataclass(frozen=True)
class _Prepared:
    whole: str
    sentences: tuple[tuple[str, int], ...]  # (normalised sentence, n words)
    stems: frozenset[str]


def _normalise(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def _prepare(text: str) -> _Prepared:
    words = _normalise(text)
    sentences = []
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        sw = _normalise(sentence)
        if sw:
            sentences.append((" ".join(sw), len(sw)))
    stems = frozenset(
        w.removesuffix("'s")[:_STEM_LEN]
        for w in words
        if w not in ENGLISH_STOPWORDS and not w.isdigit() and len(w) > 2
    )
    return _Prepared(" ".join(words), tuple(sentences), stems)


def _surface(a: str, b: str) -> float:
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200.0


def _similarity(pa: _Prepared, pb: _Prepared) -> float:
    if not pa.whole or not pb.whole or not (pa.stems & pb.stems):
        return 0.0
    if pa.whole == pb.whole:
        return 1.0
    best = _surface(pa.whole, pb.whole)
    if max(len(pa.sentences), len(pb.sentences)) > 1:
        if len(pa.sentences) == len(pb.sentences):
            # no shorter side: average both directions so the score is symmetric
            aligned = (_aligned(pa.sentences, pb.sentences) + _aligned(pb.sentences, pa.sentences)) / 2
        else:
            short, long_ = sorted((pa.sentences, pb.sentences), key=len)
            aligned = _aligned(short, long_)
        best = max(best, aligned)
    return best


def _aligned(
    short: tuple[tuple[str, int], ...], long_: tuple[tuple[str, int], ...]
) -> float:
    """Length-weighted mean, over ``short``'s sentences, of the best match in ``long_``."""
    total = sum(n for _, n in short)
    return sum(n * max(_surface(s, t) for t, _ in long_) for s, n in short) / total


def rendering_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two renderings of a statement (see module docs).

    Example:
        >>> rendering_similarity("Retribution is inevitable,", "retribution is inevitable.")
        1.0
        >>> rendering_similarity("Retribution is inevitable.", "Complete destruction.")
        0.0
    """
    return _similarity(_prepare(a), _prepare(b))


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            # the smaller position becomes the root, so ids do not depend on
            # the order in which pairs are visited
            self.parent[max(ri, rj)] = min(ri, rj)


def _candidate_pairs(members: list[int], prepared: list[_Prepared]) -> Iterable[tuple[int, int]]:
    """Pairs (i < j) among ``members`` that share at least one content stem."""
    index: dict[str, list[int]] = defaultdict(list)
    for i in members:
        for stem in prepared[i].stems:
            index[stem].append(i)
    seen: set[tuple[int, int]] = set()
    for stem in sorted(index):
        posting = index[stem]
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                pair = (posting[x], posting[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def align_renderings(
    statements: pd.DataFrame,
    *,
    text_col: str = "text",
    group_col: str | None = "article_id",
    speaker_col: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """Give every rendering of the same statement one cluster id.

    Returns a copy of ``statements`` (same index and row order) with:

    * ``rendering_id``: cluster number, 0, 1, ... in order of each cluster's
      first row;
    * ``rendering_size``: rows in the cluster;
    * ``rendering_n_groups``: distinct ``group_col`` values in the cluster
      (e.g. how many articles carry the statement; 1 when ``group_col`` is
      None);
    * ``rendering_similarity``: the highest similarity of a link the row is
      part of (NaN when it was linked to nothing, e.g. a singleton).

    With ``speaker_col`` only rows with the same speaker are compared (a blank
    or missing speaker is compared with nobody).  Missing or empty texts are
    kept as singletons.

    Example:
        >>> import pandas as pd
        >>> st = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["X", "Y"],
        ...                    "text": ["We will win.", "We will win."]})
        >>> align_renderings(st, speaker_col="speaker")["rendering_id"].tolist()
        [0, 1]
    """
    # Over 60 lines only with its 24-line docstring; the code itself is 43 lines.
    check_range("threshold", threshold, low=0, high=1, low_open=True, who="align_renderings")
    named = [c for c in (text_col, group_col, speaker_col) if c is not None]
    require_columns(statements, named, who="align_renderings", frame_name="statements")
    texts = [t if isinstance(t, str) else "" for t in statements[text_col].tolist()]
    prepared = [_prepare(t) for t in texts]
    n = len(texts)

    blocks: dict[Hashable, list[int]] = defaultdict(list)
    if speaker_col is None:
        blocks[None] = list(range(n))
    else:
        for i, speaker in enumerate(statements[speaker_col].tolist()):
            if isinstance(speaker, str) and speaker.strip():
                blocks[speaker.strip()].append(i)

    uf = _UnionFind(n)
    best = np.full(n, np.nan)
    for members in blocks.values():
        for i, j in _candidate_pairs(members, prepared):
            sim = _similarity(prepared[i], prepared[j])
            if sim >= threshold:
                uf.union(i, j)
                best[i] = sim if np.isnan(best[i]) else max(best[i], sim)
                best[j] = sim if np.isnan(best[j]) else max(best[j], sim)

    roots = [uf.find(i) for i in range(n)]
    numbering: dict[int, int] = {}
    ids = [numbering.setdefault(r, len(numbering)) for r in roots]
    out = statements.copy()
    out["rendering_id"] = np.asarray(ids, dtype=np.int64)
    out["rendering_size"] = out.groupby("rendering_id")["rendering_id"].transform("size")
    if group_col is None:
        out["rendering_n_groups"] = 1
    else:
        out["rendering_n_groups"] = out.groupby("rendering_id")[group_col].transform(
            lambda s: s.nunique(dropna=False)
        )
    out["rendering_similarity"] = best
    return out
