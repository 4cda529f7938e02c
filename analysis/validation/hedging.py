"""Load the project's hand-labelled hedging/booster sentences.

File: ``corpus/validation/hedging/labels.csv`` with columns sentence_id,
source, sentence, usable (0/1, optional; 0 = not an interpretable sentence,
left out of evaluation), hedge (0/1), booster (0/1), label, cues, note,
split (dev|test).
The sample and labels are made by :mod:`analysis.validation.hedging_sample`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError

REQUIRED_COLUMNS: tuple[str, ...] = ("sentence_id", "sentence", "hedge", "booster", "split")


def default_hedging_path() -> Path:
    """The labelled set inside the repository.

    Example:
        >>> default_hedging_path().name
        'labels.csv'
    """
    return paths.CORPUS_VALIDATION_DIR / "hedging" / "labels.csv"


def _as_flag(series: pd.Series, column: str, path: Path) -> pd.Series:
    values = pd.to_numeric(series, errors="coerce")
    bad = ~values.isin([0, 1])
    if bad.any():
        first = series.index[bad][0]
        raise ValidationDataError(
            f"{path}: column {column!r} must be 0 or 1; row {int(first) + 2} has {series[first]!r}"
        )
    return values.astype("int64")


def load_hedging_labels(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read the hedging labels; ``hedge`` and ``booster`` become 0/1 ints.

    Raises :class:`ValidationDataError` naming the file, column or row
    (row numbers count the header as row 1) when the file is missing, a
    required column is absent, a flag is not 0/1, or split is not dev/test.

    Example:
        >>> df = load_hedging_labels()  # doctest: +SKIP
        >>> sorted(df.split.unique())  # doctest: +SKIP
        ['dev', 'test']
    """
    p = Path(path).expanduser() if path is not None else default_hedging_path()
    if not p.is_file():
        raise ValidationDataError(f"hedging labels missing: {p}")
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ValidationDataError(f"{p}: missing column(s) {', '.join(missing)}")
    df["hedge"] = _as_flag(df["hedge"], "hedge", p)
    df["booster"] = _as_flag(df["booster"], "booster", p)
    if "usable" in df.columns:
        df["usable"] = _as_flag(df["usable"], "usable", p)
    bad = ~df["split"].isin(["dev", "test"])
    if bad.any():
        i = df.index[bad][0]
        raise ValidationDataError(
            f"{p}: column 'split' must be dev or test; row {int(i) + 2} has {df.at[i, 'split']!r}"
        )
    return df
