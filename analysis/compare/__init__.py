"""Compare groups of scored statements.

Modules:
    aggregate  pooled rates per group with bootstrap intervals
    logodds    weighted log-odds with an informative Dirichlet prior
               (Monroe, Colaresi & Quinn 2008) and one-vs-rest distinctive terms
    align      cluster the renderings of one statement across outlets
    diff       word-level differences between two renderings
    tables     outlet labels, de-duplicated statements, rate tables, CI text,
               keyword in context, groups ordered by bloc
    own_words  quotation vs narration (``split_voices``) and the descriptors
               in an outlet's own words (``outlet_descriptors``)
    renderings how far each rendering of one statement moves its scores
    bootstrap  the one resampling helper of aggregate and timeline
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

from analysis.compare.aggregate import Interval, aggregate, bootstrap_ci
from analysis.compare.align import align_renderings, rendering_similarity
from analysis.compare.diff import render_diff, word_diff
from analysis.compare.logodds import (
    distinctive_terms,
    log_odds_dirichlet,
    simple_tokenize,
    text_ngrams,
)
from analysis.compare.own_words import outlet_descriptors, split_voices
from analysis.compare.renderings import cluster_diffs, rendering_deltas
from analysis.compare.tables import (
    UNIDENTIFIED_OUTLETS,
    dedupe_statements,
    format_ci,
    format_rate_ci,
    keyword_in_context,
    normalise_quote,
    order_by_bloc,
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
from analysis.constants import DIMENSIONS
from analysis.corpus.voices import outlet_label
from analysis.statements.descriptors import DESCRIPTOR_COLUMNS, RELATIONS, find_descriptors
from analysis.statements.stopwords import ENGLISH_STOPWORDS

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
    "format_ci",
    "format_rate_ci",
    "keyword_in_context",
    "log_odds_dirichlet",
    "match_counts",
    "match_rates",
    "normalise_quote",
    "order_by_bloc",
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
