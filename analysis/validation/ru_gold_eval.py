"""F1 of the ru lemma lexicons on the Russian gold set (:mod:`analysis.validation.ru_gold`).

Three sentence-level targets, each predicted by "at least one counted match":

* ``hostility+loaded``: gold ``loaded_hostile``; predicted by a match in
  ``hostility`` or ``loaded`` (``naming`` is not counted: a side-marked name
  is not loaded language by the guidelines);
* ``hedge``: gold ``hedge``; predicted by a ``hedging`` match (negated
  boosters included, as in English);
* ``booster``: gold ``booster``; predicted by a ``certainty`` match.

There is no held-out Russian set any more.  Set 4 (``corpus/validation/ru_gold4/``,
labelled blind) was the held-out test of rounds 5 and 6 and was scored four
times as such (ru/uk lexicons 0.9.0 0.638, 0.10.0 0.667, 0.11.0 0.704,
0.12.0 0.704, hostility+loaded F1); a fifth scoring would have made it a
tuning signal, so in round 6 it is retired to dev and its errors are read.
:func:`ru_gold_table` reports sets 1, 2, 3 and 4 in that order, every one
as ``split`` ``dev`` (``SET_ROLE``), each on all its rows; the frozen labels
of sets 2 and 4 still say ``test``.  Every figure it prints is in-sample.
:func:`evaluate_ru_gold_sets` loads every committed set;
:func:`ru_gold_dev_table` loads the dev sets, which are now all of them.
``python -m analysis.validation.ru_gold_eval [--dev-only]`` prints the table.

Example:
    >>> import pandas as pd
    >>> gold = pd.DataFrame({"text": ["Киевский режим лжёт.", "Возможно, дождь."],
    ...                      "loaded_hostile": [1, 0], "hedge": [0, 1], "booster": [0, 0],
    ...                      "split": ["dev", "dev"]})
    >>> float(evaluate_ru_gold(gold).set_index("target").loc["hedge", "f1"])
    1.0
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.scoring.lemma_match import LemmaMatcher

TARGETS: dict[str, tuple[str, frozenset[str]]] = {
    "hostility+loaded": ("loaded_hostile", frozenset({"hostility", "loaded"})),
    "hedge": ("hedge", frozenset({"hedging"})),
    "booster": ("booster", frozenset({"certainty"})),
}


def predict_ru_gold(gold: pd.DataFrame, matcher: LemmaMatcher | None = None) -> pd.DataFrame:
    """Per sentence: the predicted flag of each target and the matched terms.

    Example:
        >>> g = pd.DataFrame({"text": ["Конечно, это так."]})
        >>> predict_ru_gold(g)[["pred_booster", "terms"]].values.tolist()
        [[1, 'certainty:конечно']]
    """
    m = matcher if matcher is not None else LemmaMatcher.builtin("ru")
    rows = []
    for text in gold["text"]:
        found = m.find(str(text))
        dims = {x.dimension for x in found}
        row: dict[str, object] = {
            f"pred_{name.replace('+', '_')}": int(bool(dims & wanted))
            for name, (_, wanted) in TARGETS.items()
        }
        row["terms"] = "; ".join(f"{x.dimension}:{x.term}" for x in found)
        rows.append(row)
    # the columns are named even for an empty part (a split with no sentences scores 0, not a KeyError)
    columns = [f"pred_{name.replace('+', '_')}" for name in TARGETS] + ["terms"]
    return pd.DataFrame(rows, index=gold.index, columns=columns)


def _prf(gold: pd.Series, pred: pd.Series) -> tuple[int, int, int, float, float, float]:
    tp = int(((gold == 1) & (pred == 1)).sum())
    fp = int(((gold == 0) & (pred == 1)).sum())
    fn = int(((gold == 1) & (pred == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, fp, fn, precision, recall, f1


def evaluate_ru_gold(
    gold: pd.DataFrame, split: str = "dev", matcher: LemmaMatcher | None = None
) -> pd.DataFrame:
    """Precision, recall and F1 per target on one ``split`` (``dev``, ``test`` or ``all``).

    Columns: target, split, n, positives, tp, fp, fn, precision, recall, f1.
    """
    part = gold if split == "all" else gold[gold["split"] == split]
    pred = predict_ru_gold(part, matcher)
    rows = []
    for name, (column, _) in TARGETS.items():
        tp, fp, fn, p, r, f1 = _prf(part[column].astype(int), pred[f"pred_{name.replace('+', '_')}"])
        rows.append({"target": name, "split": split, "n": len(part),
                     "positives": int(part[column].astype(int).sum()), "tp": tp, "fp": fp,
                     "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)})
    return pd.DataFrame(rows)


def recall_by_voice(
    gold: pd.DataFrame, split: str = "dev", matcher: LemmaMatcher | None = None
) -> pd.DataFrame:
    """Recall of hostility+loaded per gold ``voice`` (own, quoted, both).

    Columns: voice, positives, found, recall.

    Example:
        >>> g = pd.DataFrame({"text": ["Киевский режим лжёт.", "Он сказал, что всё хорошо."],
        ...                   "loaded_hostile": [1, 1], "voice": ["own", "quoted"],
        ...                   "split": ["dev", "dev"]})
        >>> recall_by_voice(g)["recall"].tolist()
        [1.0, 0.0]
    """
    part = gold if split == "all" else gold[gold["split"] == split]
    positives = part[part["loaded_hostile"].astype(int) == 1]
    found = predict_ru_gold(positives, matcher)["pred_hostility_loaded"]
    table = (positives.assign(found=found).groupby("voice")["found"]
             .agg(positives="count", found="sum").reset_index())
    table["recall"] = (table["found"] / table["positives"]).round(3)
    return table


# How the evaluation treats each set, in report order.  Every set is scored on all its rows; a
# set's labels file may say otherwise (set 1 has a dev/test column from round 1, sets 2 and 4
# were frozen as test), but all four have been read for tuning since: set 4, the last held-out
# Russian set, was scored four times as test and is retired to dev in round 6.
SET_ROLE: dict[str, str] = {"1": "dev", "2": "dev", "3": "dev", "4": "dev"}
# the sets whose errors may be read while tuning
DEV_SETS: tuple[str, ...] = tuple(name for name, role in SET_ROLE.items() if role == "dev")
TABLE_COLUMNS: tuple[str, ...] = (
    "target", "set", "split", "n", "positives", "tp", "fp", "fn", "precision", "recall", "f1",
)


def ru_gold_table(
    sets: Mapping[str, pd.DataFrame], matcher: LemmaMatcher | None = None
) -> pd.DataFrame:
    """P/R/F1 per target for every set of ``SET_ROLE`` present in ``sets``.

    ``sets`` maps a set name (``"1"`` to ``"4"``) to its loaded gold frame; a
    set left out is not reported, a name not in ``SET_ROLE`` is an error.
    Each set is scored on all its rows and its ``split`` column says how the
    evaluation treats it (``SET_ROLE``: all four ``dev`` since round 6).
    Rows are ordered by target, then by ``SET_ROLE`` (sets 1 to 4).
    Columns: ``TABLE_COLUMNS``.

    Example:
        >>> one = pd.DataFrame({"text": ["Возможно, дождь.", "Дождь идёт."],
        ...                     "loaded_hostile": [0, 0], "hedge": [1, 0], "booster": [0, 0],
        ...                     "split": ["dev", "test"]})
        >>> four = one.assign(split="test")
        >>> t = ru_gold_table({"1": one, "4": four})
        >>> t[t["target"] == "hedge"][["set", "split", "n", "f1"]].values.tolist()
        [['1', 'dev', 2, 1.0], ['4', 'dev', 2, 1.0]]
    """
    unknown = sorted(set(sets) - set(SET_ROLE))
    if unknown:
        raise ValueError(
            f"Russian gold table: unknown set(s) {', '.join(unknown)}; expected {', '.join(SET_ROLE)}"
        )
    m = matcher if matcher is not None else LemmaMatcher.builtin("ru")
    parts = [
        evaluate_ru_gold(sets[name], "all", m).assign(set=name, split=role)
        for name, role in SET_ROLE.items() if name in sets
    ]
    if not parts:
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    table = pd.concat(parts, ignore_index=True)
    # parts come in SET_ROLE order, so a stable sort on the target alone keeps that order
    order = {name: i for i, name in enumerate(TARGETS)}
    table = table.sort_values("target", key=lambda c: c.map(order), kind="stable")
    return table.loc[:, list(TABLE_COLUMNS)].reset_index(drop=True)


def evaluate_ru_gold_sets(
    data_dir: str | os.PathLike[str] | None = None,
    matcher: LemmaMatcher | None = None,
    labels_paths: Mapping[str, str | os.PathLike[str]] | None = None,
) -> pd.DataFrame:
    """:func:`ru_gold_table` of every committed set, loaded (and hash-checked) from ``data_dir``.

    ``labels_paths`` maps a set name to a labels file instead of the committed
    one; when given, only the sets it names are loaded.  Raises
    :class:`~analysis.validation.exceptions.ValidationDataError` when the
    source or a labels file is missing or does not match its hashes.

    Example:
        >>> evaluate_ru_gold_sets("/work/shared/validation")  # doctest: +SKIP
    """
    from analysis.validation.ru_gold import GOLD_SETS, load_ru_gold

    chosen: Mapping[str, str | os.PathLike[str] | None] = (
        dict(labels_paths) if labels_paths is not None else dict.fromkeys(GOLD_SETS)
    )
    sets = {
        name: load_ru_gold(data_dir, labels_path=path, gold_set=name)
        for name, path in chosen.items()
    }
    return ru_gold_table(sets, matcher)


def ru_gold_dev_table(
    data_dir: str | os.PathLike[str] | None = None, matcher: LemmaMatcher | None = None
) -> pd.DataFrame:
    """:func:`ru_gold_table` of the dev sets (``DEV_SETS``: sets 1 to 4 since round 6).

    What to run while tuning a lexicon.  A set ``SET_ROLE`` holds out is
    never loaded; since set 4's retirement there is none, so this equals
    :func:`evaluate_ru_gold_sets`.

    Example:
        >>> t = ru_gold_dev_table("/work/shared/validation")  # doctest: +SKIP
        >>> sorted(set(t["set"]))  # doctest: +SKIP
        ['1', '2', '3', '4']
    """
    from analysis.validation.ru_gold import default_labels_path

    return evaluate_ru_gold_sets(
        data_dir, matcher, labels_paths={name: default_labels_path(name) for name in DEV_SETS}
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print :func:`ru_gold_table` of every set (or ``--dev-only``) as a markdown table.

    The source is read from ``--data`` or ``$ANALYSIS_VALIDATION_DATA``; a
    missing or changed source is a message on stderr and exit code 2.

    Example:
        >>> main(["--data", "/nonexistent"])  # doctest: +SKIP
        2
    """
    import argparse
    import sys

    from analysis.validation.exceptions import ValidationDataError
    from analysis.validation.report import markdown_table

    parser = argparse.ArgumentParser(
        prog="python -m analysis.validation.ru_gold_eval",
        description="Sentence F1 of the ru lexicons on the Russian gold sets "
        "(sets 1-4, all dev since round 6: no held-out Russian set, every figure in-sample).",
    )
    parser.add_argument("--data", default=None, help="validation data directory")
    parser.add_argument("--dev-only", action="store_true",
                        help="score the dev sets only (since round 6 all four: same table)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        table = (ru_gold_dev_table(args.data) if args.dev_only
                 else evaluate_ru_gold_sets(args.data))
    except ValidationDataError as err:
        print(f"Russian gold: {err}", file=sys.stderr)
        return 2
    print(markdown_table(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
