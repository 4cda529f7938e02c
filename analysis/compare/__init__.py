"""Compare groups of scored statements.

Modules:
    aggregate  pooled rates per group with bootstrap intervals
    logodds    weighted log-odds with an informative Dirichlet prior
               (Monroe, Colaresi & Quinn 2008) and one-vs-rest distinctive terms
    align      cluster the renderings of one statement across outlets
    diff       word-level differences between two renderings
    tables     outlet labels, de-duplicated statements, rate tables
    framing    quotation vs narration, descriptors an outlet attaches to a
               speaker, differences between renderings
    timeline   rates per period, before/after an event, match tables per group

Example:
    >>> from analysis.compare import word_diff
    >>> [op for op, _, _ in word_diff("will be eliminated", "will be exterminated")]
    ['equal', 'replace']
    >>> from analysis.compare import before_after, dedupe_statements, outlet_label, split_voices
    >>> outlet_label("unidentified", "seed-000")
    'unidentified (seed-000)'
"""

from __future__ import annotations

from analysis.compare.aggregate import DIMENSIONS, Interval, aggregate, bootstrap_ci
from analysis.compare.align import align_renderings, rendering_similarity
from analysis.compare.diff import render_diff, word_diff
from analysis.compare.framing import (
    DESCRIPTOR_COLUMNS,
    RELATIONS,
    cluster_diffs,
    find_descriptors,
    outlet_descriptors,
    outlet_label,
    rendering_deltas,
    split_voices,
)
from analysis.compare.logodds import distinctive_terms, log_odds_dirichlet, simple_tokenize, text_ngrams
from analysis.compare.stopwords import ENGLISH_STOPWORDS
from analysis.compare.tables import (
    UNIDENTIFIED_OUTLETS,
    dedupe_statements,
    normalise_quote,
    outlet_labels,
    rate_table,
)
from analysis.compare.timeline import (
    UNDATED,
    add_period,
    before_after,
    match_counts,
    match_rates,
    period_rates,
)

__all__ = [
    "DESCRIPTOR_COLUMNS",
    "DIMENSIONS",
    "ENGLISH_STOPWORDS",
    "RELATIONS",
    "UNDATED",
    "UNIDENTIFIED_OUTLETS",
    "Interval",
    "add_period",
    "aggregate",
    "align_renderings",
    "before_after",
    "bootstrap_ci",
    "cluster_diffs",
    "dedupe_statements",
    "distinctive_terms",
    "find_descriptors",
    "log_odds_dirichlet",
    "match_counts",
    "match_rates",
    "normalise_quote",
    "outlet_descriptors",
    "outlet_label",
    "outlet_labels",
    "period_rates",
    "rate_table",
    "render_diff",
    "rendering_deltas",
    "rendering_similarity",
    "simple_tokenize",
    "split_voices",
    "text_ngrams",
    "word_diff",
]
