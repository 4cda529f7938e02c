"""Validation of the scores against human labels (PTC-2020, VADER NYT, the hedging set).

Validate on your own corpus: :func:`sample_for_coding` writes a coding sheet,
:func:`agreement` reads it back and gives a :class:`ValidationCard`.

Loaders (:mod:`.ptc`, :mod:`.semeval`, :mod:`.nyt`, :mod:`.hedging`), numpy metrics
(:mod:`.metrics`), the fixed md5 dev/test split (:mod:`.split`), and the
evaluations (:mod:`.ptc_eval`, :mod:`.nyt_eval`, :mod:`.hedging_eval`,
:mod:`.errors`) gathered by :func:`run_validation` into a
:class:`ValidationReport`.  Names are imported lazily.

Example:
    >>> from analysis import validation
    >>> validation.split_of("111111111") in {"dev", "test"}
    True
"""

from __future__ import annotations

from analysis._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "ValidationDataError": "analysis.validation.exceptions",
    "split_of": "analysis.validation.split",
    "PTC": "analysis.validation.ptc",
    "load_ptc": "analysis.validation.ptc",
    "ptc_sentences": "analysis.validation.ptc",
    "load_nyt": "analysis.validation.nyt",
    "load_hedging_labels": "analysis.validation.hedging",
    "evaluate_ptc": "analysis.validation.ptc_eval",
    "sentence_metrics": "analysis.validation.ptc_eval",
    "span_metrics": "analysis.validation.ptc_eval",
    "evaluate_nyt": "analysis.validation.nyt_eval",
    "evaluate_hedging": "analysis.validation.hedging_eval",
    "worst_errors": "analysis.validation.error_analysis",
    "error_table": "analysis.validation.error_analysis",
    "error_reason": "analysis.validation.error_analysis",
    "hedging_errors": "analysis.validation.hedging_eval",
    "category_contributions": "analysis.validation.contributions",
    "roc_table": "analysis.validation.roc",
    "plot_roc": "analysis.validation.roc",
    "run_validation": "analysis.validation.evaluate",
    "load_semeval": "analysis.validation.semeval",
    "semeval_summary": "analysis.validation.semeval",
    "evaluate_loaded": "analysis.validation.loaded_report",
    "LoadedReport": "analysis.validation.loaded_report",
    "targets_table": "analysis.validation.loaded_eval",
    "ranking_grid": "analysis.validation.ranking",
    "ValidationReport": "analysis.validation.report",
    "sample_for_coding": "analysis.validation.coding",
    "read_coding_sheet": "analysis.validation.coding",
    "CodingSheet": "analysis.validation.coding",
    "CodingSheetError": "analysis.validation.coding",
    "agreement": "analysis.validation.agreement",
    "ValidationCard": "analysis.validation.agreement",
    "plot_card": "analysis.validation.card",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("analysis.validation", _EXPORTS, globals())
