"""Load the SemEval-2020 Task 11 Propaganda Techniques Corpus (PTC) and cut it into lines.

PTC has no stated licence, so it is never bundled: the directory is given at
run time (argument, or ``ANALYSIS_VALIDATION_DATA`` via
:func:`analysis.paths.validation_data_dir`).  Either the ``ptc2020`` folder
itself or a folder holding ``ptc2020/`` is accepted.

Layout read: ``train-articles/article<ID>.txt`` (title, empty line, then one
sentence per line) and ``train-task2-TC.labels`` (tab-separated: article id,
technique, start, end; character offsets into the article, end exclusive).

Lines are the unit of sentence-level evaluation.  A line is positive for a
technique group when it overlaps any span of a technique in the group; a span
crossing a line break counts for every line it overlaps.  The dev/test side of
a line is that of its article (see :mod:`analysis.validation.split`).

References:
    Da San Martino, G., Barrón-Cedeño, A., Wachsmuth, H., Petrov, R. and
    Nakov, P. (2020). SemEval-2020 Task 11: Detection of Propaganda
    Techniques in News Articles. Proceedings of SemEval-2020.
    Da San Martino, G., Yu, S., Barrón-Cedeño, A., Petrov, R. and Nakov, P.
    (2019). Fine-Grained Analysis of Propaganda in News Articles. EMNLP-IJCNLP.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.validation.data_folder import find_data_folder
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.split import split_of

ARTICLES_SUBDIR = "train-articles"
LABELS_FILE = "train-task2-TC.labels"

#: Technique groups evaluated by default: group name -> PTC technique names.
TECHNIQUE_GROUPS: dict[str, tuple[str, ...]] = {
    "loaded_or_name_calling": ("Loaded_Language", "Name_Calling,Labeling"),
    "fear": ("Appeal_to_fear-prejudice",),
}


@dataclass(frozen=True)
class PTC:
    """The corpus as two tables.

    ``articles``: article_id (str), text.  ``spans``: article_id, technique,
    start, end (article offsets, end exclusive), one row per label-file row.
    """

    articles: pd.DataFrame
    spans: pd.DataFrame
    source: Path


def resolve_ptc_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the PTC folder from ``data_dir`` or ``ANALYSIS_VALIDATION_DATA``.

    Raises :class:`ValidationDataError` naming what is missing.

    Example:
        >>> resolve_ptc_dir("/nonexistent")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: PTC-2020 not found: /nonexistent does not exist
    """
    return find_data_folder(
        data_dir, name="PTC-2020", subdir="ptc2020",
        holds=lambda c: (c / ARTICLES_SUBDIR).is_dir() or (c / LABELS_FILE).is_file(),
        holds_what=f"{ARTICLES_SUBDIR}/ or {LABELS_FILE}",
    )


