"""Expand a lexicon term into the surface variants the matcher should find.

Done once when a lexicon is compiled, so matching needs no stemmer:

* inflections of the last word (``match == "inflect"``): plural / third
  person ``-s``/``-es``/``-ies``, past ``-ed``/``-d``/``-ied``, ``-ing``
  (with e-dropping and consonant doubling), and British/American
  ``-ise``/``-ize``, ``-isation``/``-ization``, ``-yse``/``-yze``;
* hyphen variants: every hyphen may also be written as a space or nothing
  ("neo-Nazi", "neo Nazi", "neoNazi").

Over-generation is harmless (non-words never occur in text); the rules are
deliberately simple and irregular forms are listed in the lexicons.

Example:
    >>> sorted(inflections("terrorize"))[:4]
    ['terrorise', 'terrorised', 'terrorises', 'terrorising']
"""

from __future__ import annotations

from itertools import product

_VOWELS = frozenset("aeiou")


def _spelling(word: str) -> set[str]:
    out = {word}
    for a, b in (("ize", "ise"), ("izi", "isi"), ("iza", "isa"), ("yze", "yse"), ("yzi", "ysi")):
        for w in list(out):
            if a in w:
                out.add(w.replace(a, b))
            if b in w:
                out.add(w.replace(b, a))
    return out


def inflections(word: str) -> set[str]:
    """Regular inflected forms of ``word`` (including itself).

    Example:
        >>> sorted(inflections("regime"))
        ['regime', 'regimed', 'regimes', 'regiming']
        >>> "terrorises" in inflections("terrorize")
        True
    """
    forms = {word}
    if not word.isalpha() or len(word) < 3:
        return _spelling(word)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms.update((word + "d", word[:-1] + "ing"))
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms.update((word[:-1] + "ied", word + "ing"))
    else:
        forms.update((word + "ed", word + "ing"))
        if word[-1] not in _VOWELS and word[-1] not in "wxy" and word[-2] in _VOWELS:
            forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))
    out: set[str] = set()
    for f in forms:
        out |= _spelling(f)
    return out


def _hyphen_variants(term: str) -> set[str]:
    pieces = term.split("-")
    if len(pieces) == 1 or len(pieces) > 4:
        return {term}
    out = set()
    for joins in product(("-", " ", ""), repeat=len(pieces) - 1):
        s = pieces[0]
        for j, p in zip(joins, pieces[1:]):
            s += j + p
        out.add(s)
    return out


def expand(term: str, inflect: bool) -> set[str]:
    """All surface keys for a normalised ``term``.

    Example:
        >>> sorted(expand("neo-nazi regime", inflect=True))[:3]
        ['neo nazi regime', 'neo nazi regimed', 'neo nazi regimes']
    """
    words = term.split(" ")
    lasts = inflections(words[-1]) if inflect else _spelling(words[-1])
    out: set[str] = set()
    for last in lasts:
        for v in _hyphen_variants(" ".join(words[:-1] + [last])):
            out.add(v)
    return out
