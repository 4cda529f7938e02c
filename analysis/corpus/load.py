"""Load a corpus folder: articles, cleaned texts, boilerplate, statements.

A corpus folder is laid out like the repository's ``corpus/``::

    articles.csv          one row per article (required; see corpus/README.md)
    raw/seeds/*.txt       the raw pages as collected (or raw/*.txt when raw/seeds/
                          does not exist); articles.csv names them in source_file
    quoted_sources.csv    optional: passages quoted at length from other outlets
    speakers.csv          optional: speakers registry (else the bundled default)

``load_corpus()`` checks everything it reads and raises ``CorpusError``
naming file, line and field; nothing is dropped silently.  Statements come
from ``analysis.statements.extract.extract_statements`` run on each cleaned
text; an article whose extraction fails keeps its row with a status.

Who authored a statement's words (``source``/``source_bloc``): the speaker
for ``direct`` and ``partial`` quotes (``SPEAKER_AUTHORED_KINDS``); for
``reported`` speech and ``narration`` the words are the narrator's: the
quoted outlet inside a passage listed in quoted_sources.csv, else the outlet
the extractor names in ``quoted_from`` (bloc from this corpus's tables, ''
if they do not establish it), else the article's narrator.  ``quoted_from``
is the extractor's, or the listed passage's outlet when the extractor gives
none.

Narration's ``speaker`` is that same narrator (``speaker == source``);
``speaker_bloc`` is the narrator's bloc from the corpus tables (the
registry's when the narrator is a registered name), and
``speaker_in_registry`` is True only for a narrator that is a canonical
registry name, so outlets outside the registry stay False.

Unidentified narrators are kept apart: where a narrator is ``unidentified``
(or blank / ``unknown``), ``source`` and narration's ``speaker`` read
``"unidentified (<article id>)"`` (``narrator_label``), so one analysis group
is one article, never a pool of unrelated pages.  The ``outlet`` column of
both tables keeps the articles.csv value (``unidentified``).

Quotes nobody is named for (a scare quote, a nickname, a quoted headline:
``direct``/``partial`` with ``speaker == ''``) keep ``speaker`` '' -- never
a guessed speaker -- and carry ``speaker_unattributed`` True; their
``source``/``source_bloc`` are the narrator of that span, because the outlet
chose to carry those words in its own narration.  Filter on
``speaker_unattributed`` to include or exclude them.

Example:
    >>> c = load_corpus()
    >>> sorted(c.articles["outlet_bloc"].unique()) <= ["other", "russian", "ukrainian", "western"]
    True
    >>> set(c.texts) == set(c.articles["article_id"])
    True
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import paths
from analysis.corpus.attribution import VOICE_COLUMNS, Voice, attribute_span, overlapping, voice_segments
from analysis.corpus.clean import BOILERPLATE_COLUMNS, CleanedText, clean_text
from analysis.corpus.errors import CorpusError
from analysis.corpus.tables import (
    decode_utf8,
    empty_quoted_sources,
    read_articles,
    read_quoted_sources,
)

__all__ = ["Corpus", "CorpusError", "load_corpus", "narrator_label", "STATEMENT_COLUMNS"]

STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id", "article_id", "speaker", "speaker_bloc", "speaker_in_registry", "kind",
    "text", "start", "end", "cue", "quoted_from", "outlet", "outlet_bloc", "source",
    "source_bloc", "speaker_unattributed",
)
#: Statement kinds whose words are the speaker's own; other kinds are the narrator's.
SPEAKER_AUTHORED_KINDS: frozenset[str] = frozenset({"direct", "partial"})
#: Narrator names that identify nobody; each article's gets its own label.
UNIDENTIFIED_NARRATORS: frozenset[str] = frozenset({"", "unidentified", "unknown"})
_EXTRACTOR_COLUMNS = ("speaker", "speaker_bloc", "speaker_in_registry", "kind", "text",
                      "start", "end", "cue", "quoted_from")
ISSUE_COLUMNS: tuple[str, ...] = ("level", "file", "line", "article_id", "message")


@dataclass
class Corpus:
    """A loaded corpus.

    Attributes:
        articles: one row per article: the articles.csv columns plus
            ``n_raw_chars``, ``n_clean_chars``, ``n_boilerplate``,
            ``n_statements`` and ``status`` (``ok``, ``no_statements``,
            ``extractor_unavailable``, ``extraction_failed: ...``,
            ``span_mismatch: ...``).
        statements: ``STATEMENT_COLUMNS``, one row per statement: the
            extractor's columns, ``outlet``/``outlet_bloc``, ``source``/
            ``source_bloc`` (who authored the words) and
            ``speaker_unattributed`` (a quote with no speaker, sourced to its
            narrator); narration's ``speaker`` is its narrator (see module doc).
        boilerplate: every removed piece: ``article_id`` + ``BOILERPLATE_COLUMNS``.
        texts: cleaned text per article id.
        documents: ``CleanedText`` per article id (raw text, offset maps).
        quoted_sources: quoted passages with ``clean_start``/``clean_end`` added.
        voices: the partition of each cleaned text into narrator / quoted-outlet
            stretches (``article_id`` + ``VOICE_COLUMNS``).
        issues: problems reported rather than raised (``ISSUE_COLUMNS``).

    Example:
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
            >>> c = load_corpus()
            >>> aid = c.quoted_sources["article_id"].iloc[0]
            >>> s = int(c.quoted_sources["clean_start"].iloc[0])
            >>> c.voices_in(aid, s, s + 10)["quoted_from"].tolist() != [""]
            True
        """
        if article_id not in self._voices:
            raise KeyError(f"unknown article id {article_id!r}")
        parts = overlapping(self._voices[article_id], start, end)
        return pd.DataFrame(
            [{c: getattr(v, c) for c in VOICE_COLUMNS} for v in parts], columns=list(VOICE_COLUMNS)
        )

    def narrator_of(self, article_id: str, start: int, end: int) -> Voice:
        """The voice covering most of the span (see ``attribution.attribute_span``)."""
        if article_id not in self._voices:
            raise KeyError(f"unknown article id {article_id!r}")
        return attribute_span(self._voices[article_id], start, end)


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


def _known_outlet_blocs(articles: pd.DataFrame, quoted: pd.DataFrame) -> dict[str, str]:
    """Outlet name -> bloc, from what this corpus's own tables establish."""
    known: dict[str, str] = {}
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


