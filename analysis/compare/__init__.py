"""Compare groups of scored statements.

Modules:
    aggregate  pooled rates per group with bootstrap intervals
    logodds    weighted log-odds with an informative Dirichlet prior
               (Monroe, Colaresi & Quinn 2008) and one-vs-rest distinctive terms
    align      cluster the renderings of one statement across outlets
    diff       word-level differences between two renderings

Example:
    >>> from analysis.compare import word_diff
    >>> [op for op, _, _ in word_diff("will be eliminated", "will be exterminated")]
    ['equal', 'replace']
"""

from __future__ import annotations

from analysis.compare.aggregate import DIMENSIONS, Interval, aggregate, bootstrap_ci
from analysis.compare.align import align_renderings, rendering_similarity
from analysis.compare.diff import render_diff, word_diff
from analysis.compare.logodds import distinctive_terms, log_odds_dirichlet
from analysis.compare.stopwords import ENGLISH_STOPWORDS

__all__ = [
    "DIMENSIONS",
    "ENGLISH_STOPWORDS",
    "Interval",
    "aggregate",
    "align_renderings",
    "bootstrap_ci",
    "distinctive_terms",
    "log_odds_dirichlet",
    "render_diff",
    "rendering_similarity",
    "word_diff",
]
