"""Which lexicon categories earn their place: per-category precision, recall and drop-one F1.

For one PTC task and split, every lexicon category that matched is scored on
its own (lines it flags, how many of them are labelled, how many of its
matched spans overlap a gold span, the share of labelled lines it reaches)
and by what the task's ``> 0`` F1 would be without it.  A category whose
removal *raises* F1 costs more precision than it brings recall.
"""

from __future__ import annotations

import pandas as pd

from analysis.validation import metrics
from analysis.validation.ptc_eval import PTCResults

CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    "category", "n_matches", "n_lines", "line_precision", "span_precision", "recall",
    "only_this", "f1_without", "f1_change_without",
)


def category_contributions(
    results: PTCResults, task_key: str = "loaded_hostility", split: str | None = "dev"
) -> pd.DataFrame:
    """Per matched category: its own precision and reach, and the task F1 without it.

    Columns: category, n_matches, n_lines (lines with at least one match of
    the category), line_precision (share of those lines that are labelled),
    span_precision (share of its matches overlapping a gold span), recall
    (share of labelled lines it flags), only_this (labelled lines flagged by
    this category alone), f1_without (``> 0`` F1 when the category is
    dropped) and f1_change_without (that minus the full F1; positive means
    the category hurts).  Sorted by n_lines, largest first.

    Example:
        >>> from analysis.validation.ptc_eval import PTCResults, default_tasks
        >>> lines = pd.DataFrame({"split": ["dev"] * 3, "label_threat": [True, False, True],
        ...     "spans_threat": [[(0, 3, "x")], [], [(0, 2, "x")]],
        ...     "matched_threat": [[(0, 3, "kill", "a")], [(0, 2, "it", "b")], []]})
        >>> c = category_contributions(PTCResults(lines, default_tasks()), "threat")
        >>> c[["category", "n_lines", "line_precision", "f1_change_without"]].round(3).values.tolist()
        [['a', 1, 1.0, -0.5], ['b', 1, 0.0, 0.167]]
    """
    lines = results.lines if split is None else results.lines[results.lines["split"] == split]
    y = lines[f"label_{task_key}"].to_numpy(dtype=bool)
    matched = lines[f"matched_{task_key}"].tolist()
    gold = lines[f"spans_{task_key}"].tolist()
    cats_per_line = [{m[3] for m in ms} for ms in matched]
    full = metrics.precision_recall_f1(y, [bool(c) for c in cats_per_line]).f1
    n_pos = int(y.sum())
    rows = []
    for cat in sorted(set().union(*cats_per_line)):
        hit_lines = [cat in c for c in cats_per_line]
        n_matches = n_span_hit = 0
        for ms, gs in zip(matched, gold, strict=True):
            for s, e, _term, c in ms:
                if c == cat:
                    n_matches += 1
                    n_span_hit += any(g[0] < e and s < g[1] for g in gs)
        n_lines = sum(hit_lines)
        tp = int(sum(h and t for h, t in zip(hit_lines, y, strict=True)))
        only = int(sum(c == {cat} and t for c, t in zip(cats_per_line, y, strict=True)))
        without = metrics.precision_recall_f1(y, [bool(c - {cat}) for c in cats_per_line]).f1
        rows.append({
            "category": cat, "n_matches": n_matches, "n_lines": n_lines,
            "line_precision": tp / n_lines if n_lines else float("nan"),
            "span_precision": n_span_hit / n_matches if n_matches else float("nan"),
            "recall": tp / n_pos if n_pos else float("nan"),
            "only_this": only, "f1_without": without, "f1_change_without": without - full,
        })
    out = pd.DataFrame(rows, columns=list(CONTRIBUTION_COLUMNS))
    return out.sort_values(["n_lines", "category"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