def _registry(corpus_dir: Path) -> Any:
    """The speakers registry of the corpus folder, or None for the extractor's default."""
    path = corpus_dir / "speakers.csv"
    if not path.is_file():
        return None
    try:
        from analysis.statements.speakers import SpeakerRegistry  # later stage, imported lazily
    except ImportError:
        return None
    try:
        return SpeakerRegistry.from_csv(path)
    except ValueError as err:
        raise CorpusError(f"unusable speakers registry: {err}", file=path) from None


def narrator_label(name: str, article_id: str) -> str:
    """The narrator's name, or ``"unidentified (<article id>)"`` for a narrator nobody identified.

    Keeps the narration of unrelated unidentified pages from pooling into one
    "unidentified" speaker/source.

    Example:
        >>> narrator_label("Reuters", "a1"), narrator_label("unidentified", "seed-000")
        ('Reuters', 'unidentified (seed-000)')
    """
    return f"unidentified ({article_id})" if name.strip().lower() in UNIDENTIFIED_NARRATORS else name


def _registered_blocs(registry: Any) -> dict[str, str]:
    """Canonical name -> bloc of the registry the extractor uses ({} if none is available)."""
    if registry is None:
        try:
            from analysis.statements.speakers import default_registry  # later stage, imported lazily
        except ImportError:
            return {}
        registry = default_registry()
    speakers = getattr(registry, "speakers", {})
    return {name: getattr(sp, "bloc", "") for name, sp in speakers.items()}


