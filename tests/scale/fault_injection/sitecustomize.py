"""Test-only fault injection for subprocess runs of ``python -m analysis score``.

Python imports this module at start-up when this directory is on
``PYTHONPATH`` (the tests in ``test_faults.py`` put it there; nothing else
does).  It does nothing unless one of these is set:

``ANALYSIS_TEST_RAISE_ON``     the engine's chunk scorer raises ``ValueError``
                               on any chunk holding a text that contains it;
``ANALYSIS_TEST_CHUNK_DELAY``  seconds the chunk scorer sleeps per call, so
                               that a run lasts long enough to be signalled.

Workers forked by ``--jobs`` inherit the patched scorer.
"""

from __future__ import annotations

import os

_MARKER = os.environ.get("ANALYSIS_TEST_RAISE_ON", "")
_DELAY = float(os.environ.get("ANALYSIS_TEST_CHUNK_DELAY", "0") or 0)

if _MARKER or _DELAY:
    import time

    import pandas as pd

    import analysis.scoring.chunks as _chunks

    _real = _chunks.score_chunk_frame

    def _faulty(df: pd.DataFrame, text_col: str = "text", **kwargs: object) -> pd.DataFrame:
        if _DELAY:
            time.sleep(_DELAY)
        if _MARKER and any(isinstance(v, str) and _MARKER in v for v in df[text_col].tolist()):
            raise ValueError("injected fault")
        return _real(df, text_col, **kwargs)

    _chunks.score_chunk_frame = _faulty
