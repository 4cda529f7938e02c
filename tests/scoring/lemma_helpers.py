"""Helpers shared by the ru/uk lexicon test files: the shipped matcher's terms, a matcher of given rows."""

from __future__ import annotations

from pathlib import Path

from analysis.constants import DIMENSIONS
from analysis.scoring.lemma_match import LemmaMatcher, read_lemma_csv

HOSTILE = frozenset({"hostility", "loaded"})
ALL_DIMENSIONS = frozenset(DIMENSIONS)


def terms(lang: str, text: str, dims: frozenset[str] = HOSTILE) -> set[str]:
    """The terms the shipped ``lang`` matcher finds in ``text`` in the dimensions ``dims``."""
    return {m.term for m in LemmaMatcher.builtin(lang).find(text) if m.dimension in dims}


def tagged_terms(lang: str, text: str, tag: str, dims: frozenset[str] = ALL_DIMENSIONS, *,
                 opens_note: bool = False) -> set[str]:
    """The terms found in ``text`` (dimensions ``dims``) whose entry's note carries the version ``tag``.

    ``tag`` is written as in the notes, "(0.13.0)"; ``opens_note`` keeps only
    the entries whose note starts with it (added in that version), not older
    entries whose note names a guard of that version.
    """
    return {m.term for m in LemmaMatcher.builtin(lang).find(text)
            if m.dimension in dims and (m.note.startswith(tag) if opens_note else tag in m.note)}


def found_pairs(lang: str, text: str) -> set[tuple[str, str]]:
    """(dimension, term) of every match of the shipped ``lang`` matcher in ``text``."""
    return {(m.dimension, m.term) for m in LemmaMatcher.builtin(lang).find(text)}


def matcher(tmp_path: Path, dimension: str, rows: str, lang: str = "ru") -> LemmaMatcher:
    """A matcher of one lexicon file holding ``rows`` (CSV lines below the lemma-lexicon header)."""
    path = tmp_path / f"{dimension}.csv"
    path.write_text("term,category,weight,side,note,match,context\n" + rows, encoding="utf-8")
    return LemmaMatcher(lang, read_lemma_csv(path, dimension, lang))
