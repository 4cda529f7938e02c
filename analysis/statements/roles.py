"""Role nouns and their broader terms, so "the diplomat" can refer back to an ambassador.

``data/roles.csv`` lists a role noun (``term``), its broader terms
(``broader``, pipe-separated: an ambassador is a diplomat, an envoy and an
official) and a short rationale.  :func:`broader_terms` closes the relation
transitively, so a role noun in the text links to a person whose title holds
the term itself or any narrower one.

Example:
    >>> sorted(broader_terms("ambassador"))
    ['diplomat', 'envoy', 'official']
    >>> "official" in broader_terms("senator"), broader_terms("cat")
    (True, frozenset())
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from analysis import paths

ROLES_CSV: Path = paths.PACKAGE_DIR / "statements" / "data" / "roles.csv"
_COLUMNS = ("term", "broader", "rationale")


class RoleVocabularyError(ValueError):
    """A role vocabulary that cannot be used; the message names file, line and field."""


def load_roles(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """term -> its direct broader terms, validated (lower-case single words, no self-loops).

    Example:
        >>> load_roles()["envoy"] == frozenset({"diplomat", "official"})
        True
    """
    source = Path(path) if path is not None else ROLES_CSV
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            raise RoleVocabularyError(f"{source}: columns must be {', '.join(_COLUMNS)}, got {reader.fieldnames}")
        out: dict[str, frozenset[str]] = {}
        for line, row in enumerate(reader, start=2):
            term = (row["term"] or "").strip()
            broader = frozenset(b.strip() for b in (row["broader"] or "").split("|") if b.strip())
            for field, words in (("term", [term]), ("broader", sorted(broader))):
                bad = [w for w in words if not w or not w.isalpha() or not w.islower()]
                if bad:
                    raise RoleVocabularyError(f"{source} line {line} field '{field}': {bad!r} is not a lower-case word")
            if term in broader or term in out:
                raise RoleVocabularyError(f"{source} line {line} field 'term': {term!r} repeated or its own broader term")
            out[term] = broader
    return out


@lru_cache(maxsize=1)
def _closure() -> dict[str, frozenset[str]]:
    direct = load_roles()
    closed: dict[str, frozenset[str]] = {}
    for term in direct:
        seen: set[str] = set()
        todo = list(direct[term])
        while todo:
            word = todo.pop()
            if word not in seen and word != term:
                seen.add(word)
                todo += direct.get(word, ())
        closed[term] = frozenset(seen)
    return closed


def broader_terms(term: str) -> frozenset[str]:
    """Every broader term of a role noun (transitively), empty for an unknown word."""
    return _closure().get(term.lower(), frozenset())


def with_broader(words: Iterable[str]) -> frozenset[str]:
    """``words`` plus the broader terms of each (and of a two-word role they hold, :data:`COMPOUND_ROLES`).

    Example:
        >>> sorted(with_broader(["russian", "envoy"]))
        ['diplomat', 'envoy', 'official', 'russian']
        >>> "diplomat" in with_broader(["foreign", "minister"]), "diplomat" in with_broader(["finance", "minister"])
        (True, False)
    """
    out = set(words)
    for parts, term in COMPOUND_ROLES.items():
        if parts <= out:
            out.add(term)
    for w in list(out):
        out |= broader_terms(w)
    return frozenset(out)


#: two-word roles that are a narrower term of a role noun: a foreign minister (or foreign secretary)
#: is a country's top diplomat ("Foreign Minister X ... the Russian diplomat said")
COMPOUND_ROLES: dict[frozenset[str], str] = {
    frozenset({"foreign", "minister"}): "diplomat",
    frozenset({"foreign", "secretary"}): "diplomat",
}


PLACES_CSV: Path = paths.PACKAGE_DIR / "statements" / "data" / "places.csv"


@lru_cache(maxsize=1)
def _place_pairs() -> dict[str, frozenset[str]]:
    """Lower-case country word <-> adjective ("poland" <-> "polish"), read from ``data/places.csv``."""
    out: dict[str, set[str]] = {}
    with PLACES_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != ("country", "adjective"):
            raise RoleVocabularyError(f"{PLACES_CSV}: columns must be country, adjective, got {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            country, adjective = (row["country"] or "").strip().lower(), (row["adjective"] or "").strip().lower()
            if not country.isalpha() or not adjective.isalpha():
                raise RoleVocabularyError(f"{PLACES_CSV} line {line}: country and adjective must be single words")
            out.setdefault(country, set()).add(adjective)
            out.setdefault(adjective, set()).add(country)
    return {w: frozenset(v) for w, v in out.items()}


def with_places(words: Iterable[str]) -> frozenset[str]:
    """``words`` plus the country of each adjective and the adjective of each country, so that "the
    President of Poland" matches a "Polish President".

    Example:
        >>> sorted(with_places(["poland", "president"]))
        ['poland', 'polish', 'president']
    """
    pairs = _place_pairs()
    out = set(words)
    for w in list(out):
        out |= pairs.get(w, frozenset())
    return frozenset(out)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every lower-case country word and adjective of ``data/places.csv``.

    Example:
        >>> "poland" in place_words(), "polish" in place_words(), "gazprom" in place_words()
        (True, True, False)
    """
    return frozenset(_place_pairs())
