"""The corpus pipeline: read a corpus, extract its statements, score them.

``load_corpus()`` (also ``analysis.load_corpus``) runs the first two stages in
order: :func:`analysis.corpus.load.read_corpus` reads and cleans the folder,
then :func:`analysis.statements.extract.extract_statements` runs on each
cleaned text with the article's voices as ``narrator=`` and the copied
passages as ``passages=``, so it emits the final rows.  This module only adds
what belongs to the corpus table: ids, the outlet and who authored the words.
``scored_statements()`` adds the scores, built once per process.

Who authored a statement's words (``source``/``source_bloc``): the speaker
for ``direct`` and ``partial`` quotes (``SPEAKER_AUTHORED_KINDS``); for
``reported`` speech and ``narration`` the words are the narrator's: the
quoted outlet inside a passage listed in quoted_sources.csv, else the outlet
of a passage the extractor detects ("From The Kyiv Independent:"; bloc from
this corpus's tables, '' if they do not establish it), else the article's
narrator.  ``quoted_from`` is the detected passage's outlet, else the listed
passage's.

Narration's ``speaker`` is that same narrator (``speaker == source``);
``speaker_bloc`` is the narrator's bloc from the corpus tables (the
registry's when the narrator is a registered name), and
``speaker_in_registry`` is True only for a narrator that is a canonical
registry name, so outlets outside the registry stay False.

Unidentified narrators are kept apart: where a narrator is ``unidentified``
(or blank / ``unknown``), ``source`` and narration's ``speaker`` read
``"unidentified (<article id>)"`` (:func:`analysis.corpus.voices.outlet_label`),
so one analysis group is one article, never a pool of unrelated pages.  The
``outlet`` column of both tables keeps the articles.csv value
(``unidentified``).

Quotes nobody is named for (a scare quote, a nickname, a quoted headline:
``direct``/``partial`` with ``speaker == ''``) keep ``speaker`` '' -- never
a guessed speaker -- and carry ``speaker_unattributed`` True; their
``source``/``source_bloc`` are the narrator of that span, because the outlet
chose to carry those words in its own narration.  Filter on
``speaker_unattributed`` to include or exclude them.

Example:
    >>> c = load_corpus()
    >>> bool(c.articles["status"].isin(["ok", "no_statements"]).all())
    True
    >>> s = c.statements
    >>> bool((s.loc[s["kind"] == "narration", "speaker"] == s.loc[s["kind"] == "narration", "source"]).all())
    True
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.constants import SPEAKER_AUTHORED_KINDS
from analysis.corpus.errors import CorpusError
from analysis.corpus.load import (
    STATEMENT_COLUMNS,
    Corpus,
    empty_statements,
    known_outlet_blocs,
    read_corpus,
)
from analysis.corpus.voices import Voice, attribute_span, outlet_label
from analysis.scoring.score import score_frame
from analysis.statements.extract import extract_statements
from analysis.statements.frame import row_status
from analysis.statements.identity import assign_corpus_ids
from analysis.statements.passages import find_passages
from analysis.statements.speakers import RegistryError, SpeakerRegistry

__all__ = [
    "cached_corpus", "extract_corpus_statements", "load_corpus", "narrator_voices", "scored_statements",
    "speaker_merges",
]
Aliases = str | os.PathLike[str] | pd.DataFrame | None

Passage = tuple[int, int, str]


def _registry(corpus_dir: Path) -> SpeakerRegistry | None:
    """The corpus folder's own speakers registry, or None for the bundled one."""
    path = corpus_dir / "speakers.csv"
    if not path.is_file():
        return None
    try:
        return SpeakerRegistry.from_csv(path)
    except RegistryError as err:
        raise CorpusError(f"unusable speakers registry: {err}", file=path) from None


def narrator_voices(
    voices: Sequence[Voice], detected: Sequence[Passage], outlet_blocs: dict[str, str], article_id: str
) -> list[Voice]:
    """The article's voices with detected passages carved out of its own narration.

    A passage the extractor detects ("From NPR:") inside the article's own
    narration is the named outlet's voice (bloc from ``outlet_blocs``, ''
    if unknown); passages listed in quoted_sources.csv keep theirs.  Every
    narrator is labelled with :func:`analysis.corpus.voices.outlet_label`.

    Example:
        >>> vs = [Voice(0, 30, "unidentified", "other", "", "narration")]
        >>> [(v.start, v.end, v.narrator, v.narrator_bloc)
        ...  for v in narrator_voices(vs, [(10, 20, "NPR")], {"NPR": "western"}, "a1")]
        [(0, 10, 'unidentified (a1)', 'other'), (10, 20, 'NPR', 'western'), (20, 30, 'unidentified (a1)', 'other')]
    """
    out: list[Voice] = []
    for v in voices:
        own = dataclasses.replace(v, narrator=outlet_label(v.narrator, article_id))
        if v.kind != "narration":
            out.append(own)
            continue
        pos, pieces = v.start, 0
        for s, e, outlet in sorted(detected):
            s, e = max(s, pos), min(e, v.end)
            if e <= s:
                continue
            if s > pos:
                out.append(dataclasses.replace(own, start=pos, end=s))
            out.append(Voice(s, e, outlet_label(outlet, article_id), outlet_blocs.get(outlet, ""),
                             outlet, "passage"))
            pos, pieces = e, pieces + 1
        if pos < v.end or not pieces:
            out.append(dataclasses.replace(own, start=pos, end=v.end))
    return out


