"""The engine's chunk scorer, and ``score_frame`` on several processes.

:func:`score_chunk_frame` is what every worker of ``jobs=N``, ``--jobs N`` and
Dask runs on a chunk: :func:`analysis.scoring.score.score_frame`, except that
values which are not text (numbers, lists... read from JSONL or Parquet) get
status ``invalid`` instead of raising, so that one odd record cannot abort a
file.  The processes themselves are run by the generic executor
:mod:`analysis.scale.parallel`.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["They are idiots.", "Fine."]}, index=["a", "b"])
    >>> score_frame_parallel(df, jobs=1)["hostility_count"].to_dict()
    {'a': 1, 'b': 0}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.scale.parallel import ScorerRef, map_frame_parallel
from analysis.scoring.score import _text_status, score_frame

if TYPE_CHECKING:
    import pandas as pd

#: The scorer every worker runs unless told otherwise.
DEFAULT_SCORER = "analysis.scoring.chunks:score_chunk_frame"
#: What a ``forkserver`` imports once before forking workers: the engine, built.
ENGINE_PRELOAD = ("analysis.scoring._preload",)


def score_chunk_frame(df: pd.DataFrame, text_col: str = "text", **score_kwargs: object) -> pd.DataFrame:
    """``score_frame(df, text_col, **score_kwargs)``, except that non-text values
    get status ``invalid`` and zero scores instead of raising.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"text": ["They are idiots.", 42, None]})
        >>> score_chunk_frame(df)["status"].tolist()
        ['ok', 'invalid', 'missing']
    """
    import pandas as pd

    values = df[text_col].tolist()
    bad = [i for i, v in enumerate(values) if type(v) is not str and _text_status(v) == "invalid"]
    if not bad:
        return score_frame(df, text_col, **score_kwargs)  # type: ignore[arg-type]
    for i in bad:
        values[i] = None
    clean = pd.DataFrame({text_col: pd.Series(values, dtype=object, index=df.index)})
    out = score_frame(clean, text_col, **score_kwargs)  # type: ignore[arg-type]
    out.loc[out.index[bad], "status"] = "invalid"
    return out


def score_frame_parallel(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    jobs: int | None = -1,
    chunk_size: int | None = None,
    scorer: ScorerRef = DEFAULT_SCORER,
    start_method: str | None = None,
    **score_kwargs: object,
) -> pd.DataFrame:
    """Score ``df[text_col]`` on ``jobs`` processes; same index and row order as ``df``.

    Keyword arguments (``lexicons``, ``sentiment``...) go to the scorer, so the
    result is identical to ``score_frame(df, text_col, **score_kwargs)`` row
    for row.  Rows on which scoring raises are not lost: they get zero
    scores and ``status = "error: <ExceptionType>"``, and every other row is
    scored (see :func:`analysis.scale.parallel.score_texts`).  ``jobs`` of
    ``-1``/``0``/``None`` means one process per core; ``jobs=1`` scores here.

    Example:
        >>> import pandas as pd
        >>> out = score_frame_parallel(pd.DataFrame({"text": ["It may rain.", None]}), jobs=1)
        >>> out["status"].tolist(), out["hedging_count"].tolist()
        (['ok', 'missing'], [1, 0])
    """
    preload = ENGINE_PRELOAD if scorer == DEFAULT_SCORER else None
    return map_frame_parallel(
        df,
        text_col,
        scorer,
        jobs=jobs,
        chunk_size=chunk_size,
        start_method=start_method,
        preload=preload,
        **score_kwargs,
    )
