"""Load the VADER NYT editorial snippets: 5,190 sentences with crowd sentiment means.

The ground truth ships with the repository (MIT; see
``corpus/validation/vader_nyt/NOTICE.md``), gzip-compressed.  Each row is
``id`` (``<editorial>_<sentence>``), ``mean`` (mean rating of about 20 raters
on -4..+4) and ``text``.

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError

NYT_FILE = "nytEditorialSnippets_GroundTruth.txt"


def default_nyt_path() -> Path:
    """The vendored ground-truth file (gzip).

    Example:
        >>> default_nyt_path().name
        'nytEditorialSnippets_GroundTruth.txt.gz'
    """
    return paths.CORPUS_VALIDATION_DIR / "vader_nyt" / f"{NYT_FILE}.gz"


def _resolve(path: str | os.PathLike[str] | None) -> Path:
    if path is None:
        return default_nyt_path()
    p = Path(path).expanduser()
    if p.is_dir():
        for candidate in (p / f"{NYT_FILE}.gz", p / NYT_FILE,
                          p / "vader_nyt" / f"{NYT_FILE}.gz", p / "vader_nyt" / NYT_FILE):
            if candidate.is_file():
                return candidate
        return p / NYT_FILE
    return p


def load_nyt(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Return the NYT snippets as a DataFrame with columns id, mean, text.

    ``path`` may be the ``.txt`` or ``.txt.gz`` file or a folder holding it
    (or holding ``vader_nyt/``); default: the vendored copy.  A malformed row
    raises :class:`ValidationDataError` naming the file and line.

    Example:
        >>> nyt = load_nyt()
        >>> len(nyt), list(nyt.columns)
        (5190, ['id', 'mean', 'text'])
    """
    p = _resolve(path)
    if not p.is_file():
        raise ValidationDataError(f"VADER NYT ground truth missing: {p}")
    opener = gzip.open if p.suffix == ".gz" else open
    rows = []
    with opener(p, "rt", encoding="utf-8", newline="") as fh:
        raw = fh.read()
    for line_no, line in enumerate(raw.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValidationDataError(f"{p}:{line_no}: expected 3 tab-separated fields, got {len(fields)}")
        try:
            mean = float(fields[1])
        except ValueError as err:
            raise ValidationDataError(f"{p}:{line_no}: mean not a number: {fields[1]!r}") from err
        rows.append((fields[0], mean, fields[2]))
    if not rows:
        raise ValidationDataError(f"VADER NYT ground truth is empty: {p}")
    return pd.DataFrame(rows, columns=["id", "mean", "text"]).astype(
        {"id": str, "mean": "float64", "text": str}
    )
