"""Train the optional supervised loaded-language model on the user's own copy of the data.

Splits, written down before training: the project's dev part of each data
set (PTC-2020 dev articles; SemEval-2023 official ``train``) is cut again by
article, ``md5("model:" + article id) % 10 < 7`` -> ``train``, otherwise
``dev``; the project's test part stays ``test``.  The model is fitted on the
pooled ``train`` parts; the L2 penalty is the one with the best mean ROC AUC
over the ``dev`` parts (:data:`L2_GRID`); thresholds for F1 are chosen on
``dev``; only ``test`` is reported as the model's result.

The weights are never shipped (the data have no stated licence); the
command that fits them on the user's copy is in
:mod:`analysis.validation.loaded_train_cli`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.scoring.loaded_model import (
    LoadedModel,
    build_features,
    fit_model,
    with_threshold,
)
from analysis.validation import metrics
from analysis.validation.loaded_eval import ScoredUnits

MODEL = "supervised model (trained on your copy; not shipped)"
L2_GRID: tuple[float, ...] = (0.1, 1.0, 10.0, 100.0, 1000.0)
TRAIN_BUCKETS: int = 7


def model_split(article_id: object, project_split: str) -> str:
    """``train``/``dev`` inside the project's dev part (md5 rule above), ``test`` otherwise.

    Example:
        >>> model_split("a1", "test")
        'test'
        >>> model_split("a1", "dev") in {"train", "dev"}
        True
    """
    if project_split != "dev":
        return "test"
    digest = int(hashlib.md5(f"model:{article_id}".encode()).hexdigest(), 16)
    return "train" if digest % 10 < TRAIN_BUCKETS else "dev"


def unit_features(su: ScoredUnits) -> pd.DataFrame:
    """The model's features for every unit of ``su`` (from its scores and counted matches).

    Example:
        >>> unit_features(score_units("x", units)).shape  # doctest: +SKIP
    """
    rows = [(i, m[4], m[3]) for i, ms in enumerate(su.units["matched"]) for m in ms]
    matches = pd.DataFrame(rows, columns=["row", "dimension", "category"])
    return build_features(su.units["text"].astype(str).tolist(), su.scores, matches)


@dataclass
class TrainedModel:
    """The fitted model, the L2 grid's dev AUCs and each set's features and model split."""

    model: LoadedModel
    grid: pd.DataFrame
    features: dict[str, pd.DataFrame]
    splits: dict[str, np.ndarray]


def _dev_auc(model: LoadedModel, sets: Sequence[ScoredUnits], feats: dict[str, pd.DataFrame],
             splits: dict[str, np.ndarray]) -> dict[str, float]:
    out = {}
    for su in sets:
        dev = splits[su.name] == "dev"
        y = su.units["label"].to_numpy(dtype=bool)[dev]
        out[su.name] = metrics.roc_auc(y, model.log_odds(feats[su.name][dev]).to_numpy())
    return out


def train_loaded(sets: Sequence[ScoredUnits], grid: Sequence[float] = L2_GRID) -> TrainedModel:
    """Fit on the pooled ``train`` parts, choose L2 and the F1 threshold on ``dev``.

    Raises ValueError when no set has both classes in its train part.

    Example:
        >>> t = train_loaded([ptc_scored, semeval_scored])  # doctest: +SKIP
        >>> t.model.explain(t.features["PTC-2020"]).head()  # doctest: +SKIP
    """
    feats = {su.name: unit_features(su) for su in sets}
    splits = {su.name: np.array([model_split(a, s) for a, s in zip(su.units["article_id"], su.units["split"],
                                                                     strict=True)]) for su in sets}
    X = pd.concat([feats[su.name][splits[su.name] == "train"] for su in sets], ignore_index=True)
    y = np.concatenate([su.units["label"].to_numpy(dtype=bool)[splits[su.name] == "train"] for su in sets])
    y_dev = np.concatenate([su.units["label"].to_numpy(dtype=bool)[splits[su.name] == "dev"] for su in sets])
    for part, labels in (("train", y), ("dev", y_dev)):
        if len(labels) == 0 or labels.all() or not labels.any():
            raise ValueError(f"train_loaded: the model-{part} parts need labelled positives and negatives "
                             f"(got {int(labels.sum())} of {len(labels)})")
    rows, best = [], None
    for l2 in grid:
        model = fit_model(X, y, l2=l2, meta={"trained_on": ", ".join(su.name for su in sets)})
        aucs = _dev_auc(model, sets, feats, splits)
        finite = [v for v in aucs.values() if np.isfinite(v)]
        mean = float(np.mean(finite)) if finite else float("nan")
        rows.append({"l2": l2, **{f"{k}: dev auc": v for k, v in aucs.items()}, "mean dev auc": mean})
        if best is None or (np.isfinite(mean) and not mean <= best[0]):
            best = (mean, model)
    assert best is not None
    model = best[1]
    dev_p, dev_y = [], []
    for su in sets:
        dev = splits[su.name] == "dev"
        dev_p.append(model.predict_proba(feats[su.name][dev]).to_numpy())
        dev_y.append(su.units["label"].to_numpy(dtype=bool)[dev])
    model = with_threshold(model, metrics.best_f1_threshold(np.concatenate(dev_y), np.concatenate(dev_p))[0])
    return TrainedModel(model, pd.DataFrame(rows), feats, splits)


def model_view(su: ScoredUnits, trained: TrainedModel) -> ScoredUnits:
    """``su`` with the model's probability in column :data:`MODEL` and ``split`` = the model split.

    ``headline_metrics`` then chooses thresholds on the model's ``dev`` part
    and never sees the rows the model was trained on as dev.

    Example:
        >>> headline_metrics(model_view(su, t), scores=[MODEL])  # doctest: +SKIP
    """
    feats = trained.features.get(su.name)
    if feats is None:
        feats = unit_features(su)
    units = su.units.copy()
    units[MODEL] = trained.model.predict_proba(feats).to_numpy()
    units["split"] = [model_split(a, s) for a, s in zip(units["article_id"], units["split"], strict=True)]
    return ScoredUnits(su.name, units, scores=su.scores)


def top_weights(model: LoadedModel, k: int = 10) -> pd.DataFrame:
    """The model's features by |standardised weight|, largest first.

    Example:
        >>> m = LoadedModel(("a", "b"), (0.0, 0.0), (1.0, 1.0), (0.1, -2.0), 0.0, 1.0)
        >>> top_weights(m)["feature"].tolist()
        ['b', 'a']
    """
    t = pd.DataFrame({"feature": model.features, "weight": model.weights})
    return t.reindex(t["weight"].abs().sort_values(ascending=False).index).head(k).reset_index(drop=True)