def _sources(df: pd.DataFrame, voices: Sequence[Voice]) -> tuple[list[str], list[str], list[bool]]:
    """``source``, ``source_bloc`` and ``speaker_unattributed`` of each row."""
    sources, blocs, unattributed = [], [], []
    for kind, speaker, sbloc, s, e in zip(df["kind"], df["speaker"], df["speaker_bloc"], df["start"], df["end"]):
        quote = kind in SPEAKER_AUTHORED_KINDS
        unattributed.append(quote and not speaker)
        if quote and speaker:
            sources.append(speaker)
            blocs.append(sbloc)
        else:
            voice = attribute_span(voices, int(s), int(e))
            sources.append(voice.narrator)
            blocs.append(voice.narrator_bloc)
    return sources, blocs, unattributed


def _article_statements(
    corpus: Corpus, aid: str, outlet: tuple[str, str], registry: SpeakerRegistry | None,
    outlet_blocs: dict[str, str],
) -> tuple[pd.DataFrame, str]:
    """One article's rows of ``Corpus.statements`` and its status; ``outlet`` is (name, bloc)."""
    text = corpus.texts[aid]
    own = corpus._voices[aid]
    detected = find_passages(text)
    voices = narrator_voices(own, detected, outlet_blocs, aid)
    # detected passages first: their outlet wins where a listed passage overlaps
    listed = [(v.start, v.end, v.quoted_from) for v in own if v.quoted_from]
    try:
        df = extract_statements(text, registry, narrator=voices, passages=[*detected, *listed])
    except Exception as err:  # reported per article, never a crash of the whole load
        return empty_statements(), f"extraction_failed: {type(err).__name__}: {err}"
    df = df.drop(columns="statement_id").sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    df.insert(0, "article_id", aid)
    df.insert(0, "statement_id", [f"{aid}-{n:03d}" for n in range(1, len(df) + 1)])
    df["outlet"], df["outlet_bloc"] = outlet
    sources, blocs, unattributed = _sources(df, voices)
    df["source"] = pd.Series(sources, dtype="str")
    df["source_bloc"] = pd.Series(blocs, dtype="str")
    df["speaker_unattributed"] = pd.Series(unattributed, dtype="bool")
    bad = sum(text[s:e] != t for s, e, t in zip(df["start"], df["end"], df["text"]))
    if bad:
        status = f"span_mismatch: {bad} statement(s) whose text != clean_text[start:end]"
    else:
        status = "ok" if len(df) else "no_statements"
    # the corpus columns first, then any the extractor adds; speaker_id comes later, corpus-wide
    extra = [c for c in df.columns if c not in STATEMENT_COLUMNS]
    return df.loc[:, [*(c for c in STATEMENT_COLUMNS if c in df.columns), *extra]], status


def extract_corpus_statements(corpus: Corpus, registry: SpeakerRegistry | None = None,
                              aliases: Aliases = None) -> Corpus:
    """A copy of ``corpus`` with its statements extracted (see the module doc).

    ``registry`` None uses the bundled speakers registry.  ``speaker_id`` and
    ``speaker_name`` merge the spellings of one person across the corpus
    (:func:`analysis.statements.identity.assign_corpus_ids`, with the
    registry's name aliases and the user's ``aliases`` CSV or frame, which
    win); :func:`speaker_merges` shows how each name was merged.  An article whose
    extraction fails keeps its row, with the error in ``status`` and in
    ``issues``; the other articles are unaffected.

    Example:
        >>> from analysis.corpus.load import read_corpus
        >>> c = extract_corpus_statements(read_corpus())
        >>> int(c.articles["n_statements"].sum()) == sum(_counted(c.statements))
        True
    """
    outlet_blocs = known_outlet_blocs(corpus)
    frames: list[pd.DataFrame] = []
    status: list[str] = []
    issues = corpus.issues.to_dict("records")
    articles = corpus.articles
    for aid, name, bloc, source_file in zip(
        articles["article_id"], articles["outlet"], articles["outlet_bloc"], articles["source_file"]
    ):
        df, st = _article_statements(corpus, aid, (name, bloc), registry, outlet_blocs)
        frames.append(df)
        status.append(st)
        if st.startswith(("extraction_failed", "span_mismatch")):
            issues.append({"level": "error", "file": source_file, "line": 0, "article_id": aid, "message": st})
    kept = [f for f in frames if len(f)]
    statements = pd.concat(kept, ignore_index=True) if kept else empty_statements()
    statements = _with_corpus_ids(statements, registry, aliases)
    # a row of punctuation only (the ":" between two quotes) or a signature line
    # stays in statements, so every character belongs to one, but it is not a
    # statement to count
    counted = statements[_counted(statements)]
    counts = counted.groupby("article_id").size() if len(counted) else pd.Series(dtype="int64")
    articles = articles.copy()
    articles["n_statements"] = [int(counts.get(a, 0)) for a in articles["article_id"]]
    articles["status"] = pd.Series(status, index=articles.index, dtype="str")
    return dataclasses.replace(
        corpus, articles=articles, statements=statements,
        issues=pd.DataFrame(issues, columns=corpus.issues.columns),
    )


