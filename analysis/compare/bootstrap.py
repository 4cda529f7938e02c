"""The one resampling helper behind every bootstrap interval of ``compare``.

:func:`analysis.compare.aggregate` (pooled rates per group) and
:func:`analysis.compare.before_after` (rates either side of an event) both
resample whole statements with replacement and take percentiles of the
pooled statistic.  They share the generator seeding (keyed by the group, so
adding a group leaves the others' intervals alone) and the resampled sums.

Example:
    >>> import numpy as np
    >>> sums = resample_sums(np.array([[1.0, 10.0], [3.0, 10.0]]), 4, keyed_rng(1, "a"))
    >>> sums.shape, bool((sums[:, 1] == 20.0).all())
    ((4, 2), True)
"""

from __future__ import annotations

import zlib
from collections.abc import Hashable

import numpy as np

# Resample matrices are built in chunks of at most this many cells, so a group
# of 100,000 statements does not allocate n_boot * n integers at once.
CHUNK_CELLS = 2_000_000


def keyed_rng(seed: int, key: Hashable) -> np.random.Generator:
    """A generator seeded from ``seed`` and the group ``key`` (not its position).

    Example:
        >>> bool(keyed_rng(1, ("a", 2)).integers(0, 100) == keyed_rng(1, ("a", 2)).integers(0, 100))
        True
    """
    return np.random.default_rng([seed, zlib.crc32(str(key).encode("utf-8"))])


def resample_sums(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``values`` (n x m, n >= 1) over ``n_boot`` resamples of its rows.

    Returns an ``n_boot`` x m array.  Integer-valued columns sum exactly
    whatever the summation order (the resample multiplicities are integers).

    Example:
        >>> import numpy as np
        >>> resample_sums(np.array([[2.0], [2.0]]), 3, keyed_rng(0, "g")).ravel().tolist()
        [4.0, 4.0, 4.0]
    """
    n = values.shape[0]
    if n == 0:
        raise ValueError("resample_sums: no rows to resample")
    out = np.empty((n_boot, values.shape[1]), dtype=float)
    chunk = max(1, min(n_boot, CHUNK_CELLS // n))
    for start in range(0, n_boot, chunk):
        rows = min(n_boot, start + chunk) - start
        draws = rng.integers(0, n, size=(rows, n))
        draws += np.arange(rows)[:, None] * n
        # multiplicity of each statement in each resample
        weights = np.bincount(draws.ravel(), minlength=rows * n).reshape(rows, n)
        out[start : start + rows] = weights.astype(float) @ values
    return out


def members_by_group(codes: np.ndarray, n_groups: int) -> list[np.ndarray]:
    """Row positions of each group, in row order: one sort, not one scan of every row per group.

    Example:
        >>> [m.tolist() for m in members_by_group(np.array([1, 0, 1, 2]), 4)]
        [[1], [0, 2], [3], []]
    """
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(n_groups + 1))
    return [order[bounds[g] : bounds[g + 1]] for g in range(n_groups)]