def _narrators_speak(df: pd.DataFrame, registered: dict[str, str]) -> None:
    """Narration's speaker is its narrator (``source``), in place; bloc from the tables or registry."""
    narration = (df["kind"] == "narration").to_numpy()
    if not narration.any():
        return
    names = df.loc[narration, "source"]
    in_registry = names.isin(list(registered))
    df.loc[narration, "speaker"] = names
    df.loc[narration, "speaker_in_registry"] = in_registry.to_numpy()
    df.loc[narration, "speaker_bloc"] = [
        registered[n] if known else b
        for n, known, b in zip(names, in_registry, df.loc[narration, "source_bloc"])
    ]


def _empty_statements() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in STATEMENT_COLUMNS})


def _dtype(column: str) -> str:
    if column in ("start", "end"):
        return "int64"
    if column in ("speaker_in_registry", "speaker_unattributed"):
        return "bool"
    return "str"


def _article_statements(
    aid: str,
    text: str,
    article: dict[str, str],
    voices: list[Voice],
    registry: Any,
    extract: Any,
    outlet_blocs: dict[str, str],
    registered: dict[str, str],
) -> tuple[pd.DataFrame, str]:
    try:
        raw = extract(text, speakers=registry)
    except Exception as err:  # reported per article, never a crash of the whole load
        return _empty_statements(), f"extraction_failed: {type(err).__name__}: {err}"
    missing = [c for c in _EXTRACTOR_COLUMNS if c not in raw.columns]
    if missing:
        return _empty_statements(), f"extraction_failed: extractor output lacks {', '.join(missing)}"
    df = raw.loc[:, list(_EXTRACTOR_COLUMNS)].copy()
    df = df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for c in ("speaker", "speaker_bloc", "kind", "text", "cue", "quoted_from"):
        df[c] = df[c].fillna("").astype("str")
    df["speaker_in_registry"] = df["speaker_in_registry"].fillna(False).astype("bool")
    df.insert(0, "article_id", aid)
    df.insert(0, "statement_id", [f"{aid}-{n:03d}" for n in range(1, len(df) + 1)])
    df["outlet"] = article["outlet"]
    df["outlet_bloc"] = article["outlet_bloc"]
    sources, blocs, quoted_from, unattributed = [], [], [], []
    for kind, speaker, sbloc, qf, s, e in zip(
        df["kind"], df["speaker"], df["speaker_bloc"], df["quoted_from"], df["start"], df["end"]
    ):
        voice = attribute_span(voices, int(s), int(e))
        quoted_from.append(qf or voice.quoted_from)
        quote = kind in SPEAKER_AUTHORED_KINDS
        unattributed.append(quote and not speaker)
        if quote and speaker:
            sources.append(speaker)
            blocs.append(sbloc)
        elif qf and voice.kind == "narration":
            # a passage the extractor found that quoted_sources.csv does not list
            sources.append(narrator_label(qf, aid))
            blocs.append(outlet_blocs.get(qf, ""))
        else:
            sources.append(narrator_label(voice.narrator, aid))
            blocs.append(voice.narrator_bloc)
    df["quoted_from"] = pd.Series(quoted_from, dtype="str")
    df["source"] = pd.Series(sources, dtype="str")
    df["source_bloc"] = pd.Series(blocs, dtype="str")
    df["speaker_unattributed"] = pd.Series(unattributed, dtype="bool")
    _narrators_speak(df, registered)
    bad = sum(text[s:e] != t for s, e, t in zip(df["start"], df["end"], df["text"]))
    if bad:
        status = f"span_mismatch: {bad} statement(s) whose text != clean_text[start:end]"
    else:
        status = "ok" if len(df) else "no_statements"
    return df.loc[:, list(STATEMENT_COLUMNS)], status


