"""The old quadratic ``minus`` (``quadratic_minus``): the oracle of ``test_extract_linear.py``'s sweep test.

Until issue 11 this file held the quadratic versions of every function the
speed fix rewrote; attribution has changed since, so the extraction oracle
is now the extractor's own full-scan path (see ``test_extract_linear.py``)
and only ``quadratic_minus``, whose contract did not change, stays here.
"""

from __future__ import annotations

from collections.abc import Sequence


def quadratic_minus(s: int, e: int, holes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    parts = [(s, e)]
    for hs, he in holes:
        parts = [p for a, b in parts for p in ((a, min(b, hs)), (max(a, he), b)) if p[0] < p[1]]
    return parts
