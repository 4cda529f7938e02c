"""Names shared by every stage: the score dimensions and the source blocs.

One home for the vocabulary that the corpus, statements, scoring, comparison
and plotting stages all speak, so that adding a dimension or a bloc is one
edit. This module imports nothing from the package and may be imported by
any stage.

Example:
    >>> from analysis.constants import DIMENSIONS, BLOC_ORDER
    >>> DIMENSIONS[0], BLOC_ORDER[-1]
    ('hostility', 'other')
    >>> NAMING in DIMENSIONS, SCORED_DIMENSIONS[-1]
    (False, 'naming')
"""
from __future__ import annotations

#: The rhetoric dimensions: what aggregates, comparisons and figures of
#: "tone" cover by default.  ``naming`` is deliberately not among them (see
#: ``NAMING``), so code that loops over DIMENSIONS never mixes naming
#: conventions into hostility or loaded language.
DIMENSIONS: tuple[str, ...] = ("hostility", "hedging", "certainty", "loaded")

#: Side-marked naming ("Kiev"/"Kyiv", "special military operation"/"full-scale
#: invasion"): a lexicon dimension of its own that tells *which side's
#: vocabulary* a text uses, not how loaded it is.  Scored next to DIMENSIONS
#: (``naming_count``, ``naming_rate``, ``naming_<side>_count``) but never part
#: of ``loaded_*``, ``hostility_*`` or the loaded-language index.
NAMING: str = "naming"

#: Every lexicon dimension the scorer counts, in column order: DIMENSIONS, then naming.
SCORED_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, NAMING)

#: Dimensions whose weights make up the loaded-language index (not naming).
LOADED_LANGUAGE_DIMENSIONS: tuple[str, ...] = ("hostility", "loaded")

#: Sides a naming entry belongs to; ``naming_<side>_count`` per side.
NAMING_SIDES: tuple[str, ...] = ("russian", "ukrainian", "western", "neutral")

#: Source blocs in the order tables and figures list them. ``other`` covers
#: every outlet not established as Russian, Western or Ukrainian, including
#: unidentified ones.
BLOC_ORDER: tuple[str, ...] = ("russian", "western", "ukrainian", "other")

#: Statement kinds whose words are the speaker's own (``direct`` and
#: ``partial`` quotes); ``reported`` speech and ``narration`` are worded by
#: the narrator.
SPEAKER_AUTHORED_KINDS: frozenset[str] = frozenset({"direct", "partial"})
