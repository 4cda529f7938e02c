"""Oracle for ``loaded_ranking_score``: batch == per-row, v1 == round 4, and save/check of the parts.

Scores a few hundred benchmark sentences (every source, evenly spaced), the
oracle's hostile strings and Russian/Ukrainian lines, mixed in one batch, and

* ``check-rows``: checks that every row of the batch equals the same text scored alone
  (``score_frame`` + ``loaded_ranking_contributions``), both forms;
* ``v1 COMMIT``: checks that ``form="v1"`` equals ``loaded_ranking_contributions``
  of ``analysis/scoring/indices.py`` at ``COMMIT`` (round 4: 30a67c7) on the same
  scored frame;
* ``save FILE`` / ``check FILE``: pickles the parts of both forms / exits 1 on any difference.

Usage:
    python benchmarks/ranking_oracle.py check-rows
    python benchmarks/ranking_oracle.py v1 30a67c7
    python benchmarks/ranking_oracle.py save /tmp/ranking.pkl

The pickle holds corpus text: keep it under /tmp, never commit it.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import types
from pathlib import Path

import pandas as pd

from analysis import score_frame
from analysis.scoring.indices import loaded_ranking_contributions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scoring import real_sentences, repeated  # noqa: E402
from oracle_scoring import HOSTILE  # noqa: E402

EXTRA: tuple[object, ...] = (
    None, float("nan"), pd.NA, 'A "hoax"!', '"hoax"', "\u201choax\u201d", "\u00abфейк\u00bb",
    "Это «фейк», сказал он!", "Це «фейк»!", 'They said "war" and «мир» together!',
    '"a" "b" "c" "d"', '"unbalanced quote', "nested \u201cthe \u00abword\u00bb here\u201d!",
)


def texts(n: int = 400) -> list[object]:
    """``n`` benchmark sentences, then the hostile strings and :data:`EXTRA`."""
    return [*repeated(real_sentences(), n), *HOSTILE, *EXTRA]


def parts(batch: list[object]) -> dict[str, pd.DataFrame]:
    """The parts of both forms for ``batch`` scored as one frame."""
    scored = score_frame(pd.DataFrame({"text": pd.Series(batch, dtype=object)}))
    return {f: loaded_ranking_contributions(scored, batch, form=f) for f in ("v1", "v2")}


def check_rows(batch: list[object]) -> int:
    """Rows of the batch that differ from the text scored alone (printed)."""
    whole = parts(batch)
    bad = 0
    for i, text in enumerate(batch):
        alone = parts([text])
        for form, frame in whole.items():
            row, one = frame.iloc[[i]].reset_index(drop=True), alone[form]
            if not row.equals(one):
                bad += 1
                print(f"row {i} form {form} differs: {text!r:.60}\n{row}\n{one}")
    return bad


def old_module(commit: str) -> types.ModuleType:
    """``analysis/scoring/indices.py`` at ``commit`` as a module."""
    source = subprocess.run(["git", "show", f"{commit}:analysis/scoring/indices.py"], check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(f"indices_{commit}")
    exec(compile(source, f"{commit}:indices.py", "exec"), module.__dict__)  # noqa: S102 - our own history
    return module


def check_v1(batch: list[object], commit: str) -> int:
    """Rows whose v1 parts differ from ``commit``'s ranking contributions."""
    scored = score_frame(pd.DataFrame({"text": pd.Series(batch, dtype=object)}))
    old = old_module(commit).loaded_ranking_contributions(scored)
    new = loaded_ranking_contributions(scored, form="v1")[old.columns]
    diff = ~(old.eq(new) | (old.isna() & new.isna())).all(axis=1)
    print(f"v1 vs {commit}: {int(diff.sum())} of {len(batch)} rows differ; columns {list(old.columns)}")
    return int(diff.sum())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("check-rows", "v1", "save", "check"))
    parser.add_argument("arg", nargs="?")
    args = parser.parse_args()
    batch = texts()
    if args.action == "check-rows":
        bad = check_rows(batch)
        print(f"batch == per-row: {len(batch)} texts, {bad} differing (text, form) pairs")
        return int(bad > 0)
    if args.action == "v1":
        return int(check_v1(batch, args.arg or "30a67c7") > 0)
    if args.action == "save":
        Path(args.arg).write_bytes(pickle.dumps(parts(batch)))
        print(f"saved {args.arg}")
        return 0
    saved = pickle.loads(Path(args.arg).read_bytes())  # noqa: S301 - our own file under /tmp
    now = parts(batch)
    differ = [f for f in now if not now[f].equals(saved[f])]
    print("identical" if not differ else f"differ: {differ}")
    return int(bool(differ))


if __name__ == "__main__":
    raise SystemExit(main())
