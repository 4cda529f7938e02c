"""Load SemEval-2023 Task 3 (subtask 3) paragraphs, machine-translated into English.

The data has no stated licence, so it is never bundled: it is read at run
time from ``semeval2023_translated/`` under the validation folder (argument,
or ``ANALYSIS_VALIDATION_DATA``), or from that folder itself.

Layout read, per language folder (``fr``, ``ge``, ``it``, ``po``) and
official split (``train``, ``dev``), tab-separated, one record per line:

* ``<split>-labels.txt``: article id, paragraph number, comma-separated
  techniques (empty when none);
* ``<split>-translated.txt``: article id, paragraph number, English text.
  A text that itself holds a double quote was written CSV-style: the whole
  field in double quotes, inner quotes doubled.  Such a field is unquoted;
  any other field is taken as it is.

One row per *labelled* paragraph.  A labelled paragraph without a
translation line is never dropped silently: it is listed in
``attrs["missing_translation"]`` (and counted per language and split in
``attrs["missing_counts"]``), and left out of the table because there is no
text to score.  A translation without a label line, a duplicated key or a
malformed line raises :class:`ValidationDataError` naming the file and line.

Splits (by article, as the organisers made them): the official ``train``
part is ``dev`` here (tuning), the official ``dev`` part is ``test``
(scored once, after tuning stops); the official test labels are not public.

War subset.  An article is *on the war* when its paragraphs, taken together,
hold at least :data:`WAR_MIN_HITS` matches of :data:`WAR_PATTERN`
(Ukraine-specific names: Ukraine and its derivatives, Kyiv/Kiev, Zelensky,
Donbas, Donetsk, Luhansk, Mariupol, Kharkiv, Kherson, Crimea, Bucha,
Azovstal, Odesa).  "Russia" and "Putin" alone do not count: they are
frequent in gas-price and election coverage.  The rule reads only the text,
was fixed before any score was computed on the subset, and is reported with
the share of articles it selects.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.validation.data_folder import find_data_folder
from analysis.validation.exceptions import ValidationDataError

SUBDIR = "semeval2023_translated"
LANGUAGES: tuple[str, ...] = ("fr", "ge", "it", "po")
#: official split -> the role it plays here
SPLIT_ROLES: dict[str, str] = {"train": "dev", "dev": "test"}
#: Techniques of the binary target (the issue's "loaded language or name calling").
TARGET_TECHNIQUES: tuple[str, ...] = ("Loaded_Language", "Name_Calling-Labeling")

WAR_PATTERN = re.compile(
    r"\b(?:ukrain\w*|kyiv|kiev\w*|zelensk\w*|donbass?|donetsk|luhansk|lugansk|mariupol|"
    r"kharkiv|kharkov|kherson|crimea\w*|bucha|azovstal|odes?sa)\b",
    re.IGNORECASE,
)
WAR_MIN_HITS: int = 2

COLUMNS: tuple[str, ...] = (
    "language", "official_split", "split", "article_id", "paragraph", "text",
    "techniques", "label", "war", "n_words",
)


@dataclass(frozen=True)
class _Record:
    line_no: int
    article_id: str
    paragraph: int
    value: str


def resolve_semeval_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The ``semeval2023_translated`` folder from ``data_dir`` or ``ANALYSIS_VALIDATION_DATA``.

    Example:
        >>> resolve_semeval_dir("/nonexistent")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: SemEval-2023 translated not found: /nonexistent does not exist
    """
    return find_data_folder(
        data_dir, name="SemEval-2023 translated", subdir=SUBDIR,
        holds=lambda c: any((c / lang).is_dir() for lang in LANGUAGES),
        holds_what=f"a language folder ({', '.join(LANGUAGES)})",
    )


def unquote_field(value: str) -> str:
    """Undo the CSV-style quoting of a text field (see the module docstring).

    Example:
        >>> unquote_field('"He said ""no"". "')
        'He said "no". '
        >>> unquote_field('A "quoted" word')
        'A "quoted" word'
    """
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return value


