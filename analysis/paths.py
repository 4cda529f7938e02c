"""Every filesystem location the package uses, in one place.

The package is usually run from a checkout of the repository (editable
install, notebooks, ``make``).  A non-editable install carries a copy of the
small seed corpus under ``analysis/_bundled`` so that ``load_corpus()`` and the
default speakers registry work anywhere.

Environment variables:

``ANALYSIS_REPO_ROOT``
    Override the repository root (where ``corpus/``, ``figures/`` and
    ``notebooks/`` live).
``ANALYSIS_VALIDATION_DATA``
    Directory holding the human-labelled validation sets
    (``ptc2020/``, ``vader_nyt/``).  PTC-2020 has no stated licence, so it is
    never bundled; nothing here guesses where it is.
``ANALYSIS_NYT_RU_UA``
    The NYT 2022 war articles (``NYT_Russia_Ukraine.csv``, a file or its
    folder; copyrighted, never committed) that the attribution gold labels.
    Without it, ``<ANALYSIS_VALIDATION_DATA>/../external/nyt_russia_ukraine/``
    (the layout of ``../shared``) is tried.

Example:
    >>> from analysis import paths
    >>> paths.ARTICLES_CSV.name
    'articles.csv'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent


def _find_repo_root() -> Path | None:
    env = os.environ.get("ANALYSIS_REPO_ROOT")
    if env:
        return Path(env).resolve()
    candidate = PACKAGE_DIR.parent
    if (candidate / "corpus" / "articles.csv").exists() or (candidate / "pyproject.toml").exists():
        return candidate
    return None


REPO_ROOT: Path | None = _find_repo_root()

_BUNDLED_CORPUS = PACKAGE_DIR / "_bundled" / "corpus"

#: The corpus folder: the repository's ``corpus/`` or the bundled copy.
CORPUS_DIR: Path = (
    REPO_ROOT / "corpus"
    if REPO_ROOT is not None and (REPO_ROOT / "corpus").is_dir()
    else _BUNDLED_CORPUS
)

RAW_DIR: Path = CORPUS_DIR / "raw"
RAW_SEEDS_DIR: Path = RAW_DIR / "seeds"
ARTICLES_CSV: Path = CORPUS_DIR / "articles.csv"
SPEAKERS_CSV: Path = CORPUS_DIR / "speakers.csv"
QUOTED_SOURCES_CSV: Path = CORPUS_DIR / "quoted_sources.csv"

EXTERNAL_DIR: Path = CORPUS_DIR / "external"
PRESS_RELEASES_DIR: Path = EXTERNAL_DIR / "press_releases"
RUWA_DIR: Path = EXTERNAL_DIR / "ruwa"
RESISTINUA_DIR: Path = EXTERNAL_DIR / "resistinua"

#: Labels this project made (hedging set) and vendored MIT data (VADER NYT).
CORPUS_VALIDATION_DIR: Path = CORPUS_DIR / "validation"

#: Lexicons ship inside the package.
LEXICON_DIR: Path = PACKAGE_DIR / "scoring" / "lexicons"

_ROOT = REPO_ROOT if REPO_ROOT is not None else Path.cwd()
FIGURES_DIR: Path = _ROOT / "figures"
NOTEBOOKS_DIR: Path = _ROOT / "notebooks"


def validation_data_dir(path: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the directory of external labelled data, or None if not given.

    ``path`` wins over ``ANALYSIS_VALIDATION_DATA``.  Nothing is guessed.

    Example:
        >>> validation_data_dir("/tmp").name
        'tmp'
    """
    chosen = path if path is not None else os.environ.get("ANALYSIS_VALIDATION_DATA")
    if not chosen:
        return None
    return Path(chosen).expanduser().resolve()


NYT_RU_UA_FILE = "NYT_Russia_Ukraine.csv"


def nyt_russia_ukraine_csv(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The NYT war-articles CSV the attribution gold labels, or None if not found.

    ``path`` (file or folder) wins over ``ANALYSIS_NYT_RU_UA``; then the
    ``external/nyt_russia_ukraine/`` sibling of ``ANALYSIS_VALIDATION_DATA``.

    Example:
        >>> nyt_russia_ukraine_csv("/nonexistent") is None
        True
    """
    chosen = path if path is not None else os.environ.get("ANALYSIS_NYT_RU_UA")
    if chosen:
        base = Path(chosen).expanduser().resolve()
        candidates = [base, base / NYT_RU_UA_FILE]
    else:
        validation = validation_data_dir()
        if validation is None:
            return None
        candidates = [validation.parent / "external" / "nyt_russia_ukraine" / NYT_RU_UA_FILE]
    return next((c for c in candidates if c.is_file()), None)
