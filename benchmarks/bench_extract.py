"""Statement extraction time against text length: 0.1, 1 and 2 MB of real news text.

The input is the five seed articles (``corpus/raw/seeds/``), joined by blank
lines and repeated until the wanted size, then cut at the last paragraph
break before it, so every size holds whole paragraphs of real text with its
quotes, cues and speakers.  ``extract_statements`` runs with the bundled
speakers registry, built before the clock starts.

Usage:
    python benchmarks/bench_extract.py                  # 0.1, 1 and 2 MB, best of 1
    python benchmarks/bench_extract.py --repeat 3       # best of 3 per size
    python benchmarks/bench_extract.py --sizes 0.05 0.5 # other sizes, in MB

Target: 2 MB in under 5 s.  Time per MB that stays flat from 0.1 to 2 MB
means the extractor is linear in the text's length (it used to be
quadratic: 139 s for 500 KB).  The 1-minute load average is printed: on a
shared machine, wall-clock times are upper bounds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from analysis import paths
from analysis.statements.extract import extract_statements
from analysis.statements.speakers import default_registry

TARGET_S = 5.0
MB = 1_000_000


def seed_text(size: int) -> str:
    """Whole paragraphs of the seed articles, repeated, about ``size`` characters long."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(paths.RAW_SEEDS_DIR.glob("*.txt")))
    text = (seeds + "\n\n") * (size // (len(seeds) + 2) + 1)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > 0 else size]


def time_extract(text: str, repeat: int) -> tuple[float, int]:
    """Best wall-clock seconds of ``repeat`` runs, and the number of statements."""
    registry = default_registry()
    best, rows = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = len(extract_statements(text, registry))
        best = min(best, time.perf_counter() - t0)
    return best, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 2.0], help="sizes in MB")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best is shown")
    args = parser.parse_args(argv)
    extract_statements("Warm up, he said.", default_registry())  # compile patterns, load the registry
    print(f"extract_statements on seed text; 1-min load average {os.getloadavg()[0]:.2f}, "
          f"{os.cpu_count()} cores")
    print(f"  {'size':>8}  {'chars':>10}  {'statements':>10}  {'seconds':>8}  {'s per MB':>8}")
    seconds_at: dict[float, float] = {}
    for size in args.sizes:
        text = seed_text(int(size * MB))
        seconds, rows = time_extract(text, args.repeat)
        seconds_at[size] = seconds
        print(f"  {size:>6.2f}MB  {len(text):>10,}  {rows:>10,}  {seconds:>8.2f}  {seconds / (len(text) / MB):>8.2f}")
    if 2.0 in seconds_at:
        verdict = "met" if seconds_at[2.0] < TARGET_S else "NOT met"
        print(f"  target: 2 MB in under {TARGET_S:.0f} s -> {verdict} ({seconds_at[2.0]:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
