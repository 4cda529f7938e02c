"""Correlation of sentence scores with crowd sentiment on the VADER NYT editorial snippets.

Rows of the result: the scorer's ``sentiment_compound`` (expected positive),
VADER as shipped (``polarity_scores`` compound; the reference, about 0.49
Pearson in Hutto and Gilbert 2014), and the hostility rate and score
(expected negative) beside VADER ``neg`` (also expected negative).

References:
    Hutto, C. J. and Gilbert, E. (2014). VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import os

import pandas as pd

from analysis.validation import metrics
from analysis.validation.baselines import vader_polarity
from analysis.validation.nyt import load_nyt
from analysis.validation.scorers import FrameScorer, check_scores, default_frame_scorer

#: (score column, kind, expected sign of the correlation with the crowd mean)
NYT_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("sentiment_compound", "method", "+"),
    ("VADER compound (as shipped)", "baseline", "+"),
    ("hostility_rate", "method", "-"),
    ("hostility_score", "method", "-"),
    ("VADER neg (as shipped)", "baseline", "-"),
)


def score_nyt(nyt: pd.DataFrame, scorer: FrameScorer | None = None) -> pd.DataFrame:
    """The NYT table with the scorer's columns and the VADER reference columns added.

    Example:
        >>> scored = score_nyt(load_nyt())  # doctest: +SKIP
    """
    scorer = scorer or default_frame_scorer()
    nyt = nyt.reset_index(drop=True)
    wanted = ("sentiment_compound", "hostility_rate", "hostility_score")
    scores = check_scores(scorer(pd.DataFrame({"text": nyt["text"].to_numpy()})), len(nyt), wanted)
    out = nyt.copy()
    for column in wanted:
        out[column] = pd.to_numeric(scores[column], errors="coerce").to_numpy()
    vader = vader_polarity(nyt["text"])
    out["VADER compound (as shipped)"] = vader["compound"].to_numpy()
    out["VADER neg (as shipped)"] = vader["neg"].to_numpy()
    return out


def nyt_correlations(scored: pd.DataFrame) -> pd.DataFrame:
    """Pearson and Spearman of every measure with the crowd ``mean`` (NaN pairs dropped, ``n`` shown).

    Example:
        >>> df = pd.DataFrame({"mean": [1.0, -1.0, 0.5, -2.0],
        ...     "sentiment_compound": [0.6, -0.4, 0.2, -0.9], "hostility_rate": [0, 50, 0, 90],
        ...     "hostility_score": [0, 50, 0, 90], "VADER compound (as shipped)": [0.5, -0.5, 0.1, -0.8],
        ...     "VADER neg (as shipped)": [0.0, 0.3, 0.0, 0.6]})
        >>> nyt_correlations(df).set_index("score").loc["sentiment_compound", "spearman"]
        np.float64(1.0)
    """
    rows = []
    for column, kind, sign in NYT_MEASURES:
        p, s = metrics.pearson(scored[column], scored["mean"]), metrics.spearman(scored[column], scored["mean"])
        rows.append({"score": column, "kind": kind, "expected_sign": sign,
                     "pearson": p.r, "pearson_p": p.p, "spearman": s.r, "spearman_p": s.p,
                     "n": p.n})
    return pd.DataFrame(rows)


def evaluate_nyt(
    path: str | os.PathLike[str] | None = None, scorer: FrameScorer | None = None
) -> pd.DataFrame:
    """Load the NYT snippets (default: the vendored copy), score and correlate them.

    Example:
        >>> evaluate_nyt().query("kind == 'baseline'")  # doctest: +SKIP
    """
    return nyt_correlations(score_nyt(load_nyt(path), scorer=scorer))
