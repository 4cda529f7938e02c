"""VADER sentiment per sentence, aggregated so long texts do not saturate.

VADER's compound score is a normalised sum over a text's words; fed a whole
article it drifts towards +-1.  Here every sentence is scored on its own and
the four scores are averaged with each sentence weighted by its number of
word tokens (:func:`analysis.scoring.tokenize.count_words`)::

    compound = sum_i(n_i * compound_i) / sum_i(n_i)      (likewise neg, neu, pos)

A one-sentence text therefore gets exactly VADER's own scores.  Sentences
without word tokens (e.g. "!!!") carry weight 0; a text without any word
token scores 0 everywhere.

Backends: ``"fast"`` uses :class:`analysis.scoring.fastvader.FastVader`
(an exact re-implementation, identical numbers); ``"vader"`` the reference
``vaderSentiment.SentimentIntensityAnalyzer``.  ``"none"`` skips sentiment
(the four fields are NaN).

References:
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from analysis.validate_args import check_choice

BACKENDS: tuple[str, ...] = ("fast", "vader", "none")

Scorer = Callable[[str], dict[str, float]]
#: (compound, neg, neu, pos)
Sentiment4 = tuple[float, float, float, float]
#: A backend as :func:`~analysis.scoring.score.score_frame` calls it: the four
#: scores of each sentence of a batch, as tuples.
ManyScorer = Callable[[list[str]], list[Sentiment4]]
_ZERO4: Sentiment4 = (0.0, 0.0, 0.0, 0.0)


@cache
def get_backend(name: str = "fast") -> Scorer | None:
    """The ``polarity_scores`` function of a backend (built once); ``None`` for ``"none"``.

    Example:
        >>> get_backend("vader")("They are idiots.")["compound"]
        0.0
    """
    check_choice("sentiment", name, BACKENDS)
    if name == "none":
        return None
    if name == "fast":
        from analysis.scoring.fastvader import FastVader

        return FastVader().polarity_scores
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().polarity_scores


@cache
def get_many_scorer(name: str = "fast") -> ManyScorer | None:
    """The backend ``name`` for a batch of sentences: ``(compound, neg, neu, pos)`` each; ``None`` for ``"none"``.

    The same numbers as :func:`get_backend`'s dictionaries; the fast backend
    builds no dictionary at all (:meth:`~analysis.scoring.fastvader.FastVader.scores_many`).

    Example:
        >>> get_many_scorer("fast")(["The book was good."]) == get_many_scorer("vader")(["The book was good."])
        True
    """
    check_choice("sentiment", name, BACKENDS)
    if name == "fast":
        from analysis.scoring.fastvader import FastVader

        return FastVader().scores_many
    scorer = get_backend(name)
    if scorer is None:
        return None
    as_dict = scorer

    def scores_many(texts: list[str]) -> list[Sentiment4]:
        return [(d["compound"], d["neg"], d["neu"], d["pos"]) for d in map(as_dict, texts)]

    return scores_many


def aggregate(scores: Sequence[dict[str, float]], weights: Sequence[int]) -> tuple[float, float, float, float]:
    """Token-weighted mean of per-sentence scores -> (compound, neg, neu, pos).

    Example:
        >>> aggregate([{"compound": 0.5, "neg": 0.0, "neu": 0.5, "pos": 0.5},
        ...            {"compound": -0.5, "neg": 1.0, "neu": 0.0, "pos": 0.0}], [3, 1])
        (0.25, 0.25, 0.375, 0.375)
    """
    return aggregate4([(d["compound"], d["neg"], d["neu"], d["pos"]) if w else _ZERO4
                       for d, w in zip(scores, weights)], weights)


def aggregate4(scores: Sequence[Sentiment4], weights: Sequence[int]) -> Sentiment4:
    """:func:`aggregate` of ``(compound, neg, neu, pos)`` tuples (sentences of weight 0 are skipped).

    Example:
        >>> aggregate4([(0.5, 0.0, 0.5, 0.5), (-0.5, 1.0, 0.0, 0.0)], [3, 1])
        (0.25, 0.25, 0.375, 0.375)
    """
    total = sum(weights)
    if total <= 0:
        return 0.0, 0.0, 0.0, 0.0
    c = ng = nu = p = 0.0
    for s, w in zip(scores, weights):
        if w:
            c += w * s[0]
            ng += w * s[1]
            nu += w * s[2]
            p += w * s[3]
    return c / total, ng / total, nu / total, p / total