def load_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    raw_dir: str | os.PathLike[str] | None = None,
    strict: bool = True,
    statements: bool = True,
) -> Corpus:
    """Load, check and clean a corpus folder and extract its statements.

    Args:
        path: a folder laid out like ``corpus/``; None for the bundled corpus.
        raw_dir: folder of the raw files (relative to ``path`` or absolute);
            default ``raw/seeds/`` if it exists, else ``raw/``.
        strict: a raw ``*.txt`` file not listed in articles.csv raises
            ``CorpusError``; with ``strict=False`` it is reported in
            ``Corpus.issues`` instead.
        statements: False skips statement extraction (status ``not_extracted``).

    Example:
        >>> c = load_corpus()
        >>> bool(c.articles["status"].isin(["ok", "no_statements", "extractor_unavailable"]).all())
        True
    """
    corpus_dir = Path(path) if path is not None else paths.CORPUS_DIR
    if not corpus_dir.is_dir():
        raise CorpusError("corpus folder not found", file=corpus_dir)
    articles_csv = corpus_dir / "articles.csv"
    articles = read_articles(articles_csv)
    raws = _raw_dir(corpus_dir, raw_dir)
    issues: list[dict[str, object]] = []
    for p in _unlisted(articles, raws):
        message = f"raw file {p.name} is not listed in articles.csv"
        if strict:
            raise CorpusError(
                message + " (list it, remove it, or pass strict=False to load without it)",
                file=p,
            )
        issues.append({"level": "warning", "file": str(p), "line": 0, "article_id": "", "message": message})
    docs = _read_documents(articles, raws, articles_csv)

    quoted_csv = corpus_dir / "quoted_sources.csv"
    if quoted_csv.is_file():
        quoted = read_quoted_sources(quoted_csv, set(articles["article_id"]))
    else:
        quoted = empty_quoted_sources()
    quoted = _passages(quoted, docs, quoted_csv)

    voices: dict[str, list[Voice]] = {}
    for row in articles.itertuples(index=False):
        aid = row.article_id
        mine = quoted[quoted["article_id"] == aid]
        voices[aid] = voice_segments(
            len(docs[aid].text),
            row.narrator,
            row.narrator_bloc,
            zip(mine["clean_start"], mine["clean_end"], mine["quoted_outlet"],
                mine["quoted_outlet_bloc"], mine["kind"]),
        )

    statement_frames: list[pd.DataFrame] = []
    status: list[str] = []
    extract = None
    if statements:
        try:
            from analysis.statements.extract import extract_statements as extract  # later stage
        except ImportError as err:
            issues.append({"level": "warning", "file": "", "line": 0, "article_id": "",
                           "message": f"statement extractor unavailable: {err}"})
    registry = _registry(corpus_dir) if extract is not None else None
    outlet_blocs = _known_outlet_blocs(articles, quoted)
    registered = _registered_blocs(registry) if extract is not None else {}
    for article in articles.to_dict("records"):
        aid = article["article_id"]
        if not statements:
            status.append("not_extracted")
            continue
        if extract is None:
            status.append("extractor_unavailable")
            continue
        df, st = _article_statements(
            aid, docs[aid].text, article, voices[aid], registry, extract, outlet_blocs, registered
        )
        statement_frames.append(df)
        status.append(st)
        if st.startswith(("extraction_failed", "span_mismatch")):
            issues.append({"level": "error", "file": article["source_file"], "line": 0,
                           "article_id": aid, "message": st})

    stmts = [f for f in statement_frames if len(f)]
    statements_df = (
        pd.concat(stmts, ignore_index=True) if stmts else _empty_statements()
    )
    counts = statements_df.groupby("article_id").size() if len(statements_df) else pd.Series(dtype="int64")
    articles = articles.copy()
    articles["n_raw_chars"] = [len(docs[a].raw) for a in articles["article_id"]]
    articles["n_clean_chars"] = [len(docs[a].text) for a in articles["article_id"]]
    articles["n_boilerplate"] = [len(docs[a].boilerplate) for a in articles["article_id"]]
    articles["n_statements"] = [int(counts.get(a, 0)) for a in articles["article_id"]]
    articles["status"] = pd.Series(status, index=articles.index, dtype="str")

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
        articles=articles,
        statements=statements_df,
        boilerplate=boilerplate,
        texts={a: d.text for a, d in docs.items()},
        documents=docs,
        quoted_sources=quoted,
        voices=voices_df,
        issues=pd.DataFrame(issues, columns=list(ISSUE_COLUMNS)),
        _voices=voices,
    )

