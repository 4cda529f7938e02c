"""An optional supervised loaded-language score: logistic regression over named features.

The shipped lexicon scores need no training.  This module lets a user who
holds labelled data (PTC-2020, SemEval-2023, an own gold set) fit a small
linear model whose every prediction splits into named parts: no open bag
of words, no names, no topics, only what the engine already measures and
the words of a closed emotive list.

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
* ``log tokens``: length, so the others are read at a given length;
* ``style: ...``: closed-class stylistic counts (pronoun classes, obligation
  modals, negators, superlatives, *ever*, exclamative frames, rhetorical
  questions, scare quotes, imperatives; :mod:`analysis.scoring.loaded_style`).

Counts enter as ``log(1 + count)``.  Features are standardised with the
training mean and scale; the contribution of a feature to one text is
``weight * (x - mean) / scale``.

Word features (optional, :class:`FeatureTable`): ``word: <term>`` is 1 when
the text holds a word of the closed list of
:mod:`analysis.scoring.loaded_vocab` (VADER's lexicon and boosters, the
package's English hostility/loaded/hedging/certainty terms; nothing else),
kept when the training texts use it often, in several articles, and mostly
in lower case; its contribution is its weight.  The intercept plus all
contributions is the text's log-odds, exactly (:meth:`LoadedModel.explain`).
A word that is also a lexicon term adds to (or, with a negative weight,
corrects) its category's count: the two parts are listed side by side.
With word contexts (``word_contexts``), a word inside quotation marks is the
feature ``quoted: <term>`` and a negated one ``negated: <term>``, apart from
its plain use ``word: <term>``.

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
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize, sparse
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

from analysis.scoring.loaded_style import STYLE_FEATURES, style_counts
from analysis.scoring.loaded_vocab import base_feature, closed_vocabulary, word_matrix

FORMAT = "analysis.loaded_model"
FORMAT_VERSION = 3
#: Versions :func:`load_model` reads (1: dense features only, before the word features;
#: 2: before word contexts and per-data-set thresholds).
READABLE_VERSIONS: tuple[int, ...] = (1, 2, 3)
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
    """The model's feature table: one row per text, :data:`BASE_FEATURES`, the closed-class
    :data:`~analysis.scoring.loaded_style.STYLE_FEATURES`, then category counts.

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
    style = style_counts([str(t) for t in texts])
    for col in STYLE_FEATURES:
        out[col] = np.log1p(style[col].to_numpy())
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
class FeatureTable:
    """The model's input: the named dense features and the closed-vocabulary word indicators.

    ``words`` is a sparse ``len(dense) x len(vocabulary)`` 0/1 matrix whose
    columns are the features ``vocabulary`` (``word: <term>``, see
    :mod:`analysis.scoring.loaded_vocab`).

    Example:
        >>> t = FeatureTable(pd.DataFrame({"a": [1.0, 2.0]}), sparse.csr_matrix(np.eye(2)), ("word: x", "word: y"))
        >>> t.take(np.array([False, True])).words.toarray().tolist()
        [[0.0, 1.0]]
    """

    dense: pd.DataFrame
    words: sparse.csr_matrix
    vocabulary: tuple[str, ...]
    #: True when the word columns were counted with quoted/negated contexts apart
    contexts: bool = False

    def __post_init__(self) -> None:
        if self.words.shape != (len(self.dense), len(self.vocabulary)):
            raise LoadedModelError(f"FeatureTable: words has shape {self.words.shape} for {len(self.dense)} "
                                   f"rows and {len(self.vocabulary)} vocabulary features")

    def __len__(self) -> int:
        return len(self.dense)

    def take(self, mask: np.ndarray) -> FeatureTable:
        """The rows where boolean ``mask`` is True."""
        return FeatureTable(self.dense[mask], sparse.csr_matrix(self.words[np.flatnonzero(mask)]), self.vocabulary,
                            self.contexts)


Features = pd.DataFrame | FeatureTable


