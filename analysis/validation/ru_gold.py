"""The Russian gold set: sentences of Russian war coverage labelled for loaded/hostile language, hedges and boosters.

The source text (SemEval-2023 Task 3, Russian test articles, unlabelled,
``semeval2023_ru_unlabelled/test-original.txt``) has no stated licence, so the
repository keeps only ids, offsets, a hash and a fragment of at most
``FRAGMENT_WORDS`` words per sentence (``corpus/validation/ru_gold/labels.csv``).
:func:`load_ru_gold` re-reads the paragraphs at run time, re-derives each
sentence from its offsets and checks its hash, so a changed or different source
file is an error rather than a silent mislabelling.

Sampling (:func:`sample_ru_gold`), written down so it can be re-run:

1. read every ``article_id<TAB>paragraph<TAB>text`` line;
2. split each paragraph into sentences with razdel (``razdel.sentenize``);
3. keep sentences of at least ``MIN_WORDS`` whitespace-separated words;
4. per article (sorted by id), draw ``PER_ARTICLE`` of its kept sentences
   without replacement with ``random.Random(f"{seed}:{article_id}")`` (all of
   them when it has fewer), so no article dominates;
5. split dev/test by article with :func:`analysis.validation.split.split_of`.

Set 2 (:func:`sample_ru_gold2`, ``corpus/validation/ru_gold2/``) is a second,
held-out draw labelled blind to the lexicons: the same steps 1-3, minus every
sentence of set 1, then ``PER_ARTICLE2`` per article with
``random.Random(f"{seed}:{article_id}")`` and ``seed=SEED2``; all of it is
``test`` (no dev split).

Set 3 (:func:`sample_ru_gold3`, ``corpus/validation/ru_gold3/``) is a third
draw, also labelled blind to the lexicons, from what sets 1 and 2 left:
steps 1-3 minus every sentence of sets 1 and 2, then ``PER_ARTICLE3`` per
article with ``seed=SEED3``; all of it is ``dev`` (read for error analysis).
Set 4 (:func:`sample_ru_gold4`, ``corpus/validation/ru_gold4/``) is the rest:
every sentence of steps 1-3 that is in none of sets 1-3, no per-article cap,
in the order of ``random.Random(SEED4).shuffle`` over the text-ordered list;
labelled blind, all of it ``test`` (the held-out set from round 5 on).
Pick a set with ``gold_set="1"``, ``"2"``, ``"3"`` or ``"4"``.

Example:
    >>> sentence_hash("Пример.")
    '89968e5312485e66'
    >>> fragment("один два три", 2)
    'один два'
"""

from __future__ import annotations

import hashlib
import io
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.gold_csv import decode_utf8, read_gold_csv
from analysis.validation.hedging import as_flag
from analysis.validation.split import split_of

SOURCE_FOLDER = "semeval2023_ru_unlabelled"
SOURCE_FILE = "test-original.txt"
SEED: int = 20261201
PER_ARTICLE: int = 5
SEED2: int = 20261213
PER_ARTICLE2: int = 7
SEED3: int = 20261401
PER_ARTICLE3: int = 14
SEED4: int = 20261505
GOLD_SETS: dict[str, str] = {"1": "ru_gold", "2": "ru_gold2", "3": "ru_gold3", "4": "ru_gold4"}
# the one split every row of a single-split set must carry in its labels file (set 2's
# rows say test as frozen, though the evaluation treats set 2 as dev from round 5 on)
SET_SPLIT: dict[str, str] = {"2": "test", "3": "dev", "4": "test"}
MIN_WORDS: int = 4
FRAGMENT_WORDS: int = 10
ID_COLUMNS: tuple[str, ...] = (
    "sentence_id", "article_id", "paragraph", "sentence_index", "start", "end", "sha1_16",
    "fragment", "split",
)
LABEL_COLUMNS: tuple[str, ...] = ("loaded_hostile", "voice", "hedge", "booster", "cues", "note")
VOICES: tuple[str, ...] = ("", "own", "quoted", "both")


@dataclass(frozen=True)
class GoldSentence:
    """One sampled sentence: where it is and what it says (text never committed)."""

    article_id: str
    paragraph: str
    sentence_index: int
    start: int
    end: int
    text: str

    @property
    def sentence_id(self) -> str:
        """``article:paragraph:index``, stable across runs."""
        return f"{self.article_id}:{self.paragraph}:{self.sentence_index}"