def _read_articles(folder: Path) -> pd.DataFrame:
    if not folder.is_dir():
        raise ValidationDataError(f"PTC-2020 articles folder missing: {folder}")
    rows = []
    for path in sorted(folder.glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        try:
            # newline="" keeps the bytes the offsets were computed on.
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
        except UnicodeDecodeError as err:
            raise ValidationDataError(f"{path}: not UTF-8 ({err})") from err
        rows.append((article_id, text))
    if not rows:
        raise ValidationDataError(f"PTC-2020 articles folder has no article*.txt: {folder}")
    return pd.DataFrame(rows, columns=["article_id", "text"]).astype({"article_id": str})


def _read_spans(path: Path, lengths: Mapping[str, int]) -> pd.DataFrame:
    if not path.is_file():
        raise ValidationDataError(f"PTC-2020 labels file missing: {path}")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            fields = line.rstrip("\r\n").split("\t")
            where = f"{path}:{line_no}"
            if len(fields) != 4:
                raise ValidationDataError(f"{where}: expected 4 tab-separated fields, got {len(fields)}")
            article_id, technique, start_s, end_s = fields
            try:
                start, end = int(start_s), int(end_s)
            except ValueError as err:
                raise ValidationDataError(f"{where}: start/end not integers: {start_s!r}, {end_s!r}") from err
            if article_id not in lengths:
                raise ValidationDataError(f"{where}: article {article_id} has no article{article_id}.txt")
            if not 0 <= start < end <= lengths[article_id]:
                raise ValidationDataError(
                    f"{where}: span [{start}, {end}) outside article {article_id} "
                    f"(length {lengths[article_id]})"
                )
            rows.append((article_id, technique, start, end))
    return pd.DataFrame(rows, columns=["article_id", "technique", "start", "end"]).astype(
        {"article_id": str, "technique": str, "start": "int64", "end": "int64"}
    )


def load_ptc(data_dir: str | os.PathLike[str] | None = None) -> PTC:
    """Read PTC-2020 articles and technique spans from ``data_dir``.

    Every label row is kept; a row that names a missing article, is not
    4 fields, or has offsets outside its article raises
    :class:`ValidationDataError` naming the file and line.

    Example:
        >>> ptc = load_ptc("/path/to/validation")  # doctest: +SKIP
        >>> ptc.spans.technique.value_counts()["Loaded_Language"]  # doctest: +SKIP
        2123
    """
    folder = resolve_ptc_dir(data_dir)
    articles = _read_articles(folder / ARTICLES_SUBDIR)
    lengths = dict(zip(articles["article_id"], articles["text"].str.len(), strict=True))
    spans = _read_spans(folder / LABELS_FILE, lengths)
    return PTC(articles=articles, spans=spans, source=folder)


def _line_bounds(text: str) -> list[tuple[int, int, int]]:
    """(line_no, start, end) of every line with non-space content."""
    bounds, offset = [], 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            bounds.append((line_no, offset, offset + len(line)))
        offset += len(line) + 1
    return bounds


# Over 60 lines with its docstring and example; the code is under 40.
def ptc_sentences(
    ptc: PTC,
    techniques: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """One row per non-empty article line, labelled per technique group.

    Columns: article_id, line_no (0-based line in the article), start, end
    (article offsets; ``text == article[start:end]``), text, split
    (dev|test), and per group ``g``: ``label_g`` (bool: overlaps a span of a
    technique in ``g``) and ``spans_g`` (list of ``(start, end, technique)``
    clipped to the line, in line offsets, for span-level evaluation).
    ``df.attrs["unplaced_spans"]`` counts spans of the groups that lie on no
    non-empty line (0 on PTC v2: spans never start or end on a newline).

    Example:
        >>> arts = pd.DataFrame({"article_id": ["1"], "text": ["Title\\n\\nA bad one.\\nFine."]})
        >>> sp = pd.DataFrame({"article_id": ["1"], "technique": ["Loaded_Language"],
        ...                    "start": [9], "end": [12]})
        >>> df = ptc_sentences(PTC(arts, sp, Path(".")), {"ll": ["Loaded_Language"]})
        >>> df[["line_no", "text", "label_ll"]].values.tolist()
        [[0, 'Title', False], [2, 'A bad one.', True], [3, 'Fine.', False]]
        >>> df.spans_ll[1]
        [(2, 5, 'Loaded_Language')]
    """
    groups = {k: tuple(v) for k, v in (techniques or TECHNIQUE_GROUPS).items()}
    wanted = {t for ts in groups.values() for t in ts}
    spans_by_article: dict[str, list[tuple[int, int, str, int]]] = {}
    sp = ptc.spans
    span_cols = (sp["article_id"].tolist(), sp["start"].tolist(), sp["end"].tolist(), sp["technique"].tolist())
    for i, (article_id, start, end, technique) in enumerate(zip(*span_cols, strict=True)):
        if str(technique) in wanted:
            spans_by_article.setdefault(str(article_id), []).append((int(start), int(end), str(technique), i))
    records = []
    placed: set[int] = set()
    for article_id, text in zip(ptc.articles["article_id"], ptc.articles["text"], strict=True):
        article_id = str(article_id)
        article_spans = spans_by_article.get(article_id, [])
        split = split_of(article_id)
        for line_no, ls, le in _line_bounds(text):
            rec: dict[str, object] = {
                "article_id": article_id,
                "line_no": line_no,
                "start": ls,
                "end": le,
                "text": text[ls:le],
                "split": split,
            }
            for group, members in groups.items():
                clipped = []
                for s, e, tech, span_row in article_spans:
                    if tech in members and s < le and e > ls:
                        clipped.append((max(s, ls) - ls, min(e, le) - ls, tech))
                        placed.add(span_row)
                rec[f"label_{group}"] = bool(clipped)
                rec[f"spans_{group}"] = sorted(clipped)
            records.append(rec)
    columns = ["article_id", "line_no", "start", "end", "text", "split"] + [
        c for g in groups for c in (f"label_{g}", f"spans_{g}")
    ]
    df = pd.DataFrame.from_records(records, columns=columns)
    n_wanted = sum(len(v) for v in spans_by_article.values())
    df.attrs["unplaced_spans"] = n_wanted - len(placed)
    return df
