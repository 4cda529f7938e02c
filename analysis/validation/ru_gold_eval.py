"""F1 of the ru lemma lexicons on the Russian gold set (:mod:`analysis.validation.ru_gold`).

Three sentence-level targets, each predicted by "at least one counted match":

* ``hostility+loaded``: gold ``loaded_hostile``; predicted by a match in
  ``hostility`` or ``loaded`` (``naming`` is not counted: a side-marked name
  is not loaded language by the guidelines);
* ``hedge``: gold ``hedge``; predicted by a ``hedging`` match (negated
  boosters included, as in English);
* ``booster``: gold ``booster``; predicted by a ``certainty`` match.

Tune on ``dev`` only; ``test`` is scored once, after tuning stops.

Example:
    >>> import pandas as pd
    >>> gold = pd.DataFrame({"text": ["Киевский режим лжёт.", "Возможно, дождь."],
    ...                      "loaded_hostile": [1, 0], "hedge": [0, 1], "booster": [0, 0],
    ...                      "split": ["dev", "dev"]})
    >>> float(evaluate_ru_gold(gold).set_index("target").loc["hedge", "f1"])
    1.0
"""

from __future__ import annotations

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
    return pd.DataFrame(rows, index=gold.index)


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
