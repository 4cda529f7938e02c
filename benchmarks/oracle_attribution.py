"""Equivalence oracle for restructuring the statements stage: one sha256 per corpus, nothing else.

Runs :func:`analysis.statements.extract.extract_statements` (the DataFrame
form, every article kept with its ``status``) on

* ``seeds``     the five seed articles (``corpus/raw/seeds/``);
* ``nyt``       all 219 NYT war articles (``NYT_Russia_Ukraine.csv``, found by
                :func:`analysis.paths.nyt_russia_ukraine_csv`);
* ``press``     every vendored press release
                (:func:`analysis.corpus.external.load_press_releases`);
* ``ptc``       the 371 PTC-2020 articles
                (:func:`analysis.validation.ptc.load_ptc` under
                ``ANALYSIS_VALIDATION_DATA``);
* ``fixtures``  the statements tests' own texts (``tests/statements/fixtures``,
                the English wire articles and the ru/uk ones),

and prints one sha256 per corpus of the whole output frame (every column, in
order, with its dtype), and a second one of every
:func:`analysis.statements.mentions.find_mentions` result (every field of
every mention) on the same texts, which sees mention changes that the
frame does not show.  It prints hashes and counts only, never a quote, a
speaker or a score: several of these corpora hold held-out test texts.

Usage:
    python benchmarks/oracle_attribution.py save /tmp/oracle_attribution.json   # with the reference code
    python benchmarks/oracle_attribution.py check /tmp/oracle_attribution.json  # after a change: exits 1 on any difference
    python benchmarks/oracle_attribution.py check FILE --only seeds fixtures     # a quick check of some corpora

A corpus whose data is not found is reported as missing and, on ``check``,
counts as a difference (a hash that cannot be recomputed proves nothing).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.statements.extract import extract_statements
from analysis.statements.mentions import find_mentions
from analysis.statements.speakers import SpeakerRegistry, default_registry

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "statements" / "fixtures"


def _texts(ids: list[str], texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc": ids, "text": texts})


def seeds() -> pd.DataFrame:
    """The five seed articles as collected, one row per file."""
    files = sorted(paths.RAW_SEEDS_DIR.glob("*.txt"))
    return _texts([p.name for p in files], [p.read_text(encoding="utf-8") for p in files])


def nyt() -> pd.DataFrame | None:
    """Every NYT article (``articles`` column), in file order; None when the CSV is not found."""
    csv = paths.nyt_russia_ukraine_csv()
    if csv is None:
        return None
    df = pd.read_csv(csv)
    return _texts([f"nyt-{i:04d}" for i in range(len(df))], df["articles"].tolist())


def press() -> pd.DataFrame:
    """Every press release body, empty ones included (they have a status too)."""
    from analysis.corpus.external import load_press_releases

    df = load_press_releases()
    return _texts(df["doc_id"].tolist(), df["body"].tolist())


def ptc() -> pd.DataFrame | None:
    """The PTC-2020 training articles; None without ``ANALYSIS_VALIDATION_DATA``."""
    root = paths.validation_data_dir()
    if root is None:
        return None
    from analysis.validation.ptc import load_ptc

    articles = load_ptc(root).articles
    return _texts([str(a) for a in articles["article_id"]], articles["text"].tolist())


def fixtures() -> pd.DataFrame:
    """The statements tests' fixture texts: English wire articles and the ru/uk ones."""
    files = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "ru_uk").glob("*.txt"))
    return _texts([p.relative_to(FIXTURES).as_posix() for p in files], [p.read_text(encoding="utf-8") for p in files])


CORPORA: dict[str, Callable[[], pd.DataFrame | None]] = {
    "seeds": seeds, "nyt": nyt, "press": press, "ptc": ptc, "fixtures": fixtures}


def frame_hash(df: pd.DataFrame) -> str:
    """sha256 of a frame's columns, dtypes and every value, in order.

    Example:
        >>> a = pd.DataFrame({"x": [1, 2]})
        >>> frame_hash(a) == frame_hash(a.copy()), frame_hash(a) == frame_hash(a.astype(float))
        (True, False)
    """
    h = hashlib.sha256()
    h.update(json.dumps([[str(c), str(t)] for c, t in df.dtypes.items()]).encode("utf-8"))
    h.update(df.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return h.hexdigest()


def mentions_hash(texts: list[str], registry: SpeakerRegistry) -> str:
    """sha256 of every field of every mention :func:`find_mentions` finds in ``texts``."""
    h = hashlib.sha256()
    for text in texts:
        for m in find_mentions(text if isinstance(text, str) else "", registry):
            fields = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in dataclasses.asdict(m).items()}
            h.update(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def corpus_hashes(name: str, registry: SpeakerRegistry) -> dict[str, object] | None:
    """{"articles", "rows", "frame", "mentions"} of one corpus, or None when its data is missing."""
    df = CORPORA[name]()
    if df is None:
        return None
    out = extract_statements(df, registry, text_col="text", id_col="doc")
    return {"articles": len(df), "rows": len(out), "frame": frame_hash(out),
            "mentions": mentions_hash(df["text"].tolist(), registry)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check", "print"])
    parser.add_argument("path", type=Path, nargs="?")
    parser.add_argument("--only", nargs="+", choices=sorted(CORPORA), help="corpora to run (default: all)")
    args = parser.parse_args(argv)
    names = args.only or list(CORPORA)
    registry = default_registry()
    got: dict[str, dict[str, object] | None] = {}
    for name in names:
        start = time.perf_counter()
        got[name] = corpus_hashes(name, registry)
        res = got[name]
        line = "missing" if res is None else f"{res['articles']} articles, {res['rows']} rows, " \
            f"frame {res['frame']}, mentions {res['mentions']}"
        print(f"{name:9} {line}  ({time.perf_counter() - start:.0f} s)", flush=True)
    if args.action == "print":
        return 0
    if args.path is None:
        parser.error("save and check need a path")
    if args.action == "save":
        args.path.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
        print(f"saved {args.path}")
        return 0
    want = json.loads(args.path.read_text(encoding="utf-8"))
    bad = [n for n in names if got[n] is None or want.get(n) != got[n]]
    for n in bad:
        print(f"DIFFERENT {n}")
    print("identical" if not bad else f"{len(bad)} of {len(names)} corpora differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
