"""Peak memory of the streaming commands, ``score`` and ``extract``, as the input file grows.

Writes JSONL files of ordinary articles (the five seed articles, each record
one whole article with an ``id`` and an ``outlet``, repeated to the size)
of ``--sizes`` megabytes, runs ``python -m analysis score`` and ``python -m
analysis extract`` on each, and prints every command's peak RSS, wall time
and the ratio to the smallest file.  Streaming means a flat RSS column: the
reader, the engine and the writer hold one chunk at a time, so peak memory
must not grow with the file.

Peak RSS is read by a fresh parent of its own (``RUSAGE_CHILDREN``), as in
``bench_big_field.py``: a child forked from this process would be charged
with this process's size.

Usage:
    python benchmarks/bench_stream_rss.py                       # 25 and 200 MB
    python benchmarks/bench_stream_rss.py --sizes 10 40 --commands score
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import paths

_MEASURE = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
MB = 1_000_000


def peak_rss(command: list[str]) -> tuple[int, float, float]:
    """(exit code, peak RSS in MB, wall seconds) of ``python -m analysis COMMAND...``."""
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "analysis", *command]
    t0 = time.perf_counter()
    rc, kb = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return int(rc), int(kb) / 1024, time.perf_counter() - t0


def write_articles(path: Path, megabytes: float) -> int:
    """A JSONL file of about ``megabytes`` MB of seed articles; returns the number of records."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(paths.RAW_SEEDS_DIR.glob("*.txt"))]
    written, n = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < megabytes * MB:
            line = json.dumps({"id": f"a{n}", "outlet": f"outlet{n % 7}", "text": articles[n % len(articles)]})
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            n += 1
    return n


def commands(source: Path, directory: Path) -> dict[str, list[str]]:
    """The two streaming commands on ``source``, writing into ``directory``."""
    return {
        "score": ["score", str(source), "-o", str(directory / "scored.parquet"), "--id-column", "id"],
        "extract": ["extract", str(source), "-o", str(directory / "statements.parquet"),
                    "--id-column", "id", "--keep", "outlet"],
    }


def main(argv: list[str] | None = None) -> int:
    """Print peak RSS and time per command and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[25, 200], help="file sizes in MB")
    parser.add_argument("--commands", nargs="+", choices=["score", "extract"], default=["score", "extract"])
    args = parser.parse_args(argv)
    print(f"1-min load average {os.getloadavg()[0]:.2f}")
    print(f"{'command':>8} {'MB':>6} {'records':>8} {'peak RSS MB':>12} {'x smallest':>10} {'seconds':>8}")
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for size in args.sizes:
            source = directory / f"articles_{size:g}mb.jsonl"
            records = write_articles(source, size)
            for name in args.commands:
                rc, rss, seconds = peak_rss(commands(source, directory)[name])
                if rc != 0:
                    raise SystemExit(f"{name} exited {rc} on {source.name}")
                first.setdefault(name, rss)
                print(f"{name:>8} {size:>6g} {records:>8,} {rss:>12.0f} {rss / first[name]:>10.2f} {seconds:>8.1f}",
                      flush=True)
            source.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
