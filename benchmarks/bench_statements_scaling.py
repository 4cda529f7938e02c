"""Doubling series for the statements stage and razdel's sentence splitting.

Prints CPU seconds and ``t(2n)/t(n)`` (about 2 is linear, about 4
quadratic) for:

* ``razdel``: ``razdel.sentenize`` against ``analysis.language.razdel_sentences``
  (the same sentences, linear) on one long text of many quotes and no
  sentence end, and ``score_text`` of that text as Russian (its language
  spans go through the splitter);
* ``extract``: ``extract_statements`` on 1, 2, 4 and 8 MB of English seed
  text (whole paragraphs, ``bench_extract.seed_text``), with s per MB;
* ``quoted lists``: one sentence listing n quoted words, English and Russian
  (``extract_statements``), the round-6 review's superlinear shapes of the
  statements stage, reported to its owner.

A series stops once a step takes longer than ``--max-seconds``.

Usage:
    python benchmarks/bench_statements_scaling.py
    python benchmarks/bench_statements_scaling.py --only razdel --max-seconds 5
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import MB, seed_text  # noqa: E402


def cpu(f: Callable[[], object]) -> float:
    """CPU seconds of one call of ``f``."""
    t0 = time.process_time()
    f()
    return time.process_time() - t0


def series(name: str, make: Callable[[int], str], run: Callable[[str], object], ns: Sequence[int],
           max_seconds: float) -> None:
    """Print one doubling series: n, characters, seconds, ratio to the step before."""
    previous = 0.0
    for n in ns:
        text = make(n)
        seconds = cpu(lambda text=text: run(text))
        ratio = f"x{seconds / previous:.1f}" if previous > 0.005 else ""
        print(f"  {name:<44} n={n:>9,} chars={len(text):>11,} {seconds:>8.2f} s {ratio}", flush=True)
        previous = seconds
        if seconds > max_seconds:
            break


def razdel_series(max_seconds: float) -> None:
    """razdel against the linear walk, and ru scoring of the same shape."""
    from razdel import sentenize

    from analysis.language import razdel_sentences
    from analysis.scoring.score import score_text

    def shape(n: int) -> str:
        return "киевский режим «освободители» " * n

    ns = [2_000, 4_000, 8_000, 16_000, 32_000]
    print("razdel: one text of n quoted words, no sentence end")
    series("razdel.sentenize", shape, lambda t: list(sentenize(t)), ns, max_seconds)
    series("analysis.language.razdel_sentences", shape, razdel_sentences, ns, max_seconds)
    series("score_text (language detected: ru)", shape, score_text, ns, max_seconds)


def extract_series(sizes: Sequence[float]) -> None:
    """extract_statements on English seed text of each size, with seconds per MB."""
    from analysis.statements.extract import extract_statements
    from analysis.statements.speakers import default_registry

    registry = default_registry()
    extract_statements("Warm up, he said.", registry)
    print("extract: extract_statements on English seed text")
    previous = 0.0
    for size in sizes:
        text = seed_text(int(size * MB))
        rows = 0

        def run(text: str = text) -> None:
            nonlocal rows
            rows = len(extract_statements(text, registry))

        seconds = cpu(run)
        ratio = f"x{seconds / previous:.1f}" if previous else ""
        print(f"  {size:>5g} MB {rows:>9,} statements {seconds:>8.2f} s {seconds / size:>6.2f} s/MB {ratio}",
              flush=True)
        previous = seconds


def quoted_list_series(max_seconds: float) -> None:
    """One sentence listing n quoted words (English, Russian): the statements stage's quadratic shapes."""
    from analysis.statements.extract import extract_statements

    ns = [500, 1_000, 2_000, 4_000]
    print("quoted lists: one sentence of n quoted words (reported to the statements stage's owner)")
    series("en 'Banned words include \"w1\", \"w2\", ...'",
           lambda n: "Banned words include " + ", ".join(f'"w{i}"' for i in range(n)),
           extract_statements, ns, max_seconds)
    series("ru 'Он перечислил «слово1», «слово2», ...'",
           lambda n: "Он перечислил " + ", ".join(f"«слово{i}»" for i in range(n)),
           extract_statements, ns, max_seconds)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen series."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=["razdel", "extract", "lists"],
                        default=["razdel", "extract", "lists"])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="extract sizes in MB")
    parser.add_argument("--max-seconds", type=float, default=30.0, help="stop a series after a step this slow")
    args = parser.parse_args(argv)
    print(f"1-min load average {os.getloadavg()[0]:.2f}; CPU seconds")
    if "razdel" in args.only:
        razdel_series(args.max_seconds)
    if "extract" in args.only:
        extract_series(args.sizes)
    if "lists" in args.only:
        quoted_list_series(args.max_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