def sentence_hash(text: str) -> str:
    """First 16 hex digits of the SHA-1 of the UTF-8 sentence.

    Example:
        >>> len(sentence_hash("abc"))
        16
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def fragment(text: str, words: int = FRAGMENT_WORDS) -> str:
    """The first ``words`` whitespace-separated words of ``text``.

    Example:
        >>> fragment("a b c d", 3)
        'a b c'
    """
    return " ".join(text.split()[:words])


def default_source_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<data_dir or $ANALYSIS_VALIDATION_DATA>/semeval2023_ru_unlabelled/test-original.txt``.

    Raises :class:`ValidationDataError` when no directory is given.

    Example:
        >>> default_source_path("/tmp").name
        'test-original.txt'
    """
    root = paths.validation_data_dir(data_dir)
    if root is None:
        raise ValidationDataError(
            "Russian gold set: no data directory (pass data_dir or set ANALYSIS_VALIDATION_DATA)"
        )
    return root / SOURCE_FOLDER / SOURCE_FILE


def check_gold_set(gold_set: str) -> str:
    """``gold_set`` when it names a committed set (``"1"`` to ``"4"``), else an error.

    Example:
        >>> check_gold_set("2")
        '2'
    """
    if gold_set not in GOLD_SETS:
        raise ValidationDataError(
            f"Russian gold: unknown gold_set {gold_set!r}; expected one of {', '.join(GOLD_SETS)}"
        )
    return gold_set


def default_labels_path(gold_set: str = "1") -> Path:
    """The committed labels file of set ``gold_set``.

    Example:
        >>> default_labels_path().parent.name, default_labels_path("3").parent.name
        ('ru_gold', 'ru_gold3')
    """
    return paths.CORPUS_VALIDATION_DIR / GOLD_SETS[check_gold_set(gold_set)] / "labels.csv"


