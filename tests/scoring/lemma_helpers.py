"""Helpers shared by the ru/uk lexicon test files: the shipped matcher's terms, a matcher of given rows."""

from __future__ import annotations

from pathlib import Path

from analysis.scoring.lemma_match import LemmaMatcher, read_lemma_csv

HOSTILE = frozenset({"hostility", "loaded"})


def terms(lang: str, text: str, dims: frozenset[str] = HOSTILE) -> set[str]:
    """The terms the shipped ``lang`` matcher finds in ``text`` in the dimensions ``dims``."""
    return {m.term for m in LemmaMatcher.builtin(lang).find(text) if m.dimension in dims}


def matcher(tmp_path: Path, dimension: str, rows: str, lang: str = "ru") -> LemmaMatcher:
    """A matcher of one lexicon file holding ``rows`` (CSV lines below the lemma-lexicon header)."""
    path = tmp_path / f"{dimension}.csv"
    path.write_text("term,category,weight,side,note,match,context\n" + rows, encoding="utf-8")
    return LemmaMatcher(lang, read_lemma_csv(path, dimension, lang))
