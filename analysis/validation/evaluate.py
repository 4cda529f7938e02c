"""Run every validation against human labels and collect one report.

Parts: PTC-2020 (sentence level and span overlap, dev/test by article),
VADER NYT (correlation with crowd means), the project's hedging set, and the
loaded-language report over PTC-2020, SemEval-2023 translated and its war
subset (:mod:`analysis.validation.loaded_report`), and the ru lexicons on
the Russian gold sets (:func:`add_ru_gold`), and quote attribution on the
Russian news gold (:func:`add_ru_news_attribution`).  Each
method is reported beside its baselines.  The scorer defaults to
``analysis.scoring.score_frame`` / ``matches_frame``; pass others to validate
an alternative.  Nothing here asserts a quality target: the numbers are
reported as they are.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd

from analysis.validation.error_analysis import worst_errors
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.hedging_eval import evaluate_hedging
from analysis.validation.nyt_eval import evaluate_nyt
from analysis.validation.ptc_eval import (
    DEFAULT_THREAT_CATEGORIES,
    PTCTask,
    default_tasks,
    evaluate_ptc,
    sentence_metrics,
    span_metrics,
)
from analysis.validation.report import ValidationReport
from analysis.validation.scorers import (
    FrameScorer,
    Matcher,
    default_frame_scorer,
    default_matcher,
)
from analysis.validation.split import DEV_BUCKETS, N_BUCKETS


def run_validation(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
    nyt_path: str | os.PathLike[str] | None = None,
    hedging_path: str | os.PathLike[str] | None = None,
    tasks: Sequence[PTCTask] | None = None,
    threat_categories: Sequence[str] = DEFAULT_THREAT_CATEGORIES,
    k_errors: int = 20,
) -> ValidationReport:
    """Validate the scorer on PTC-2020 (from ``data_dir``), VADER NYT and the hedging set.

    PTC-2020 is required (:class:`ValidationDataError` names what is missing);
    a missing NYT or hedging file is recorded in ``report.notes`` and that part
    left empty.

    Example:
        >>> report = run_validation("/path/to/validation")  # doctest: +SKIP
        >>> print(report.to_markdown())  # doctest: +SKIP
    """
    scorer = scorer or default_frame_scorer()
    matcher = matcher or default_matcher()
    tasks = tuple(tasks or default_tasks(threat_categories))
    report = ValidationReport()

    ptc = evaluate_ptc(data_dir, tasks=tasks, scorer=scorer, matcher=matcher)
    lines = ptc.lines
    report.ptc_sentence = sentence_metrics(ptc)
    report.ptc_span = span_metrics(ptc)
    report.errors = worst_errors(ptc, k=k_errors, split="dev")
    report.notes.extend(ptc.notes)
    counts = lines.groupby("split")["article_id"].nunique().to_dict()
    report.meta = {
        "PTC-2020 lines": f"{len(lines)} non-empty lines of {lines['article_id'].nunique()} articles",
        "dev/test split": (
            f"int(md5(article_id).hexdigest(), 16) % {N_BUCKETS} < {DEV_BUCKETS} -> dev: "
            f"{counts.get('dev', 0)} dev / {counts.get('test', 0)} test articles"
        ),
        "threat categories": ", ".join(t for task in tasks if task.categories for t in task.categories),
    }

    add_shipped(report, nyt_path, hedging_path, scorer)
    add_loaded(report, data_dir, scorer=scorer, matcher=matcher)
    add_ru_gold(report, data_dir)
    add_ptc_attribution(report, data_dir)
    add_ru_news_attribution(report, data_dir)
    return report


def add_loaded(
    report: ValidationReport,
    data_dir: str | os.PathLike[str] | None,
    *,
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
    n_boot: int = 1000,
) -> None:
    """Fill the loaded-language tables of ``report`` (PTC-2020, SemEval-2023, war subset).

    A data set that is absent is a note; nothing present at all is a note too.

    Example:
        >>> r = ValidationReport(); add_loaded(r, "/nonexistent"); r.loaded.empty
        True
    """
    from analysis.validation.loaded_eval import targets_table
    from analysis.validation.loaded_report import evaluate_loaded

    try:
        loaded = evaluate_loaded(data_dir, scorer=scorer, matcher=matcher, n_boot=n_boot)
    except ValidationDataError as err:
        report.notes.append(f"loaded-language part not run: {err}")
        return
    report.loaded = loaded.headline
    report.loaded_length = loaded.length
    report.loaded_categories = loaded.categories
    report.loaded_targets = targets_table(loaded.headline, loaded.categories)
    report.semeval_summary = loaded.semeval_summary
    report.ru_top = loaded.ru_top
    report.loaded_model = loaded.model_weights
    report.notes.extend(n for n in loaded.notes if n not in report.notes)


def add_ptc_attribution(report: ValidationReport, data_dir: str | os.PathLike[str] | None) -> None:
    """Fill ``report.attribution_ptc``: quote attribution on the held-out test part of the PTC-2020 gold.

    The articles are read from ``data_dir`` (default
    ``$ANALYSIS_VALIDATION_DATA``); a missing text, a missing gold folder or
    a mismatch is a note, and the table stays empty.  Test parts 2 and 3 are
    then measured beside it (:func:`add_ptc_part_attribution`), so every
    caller of this function (``run_validation``, the CLI without PTC
    sentence labels) prints all three.

    Example:
        >>> r = ValidationReport(); add_ptc_attribution(r, "/nonexistent"); r.attribution_ptc.empty
        True
        >>> r.notes[0]
        'PTC attribution part not run: PTC-2020 not found: /nonexistent does not exist'
    """
    from analysis.validation.attribution_eval import evaluate_ptc_attribution

    try:
        report.attribution_ptc = evaluate_ptc_attribution(data_dir=data_dir).metrics
    except ValidationDataError as err:
        report.notes.append(f"PTC attribution part not run: {err}")
    for split in PTC_TEST_PARTS:
        add_ptc_part_attribution(report, data_dir, split)


#: the held-out PTC test parts measured beside part 1: gold split -> (report field, name in the notes)
PTC_TEST_PARTS: dict[str, tuple[str, str]] = {"test2": ("attribution_ptc2", "test part 2"),
                                              "test3": ("attribution_ptc3", "test part 3")}


def add_ptc_part_attribution(report: ValidationReport, data_dir: str | os.PathLike[str] | None,
                             split: str) -> None:
    """Fill the report field of one later held-out PTC test part (:data:`PTC_TEST_PARTS`), e.g. ``test3``.

    As :func:`add_ptc_attribution` (the same measures as ``--gold ptc2`` /
    ``ptc3``): a missing text, a missing part folder or a mismatch is a
    note, and the table stays empty.  An unknown ``split`` is a ValueError.

    Example:
        >>> r = ValidationReport(); add_ptc_part_attribution(r, "/nonexistent", "test3")
        >>> r.attribution_ptc3.empty, r.notes
        (True, ['PTC attribution test part 3 not run: PTC-2020 not found: /nonexistent does not exist'])
    """
    from analysis.validation.attribution_eval import evaluate_ptc_attribution

    if split not in PTC_TEST_PARTS:
        raise ValueError(f"no later PTC test part {split!r}; one of {sorted(PTC_TEST_PARTS)}")
    field_name, name = PTC_TEST_PARTS[split]
    try:
        setattr(report, field_name, evaluate_ptc_attribution(data_dir=data_dir, split=split).metrics)
    except ValidationDataError as err:
        report.notes.append(f"PTC attribution {name} not run: {err}")


def add_ptc2_attribution(report: ValidationReport, data_dir: str | os.PathLike[str] | None) -> None:
    """Fill ``report.attribution_ptc2``: quote attribution on the held-out test part 2 of the PTC-2020 gold.

    :func:`add_ptc_part_attribution` for ``test2``: a missing text, a
    missing part-2 folder or a mismatch is a note, and the table stays empty.

    Example:
        >>> r = ValidationReport(); add_ptc2_attribution(r, "/nonexistent"); r.attribution_ptc2.empty
        True
        >>> r.notes
        ['PTC attribution test part 2 not run: PTC-2020 not found: /nonexistent does not exist']
    """
    add_ptc_part_attribution(report, data_dir, "test2")


def add_ru_news_attribution(report: ValidationReport, data_dir: str | os.PathLike[str] | None) -> None:
    """Fill ``report.attribution_ru_news``: the Russian news quote gold, one row per half (dev, test).

    The articles are re-read from the unlabelled SemEval Russian text in
    ``data_dir`` (default ``$ANALYSIS_VALIDATION_DATA``); a missing or changed
    source is a note, and the table stays empty.

    Example:
        >>> r = ValidationReport(); add_ru_news_attribution(r, "/nonexistent"); r.attribution_ru_news.empty
        True
        >>> r.notes[0]
        'Russian news quote attribution not run: Russian gold source missing: /nonexistent/semeval2023_ru_unlabelled/test-original.txt'
    """
    from analysis.validation.ru_news_quotes_eval import align, load_split, news_metrics

    try:
        rows = [{"split": split, **news_metrics(align(load_split(split, data_dir)))} for split in ("dev", "test")]
    except ValidationDataError as err:
        report.notes.append(f"Russian news quote attribution not run: {err}")
        return
    report.attribution_ru_news = pd.DataFrame(rows)


def add_ru_gold(report: ValidationReport, data_dir: str | os.PathLike[str] | None) -> None:
    """Fill ``report.ru_gold``: Russian gold sets 1 to 4, all ``dev`` (none held out since round 6).

    The sentences are re-read from ``data_dir`` (default
    ``$ANALYSIS_VALIDATION_DATA``); a missing or changed source is a note.

    Example:
        >>> r = ValidationReport(); add_ru_gold(r, "/nonexistent"); r.ru_gold.empty
        True
    """
    from analysis.validation.ru_gold_eval import evaluate_ru_gold_sets

    try:
        report.ru_gold = evaluate_ru_gold_sets(data_dir)
    except ValidationDataError as err:
        report.notes.append(f"Russian gold part not run: {err}")


def add_shipped(
    report: ValidationReport,
    nyt_path: str | os.PathLike[str] | None,
    hedging_path: str | os.PathLike[str] | None,
    scorer: FrameScorer,
) -> None:
    """Fill the parts that need no PTC-2020: VADER NYT, the hedging sets, attribution (NYT, press) and merging.

    A part whose data is missing is left empty and recorded in ``report.notes``.

    Example:
        >>> r = ValidationReport()
        >>> add_shipped(r, None, None, default_frame_scorer())  # doctest: +SKIP
        >>> r.nyt.empty, r.hedging.empty  # doctest: +SKIP
        (False, False)
    """
    try:
        report.nyt = evaluate_nyt(nyt_path, scorer=scorer)
    except ValidationDataError as err:
        report.notes.append(f"NYT part not run: {err}")
    try:
        report.hedging = evaluate_hedging(hedging_path, scorer=scorer)
        excluded = report.hedging.attrs.get("excluded_unusable", 0)
        if excluded:
            report.notes.append(f"hedging: {excluded} sentence(s) marked usable=0 left out")
    except ValidationDataError as err:
        report.notes.append(f"hedging part not run: {err}")
    _add_attribution(report)  # attribution and merging need no PTC-2020
    _add_press_attribution(report)


def _add_attribution(report: ValidationReport) -> None:
    """Quote attribution on the NYT gold (read at run time); a missing NYT file is a note."""
    from analysis.validation.attribution_eval import evaluate_attribution

    try:
        result = evaluate_attribution()
    except ValidationDataError as err:
        # the variant list ships with the package: speaker merging runs without the NYT text
        report.notes.append(f"attribution part not run: {err}; speaker merging run on the shipped variant list")
        report.attribution_merge = _merge_only()
        return
    report.attribution = result.metrics
    report.attribution_merge = result.merge


def _add_press_attribution(report: ValidationReport) -> None:
    """Quote attribution on the press-release gold (vendored texts); a mismatch is a note."""
    from analysis.validation.attribution_eval import evaluate_press_attribution

    try:
        report.attribution_press = evaluate_press_attribution().metrics
    except ValidationDataError as err:
        report.notes.append(f"press-release attribution part not run: {err}")


def _merge_only() -> pd.DataFrame:
    """Merge precision/recall of every default merger on the shipped variant list."""
    from analysis.validation.attribution_eval import default_mergers, merge_metrics
    from analysis.validation.attribution_gold import load_never_merge, load_variants

    variants, never = load_variants(), load_never_merge()
    return pd.concat([merge_metrics(variants, never, m, name) for name, m in default_mergers().items()],
                     ignore_index=True)
