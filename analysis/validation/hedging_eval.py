"""Agreement of the hedging and certainty (booster) counts with the hand-labelled sentences.

Rules fixed in advance: a sentence is predicted to hedge when
``hedging_count > 0`` and to boost when ``certainty_count > 0``; gold is the
``hedge`` / ``booster`` column.  The baseline is "every sentence is positive"
(its F1 is 2p / (1 + p) for a positive share p): a lexicon that does not
beat it tells nothing.

Results per split, headline first: ``heldout2`` (held-out set 2, labelled
before the last lexicon revision: the only clean test), then set 1's
``dev`` and ``test`` (both used in lexicon development; ``test`` was read
during an error analysis, so it is *seen*) and ``all`` (= set 1, dev +
test).  The ``set`` column says which file a row describes and
``status`` how far it can be trusted.

References:
    Hyland, K. (2005). Metadiscourse: Exploring Interaction in Writing. Continuum.
"""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd

from analysis.validation import metrics
from analysis.validation.hedging import load_hedging_labels, load_hedging_sets
from analysis.validation.scorers import (
    FrameScorer,
    Matcher,
    check_matches,
    check_scores,
    default_frame_scorer,
    default_matcher,
)

#: gold column -> scorer count column
HEDGING_TARGETS: dict[str, str] = {"hedge": "hedging_count", "booster": "certainty_count"}

#: split -> (set, status); reported in this order, ``all`` = set 1 (dev + test)
SPLIT_INFO: dict[str, tuple[str, str]] = {
    "heldout2": ("heldout2", "clean test (labelled before lexicon 1.2.0)"),
    "dev": ("set 1", "development (tuned on)"),
    "test": ("set 1", "seen (read in error analysis, then used in development)"),
    "all": ("set 1", "set 1 dev + test"),
}


