"""Agreement metrics on numpy arrays: P/R/F1, ROC AUC, thresholds, span overlap, correlation.

Conventions used throughout:

* A score predicts positive when ``score > threshold`` (strict), so the
  natural rule for a count is ``threshold = 0`` ("any match").
* A ratio whose denominator is zero is ``nan`` (undefined), never a silent 0.
* Labels are anything castable to bool.

References:
    Hanley, J. A. and McNeil, B. J. (1982). The meaning and use of the area
    under a receiver operating characteristic (ROC) curve. Radiology 143.
    Mann, H. B. and Whitney, D. R. (1947). On a test of whether one of two
    random variables is stochastically larger than the other. Ann. Math. Stat.
    Fawcett, T. (2006). An introduction to ROC analysis. Pattern Recognition
    Letters 27.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

Span = tuple[int, int]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the confusion counts they come from."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    tn: int

    def as_dict(self) -> dict[str, float | int]:
        """The fields as a plain dict (for DataFrame rows)."""
        return asdict(self)


@dataclass(frozen=True)
class Correlation:
    """A correlation coefficient, its two-sided p-value and the number of pairs used."""

    r: float
    p: float
    n: int


def _ratio(num: float, den: float) -> float:
    return float(num) / float(den) if den else float("nan")


def _binary(y: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    return arr.astype(bool)


def _scores(s: ArrayLike, n: int) -> np.ndarray:
    arr = np.asarray(s, dtype="float64")
    if arr.shape != (n,):
        raise ValueError(f"scores must have shape ({n},), got {arr.shape}")
    if np.isnan(arr).any():
        raise ValueError(f"scores contain {int(np.isnan(arr).sum())} NaN value(s)")
    return arr


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """2x2 counts ``[[tn, fp], [fn, tp]]`` (rows: truth 0/1, columns: prediction 0/1).

    Example:
        >>> confusion_matrix([1, 1, 0, 0, 1], [1, 0, 1, 0, 1]).tolist()
        [[1, 1], [1, 2]]
    """
    t, p = _binary(y_true, "y_true"), _binary(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred differ in length: {t.shape[0]} vs {p.shape[0]}")
    return np.array(
        [[int(np.sum(~t & ~p)), int(np.sum(~t & p))], [int(np.sum(t & ~p)), int(np.sum(t & p))]]
    )


def precision_recall_f1(y_true: ArrayLike, y_pred: ArrayLike) -> PRF:
    """Precision, recall and F1 of binary predictions.

    Precision is nan without predicted positives, recall nan without true
    positives, F1 = 2tp / (2tp + fp + fn) (nan only if both are empty).

    Example:
        >>> r = precision_recall_f1([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
        >>> round(r.precision, 3), round(r.recall, 3), round(r.f1, 3)
        (0.667, 0.667, 0.667)
    """
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred).tolist()
    return PRF(
        precision=_ratio(tp, tp + fp),
        recall=_ratio(tp, tp + fn),
        f1=_ratio(2 * tp, 2 * tp + fp + fn),
        tp=tp,
        fp=fp,
        fn=fn,
        tn=tn,
    )


def prf_at_threshold(y_true: ArrayLike, scores: ArrayLike, threshold: float = 0.0) -> PRF:
    """P/R/F1 when ``score > threshold`` is predicted positive.

    Example:
        >>> prf_at_threshold([0, 1, 1], [0.0, 0.5, 0.0], 0.0).recall
        0.5
    """
    t = _binary(y_true, "y_true")
    s = _scores(scores, t.shape[0])
    return precision_recall_f1(t, s > threshold)


def roc_auc(y_true: ArrayLike, scores: ArrayLike) -> float:
    """Area under the ROC curve via the Mann-Whitney U statistic; ties count one half.

    AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg), with R_pos the sum
    of mid-ranks of the positives.  nan when either class is empty.

    Example:
        >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
        0.75
        >>> roc_auc([0, 1], [1.0, 1.0])
        0.5

    References:
        Hanley and McNeil (1982); Mann and Whitney (1947).
    """
    t = _binary(y_true, "y_true")
    s = _scores(scores, t.shape[0])
    n_pos = int(t.sum())
    n_neg = t.shape[0] - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = stats.rankdata(s, method="average")
    u = ranks[t].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def roc_curve(y_true: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ROC points ``(fpr, tpr, thresholds)``, one per distinct score, from (0, 0) to (1, 1).

    Point ``i`` predicts positive when ``score >= thresholds[i]``; the first
    threshold is ``+inf`` (nothing positive).  The trapezoid area under the
    points equals :func:`roc_auc`.

    Example:
        >>> fpr, tpr, thr = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
        >>> fpr.tolist(), tpr.tolist()
        ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0])
    """
    t = _binary(y_true, "y_true")
    s = _scores(scores, t.shape[0])
    n_pos, n_neg = int(t.sum()), int((~t).sum())
    thresholds = np.unique(s)[::-1]
    pos_sorted, neg_sorted = np.sort(s[t]), np.sort(s[~t])
    tp = n_pos - np.searchsorted(pos_sorted, thresholds, side="left")
    fp = n_neg - np.searchsorted(neg_sorted, thresholds, side="left")
    with np.errstate(invalid="ignore", divide="ignore"):
        tpr = np.concatenate([[0.0], tp / n_pos]) if n_pos else np.full(len(thresholds) + 1, np.nan)
        fpr = np.concatenate([[0.0], fp / n_neg]) if n_neg else np.full(len(thresholds) + 1, np.nan)
    return fpr, tpr, np.concatenate([[np.inf], thresholds])


def f1_by_threshold(y_true: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """F1 of the rule ``score > t`` for every candidate ``t``: ``-inf`` and each distinct score.

    Example:
        >>> thr, f1 = f1_by_threshold([0, 1, 1], [0.0, 1.0, 2.0])
        >>> thr.tolist(), [round(float(x), 3) for x in f1]
        ([-inf, 0.0, 1.0, 2.0], [0.8, 1.0, 0.667, 0.0])
    """
    t = _binary(y_true, "y_true")
    s = _scores(scores, t.shape[0])
    n_pos = int(t.sum())
    thresholds = np.concatenate([[-np.inf], np.unique(s)])
    pos_sorted, neg_sorted = np.sort(s[t]), np.sort(s[~t])
    tp = n_pos - np.searchsorted(pos_sorted, thresholds, side="right")
    fp = len(neg_sorted) - np.searchsorted(neg_sorted, thresholds, side="right")
    fn = n_pos - tp
    den = 2 * tp + fp + fn
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(den > 0, 2 * tp / np.maximum(den, 1), np.nan)
    return thresholds, f1.astype("float64")


def best_f1_threshold(y_true: ArrayLike, scores: ArrayLike) -> tuple[float, float]:
    """The threshold ``t`` (rule ``score > t``) with the highest F1, and that F1.

    Choose it on the development part only, then apply it unchanged to the
    test part.  Ties go to the largest ``t`` (fewest positive predictions).
    Returns ``(nan, nan)`` when F1 is undefined everywhere (no positives).

    Example:
        >>> best_f1_threshold([0, 1, 1], [0.0, 1.0, 2.0])
        (0.0, 1.0)
    """
    thresholds, f1 = f1_by_threshold(y_true, scores)
    if not _binary(y_true, "y_true").any():
        return float("nan"), float("nan")
    best = np.nanmax(f1)
    i = int(np.flatnonzero(f1 == best)[-1])
    return float(thresholds[i]), float(best)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class SpanPR:
    """Span-overlap precision and recall with their counts."""

    precision: float
    recall: float
    n_pred: int
    n_gold: int
    n_pred_hit: int
    n_gold_hit: int


def span_overlap_pr(
    pred: Sequence[Sequence[Span]], gold: Sequence[Sequence[Span]]
) -> SpanPR:
    """Overlap precision/recall of predicted spans against gold spans, unit by unit.

    ``pred[i]`` and ``gold[i]`` are the ``(start, end)`` spans (end exclusive)
    of the same unit (sentence or document).  A prediction is correct if it
    overlaps any gold span of its unit; recall is the share of gold spans
    overlapped by any prediction.  Extra tuple fields are ignored.

    Example:
        >>> r = span_overlap_pr([[(0, 3), (10, 12)], []], [[(2, 5)], [(1, 4)]])
        >>> r.precision, r.recall
        (0.5, 0.5)

    References:
        Da San Martino et al. (2019), span-level evaluation with partial
        overlap credit (here simplified to binary overlap).
    """
    if len(pred) != len(gold):
        raise ValueError(f"pred and gold differ in number of units: {len(pred)} vs {len(gold)}")
    n_pred = n_gold = pred_hit = gold_hit = 0
    for p_spans, g_spans in zip(pred, gold, strict=True):
        p = [(int(s[0]), int(s[1])) for s in p_spans]
        g = [(int(s[0]), int(s[1])) for s in g_spans]
        n_pred += len(p)
        n_gold += len(g)
        pred_hit += sum(any(_overlaps(a, b) for b in g) for a in p)
        gold_hit += sum(any(_overlaps(b, a) for a in p) for b in g)
    return SpanPR(
        precision=_ratio(pred_hit, n_pred),
        recall=_ratio(gold_hit, n_gold),
        n_pred=n_pred,
        n_gold=n_gold,
        n_pred_hit=pred_hit,
        n_gold_hit=gold_hit,
    )


def _pairs(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(x, dtype="float64"), np.asarray(y, dtype="float64")
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"x and y must be 1-D of equal length, got {a.shape} and {b.shape}")
    keep = ~(np.isnan(a) | np.isnan(b))
    return a[keep], b[keep]


def _correlate(
    fn: Callable[[np.ndarray, np.ndarray], Sequence[float]], x: ArrayLike, y: ArrayLike
) -> Correlation:
    a, b = _pairs(x, y)
    if len(a) < 3 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return Correlation(float("nan"), float("nan"), len(a))
    res = fn(a, b)
    return Correlation(float(res[0]), float(res[1]), len(a))


def pearson(x: ArrayLike, y: ArrayLike) -> Correlation:
    """Pearson's r; pairs with a NaN are dropped (``n`` counts the pairs used).

    nan when fewer than 3 pairs remain or either side is constant.

    Example:
        >>> pearson([1, 2, 3, 4], [2, 4, 6, 8]).r
        1.0
    """
    return _correlate(stats.pearsonr, x, y)


def spearman(x: ArrayLike, y: ArrayLike) -> Correlation:
    """Spearman's rank correlation (mid-ranks for ties); NaN pairs dropped.

    Example:
        >>> spearman([1, 2, 3, 4], [1, 4, 9, 16]).r
        1.0
    """
    return _correlate(stats.spearmanr, x, y)
