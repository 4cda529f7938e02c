"""Sentence- and span-level agreement of lexicon matches with PTC-2020 technique labels.

Unit: a non-empty PTC article line (one sentence).  Tasks (see
:func:`default_tasks`):

* ``loaded_hostility`` -- loaded-term and hostility matches against lines
  holding a ``Loaded_Language`` or ``Name_Calling,Labeling`` span;
* ``threat`` -- hostility matches of the threat/violence categories against
  lines holding an ``Appeal_to_fear-prejudice`` span.

Each task is scored by its method(s) and by two baselines (VADER ``neg`` as
shipped; words per line).  Every score gets two rules: ``> 0`` (any match;
fixed in advance) and ``> t`` with ``t`` the best-F1 threshold on the dev
articles, applied unchanged to test.  ROC AUC needs no threshold.  All sides
of loaded terms count (in the project lexicon ``neutral`` marks loaded
vocabulary shared by both sides, which is still loaded language); a task's
``exclude_sides`` can leave sides out.

References:
    Da San Martino, G., Yu, S., Barrón-Cedeño, A., Petrov, R. and Nakov, P.
    (2019). Fine-Grained Analysis of Propaganda in News Articles. EMNLP-IJCNLP.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.scoring.indices import REQUIRED_COLUMNS as INDEX_COLUMNS
from analysis.scoring.indices import loaded_language_index
from analysis.validation import metrics
from analysis.validation.baselines import vader_polarity, word_counts
from analysis.validation.ptc import PTC, load_ptc, ptc_sentences
from analysis.validation.scorers import (
    FrameScorer,
    Matcher,
    check_matches,
    check_scores,
    default_frame_scorer,
    default_matcher,
)

#: Hostility categories (``Match.category``) of the threat task: the project
#: lexicon's ``threat_violence``, plus the plain names other lexicons may use.
DEFAULT_THREAT_CATEGORIES: tuple[str, ...] = ("threat_violence", "threat", "violence")
BASELINES: tuple[str, ...] = ("VADER neg", "words")
#: Method name of the composite ranking score (lexicon weight + 0.5 |compound|).
INDEX_METHOD = "loaded-language index (weight + 0.5·|compound|)"
SPLITS: tuple[str, ...] = ("dev", "test")


@dataclass(frozen=True)
class PTCTask:
    """One comparison: which matches (and score_frame columns) against which techniques.

    ``categories`` None means any category; ``frame_columns`` are summed into a
    second, length-normalised method when given.
    """

    key: str
    name: str
    techniques: tuple[str, ...]
    dimensions: tuple[str, ...]
    categories: tuple[str, ...] | None = None
    frame_columns: tuple[str, ...] = ()
    exclude_sides: tuple[str, ...] = ()
    #: also rank by :func:`analysis.scoring.indices.loaded_language_index`
    language_index: bool = False

    @property
    def gold(self) -> str:
        """The gold label as text, e.g. ``Loaded_Language | Name_Calling,Labeling``."""
        return " | ".join(self.techniques)

    @property
    def methods(self) -> tuple[str, ...]:
        """Column names of this task's method scores in :attr:`PTCResults.lines`."""
        names = [f"{self.name}: matched weight"]
        if self.frame_columns:
            names.append(f"{self.name}: " + " + ".join(self.frame_columns))
        if self.language_index:
            names.append(f"{self.name}: {INDEX_METHOD}")
        return tuple(names)


def default_tasks(
    threat_categories: Sequence[str] = DEFAULT_THREAT_CATEGORIES,
) -> tuple[PTCTask, ...]:
    """The two PTC comparisons of the project; ``threat_categories`` are hostility categories.

    Example:
        >>> [t.key for t in default_tasks()]
        ['loaded_hostility', 'threat']
    """
    return (
        PTCTask(
            key="loaded_hostility",
            name="loaded+hostility",
            techniques=("Loaded_Language", "Name_Calling,Labeling"),
            dimensions=("loaded", "hostility"),
            frame_columns=("loaded_score", "hostility_score"),
            language_index=True,
        ),
        PTCTask(
            key="threat",
            name="threat",
            techniques=("Appeal_to_fear-prejudice",),
            dimensions=("hostility",),
            categories=tuple(threat_categories),
        ),
    )


