"""``python -m analysis train-loaded``: fit the optional loaded-language model on your copy.

The weights are never shipped (the data have no stated licence); this fits
them from PTC-2020 and/or SemEval-2023 translated under ``--data DIR`` by the
splits of :mod:`analysis.validation.loaded_train` and writes a JSON model
that :func:`analysis.scoring.loaded_model.load_model` reads.

Exit codes: 0 written; 2 no data found, too few labels to fit, or an
unusable output path.

Example:
    $ python -m analysis train-loaded --data ../shared/validation -o loaded_model.json
"""

from __future__ import annotations

import argparse
import os
import sys

from analysis.scoring.loaded_model import save_model
from analysis.validation import loaded_report
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.loaded_eval import score_units
from analysis.validation.loaded_train import top_weights, top_word_weights, train_loaded


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``train-loaded`` options to ``parser``."""
    parser.add_argument("--data", metavar="DIR", default=os.environ.get("ANALYSIS_VALIDATION_DATA"),
                        help="folder holding ptc2020/ and/or semeval2023_translated/ "
                             "(default: $ANALYSIS_VALIDATION_DATA)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="model JSON to write")


def run(args: argparse.Namespace) -> int:
    """Train on ``--data`` and write the model; print the L2 grid and the top weights."""
    if not args.data:
        print("train-loaded: no data directory (pass --data DIR or set ANALYSIS_VALIDATION_DATA)", file=sys.stderr)
        return 2
    sets, notes = [], []
    for name, loader in ((loaded_report.PTC_NAME, loaded_report.ptc_units),
                         (loaded_report.SEMEVAL_NAME, loaded_report.semeval_units)):
        try:
            sets.append(score_units(name, loader(args.data)))
        except ValidationDataError as err:
            notes.append(f"{name}: {err}")
    if not sets:
        print("train-loaded: no labelled data set found: " + "; ".join(notes), file=sys.stderr)
        return 2
    try:
        trained = train_loaded(sets)
    except ValueError as err:
        print(f"train-loaded: {err}", file=sys.stderr)
        return 2
    try:
        path = save_model(trained.model, args.output)
    except OSError as err:
        print(f"train-loaded: cannot write {args.output}: {err.strerror}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"train-loaded: not used: {note}", file=sys.stderr)
    print(trained.grid.round(4).to_string(index=False))
    print(top_weights(trained.model, 15).round(3).to_string(index=False))
    print(top_word_weights(trained.model, 40).round(3).to_string(index=False))
    size = path.stat().st_size
    print(f"wrote {path} ({size / 1024:.0f} KiB; l2 {trained.model.l2}, word l2 {trained.model.l2_words}, "
          f"{len(trained.model.vocabulary)} words, threshold {trained.model.threshold:.3f}; per data set: "
          + ", ".join(f"{k} {v:.3f}" for k, v in trained.model.thresholds.items()) + ")")
    return 0
