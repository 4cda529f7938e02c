"""Transliteration folding of name words, shared by the registry and the speaker merger.

One person's name reaches English news in several romanisations (Zelensky /
Zelenskyy / Zelenskiy, Haidai / Gaidai, Podolyak / Podoliak).  :func:`fold`
maps each spelling of a name word to one key; it lives here, below both
:mod:`analysis.statements.speakers` and :mod:`analysis.statements.identity`,
so the registry can tell a spelling of a name from a title without a cycle.

Example:
    >>> fold("Zelenskyy") == fold("Zelensky"), fold("Erdoğan") == fold("Erdogan")
    (True, True)
"""

from __future__ import annotations

import unicodedata

#: letter folds applied to every name token, longest first
FOLDS: tuple[tuple[str, str], ...] = (
    ("iy", "i"), ("yy", "i"), ("yi", "i"), ("ij", "i"), ("y", "i"), ("ii", "i"), ("kh", "h"), ("g", "h"),
    ("ph", "f"), ("ie", "e"), ("ei", "i"), ("ks", "x"), ("w", "v"),
)


def ascii_fold(text: str) -> str:
    """``text`` without accents and other non-ASCII marks.

    Example:
        >>> ascii_fold("António Erdoğan")
        'Antonio Erdogan'
    """
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def fold(token: str) -> str:
    """Transliteration-folded form of one name token (lower case, no accents).

    Example:
        >>> [fold(t) for t in ("Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyi")]
        ['zelenski', 'zelenski', 'zelenski', 'zelenski']
        >>> fold("Gaidai") == fold("Haidai"), fold("Synegubov") == fold("Syniehubov")
        (True, True)
    """
    out = ascii_fold(token).lower().replace("’", "").replace("'", "").rstrip(".")
    for a, b in FOLDS:
        out = out.replace(a, b)
    return out
