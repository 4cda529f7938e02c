"""Peak memory of ``python -m analysis score`` on one very large field.

Writes a file with one text of ``--mb`` megabytes (default 50) and one short
row, as TXT, CSV and JSONL, and prints the peak RSS of the command with the
default ``--max-field-bytes`` (the big row gets status ``too_long``) and,
with ``--unbounded``, with no limit (the engine scores it).  The first line
is a baseline: the same command on a two-row file.

Usage:
    python benchmarks/bench_big_field.py            # 50 MB field, default limit
    python benchmarks/bench_big_field.py --mb 20 --unbounded
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_MEASURE = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mb(args: list[str]) -> float:
    """Peak RSS (MB) of one score command, measured by a fresh parent of its own."""
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "analysis", "score", *args]
    rc, kb = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    if rc != "0":
        raise SystemExit(f"score failed (exit {rc}): {' '.join(args)}")
    return int(kb) / 1024


def write_inputs(directory: Path, megabytes: int) -> dict[str, Path]:
    """The same two rows (one huge, one short) as TXT, CSV and JSONL."""
    big = "They are idiots, he said. " * (megabytes * 2**20 // 26)
    files = {"txt": directory / "big.txt", "csv": directory / "big.csv", "jsonl": directory / "big.jsonl"}
    files["txt"].write_text(big + "\nshort\n", encoding="utf-8")
    files["csv"].write_text(f'id,text\n1,"{big}"\n2,short\n', encoding="utf-8")
    files["jsonl"].write_text(
        json.dumps({"id": 1, "text": big}) + "\n" + json.dumps({"id": 2, "text": "short"}) + "\n", encoding="utf-8"
    )
    return files


def main() -> None:
    """Print the peak RSS per format."""
    parser = argparse.ArgumentParser(description="Peak RSS of the score command on one huge field")
    parser.add_argument("--mb", type=int, default=50, help="size of the big field in MB (default 50)")
    parser.add_argument("--unbounded", action="store_true", help="also run with --max-field-bytes 0")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        small = directory / "small.txt"
        small.write_text("a\nb\n", encoding="utf-8")
        out = directory / "out.csv"
        print(f"baseline (2 short rows): {peak_rss_mb([str(small), '-o', str(out)]):.0f} MB")
        runs: list[tuple[str, list[str]]] = [("default limit", [])] + ([("no limit", ["--max-field-bytes", "0"])] if args.unbounded else [])
        for label, extra in runs:
            for fmt, path in write_inputs(directory, args.mb).items():
                ids = [] if fmt == "txt" else ["--id-column", "id"]
                rss = peak_rss_mb([str(path), "-o", str(out), *ids, *extra])
                statuses = out.read_text(encoding="utf-8").splitlines()[1:]
                status = ", ".join(line.rsplit(",", 1)[-1] for line in statuses)
                print(f"{fmt:5} {args.mb} MB field, {label}: peak RSS {rss:.0f} MB (statuses: {status})")


if __name__ == "__main__":
    main()
