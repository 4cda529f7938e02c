"""Former home of :mod:`analysis.scale.dask`, kept so that existing code still runs.

``import analysis.dask`` and ``from analysis.dask import score`` give the
same objects as :mod:`analysis.scale.dask`.

Example:
    >>> import analysis.dask, analysis.scale.dask
    >>> analysis.dask.score is analysis.scale.dask.score
    True
"""

from __future__ import annotations

from analysis.scale.dask import score, score_meta

__all__ = ["score", "score_meta"]
