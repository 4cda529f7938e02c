"""Rhetoric and tone analysis of news text.

The pipeline runs one way::

    corpus (read, clean) -> statements (extract, attribute)
        -> scoring (tokenize, match, sentiment) -> pipeline (load_corpus,
        scored_statements) -> compare (aggregate, contrast) -> plots (figures)

No stage imports a later one (``tests/test_architecture.py``).

The public functions are re-exported here and imported lazily, so that
``import analysis`` stays fast and a notebook pays only for what it uses.

Example:
    >>> import analysis
    >>> s = analysis.score_text("They are idiots.")
    >>> [m.category for m in s.matches]
    ['insult']
"""

from __future__ import annotations

from analysis._lazy import lazy_exports

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "load_corpus": "analysis.pipeline",
    "scored_statements": "analysis.pipeline",
    "Corpus": "analysis.corpus.load",
    "CorpusError": "analysis.corpus.load",
    "extract_statements": "analysis.statements.extract",
    "SpeakerRegistry": "analysis.statements.speakers",
    "score_text": "analysis.scoring.score",
    "score_frame": "analysis.scoring.score",
    "TextScores": "analysis.scoring.score",
    "Match": "analysis.scoring.match",
    "Lexicon": "analysis.scoring.lexicon",
    "explain": "analysis.scoring.explain",
    "matches_frame": "analysis.scoring.score",
    "split_sentences": "analysis.scoring.tokenize",
    "loaded_language_index": "analysis.scoring.indices",
    "aggregate": "analysis.compare.aggregate",
    "log_odds_dirichlet": "analysis.compare.logodds",
    "align_renderings": "analysis.compare.align",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


__getattr__, __dir__ = lazy_exports("analysis", _EXPORTS, globals())
