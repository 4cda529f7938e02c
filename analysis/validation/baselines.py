"""Reference scorers every result is shown beside: VADER as shipped, and sentence length.

A lexicon score is only worth reporting if it beats what needs no lexicon
work at all: the negativity of off-the-shelf VADER, and the plain number of
words (long sentences are more likely to hold any labelled span).

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_polarity(texts: Iterable[str]) -> pd.DataFrame:
    """``vaderSentiment`` 3.3.2 ``polarity_scores`` per text: columns neg, neu, pos, compound.

    Example:
        >>> vader_polarity(["A horrible, evil plan."]).neg[0] > 0.5
        np.True_
    """
    analyzer = _analyzer()
    rows = [analyzer.polarity_scores(str(t)) for t in texts]
    return pd.DataFrame(rows, columns=["neg", "neu", "pos", "compound"], dtype="float64")


def word_counts(texts: Iterable[str]) -> np.ndarray:
    """Number of whitespace-separated words per text.

    Example:
        >>> word_counts(["two words", "", "  three  more words "]).tolist()
        [2, 0, 3]
    """
    return np.array([len(str(t).split()) for t in texts], dtype="int64")
