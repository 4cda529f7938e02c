"""Load the project's hand-labelled hedging/booster sentences.

Two files in ``corpus/validation/hedging/``, same columns: sentence_id,
source, sentence, usable (0/1, optional; 0 = not an interpretable sentence,
left out of evaluation), hedge (0/1), booster (0/1), label, cues, note,
split.

* ``labels.csv`` -- set 1 (340 sentences), split ``dev`` | ``test``.  Both
  splits have been used to develop the lexicons (``test`` was read during an
  error analysis), so neither is a clean test any more.
* ``labels_heldout2.csv`` -- held-out set 2 (220 sentences), split
  ``heldout2``, labelled before the lexicon revision that followed: the
  clean test.

The samples and labels are made by :mod:`analysis.validation.hedging_sample`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError

REQUIRED_COLUMNS: tuple[str, ...] = ("sentence_id", "sentence", "hedge", "booster", "split")
#: Allowed values of ``split``; ``heldout2`` is the clean test set.
SPLITS: tuple[str, ...] = ("dev", "test", "heldout2")


def default_hedging_path() -> Path:
    """The labelled set inside the repository.

    Example:
        >>> default_hedging_path().name
        'labels.csv'
    """
    return paths.CORPUS_VALIDATION_DIR / "hedging" / "labels.csv"


def default_heldout2_path() -> Path:
    """Held-out set 2 inside the repository (the clean test set).

    Example:
        >>> default_heldout2_path().name
        'labels_heldout2.csv'
    """
    return paths.CORPUS_VALIDATION_DIR / "hedging" / "labels_heldout2.csv"


def as_flag(series: pd.Series, column: str, path: Path) -> pd.Series:
    """``series`` as 0/1 int64; any other value is a :class:`ValidationDataError` naming file, column and row.

    Example:
        >>> as_flag(pd.Series(["1", 0]), "hedge", Path("labels.csv")).tolist()
        [1, 0]
    """
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
    required column is absent, a flag is not 0/1, or split is not one of
    ``SPLITS`` (dev, test, heldout2).

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
    df["hedge"] = as_flag(df["hedge"], "hedge", p)
    df["booster"] = as_flag(df["booster"], "booster", p)
    if "usable" in df.columns:
        df["usable"] = as_flag(df["usable"], "usable", p)
    bad = ~df["split"].isin(SPLITS)
    if bad.any():
        i = df.index[bad][0]
        raise ValidationDataError(
            f"{p}: column 'split' must be {', '.join(SPLITS[:-1])} or {SPLITS[-1]}; "
            f"row {int(i) + 2} has {df.at[i, 'split']!r}"
        )
    return df


def load_hedging_sets(
    path: str | os.PathLike[str] | None = None,
    heldout2_path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Set 1 and held-out set 2 in one frame (set 1 rows first), with their ``split``.

    ``path`` defaults to :func:`default_hedging_path`, ``heldout2_path`` to
    :func:`default_heldout2_path`; both must exist.  A sentence id present in
    both files is an error (the sets are disjoint by construction).

    Example:
        >>> df = load_hedging_sets()  # doctest: +SKIP
        >>> df.split.value_counts().to_dict()  # doctest: +SKIP
        {'heldout2': 220, 'test': 173, 'dev': 167}
    """
    first = load_hedging_labels(path)
    second = load_hedging_labels(
        default_heldout2_path() if heldout2_path is None else heldout2_path
    )
    shared = set(first["sentence_id"]) & set(second["sentence_id"])
    if shared:
        raise ValidationDataError(
            f"hedging sets overlap: sentence_id {sorted(shared)[0]!r} is in both files"
        )
    for frame in (first, second):
        if "usable" not in frame.columns:
            frame["usable"] = 1  # the column is optional: absent means every row is usable
    return pd.concat([first, second], ignore_index=True)