def read_paragraphs(path: str | os.PathLike[str]) -> dict[tuple[str, str], str]:
    """``(article_id, paragraph) -> text`` from the tab-separated source file.

    A line without exactly three tab-separated fields is an error naming its
    line number; so is a repeated ``(article_id, paragraph)`` key.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_text("1\\t2\\tТекст.\\n", encoding="utf-8")
        >>> read_paragraphs(p)
        {('1', '2'): 'Текст.'}
    """
    p = Path(path)
    if not p.is_file():
        raise ValidationDataError(f"Russian gold source missing: {p}")
    out: dict[tuple[str, str], str] = {}
    # decoded first, so a stray byte is named by its line; newline=None reads
    # \r\n and \r as a file opened in text mode does
    lines = io.StringIO(decode_utf8(p), newline=None)
    for lineno, line in enumerate(lines, start=1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3:
            raise ValidationDataError(
                f"{p}: line {lineno} has {len(fields)} tab-separated fields, expected 3"
            )
        key = (fields[0], fields[1])
        if key in out:
            raise ValidationDataError(f"{p}: line {lineno} repeats paragraph {key}")
        out[key] = fields[2]
    return out


def split_sentences(article_id: str, paragraph: str, text: str) -> list[GoldSentence]:
    """razdel sentences of one paragraph, with offsets into it.

    Example:
        >>> [s.text for s in split_sentences("1", "1", "Раз два. Три четыре.")]
        ['Раз два.', 'Три четыре.']
    """
    from razdel import sentenize  # imported here: only the gold set and ru/uk scoring need it

    return [
        GoldSentence(article_id, paragraph, i, s.start, s.stop, s.text)
        for i, s in enumerate(sentenize(text))
    ]


def _article_sort_key(article_id: str) -> tuple[int, str]:
    return (int(article_id), article_id) if article_id.isdigit() else (10**12, article_id)


def _kept_by_article(source: str | os.PathLike[str]) -> dict[str, list[GoldSentence]]:
    """Steps 1-3: every kept sentence (``MIN_WORDS`` or more words), per article."""
    by_article: dict[str, list[GoldSentence]] = {}
    for (article_id, paragraph), text in read_paragraphs(source).items():
        kept = [
            s for s in split_sentences(article_id, paragraph, text)
            if len(s.text.split()) >= MIN_WORDS
        ]
        by_article.setdefault(article_id, []).extend(kept)
    return by_article


def _draw(by_article: dict[str, list[GoldSentence]], seed: int, per_article: int) -> list[GoldSentence]:
    """Step 4: ``per_article`` per article, seeded by article id, in text order."""
    chosen: list[GoldSentence] = []
    for article_id in sorted(by_article, key=_article_sort_key):
        pool = by_article[article_id]
        rng = random.Random(f"{seed}:{article_id}")
        picked = pool if len(pool) <= per_article else rng.sample(pool, per_article)
        chosen.extend(sorted(picked, key=lambda s: (int(s.paragraph), s.sentence_index)))
    return chosen


def sample_ru_gold(
    source: str | os.PathLike[str], seed: int = SEED, per_article: int = PER_ARTICLE
) -> list[GoldSentence]:
    """Draw the gold sentences by the procedure in the module docstring.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_text("7\\t1\\tОдин два три четыре. Пять.\\n", encoding="utf-8")
        >>> [s.sentence_id for s in sample_ru_gold(p)]
        ['7:1:0']
    """
    return _draw(_kept_by_article(source), seed, per_article)


def sample_ru_gold2(
    source: str | os.PathLike[str],
    exclude: set[str] | frozenset[str],
    seed: int = SEED2,
    per_article: int = PER_ARTICLE2,
) -> list[GoldSentence]:
    """Set 2: the set-1 procedure on the sentences whose id is not in ``exclude``.

    ``exclude`` is set 1's ``sentence_id`` column; articles left with no
    sentence contribute none.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_text("7\\t1\\tОдин два три четыре. Пять шесть семь восемь.\\n",
        ...                  encoding="utf-8")
        >>> [s.sentence_id for s in sample_ru_gold2(p, {"7:1:0"})]
        ['7:1:1']
    """
    by_article = {
        article_id: [s for s in kept if s.sentence_id not in exclude]
        for article_id, kept in _kept_by_article(source).items()
    }
    return _draw({a: k for a, k in by_article.items() if k}, seed, per_article)


def sample_ru_gold3(
    source: str | os.PathLike[str],
    exclude: set[str] | frozenset[str],
    seed: int = SEED3,
    per_article: int = PER_ARTICLE3,
) -> list[GoldSentence]:
    """Set 3: the set-2 procedure with its own seed; ``exclude`` is sets 1 and 2's ids.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_text("7\\t1\\tОдин два три четыре. Пять шесть семь восемь.\\n",
        ...                  encoding="utf-8")
        >>> [s.sentence_id for s in sample_ru_gold3(p, {"7:1:1"})]
        ['7:1:0']
    """
    return sample_ru_gold2(source, exclude, seed, per_article)


def sample_ru_gold4(
    source: str | os.PathLike[str],
    exclude: set[str] | frozenset[str],
    seed: int = SEED4,
) -> list[GoldSentence]:
    """Set 4: every kept sentence whose id is not in ``exclude`` (sets 1-3), shuffled.

    No per-article cap and no look at the words: the text-ordered list of
    what is left (articles by id, then paragraph, then sentence) is shuffled
    with ``random.Random(seed)``, so the labelling order mixes articles.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
        >>> _ = p.write_text("7\\t1\\tОдин два три четыре. Пять шесть семь восемь.\\n",
        ...                  encoding="utf-8")
        >>> [s.sentence_id for s in sample_ru_gold4(p, {"7:1:0"})]
        ['7:1:1']
    """
    left = [
        s
        for article_id, kept in sorted(
            _kept_by_article(source).items(), key=lambda item: _article_sort_key(item[0])
        )
        for s in sorted(kept, key=lambda s: (int(s.paragraph), s.sentence_index))
        if s.sentence_id not in exclude
    ]
    random.Random(seed).shuffle(left)
    return left


def ids_frame(sentences: list[GoldSentence], split: str | None = None) -> pd.DataFrame:
    """The committable columns ``ID_COLUMNS`` (no full text) for sampled sentences.

    ``split`` is every row's split (set 2: ``"test"``); by default each
    article's :func:`~analysis.validation.split.split_of`.

    Example:
        >>> s = GoldSentence("5", "1", 0, 0, 8, "Раз два.")
        >>> ids_frame([s])[["sentence_id", "fragment"]].values.tolist()
        [['5:1:0', 'Раз два.']]
    """
    return pd.DataFrame(
        [
            {
                "sentence_id": s.sentence_id, "article_id": s.article_id,
                "paragraph": s.paragraph, "sentence_index": s.sentence_index,
                "start": s.start, "end": s.end, "sha1_16": sentence_hash(s.text),
                "fragment": fragment(s.text),
                "split": split if split is not None else split_of(s.article_id),
            }
            for s in sentences
        ],
        columns=list(ID_COLUMNS),
    )


def read_labels(
    path: str | os.PathLike[str] | None = None, gold_set: str = "1"
) -> pd.DataFrame:
    """The committed ids and labels, validated (flags 0/1, voice, split).

    ``path`` defaults to the labels of ``gold_set``; sets 2 and 4 are all
    ``test``, set 3 all ``dev``.

    Example:
        >>> read_labels()["split"].isin(["dev", "test"]).all()  # doctest: +SKIP
        True
    """
    p = Path(path) if path is not None else default_labels_path(gold_set)
    if not p.is_file():
        raise ValidationDataError(f"Russian gold labels missing: {p}")
    df = read_gold_csv(p)
    missing = [c for c in ID_COLUMNS + LABEL_COLUMNS if c not in df.columns]
    if missing:
        raise ValidationDataError(f"{p}: missing column(s) {', '.join(missing)}")
    again = df["sentence_id"].duplicated()
    if again.any():  # a sentence labelled twice would count twice in every score
        sid = df.at[df.index[again][0], "sentence_id"]
        rows = [int(i) + 2 for i in df.index[df["sentence_id"] == sid]]
        raise ValidationDataError(f"{p}: sentence {sid!r} is in rows {', '.join(map(str, rows))}")
    for column in ("loaded_hostile", "hedge", "booster"):
        df[column] = as_flag(df[column], column, p)
    one_split = SET_SPLIT.get(check_gold_set(gold_set))
    splits = (one_split,) if one_split is not None else ("dev", "test")
    for column, allowed in (("voice", VOICES), ("split", splits)):
        bad = ~df[column].isin(allowed)
        if bad.any():
            i = df.index[bad][0]
            raise ValidationDataError(
                f"{p}: column {column!r} has {df.at[i, column]!r} in row {int(i) + 2}"
            )
    no_voice = (df["loaded_hostile"] == 1) & (df["voice"] == "")
    if no_voice.any():
        i = df.index[no_voice][0]
        raise ValidationDataError(f"{p}: row {int(i) + 2} is loaded_hostile but has no voice")
    for column in ("start", "end", "sentence_index"):
        df[column] = _offsets(df[column], column, p)
    return df


def _offsets(values: pd.Series, column: str, path: Path) -> pd.Series:
    """``values`` as int64, or an error naming the file, column and (spreadsheet) row of a bad one."""
    bad = ~values.str.fullmatch(r"\d+")
    if bad.any():
        i = values.index[bad][0]
        raise ValidationDataError(
            f"{path}: column {column!r} has {values.at[i]!r} in row {int(i) + 2} (a whole number >= 0)"
        )
    return values.astype("int64")


def load_ru_gold(
    data_dir: str | os.PathLike[str] | None = None,
    labels_path: str | os.PathLike[str] | None = None,
    gold_set: str = "1",
) -> pd.DataFrame:
    """The labels with the sentence ``text`` re-derived from the source and checked.

    ``gold_set`` picks set 1 (``corpus/validation/ru_gold/``), set 2
    (``ru_gold2/``), the dev set 3 (``ru_gold3/``) or the held-out set 4
    (``ru_gold4/``); ``labels_path`` overrides its file.

    Every row's ``(article_id, paragraph)`` must exist in the source, its
    ``start:end`` slice must hash to ``sha1_16``; otherwise
    :class:`ValidationDataError` names the sentence id.

    Example:
        >>> gold = load_ru_gold("/work/shared/validation")  # doctest: +SKIP
        >>> len(gold) >= 300  # doctest: +SKIP
        True
    """
    labels = read_labels(labels_path, gold_set)
    paragraphs = read_paragraphs(default_source_path(data_dir))
    texts: list[str] = []
    columns = ("sentence_id", "article_id", "paragraph", "start", "end", "sha1_16")
    for sid, article, para, start, end, digest in labels.loc[:, list(columns)].to_numpy():
        key = (str(article), str(para))
        if key not in paragraphs:
            raise ValidationDataError(
                f"Russian gold set {gold_set}: sentence {sid}: paragraph {key} not in the source"
            )
        paragraph = paragraphs[key]
        if not 0 <= int(start) < int(end) <= len(paragraph):
            # a slice past the end is silently shorter and could still match the hash
            raise ValidationDataError(
                f"Russian gold set {gold_set}: sentence {sid}: offsets {start}:{end} are not a span "
                f"of its paragraph ({len(paragraph)} characters)"
            )
        text = paragraph[int(start):int(end)]
        if sentence_hash(text) != digest:
            raise ValidationDataError(
                f"Russian gold set {gold_set}: sentence {sid}: text at {start}:{end} "
                "does not match its hash (source file changed?)"
            )
        texts.append(text)
    out = labels.copy()
    out["text"] = texts
    return out