@dataclass
class PTCResults:
    """Scored PTC lines: :func:`~analysis.validation.ptc.ptc_sentences` columns plus
    one column per method and baseline score and ``matched_<task key>`` (list of
    ``(start, end, term, category)`` per line)."""

    lines: pd.DataFrame
    tasks: tuple[PTCTask, ...]
    notes: list[str] = field(default_factory=list)


def select_matches(matches: pd.DataFrame, task: PTCTask) -> pd.DataFrame:
    """The matches that count for ``task`` (dimension, category and side filters).

    Example:
        >>> m = pd.DataFrame({"row": [0, 0, 1], "term": ["a", "b", "c"],
        ...     "dimension": ["loaded", "loaded", "hedging"], "category": ["", "", ""],
        ...     "start": [0, 2, 0], "end": [1, 3, 1], "weight": [1.0, 1.0, 1.0],
        ...     "side": ["russian", "neutral", ""]})
        >>> select_matches(m, default_tasks()[0]).term.tolist()
        ['a', 'b']
    """
    keep = matches["dimension"].isin(task.dimensions)
    if task.categories is not None:
        keep &= matches["category"].isin(task.categories)
    if task.exclude_sides:
        keep &= ~matches["side"].fillna("").isin(task.exclude_sides)
    return matches[keep]


def _matched_lists(selected: pd.DataFrame, n: int) -> list[list[tuple[int, int, str, str]]]:
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in range(n)]
    for row, s, e, term, cat in zip(
        selected["row"], selected["start"], selected["end"], selected["term"],
        selected["category"], strict=True,
    ):
        out[int(row)].append((int(s), int(e), str(term), str(cat)))
    return [sorted(x) for x in out]


def score_lines(
    lines: pd.DataFrame,
    tasks: Sequence[PTCTask],
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
) -> PTCResults:
    """Add method and baseline scores to PTC lines (``lines`` from ``ptc_sentences``).

    Example:
        >>> res = score_lines(lines, default_tasks())  # doctest: +SKIP
    """
    scorer = scorer or default_frame_scorer()
    matcher = matcher or default_matcher()
    lines = lines.reset_index(drop=True).copy()
    n = len(lines)
    inp = pd.DataFrame({"text": lines["text"].to_numpy()})
    frame_cols = tuple(dict.fromkeys(c for t in tasks for c in t.frame_columns))
    if any(t.language_index for t in tasks):
        frame_cols = tuple(dict.fromkeys(frame_cols + INDEX_COLUMNS))
    scores = check_scores(scorer(inp), n, frame_cols)
    matches = check_matches(matcher(inp), n)
    notes: list[str] = []
    for task in tasks:
        selected = select_matches(matches, task)
        weight = selected.groupby(selected["row"].astype("int64"))["weight"].sum()
        lines[task.methods[0]] = weight.reindex(range(n), fill_value=0.0).to_numpy(dtype="float64")
        lines[f"matched_{task.key}"] = pd.Series(_matched_lists(selected, n), index=lines.index, dtype=object)
        if task.frame_columns:
            values = scores[list(task.frame_columns)].apply(pd.to_numeric, errors="coerce")
            n_nan = int(values.isna().any(axis=1).sum())
            if n_nan:
                notes.append(f"{task.methods[1]}: {n_nan} line(s) without a score counted as 0")
            lines[task.methods[1]] = values.fillna(0.0).sum(axis=1).to_numpy(dtype="float64")
        if task.language_index:
            lines[f"{task.name}: {INDEX_METHOD}"] = loaded_language_index(scores).to_numpy(dtype="float64")
    lines["VADER neg"] = vader_polarity(lines["text"])["neg"].to_numpy()
    lines["words"] = word_counts(lines["text"]).astype("float64")
    return PTCResults(lines=lines, tasks=tuple(tasks), notes=notes)


