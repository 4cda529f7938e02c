"""Loaded language on labelled units (PTC-2020 lines, SemEval-2023 paragraphs): one report.

Every data set is reduced to *units* (a DataFrame with ``text``, ``label``,
``split`` dev|test, ``article_id`` and ``n_words``), scored once by the
frame scorer and matcher, then measured the same way:

* :func:`headline_metrics` -- per score (methods and baselines) and split:
  ROC AUC with a percentile bootstrap CI that resamples *articles* (the
  paragraphs of one article are not independent), and P/R/F1 at the
  threshold of best F1 on dev, applied unchanged to test;
* :func:`length_check` -- Spearman correlation of each score with the
  number of words, and ROC AUC within length quintiles (quintile edges from
  the dev part, so test is cut the same way);
* :func:`category_precision` -- per lexicon category, the share of units it
  flags that are labelled; the ``naming`` dimension is left out (naming
  conventions are not loaded language) and, when the matcher gives a
  ``mention`` column, mentions are left out as the counts leave them out.
  Categories with ``n >= 30`` flagged units and precision below 0.60 are
  flagged.

Methods: the summed hostility + loaded match weight, the
``loaded_language_index`` and the ``loaded_ranking_score`` (default form
v2, and form v1 of rounds 2-4 beside it; :mod:`analysis.scoring.indices`).  Baselines: words per unit, VADER ``neg``
and ``|compound|`` as shipped.  Targets are reported, never asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.scoring.indices import (
    RANKING_COLUMNS,
    RANKING_CONTRIBUTIONS,
    loaded_language_index,
    loaded_ranking_contributions,
)
from analysis.scoring.indices import REQUIRED_COLUMNS as INDEX_COLUMNS
from analysis.scoring.loaded_model import SCORE_COLUMNS as MODEL_SCORE_COLUMNS
from analysis.validate_args import require_columns
from analysis.validation import metrics, scorers
from analysis.validation.baselines import vader_polarity, word_counts
from analysis.validation.scorers import FrameScorer, Matcher, check_matches, check_scores

WEIGHT = "lexicon weight (hostility + loaded)"
INDEX = "loaded_language_index"
RANKING = "loaded_ranking_score"
#: The rounds 2-4 form of the ranking score, reported beside the default for comparison.
RANKING_V1 = "loaded_ranking_score (v1)"
#: Columns holding the named parts of the ranking score (they add up to it).
PART_COLUMNS: tuple[str, ...] = tuple(f"ranking: {p}" for p in RANKING_CONTRIBUTIONS)
METHODS: tuple[str, ...] = (RANKING, RANKING_V1, INDEX, WEIGHT)
BASELINES: tuple[str, ...] = ("words", "VADER neg", "VADER |compound|")
#: Dimensions whose matches make up "loaded" here; naming is deliberately absent.
LOADED_DIMENSIONS: tuple[str, ...] = ("loaded", "hostility")
EXCLUDED_DIMENSIONS: tuple[str, ...] = ("naming",)
PRECISION_TARGET: float = 0.60
MIN_CATEGORY_N: int = 30
UNIT_COLUMNS: tuple[str, ...] = ("text", "label", "split", "article_id", "n_words")


@dataclass
class ScoredUnits:
    """Units of one data set with every score column and ``matched`` (list of
    ``(start, end, term, category, dimension)`` per unit, naming and mentions left out)."""

    name: str
    units: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    #: the ``score_frame`` columns the indices read, one row per unit (for re-weighting)
    scores: pd.DataFrame = field(default_factory=pd.DataFrame)


def _matched_lists(matches: pd.DataFrame, n: int) -> list[list[tuple[int, int, str, str, str]]]:
    out: list[list[tuple[int, int, str, str, str]]] = [[] for _ in range(n)]
    cols = ("row", "start", "end", "term", "category", "dimension")
    for row, s, e, term, cat, dim in zip(*(matches[c] for c in cols), strict=True):
        out[int(row)].append((int(s), int(e), str(term), str(cat), str(dim)))
    return [sorted(x) for x in out]


def counted_matches(matches: pd.DataFrame) -> pd.DataFrame:
    """The matches that count as the narrator's loaded language: loaded and hostility
    dimensions, not naming, and not mentions when the matcher marks them.

    Example:
        >>> m = pd.DataFrame({"dimension": ["loaded", "naming", "hostility", "hedging"],
        ...                   "mention": [False, False, True, False]})
        >>> counted_matches(m).index.tolist()
        [0]
    """
    keep = matches["dimension"].isin(LOADED_DIMENSIONS) & ~matches["dimension"].isin(EXCLUDED_DIMENSIONS)
    if "mention" in matches.columns:
        keep &= ~matches["mention"].fillna(False).astype(bool)
    return matches[keep]


def score_units(
    name: str,
    units: pd.DataFrame,
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
) -> ScoredUnits:
    """Score ``units`` (columns :data:`UNIT_COLUMNS`) with every method and baseline.

    Example:
        >>> su = score_units("PTC-2020", units)  # doctest: +SKIP
        >>> su.units[[RANKING, "words"]].corr(method="spearman")  # doctest: +SKIP
    """
    require_columns(units, UNIT_COLUMNS, who="score_units", frame_name=f"{name} units")
    # looked up on the module at call time, so a patched default is used
    scorer = scorer or scorers.default_frame_scorer()
    matcher = matcher or scorers.default_matcher()
    out = units.reset_index(drop=True).copy()
    n = len(out)
    inp = pd.DataFrame({"text": out["text"].astype(str).to_numpy()})
    scores = check_scores(scorer(inp), n, tuple(dict.fromkeys(INDEX_COLUMNS + RANKING_COLUMNS + MODEL_SCORE_COLUMNS)))
    matches = counted_matches(check_matches(matcher(inp), n))
    weight = matches.groupby(matches["row"].astype("int64"))["weight"].sum()
    out[WEIGHT] = weight.reindex(range(n), fill_value=0.0).to_numpy(dtype="float64")
    out[INDEX] = loaded_language_index(scores).to_numpy(dtype="float64")
    parts = loaded_ranking_contributions(scores, inp["text"])
    out[RANKING] = parts["score"].to_numpy()
    out[RANKING_V1] = loaded_ranking_contributions(scores, form="v1")["score"].to_numpy()
    for part, column in zip(RANKING_CONTRIBUTIONS, PART_COLUMNS, strict=True):
        out[column] = parts[part].to_numpy()
    out["matched"] = pd.Series(_matched_lists(matches, n), index=out.index, dtype=object)
    vader = vader_polarity(out["text"])
    out["words"] = word_counts(out["text"]).astype("float64")
    out["VADER neg"] = vader["neg"].to_numpy()
    out["VADER |compound|"] = vader["compound"].abs().to_numpy()
    notes = []
    if "status" in scores.columns:
        bad = int((scores["status"] != "ok").sum())
        if bad:
            notes.append(f"{name}: {bad} unit(s) without status 'ok' scored 0 by the indices")
    kept = scores[list(dict.fromkeys(INDEX_COLUMNS + RANKING_COLUMNS + MODEL_SCORE_COLUMNS))].reset_index(drop=True)
    if "status" in scores.columns:
        kept["status"] = scores["status"].to_numpy()
    return ScoredUnits(name=name, units=out, notes=notes, scores=kept)


def bootstrap_auc(
    y: np.ndarray, s: np.ndarray, clusters: np.ndarray, *, n_boot: int = 1000, seed: int = 12,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap CI of ROC AUC, resampling whole clusters (articles).

    Each resample is scored by :func:`weighted_auc` on its cluster
    multiplicities (no re-ranking); a resample holding one class only is
    skipped, and none left gives ``(nan, nan)``.  NaN scores are a ValueError.

    Example:
        >>> y = np.array([0, 1] * 20); s = y + np.linspace(0, 0.5, 40); c = np.arange(40) // 2
        >>> lo, hi = bootstrap_auc(y, s, c, n_boot=200)
        >>> lo <= metrics.roc_auc(y, s) <= hi
        True
    """
    t = np.asarray(y).astype(bool)
    scores = np.asarray(s, dtype="float64")
    if scores.shape != t.shape or np.isnan(scores).any():
        raise ValueError(f"bootstrap_auc: scores must be {t.shape[0]} numbers without NaN")
    rng = np.random.default_rng(seed)
    codes, uniq = pd.factorize(pd.Series(clusters))
    rank_codes = np.unique(scores, return_inverse=True)[1].reshape(-1)
    aucs = []
    for _ in range(n_boot):
        # one draw call per resample, as before: the same seed gives the same resamples
        pick = rng.integers(0, len(uniq), len(uniq))
        auc = weighted_auc(t, rank_codes, codes, np.bincount(pick, minlength=len(uniq)))
        if not np.isnan(auc):
            aucs.append(auc)
    if not aucs:
        return float("nan"), float("nan")
    alpha = (1.0 - level) / 2.0
    return float(np.quantile(aucs, alpha)), float(np.quantile(aucs, 1.0 - alpha))


