"""A small built-in English stopword list (function words only).

NLTK's stopwords corpus needs a download, which this package never does, so
the list lives here.  It holds determiners, pronouns, auxiliaries,
prepositions, conjunctions and a few discourse fillers; it deliberately keeps
content-bearing words that other lists drop ("against", "not", "never",
"no", "war"), because negation and opposition matter for rhetoric.  Pass your
own set to :func:`analysis.compare.distinctive_terms` to change it.

Example:
    >>> "the" in ENGLISH_STOPWORDS, "not" in ENGLISH_STOPWORDS
    (True, False)
"""

from __future__ import annotations

ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again all also am an and any are as at
    be became because been before being below between both but by
    can could
    did do does doing done down during
    each either else even ever every
    few for from further
    get gets got had has have having he her here hers herself him himself his how
    i if in into is it its itself
    just
    let like
    may me might more most much must my myself
    neither nor now
    of off on once one only or other others our ours ourselves out over own
    per
    quite
    rather
    said same says shall she should since so some such
    than that the their theirs them themselves then there these they this those
    through thus to too
    under until up upon us
    very via
    was we were what when where whether which while who whom whose why will with
    within without would
    yet you your yours yourself yourselves
    's 'll 're 've 'd 'm
    """.split()
)
