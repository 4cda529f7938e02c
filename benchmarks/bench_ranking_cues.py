"""Doubling series for the ranking score's text cues: does the time per character stay flat?

Times (CPU seconds) :func:`analysis.scoring.loaded_style.scare_quote_count`
and :func:`analysis.scoring.loaded_style.ranking_cues` on one text of ``n``
units, for ``n`` doubling up to a text of about 10 MB (100,000+ short quoted
spans).  The printed ratio ``t(2n) / t(n)`` is about 2 for linear behaviour
and about 4 for quadratic (``scare_quote_count`` was quadratic in the number
of quoted spans before review5: it sliced and stripped the whole text once
per span); nothing is asserted.

Usage:
    python benchmarks/bench_ranking_cues.py [--max-units 640000]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from analysis.scoring.loaded_style import ranking_cues, scare_quote_count

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hostile_scaling import _cpu  # noqa: E402

#: name -> text of n units
FAMILIES: dict[str, Callable[[int], str]] = {
    "short quoted spans": lambda n: 'a "hoax" b ' * n,
    "unbalanced quotes": lambda n: 'the "word and \u00abother ' * n,
    "curly and guillemets": lambda n: "\u201cfake\u201d \u00abmir\u00bb! " * n,
    "long prose, no quotes": lambda n: "They are vile idiots and liars. " * n,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-units", type=int, default=640_000)
    args = parser.parse_args()
    for name, build in FAMILIES.items():
        print(f"{name}:")
        previous = None
        n = 10_000
        while n <= args.max_units:
            text = build(n)
            t_sq = _cpu(partial(scare_quote_count, text))
            t_rc = _cpu(partial(ranking_cues, [text]))
            ratio = f"{t_rc / previous:5.2f}" if previous else "    -"
            print(f"  n={n:>8,} {len(text) / 1e6:6.2f} MB  scare_quote_count {t_sq:7.3f} s  "
                  f"ranking_cues {t_rc:7.3f} s  ratio {ratio}")
            previous, n = max(t_rc, 1e-6), n * 2


if __name__ == "__main__":
    main()
