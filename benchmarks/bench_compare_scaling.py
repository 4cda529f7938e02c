"""Doubling series for the stages after statements: one long text, and aggregation at scale.

Three series, each timed in CPU seconds; the tables also give the peak
traced memory of a second call (``tracemalloc``: Python objects and numpy
buffers), the long texts the process's peak RSS so far (tracemalloc would
slow the scorer several times over):

* ``score_frame`` on one row holding one long text of 1, 2, 4, 8 MB, English
  and Russian (news-like sentences repeated);
* :func:`analysis.compare.aggregate` over 10^4 .. 10^6 rows, with the groups
  growing too (10 .. 10^5), ``n_boot`` fixed;
* :func:`analysis.compare.before_after` over the same tables.

The printed ratio ``t(2n) / t(n)`` (or ``t(10n) / t(n)`` for the tables) is
about 2 (10) for linear behaviour; nothing is asserted (timings belong here,
not in tests).

Usage:
    python benchmarks/bench_compare_scaling.py [--max-mb 8] [--max-rows 1000000] [--n-boot 200]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import score_frame
from analysis.compare import aggregate, before_after

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hostile_scaling import _cpu  # noqa: E402

#: language -> a paragraph repeated to the wanted size
PARAGRAPHS: dict[str, str] = {
    "en": ("The Kremlin said the so-called special military operation would continue. "
           "Officials may have underestimated the losses, analysts said, and the regime is "
           "certainly doomed. \"They are idiots,\" he added.\n"),
    "ru": ("Кремль заявил, что специальная военная операция продолжится. Киевский режим, "
           "возможно, недооценил потери, считают аналитики; режим, безусловно, обречён. "
           "«Они идиоты», — добавил он.\n"),
}


def _measured(f: Callable[[], object]) -> tuple[float, float]:
    """CPU seconds of one call and peak traced MB of a second."""
    seconds = _cpu(f)
    tracemalloc.start()
    try:
        f()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return seconds, peak


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _series(label: str, sizes: list[int], run: Callable[[int], tuple[float, float]],
            what: str = "peak traced") -> None:
    prev = None
    for n in sizes:
        t, mb = run(n)
        ratio = f" x{t / prev:.1f}" if prev and prev > 0.005 else ""
        print(f"{label:36s} n={n:>9,} {t:8.3f}s{ratio:7s} {what} {mb:8.1f} MB", flush=True)
        prev = t


def long_text(language: str, mb: int) -> tuple[float, float]:
    """Score one row of ``mb`` MB of ``language`` text."""
    para = PARAGRAPHS[language]
    text = para * max(1, (mb * 2**20) // len(para.encode("utf-8")))
    frame = pd.DataFrame({"text": [text]}, dtype=object)
    return _cpu(lambda: score_frame(frame, sentiment="none")), _rss_mb()


def scored_table(rows: int, groups: int, seed: int = 0) -> pd.DataFrame:
    """An invented scored table: ``rows`` rows over ``groups`` outlets, dated over 2022."""
    rng = np.random.default_rng(seed)
    tokens = rng.integers(0, 400, rows)
    days = rng.integers(0, 365, rows)
    return pd.DataFrame({
        "outlet": rng.integers(0, groups, rows).astype(str),
        "date": (pd.Timestamp("2022-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
        "status": np.where(tokens > 0, "ok", "empty"),
        "n_tokens": tokens,
        "hostility_count": rng.binomial(tokens, 0.004),
        "loaded_count": rng.binomial(tokens, 0.006),
        "sentiment_compound": rng.uniform(-1, 1, rows).round(4),
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=int, default=8)
    ap.add_argument("--max-rows", type=int, default=1_000_000)
    ap.add_argument("--n-boot", type=int, default=200)
    args = ap.parse_args()
    score_frame(pd.DataFrame({"text": ["warm up. Киевский режим."]}))
    sizes = [1 << k for k in range(args.max_mb.bit_length()) if 1 << k <= args.max_mb]
    for language in PARAGRAPHS:
        _series(f"score_frame one {language} text (MB)", sizes, lambda mb, lang=language: long_text(lang, mb),
                what="peak RSS so far")
    rows = [n for n in (10_000, 100_000, 1_000_000) if n <= args.max_rows]
    dims = ("hostility", "loaded")
    for label, per_group in (("aggregate, 10 groups", None), ("aggregate, rows/10 groups", 10)):
        def agg(n: int, per_group: int | None = per_group) -> tuple[float, float]:
            table = scored_table(n, 10 if per_group is None else n // per_group)
            return _measured(lambda: aggregate(table, "outlet", dimensions=dims, n_boot=args.n_boot))
        _series(label, rows, agg)

    def shift(n: int) -> tuple[float, float]:
        table = scored_table(n, n // 10)
        return _measured(lambda: before_after(table, "date", "2022-06-01", "outlet", dimensions=dims,
                                              n_boot=args.n_boot))
    _series("before_after, rows/10 groups", rows, shift)


if __name__ == "__main__":
    main()
