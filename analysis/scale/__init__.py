"""Scoring at scale: process pools, streaming file IO, the ``score`` command.

Modules:
    parallel   ``score_frame_parallel`` and the ordered, bounded chunk map
    io         streaming readers (CSV, JSONL, Parquet, text) and atomic writers
    cli_score  ``python -m analysis score ...``

The Dask helper lives in :mod:`analysis.dask`.
"""

from __future__ import annotations

from analysis.scale.parallel import score_frame_parallel

__all__ = ["score_frame_parallel"]
