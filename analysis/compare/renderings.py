"""How far each outlet's rendering of one statement moves its scores, and how its words differ.

:func:`rendering_deltas` scores each rendering of an aligned statement
(:func:`analysis.compare.align_renderings`) against the mean of its cluster;
:func:`cluster_diffs` shows each rendering's word differences from a reference
rendering.

Example:
    >>> r = pd.DataFrame({"outlet_label": ["A", "B"], "text": ["they will be eliminated", "they will be destroyed"]})
    >>> cluster_diffs(r, fmt="text")["diff"].tolist()
    ['they will be eliminated', 'they will be [-eliminated-]{+destroyed+}']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.compare.diff import render_diff, word_diff
from analysis.validate_args import check_choice, require_columns

__all__ = ["cluster_diffs", "rendering_deltas"]


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
    require_columns(aligned, [cluster_col, group_col], who="rendering_deltas", frame_name="aligned")
    score_cols = ["n_tokens", *(f"{d}_{k}" for d in dimensions for k in ("count", "rate"))]
    has_sent = "sentiment_compound" in scored.columns
    require_columns(scored, score_cols, who="rendering_deltas", frame_name="scored")
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
    check_choice("fmt", fmt, ("html", "text"), who="cluster_diffs")
    require_columns(renderings, [text_col, label_col], who="cluster_diffs", frame_name="renderings")
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
