"""Scoring engine: tokenize, lexicons, span matching, sentiment, scores.

The public entry points live in their own modules and are re-exported lazily
by :mod:`analysis` (``score_text``, ``score_frame``, ``TextScores``, ``Match``,
``Lexicon``, ``explain``).  Importing this package is cheap; the lexicons are
compiled on first use and then reused.

Modules:
    tokenize   sentence spans (Punkt, English parameters) and word spans
    normalize  length-preserving text normalisation for matching
    lexicon    lexicon entries, CSV loading/validation, built-in lexicons
    rules      context rules (epistemic modals, quantities, negation)
    match      compiled matcher (Aho-Corasick) -> Match spans
    sentiment  VADER per sentence, token-weighted aggregation
    score      score_text, score_frame, matches_frame
    explain    highlighted spans for notebooks and terminals
"""