def _read_records(path: Path, *, text: bool) -> list[_Record]:
    if not path.is_file():
        raise ValidationDataError(f"SemEval-2023 file missing: {path}")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise ValidationDataError(f"{path}: not UTF-8 ({err})") from err
    records: list[_Record] = []
    seen: dict[tuple[str, int], int] = {}
    for line_no, line in enumerate(raw.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t", 2)
        where = f"{path}:{line_no}"
        if len(fields) != 3:
            raise ValidationDataError(f"{where}: expected 3 tab-separated fields, got {len(fields)}")
        article_id, para_s, value = fields
        if not article_id.strip() or not para_s.strip().isdigit():
            raise ValidationDataError(
                f"{where}: article id {article_id!r} / paragraph {para_s!r} not a key"
            )
        key = (article_id.strip(), int(para_s))
        if key in seen:
            raise ValidationDataError(
                f"{where}: article {key[0]} paragraph {key[1]} repeats line {seen[key]}"
            )
        seen[key] = line_no
        records.append(_Record(line_no, key[0], key[1], unquote_field(value) if text else value))
    return records


def _techniques(value: str, where: str) -> tuple[str, ...]:
    names = tuple(t.strip() for t in value.split(",") if t.strip())
    bad = [t for t in names if not re.fullmatch(r"[A-Za-z_\-]+", t)]
    if bad:
        raise ValidationDataError(f"{where}: technique name(s) not understood: {bad}")
    return names


def _read_part(folder: Path, language: str, official: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Rows of one language and official split, and its labelled-but-untranslated keys."""
    labels_path = folder / language / f"{official}-labels.txt"
    text_path = folder / language / f"{official}-translated.txt"
    labels = _read_records(labels_path, text=False)
    texts = {(r.article_id, r.paragraph): r for r in _read_records(text_path, text=True)}
    label_keys = {(r.article_id, r.paragraph) for r in labels}
    orphans = [r for k, r in texts.items() if k not in label_keys]
    if orphans:
        r = orphans[0]
        raise ValidationDataError(
            f"{text_path}:{r.line_no}: article {r.article_id} paragraph {r.paragraph} has no "
            f"label line in {labels_path.name} ({len(orphans)} such line(s))"
        )
    rows, missing = [], []
    role = SPLIT_ROLES[official]
    for r in labels:
        techs = _techniques(r.value, f"{labels_path}:{r.line_no}")
        base = {"language": language, "official_split": official, "split": role,
                "article_id": r.article_id, "paragraph": r.paragraph}
        tr = texts.get((r.article_id, r.paragraph))
        if tr is None:
            missing.append({**base, "techniques": techs, "labels_line": r.line_no})
            continue
        rows.append({**base, "text": tr.value, "techniques": techs,
                     "label": any(t in TARGET_TECHNIQUES for t in techs)})
    return rows, missing


def war_articles(paragraphs: pd.DataFrame) -> pd.Series:
    """Per ``(language, article_id)``: True when the article is on the war (rule above).

    Example:
        >>> df = pd.DataFrame({"language": ["fr"] * 3, "article_id": ["1", "1", "2"],
        ...     "text": ["Kyiv was shelled.", "Ukrainian troops.", "Ukraine in brief."]})
        >>> war_articles(df).to_dict()
        {('fr', '1'): True, ('fr', '2'): False}
    """
    hits = paragraphs["text"].astype(str).map(lambda t: len(WAR_PATTERN.findall(t)))
    total = hits.groupby([paragraphs["language"], paragraphs["article_id"]]).sum()
    return (total >= WAR_MIN_HITS).rename("war")


def load_semeval(
    data_dir: str | os.PathLike[str] | None = None,
    languages: tuple[str, ...] = LANGUAGES,
) -> pd.DataFrame:
    """Labelled, translated SemEval-2023 paragraphs, one row per paragraph.

    Columns: language, official_split (train|dev), split (dev|test, see
    above), article_id, paragraph, text, techniques (tuple of names), label
    (Loaded_Language or Name_Calling-Labeling), war (the article-level rule
    above), n_words.  ``attrs``: ``missing_translation`` (a DataFrame of the
    labelled paragraphs with no translation line, with their techniques),
    ``missing_counts`` ({"<language>/<official split>": n}), ``source``.

    Example:
        >>> df = load_semeval("/path/to/validation")  # doctest: +SKIP
        >>> df.groupby("split").label.mean().round(2).to_dict()  # doctest: +SKIP
        {'dev': 0.42, 'test': 0.38}
    """
    folder = resolve_semeval_dir(data_dir)
    rows: list[dict[str, object]] = []
    missing: list[dict[str, object]] = []
    counts: dict[str, int] = {}
    present = [lang for lang in languages if (folder / lang).is_dir()]
    if not present:
        raise ValidationDataError(f"{folder}: none of the language folders {list(languages)}")
    for language in present:
        for official in SPLIT_ROLES:
            part_rows, part_missing = _read_part(folder, language, official)
            rows += part_rows
            missing += part_missing
            counts[f"{language}/{official}"] = len(part_missing)
    df = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("war", "n_words")])
    df = df.astype({"article_id": str, "paragraph": "int64", "label": bool})
    war = war_articles(df)
    keys = pd.MultiIndex.from_arrays([df["language"], df["article_id"]])
    df["war"] = war.reindex(keys).to_numpy(dtype=bool)
    df["n_words"] = [len(t.split()) for t in df["text"]]
    df["n_words"] = df["n_words"].astype("int64")
    df.attrs["missing_translation"] = pd.DataFrame(
        missing, columns=["language", "official_split", "split", "article_id", "paragraph",
                          "techniques", "labels_line"])
    df.attrs["missing_counts"] = counts
    df.attrs["source"] = str(folder)
    return df[list(COLUMNS)]


def semeval_summary(df: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, articles, positives and untranslated paragraphs per split and subset.

    Example:
        >>> df = pd.DataFrame({"split": ["dev", "dev", "test"], "language": ["fr"] * 3,
        ...     "article_id": ["1", "1", "2"], "label": [True, False, True],
        ...     "war": [True, True, False]})
        >>> semeval_summary(df)[["subset", "split", "paragraphs", "articles", "positive"]].values.tolist()
        [['all', 'dev', 2, 1, 1], ['all', 'test', 1, 1, 1], ['war', 'dev', 2, 1, 1], ['war', 'test', 0, 0, 0]]
    """
    missing = df.attrs.get("missing_translation")
    rows = []
    for subset, part in (("all", df), ("war", df[df["war"]])):
        for split in ("dev", "test"):
            p = part[part["split"] == split]
            n_missing = 0
            if isinstance(missing, pd.DataFrame) and not missing.empty and subset == "all":
                n_missing = int((missing["split"] == split).sum())
            rows.append({
                "subset": subset, "split": split, "paragraphs": len(p),
                "articles": int(p.groupby(["language", "article_id"]).ngroups) if len(p) else 0,
                "positive": int(p["label"].sum()),
                "positive_rate": float(p["label"].mean()) if len(p) else float("nan"),
                "untranslated": n_missing,
            })
    return pd.DataFrame(rows)
