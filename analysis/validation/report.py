"""The validation report: tidy tables and their Markdown rendering (no extra dependency)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd


def _cell(value: object, digits: int) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "n/a"
        if math.isinf(value):
            return "-inf" if value < 0 else "inf"
        if value.is_integer() and abs(value) >= 1000:
            return str(int(value))
        return f"{value:.{digits}f}"
    text = str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(df: pd.DataFrame, digits: int = 3) -> str:
    """A GitHub Markdown table; floats to ``digits`` places, NaN as ``n/a``.

    Example:
        >>> print(markdown_table(pd.DataFrame({"a": [1, 2], "b": [0.5, float("nan")]})))
        | a | b |
        | --- | --- |
        | 1 | 0.500 |
        | 2 | n/a |
    """
    header = "| " + " | ".join(str(c) for c in df.columns) + " |"
    rule = "| " + " | ".join("---" for _ in df.columns) + " |"
    body = [
        "| " + " | ".join(_cell(v.item() if hasattr(v, "item") else v, digits) for v in row) + " |"
        for row in df.itertuples(index=False, name=None)
    ]
    return "\n".join([header, rule, *body])


_SENTENCE_COLS = ["task", "score", "kind", "rule", "threshold", "precision", "recall", "f1",
                  "auc", "n", "n_pos"]
_SPAN_COLS = ["task", "split", "precision", "recall", "n_pred", "n_gold"]
_NYT_COLS = ["score", "kind", "expected_sign", "pearson", "spearman", "n"]
_HEDGING_COLS = ["target", "set", "split", "status", "rule", "kind", "precision", "recall", "f1",
                 "tp", "fp", "fn", "tn", "n"]
_ATTRIBUTION_COLS = ["split", "articles", "gold_quotes", "found", "quote_recall", "speaker_accuracy",
                     "speaker_accuracy_all", "unattributed_named", "one_id_per_person", "person_groups"]
_MERGE_COLS = ["split", "merger", "people", "names", "merge_precision", "merge_recall",
               "never_merge_violations", "never_merge_pairs"]
_ERROR_COLS = ["task", "score", "error", "rank", "article_id", "line_no", "value", "text",
               "matched", "gold"]


@dataclass
class ValidationReport:
    """Every validation table, tidy, with baselines beside the methods.

    ``ptc_sentence``: task, gold, score, kind (method|baseline), split, rule,
    threshold, precision, recall, f1, auc, n, n_pos, tp, fp, fn, tn.
    ``ptc_span``: span-overlap precision/recall per task and split.
    ``nyt``: Pearson/Spearman with crowd means.  ``hedging``: P/R/F1 and
    confusion counts per target, rule and split.  ``errors``: worst errors
    (see :func:`~analysis.validation.error_analysis.worst_errors`).  ``attribution``
    and ``attribution_merge``: quote/speaker measures and merge precision/recall
    (see :mod:`~analysis.validation.attribution_eval`).  ``notes``: what
    was missing or adjusted.  Empty frames mean the part was not run.
    """

    ptc_sentence: pd.DataFrame = field(default_factory=pd.DataFrame)
    ptc_span: pd.DataFrame = field(default_factory=pd.DataFrame)
    nyt: pd.DataFrame = field(default_factory=pd.DataFrame)
    hedging: pd.DataFrame = field(default_factory=pd.DataFrame)
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_merge: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)

    def to_markdown(self, n_errors: int = 0) -> str:
        """All tables as Markdown; ``n_errors`` > 0 appends that many errors per score and kind.

        Example:
            >>> print(ValidationReport(notes=["hedging labels missing"]).to_markdown())
            # Validation against human labels
            <BLANKLINE>
            ## Notes
            <BLANKLINE>
            - hedging labels missing
            <BLANKLINE>
        """
        parts = ["# Validation against human labels"]
        if self.meta:
            parts.append("\n".join(f"- {k}: {v}" for k, v in self.meta.items()))
        if not self.ptc_sentence.empty:
            for split, note in (("test", "threshold of the best-F1 rule chosen on dev"),
                                ("dev", "optimistic for the best-F1 rule: chosen here")):
                part = self.ptc_sentence[self.ptc_sentence["split"] == split]
                parts.append(f"## PTC-2020 lines, {split} articles ({note})")
                parts.append(markdown_table(part[_SENTENCE_COLS]))
        if not self.ptc_span.empty:
            parts.append("## PTC-2020 span overlap (matches vs gold technique spans)")
            parts.append(markdown_table(self.ptc_span[_SPAN_COLS]))
        if not self.nyt.empty:
            parts.append("## VADER NYT editorial snippets: correlation with crowd means")
            parts.append(markdown_table(self.nyt[_NYT_COLS]))
        if not self.hedging.empty:
            parts.append("## Hedging and boosters (hand-labelled sentences)")
            parts.append(markdown_table(self.hedging[_HEDGING_COLS]))
        if not self.attribution.empty:
            part = self.attribution[self.attribution["split"] == "test"]
            parts.append("## Quote attribution (NYT 2022 gold), test articles")
            parts.append(markdown_table(part[_ATTRIBUTION_COLS]))
        if not self.attribution_merge.empty:
            part = self.attribution_merge[self.attribution_merge["split"] == "heldout"]
            parts.append("## Speaker merging (variant list), held-out people")
            parts.append(markdown_table(part[_MERGE_COLS]))
        if n_errors > 0 and not self.errors.empty:
            top = self.errors[self.errors["rank"] <= n_errors]
            parts.append(f"## Worst errors (top {n_errors} per score; split: "
                         f"{', '.join(sorted(set(self.errors['split'])))})")
            parts.append(markdown_table(top[_ERROR_COLS]))
        if self.notes:
            parts.append("## Notes")
            parts.append("\n".join(f"- {n}" for n in self.notes))
        return "\n\n".join(parts) + "\n"