def hedging_metrics(labels: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """P/R/F1 and the confusion counts per target, rule and split.

    Splits, in this order, as far as present: ``heldout2``, ``dev``,
    ``test``, and ``all`` (set 1 = dev + test; reported when set 1 rows are
    present).  Columns ``set`` and ``status`` come from ``SPLIT_INFO``.
    ``labels`` and ``scores`` are aligned by position.

    Example:
        >>> lab = pd.DataFrame({"hedge": [1, 0, 1], "booster": [0, 1, 0],
        ...                     "split": ["dev", "dev", "test"]})
        >>> sc = pd.DataFrame({"hedging_count": [2, 1, 0], "certainty_count": [0, 1, 0]})
        >>> hedging_metrics(lab, sc).query("split == 'all' and kind == 'method'").f1.round(3).tolist()
        [0.5, 1.0]
    """
    if len(labels) != len(scores):
        raise ValueError(f"labels ({len(labels)}) and scores ({len(scores)}) differ in length")
    rows = []
    split = labels["split"].to_numpy()
    set1 = np.isin(split, ["dev", "test"])
    parts = {name: split == name for name in ("heldout2", "dev", "test") if (split == name).any()}
    if set1.any():
        parts["all"] = set1
    for gold, column in HEDGING_TARGETS.items():
        y_all = labels[gold].to_numpy(dtype=bool)
        pred_all = pd.to_numeric(scores[column], errors="coerce").fillna(0).to_numpy() > 0
        for part_name, part in parts.items():
            y = y_all[part]
            for rule, kind, pred in (
                (f"{column} > 0", "method", pred_all[part]),
                ("all positive", "baseline", np.ones(int(part.sum()), bool)),
            ):
                prf = metrics.precision_recall_f1(y, pred)
                set_name, status = SPLIT_INFO[part_name]
                rows.append({"target": gold, "rule": rule, "kind": kind, "split": part_name,
                             "set": set_name, "status": status,
                             "precision": prf.precision, "recall": prf.recall, "f1": prf.f1,
                             "tp": prf.tp, "fp": prf.fp, "fn": prf.fn, "tn": prf.tn,
                             "n": int(part.sum()), "n_pos": int(y.sum())})
    return pd.DataFrame(rows)


def _load(path: str | os.PathLike[str] | None) -> pd.DataFrame:
    # Default: both repository sets; an explicit file is evaluated on its own.
    return load_hedging_sets() if path is None else load_hedging_labels(path)


def evaluate_hedging(
    path: str | os.PathLike[str] | None = None, scorer: FrameScorer | None = None
) -> pd.DataFrame:
    """Score the labelled sentences and compare; default: set 1 and held-out set 2.

    With ``path=None`` both repository files are read and the result has the
    splits ``heldout2`` (headline: the clean test), ``dev``, ``test`` (seen)
    and ``all`` (set 1).  An explicit ``path`` is evaluated alone, by its own
    ``split`` values.  Rows with ``usable == 0`` are left out; their number
    is in ``result.attrs["excluded_unusable"]``.

    Example:
        >>> evaluate_hedging().query("split == 'heldout2'")  # doctest: +SKIP
    """
    labels = _load(path)
    excluded = 0
    if "usable" in labels.columns:
        excluded = int((labels["usable"] == 0).sum())
        labels = labels[labels["usable"] == 1]
    labels = labels.reset_index(drop=True)
    scorer = scorer or default_frame_scorer()
    scores = check_scores(
        scorer(pd.DataFrame({"text": labels["sentence"].to_numpy()})), len(labels),
        tuple(HEDGING_TARGETS.values()),
    )
    result = hedging_metrics(labels, scores.reset_index(drop=True))
    result.attrs["excluded_unusable"] = excluded
    return result


#: gold column -> the scorer dimensions whose matches predict it
HEDGING_DIMENSIONS: dict[str, str] = {"hedge": "hedging", "booster": "certainty"}


def hedging_error_reason(target: str, error: str, cues: str, predicted: str) -> str:
    """A categorised reason for one hedging/booster error (rule-made, to sort errors for reading).

    Example:
        >>> hedging_error_reason("booster", "FN", "B: will return (B5 contested outcome)", "")
        "'will' + contested outcome (construction, not a word)"
        >>> hedging_error_reason("hedge", "FP", "", "could")
        'form matched, sense not epistemic'
    """
    if error == "FP":
        return "form matched, sense not epistemic"
    low = cues.lower()
    if re.search(r"\bwill\b", low):
        return "'will' + contested outcome (construction, not a word)"
    if re.search(r"\bwould\b", low):
        return "tentative 'would' (left out by design)"
    if predicted:
        return "cue matched on the other side only"
    return "missing vocabulary"


def hedging_errors(
    path: str | os.PathLike[str] | None = None,
    split: str | None = "dev",
    matcher: Matcher | None = None,
) -> pd.DataFrame:
    """Every disagreement with the hedging labels on ``split`` (None: all usable rows).

    ``split``: ``dev``, ``test``, ``heldout2`` or None.  With ``path=None``
    both repository sets are read (see :func:`evaluate_hedging`).

    One row per sentence and target (hedge, booster) where ``> 0`` matches
    and the label differ.  Columns: sentence_id, target, error (FP|FN),
    reason, sentence, cues (the annotator's), predicted (matched terms of the
    target's dimension).

    Example:
        >>> hedging_errors().groupby(["target", "error"]).size()  # doctest: +SKIP
    """
    labels = _load(path)
    if "usable" in labels.columns:
        labels = labels[labels["usable"] == 1]
    if split is not None:
        labels = labels[labels["split"] == split]
    labels = labels.reset_index(drop=True)
    matcher = matcher or default_matcher()
    matches = check_matches(matcher(pd.DataFrame({"text": labels["sentence"].to_numpy()})), len(labels))
    rows = []
    for target, dimension in HEDGING_DIMENSIONS.items():
        dim = matches[matches["dimension"] == dimension]
        terms = dim.groupby(dim["row"].astype("int64"))["term"].agg(lambda t: "; ".join(t))
        for i, r in enumerate(labels.itertuples(index=False)):
            predicted = str(terms.get(i, ""))
            gold = bool(getattr(r, target))
            if bool(predicted) == gold:
                continue
            error = "FN" if gold else "FP"
            cues = str(getattr(r, "cues", ""))
            rows.append({"sentence_id": r.sentence_id, "target": target, "error": error,
                         "reason": hedging_error_reason(target, error, cues, predicted),
                         "sentence": r.sentence, "cues": cues, "predicted": predicted})
    return pd.DataFrame(rows, columns=["sentence_id", "target", "error", "reason", "sentence",
                                       "cues", "predicted"])
