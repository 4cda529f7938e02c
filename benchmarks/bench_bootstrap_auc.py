"""CPU time of the cluster-bootstrap AUC: the multiplicity form against the re-ranking one.

``loaded_eval.bootstrap_auc`` (round 8: each resample is a vector of cluster
multiplicities, AUC a weighted Mann-Whitney U over the pooled ranks) is timed
against the frozen re-ranking copy kept in
``tests/validation/test_bootstrap_auc_fast.py``, A/B interleaved, on
synthetic units of the size of a PTC-2020 part (``--rows`` units in
``--clusters`` articles, scores with ties).  Prints CPU seconds per call,
the ratio, and whether the two intervals are the same floats.

Usage:
    python benchmarks/bench_bootstrap_auc.py
    python benchmarks/bench_bootstrap_auc.py --rows 8000 --clusters 300 --reps 5
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

from analysis.validation.loaded_eval import bootstrap_auc

T = TypeVar("T")
_OLD = Path(__file__).resolve().parents[1] / "tests" / "validation" / "test_bootstrap_auc_fast.py"


def _old_function() -> Callable[..., tuple[float, float, list[float]]]:
    spec = importlib.util.spec_from_file_location("_old_bootstrap_copy", _OLD)
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_bootstrap_auc: cannot load the reference copy from {_OLD}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._old_bootstrap_auc


def _cpu(fn: Callable[[], T]) -> tuple[float, T]:
    t0 = time.process_time()
    out = fn()
    return time.process_time() - t0, out


def main() -> None:
    """Print the A/B CPU figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--clusters", type=int, default=350)
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    y = rng.random(args.rows) < 0.25
    s = np.round(rng.gamma(1.0, size=args.rows) * np.where(rng.random(args.rows) < 0.4, 0, 1) + y * 0.2, 2)
    clusters = np.sort(rng.integers(0, args.clusters, args.rows))
    old = _old_function()
    t_old, t_new, same = [], [], True
    for _ in range(args.reps):
        a, ro = _cpu(lambda: old(y, s, clusters, n_boot=args.n_boot))
        b, rn = _cpu(lambda: bootstrap_auc(y, s, clusters, n_boot=args.n_boot))
        t_old.append(a)
        t_new.append(b)
        same &= ro[:2] == rn
    print(f"rows {args.rows}, clusters {args.clusters}, n_boot {args.n_boot}, reps {args.reps}")
    print(f"re-ranking (old): {min(t_old):.3f} s CPU per call (best)")
    print(f"multiplicity (new): {min(t_new):.3f} s CPU per call (best)")
    print(f"ratio old/new: {min(t_old) / min(t_new):.1f}x; same interval: {same}")


if __name__ == "__main__":
    main()
