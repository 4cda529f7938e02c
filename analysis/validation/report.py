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
_RU_NEWS_COLS = ["split", "articles", "units", "speech_units", "found", "quote_recall", "kind_accuracy",
                 "speaker_accuracy", "speaker_accuracy_all", "unattributed_named", "one_id_per_person",
                 "person_groups", "term_given_speaker"]
_MERGE_COLS = ["split", "merger", "people", "names", "merge_precision", "merge_recall",
               "never_merge_violations", "never_merge_pairs"]
_LOADED_COLS = ["dataset", "score", "kind", "auc", "auc_lo", "auc_hi", "threshold", "precision",
                "recall", "f1", "n", "n_pos", "n_articles"]
_LENGTH_COLS = ["dataset", "score", "spearman_words", "auc_q1", "auc_q2", "auc_q3", "auc_q4", "auc_q5",
                "auc_within_mean"]
_CATEGORY_COLS = ["dataset", "dimension", "category", "n", "tp", "precision", "too_few", "below_target"]
_RU_GOLD_COLS = ["target", "set", "split", "n", "positives", "precision", "recall", "f1", "tp", "fp",
                 "fn"]
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
    (see :mod:`~analysis.validation.attribution_eval`); ``attribution_press``: the
    same measures on the press-release gold, per side; ``attribution_ptc``: on
    the held-out test part of the PTC-2020 gold; ``attribution_ptc2`` and
    ``attribution_ptc3``: on its held-out test parts 2 and 3; ``attribution_ru_news``:
    on the Russian news quote gold, dev and test halves.  ``loaded``,
    ``loaded_length``, ``loaded_categories``, ``loaded_targets``,
    ``semeval_summary``, ``ru_top``: the loaded-language report over PTC-2020,
    SemEval-2023 translated and its war subset (see
    :mod:`~analysis.validation.loaded_report`).  ``ru_gold``: the ru lemma
    lexicons on the Russian gold sets, held-out set 4 before dev sets 1-3 (see
    :func:`~analysis.validation.ru_gold_eval.ru_gold_table`).  ``notes``: what
    was missing or adjusted.  Empty frames mean the part was not run.
    """

    ptc_sentence: pd.DataFrame = field(default_factory=pd.DataFrame)
    ptc_span: pd.DataFrame = field(default_factory=pd.DataFrame)
    nyt: pd.DataFrame = field(default_factory=pd.DataFrame)
    hedging: pd.DataFrame = field(default_factory=pd.DataFrame)
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_merge: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_press: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_ptc: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_ptc2: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_ptc3: pd.DataFrame = field(default_factory=pd.DataFrame)
    attribution_ru_news: pd.DataFrame = field(default_factory=pd.DataFrame)
    loaded: pd.DataFrame = field(default_factory=pd.DataFrame)
    loaded_length: pd.DataFrame = field(default_factory=pd.DataFrame)
    loaded_categories: pd.DataFrame = field(default_factory=pd.DataFrame)
    loaded_targets: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: largest standardised weights of the supervised model fitted during the run (not shipped)
    loaded_model: pd.DataFrame = field(default_factory=pd.DataFrame)
    semeval_summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    ru_top: pd.DataFrame = field(default_factory=pd.DataFrame)
    ru_gold: pd.DataFrame = field(default_factory=pd.DataFrame)
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
        parts.extend(self._loaded_markdown(n_errors))
        if not self.ptc_span.empty:
            parts.append("## PTC-2020 span overlap (matches vs gold technique spans)")
            parts.append(markdown_table(self.ptc_span[_SPAN_COLS]))
        if not self.nyt.empty:
            parts.append("## VADER NYT editorial snippets: correlation with crowd means")
            parts.append(markdown_table(self.nyt[_NYT_COLS]))
        if not self.hedging.empty:
            parts.append("## Hedging and boosters (hand-labelled sentences)")
            parts.append(markdown_table(self.hedging[_HEDGING_COLS]))
        if not self.ru_gold.empty:
            parts.append("## Russian gold sets: ru lemma lexicons, sentence has a match (sets 1-4 "
                         "are all tuning data, split dev, all their rows, in-sample: no Russian "
                         "set is held out since round 6; sets 2-4 were labelled blind to the "
                         "lexicons)")
            parts.append(markdown_table(self.ru_gold[_RU_GOLD_COLS]))
        parts.extend(self._attribution_markdown())
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

    def _attribution_markdown(self) -> list[str]:
        """The quote-attribution sections of the held-out golds (empty when none ran)."""
        parts: list[str] = []
        if not self.attribution.empty:
            part = self.attribution[self.attribution["split"] == "test"]
            parts.append("## Quote attribution (NYT 2022 gold), test articles")
            parts.append(markdown_table(part[_ATTRIBUTION_COLS]))
        if not self.attribution_press.empty:
            parts.append("## Quote attribution (press-release gold, all test; "
                         "most Kremlin quotes are greetings with no named author)")
            parts.append(markdown_table(self.attribution_press[["split", "side", *_ATTRIBUTION_COLS[1:]]]))
        for title, table in (("held-out test part", self.attribution_ptc),
                             ("held-out test part 2", self.attribution_ptc2),
                             ("held-out test part 3", self.attribution_ptc3)):
            if not table.empty:
                parts.append(f"## Quote attribution (PTC-2020 English news gold, {title})")
                parts.append(markdown_table(table[[*_ATTRIBUTION_COLS, "term_given_speaker"]]))
        if not self.attribution_ru_news.empty:
            parts.append("## Quote attribution (Russian news gold, ru/uk extractor; dev: tuning data, "
                         "test: held-out half)")
            parts.append(markdown_table(self.attribution_ru_news[_RU_NEWS_COLS]))
        return parts

    def _loaded_markdown(self, n_examples: int) -> list[str]:
        """The loaded-language sections (empty when that part did not run)."""
        parts: list[str] = []
        if not self.loaded_targets.empty:
            parts.append("## Loaded language: targets (test parts, `loaded_ranking_score`)")
            parts.append(markdown_table(self.loaded_targets))
        if not self.semeval_summary.empty:
            parts.append("## SemEval-2023 translated: paragraphs (official train = dev, official dev = test)")
            parts.append(markdown_table(self.semeval_summary))
        for split, note in (("test", "threshold chosen on dev"), ("dev", "tuning data; optimistic")):
            if not self.loaded.empty:
                part = self.loaded[self.loaded["split"] == split]
                parts.append(f"## Loaded language or name calling, {split} parts ({note}; "
                             "AUC 95% CI: bootstrap over articles)")
                parts.append(markdown_table(part[_LOADED_COLS]))
            if not self.loaded_length.empty:
                part = self.loaded_length[self.loaded_length["split"] == split]
                parts.append(f"## Length check, {split} parts (Spearman with words; AUC within "
                             "length quintiles, edges from dev)")
                parts.append(markdown_table(part[_LENGTH_COLS]))
        if not self.loaded_categories.empty:
            parts.append("## Per-category precision, test parts (naming and mentions left out; "
                         "below_target: n >= 30 and precision < 0.60)")
            parts.append(markdown_table(self.loaded_categories[_CATEGORY_COLS]))
        if not self.loaded_model.empty:
            parts.append("## Supervised model (rows of kind `trained`): fitted during this run on the "
                         "model-train parts, not shipped; largest standardised weights")
            parts.append(markdown_table(self.loaded_model))
        if n_examples > 0 and not self.ru_top.empty:
            parts.append("## Top-scored paragraphs of the unlabelled Russian coverage (English MT), "
                         "matched fragments")
            parts.append(markdown_table(self.ru_top.head(n_examples)))
        return parts
