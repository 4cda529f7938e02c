"""Doubling series: one sentence of n "said,"-tagged quotes, and a paragraph-free text of many quotes.

The round-6 review found ``extract._outer_events`` cubic on the first shape
(``Tom Lee spoke and said, "We go on" and said, "We go on" ...`` with no full
stop: 12.8 s at 500 quotes, 102 s at 1,000).  This prints CPU seconds of
``extract_statements`` and ``t(2n)/t(n)`` (about 2 is linear, about 4
quadratic, about 8 cubic) for:

* ``one sentence``: n = 125, 250, 500, 1,000, 2,000 tagged quotes in one sentence;
* ``no paragraphs``: the same unit with a full stop every 8 quotes and no line
  break, 0.25 to 2 MB (many quotes, many sentences, one paragraph);
* ``seed news, one paragraph``: the seed articles (``bench_extract.seed_text``)
  with every line break made a space, 0.25 to 2 MB: real quotes and tags, no
  paragraph.

A series stops once a step takes longer than ``--max-seconds``.  Nothing is
asserted: timings belong here, not in tests.

Usage:
    python benchmarks/bench_tagged_quotes.py
    python benchmarks/bench_tagged_quotes.py --only sentence --max-seconds 30
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import seed_text  # noqa: E402
from bench_statements_scaling import series  # noqa: E402

from analysis.statements.extract import extract_statements  # noqa: E402

#: the review's unit: a speech-verb tag before every quote, no sentence end
UNIT = ' and said, "We go on"'
#: the paragraph-free text's unit: eight tagged quotes, then a full stop
SENTENCE = "Tom Lee spoke" + UNIT * 8 + ". "


def one_sentence(n: int) -> str:
    """``n`` tagged quotes in one sentence.

    Example:
        >>> one_sentence(2)
        'Tom Lee spoke and said, "We go on" and said, "We go on"'
    """
    return "Tom Lee spoke" + UNIT * n


def no_paragraphs(chars: int) -> str:
    """About ``chars`` characters of :data:`SENTENCE`, with no line break.

    Example:
        >>> "\\n" not in no_paragraphs(1000) and len(no_paragraphs(1000)) >= 1000
        True
    """
    return SENTENCE * (chars // len(SENTENCE) + 1)


def seed_one_paragraph(chars: int) -> str:
    """About ``chars`` characters of seed news with no line break."""
    return seed_text(chars).replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("sentence", "paragraphs", "seed"))
    ap.add_argument("--max-seconds", type=float, default=60.0)
    args = ap.parse_args()
    extract_statements(one_sentence(3))  # load the registry and word lists before the clock
    if args.only in (None, "sentence"):
        series("one sentence of n tagged quotes", one_sentence, extract_statements,
               (125, 250, 500, 1000, 2000), args.max_seconds)
    if args.only in (None, "paragraphs"):
        series("no paragraphs, n characters", no_paragraphs, extract_statements,
               (250_000, 500_000, 1_000_000, 2_000_000), args.max_seconds)
    if args.only in (None, "seed"):
        series("seed news, one paragraph, n characters", seed_one_paragraph, extract_statements,
               (250_000, 500_000, 1_000_000, 2_000_000), args.max_seconds)


if __name__ == "__main__":
    main()
