"""Load vaderSentiment's own lexicon files from the installed package.

The files are never copied into this repository: vaderSentiment stays the
dependency and the reference.  Parsing mirrors
``SentimentIntensityAnalyzer.make_lex_dict`` / ``make_emoji_dict`` line for
line, because any difference (a stripped ``\\r``, a skipped blank line) would
change scores.

References:
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model
    for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import os
from importlib import resources

VADER_LEXICON_FILE = "vader_lexicon.txt"
VADER_EMOJI_FILE = "emoji_utf8_lexicon.txt"


def _read_vader_file(name_or_path: str | os.PathLike[str]) -> str:
    """Read a lexicon file as vaderSentiment does: utf-8, no newline translation.

    A bare file name is looked up inside the installed ``vaderSentiment``
    package (as vaderSentiment itself does); anything with a directory part is
    read as a path.
    """
    path = os.fspath(name_or_path)
    if os.path.dirname(path):
        with open(path, "rb") as f:
            return f.read().decode("utf-8")
    resource = resources.files("vaderSentiment").joinpath(path)
    try:
        return resource.read_bytes().decode("utf-8")
    except FileNotFoundError as err:
        raise FileNotFoundError(
            f"VADER lexicon file {path!r} not found in the installed vaderSentiment package"
        ) from err


def load_vader_lexicon(name_or_path: str | os.PathLike[str] = VADER_LEXICON_FILE) -> dict[str, float]:
    """Return VADER's word -> valence dictionary, parsed exactly as vaderSentiment does.

    Example:
        >>> load_vader_lexicon()["good"]
        1.9
    """
    text = _read_vader_file(name_or_path)
    lexicon: dict[str, float] = {}
    for lineno, line in enumerate(text.rstrip("\n").split("\n"), start=1):
        if not line:
            continue
        fields = line.strip().split("\t")
        if len(fields) < 2:
            raise ValueError(f"{name_or_path}: line {lineno} has no tab-separated valence: {line!r}")
        lexicon[fields[0]] = float(fields[1])
    return lexicon


def load_vader_emoji(name_or_path: str | os.PathLike[str] = VADER_EMOJI_FILE) -> dict[str, str]:
    """Return VADER's emoji -> textual description dictionary.

    Example:
        >>> load_vader_emoji()["\\U0001F601"]
        'beaming face with smiling eyes'
    """
    text = _read_vader_file(name_or_path)
    emojis: dict[str, str] = {}
    for lineno, line in enumerate(text.rstrip("\n").split("\n"), start=1):
        fields = line.strip().split("\t")
        if len(fields) < 2:
            raise ValueError(f"{name_or_path}: line {lineno} has no tab-separated description: {line!r}")
        emojis[fields[0]] = fields[1]
    return emojis
