"""A fixed, written-down dev/test split by key (article id).

Rule: ``int(md5(str(key).encode("utf-8")).hexdigest(), 16) % 10 < 7`` -> ``"dev"``,
otherwise ``"test"`` (about 70/30).  It needs no random state, does not depend on
the order or number of keys, and a key never changes side.  Thresholds are
chosen on ``dev`` only and then applied unchanged to ``test``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

DEV_BUCKETS: int = 7
N_BUCKETS: int = 10


def split_of(key: object) -> str:
    """Return ``"dev"`` or ``"test"`` for ``key`` by the md5 rule above.

    Example:
        >>> split_of("111111111") in {"dev", "test"}
        True
        >>> split_of(111111111) == split_of("111111111")
        True
    """
    digest = hashlib.md5(str(key).encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % N_BUCKETS < DEV_BUCKETS else "test"


def split_counts(keys: Iterable[object]) -> dict[str, int]:
    """Count keys per side.

    Example:
        >>> sum(split_counts(range(100)).values())
        100
    """
    counts = {"dev": 0, "test": 0}
    for key in keys:
        counts[split_of(key)] += 1
    return counts
