"""Doubling series on hostile shapes of input: does the time per character stay flat?

Each family builds a text of n units, for n doubling, and times ``score_text``
(and ``score_frame`` on one row) in CPU seconds.  The printed ratio
``t(2n) / t(n)`` is about 2 for linear behaviour and about 4 for quadratic;
nothing is asserted (timings belong here, not in tests).

Usage:
    python benchmarks/bench_hostile_scaling.py [--max-units 64000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial

import pandas as pd

from analysis import score_frame, score_text

#: name -> one unit of text (repeated n times)
FAMILIES: dict[str, Callable[[int], str]] = {
    "en matches": lambda n: "They are idiots. " * n,
    "en one sentence": lambda n: "idiots and " * n,
    "en one token": lambda n: "x" * (10 * n),
    "ru matches, one clause": lambda n: "киевский режим " * n,
    "ru long clause (except_clause)": lambda n: "только " + "слово " * n + "может",
    "ru scare quotes beside loaded": lambda n: "киевский режим «освободители» " * n,
    "uk matches": lambda n: "рашисти обстріляли Київ " * n,
    "unbalanced quotes and dashes": lambda n: '"они — «режим ' * n,
    "digits before hedges": lambda n: "почти 5 около 10 " * n,
    "NUL joined": lambda n: "idiots\x00" * n,
}


def _cpu(f: Callable[[], object]) -> float:
    t = time.process_time()
    f()
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-units", type=int, default=64000)
    args = ap.parse_args()
    score_text("warm up the lexicons. Киевский режим.")
    for name, make in FAMILIES.items():
        prev = None
        line = []
        n = 1000
        while n <= args.max_units:
            text = make(n)
            t = _cpu(partial(score_text, text)) + _cpu(partial(score_frame, pd.DataFrame({"text": [text]})))
            line.append(f"n={n} {t:.3f}s" + (f" x{t / prev:.1f}" if prev and prev > 0.005 else ""))
            prev = t
            n *= 2
        print(f"{name:34s} " + "  ".join(line), flush=True)


if __name__ == "__main__":
    main()
