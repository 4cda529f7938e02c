"""An optional supervised loaded-language score: logistic regression over named features.

The shipped lexicon scores need no training.  This module lets a user who
holds labelled data (PTC-2020, SemEval-2023, an own gold set) fit a small
linear model whose every prediction splits into named parts: no bag of
words, no names, no topics, only what the engine already measures.

Features (:data:`BASE_FEATURES`, plus one ``lexicon: <dimension>/<category>``
count per hostility/loaded category of the built-in lexicons):

* ``lexicon weight per token``: summed hostility + loaded match weight / tokens;
* ``VADER neg``, ``VADER pos``, ``VADER |compound|``: VADER's token shares and
  intensity;
* ``hedges``, ``boosters``: hedging and certainty counts (Hyland 2005);
* ``degree adverbs``: words of VADER's intensifier list (*completely,
  extremely, totally* ...), which intensify whatever follows;
* ``strong negative words``, ``strong positive words``, ``max |valence|``:
  words of VADER's lexicon with valence <= -1.5 or >= 1.5, and the largest
  |valence| in the text (emotive vocabulary beyond the curated lists);
* ``exclamations``, ``questions``, ``all-caps words``, ``quotation marks``;
* ``log tokens``: length, so the others are read at a given length.

Counts enter as ``log(1 + count)``.  Features are standardised with the
training mean and scale; the contribution of a feature to one text is
``weight * (x - mean) / scale``, and the intercept plus all contributions is
the text's log-odds, exactly (:meth:`LoadedModel.explain`).

Weights learned from data without a stated licence are never shipped: train
your own with ``python -m analysis train-loaded --data DIR -o model.json``
and load it with :func:`load_model`.

Example:
    >>> import numpy as np
    >>> X = pd.DataFrame({"a": [0.0, 1.0, 2.0, 3.0], "b": [1.0, 0.0, 1.0, 0.0]})
    >>> m = fit_model(X, np.array([0, 0, 1, 1]), l2=1.0)
    >>> parts = m.explain(X)
    >>> bool(np.allclose(parts.sum(axis=1), m.log_odds(X)))
    True
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

FORMAT = "analysis.loaded_model"
FORMAT_VERSION = 1
#: Dimensions whose matches are loaded language (naming and mentions are not).
MODEL_DIMENSIONS: tuple[str, ...] = ("hostility", "loaded")
BASE_FEATURES: tuple[str, ...] = (
    "lexicon weight per token", "VADER neg", "VADER pos", "VADER |compound|", "hedges", "boosters",
    "degree adverbs", "strong negative words", "strong positive words", "max |valence|", "exclamations", "questions", "all-caps words", "quotation marks", "log tokens",
)
SCORE_COLUMNS: tuple[str, ...] = (
    "n_tokens", "hostility_score", "loaded_score", "sentiment_neg", "sentiment_pos",
    "sentiment_compound", "hedging_count", "certainty_count",
)
#: VADER's single-word intensifiers (positive increment); its dampeners are hedges.
DEGREE_ADVERBS: frozenset[str] = frozenset(k for k, v in BOOSTER_DICT.items() if v > 0 and " " not in k)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_QUOTES = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
_MAX_ITER = 100
#: |valence| from which a VADER lexicon word counts as strong (chosen on dev: 1.5 over 2.0 and 2.5).
STRONG_VALENCE: float = 1.5


class LoadedModelError(ValueError):
    """A model file or model input that cannot be used (the message names file and field)."""


def category_feature(dimension: str, category: str) -> str:
    """The feature name of one lexicon category.

    Example:
        >>> category_feature("hostility", "insult")
        'lexicon: hostility/insult'
    """
    return f"lexicon: {dimension}/{category}"


def builtin_category_features() -> tuple[str, ...]:
    """One feature name per hostility/loaded category of the built-in lexicons, sorted.

    Example:
        >>> "lexicon: hostility/insult" in builtin_category_features()
        True
    """
    from analysis.scoring.lexicon import Lexicon

    names = {category_feature(e.dimension, e.category) for e in Lexicon.builtin(list(MODEL_DIMENSIONS))}
    return tuple(sorted(names))


@functools.lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    # VADER's own lexicon file inside the installed package (MIT); read once
    return dict(SentimentIntensityAnalyzer().lexicon)


def _text_counts(texts: Sequence[str]) -> pd.DataFrame:
    valence, rows = _valence(), []
    for text in texts:
        lows = [w.lower() for w in _WORD.findall(text)]
        vs = [valence.get(w, 0.0) for w in lows]
        rows.append((sum(w in DEGREE_ADVERBS for w in lows), sum(v <= -STRONG_VALENCE for v in vs),
                     sum(v >= STRONG_VALENCE for v in vs), text.count("!"), text.count("?"),
                     len(_CAPS.findall(text)), len(_QUOTES.findall(text)) + text.count(" '"),
                     max((abs(v) for v in vs), default=0.0)))
    cols = ["degree adverbs", "strong negative words", "strong positive words", "exclamations", "questions",
            "all-caps words", "quotation marks", "max |valence|"]
    return pd.DataFrame(rows, columns=cols, dtype="float64")


def build_features(
    texts: Sequence[str], scored: pd.DataFrame, matches: pd.DataFrame,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The model's feature table: one row per text, :data:`BASE_FEATURES` then category counts.

    ``scored`` is ``score_frame`` output for ``texts`` (same order; columns
    :data:`SCORE_COLUMNS`), ``matches`` the ``matches_frame`` output with
    ``row`` = position in ``texts``; naming and mentioned matches are not
    counted.  ``categories`` defaults to :func:`builtin_category_features`.

    Example:
        >>> from analysis import score_frame, matches_frame
        >>> df = pd.DataFrame({"text": ["They are idiots!", "Rain."]})
        >>> f = build_features(df["text"].tolist(), score_frame(df), matches_frame(df))
        >>> f.loc[0, ["lexicon: hostility/insult", "exclamations"]].round(3).tolist()
        [0.693, 0.693]
    """
    n = len(texts)
    if len(scored) != n:
        raise LoadedModelError(f"build_features: scored has {len(scored)} rows for {n} texts")
    missing = [c for c in SCORE_COLUMNS if c not in scored.columns]
    if missing:
        raise LoadedModelError(f"build_features: scored lacks column(s) {missing}")
    cats = tuple(categories) if categories is not None else builtin_category_features()
    num = scored[list(SCORE_COLUMNS)].apply(pd.to_numeric, errors="coerce").fillna(0.0).reset_index(drop=True)
    tokens = num["n_tokens"].clip(lower=1.0)
    out = pd.DataFrame({
        "lexicon weight per token": (num["hostility_score"] + num["loaded_score"]) / 1000.0,
        "VADER neg": num["sentiment_neg"], "VADER pos": num["sentiment_pos"],
        "VADER |compound|": num["sentiment_compound"].abs(),
        "hedges": np.log1p(num["hedging_count"]), "boosters": np.log1p(num["certainty_count"]),
    })
    counts = _text_counts([str(t) for t in texts])
    for col in counts.columns:
        out[col] = counts[col].to_numpy() if col == "max |valence|" else np.log1p(counts[col].to_numpy())
    out["log tokens"] = np.log(tokens)
    out = out[list(BASE_FEATURES)]
    out = pd.concat([out, _category_counts(matches, n, cats)], axis=1)
    if "status" in scored.columns:
        out.loc[~scored["status"].eq("ok").to_numpy(), :] = 0.0
    return out.astype("float64")


