"""Scoring at scale: process pools, streaming file IO, the ``score`` command, Dask.

Modules:
    parallel   the generic, ordered, bounded chunk executor (imports no stage)
    io         streaming readers (CSV, JSONL, Parquet, text) and atomic writers
    cli_score  ``python -m analysis score ...``
    dask       ``score(ddf)`` for Dask DataFrames (also :mod:`analysis.dask`)

``score_frame_parallel`` (the engine on several processes) is defined in
:mod:`analysis.scoring.chunks`; it is re-exported here lazily, so importing
:mod:`analysis.scale.parallel` never imports the scoring stage.
"""

from __future__ import annotations

from analysis._lazy import lazy_exports

__all__ = ["score_frame_parallel"]

__getattr__, __dir__ = lazy_exports(
    __name__, {"score_frame_parallel": "analysis.scoring.chunks"}, globals()
)
