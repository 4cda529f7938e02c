"""Score texts on hostility, hedging, certainty, loaded terms and sentiment.

For each dimension ``d`` (formulas; ``n_tokens`` = word tokens, see
:func:`analysis.scoring.tokenize.count_words`):

* ``d_count`` -- number of counted matches (:mod:`analysis.scoring.match`);
* ``d_rate``  -- ``1000 * d_count / n_tokens``  (per 1,000 tokens; 0.0 if no tokens);
* ``d_score`` -- ``1000 * sum(weights) / n_tokens`` (weighted rate).

Dimensions: hostility, hedging, certainty, loaded (``DIMENSIONS``) and
naming (side-marked names and euphemisms, kept apart from loaded language;
also ``naming_<side>_count`` for each of ``NAMING_SIDES``).

Mentions (a term after "so-called", "what X calls", in scare quotes; see
:mod:`analysis.scoring.match`) stay in ``matches`` but are not counted:
the narrator mentions the term, it does not use it.  ``count_mentions=True``
counts them too.

Sentiment: VADER per sentence, token-weighted mean over sentences
(:mod:`analysis.scoring.sentiment`).

``status``: ``ok``; ``empty`` (a string with no visible characters);
``missing`` (None, NaN, pd.NA); ``no_words`` (visible characters but no
word token, e.g. a narration row that is only ``"."`` or ``":"``: nothing to
rate, so aggregates skip it instead of counting a statement of 0 tokens).
Non-ok rows have zero counts and sentiment 0.

One text (:func:`score_text`) and a table (:func:`score_frame`) go through
the same core, :func:`_score_columns`: split into sentences, sentiment per
sentence, lexicon counts, status; only the final arithmetic differs (Python
floats for one text, numpy columns for a table, the same IEEE operations).

Example:
    >>> s = score_text("Retribution is inevitable.")
    >>> s.hostility_count, s.certainty_count, s.n_tokens
    (1, 1, 3)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from analysis.constants import NAMING, NAMING_SIDES, SCORED_DIMENSIONS
from analysis.scoring.lexicon import Lexicon, resolve_lexicon
from analysis.scoring.match import COUNT_SLOTS, ZERO_COUNTS, Counts, Match, Matcher, compile_lexicon
from analysis.scoring.sentiment import BACKENDS, Scorer, aggregate, get_backend
from analysis.scoring.tokenize import count_words, sentence_spans, split_sentences
from analysis.validate_args import ArgumentError, check_choice, require_columns

if TYPE_CHECKING:
    import pandas as pd

LexiconArg = Lexicon | Sequence[Lexicon] | None
#: Status of a text with visible characters but no word token.
NO_WORDS = "no_words"
Mode = Literal["extend", "replace"]
Unit = Literal["text", "sentence"]
#: (compound, neg, neu, pos)
Sentiment4 = tuple[float, float, float, float]

LEXICON_MODES: tuple[str, ...] = ("extend", "replace")
UNITS: tuple[str, ...] = ("text", "sentence")
_SENTIMENT_KEYS = ("compound", "neg", "neu", "pos")

#: Score columns in output order (``score_frame`` adds nothing else).
SCORE_COLUMNS: tuple[str, ...] = (
    "n_tokens",
    "n_sentences",
    *(f"{d}_{k}" for d in SCORED_DIMENSIONS for k in ("count", "rate", "score")),
    *(f"{NAMING}_{side}_count" for side in NAMING_SIDES),
    *(f"sentiment_{k}" for k in _SENTIMENT_KEYS),
    "status",
)

#: Columns ``score_frame(..., unit="sentence")`` puts before ``SCORE_COLUMNS``.
SENTENCE_COLUMNS: tuple[str, ...] = ("row", "sentence", "start", "end", "sentence_text")


@dataclass(frozen=True, slots=True)
class TextScores:
    """Scores of one text, from :func:`score_text`; see the module docstring for the formulas.

    One field per ``SCORE_COLUMNS`` entry (the columns of :func:`score_frame`)
    plus ``matches``, the :class:`~analysis.scoring.match.Match` spans behind
    the counts, ordered by offset.

    Example:
        >>> s = score_text("They might be idiots.")
        >>> s.status, s.n_tokens, s.hostility_count, s.hedging_count
        ('ok', 4, 1, 1)
        >>> s.hostility_rate == 1000 * s.hostility_count / s.n_tokens
        True
        >>> [(m.surface, m.dimension) for m in s.matches]
        [('might', 'hedging'), ('idiots', 'hostility')]
        >>> score_text(None).status, score_text(None).matches
        ('missing', [])
    """

    n_tokens: int
    n_sentences: int
    hostility_count: int
    hostility_rate: float
    hostility_score: float
    hedging_count: int
    hedging_rate: float
    hedging_score: float
    certainty_count: int
    certainty_rate: float
    certainty_score: float
    loaded_count: int
    loaded_rate: float
    loaded_score: float
    naming_count: int
    naming_rate: float
    naming_score: float
    naming_russian_count: int
    naming_ukrainian_count: int
    naming_western_count: int
    naming_neutral_count: int
    sentiment_compound: float
    sentiment_neg: float
    sentiment_neu: float
    sentiment_pos: float
    status: str
    matches: list[Match] = field(default_factory=list)

    def to_dict(self, matches: bool = False) -> dict[str, object]:
        """Fields as a dict; ``matches=True`` adds the matches as a list of dicts.

        Example:
            >>> score_text("").to_dict()["status"]
            'empty'
        """
        d: dict[str, object] = {c: getattr(self, c) for c in SCORE_COLUMNS}
        if matches:
            d["matches"] = [m.to_dict() for m in self.matches]
        return d


def _text_status(value: object) -> str | None:
    """'missing' / 'empty' for values that are not scored, 'invalid' for non-text, else None."""
    if value is None:
        return "missing"
    if isinstance(value, float) and math.isnan(value):
        return "missing"
    if isinstance(value, str):
        return None if value and not value.isspace() else "empty"
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return "missing"
    return "invalid"


def _sentences(text: str) -> list[str]:
    """The sentences of a non-blank text: the one splitting rule of every unit."""
    spans = sentence_spans(text)
    if len(spans) == 1:  # most statements
        a, b = spans[0]
        return [text[a:b]]
    return [text[a:b] for a, b in spans]


def _one_sentence(text: str) -> list[str]:
    """A text that is already one sentence (``unit="sentence"``)."""
    return [text]


Splitter = Callable[[str], list[str]]
_T = TypeVar("_T")


class _Columns(NamedTuple):
    """Raw score columns of :func:`_score_columns`, in text order (some flattened, see below)."""

    n_tokens: list[int]
    n_sentences: list[int]
    # Per-text tuples, flattened into plain numbers so that they die with
    # their batch instead of piling up for the garbage collector to scan
    # again and again: text i's (compound, neg, neu, pos) are sentiment[4i:4i + 4],
    # its Counts.n and Counts.weight count_n/count_w[i * D:(i + 1) * D]
    # (D = len(COUNT_SLOTS)).
    sentiment: list[float]
    count_n: list[int]
    count_w: list[float]
    status: list[str]
    matches: list[list[Match]]  # empty unless with_matches


#: Texts per batch in :func:`_score_columns`: large enough that each phase
#: stays in the CPU caches, small enough to keep memory flat.
_BATCH = 1024
_get_sentiment = itemgetter(*_SENTIMENT_KEYS)
_ZERO4: Sentiment4 = (0.0, 0.0, 0.0, 0.0)
_NAN4: Sentiment4 = (math.nan, math.nan, math.nan, math.nan)


def _score_columns(
    texts: Sequence[object],
    matcher: Matcher,
    senti: Scorer | None,
    *,
    split: Splitter = _sentences,
    with_matches: bool = False,
    count_mentions: bool = False,
) -> _Columns:
    """The core of :func:`score_text` and :func:`score_frame`: raw score columns, in text order.

    Gives per text its token and sentence counts, sentiment, lexicon
    :class:`Counts` and status (rates and scores are left to the caller).
    Texts go in batches, phase by phase (split, sentiment, lexicon), so each
    phase's tables stay in the CPU caches instead of evicting each other
    text after text.  ``with_matches=True`` builds the :class:`Match` spans
    (``Matcher.find``) and tallies them; otherwise ``Matcher.counts_many``
    counts without building them -- the same numbers (tests pin this).
    Values that are not non-blank strings get their status and zero scores.

    Example:
        >>> cols = _score_columns(["Fine.", None, " "], compile_lexicon(Lexicon.builtin()), None)
        >>> cols.status, cols.n_tokens
        (['ok', 'missing', 'empty'], [1, 0, 0])
    """
    cols = _Columns([], [], [], [], [], [], [])
    for i in range(0, len(texts), _BATCH):
        _score_batch(texts[i : i + _BATCH], matcher, senti, split, with_matches, cols, count_mentions)
    return cols


def _score_batch(
    texts: Sequence[object], matcher: Matcher, senti: Scorer | None,
    split: Splitter, with_matches: bool, cols: _Columns, count_mentions: bool = False,
) -> None:
    # Flat bookkeeping, no container per text (the garbage collector would
    # pay for each): a text has n_sentences > 0 exactly when it is scored,
    # and `weights` holds the token counts of all its sentences in order.
    first = len(cols.n_sentences)
    ok: list[str] = []
    weights: list[int] = []
    flat: list[str] = []  # every sentence with word tokens, in order
    status_col, n_tokens, n_sentences = cols.status, cols.n_tokens, cols.n_sentences
    for t in texts:
        status = None if type(t) is str and t and not t.isspace() else _text_status(t)
        if status is not None:
            status_col.append(status)
            n_tokens.append(0)
            n_sentences.append(0)
            continue
        status_col.append("ok")
        ok.append(t)  # type: ignore[arg-type]  # status None: a non-blank str
        sents = split(t)  # type: ignore[arg-type]
        if len(sents) == 1:  # most statements: spare the list work below
            n = count_words(sents[0])
            weights.append(n)
            n_tokens.append(n)
            if n:
                flat.append(sents[0])
        else:
            w = list(map(count_words, sents))
            weights.extend(w)
            n_tokens.append(sum(w))
            flat.extend(compress(sents, w))
        n_sentences.append(len(sents))
    plan = n_sentences[first:]
    scored = iter(list(map(senti, flat)) if senti is not None else ())
    _sentiment_column(plan, weights, scored, senti is None, cols.sentiment)
    if with_matches:
        found = [matcher.find(t) for t in ok]
        counts = [Counts.of_matches(m, count_mentions=count_mentions) for m in found]
        cols.matches.extend(_spread(plan, found, []))
    else:
        counts = matcher.counts_many(ok, count_mentions=count_mentions)
    if len(ok) != len(plan):
        counts = _spread(plan, counts, ZERO_COUNTS)
    cols.count_n.extend(chain.from_iterable([c.n for c in counts]))
    cols.count_w.extend(chain.from_iterable([c.weight for c in counts]))


def _spread(plan: list[int], values: list[_T], blank: _T) -> list[_T]:
    """``values`` (one per scored text) with ``blank`` at the texts not scored (0 sentences)."""
    it = iter(values)
    return [next(it) if k else blank for k in plan]


def _sentiment_column(
    plan: list[int], weights: list[int], scored: Iterator[dict[str, float]], no_sentiment: bool,
    out: list[float],
) -> None:
    """Append each text's sentiment: NaN without a backend, 0 for texts not scored.

    ``plan`` gives each text's number of sentences (0: not scored) and
    ``weights`` their token counts; ``scored`` the scores of the sentences
    with tokens.  One sentence keeps VADER's own numbers (a weighted mean of
    one value is not always bit-identical to it); several are token-weighted
    (:func:`analysis.scoring.sentiment.aggregate`).
    """
    if no_sentiment:
        out.extend(_NAN4 * len(plan))
        return
    pos = 0
    for k in plan:
        if k == 0:
            out.extend(_ZERO4)
        elif k == 1:
            out.extend(_get_sentiment(next(scored)) if weights[pos] else _ZERO4)
            pos += 1
        else:
            w = weights[pos : pos + k]
            pos += k
            out.extend(aggregate([next(scored) if x else {} for x in w], w))


def _prepare(lexicons: LexiconArg, lexicon_mode: Mode, sentiment: str, who: str) -> tuple[Matcher, Scorer | None]:
    check_choice("lexicon_mode", lexicon_mode, LEXICON_MODES, who=who)
    check_choice("sentiment", sentiment, BACKENDS, who=who)
    return compile_lexicon(resolve_lexicon(lexicons, lexicon_mode)), get_backend(sentiment)


def _text_scores(cols: _Columns, i: int) -> TextScores:
    """Row ``i`` of ``cols`` as :class:`TextScores` (Python floats, as :func:`_columns_frame`)."""
    n_tokens = cols.n_tokens[i]
    per = 1000.0 / n_tokens if n_tokens else 0.0
    row: dict[str, int | float | str] = {"n_tokens": n_tokens, "n_sentences": cols.n_sentences[i]}
    at = i * len(COUNT_SLOTS)
    for k, d in enumerate(SCORED_DIMENSIONS, start=at):
        row[f"{d}_count"] = cols.count_n[k]
        row[f"{d}_rate"] = cols.count_n[k] * per
        row[f"{d}_score"] = cols.count_w[k] * per
    for k in range(at + len(SCORED_DIMENSIONS), at + len(COUNT_SLOTS)):
        row[f"{COUNT_SLOTS[k - at]}_count"] = cols.count_n[k]
    k4 = len(_SENTIMENT_KEYS)
    for key, value in zip(_SENTIMENT_KEYS, cols.sentiment[k4 * i : k4 * (i + 1)]):
        row[f"sentiment_{key}"] = value
    status = cols.status[i]
    row["status"] = NO_WORDS if status == "ok" and not n_tokens else status
    return TextScores(**row, matches=cols.matches[i] if cols.matches else [])  # type: ignore[arg-type]


def score_text(
    text: str | None,
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    count_mentions: bool = False,
) -> TextScores:
    """Score one text.  ``None``/NaN -> status 'missing', blank -> 'empty' (zeros).

    Args:
        text: the text (offsets of matches refer to it unchanged).
        lexicons: a :class:`Lexicon` or list of them, combined with the
            built-in lexicons according to ``lexicon_mode``.
        lexicon_mode: ``"extend"`` (user entries added, winning on the same
            term) or ``"replace"`` (user dimensions replace built-in ones).
        sentiment: ``"fast"`` (FastVader), ``"vader"`` (reference) or ``"none"``.
        count_mentions: also count mentioned terms ("so-called", scare
            quotes); by default they are only listed in ``matches``.

    Raises:
        TypeError: ``text`` is neither a string nor missing.
        ArgumentError: ``lexicon_mode`` or ``sentiment`` is not one of the options.

    Example:
        >>> s = score_text("They are idiots.")
        >>> s.hostility_count, s.sentiment_compound, [m.surface for m in s.matches]
        (1, 0.0, ['idiots'])
        >>> s = score_text('Troops entered what Moscow calls "liberated" Kherson.')
        >>> [(m.surface, m.mention, m.holder) for m in s.matches], s.naming_count
        ([('liberated', True, 'Moscow')], 0)
        >>> score_text('Troops entered what Moscow calls "liberated" Kherson.', count_mentions=True).naming_count
        1
    """
    if _text_status(text) == "invalid":
        raise TypeError(f"score_text expects a str (or None/NaN), got {type(text).__name__}")
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment, "score_text")
    if not isinstance(count_mentions, bool):
        raise ArgumentError(f"score_text: count_mentions must be True or False, got {count_mentions!r}")
    return _text_scores(_score_columns([text], matcher, senti, with_matches=True, count_mentions=count_mentions), 0)


def _text_values(df: pd.DataFrame, text_col: str, who: str) -> list[object]:
    require_columns(df, [text_col], who=who, frame_name="df")
    values: list[object] = df[text_col].tolist()
    for pos, v in enumerate(values):
        if type(v) is not str and _text_status(v) == "invalid":
            raise TypeError(
                f"column {text_col!r} must hold text (str, None or NaN); row {df.index[pos]!r} "
                f"holds {type(v).__name__} {v!r}"
            )
    return values


# Long for its docstring only (what help(score_frame) shows: arguments and output columns).
def score_frame(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    jobs: int = 1,
    unit: Unit = "text",
    count_mentions: bool = False,
) -> pd.DataFrame:
    """Score ``df[text_col]``, one output row per input row (or per sentence).

    Args:
        df: the table; only ``text_col`` is read.
        text_col: the column holding the texts (str; None/NaN/pd.NA are
            'missing', blank strings 'empty').
        lexicons: a :class:`~analysis.scoring.lexicon.Lexicon` or a list of
            them (e.g. ``Lexicon.from_csv("mine.csv")``), combined with the
            built-in lexicons by ``lexicon_mode``; ``None`` scores with the
            built-in lexicons only.
        lexicon_mode: ``"extend"`` adds the user entries to the built-in
            ones (a user entry wins on the same dimension and term);
            ``"replace"`` drops the built-in entries of every dimension the
            user lexicons cover, so those dimensions count user terms only.
        sentiment: ``"fast"`` (FastVader, identical numbers to VADER and
            faster), ``"vader"`` (the reference vaderSentiment) or ``"none"``
            (skip sentiment; the four sentiment columns are NaN).
        jobs: processes to score on (``unit="text"`` only); ``jobs > 1``
            uses :func:`analysis.scale.parallel.score_frame_parallel`, with
            identical results.
        unit: ``"text"`` -- one row per input row, same index and order;
            ``"sentence"`` -- one row per sentence of each text (the
            sentences of :func:`analysis.split_sentences`), each scored as a
            text of its own, on a fresh RangeIndex.
        count_mentions: also count mentioned terms (after "so-called", "what
            X calls", in scare quotes); by default a mention is the quoted
            term of someone else and does not count against the narrator.

    Returns:
        A DataFrame with ``SCORE_COLUMNS``:

        * ``n_tokens``, ``n_sentences`` -- word tokens and sentences;
        * for each dimension ``d`` in hostility, hedging, certainty, loaded,
          naming: ``d_count`` (matches), ``d_rate`` (per 1,000 tokens) and
          ``d_score`` (weighted rate);
        * ``naming_russian_count``, ``naming_ukrainian_count``,
          ``naming_western_count``, ``naming_neutral_count`` -- naming
          matches per side;
        * ``sentiment_compound``, ``sentiment_neg``, ``sentiment_neu``,
          ``sentiment_pos`` -- token-weighted VADER over sentences;
        * ``status`` -- ``ok``, ``missing`` or ``empty``.

        With ``unit="sentence"`` these come after ``SENTENCE_COLUMNS``:
        ``row`` (the parent row's index label), ``sentence`` (0-based number
        within the parent), ``start``/``end`` (offsets into the parent text)
        and ``sentence_text``.  A parent whose text is missing or empty gets
        one row with that status and ``<NA>``/None in those columns, so every
        input row is accounted for.  Join back with ``out.join(df, on="row")``.

    Raises:
        ArgumentError: ``text_col`` is not a column or appears twice (also a
            KeyError), or an option is not one of those listed above.
        TypeError: the column holds non-text values (names column and row).

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"text": ["They are idiots.", None, ""]}, index=[7, 8, 9])
        >>> out = score_frame(df)
        >>> out.index.tolist(), out["status"].tolist(), out["hostility_count"].tolist()
        ([7, 8, 9], ['ok', 'missing', 'empty'], [1, 0, 0])
        >>> per = score_frame(pd.DataFrame({"text": ["It may rain. They are idiots.", None]}),
        ...                   unit="sentence")
        >>> per[["row", "sentence", "start", "end", "hedging_count", "status"]].values.tolist()
        [[0, 0, 0, 12, 1, 'ok'], [0, 1, 13, 29, 0, 'ok'], [1, <NA>, <NA>, <NA>, 0, 'missing']]
    """
    check_choice("unit", unit, UNITS, who="score_frame")
    if not isinstance(count_mentions, bool):
        raise ArgumentError(f"score_frame: count_mentions must be True or False, got {count_mentions!r}")
    values = _text_values(df, text_col, "score_frame")
    if jobs is not None and jobs != 1:
        if unit != "text":
            raise ArgumentError(f"score_frame: jobs={jobs!r} needs unit='text'; unit={unit!r} runs with jobs=1")
        from analysis.scale.parallel import map_frame_parallel

        # The chunk scorer is named, not imported: analysis.scoring.chunks
        # imports this module (this is chunks.score_frame_parallel's call).
        return map_frame_parallel(
            df, text_col, "analysis.scoring.chunks:score_chunk_frame", jobs=jobs,
            preload=("analysis.scoring._preload",),
            lexicons=lexicons, lexicon_mode=lexicon_mode, sentiment=sentiment,
            count_mentions=count_mentions,
        )
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment, "score_frame")
    if unit == "sentence":
        return _sentence_frame(df.index, values, matcher, senti, count_mentions)
    return _columns_frame(_score_columns(values, matcher, senti, count_mentions=count_mentions), df.index)


def _sentence_frame(
    index: pd.Index, values: list[object], matcher: Matcher, senti: Scorer | None, count_mentions: bool,
) -> pd.DataFrame:
    """``score_frame(..., unit="sentence")``: each sentence a text of its own."""
    import pandas as pd

    rows: list[object] = []
    number: list[int | None] = []
    starts: list[int | None] = []
    ends: list[int | None] = []
    units: list[object] = []  # a sentence, or the parent's missing/blank value
    for label, value in zip(index, values):
        spans = split_sentences(value) if _text_status(value) is None else []  # type: ignore[arg-type]
        if not spans:
            rows.append(label)
            number.append(None)
            starts.append(None)
            ends.append(None)
            units.append(value)
            continue
        for k, span in enumerate(spans):
            rows.append(label)
            number.append(k)
            starts.append(span.start)
            ends.append(span.end)
            units.append(span.text)
    scores = _columns_frame(
        _score_columns(units, matcher, senti, split=_one_sentence, count_mentions=count_mentions),
        pd.RangeIndex(len(units)),
    )
    head = pd.DataFrame(
        {
            "row": pd.Series(rows, dtype=index.dtype if len(rows) else object),
            "sentence": pd.array(number, dtype="Int64"),
            "start": pd.array(starts, dtype="Int64"),
            "end": pd.array(ends, dtype="Int64"),
            "sentence_text": pd.Series([u if n is not None else None for u, n in zip(units, number)], dtype=object),
        }
    )
    return pd.concat([head, scores], axis=1)


def _columns_frame(cols: _Columns, index: pd.Index) -> pd.DataFrame:
    """The ``SCORE_COLUMNS`` frame of :func:`_score_columns` output.

    Rates and scores are computed per column with numpy: ``1000.0 / n`` and
    the products are the same IEEE operations as :func:`_text_scores`'s
    Python arithmetic, so every value is bit-identical to :func:`score_text`'s.
    """
    import numpy as np
    import pandas as pd

    n_dims = len(COUNT_SLOTS)
    n_tokens = np.array(cols.n_tokens, dtype=np.int64)
    per = np.zeros(len(n_tokens), dtype=np.float64)
    np.divide(1000.0, n_tokens, out=per, where=n_tokens != 0)
    n = np.array(cols.count_n, dtype=np.int64).reshape(-1, n_dims)
    weight = np.array(cols.count_w, dtype=np.float64).reshape(-1, n_dims)
    sentiment = np.array(cols.sentiment, dtype=np.float64).reshape(-1, len(_SENTIMENT_KEYS))
    data: dict[str, object] = {"n_tokens": n_tokens, "n_sentences": np.array(cols.n_sentences, dtype=np.int64)}
    for i, d in enumerate(SCORED_DIMENSIONS):
        data[f"{d}_count"] = n[:, i].copy()
        data[f"{d}_rate"] = n[:, i] * per
        data[f"{d}_score"] = weight[:, i] * per
    for i in range(len(SCORED_DIMENSIONS), n_dims):
        data[f"{COUNT_SLOTS[i]}_count"] = n[:, i].copy()
    for i, k in enumerate(_SENTIMENT_KEYS):
        data[f"sentiment_{k}"] = sentiment[:, i].copy()
    data["status"] = [NO_WORDS if s == "ok" and not n else s for s, n in zip(cols.status, cols.n_tokens)]
    return pd.DataFrame(data, index=index)


MATCH_COLUMNS: tuple[str, ...] = (
    "row", "term", "dimension", "category", "start", "end", "surface", "weight", "side", "rule", "note",
    "mention", "holder",
)


def matches_frame(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
) -> pd.DataFrame:
    """One row per match (``MATCH_COLUMNS``); ``row`` holds the index value of the source row.

    ``lexicons`` and ``lexicon_mode`` as in :func:`score_frame`.

    Example:
        >>> import pandas as pd
        >>> m = matches_frame(pd.DataFrame({"text": ["Fine.", "They are idiots."]}, index=["a", "b"]))
        >>> m[["row", "surface", "category"]].values.tolist()
        [['b', 'idiots', 'insult']]
    """
    import pandas as pd

    values = _text_values(df, text_col, "matches_frame")
    check_choice("lexicon_mode", lexicon_mode, LEXICON_MODES, who="matches_frame")
    matcher = compile_lexicon(resolve_lexicon(lexicons, lexicon_mode))
    records: list[tuple[object, ...]] = []
    for idx, v in zip(df.index, values):
        if isinstance(v, str) and _text_status(v) is None:
            for m in matcher.find(v):
                records.append((idx, m.term, m.dimension, m.category, m.start, m.end, m.surface,
                                m.weight, m.side, m.rule, m.note, m.mention, m.holder))
    out = pd.DataFrame.from_records(records, columns=list(MATCH_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "weight": "float64", "mention": "bool"})
