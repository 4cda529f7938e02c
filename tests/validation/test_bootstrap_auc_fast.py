"""The multiplicity form of the cluster-bootstrap AUC against the re-ranking one it replaced.

``_old_bootstrap_auc`` is a frozen copy of ``loaded_eval.bootstrap_auc`` as
it was before round 8 (concatenate the picked clusters, re-rank with scipy's
``rankdata`` through ``metrics.roc_auc``).  The new one must give the same
floats, bit for bit: both compute the Mann-Whitney U exactly (integers and
halves far below 2**53) and divide by the same integer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.validation import metrics
from analysis.validation.loaded_eval import bootstrap_auc, weighted_auc


def _old_bootstrap_auc(y: np.ndarray, s: np.ndarray, clusters: np.ndarray, *, n_boot: int = 1000,
                       seed: int = 12, level: float = 0.95) -> tuple[float, float, list[float]]:
    rng = np.random.default_rng(seed)
    codes, uniq = pd.factorize(pd.Series(clusters))
    members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
    aucs = []
    for _ in range(n_boot):
        pick = rng.integers(0, len(members), len(members))
        idx = np.concatenate([members[k] for k in pick])
        yb = y[idx]
        if yb.all() or not yb.any():
            continue
        aucs.append(metrics.roc_auc(yb, s[idx]))
    if not aucs:
        return float("nan"), float("nan"), aucs
    alpha = (1.0 - level) / 2.0
    return float(np.quantile(aucs, alpha)), float(np.quantile(aucs, 1.0 - alpha)), aucs


def _case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows in clusters of 1-6 (some of one row), heavy ties, rare or absent classes."""
    n_clusters = int(rng.integers(1, 25))
    sizes = rng.integers(1, 7, n_clusters)
    clusters = np.repeat([f"a{k}" for k in rng.permutation(n_clusters)], sizes)
    n = len(clusters)
    p_pos = float(rng.choice([0.0, 0.03, 0.2, 0.5, 0.9, 1.0]))
    y = rng.random(n) < p_pos
    form = int(rng.integers(0, 4))
    if form == 0:
        s = rng.integers(0, 3, n).astype("float64")  # few levels: ties everywhere
    elif form == 1:
        s = np.round(rng.normal(size=n), 1) + y * 0.3
    elif form == 2:
        s = np.zeros(n)  # one level: every AUC 0.5
    else:
        s = rng.random(n) * np.where(rng.random(n) < 0.3, 0.0, 1.0)  # many zeros, rest distinct
    return y, s, clusters


def _weighted_from_picks(y: np.ndarray, s: np.ndarray, clusters: np.ndarray, n_boot: int,
                         seed: int) -> list[float]:
    rng = np.random.default_rng(seed)
    codes, uniq = pd.factorize(pd.Series(clusters))
    ranks = np.unique(s, return_inverse=True)[1].reshape(-1)
    out = []
    for _ in range(n_boot):
        m = np.bincount(rng.integers(0, len(uniq), len(uniq)), minlength=len(uniq))
        a = weighted_auc(y, ranks, codes, m)
        if not np.isnan(a):
            out.append(a)
    return out


def test_same_resample_aucs_and_interval_bit_for_bit() -> None:
    rng = np.random.default_rng(20261202)
    compared = skipped_all = 0
    for i in range(400):
        y, s, clusters = _case(rng)
        n_boot = int(rng.integers(1, 60))
        old_lo, old_hi, old_aucs = _old_bootstrap_auc(y, s, clusters, n_boot=n_boot, seed=i)
        new_lo, new_hi = bootstrap_auc(y, s, clusters, n_boot=n_boot, seed=i)
        assert _weighted_from_picks(y, s, clusters, n_boot, i) == old_aucs, f"case {i}"
        assert np.array_equal([old_lo, old_hi], [new_lo, new_hi], equal_nan=True), f"case {i}"
        compared += len(old_aucs)
        skipped_all += not old_aucs
    assert compared > 5000 and 20 < skipped_all < 300  # both paths were exercised


def test_level_and_default_n_boot_unchanged() -> None:
    rng = np.random.default_rng(7)
    y, s, clusters = rng.random(300) < 0.3, np.round(rng.random(300), 2), np.arange(300) // 4
    for level in (0.5, 0.9, 0.95):
        old = _old_bootstrap_auc(y, s, clusters, level=level)[:2]
        assert bootstrap_auc(y, s, clusters, level=level) == old


def test_weighted_auc_equals_roc_auc_on_repeated_rows() -> None:
    rng = np.random.default_rng(3)
    for _ in range(200):
        y, s, clusters = _case(rng)
        codes, uniq = pd.factorize(pd.Series(clusters))
        m = rng.integers(0, 4, len(uniq))
        idx = np.concatenate([np.flatnonzero(codes == k) for k in range(len(uniq)) for _ in range(m[k])]
                             or [np.zeros(0, dtype=int)]).astype(int)
        got = weighted_auc(y, np.unique(s, return_inverse=True)[1].reshape(-1), codes, m)
        want = metrics.roc_auc(y[idx], s[idx]) if len(idx) else float("nan")
        assert got == want or (np.isnan(got) and np.isnan(want))


def test_nan_scores_are_refused() -> None:
    with pytest.raises(ValueError, match="without NaN"):
        bootstrap_auc(np.array([0, 1]), np.array([0.1, np.nan]), np.array([0, 1]))
