"""The scorer the validation runs against, injectable for tests and alternative scorers.

A *frame scorer* maps a DataFrame with a ``text`` column to a DataFrame of the
same index with the ``analysis.scoring.score_frame`` columns (``hostility_count``,
``loaded_score``, ``sentiment_compound``, ``n_tokens``, ...).  A *matcher* maps the
same input to one row per match with the input index value in ``row`` and the
``Match`` fields (term, dimension, category, start, end, weight, side).  The
defaults are imported lazily, so the validation package imports without the
scorer and tests can pass fakes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pandas as pd

from analysis.validate_args import require_columns

FrameScorer = Callable[[pd.DataFrame], pd.DataFrame]
Matcher = Callable[[pd.DataFrame], pd.DataFrame]

MATCH_COLUMNS: tuple[str, ...] = (
    "row", "term", "dimension", "category", "start", "end", "weight", "side",
)

# analysis.scoring re-exports its API; the submodules are fallbacks in case it does not.
_SEARCH = ("analysis.scoring", "analysis.scoring.score", "analysis.scoring.explain",
           "analysis.scoring.match")


def _find(name: str) -> Callable[..., pd.DataFrame]:
    errors = []
    for module_name in _SEARCH:
        try:
            module = importlib.import_module(module_name)
        except ImportError as err:
            errors.append(f"{module_name}: {err}")
            continue
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    raise ImportError(f"no {name} found in {', '.join(_SEARCH)} ({'; '.join(errors) or 'not defined'})")


def default_frame_scorer() -> FrameScorer:
    """``analysis.scoring.score_frame`` on the ``text`` column.

    Example:
        >>> callable(default_frame_scorer())  # doctest: +SKIP
        True
    """
    return _find("score_frame")


def default_matcher() -> Matcher:
    """``analysis.scoring.matches_frame`` on the ``text`` column.

    Example:
        >>> callable(default_matcher())  # doctest: +SKIP
        True
    """
    return _find("matches_frame")


def check_matches(matches: pd.DataFrame, n_rows: int) -> pd.DataFrame:
    """Validate a matcher's output: required columns present, ``row`` within range.

    Example:
        >>> check_matches(pd.DataFrame(columns=list(MATCH_COLUMNS)), 0).shape
        (0, 8)
    """
    require_columns(matches, MATCH_COLUMNS, who="check_matches", frame_name="the matcher output")
    rows = pd.to_numeric(matches["row"], errors="coerce")
    bad = rows.isna() | (rows < 0) | (rows >= n_rows)
    if bad.any():
        raise ValueError(
            f"matcher output has {int(bad.sum())} row value(s) outside 0..{n_rows - 1}, "
            f"first: {matches['row'][bad].iloc[0]!r}"
        )
    return matches


def check_scores(scores: pd.DataFrame, n_rows: int, columns: tuple[str, ...]) -> pd.DataFrame:
    """Validate a frame scorer's output: one row per input row, needed columns present.

    Example:
        >>> check_scores(pd.DataFrame({"n_tokens": [3]}), 1, ("n_tokens",)).shape
        (1, 1)
    """
    if len(scores) != n_rows:
        raise ValueError(f"scorer returned {len(scores)} rows for {n_rows} input rows")
    require_columns(scores, columns, who="check_scores", frame_name="the scorer output")
    return scores