@dataclass(frozen=True)
class LoadedModel:
    """A fitted logistic model over named features (see the module docstring).

    ``features`` are standardised dense features (``weight * (x - mean) /
    scale``); ``vocabulary`` are 0/1 word indicators of the closed list
    (contribution ``word_weight`` when present), each with its surface
    ``word_forms`` so a model file scores text on its own.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    l2: float
    threshold: float = 0.5
    meta: dict[str, str] = field(default_factory=dict)
    vocabulary: tuple[str, ...] = ()
    word_weights: tuple[float, ...] = ()
    word_forms: tuple[tuple[str, ...], ...] = ()
    l2_words: float = 0.0
    #: word features counted with quoted/negated contexts apart (see :func:`model_words`)
    word_contexts: bool = False
    #: F1 thresholds on the probability per data set (chosen on model-dev), beside the pooled ``threshold``
    thresholds: dict[str, float] = field(default_factory=dict)

    def _matrix(self, X: Features) -> np.ndarray:
        dense = X.dense if isinstance(X, FeatureTable) else X
        missing = [f for f in self.features if f not in dense.columns]
        if missing:
            raise LoadedModelError(f"feature table lacks the model's feature(s) {missing}")
        return (dense[list(self.features)].to_numpy(dtype="float64") - np.array(self.mean)) / np.array(self.scale)

    def _words(self, X: Features) -> sparse.csr_matrix:
        n = len(X)
        if not self.vocabulary:
            return sparse.csr_matrix((n, 0))
        if isinstance(X, FeatureTable):
            if X.contexts != self.word_contexts:
                raise LoadedModelError(f"feature table has word contexts {X.contexts}, the model "
                                       f"{self.word_contexts}")
            if X.vocabulary == self.vocabulary:
                return X.words
            col = {f: j for j, f in enumerate(X.vocabulary)}
            missing = [f for f in self.vocabulary if f not in col]
            if missing:
                raise LoadedModelError(f"feature table lacks the model's word feature(s) {missing[:5]}")
            return sparse.csr_matrix(X.words[:, [col[f] for f in self.vocabulary]])
        missing = [f for f in self.vocabulary if f not in X.columns]
        if missing:
            raise LoadedModelError(f"feature table lacks the model's word feature(s) {missing[:5]}")
        return sparse.csr_matrix(X[list(self.vocabulary)].to_numpy(dtype="float64"))

    def explain(self, X: Features) -> pd.DataFrame:
        """Per-text contributions: ``intercept``, one column per dense feature, then one per word
        feature present in some row of ``X``; each row sums to the log-odds.

        Example:
            >>> m = LoadedModel(("a",), (1.0,), (2.0,), (0.5,), -1.0, 1.0)
            >>> m.explain(pd.DataFrame({"a": [5.0]})).values.tolist()
            [[-1.0, 1.0]]
        """
        parts = self._matrix(X) * np.array(self.weights)
        index = X.dense.index if isinstance(X, FeatureTable) else X.index
        out = pd.DataFrame(parts, columns=list(self.features), index=index)
        out.insert(0, "intercept", self.intercept)
        words = self._words(X)
        if words.shape[1]:
            present = np.flatnonzero(np.asarray(words.getnnz(axis=0)).ravel())
            contrib = words[:, present].multiply(np.array(self.word_weights)[present]).toarray()
            named = pd.DataFrame(contrib, columns=[self.vocabulary[j] for j in present], index=index)
            out = pd.concat([out, named], axis=1)
        return out

    def log_odds(self, X: Features) -> pd.Series:
        """The model's log-odds per text (the sum of :meth:`explain`).

        Example:
            >>> LoadedModel(("a",), (0.0,), (1.0,), (2.0,), 0.0, 1.0).log_odds(pd.DataFrame({"a": [1.0]})).tolist()
            [2.0]
        """
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            eta = self._matrix(X) @ np.array(self.weights) + self.intercept
            if self.vocabulary:
                eta = eta + self._words(X) @ np.array(self.word_weights)
        index = X.dense.index if isinstance(X, FeatureTable) else X.index
        bad = np.flatnonzero(~np.isfinite(eta))
        if len(bad):
            # a NaN or infinite feature, or weights/scales out of range in an
            # edited model file: no probability rather than a silent NaN or 0/1
            raise LoadedModelError(f"loaded model: log-odds not finite for {len(bad)} row(s), first row "
                                   f"{index[bad[0]]!r} (a NaN/infinite feature, or weights or scales out of range)")
        return pd.Series(eta, index=index, name="loaded_model_log_odds")

    def predict_proba(self, X: Features) -> pd.Series:
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


def _lbfgs(Z: np.ndarray, W: sparse.csr_matrix, y: np.ndarray, pen_dense: np.ndarray,
           l2_words: float) -> np.ndarray:
    # thousands of sparse word columns: no dense Hessian; L-BFGS on the same
    # penalised log-likelihood, with its own penalty for the word block
    d = Z.shape[1]
    pen = np.concatenate([[0.0], pen_dense, np.full(W.shape[1], l2_words)])
    WT = W.T.tocsr()

    # einsum, not BLAS: a threaded gemv on a tall, narrow matrix is 5-10x slower than one
    # thread on a shared, loaded machine (measured: 3 s against 0.3 s per fit, same iterations)
    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        eta = beta[0] + np.einsum("ij,j->i", Z, beta[1:d + 1]) + W @ beta[d + 1:]
        p = 1.0 / (1.0 + np.exp(-np.clip(eta, -30, 30)))
        r = p - y
        f = float(np.sum(np.logaddexp(0.0, eta) - y * eta) + 0.5 * np.sum(pen * beta * beta))
        g = np.concatenate([[r.sum()], np.einsum("ij,i->j", Z, r), WT @ r]) + pen * beta
        return f, g

    res = optimize.minimize(loss, np.zeros(len(pen)), jac=True, method="L-BFGS-B",
                            options={"maxiter": 2000, "gtol": 1e-6})
    return np.asarray(res.x)


def _group_columns(groups: Sequence[object] | np.ndarray | None, n: int) -> np.ndarray:
    # one unpenalised 0/1 column per group but the first: each training set keeps its own base rate
    if groups is None:
        return np.zeros((n, 0))
    if len(groups) != n:
        raise LoadedModelError(f"fit_model: {len(groups)} group labels for {n} rows")
    codes = pd.factorize(pd.Series(list(groups), dtype=object))[0]
    return (codes[:, None] == np.arange(1, int(codes.max()) + 1)[None, :]).astype("float64")


def _forms_of(vocabulary: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    inverse: dict[str, list[str]] = {}
    for form, feat in closed_vocabulary().items():
        inverse.setdefault(feat, []).append(form)
    missing = [f for f in vocabulary if base_feature(f) not in inverse]
    if missing:
        raise LoadedModelError(f"fit_model: word feature(s) outside the closed vocabulary: {missing[:5]}")
    return tuple(tuple(sorted(inverse[base_feature(f)])) for f in vocabulary)


def fit_model(X: Features, y: np.ndarray, *, l2: float = 1.0, l2_words: float = 10.0,
              groups: Sequence[object] | np.ndarray | None = None, meta: dict[str, str] | None = None) -> LoadedModel:
    """Fit the L2-penalised logistic model on feature table ``X`` and 0/1 labels ``y``.

    With a :class:`FeatureTable` whose vocabulary is not empty, the word
    indicators get their own penalty ``l2_words``.  ``groups`` (e.g. the data
    set of each row) gives each group its own unpenalised base rate while
    fitting, so no feature is rewarded for telling the data sets apart; the
    model's intercept is then their average over the training rows.

    Example:
        >>> X = pd.DataFrame({"a": [0.0, 1.0, 2.0, 3.0]})
        >>> fit_model(X, np.array([0, 0, 1, 1])).weights[0] > 0
        True
    """
    y = np.asarray(y, dtype="float64")
    dense = X.dense if isinstance(X, FeatureTable) else X
    if len(dense) != len(y) or len(y) == 0:
        raise LoadedModelError(f"fit_model: {len(dense)} feature rows for {len(y)} labels")
    if y.min() == y.max():
        raise LoadedModelError("fit_model: labels are all one class; nothing to learn")
    for name, value in (("l2", l2), ("l2_words", l2_words)):
        if value <= 0 or not math.isfinite(value):
            raise LoadedModelError(f"fit_model: {name} must be a positive number, got {value}")
    M = dense.to_numpy(dtype="float64")
    if not np.isfinite(M).all():
        raise LoadedModelError("fit_model: feature table has NaN or infinite values")
    mean = M.mean(axis=0)
    scale = M.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (M - mean) / scale
    info = dict(meta or {})
    G = _group_columns(groups, len(y))
    has_words = isinstance(X, FeatureTable) and bool(X.vocabulary)
    if not has_words and not G.shape[1]:
        beta = _irls(Z, y, l2)
        return LoadedModel(tuple(dense.columns), tuple(mean.tolist()), tuple(scale.tolist()),
                           tuple(beta[1:].tolist()), float(beta[0]), float(l2), meta=info)
    words = X.words if isinstance(X, FeatureTable) else sparse.csr_matrix((len(y), 0))
    vocab = X.vocabulary if isinstance(X, FeatureTable) else ()
    d = Z.shape[1]
    pen = np.concatenate([np.full(d, l2), np.zeros(G.shape[1])])
    beta = _lbfgs(np.hstack([Z, G]), words, y, pen, l2_words)
    intercept = float(beta[0] + (G @ beta[d + 1:d + 1 + G.shape[1]]).mean()) if G.shape[1] else float(beta[0])
    return LoadedModel(tuple(dense.columns), tuple(mean.tolist()), tuple(scale.tolist()),
                       tuple(beta[1:d + 1].tolist()), intercept, float(l2), meta=info,
                       vocabulary=vocab, word_weights=tuple(beta[d + 1 + G.shape[1]:].tolist()),
                       word_forms=_forms_of(vocab), l2_words=float(l2_words) if vocab else 0.0,
                       word_contexts=bool(has_words and X.contexts))


def with_threshold(model: LoadedModel, threshold: float, per_set: dict[str, float] | None = None) -> LoadedModel:
    """The same model with a new pooled decision threshold (and, optionally, one per data set).

    Example:
        >>> m = with_threshold(LoadedModel(("a",), (0.0,), (1.0,), (1.0,), 0.0, 1.0), 0.3, {"PTC": 0.25})
        >>> m.threshold, m.thresholds
        (0.3, {'PTC': 0.25})
    """
    sets = dict(model.thresholds) if per_set is None else {str(k): float(v) for k, v in per_set.items()}
    return replace(model, threshold=float(threshold), meta=dict(model.meta), thresholds=sets)


def save_model(model: LoadedModel, path: str | os.PathLike[str]) -> Path:
    """Write ``model`` as JSON to ``path`` and return the path.

    Example:
        >>> save_model(LoadedModel(("a",), (0.0,), (1.0,), (1.0,), 0.0, 1.0), "/tmp/m.json").name  # doctest: +SKIP
        'm.json'
    """
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "features": list(model.features),
           "mean": list(model.mean), "scale": list(model.scale), "weights": list(model.weights),
           "intercept": model.intercept, "l2": model.l2, "threshold": model.threshold, "meta": model.meta,
           "vocabulary": list(model.vocabulary), "word_weights": list(model.word_weights),
           "word_forms": [list(f) for f in model.word_forms], "l2_words": model.l2_words,
           "word_contexts": model.word_contexts, "thresholds": dict(model.thresholds)}
    out = Path(path)
    # one line: a word model has thousands of entries, and the file is for machines
    out.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
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
    except RecursionError as err:  # arrays nested thousands deep: no model, and no crash
        raise LoadedModelError(f"{where}: not a JSON model file (nested too deeply)") from err
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LoadedModelError(f"{where}: field 'format' must be {FORMAT!r}")
    version = doc.get("format_version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # not True (== 1) or 3.0
        raise LoadedModelError(f"{where}: field 'format_version' must be one of {READABLE_VERSIONS}, "
                               f"got {doc.get('format_version')!r}")
    feats = doc.get("features")
    if (not isinstance(feats, list) or not feats or not all(isinstance(f, str) for f in feats)
            or len(set(feats)) != len(feats)):  # a repeated name would weigh its column twice
        raise LoadedModelError(f"{where}: field 'features' must be a non-empty list of distinct names")
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
    vocab, forms = _vocabulary(doc, where)
    contexts, per_set = _contexts_and_thresholds(doc, where)
    return LoadedModel(tuple(feats), _numbers(doc, "mean", n, where), scale, _numbers(doc, "weights", n, where),
                       _number(doc, "intercept", where), _number(doc, "l2", where), threshold,
                       {str(k): str(v) for k, v in meta.items()}, vocabulary=vocab,
                       word_weights=_numbers(doc, "word_weights", len(vocab), where) if vocab else (),
                       word_forms=forms, l2_words=_number(doc, "l2_words", where) if vocab else 0.0,
                       word_contexts=contexts, thresholds=per_set)


def _contexts_and_thresholds(doc: dict[str, object], where: str) -> tuple[bool, dict[str, float]]:
    # absent in format versions 1 and 2: no contexts, no per-data-set thresholds
    contexts = doc.get("word_contexts", False)
    if not isinstance(contexts, bool):
        raise LoadedModelError(f"{where}: field 'word_contexts' must be true or false, got {contexts!r}")
    per_set = doc.get("thresholds", {})
    if not isinstance(per_set, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and 0.0 <= v <= 1.0
            for v in per_set.values()):
        raise LoadedModelError(f"{where}: field 'thresholds' must map data set names to numbers within [0, 1]")
    return contexts, {str(k): float(v) for k, v in per_set.items()}


def _vocabulary(doc: dict[str, object], where: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    vocab = doc.get("vocabulary", [])
    if not isinstance(vocab, list) or not all(isinstance(f, str) for f in vocab) or len(set(vocab)) != len(vocab):
        raise LoadedModelError(f"{where}: field 'vocabulary' must be a list of distinct names")
    forms = doc.get("word_forms", [])
    if (not isinstance(forms, list) or len(forms) != len(vocab)
            or not all(isinstance(f, list) and f and all(isinstance(x, str) and x for x in f) for f in forms)):
        raise LoadedModelError(f"{where}: field 'word_forms' must hold one non-empty list of forms per "
                               f"vocabulary feature ({len(vocab)})")
    return tuple(vocab), tuple(tuple(f) for f in forms)


def model_words(model: LoadedModel, texts: Sequence[str]) -> sparse.csr_matrix:
    """The 0/1 word indicators of ``model.vocabulary`` in ``texts``, by the forms stored in the model.

    Example:
        >>> m = LoadedModel(("a",), (0.0,), (1.0,), (0.0,), 0.0, 1.0, vocabulary=("word: vile",),
        ...                 word_weights=(1.0,), word_forms=(("vile",),), l2_words=1.0)
        >>> model_words(m, ["So vile.", "Fine."]).toarray().tolist()
        [[1.0], [0.0]]
    """
    forms = {form: base_feature(feat) for feat, fs in zip(model.vocabulary, model.word_forms, strict=True)
             for form in fs}
    return word_matrix(texts, model.vocabulary, forms, model.word_contexts)


def score_texts(model: LoadedModel, texts: Sequence[str], dataset: str | None = None) -> pd.DataFrame:
    """Score raw texts with ``model``: ``probability``, ``loaded`` (>= threshold), ``status`` and the contributions.

    ``status`` is :func:`~analysis.scoring.score.score_frame`'s (``ok``,
    ``missing``, ``empty``, ``no_words``); a text that is not ``ok`` has every
    feature 0, as in training.  A value that is not text (bytes, a number) is
    a TypeError naming its row.

    ``dataset`` names one of ``model.thresholds`` (e.g. ``"PTC-2020"``) to use
    that data set's F1 threshold instead of the pooled one.

    Example:
        >>> m = load_model("model.json")  # doctest: +SKIP
        >>> score_texts(m, ["They are vile idiots."])[["probability", "loaded"]]  # doctest: +SKIP
    """
    from analysis.scoring.score import matches_frame, score_frame

    if dataset is not None and dataset not in model.thresholds:
        raise LoadedModelError(f"score_texts: no threshold for data set {dataset!r} "
                               f"(the model has {sorted(model.thresholds)})")
    threshold = model.threshold if dataset is None else model.thresholds[dataset]
    # object dtype: pandas' default string column cannot hold a lone surrogate;
    # score_frame checks the values (TypeError naming the row for bytes etc.)
    frame = pd.DataFrame({"text": pd.Series(list(texts), dtype=object)})
    scored = score_frame(frame)
    ok = scored["status"].eq("ok").to_numpy()
    # a missing (None/NaN) or blank text is scored as "" (all features 0), not
    # as the word "None" or "nan"; its status says which it was
    strings = [t if keep else "" for t, keep in zip(frame["text"].tolist(), ok)]
    cats = [f for f in model.features if f.startswith("lexicon: ")]
    dense = build_features(strings, scored, matches_frame(frame), cats)
    X = FeatureTable(dense, model_words(model, strings), model.vocabulary, model.word_contexts)
    parts = model.explain(X)
    prob = model.predict_proba(X)
    head = pd.DataFrame({"probability": prob, "loaded": prob >= threshold, "status": scored["status"].to_numpy()})
    return pd.concat([head, parts], axis=1)
