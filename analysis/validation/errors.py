"""Error analysis: the most confident false positives and false negatives per score.

Each row shows the line, its score, the lexicon matches behind the score and
the gold technique spans, so that a reason can be written next to it (a
missing term, a sense the lexicon does not separate, a label the technique
definition does not cover...).  The default split is ``dev``: reading test
errors and then editing lexicons would leak the test set into the lexicons.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from analysis.validation.ptc_eval import PTCResults, score_columns


def _show_matches(text: str, matched: list[tuple[int, int, str, str]]) -> str:
    return "; ".join(
        f"{text[s:e]!r} ({term}{', ' + cat if cat else ''})" for s, e, term, cat in matched
    )


def _show_gold(text: str, spans: list[tuple[int, int, str]]) -> str:
    return "; ".join(f"{tech}: {text[s:e]!r}" for s, e, tech in spans)


def worst_errors(
    results: PTCResults, k: int = 20, split: str | None = "dev", baselines: bool = False
) -> pd.DataFrame:
    """Top-``k`` false positives (highest-scoring negatives) and false negatives
    (lowest-scoring positives) for every method score of every task.

    A false positive must score above 0 (the ``> 0`` rule); false negatives
    are the positives ranked from the lowest score up.  ``split`` None uses
    all lines; ``baselines`` True adds the baseline scores.  Ties in score
    (many lines score exactly 0) are broken by an md5 hash of
    ``article_id:line_no``, which spreads the examples over articles and keeps
    the table deterministic.  Columns: task, score, error (FP|FN), rank, article_id,
    line_no, split, value, text, matched, gold.

    Example:
        >>> worst_errors(results, k=5).groupby("error").size()  # doctest: +SKIP
    """
    lines = results.lines if split is None else results.lines[results.lines["split"] == split]
    lines = lines.assign(_tie=[
        hashlib.md5(f"{a}:{n}".encode()).hexdigest()
        for a, n in zip(lines["article_id"], lines["line_no"], strict=True)
    ])
    rows = []
    for task in results.tasks:
        label = lines[f"label_{task.key}"].astype(bool)
        for column, kind in score_columns(task):
            if kind != "method" and not baselines:
                continue
            negatives = lines[~label]
            for error, part, ascending in (
                ("FP", negatives[negatives[column] > 0], False),
                ("FN", lines[label], True),
            ):
                ranked = part.sort_values(
                    [column, "_tie"], ascending=[ascending, True], kind="mergesort"
                ).head(k)
                for rank, r in enumerate(ranked.to_dict("records"), start=1):
                    text = str(r["text"])
                    rows.append({
                        "task": task.name, "score": column, "error": error, "rank": rank,
                        "article_id": r["article_id"], "line_no": int(r["line_no"]),
                        "split": r["split"], "value": float(r[column]), "text": text,
                        "matched": _show_matches(text, r[f"matched_{task.key}"]),
                        "gold": _show_gold(text, r[f"spans_{task.key}"]),
                    })
    columns = ["task", "score", "error", "rank", "article_id", "line_no", "split", "value",
               "text", "matched", "gold"]
    return pd.DataFrame(rows, columns=columns)
