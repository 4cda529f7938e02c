"""Re-export of :mod:`analysis.language` (moved there so that the statements stage can use it too).

Example:
    >>> detect_language("Він заявив, що це неприйнятно.")
    'uk'
"""

from analysis.language import (
    EN_WORDS,
    LANGUAGES,
    OTHER_CYRILLIC,
    RU_LETTERS,
    RU_WORDS,
    UK_LETTERS,
    UK_WORDS,
    Language,
    LanguageSpan,
    detect_language,
    detect_language_status,
    language_column,
    language_spans,
)

__all__ = [
    "EN_WORDS", "LANGUAGES", "OTHER_CYRILLIC", "RU_LETTERS", "RU_WORDS", "UK_LETTERS", "UK_WORDS",
    "Language", "LanguageSpan", "detect_language", "detect_language_status", "language_column",
    "language_spans",
]
