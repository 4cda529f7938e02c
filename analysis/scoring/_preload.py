"""Imported by the ``forkserver`` process to warm the scoring engine once.

Importing this module builds the default engine's lexicon matcher and
sentiment model, so that every worker forked from the server starts with them
ready instead of building its own copy (about a second each).
"""

from __future__ import annotations

import pandas as pd

from analysis.scoring.chunks import score_chunk_frame

score_chunk_frame(pd.DataFrame({"text": ["Warm up the engine."]}))