def weighted_auc(y: np.ndarray, rank_codes: np.ndarray, codes: np.ndarray, multiplicity: np.ndarray) -> float:
    """ROC AUC of the rows, row ``i`` repeated ``multiplicity[codes[i]]`` times, without building them.

    ``rank_codes`` numbers the distinct scores in increasing order (0 for the
    lowest; ``np.unique(s, return_inverse=True)[1]``).  Mann-Whitney with
    ties counting one half: ``2U`` sums, over positive copies, twice the
    negative copies scored below plus those scored equal.  Every term is an
    integer far below 2**53, so ``U`` is exact, as is the mid-rank sum of
    :func:`metrics.roc_auc` on the repeated rows, and ``U / (n_pos n_neg)`` is
    the same float.  nan when a class has no copy.

    Example:
        >>> y = np.array([False, True, True]); codes = np.array([0, 0, 1])
        >>> weighted_auc(y, np.array([0, 0, 1]), codes, np.array([2, 1]))
        0.6666666666666666
        >>> metrics.roc_auc([0, 1, 0, 1, 1], [.2, .2, .2, .2, .9])
        0.6666666666666666
    """
    n_levels = int(rank_codes.max()) + 1 if len(rank_codes) else 0
    w = multiplicity[codes].astype("float64")
    pos = np.bincount(rank_codes[y], weights=w[y], minlength=n_levels)
    neg = np.bincount(rank_codes[~y], weights=w[~y], minlength=n_levels)
    n_pos, n_neg = int(pos.sum()), int(neg.sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    twice_u = float(pos @ (2.0 * (np.cumsum(neg) - neg) + neg))
    return float((twice_u / 2.0) / (n_pos * n_neg))


def _kind(column: str) -> str:
    return "baseline" if column in BASELINES else "method"


def headline_metrics(
    scored: ScoredUnits, scores: Sequence[str] = METHODS + BASELINES, *, n_boot: int = 1000
) -> pd.DataFrame:
    """AUC (bootstrap CI by article) and F1 at the dev-chosen threshold, per score and split.

    Columns: dataset, score, kind, split, auc, auc_lo, auc_hi, threshold,
    precision, recall, f1, n, n_pos, n_articles.

    Example:
        >>> headline_metrics(scored).query("split == 'test'")  # doctest: +SKIP
    """
    u = scored.units
    y_all = u["label"].to_numpy(dtype=bool)
    dev = (u["split"] == "dev").to_numpy()
    rows = []
    for column in scores:
        s_all = u[column].to_numpy(dtype="float64")
        thr = metrics.best_f1_threshold(y_all[dev], s_all[dev])[0] if dev.any() else float("nan")
        for split in ("dev", "test"):
            part = (u["split"] == split).to_numpy()
            if not part.any():
                continue
            y, s = y_all[part], s_all[part]
            lo, hi = bootstrap_auc(y, s, u["article_id"].to_numpy()[part], n_boot=n_boot)
            prf = metrics.prf_at_threshold(y, s, thr) if not np.isnan(thr) else None
            rows.append({
                "dataset": scored.name, "score": column, "kind": _kind(column), "split": split,
                "auc": metrics.roc_auc(y, s), "auc_lo": lo, "auc_hi": hi, "threshold": thr,
                "precision": prf.precision if prf else float("nan"),
                "recall": prf.recall if prf else float("nan"),
                "f1": prf.f1 if prf else float("nan"),
                "n": int(part.sum()), "n_pos": int(y.sum()),
                "n_articles": int(u.loc[part, "article_id"].nunique()),
            })
    return pd.DataFrame(rows)


def length_quintiles(n_words: np.ndarray, dev_words: np.ndarray) -> np.ndarray:
    """Quintile 1..5 of each length, with the edges taken from the dev lengths.

    Example:
        >>> length_quintiles(np.array([1, 5, 50]), np.arange(1, 101)).tolist()
        [1, 1, 3]
    """
    edges = np.unique(np.quantile(dev_words, [0.2, 0.4, 0.6, 0.8]))
    return np.searchsorted(edges, n_words, side="right") + 1


def length_check(scored: ScoredUnits, scores: Sequence[str] = METHODS + BASELINES) -> pd.DataFrame:
    """Spearman with length, and AUC within each length quintile, per score and split.

    Columns: dataset, score, kind, split, spearman_words, auc_q1..auc_q5,
    auc_within_mean (unweighted mean of the quintile AUCs), n_q1..n_q5.

    Example:
        >>> length_check(scored).query("split == 'test'")  # doctest: +SKIP
    """
    u = scored.units
    words = u["words"].to_numpy(dtype="float64")
    q_all = length_quintiles(words, words[(u["split"] == "dev").to_numpy()])
    y_all = u["label"].to_numpy(dtype=bool)
    rows = []
    for column in scores:
        s_all = u[column].to_numpy(dtype="float64")
        for split in ("dev", "test"):
            part = (u["split"] == split).to_numpy()
            if not part.any():
                continue
            row: dict[str, object] = {
                "dataset": scored.name, "score": column, "kind": _kind(column), "split": split,
                "spearman_words": metrics.spearman(s_all[part], words[part]).r,
            }
            aucs = []
            for q in range(1, 6):
                sel = part & (q_all == q)
                auc = metrics.roc_auc(y_all[sel], s_all[sel]) if sel.any() else float("nan")
                row[f"auc_q{q}"], row[f"n_q{q}"] = auc, int(sel.sum())
                aucs.append(auc)
            row["auc_within_mean"] = float(np.nanmean(aucs)) if not np.isnan(aucs).all() else float("nan")
            rows.append(row)
    cols = ["dataset", "score", "kind", "split", "spearman_words",
            *[f"auc_q{q}" for q in range(1, 6)], "auc_within_mean", *[f"n_q{q}" for q in range(1, 6)]]
    return pd.DataFrame(rows, columns=cols)


def category_precision(scored: ScoredUnits, split: str | None = "test") -> pd.DataFrame:
    """Per lexicon category (naming and mentions left out): units flagged, precision, flag.

    ``below_target`` is True when ``n >= 30`` and precision < 0.60; categories
    with fewer units are listed with ``below_target`` False and
    ``too_few`` True.

    Example:
        >>> u = pd.DataFrame({"split": ["test"] * 3, "label": [True, False, True],
        ...     "matched": [[(0, 1, "a", "insult", "hostility")], [(0, 1, "b", "insult", "hostility")], []]})
        >>> category_precision(ScoredUnits("x", u))[["category", "n", "precision"]].values.tolist()
        [['insult', 2, 0.5]]
    """
    u = scored.units if split is None else scored.units[scored.units["split"] == split]
    labels = u["label"].to_numpy(dtype=bool)
    flagged: dict[tuple[str, str], list[int]] = {}
    for i, ms in enumerate(u["matched"]):
        for key in {(m[4], m[3]) for m in ms}:
            flagged.setdefault(key, []).append(i)
    rows = []
    for (dim, cat), idx in sorted(flagged.items()):
        n, tp = len(idx), int(labels[idx].sum())
        precision = tp / n
        rows.append({"dataset": scored.name, "split": split or "all", "dimension": dim,
                     "category": cat, "n": n, "tp": tp, "precision": precision,
                     "too_few": n < MIN_CATEGORY_N,
                     "below_target": n >= MIN_CATEGORY_N and precision < PRECISION_TARGET})
    cols = ["dataset", "split", "dimension", "category", "n", "tp", "precision", "too_few", "below_target"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n", "category"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def fragment(text: str, start: int, end: int, width: int = 20) -> str:
    """The matched span with up to ``width`` characters either side, cut at word edges.

    Example:
        >>> fragment("Yesterday the so-called leaders of the junta met again in Kyiv.", 24, 31)
        '…the so-called leaders of the junta met…'
    """
    left, right = text[max(0, start - width):start], text[end:end + width]
    if start - width > 0 and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + width < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0] + "…"
    return (left + text[start:end] + right).strip()


def top_scored(scored: ScoredUnits, k: int = 10, score: str = RANKING, max_matches: int = 6) -> pd.DataFrame:
    """The ``k`` highest-scored units with their counted matches as short fragments.

    The unit text itself is not returned (licences): only ``category:
    fragment`` for the first ``max_matches`` matches (from :func:`fragment`),
    then how many more there are.

    Example:
        >>> u = pd.DataFrame({"article_id": ["1", "2"], "text": ["They are idiots.", "Fine."],
        ...     "label": [False, False], "split": ["test", "test"], "r": [1.5, 0.0], "n_words": [3, 1],
        ...     "matched": [[(9, 15, "idiot", "insult", "hostility")], []]})
        >>> top_scored(ScoredUnits("x", u), k=1, score="r")["fragments"].tolist()
        ['insult: They are idiots.']
    """
    u = scored.units.sort_values(score, ascending=False, kind="mergesort").head(k)
    fragments = []
    for text, ms in zip(u["text"], u["matched"], strict=True):
        shown = [f"{m[3]}: {fragment(str(text), m[0], m[1])}" for m in ms[:max_matches]]
        if len(ms) > max_matches:
            shown.append(f"(+{len(ms) - max_matches} more)")
        fragments.append("; ".join(shown))
    return pd.DataFrame({"article_id": u["article_id"].to_numpy(), "n_words": u["n_words"].to_numpy(),
                         "n_matches": [len(ms) for ms in u["matched"]],
                         "score": u[score].to_numpy(dtype="float64"), "fragments": fragments})


#: The issue-12 targets on the test parts, checked for the headline score.
TARGETS: dict[str, float] = {
    "ptc_auc": 0.80, "ptc_f1": 0.52, "semeval_auc": 0.76, "semeval_over_length": 0.08,
    "category_precision": PRECISION_TARGET,
}


def _pick(headline: pd.DataFrame, dataset: str, score: str, split: str = "test") -> pd.Series | None:
    rows = headline[(headline["dataset"] == dataset) & (headline["score"] == score)
                    & (headline["split"] == split)]
    return None if rows.empty else rows.iloc[0]


def targets_table(
    headline: pd.DataFrame, categories: pd.DataFrame, score: str = RANKING,
    ptc: str = "PTC-2020", semeval: str = "SemEval-2023 translated",
) -> pd.DataFrame:
    """Each target on the test parts: measure, target, value, met (absent data sets are left out).

    Example:
        >>> h = pd.DataFrame({"dataset": ["PTC-2020"], "score": [RANKING], "split": ["test"],
        ...                   "auc": [0.81], "f1": [0.5]})
        >>> targets_table(h, pd.DataFrame())[["measure", "met"]].values.tolist()
        [['PTC-2020 AUC', True], ['PTC-2020 F1 (dev-chosen threshold)', False]]
    """
    rows = []
    p = _pick(headline, ptc, score)
    if p is not None:
        rows.append(("PTC-2020 AUC", f">= {TARGETS['ptc_auc']}", float(p["auc"]), p["auc"] >= TARGETS["ptc_auc"]))
        rows.append(("PTC-2020 F1 (dev-chosen threshold)", f">= {TARGETS['ptc_f1']}", float(p["f1"]),
                     p["f1"] >= TARGETS["ptc_f1"]))
    s, w = _pick(headline, semeval, score), _pick(headline, semeval, "words")
    if s is not None and w is not None:
        rows.append((f"{semeval} AUC", f">= {TARGETS['semeval_auc']}", float(s["auc"]),
                     s["auc"] >= TARGETS["semeval_auc"]))
        margin = TARGETS["semeval_over_length"]
        rows.append((f"{semeval} AUC minus words AUC ({w['auc']:.3f})", f">= {margin}",
                     float(s["auc"] - w["auc"]), s["auc"] - w["auc"] >= margin))
    if not categories.empty:
        big = categories[~categories["too_few"] & categories["dataset"].isin([ptc, semeval])]
        cols = ("dataset", "dimension", "category", "n", "precision", "below_target")
        for ds, dim, cat, n, prec, below in zip(*(big[c].tolist() for c in cols), strict=True):
            rows.append((f"{ds}: precision of {dim}/{cat} (n={n})", f">= {PRECISION_TARGET}",
                         float(prec), not below))
    out = pd.DataFrame(rows, columns=["measure", "target", "value", "met"])
    out["met"] = out["met"].astype(bool)
    return out
