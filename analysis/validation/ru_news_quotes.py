"""The Russian news quote gold (``corpus/validation/ru_news_quotes/``): units, split rule and loader.

The source is the SemEval-2023 Russian test articles (unlabelled,
``semeval2023_ru_unlabelled/test-original.txt``, no stated licence), read at
run time with :func:`analysis.validation.ru_gold.read_paragraphs`.  The
committed ``quotes.csv`` keeps only article ids, paragraph numbers, character
offsets, speaker names and fragments of at most ``FRAGMENT_WORDS`` words;
:func:`load_ru_news_quotes` re-reads each unit's text from the source and
checks its fragment, so a different source file is an error, not a silent
mislabelling.

Units (written down before labelling, see the README):

* every span between a pair of quotation marks found by :func:`quote_spans`
  (``«…»``, ``„…“``, ``“…”`` and straight ``"…"``, nested pairs included);
* plus spans added by hand (``mark = manual``): direct speech introduced or
  closed by a dash with no quotation marks, an opener whose closer is shared
  with a nested quote, and the paragraphs of a quotation running over several
  paragraphs.

Split: by article, ``int(sha1(article_id).hexdigest(), 16) % 2 == 0`` ->
``dev``, else ``test`` (:func:`split_of_article`).

Example:
    >>> quote_spans("Он сказал: «Да, „так“».")
    [(11, 22), (16, 21)]
    >>> split_of_article("3461") in {"dev", "test"}
    True
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.gold_csv import read_gold_csv
from analysis.validation.ru_gold import default_source_path, fragment, read_paragraphs

GOLD_DIR: Path = paths.CORPUS_VALIDATION_DIR / "ru_news_quotes"
FRAGMENT_WORDS = 6
UNATTRIBUTED = "UNATTRIBUTED"
KINDS = ("direct", "partial", "term", "title")
TAG_TYPES = ("name", "pronoun", "role", "continuation", "none")
SPLITS = ("dev", "test")
QUOTE_COLUMNS = (
    "article_id", "paragraph", "unit", "start", "end", "mark", "fragment", "kind",
    "speaker", "speaker_as_written", "tag_type", "speaker_named", "split", "notes",
)
_OPENERS = {"«": "»", "„": "“", "“": "”"}
_CLOSERS = frozenset("»“”")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paired quotation in ``text``, marks included, sorted by start.

    A straight ``"`` closes an open straight quote, else opens one; ``“``
    closes an open ``„`` (German-style nesting), else opens a ``“…”`` pair.
    A closer that matches no open mark, and an opener never closed, make no
    span (the labeller adds those by hand).

    Example:
        >>> quote_spans('«а» и "б"')
        [(0, 3), (6, 9)]
        >>> quote_spans("«не закрыта")
        []
    """
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        top = stack[-1][0] if stack else ""
        if ch == '"':
            if top == '"':
                out.append((stack.pop()[1], i + 1))
            else:
                stack.append((ch, i))
        elif ch in _OPENERS and not (ch == "“" and top == "„"):
            stack.append((ch, i))
        elif ch in _CLOSERS and _OPENERS.get(top) == ch:
            out.append((stack.pop()[1], i + 1))
    return sorted(out)


def split_of_article(article_id: str) -> str:
    """``"dev"`` when the SHA-1 of the article id is even, else ``"test"``.

    Example:
        >>> split_of_article("344"), split_of_article("3461")
        ('dev', 'dev')
    """
    digest = hashlib.sha1(str(article_id).encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "test"


def unit_fragment(span_text: str, words: int = FRAGMENT_WORDS) -> str:
    """The first ``words`` words inside the marks of one unit.

    Example:
        >>> unit_fragment("«Один два три четыре пять шесть семь»")
        'Один два три четыре пять шесть'
    """
    inner = span_text.strip().strip('«»„“”"').strip(" —–-,")
    return fragment(inner, words)


def _check_row(row: dict[str, str], where: str) -> None:
    """One labelled row's closed-set fields, else an error naming the row."""
    for col, allowed in (("kind", KINDS), ("tag_type", TAG_TYPES), ("split", SPLITS),
                         ("speaker_named", ("0", "1"))):
        if row[col] not in allowed:
            raise ValidationDataError(f"{where}: {col} {row[col]!r} not one of {', '.join(allowed)}")
    if row["kind"] in ("term", "title") and (row["speaker"] != UNATTRIBUTED or row["tag_type"] != "none"):
        raise ValidationDataError(f"{where}: a {row['kind']} row must have speaker UNATTRIBUTED and tag none")
    if not row["speaker"]:
        raise ValidationDataError(f"{where}: empty speaker (write {UNATTRIBUTED})")
    if len(row["fragment"].split()) > FRAGMENT_WORDS or len(row["speaker_as_written"].split()) > FRAGMENT_WORDS:
        raise ValidationDataError(f"{where}: fragment or speaker_as_written over {FRAGMENT_WORDS} words")
    if row["split"] != split_of_article(row["article_id"]):
        raise ValidationDataError(f"{where}: split {row['split']!r} is not the sha1 rule's")


def _unit_text(row: dict[str, str], texts: dict[tuple[str, str], str], where: str) -> str:
    """The unit's span re-read from the source, checked against its fragment."""
    key = (row["article_id"], row["paragraph"])
    if key not in texts:
        raise ValidationDataError(f"{where}: paragraph {key} not in the source file")
    text = texts[key]
    try:
        start, end = int(row["start"]), int(row["end"])
    except ValueError as err:
        raise ValidationDataError(f"{where}: start/end not integers") from err
    if not 0 <= start < end <= len(text):
        raise ValidationDataError(f"{where}: offsets {start}-{end} outside the paragraph ({len(text)} chars)")
    span = text[start:end]
    if unit_fragment(span) != row["fragment"]:
        raise ValidationDataError(f"{where}: fragment does not match the source text at {start}-{end}")
    return span


def load_ru_news_quotes(
    data_dir: str | os.PathLike[str] | None = None,
    gold: str | os.PathLike[str] | None = None,
    split: str | None = None,
) -> pd.DataFrame:
    """The gold units with their ``text`` (the quoted span) and ``paragraph_text`` re-read from the source.

    ``split`` keeps one half (``"dev"`` or ``"test"``).  Raises
    :class:`ValidationDataError` naming the row for a bad label, offsets
    outside a paragraph, a fragment that no longer matches, or a missing
    source.
    """
    if split is not None and split not in SPLITS:
        raise ValidationDataError(f"ru_news_quotes: unknown split {split!r}; expected dev or test")
    path = Path(gold) if gold is not None else GOLD_DIR / "quotes.csv"
    frame = read_gold_csv(path)
    missing = [c for c in QUOTE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValidationDataError(f"{path}: missing columns {', '.join(missing)}")
    texts = read_paragraphs(default_source_path(data_dir))
    rows: list[dict[str, str]] = []
    for i, record in enumerate(frame.to_dict("records"), start=2):
        row = {str(k): str(v) for k, v in record.items()}
        where = f"{path}: line {i}"
        _check_row(row, where)
        rows.append({**row, "text": _unit_text(row, texts, where),
                     "paragraph_text": texts[(row["article_id"], row["paragraph"])]})
    out = pd.DataFrame(rows, columns=[*QUOTE_COLUMNS, "text", "paragraph_text"])
    return out if split is None else out[out["split"] == split].reset_index(drop=True)
