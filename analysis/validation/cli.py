"""``python -m analysis validate --data DIR``: agreement with human-labelled data.

``DIR`` holds ``ptc2020/`` (or is that folder); it defaults to
``ANALYSIS_VALIDATION_DATA``.  Prints the Markdown report; exit 2 with a
one-line error when the data or the scorer is absent.

Example:
    $ python -m analysis validate --data ../shared/validation --errors 5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``validate`` options to ``parser``."""
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="validation data directory (default: $ANALYSIS_VALIDATION_DATA)")
    parser.add_argument("--hedging", metavar="CSV", default=None,
                        help="hedging labels (default: corpus/validation/hedging/labels.csv)")
    parser.add_argument("--nyt", metavar="FILE", default=None,
                        help="VADER NYT ground truth (default: the vendored copy)")
    parser.add_argument("--threat-categories", default=None,
                        help="comma-separated hostility categories (Match.category) for the "
                             "threat task (default: threat_violence,threat,violence)")
    parser.add_argument("--errors", type=int, default=0, metavar="K",
                        help="also print the K worst false positives/negatives per score (dev)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="also write the Markdown report to FILE")


def run(args: argparse.Namespace) -> int:
    """Run the validation and print the report; return the exit code."""
    from analysis import paths
    from analysis.validation.exceptions import ValidationDataError

    data = paths.validation_data_dir(args.data)
    if data is None:
        print("validate: no data directory: pass --data DIR or set ANALYSIS_VALIDATION_DATA",
              file=sys.stderr)
        return 2
    if not data.is_dir():
        print(f"validate: data directory does not exist: {data}", file=sys.stderr)
        return 2
    try:
        from analysis.validation.evaluate import run_validation
        from analysis.validation.ptc_eval import DEFAULT_THREAT_CATEGORIES

        threat = (
            [c.strip() for c in args.threat_categories.split(",") if c.strip()]
            if args.threat_categories
            else DEFAULT_THREAT_CATEGORIES
        )
        report = run_validation(
            data, nyt_path=args.nyt, hedging_path=args.hedging, threat_categories=threat,
            k_errors=max(args.errors, 1),
        )
    except (ValidationDataError, ImportError) as err:
        print(f"validate: {err}", file=sys.stderr)
        return 2
    text = report.to_markdown(n_errors=args.errors)
    print(text, end="")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0
