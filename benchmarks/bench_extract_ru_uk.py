"""Russian/Ukrainian statement extraction: paragraphs per second, and time against text length.

Two figures, both on resistinua (CC0, bundled):

* **paragraphs/s**: the first 1,000 non-empty paragraphs of the 317 Ukrainian
  originals, one ``extract_statements`` call each (the per-call frame costs
  as much as for English);
* **time per MB** of the originals joined into one text of 0.1, 0.5 and
  1 MB: flat means the ru/uk extractor is linear in the text's length.

Usage:
    python benchmarks/bench_extract_ru_uk.py
"""

from __future__ import annotations

import os
import time

from analysis.corpus.external import load_resistinua
from analysis.statements.extract import extract_statements


def main() -> int:
    """Print the figures; no target is asserted (wall clock on a shared machine)."""
    texts = [t for t in load_resistinua()["text_uk"].astype(str) if t.strip()]
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()][:1000]
    extract_statements(paragraphs[0], language="uk")  # dictionaries and registry loaded before the clock
    t0 = time.perf_counter()
    rows = sum(len(extract_statements(p, language="uk")) for p in paragraphs)
    dt = time.perf_counter() - t0
    print(f"paragraphs: {len(paragraphs)} -> {rows} statements in {dt:.1f} s = {len(paragraphs) / dt:.0f} paragraphs/s")
    joined = "\n".join(texts)
    for mb in (0.1, 0.5, 1.0):
        n = int(mb * 1_000_000)
        text = (joined * (1 + n // len(joined)))[:n]
        text = text[: text.rfind("\n")]
        t0 = time.perf_counter()
        out = extract_statements(text, language="uk")
        dt = time.perf_counter() - t0
        print(f"{mb:.1f} MB: {len(out)} statements in {dt:.2f} s = {dt / mb:.2f} s/MB")
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