def _category_counts(matches: pd.DataFrame, n: int, cats: tuple[str, ...]) -> pd.DataFrame:
    table = np.zeros((n, len(cats)))
    col = {c: j for j, c in enumerate(cats)}
    keep = matches["dimension"].isin(MODEL_DIMENSIONS)
    if "mention" in matches.columns:
        keep &= ~matches["mention"].fillna(False).astype(bool)
    for row, dim, cat in zip(matches.loc[keep, "row"], matches.loc[keep, "dimension"],
                             matches.loc[keep, "category"], strict=True):
        j = col.get(category_feature(str(dim), str(cat)))
        if j is not None:
            table[int(row), j] += 1.0
    return pd.DataFrame(np.log1p(table), columns=list(cats))


@dataclass(frozen=True)
class LoadedModel:
    """A fitted logistic model over named features (see the module docstring)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    l2: float
    threshold: float = 0.5
    meta: dict[str, str] = field(default_factory=dict)

    def _matrix(self, X: pd.DataFrame) -> np.ndarray:
        missing = [f for f in self.features if f not in X.columns]
        if missing:
            raise LoadedModelError(f"feature table lacks the model's feature(s) {missing}")
        return (X[list(self.features)].to_numpy(dtype="float64") - np.array(self.mean)) / np.array(self.scale)

    def explain(self, X: pd.DataFrame) -> pd.DataFrame:
        """Per-text contributions: ``intercept`` plus one column per feature; rows sum to the log-odds.

        Example:
            >>> m = LoadedModel(("a",), (1.0,), (2.0,), (0.5,), -1.0, 1.0)
            >>> m.explain(pd.DataFrame({"a": [5.0]})).values.tolist()
            [[-1.0, 1.0]]
        """
        parts = self._matrix(X) * np.array(self.weights)
        out = pd.DataFrame(parts, columns=list(self.features), index=X.index)
        out.insert(0, "intercept", self.intercept)
        return out

    def log_odds(self, X: pd.DataFrame) -> pd.Series:
        """The model's log-odds per text (the sum of :meth:`explain`).

        Example:
            >>> LoadedModel(("a",), (0.0,), (1.0,), (2.0,), 0.0, 1.0).log_odds(pd.DataFrame({"a": [1.0]})).tolist()
            [2.0]
        """
        return pd.Series(self._matrix(X) @ np.array(self.weights) + self.intercept, index=X.index,
                         name="loaded_model_log_odds")

    def predict_proba(self, X: pd.DataFrame) -> pd.Series:
        """Probability of loaded language per text.

        Example:
            >>> LoadedModel(("a",), (0.0,), (1.0,), (0.0,), 0.0, 1.0).predict_proba(pd.DataFrame({"a": [3.0]})).tolist()
            [0.5]
        """
        return (1.0 / (1.0 + np.exp(-self.log_odds(X)))).rename("loaded_model_probability")


def _irls(Z: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    # Newton steps on the L2-penalised log-likelihood (intercept unpenalised):
    # a few dozen features, so the exact Hessian is cheap and converges in <20 steps.
    A = np.hstack([np.ones((len(Z), 1)), Z])
    beta = np.zeros(A.shape[1])
    pen = np.full(A.shape[1], l2)
    pen[0] = 0.0
    for _ in range(_MAX_ITER):
        p = 1.0 / (1.0 + np.exp(-np.clip(A @ beta, -30, 30)))
        grad = A.T @ (y - p) - pen * beta
        hess = (A * (p * (1 - p))[:, None]).T @ A + np.diag(pen) + 1e-9 * np.eye(A.shape[1])
        step = np.linalg.solve(hess, grad)
        beta = beta + step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def fit_model(X: pd.DataFrame, y: np.ndarray, *, l2: float = 1.0, meta: dict[str, str] | None = None) -> LoadedModel:
    """Fit the L2-penalised logistic model on feature table ``X`` and 0/1 labels ``y``.

    Example:
        >>> X = pd.DataFrame({"a": [0.0, 1.0, 2.0, 3.0]})
        >>> fit_model(X, np.array([0, 0, 1, 1])).weights[0] > 0
        True
    """
    y = np.asarray(y, dtype="float64")
    if len(X) != len(y) or len(y) == 0:
        raise LoadedModelError(f"fit_model: {len(X)} feature rows for {len(y)} labels")
    if y.min() == y.max():
        raise LoadedModelError("fit_model: labels are all one class; nothing to learn")
    if l2 <= 0 or not math.isfinite(l2):
        raise LoadedModelError(f"fit_model: l2 must be a positive number, got {l2}")
    M = X.to_numpy(dtype="float64")
    if not np.isfinite(M).all():
        raise LoadedModelError("fit_model: feature table has NaN or infinite values")
    mean = M.mean(axis=0)
    scale = M.std(axis=0)
    scale[scale == 0] = 1.0
    beta = _irls((M - mean) / scale, y, l2)
    return LoadedModel(tuple(X.columns), tuple(mean.tolist()), tuple(scale.tolist()),
                       tuple(beta[1:].tolist()), float(beta[0]), float(l2), meta=dict(meta or {}))


def with_threshold(model: LoadedModel, threshold: float) -> LoadedModel:
    """The same model with a new decision threshold on the probability.

    Example:
        >>> with_threshold(LoadedModel(("a",), (0.0,), (1.0,), (1.0,), 0.0, 1.0), 0.3).threshold
        0.3
    """
    return LoadedModel(model.features, model.mean, model.scale, model.weights, model.intercept,
                       model.l2, float(threshold), dict(model.meta))


def save_model(model: LoadedModel, path: str | os.PathLike[str]) -> Path:
    """Write ``model`` as JSON to ``path`` and return the path.

    Example:
        >>> save_model(LoadedModel(("a",), (0.0,), (1.0,), (1.0,), 0.0, 1.0), "/tmp/m.json").name  # doctest: +SKIP
        'm.json'
    """
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "features": list(model.features),
           "mean": list(model.mean), "scale": list(model.scale), "weights": list(model.weights),
           "intercept": model.intercept, "l2": model.l2, "threshold": model.threshold, "meta": model.meta}
    out = Path(path)
    out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return out


def _numbers(doc: dict[str, object], key: str, n: int | None, where: str) -> tuple[float, ...]:
    value = doc.get(key)
    if not isinstance(value, list) or not all(isinstance(v, int | float) and not isinstance(v, bool)
                                              and math.isfinite(v) for v in value):
        raise LoadedModelError(f"{where}: field '{key}' must be a list of finite numbers")
    if n is not None and len(value) != n:
        raise LoadedModelError(f"{where}: field '{key}' has {len(value)} values for {n} features")
    return tuple(float(v) for v in value)


def _number(doc: dict[str, object], key: str, where: str) -> float:
    value = doc.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise LoadedModelError(f"{where}: field '{key}' must be a finite number, got {value!r}")
    return float(value)


def load_model(path: str | os.PathLike[str]) -> LoadedModel:
    """Read a model written by :func:`save_model`; a bad file is an error naming file and field.

    Example:
        >>> load_model("/nonexistent.json")
        Traceback (most recent call last):
        ...
        analysis.scoring.loaded_model.LoadedModelError: /nonexistent.json: cannot read model file (No such file or directory)
    """
    where = str(path)
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise LoadedModelError(f"{where}: cannot read model file ({err.strerror})") from err
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise LoadedModelError(f"{where}: not a JSON model file ({err})") from err
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LoadedModelError(f"{where}: field 'format' must be {FORMAT!r}")
    if doc.get("format_version") != FORMAT_VERSION:
        raise LoadedModelError(f"{where}: field 'format_version' must be {FORMAT_VERSION}, "
                               f"got {doc.get('format_version')!r}")
    feats = doc.get("features")
    if not isinstance(feats, list) or not feats or not all(isinstance(f, str) for f in feats):
        raise LoadedModelError(f"{where}: field 'features' must be a non-empty list of names")
    n = len(feats)
    scale = _numbers(doc, "scale", n, where)
    if any(s <= 0 for s in scale):
        raise LoadedModelError(f"{where}: field 'scale' must be positive")
    threshold = _number(doc, "threshold", where)
    if not 0.0 <= threshold <= 1.0:
        raise LoadedModelError(f"{where}: field 'threshold' must be within [0, 1], got {threshold}")
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise LoadedModelError(f"{where}: field 'meta' must be an object")
    return LoadedModel(tuple(feats), _numbers(doc, "mean", n, where), scale, _numbers(doc, "weights", n, where),
                       _number(doc, "intercept", where), _number(doc, "l2", where), threshold,
                       {str(k): str(v) for k, v in meta.items()})


def score_texts(model: LoadedModel, texts: Sequence[str]) -> pd.DataFrame:
    """Score raw texts with ``model``: ``probability``, ``loaded`` (>= threshold) and the contributions.

    Example:
        >>> m = load_model("model.json")  # doctest: +SKIP
        >>> score_texts(m, ["They are vile idiots."])[["probability", "loaded"]]  # doctest: +SKIP
    """
    from analysis.scoring.score import matches_frame, score_frame

    frame = pd.DataFrame({"text": [str(t) for t in texts]})
    cats = [f for f in model.features if f.startswith("lexicon: ")]
    X = build_features(frame["text"].tolist(), score_frame(frame), matches_frame(frame), cats)
    parts = model.explain(X)
    prob = model.predict_proba(X)
    return pd.concat([pd.DataFrame({"probability": prob, "loaded": prob >= model.threshold}), parts], axis=1)
