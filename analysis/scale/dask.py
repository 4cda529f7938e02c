"""Score a Dask DataFrame partition by partition.

``score(ddf)`` is the lazy, distributed twin of
:func:`analysis.scoring.score.score_frame`: each partition is scored with
``score_frame(..., jobs=1)`` on whichever worker holds it, so the computed
result equals ``score_frame(ddf.compute())`` row for row.  Dask provides the
parallelism (a ``LocalCluster`` or a remote scheduler); see
``python -m analysis score --dask local`` for files.  Also importable as
:mod:`analysis.dask` (its former home).

Example:
    >>> import pandas as pd, dask.dataframe as dd
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["ab", "abc", "a"]}), npartitions=2)
    >>> out = score(ddf, scorer="analysis.scale.parallel:text_length_scorer")
    >>> out.compute(scheduler="sync")["n_chars"].tolist()
    [2, 3, 1]
"""

from __future__ import annotations

from typing import Any

import dask.dataframe as dd
import pandas as pd

from analysis.scale.parallel import ScorerRef, resolve_scorer
from analysis.scoring.chunks import DEFAULT_SCORER

__all__ = ["score", "score_meta"]


def score_meta(
    text_col: str = "text",
    *,
    scorer: ScorerRef = DEFAULT_SCORER,
    text_dtype: Any = "str",
    **score_kwargs: Any,
) -> pd.DataFrame:
    """Return an empty frame with exactly the columns and dtypes the scorer returns.

    Derived by scoring one real row, because an empty input may not carry the
    dtypes of a filled one.

    Example:
        >>> score_meta(scorer="analysis.scale.parallel:text_length_scorer").dtypes.astype(str).tolist()
        ['int64', 'str']
    """
    fn = resolve_scorer(scorer)
    probe = pd.DataFrame({text_col: pd.Series(["A statement."], dtype=text_dtype)})
    return fn(probe, text_col, **score_kwargs).iloc[:0]


def _score_partition(
    part: pd.DataFrame, text_col: str, scorer: ScorerRef, meta: pd.DataFrame, score_kwargs: dict[str, Any]
) -> pd.DataFrame:
    if len(part) == 0:
        # Keep the declared dtypes on empty partitions (an empty input could infer object).
        return meta.set_axis(part.index[:0], axis=0)
    out = resolve_scorer(scorer)(part, text_col, **score_kwargs)
    out.index = part.index
    return out


def score(
    ddf: dd.DataFrame,
    text_col: str = "text",
    *,
    scorer: ScorerRef = DEFAULT_SCORER,
    **score_kwargs: Any,
) -> dd.DataFrame:
    """Lazily score ``ddf[text_col]``; same index, partitions and row order as ``ddf``.

    Keyword arguments (``lexicons``, ``sentiment``...) go to the scorer
    (default :func:`analysis.scoring.score.score_frame`).  Each partition is
    scored in one worker thread or process; start a ``distributed`` Client
    first to spread partitions over processes or machines.

    Example:
        >>> import pandas as pd, dask.dataframe as dd
        >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["x", None]}, index=[5, 9]), npartitions=1)
        >>> score(ddf, scorer="analysis.scale.parallel:text_length_scorer").compute()["status"].to_dict()
        {5: 'ok', 9: 'missing'}
    """
    if text_col not in ddf.columns:
        raise KeyError(
            f"text column {text_col!r} not in DataFrame; columns: {', '.join(map(str, ddf.columns))}"
        )
    score_kwargs.pop("jobs", None)  # Dask decides the parallelism
    meta = score_meta(text_col, scorer=scorer, text_dtype=ddf[text_col].dtype, **score_kwargs)
    meta = meta.set_axis(ddf._meta.index[:0], axis=0)
    return ddf.map_partitions(
        _score_partition, text_col, scorer, meta, score_kwargs, meta=meta, align_dataframes=False
    )
