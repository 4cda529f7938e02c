"""Sentences per second of vaderSentiment and FastVader on the same real sentences.

The sentences are the seed articles' and the press releases' (the vendored
copy, read by ``analysis.corpus.external.load_press_releases``), split crudely
at sentence-final punctuation.
Both analysers score every sentence; the script also checks that they agree.

Usage:
    .venv/bin/python benchmarks/bench_fastvader.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import paths
from analysis.corpus.external import load_press_releases
from analysis.scoring.fastvader import FastVader

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in SENTENCE_SPLIT.split(line) if s.strip()]


def real_sentences() -> list[str]:
    """Seed and press-release sentences, in a fixed order."""
    out: list[str] = []
    for path in sorted(paths.RAW_SEEDS_DIR.glob("*.txt")):
        out += _sentences(path.read_text(encoding="utf-8"))
    releases = load_press_releases()
    for headline, body in zip(releases["headline"], releases["body"]):
        out += _sentences(headline)
        out += _sentences(body)
    return out


def throughput(score: Callable[[str], dict[str, float]], texts: list[str], repeat: int) -> float:
    """Best-of-``repeat`` sentences per CPU second (process time: the box is shared)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            score(text)
        best = min(best, time.process_time() - start)
    return len(texts) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=20000, help="sentences to score (default 20000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per analyser; best is kept")
    args = parser.parse_args(argv)

    texts = real_sentences()[: args.limit]
    if not texts:
        print("no sentences found", file=sys.stderr)
        return 1
    reference = SentimentIntensityAnalyzer()
    # FastVader caches each distinct token's normalised form: time one pass of
    # a fresh instance too, as a corpus scored once would see.
    cold_rate = throughput(FastVader().polarity_scores, texts, 1)
    fast = FastVader()
    mismatches = sum(reference.polarity_scores(t) != fast.polarity_scores(t) for t in texts)
    n_words = sum(len(t.split()) for t in texts)
    print(f"{len(texts):,} sentences ({n_words / len(texts):.1f} words each), mismatches: {mismatches}")
    vader_rate = throughput(reference.polarity_scores, texts, args.repeat)
    fast_rate = throughput(fast.polarity_scores, texts, args.repeat)
    print(f"vaderSentiment : {vader_rate:10,.0f} sentences/s")
    print(f"FastVader cold : {cold_rate:10,.0f} sentences/s  (fresh instance, one pass)")
    print(f"FastVader warm : {fast_rate:10,.0f} sentences/s")
    print(f"speed-up       : {cold_rate / vader_rate:10.2f}x cold, {fast_rate / vader_rate:.2f}x warm")
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