def _with_corpus_ids(statements: pd.DataFrame, registry: SpeakerRegistry | None, aliases: Aliases) -> pd.DataFrame:
    """``statements`` with corpus-wide ``speaker_id``/``speaker_name``, columns in corpus order."""
    with_ids = assign_corpus_ids(statements.drop(columns=["speaker_name"], errors="ignore"),
                                 _aliases(aliases), registry=registry).statements
    extra = [c for c in with_ids.columns if c not in STATEMENT_COLUMNS]
    return with_ids.loc[:, [*STATEMENT_COLUMNS, *extra]]


def _aliases(aliases: Aliases) -> str | Path | pd.DataFrame | None:
    if aliases is None or isinstance(aliases, pd.DataFrame):
        return aliases
    path = Path(aliases)
    if not path.is_file():
        raise CorpusError("speaker alias table not found", file=path)
    return path


def speaker_merges(corpus: Corpus, aliases: Aliases = None) -> pd.DataFrame:
    """The merge table behind ``corpus.statements["speaker_id"]``: one row per distinct speaker name.

    Columns ``name, speaker_id, canonical, rule, count, candidates``
    (:func:`analysis.statements.identity.merge_speakers`); pass the same
    ``aliases`` as to :func:`load_corpus`.  Narration's narrators are not
    merged, so they are not listed.

    Example:
        >>> t = speaker_merges(cached_corpus())
        >>> t.loc[t["name"] == "Dmitry Medvedev", ["speaker_id", "rule"]].values.tolist()
        [['person:medvedev:dmitro', 'full_name']]
    """
    return assign_corpus_ids(corpus.statements.drop(columns=["speaker_id", "speaker_name"], errors="ignore"),
                             _aliases(aliases)).merges


def load_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    raw_dir: str | os.PathLike[str] | None = None,
    strict: bool = True,
    statements: bool = True,
    aliases: Aliases = None,
) -> Corpus:
    """Load, check and clean a corpus folder and extract its statements.

    Args:
        path: a folder laid out like ``corpus/``; None for the bundled corpus.
            Its ``speakers.csv``, if any, is the speakers registry (else the
            bundled one); an unusable one raises ``CorpusError``.
        raw_dir: folder of the raw files (relative to ``path`` or absolute);
            default ``raw/seeds/`` if it exists, else ``raw/``.
        strict: a raw ``*.txt`` file not listed in articles.csv raises
            ``CorpusError``; with ``strict=False`` it is reported in
            ``Corpus.issues`` instead.
        statements: False skips statement extraction (status ``not_extracted``).
        aliases: a speaker alias CSV (``alias,canonical``) or frame that
            overrides the automatic merging of speaker names into
            ``speaker_id`` (see :func:`speaker_merges`).

    Example:
        >>> c = load_corpus(statements=False)
        >>> c.articles["status"].unique().tolist(), len(c.statements)
        (['not_extracted'], 0)
    """
    corpus = read_corpus(path, raw_dir=raw_dir, strict=strict)
    if not statements:
        return corpus
    corpus_dir = Path(path) if path is not None else paths.CORPUS_DIR
    return extract_corpus_statements(corpus, _registry(corpus_dir), aliases)


def _cache_key(path: str | os.PathLike[str] | None) -> str | None:
    return None if path is None else str(Path(path).resolve())


def _counted(statements: pd.DataFrame) -> list[bool]:
    """Which rows are statements to count (:func:`~analysis.statements.frame.row_status` ``ok``)."""
    return [row_status(k, t) == "ok" for k, t in zip(statements["kind"], statements["text"])]


@functools.lru_cache(maxsize=4)
def _cached(key: str | None) -> tuple[Corpus, pd.DataFrame]:
    corpus = load_corpus(key)
    scored = corpus.statements.join(score_frame(corpus.statements))
    # a signature line has words but is no statement: aggregates skip it by status
    signature = [row_status(k, t) == "signature" for k, t in zip(scored["kind"], scored["text"])]
    scored.loc[signature, "status"] = "signature"
    return corpus, scored


def cached_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """``load_corpus(path)``, built once per process; treat it as read-only.

    Example:
        >>> cached_corpus() is cached_corpus()
        True
    """
    return _cached(_cache_key(path))[0]


def scored_statements(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The corpus's statements joined to their scores (same index), built once per process.

    The columns are ``STATEMENT_COLUMNS`` followed by those of
    :func:`analysis.score_frame` (default lexicons and sentiment).  Each call
    returns a fresh copy, so a caller may modify it.

    Example:
        >>> s = scored_statements()
        >>> len(s) == len(cached_corpus().statements), "hostility_rate" in s.columns
        (True, True)
    """
    return _cached(_cache_key(path))[1].copy()
