"""Read a corpus folder: articles, cleaned texts, boilerplate, voices.

A corpus folder is laid out like the repository's ``corpus/``::

    articles.csv          one row per article (required; see corpus/README.md)
    raw/seeds/*.txt       the raw pages as collected (or raw/*.txt when raw/seeds/
                          does not exist); articles.csv names them in source_file
    quoted_sources.csv    optional: passages quoted at length from other outlets
    speakers.csv          optional: speakers registry (read by the statements stage)

``read_corpus()`` checks everything it reads and raises ``CorpusError``
naming file, line and field; nothing is dropped silently.  It only reads and
cleans: its ``Corpus`` has no statements yet (every article's status is
``not_extracted``).  :func:`analysis.pipeline.load_corpus` (also
``analysis.load_corpus``) reads the corpus and extracts its statements; the
module doc there says who authored each statement's words.

Example:
    >>> c = read_corpus()
    >>> sorted(c.articles["outlet_bloc"].unique()) <= ["other", "russian", "ukrainian", "western"]
    True
    >>> set(c.texts) == set(c.articles["article_id"]), len(c.statements)
    (True, 0)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.constants import SPEAKER_AUTHORED_KINDS
from analysis.corpus.clean import BOILERPLATE_COLUMNS, CleanedText, clean_text
from analysis.corpus.errors import CorpusError
from analysis.corpus.metadata import (
    decode_utf8,
    empty_quoted_sources,
    read_articles,
    read_quoted_sources,
)
from analysis.corpus.voices import VOICE_COLUMNS, Voice, attribute_span, overlapping, voice_segments
from analysis.validate_args import ArgumentError

__all__ = [
    "Corpus", "CorpusError", "ISSUE_COLUMNS", "SPEAKER_AUTHORED_KINDS", "STATEMENT_COLUMNS",
    "empty_statements", "known_outlet_blocs", "read_corpus",
]

#: Columns of ``Corpus.statements`` (see :mod:`analysis.pipeline`).
STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id", "article_id", "speaker", "speaker_bloc", "speaker_in_registry", "kind",
    "text", "start", "end", "cue", "quoted_from", "outlet", "outlet_bloc", "source",
    "source_bloc", "speaker_unattributed", "speaker_id", "speaker_name",
    # the extractor's speaker fields (issue 11); speaker_id_article is its per-article id
    "speaker_id_article", "speaker_as_written", "attribution", "attribution_confidence",
    "reporting_verb", "verb_stance",
)
ISSUE_COLUMNS: tuple[str, ...] = ("level", "file", "line", "article_id", "message")


@dataclass
class Corpus:
    """A loaded corpus.

    Attributes:
        articles: one row per article: the articles.csv columns plus
            ``n_raw_chars``, ``n_clean_chars``, ``n_boilerplate``,
            ``n_statements`` (rows with at least one letter or digit: a
            punctuation-only row stays in ``statements`` and is scored
            ``no_words``) and ``status`` (``not_extracted`` from
            ``read_corpus``; ``ok``, ``no_statements``, ``extraction_failed:
            ...`` or ``span_mismatch: ...`` once statements are extracted).
        statements: ``STATEMENT_COLUMNS``, one row per statement: the
            extractor's columns, ``outlet``/``outlet_bloc``, ``source``/
            ``source_bloc`` (who authored the words) and
            ``speaker_unattributed`` (a quote with no speaker, sourced to its
            narrator); narration's ``speaker`` is its narrator (see module doc);
            ``speaker_id``/``speaker_name``: one key and display name per
            person across the corpus (:func:`analysis.statements.identity.assign_corpus_ids`).
        boilerplate: every removed piece: ``article_id`` + ``BOILERPLATE_COLUMNS``.
        texts: cleaned text per article id.
        documents: ``CleanedText`` per article id (raw text, offset maps).
        quoted_sources: quoted passages with ``clean_start``/``clean_end`` added.
        voices: the partition of each cleaned text into narrator / quoted-outlet
            stretches (``article_id`` + ``VOICE_COLUMNS``).
        issues: problems reported rather than raised (``ISSUE_COLUMNS``).

    Example:
        >>> from analysis import load_corpus  # read_corpus + the statements stage
        >>> corpus = load_corpus()
        >>> len(corpus.articles), sorted(corpus.statements["kind"].unique())
        (5, ['direct', 'narration', 'partial', 'reported'])
        >>> st = corpus.statements
        >>> all(corpus.texts[a][s:e] == t for a, s, e, t in zip(st.article_id, st.start, st.end, st.text))
        True
    """

    articles: pd.DataFrame
    statements: pd.DataFrame
    boilerplate: pd.DataFrame
    texts: dict[str, str]
    documents: dict[str, CleanedText] = field(repr=False, default_factory=dict)
    quoted_sources: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    voices: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    issues: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    _voices: dict[str, list[Voice]] = field(repr=False, default_factory=dict)

    def voices_in(self, article_id: str, start: int, end: int) -> pd.DataFrame:
        """Who narrates each part of ``texts[article_id][start:end]`` (clipped segments).

        Example:
            >>> c = read_corpus()
            >>> aid = c.quoted_sources["article_id"].iloc[0]
            >>> s = int(c.quoted_sources["clean_start"].iloc[0])
            >>> c.voices_in(aid, s, s + 10)["quoted_from"].tolist() != [""]
            True
        """
        parts = overlapping(self._article_voices(article_id, "Corpus.voices_in"), start, end)
        return pd.DataFrame(
            [{c: getattr(v, c) for c in VOICE_COLUMNS} for v in parts], columns=list(VOICE_COLUMNS)
        )

    def narrator_of(self, article_id: str, start: int, end: int) -> Voice:
        """The voice covering most of the span (see ``voices.attribute_span``).

        Example:
            >>> read_corpus().narrator_of("seed-001", 0, 10).narrator
            'Reuters'
        """
        return attribute_span(self._article_voices(article_id, "Corpus.narrator_of"), start, end)

    def _article_voices(self, article_id: str, who: str) -> list[Voice]:
        # not check_choice: the message would list every article id of the corpus
        if article_id not in self._voices:
            first = next(iter(self._voices), None)
            raise ArgumentError(
                f"{who}: unknown article id {article_id!r}; the corpus has {len(self._voices)} "
                f"articles" + (f", e.g. {first!r}" if first is not None else "")
            )
        return self._voices[article_id]


def _raw_dir(corpus_dir: Path, raw_dir: str | os.PathLike[str] | None) -> Path:
    if raw_dir is not None:
        chosen = Path(raw_dir)
        if not chosen.is_absolute():
            chosen = corpus_dir / chosen
    elif (corpus_dir / "raw" / "seeds").is_dir():
        chosen = corpus_dir / "raw" / "seeds"
    else:
        chosen = corpus_dir / "raw"
    if not chosen.is_dir():
        raise CorpusError("raw text folder not found (expected raw/seeds/ or raw/)", file=chosen)
    return chosen


def _read_documents(
    articles: pd.DataFrame, raw_dir: Path, articles_csv: Path
) -> dict[str, CleanedText]:
    docs: dict[str, CleanedText] = {}
    for aid, name, line in zip(articles["article_id"], articles["source_file"], articles["csv_line"]):
        path = raw_dir / name
        if not path.is_file():
            raise CorpusError(
                f"article {aid!r} is listed but its raw file {path} is missing",
                file=articles_csv,
                line=int(line),
                field="source_file",
            )
        docs[aid] = clean_text(decode_utf8(path.read_bytes(), path))
    return docs


def _unlisted(articles: pd.DataFrame, raw_dir: Path) -> list[Path]:
    listed = {str((raw_dir / n).resolve()) for n in articles["source_file"]}
    return [
        p for p in sorted(raw_dir.glob("*.txt")) if str(p.resolve()) not in listed
    ]


def _passages(
    quoted: pd.DataFrame, docs: dict[str, CleanedText], quoted_csv: Path | None
) -> pd.DataFrame:
    quoted = quoted.copy()
    starts, ends = [], []
    for aid, first, last, line in zip(
        quoted["article_id"], quoted["first_line"], quoted["last_line"], quoted["csv_line"]
    ):
        doc = docs[aid]
        if last > doc.n_lines:
            raise CorpusError(
                f"line {last} is beyond the end of article {aid!r} ({doc.n_lines} raw lines)",
                file=quoted_csv,
                line=int(line),
                field="last_line",
            )
        s, e = doc.line_span(int(first), int(last))
        starts.append(s)
        ends.append(e)
    quoted["clean_start"] = pd.Series(starts, index=quoted.index, dtype="int64")
    quoted["clean_end"] = pd.Series(ends, index=quoted.index, dtype="int64")
    return quoted


def known_outlet_blocs(corpus: Corpus) -> dict[str, str]:
    """Outlet name -> bloc, from what the corpus's own tables establish.

    Example:
        >>> known_outlet_blocs(read_corpus())["Reuters"]
        'western'
    """
    known: dict[str, str] = {}
    articles, quoted = corpus.articles, corpus.quoted_sources
    pairs = [
        (articles["outlet"], articles["outlet_bloc"]),
        (articles["narrator"], articles["narrator_bloc"]),
        (quoted["quoted_outlet"], quoted["quoted_outlet_bloc"]),
    ]
    for names, blocs in pairs:
        for name, bloc in zip(names, blocs):
            if name and name != "unidentified":
                known.setdefault(name, bloc)
    return known


def empty_statements() -> pd.DataFrame:
    """A statements table with no rows: ``STATEMENT_COLUMNS`` with their dtypes.

    Example:
        >>> empty_statements().dtypes["speaker_unattributed"].name
        'bool'
    """
    return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in STATEMENT_COLUMNS})


def _dtype(column: str) -> str:
    if column in ("start", "end"):
        return "int64"
    if column in ("speaker_in_registry", "speaker_unattributed"):
        return "bool"
    if column == "attribution_confidence":
        return "float64"
    return "str"


def _voices(articles: pd.DataFrame, quoted: pd.DataFrame, docs: dict[str, CleanedText]) -> dict[str, list[Voice]]:
    voices: dict[str, list[Voice]] = {}
    for aid, narrator, bloc in zip(articles["article_id"], articles["narrator"], articles["narrator_bloc"]):
        mine = quoted[quoted["article_id"] == aid]
        voices[aid] = voice_segments(
            len(docs[aid].text),
            narrator,
            bloc,
            zip(mine["clean_start"], mine["clean_end"], mine["quoted_outlet"],
                mine["quoted_outlet_bloc"], mine["kind"]),
        )
    return voices


def _with_sizes(articles: pd.DataFrame, docs: dict[str, CleanedText]) -> pd.DataFrame:
    """The articles with their sizes, no statements yet and status ``not_extracted``."""
    articles = articles.copy()
    articles["n_raw_chars"] = [len(docs[a].raw) for a in articles["article_id"]]
    articles["n_clean_chars"] = [len(docs[a].text) for a in articles["article_id"]]
    articles["n_boilerplate"] = [len(docs[a].boilerplate) for a in articles["article_id"]]
    articles["n_statements"] = [0] * len(articles)
    articles["status"] = pd.Series(["not_extracted"] * len(articles), index=articles.index, dtype="str")
    return articles


def _unlisted_issues(articles: pd.DataFrame, raws: Path, strict: bool) -> list[dict[str, object]]:
    issues: list[dict[str, object]] = []
    for p in _unlisted(articles, raws):
        message = f"raw file {p.name} is not listed in articles.csv"
        if strict:
            raise CorpusError(
                message + " (list it, remove it, or pass strict=False to load without it)",
                file=p,
            )
        issues.append({"level": "warning", "file": str(p), "line": 0, "article_id": "", "message": message})
    return issues


def read_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    raw_dir: str | os.PathLike[str] | None = None,
    strict: bool = True,
) -> Corpus:
    """Read, check and clean a corpus folder; no statements yet (status ``not_extracted``).

    Args:
        path: a folder laid out like ``corpus/``; None for the bundled corpus.
        raw_dir: folder of the raw files (relative to ``path`` or absolute);
            default ``raw/seeds/`` if it exists, else ``raw/``.
        strict: a raw ``*.txt`` file not listed in articles.csv raises
            ``CorpusError``; with ``strict=False`` it is reported in
            ``Corpus.issues`` instead.

    Example:
        >>> c = read_corpus()
        >>> c.articles["status"].unique().tolist(), c.statements.columns.tolist() == list(STATEMENT_COLUMNS)
        (['not_extracted'], True)
    """
    corpus_dir = Path(path) if path is not None else paths.CORPUS_DIR
    if not corpus_dir.is_dir():
        raise CorpusError("corpus folder not found", file=corpus_dir)
    articles_csv = corpus_dir / "articles.csv"
    articles = read_articles(articles_csv)
    raws = _raw_dir(corpus_dir, raw_dir)
    issues = _unlisted_issues(articles, raws, strict)
    docs = _read_documents(articles, raws, articles_csv)

    quoted_csv = corpus_dir / "quoted_sources.csv"
    if quoted_csv.is_file():
        quoted = read_quoted_sources(quoted_csv, set(articles["article_id"]))
    else:
        quoted = empty_quoted_sources()
    quoted = _passages(quoted, docs, quoted_csv)
    voices = _voices(articles, quoted, docs)

    boiler = [docs[a].frame(a) for a in articles["article_id"]]
    boilerplate = pd.concat(boiler, ignore_index=True) if boiler else pd.DataFrame(
        columns=["article_id", *BOILERPLATE_COLUMNS]
    )
    voices_df = pd.DataFrame(
        [{"article_id": a, **{c: getattr(v, c) for c in VOICE_COLUMNS}}
         for a, vs in voices.items() for v in vs],
        columns=["article_id", *VOICE_COLUMNS],
    )
    return Corpus(
        articles=_with_sizes(articles, docs),
        statements=empty_statements(),
        boilerplate=boilerplate,
        texts={a: d.text for a, d in docs.items()},
        documents=docs,
        quoted_sources=quoted,
        voices=voices_df,
        issues=pd.DataFrame(issues, columns=list(ISSUE_COLUMNS)),
        _voices=voices,
    )


def __getattr__(name: str) -> object:
    # ``analysis.corpus.load.load_corpus`` was the documented path before
    # statements moved to ``analysis.pipeline``; resolved on first use so that
    # this stage never imports a later one.
    if name == "load_corpus":
        import importlib

        return importlib.import_module("analysis.pipeline").load_corpus
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