def evaluate_ptc(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    ptc: PTC | None = None,
    tasks: Sequence[PTCTask] | None = None,
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
) -> PTCResults:
    """Load PTC (or take ``ptc``), cut it into labelled lines and score them.

    Example:
        >>> res = evaluate_ptc("/path/to/validation")  # doctest: +SKIP
        >>> sentence_metrics(res).query("split == 'test'")  # doctest: +SKIP
    """
    tasks = tuple(tasks or default_tasks())
    ptc = ptc if ptc is not None else load_ptc(data_dir)
    lines = ptc_sentences(ptc, {t.key: t.techniques for t in tasks})
    results = score_lines(lines, tasks, scorer=scorer, matcher=matcher)
    unplaced = lines.attrs.get("unplaced_spans", 0)
    if unplaced:
        results.notes.append(f"{unplaced} gold span(s) lie on no non-empty line")
    return results


def score_columns(task: PTCTask) -> list[tuple[str, str]]:
    """``(column, kind)`` pairs evaluated for ``task``: its methods, then the baselines.

    Example:
        >>> score_columns(default_tasks()[1])
        [('threat: matched weight', 'method'), ('VADER neg', 'baseline'), ('words', 'baseline')]
    """
    return [(m, "method") for m in task.methods] + [(b, "baseline") for b in BASELINES]


def sentence_metrics(results: PTCResults) -> pd.DataFrame:
    """Tidy P/R/F1 and ROC AUC per task, score, split and rule.

    Rules: ``> 0`` and ``best-F1 on dev`` (threshold chosen on dev, applied to
    both splits; on dev it is optimistic by construction).

    Example:
        >>> sentence_metrics(results).columns[:4].tolist()  # doctest: +SKIP
        ['task', 'gold', 'score', 'kind']
    """
    lines = results.lines
    rows = []
    for task in results.tasks:
        y_all = lines[f"label_{task.key}"].to_numpy(dtype=bool)
        for column, kind in score_columns(task):
            s_all = lines[column].to_numpy(dtype="float64")
            dev = (lines["split"] == "dev").to_numpy()
            t_dev, _ = metrics.best_f1_threshold(y_all[dev], s_all[dev])
            for split in SPLITS:
                part = (lines["split"] == split).to_numpy()
                y, s = y_all[part], s_all[part]
                auc = metrics.roc_auc(y, s) if len(y) else float("nan")
                for rule, thr in (("> 0", 0.0), ("best-F1 on dev", t_dev)):
                    prf = (
                        metrics.prf_at_threshold(y, s, thr)
                        if not np.isnan(thr)
                        else metrics.PRF(float("nan"), float("nan"), float("nan"), 0, 0, 0, 0)
                    )
                    rows.append({
                        "task": task.name, "gold": task.gold, "score": column, "kind": kind,
                        "split": split, "rule": rule, "threshold": thr,
                        "precision": prf.precision, "recall": prf.recall, "f1": prf.f1,
                        "auc": auc, "n": int(len(y)), "n_pos": int(y.sum()),
                        "tp": prf.tp, "fp": prf.fp, "fn": prf.fn, "tn": prf.tn,
                    })
    return pd.DataFrame(rows)


def span_metrics(results: PTCResults) -> pd.DataFrame:
    """Span-overlap precision/recall of each task's matches against the gold spans.

    A text region matched by several lexicon entries (one term in two
    dimensions or categories) is one predicted span: predictions are
    de-duplicated on ``(start, end)`` per line before counting.

    Example:
        >>> span_metrics(results).columns[:3].tolist()  # doctest: +SKIP
        ['task', 'gold', 'split']
    """
    lines = results.lines
    rows = []
    for task in results.tasks:
        for split in SPLITS:
            part = lines[lines["split"] == split]
            predicted = [sorted({(m[0], m[1]) for m in ms}) for ms in part[f"matched_{task.key}"]]
            r = metrics.span_overlap_pr(predicted, part[f"spans_{task.key}"].tolist())
            rows.append({"task": task.name, "gold": task.gold, "split": split,
                         "precision": r.precision, "recall": r.recall,
                         "n_pred": r.n_pred, "n_gold": r.n_gold,
                         "n_pred_hit": r.n_pred_hit, "n_gold_hit": r.n_gold_hit})
    return pd.DataFrame(rows)
