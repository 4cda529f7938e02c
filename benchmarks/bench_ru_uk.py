"""Russian/Ukrainian lexicon scoring throughput on one core (target >= 5,000 statements/s).

Statements: razdel sentences of the vendored resistinua Ukrainian originals
(``load_resistinua``), and, when ``ANALYSIS_VALIDATION_DATA`` is set, of the
Russian SemEval-2023 paragraphs (read at run time, never stored), repeated to
``--statements`` rows.  Per statement: language detection
(:func:`analysis.scoring.language.detect_language`), tokens (the default
``fast`` tokenizer; the ``razdel`` one is timed alone too), pymorphy3
lemmas (cached) and lemma-lexicon matching (``LemmaMatcher.find``).

Printed: statements/s for a cold pass (empty lemma cache, every distinct
statement once) and for the whole run (cache warm, the realistic case for a
corpus of millions), per language, and the share of time in each step.
Then the integrated path users call, ``score_frame`` (language detection,
sentence split, lemma matching, every output column; VADER skipped as for
every ru/uk text), against the reference VADER (``vaderSentiment``) on the
English translations of the same addresses, timed in the same run: the
machine is shared, so the ratio is the figure to compare across runs.

Usage:
    python benchmarks/bench_ru_uk.py            # 50,000 statements per language
    python benchmarks/bench_ru_uk.py --quick    # 10,000
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable

from analysis import paths
from analysis.corpus.external import load_resistinua
from analysis.scoring.language import detect_language
from analysis.scoring.lemma_match import LemmaMatcher
from analysis.scoring.morph import sentences, tokens

TARGET = 5000.0


def _uk_statements() -> list[str]:
    df = load_resistinua()
    texts = df.loc[df["status"] == "ok", "text_uk"]
    return [s.text for t in texts for s in sentences(t) if len(s.text.split()) >= 3]


def _ru_statements() -> list[str]:
    root = paths.validation_data_dir()
    if root is None:
        return []
    from analysis.validation.ru_gold import default_source_path, read_paragraphs

    source = default_source_path(root)
    if not source.is_file():
        return []
    return [s.text for t in read_paragraphs(source).values() for s in sentences(t)
            if len(s.text.split()) >= 3]


def _rate(fn: Callable[[str], object], items: list[str]) -> float:
    start = time.perf_counter()
    for text in items:
        fn(text)
    return len(items) / (time.perf_counter() - start)


def _bench(language: str, distinct: list[str], n: int) -> None:
    matcher = LemmaMatcher.builtin(language)

    def full(text: str) -> object:
        lang = detect_language(text)
        return matcher.find_tokens(text, tokens(text, lang if lang in ("ru", "uk") else language))

    rows = (distinct * (n // len(distinct) + 1))[:n]
    cold = _rate(full, distinct)
    warm = _rate(full, rows)
    detect = _rate(detect_language, rows)
    tok = _rate(lambda t: tokens(t, language), rows)
    tok_razdel = _rate(lambda t: tokens(t, language, tokenizer="razdel"), rows)
    print(f"{language}: {len(distinct):,} distinct statements, {n:,} scored")
    print(f"  cold pass (empty lemma cache)   {cold:10,.0f} statements/s")
    print(f"  whole run (cache warm)          {warm:10,.0f} statements/s  "
          f"target {TARGET:,.0f}: {'met' if warm >= TARGET else 'NOT met'}")
    print(f"  detect_language alone           {detect:10,.0f} statements/s")
    print(f"  tokens + lemmas alone           {tok:10,.0f} statements/s")
    print(f"  same, tokenizer='razdel'        {tok_razdel:10,.0f} statements/s")


def _frame_rate(texts: list[str], n: int, **kwargs: str) -> float:
    import pandas as pd

    from analysis.scoring.score import score_frame

    rows = (texts * (n // len(texts) + 1))[:n]
    df = pd.DataFrame({"text": rows})
    score_frame(df.head(200), **kwargs)  # warm caches and lexicons
    start = time.perf_counter()
    out = score_frame(df, **kwargs)
    elapsed = time.perf_counter() - start
    assert len(out) == n and out["status"].eq("ok").all()
    return n / elapsed


def _vader_rate(texts: list[str], n: int) -> float:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    rows = (texts * (n // len(texts) + 1))[:n]
    return _rate(vader.polarity_scores, rows)


def _en_statements() -> list[str]:
    df = load_resistinua()
    texts = df.loc[df["status"] == "ok", "text_en"]
    return [s.text for t in texts for s in sentences(t) if len(s.text.split()) >= 3]


def _bench_frame(by_language: dict[str, list[str]], n: int) -> None:
    vader = _vader_rate(_en_statements(), n)
    print(f"score_frame (integrated path), {n:,} statements per language")
    print(f"  reference VADER, English translations  {vader:10,.0f} statements/s")
    for language, texts in by_language.items():
        rate = _frame_rate(texts, n)
        forced = _frame_rate(texts, n, language=language)
        print(f"  {language}: detected language          {rate:10,.0f} statements/s  "
              f"{rate / vader:.2f}x VADER  target {TARGET:,.0f}: {'met' if rate >= TARGET else 'NOT met'}")
        print(f"  {language}: language={language!r}            {forced:10,.0f} statements/s  "
              f"{forced / vader:.2f}x VADER")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="10,000 statements per language")
    args = parser.parse_args(argv)
    n = 10_000 if args.quick else args.statements
    print(f"python {platform.python_version()}, one process, one core")
    uk = _uk_statements()
    _bench("uk", uk, n)
    ru = _ru_statements()
    if ru:
        _bench("ru", ru, n)
    else:
        print("ru: skipped (set ANALYSIS_VALIDATION_DATA for the Russian paragraphs)")
    _bench_frame({"uk": uk, **({"ru": ru} if ru else {})}, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
