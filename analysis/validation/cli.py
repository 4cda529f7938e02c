"""``python -m analysis validate``: agreement with human-labelled data.

Two sets ship with the package (the VADER NYT snippets and the project's
hedging set) and always run.  PTC-2020 and SemEval-2023 translated (the
loaded-language report) are read at run time from ``--data DIR`` (``DIR``
holds ``ptc2020/`` and ``semeval2023_translated/``), defaulting to
``ANALYSIS_VALIDATION_DATA``.  The Russian gold sets (held-out set 4 as
test, sets 1-3 as dev) and the Russian news quote gold (attribution, dev and
test halves) run when ``DIR`` holds ``semeval2023_ru_unlabelled/``.

Exit codes: 0 when what ships ran (PTC-2020 missing from the environment is
reported under "Notes" and on stderr, not an error); 2 when a path given on
the command line (``--data``, ``--nyt``, ``--hedging``) is missing or
unusable, or when no part could run.

Example:
    $ python -m analysis validate                      # NYT + hedging; says PTC is missing
    $ python -m analysis validate --data ../shared/validation --errors 5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.validation.report import ValidationReport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` options to ``parser``."""
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="folder holding ptc2020/ and semeval2023_translated/ (default: "
                             "$ANALYSIS_VALIDATION_DATA; without it only the shipped NYT and "
                             "hedging sets run)")
    parser.add_argument("--hedging", metavar="CSV", default=None,
                        help="hedging labels (default: corpus/validation/hedging/labels.csv)")
    parser.add_argument("--nyt", metavar="FILE", default=None,
                        help="VADER NYT ground truth (default: the vendored copy)")
    parser.add_argument("--threat-categories", default=None,
                        help="comma-separated hostility categories (Match.category) for the "
                             "threat task (default: threat_violence,threat,violence)")
    parser.add_argument("--errors", type=int, default=0, metavar="K",
                        help="also print the K worst false positives/negatives per score (dev) "
                             "and the K top-scored unlabelled Russian paragraphs")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="also write the Markdown report to FILE")


def _ptc_missing(data: Path | None) -> str | None:
    """Why PTC-2020 cannot run from ``data``, or None when it can."""
    from analysis.validation.exceptions import ValidationDataError
    from analysis.validation.ptc import resolve_ptc_dir

    if data is None:
        return "no data directory (pass --data DIR or set ANALYSIS_VALIDATION_DATA)"
    if not data.is_dir():
        return f"data directory does not exist: {data}"
    try:
        resolve_ptc_dir(data)
    except ValidationDataError as err:
        return str(err)
    return None


def _has_semeval(data: Path | None) -> bool:
    """True when ``data`` holds the SemEval-2023 translated folder."""
    from analysis.validation.exceptions import ValidationDataError
    from analysis.validation.semeval import resolve_semeval_dir

    if data is None or not data.is_dir():
        return False
    try:
        resolve_semeval_dir(data)
    except ValidationDataError:
        return False
    return True


def shipped_report(nyt: str | None = None, hedging: str | None = None) -> ValidationReport:
    """Validate on the sets that ship with the package only (NYT, hedging), plus attribution.

    Quote attribution runs when the NYT articles are found (read at run
    time), speaker merging always (the variant list ships).  A part that
    cannot run is recorded in ``notes``; PTC-2020 is noted as not run.

    Example:
        >>> r = shipped_report()  # doctest: +SKIP
        >>> r.nyt.empty, r.hedging.empty  # doctest: +SKIP
        (False, False)
    """
    from analysis.validation.evaluate import add_shipped
    from analysis.validation.scorers import default_frame_scorer

    report = ValidationReport()
    add_shipped(report, nyt, hedging, default_frame_scorer())
    return report


def _threat_categories(arg: str | None) -> list[str]:
    from analysis.validation.ptc_eval import DEFAULT_THREAT_CATEGORIES

    if not arg:
        return list(DEFAULT_THREAT_CATEGORIES)
    return [c.strip() for c in arg.split(",") if c.strip()]


def _missing_cli_path(args: argparse.Namespace) -> str | None:
    """A file named on the command line that does not exist (bad input, exit 2)."""
    for flag, value in (("--nyt", args.nyt), ("--hedging", args.hedging)):
        if value is not None and not Path(value).is_file():
            return f"{flag} file does not exist: {value}"
    return None


def run(args: argparse.Namespace) -> int:
    """Run the validation and print the report; return the exit code."""
    from analysis import paths
    from analysis.validation.exceptions import ValidationDataError

    bad = _missing_cli_path(args)
    data = paths.validation_data_dir(args.data)
    missing = _ptc_missing(data)
    if bad is None and missing is not None and args.data is not None and not _has_semeval(data):
        bad = missing  # asked for on the command line: an error, not a note
    if bad is not None:
        print(f"validate: {bad}", file=sys.stderr)
        return 2
    try:
        if missing is None:
            from analysis.validation.evaluate import run_validation

            report = run_validation(
                data, nyt_path=args.nyt, hedging_path=args.hedging,
                threat_categories=_threat_categories(args.threat_categories),
                k_errors=max(args.errors, 1),
            )
        else:
            report = shipped_report(args.nyt, args.hedging)
            report.notes.insert(0, f"PTC-2020 part not run: {missing}")
            from analysis.validation.evaluate import (
                add_loaded,
                add_ptc_attribution,
                add_ru_gold,
                add_ru_news_attribution,
            )

            if data is not None and _has_semeval(data):
                add_loaded(report, data)
            add_ru_gold(report, data)
            add_ptc_attribution(report, data)
            add_ru_news_attribution(report, data)
            print(f"validate: PTC-2020 not run ({missing}); running the shipped NYT and "
                  "hedging sets", file=sys.stderr)
    except (ValidationDataError, ImportError) as err:
        print(f"validate: {err}", file=sys.stderr)
        return 2
    if report.nyt.empty and report.hedging.empty and report.ptc_sentence.empty and report.loaded.empty:
        print("validate: no part could run: " + "; ".join(report.notes), file=sys.stderr)
        return 2
    text = report.to_markdown(n_errors=args.errors)
    print(text, end="")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0
