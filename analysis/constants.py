"""Names shared by every stage: the score dimensions and the source blocs.

One home for the vocabulary that the corpus, statements, scoring, comparison
and plotting stages all speak, so that adding a dimension or a bloc is one
edit. This module imports nothing from the package and may be imported by
any stage.

Example:
    >>> from analysis.constants import DIMENSIONS, BLOC_ORDER
    >>> DIMENSIONS[0], BLOC_ORDER[-1]
    ('hostility', 'other')
"""
from __future__ import annotations

#: The lexicon dimensions every scorer reports, in the order columns appear.
DIMENSIONS: tuple[str, ...] = ("hostility", "hedging", "certainty", "loaded")

#: Source blocs in the order tables and figures list them. ``other`` covers
#: every outlet not established as Russian, Western or Ukrainian, including
#: unidentified ones.
BLOC_ORDER: tuple[str, ...] = ("russian", "western", "ukrainian", "other")

#: Statement kinds whose words are the speaker's own (``direct`` and
#: ``partial`` quotes); ``reported`` speech and ``narration`` are worded by
#: the narrator.
SPEAKER_AUTHORED_KINDS: frozenset[str] = frozenset({"direct", "partial"})
