"""Corpus stage: read, check and clean articles; load external corpora.

Modules (one concern each):

``boilerplate_rules``  recognisers of news-page furniture (ads, captions, credits, ...)
``clean``              lossless body/boilerplate separation, offset maps, ``rebuild_raw``
``metadata``           checked readers of ``articles.csv`` and ``quoted_sources.csv``
``voices``             which outlet's words each stretch of a cleaned text is;
                       ``outlet_label`` for outlets nobody identified
``load``               ``read_corpus() -> Corpus`` (no statements yet)
``errors``             ``CorpusError``, the stage's one error type
``external``           press releases of both presidencies, the RUWA dataset

This stage only reads and cleans.  ``load_corpus`` (read, then extract the
statements) is :func:`analysis.pipeline.load_corpus`; it stays importable from
here, resolved on first use so that this stage never imports a later one.

Example:
    >>> from analysis.corpus import clean_text
    >>> clean_text("Advertisement\\nTalks ended.").text
    'Talks ended.'
"""

from __future__ import annotations

from analysis.corpus.clean import Boilerplate, CleanedText, clean_text, rebuild_raw
from analysis.corpus.errors import CorpusError
from analysis.corpus.load import Corpus, read_corpus

__all__ = [
    "Boilerplate", "CleanedText", "Corpus", "CorpusError", "clean_text",
    "read_corpus", "rebuild_raw",
]


def __getattr__(name: str) -> object:
    # compatibility: ``analysis.corpus.load_corpus`` is documented in corpus/README.md
    if name == "load_corpus":
        from analysis.corpus import load

        return load.__getattr__(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
