"""Train the optional supervised loaded-language model on the user's own copy of the data.

Splits, written down before training: the project's dev part of each data
set (PTC-2020 dev articles; SemEval-2023 official ``train``) is cut again by
article, ``md5("model:" + article id) % 10 < 7`` -> ``train``, otherwise
``dev``; the project's test part stays ``test``.  The model is fitted on the
pooled ``train`` parts, each data set with its own unpenalised base rate;
its closed-vocabulary words are those of :func:`train_vocabulary` (model-train
texts only); the two L2 penalties are the pair with the best mean ROC AUC
over the ``dev`` parts (:data:`L2_GRID` x :data:`L2_WORDS_GRID`); thresholds
for F1 are chosen on ``dev``; only ``test`` is reported as the model's result.

The weights are never shipped (the data have no stated licence); the
command that fits them on the user's copy is in
:mod:`analysis.validation.loaded_train_cli`.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.scoring.loaded_model import (
    FeatureTable,
    LoadedModel,
    build_features,
    fit_model,
    with_threshold,
)
from analysis.scoring.loaded_vocab import (
    closed_vocabulary,
    find_occurrences,
    select_vocabulary,
    word_matrix,
)
from analysis.validation import metrics
from analysis.validation.loaded_eval import ScoredUnits

MODEL = "supervised model (trained on your copy; not shipped)"
L2_GRID: tuple[float, ...] = (1.0, 10.0, 100.0)
#: Penalties tried for the closed-vocabulary word indicators (chosen with L2 on model-dev).
L2_WORDS_GRID: tuple[float, ...] = (3.0, 10.0, 30.0, 100.0)
TRAIN_BUCKETS: int = 7
#: A closed-list word enters the model when model-train has it in this many texts and articles.
MIN_TEXTS: int = 5
MIN_ARTICLES: int = 5
#: Words inside quotation marks and negated words as features apart from plain use: tried on model-dev
#: (+0.001 mean AUC alone, -0.0003 on top of the style features), not adopted; train_loaded(contexts=True).
WORD_CONTEXTS: bool = False
#: Dense features left out of the model (none by default; the dev comparisons drop families here).
DROP_FEATURES: tuple[str, ...] = ()


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
    """The model's dense features for every unit of ``su`` (from its scores and counted matches).

    Example:
        >>> unit_features(score_units("x", units)).shape  # doctest: +SKIP
    """
    rows = [(i, m[4], m[3]) for i, ms in enumerate(su.units["matched"]) for m in ms]
    matches = pd.DataFrame(rows, columns=["row", "dimension", "category"])
    return build_features(su.units["text"].astype(str).tolist(), su.scores, matches)


def unit_table(su: ScoredUnits, vocabulary: Sequence[str], dense: pd.DataFrame | None = None,
               contexts: bool = WORD_CONTEXTS) -> FeatureTable:
    """Dense features plus the 0/1 indicators of ``vocabulary`` for every unit of ``su``.

    Example:
        >>> unit_table(score_units("x", units), ("word: vile",)).words.shape  # doctest: +SKIP
    """
    dense = unit_features(su) if dense is None else dense
    words = word_matrix(su.units["text"].astype(str).tolist(), vocabulary, contexts=contexts)
    return FeatureTable(dense, words, tuple(vocabulary), contexts)


def train_vocabulary(sets: Sequence[ScoredUnits], splits: dict[str, np.ndarray],
                     contexts: bool = WORD_CONTEXTS) -> tuple[str, ...]:
    """The closed-list words the model may use: :func:`select_vocabulary` on the model-train texts.

    With ``contexts`` each of ``word:``, ``quoted:`` and ``negated:`` is a
    feature of its own and must pass the rule on its own.

    Example:
        >>> train_vocabulary([su], {"x": np.array(["train"] * len(su.units))})  # doctest: +SKIP
    """
    texts: list[str] = []
    articles: list[object] = []
    for su in sets:
        train = splits[su.name] == "train"
        texts += su.units["text"].astype(str)[train].tolist()
        articles += su.units["article_id"][train].tolist()
    occ = find_occurrences(texts, closed_vocabulary(), contexts=contexts)
    return select_vocabulary(occ, MIN_TEXTS, articles, MIN_ARTICLES)


@dataclass
class TrainedModel:
    """The fitted model, the L2 grid's dev AUCs and each set's features and model split."""

    model: LoadedModel
    grid: pd.DataFrame
    features: dict[str, FeatureTable]
    splits: dict[str, np.ndarray]


def _dev_auc(model: LoadedModel, sets: Sequence[ScoredUnits], feats: dict[str, FeatureTable],
             splits: dict[str, np.ndarray]) -> dict[str, float]:
    out = {}
    for su in sets:
        dev = splits[su.name] == "dev"
        y = su.units["label"].to_numpy(dtype=bool)[dev]
        out[su.name] = metrics.roc_auc(y, model.log_odds(feats[su.name].take(dev)).to_numpy())
    return out


def _pooled(sets: Sequence[ScoredUnits], feats: dict[str, FeatureTable], splits: dict[str, np.ndarray],
            part: str) -> tuple[FeatureTable, np.ndarray]:
    tables = [feats[su.name].take(splits[su.name] == part) for su in sets]
    y = np.concatenate([su.units["label"].to_numpy(dtype=bool)[splits[su.name] == part] for su in sets])
    words = sparse.csr_matrix(sparse.vstack([t.words for t in tables]))
    return FeatureTable(pd.concat([t.dense for t in tables], ignore_index=True), words, tables[0].vocabulary,
                        tables[0].contexts), y


def _check_classes(y: np.ndarray, y_dev: np.ndarray) -> None:
    for part, labels in (("train", y), ("dev", y_dev)):
        if len(labels) == 0 or labels.all() or not labels.any():
            raise ValueError(f"train_loaded: the model-{part} parts need labelled positives and negatives "
                             f"(got {int(labels.sum())} of {len(labels)})")


def _thresholds(model: LoadedModel, sets: Sequence[ScoredUnits], feats: dict[str, FeatureTable],
                splits: dict[str, np.ndarray], y_dev: np.ndarray) -> LoadedModel:
    # pooled threshold, and one per data set: their base rates differ (PTC lines about 0.15,
    # SemEval paragraphs about 0.4), so one cut-off cannot be best-F1 for both
    probs, per_set = [], {}
    for su in sets:
        dev = splits[su.name] == "dev"
        p = model.predict_proba(feats[su.name].take(dev)).to_numpy()
        probs.append(p)
        y = su.units["label"].to_numpy(dtype=bool)[dev]
        if y.any() and not y.all():
            per_set[su.name] = metrics.best_f1_threshold(y, p)[0]
    return with_threshold(model, metrics.best_f1_threshold(y_dev, np.concatenate(probs))[0], per_set)


def train_loaded(sets: Sequence[ScoredUnits], grid: Sequence[float] = L2_GRID,
                 word_grid: Sequence[float] = L2_WORDS_GRID, *, contexts: bool = WORD_CONTEXTS,
                 drop: Sequence[str] = DROP_FEATURES, use_words: bool = True) -> TrainedModel:
    """Fit on the pooled ``train`` parts, choose both penalties and the F1 thresholds on ``dev``.

    ``contexts``: quoted and negated words as features of their own;
    ``drop``: dense features left out; ``use_words=False``: no word
    indicators (the dev comparisons of the README use these three).
    Raises ValueError when the model-train or model-dev parts lack a class.

    Example:
        >>> t = train_loaded([ptc_scored, semeval_scored])  # doctest: +SKIP
        >>> t.model.explain(t.features["PTC-2020"]).head()  # doctest: +SKIP
    """
    splits = {su.name: np.array([model_split(a, s) for a, s in zip(su.units["article_id"], su.units["split"],
                                                                     strict=True)]) for su in sets}
    vocab = train_vocabulary(sets, splits, contexts) if use_words else ()
    feats = {}
    for su in sets:
        dense = unit_features(su)
        feats[su.name] = unit_table(su, vocab, dense.drop(columns=[c for c in drop if c in dense.columns]), contexts)
    X, y = _pooled(sets, feats, splits, "train")
    # each data set keeps its own base rate while fitting (SemEval's paragraphs are longer and more
    # often labelled than PTC's lines: without this, length and SemEval-frequent words learn the set)
    groups = np.concatenate([[su.name] * int((splits[su.name] == "train").sum()) for su in sets])
    y_dev = _pooled(sets, feats, splits, "dev")[1]
    _check_classes(y, y_dev)
    rows, best = [], None
    # without a vocabulary the word penalty has nothing to act on: one fit per L2
    for l2, l2w in itertools.product(grid, word_grid if vocab else word_grid[:1]):
        model = fit_model(X, y, l2=l2, l2_words=l2w, groups=groups,
                          meta={"trained_on": ", ".join(su.name for su in sets)})
        aucs = _dev_auc(model, sets, feats, splits)
        finite = [v for v in aucs.values() if np.isfinite(v)]
        mean = float(np.mean(finite)) if finite else float("nan")
        rows.append({"l2": l2, "l2_words": l2w if vocab else float("nan"),
                     **{f"{k}: dev auc": v for k, v in aucs.items()}, "mean dev auc": mean})
        if best is None or (np.isfinite(mean) and not mean <= best[0]):
            best = (mean, model)
    assert best is not None
    return TrainedModel(_thresholds(best[1], sets, feats, splits, y_dev), pd.DataFrame(rows), feats, splits)


def model_view(su: ScoredUnits, trained: TrainedModel) -> ScoredUnits:
    """``su`` with the model's probability in column :data:`MODEL` and ``split`` = the model split.

    ``headline_metrics`` then chooses thresholds on the model's ``dev`` part
    and never sees the rows the model was trained on as dev.

    Example:
        >>> headline_metrics(model_view(su, t), scores=[MODEL])  # doctest: +SKIP
    """
    feats = trained.features.get(su.name)
    if feats is None:
        feats = unit_table(su, trained.model.vocabulary, contexts=trained.model.word_contexts)
    units = su.units.copy()
    units[MODEL] = trained.model.predict_proba(feats).to_numpy()
    units["split"] = [model_split(a, s) for a, s in zip(units["article_id"], units["split"], strict=True)]
    return ScoredUnits(su.name, units, scores=su.scores)


def top_weights(model: LoadedModel, k: int = 10) -> pd.DataFrame:
    """The model's dense features by |standardised weight|, largest first.

    Example:
        >>> m = LoadedModel(("a", "b"), (0.0, 0.0), (1.0, 1.0), (0.1, -2.0), 0.0, 1.0)
        >>> top_weights(m)["feature"].tolist()
        ['b', 'a']
    """
    t = pd.DataFrame({"feature": model.features, "weight": model.weights})
    return t.reindex(t["weight"].abs().sort_values(ascending=False).index).head(k).reset_index(drop=True)


def top_word_weights(model: LoadedModel, k: int = 40) -> pd.DataFrame:
    """The ``k`` most positive and ``k`` most negative word weights, side by side.

    Columns: rank, ``toward loaded``, its weight, ``away from loaded``, its weight.

    Example:
        >>> m = LoadedModel(("a",), (0.0,), (1.0,), (0.0,), 0.0, 1.0, vocabulary=("word: vile", "word: calm"),
        ...                 word_weights=(0.8, -0.3), word_forms=(("vile",), ("calm",)), l2_words=1.0)
        >>> top_word_weights(m, 1).values.tolist()
        [[1, 'vile', 0.8, 'calm', -0.3]]
    """
    w = pd.Series(model.word_weights, index=[v.removeprefix("word: ") for v in model.vocabulary], dtype="float64")
    pos = w[w > 0].sort_values(ascending=False, kind="mergesort").head(k)
    neg = w[w < 0].sort_values(kind="mergesort").head(k)
    n = max(len(pos), len(neg))
    pad: list[object] = [None] * n
    return pd.DataFrame({"rank": list(range(1, n + 1)),
                         "toward loaded": (pos.index.tolist() + pad)[:n], "weight +": (pos.tolist() + pad)[:n],
                         "away from loaded": (neg.index.tolist() + pad)[:n], "weight -": (neg.tolist() + pad)[:n]})
