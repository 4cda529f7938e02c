"""Corpus stage: read, check and clean articles; load external corpora.

Modules (one concern each):

``rules``        recognisers of news-page furniture (ads, captions, credits, ...)
``clean``        lossless body/boilerplate separation, offset maps, ``rebuild_raw``
``tables``       checked readers of ``articles.csv`` and ``quoted_sources.csv``
``attribution``  which outlet's words each stretch of a cleaned text is
``load``         ``load_corpus() -> Corpus``, ``CorpusError``
``external``     press releases of both presidencies, the RUWA dataset

Example:
    >>> from analysis.corpus import clean_text
    >>> clean_text("Advertisement\\nTalks ended.").text
    'Talks ended.'
"""

from __future__ import annotations

from analysis.corpus.clean import Boilerplate, CleanedText, clean_text, rebuild_raw
from analysis.corpus.errors import CorpusError
from analysis.corpus.load import Corpus, load_corpus

__all__ = [
    "Boilerplate", "CleanedText", "Corpus", "CorpusError", "clean_text", "load_corpus",
    "rebuild_raw",
]
