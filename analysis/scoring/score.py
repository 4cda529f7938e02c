"""Score texts on hostility, hedging, certainty, loaded terms and sentiment.

For each dimension ``d`` (formulas; ``n_tokens`` = word tokens, see
:func:`analysis.scoring.tokenize.count_words`):

* ``d_count`` -- number of counted matches (:mod:`analysis.scoring.match`);
* ``d_rate``  -- ``1000 * d_count / n_tokens``  (per 1,000 tokens; 0.0 if no tokens);
* ``d_score`` -- ``1000 * sum(weights) / n_tokens`` (weighted rate).

Sentiment: VADER per sentence, token-weighted mean over sentences
(:mod:`analysis.scoring.sentiment`).

``status``: ``ok``; ``empty`` (a string with no visible characters);
``missing`` (None, NaN, pd.NA).  Non-ok rows have zero counts and sentiment 0.

Example:
    >>> s = score_text("Retribution is inevitable.")
    >>> s.hostility_count, s.certainty_count, s.n_tokens
    (1, 1, 3)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal, NamedTuple

from analysis.scoring.lexicon import DIMENSIONS, Lexicon, resolve_lexicon
from analysis.scoring.match import ZERO_COUNTS, Match
from analysis.scoring.sentiment import aggregate, get_backend
from analysis.scoring.tokenize import count_words, sentence_spans

LexiconArg = Lexicon | Sequence[Lexicon] | None
_NAN = math.nan
Mode = Literal["extend", "replace"]

#: Score columns in output order (``score_frame`` adds nothing else).
SCORE_COLUMNS: tuple[str, ...] = (
    "n_tokens",
    "n_sentences",
    *(f"{d}_{k}" for d in DIMENSIONS for k in ("count", "rate", "score")),
    "sentiment_compound",
    "sentiment_neg",
    "sentiment_neu",
    "sentiment_pos",
    "status",
)


@dataclass(frozen=True, slots=True)
class TextScores:
    """Scores of one text; see the module docstring for the formulas."""

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
    sentiment_compound: float
    sentiment_neg: float
    sentiment_neu: float
    sentiment_pos: float
    status: str
    matches: list[Match] = field(default_factory=list)

    def to_dict(self, matches: bool = False) -> dict[str, Any]:
        """Fields as a dict; ``matches=True`` adds the matches as a list of dicts.

        Example:
            >>> score_text("").to_dict()["status"]
            'empty'
        """
        d = {c: getattr(self, c) for c in SCORE_COLUMNS}
        if matches:
            d["matches"] = [m.to_dict() for m in self.matches]
        return d


def _text_status(value: Any) -> str | None:
    """'missing' / 'empty' for values that are not scored, else None."""
    if value is None:
        return "missing"
    if isinstance(value, float) and math.isnan(value):
        return "missing"
    if isinstance(value, str):
        return None if value and not value.isspace() else "empty"
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return "missing"
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return "invalid"


def _empty_row(status: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(SCORE_COLUMNS, 0)
    for d in DIMENSIONS:
        row[f"{d}_rate"] = row[f"{d}_score"] = 0.0
    row["sentiment_compound"] = row["sentiment_neg"] = row["sentiment_neu"] = row["sentiment_pos"] = 0.0
    row["status"] = status
    return row


def _sentence_scores(text: str, senti: Any) -> tuple[int, int, float, float, float, float]:
    """``(n_tokens, n_sentences, compound, neg, neu, pos)`` of a non-blank text."""
    spans = sentence_spans(text)
    if len(spans) == 1:
        a, b = spans[0]
        sent = text[a:b]
        n_tokens = count_words(sent)
        if senti is None:
            return n_tokens, 1, _NAN, _NAN, _NAN, _NAN
        if n_tokens:
            d = senti(sent)
            return n_tokens, 1, d["compound"], d["neg"], d["neu"], d["pos"]
        return n_tokens, 1, 0.0, 0.0, 0.0, 0.0
    sents = [text[a:b] for a, b in spans]
    weights = [count_words(s) for s in sents]
    n_tokens = sum(weights)
    if senti is None:
        return n_tokens, len(spans), _NAN, _NAN, _NAN, _NAN
    c, ng, nu, p = aggregate([senti(s) if w else {} for s, w in zip(sents, weights)], weights)
    return n_tokens, len(spans), c, ng, nu, p


def _score_one(text: str, matcher: Any, senti: Any) -> tuple[dict[str, Any], list[Match]]:
    n_tokens, n_sentences, *sv = _sentence_scores(text, senti)
    matches = matcher.find(text)
    c_h = c_e = c_c = c_l = 0
    w_h = w_e = w_c = w_l = 0.0
    for m in matches:
        dim = m.dimension
        if dim == "hostility":
            c_h += 1
            w_h += m.weight
        elif dim == "hedging":
            c_e += 1
            w_e += m.weight
        elif dim == "certainty":
            c_c += 1
            w_c += m.weight
        else:
            c_l += 1
            w_l += m.weight
    per = 1000.0 / n_tokens if n_tokens else 0.0
    row = {
        "n_tokens": n_tokens,
        "n_sentences": n_sentences,
        "hostility_count": c_h,
        "hostility_rate": c_h * per,
        "hostility_score": w_h * per,
        "hedging_count": c_e,
        "hedging_rate": c_e * per,
        "hedging_score": w_e * per,
        "certainty_count": c_c,
        "certainty_rate": c_c * per,
        "certainty_score": w_c * per,
        "loaded_count": c_l,
        "loaded_rate": c_l * per,
        "loaded_score": w_l * per,
        "sentiment_compound": sv[0],
        "sentiment_neg": sv[1],
        "sentiment_neu": sv[2],
        "sentiment_pos": sv[3],
        "status": "ok",
    }
    return row, matches


def _prepare(lexicons: LexiconArg, lexicon_mode: Mode, sentiment: str) -> tuple[Any, Any]:
    return resolve_lexicon(lexicons, lexicon_mode).compiled(), get_backend(sentiment)


def score_text(
    text: str | None,
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
) -> TextScores:
    """Score one text.  ``None``/NaN -> status 'missing', blank -> 'empty' (zeros).

    Args:
        text: the text (offsets of matches refer to it unchanged).
        lexicons: a :class:`Lexicon` or list of them, combined with the
            built-in lexicons according to ``lexicon_mode``.
        lexicon_mode: ``"extend"`` (user entries added, winning on the same
            term) or ``"replace"`` (user dimensions replace built-in ones).
        sentiment: ``"fast"`` (FastVader), ``"vader"`` (reference) or ``"none"``.

    Raises:
        TypeError: ``text`` is neither a string nor missing.

    Example:
        >>> s = score_text("They are idiots.")
        >>> s.hostility_count, s.sentiment_compound, [m.surface for m in s.matches]
        (1, 0.0, ['idiots'])
    """
    status = _text_status(text)
    if status == "invalid":
        raise TypeError(f"score_text expects a str (or None/NaN), got {type(text).__name__}")
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment)
    if status is not None:
        row = _empty_row(status)
        if senti is None:
            row["sentiment_compound"] = row["sentiment_neg"] = row["sentiment_neu"] = row["sentiment_pos"] = math.nan
        return TextScores(**row, matches=[])
    row, matches = _score_one(text, matcher, senti)  # type: ignore[arg-type]
    return TextScores(**row, matches=matches)


def _score_texts(
    texts: Sequence[Any],
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    with_matches: bool = False,
) -> list[dict[str, Any]]:
    """Sequential core: one row dict per text (the ``SCORE_COLUMNS``), in order.

    Values that are not strings get status 'missing'/'empty'/'invalid' (never
    an exception), so a caller that validated its column can score chunks.
    ``with_matches=True`` adds a ``matches`` list to each row.

    Example:
        >>> [r["status"] for r in _score_texts(["Fine.", None, " "])]
        ['ok', 'missing', 'empty']
    """
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment)
    out: list[dict[str, Any]] = []
    for t in texts:
        status = None if type(t) is str and t and not t.isspace() else _text_status(t)
        if status is None:
            row, matches = _score_one(t, matcher, senti)
        else:
            row, matches = _empty_row(status), []
            if senti is None:
                row["sentiment_compound"] = row["sentiment_neg"] = row["sentiment_neu"] = row["sentiment_pos"] = math.nan
        if with_matches:
            row["matches"] = matches
        out.append(row)
    return out


def _text_values(df: Any, text_col: str) -> list[Any]:
    if text_col not in df.columns:
        raise KeyError(f"text column {text_col!r} not in DataFrame; columns: {', '.join(map(str, df.columns))}")
    values = df[text_col].tolist()
    for pos, v in enumerate(values):
        if type(v) is not str and _text_status(v) == "invalid":
            raise TypeError(
                f"column {text_col!r} must hold text (str, None or NaN); row {df.index[pos]!r} "
                f"holds {type(v).__name__} {v!r}"
            )
    return values


def score_frame(
    df: Any,
    text_col: str = "text",
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    jobs: int = 1,
) -> Any:
    """Score ``df[text_col]``: same index and row order, one row per input row.

    Columns: ``SCORE_COLUMNS`` (counts, rates and scores per dimension,
    sentiment, ``status``).  ``jobs > 1`` scores on several processes
    (:func:`analysis.scoring.chunks.score_frame_parallel`); results are
    identical, and a row on which scoring raises gets zero scores and
    ``status = "error: <ExceptionType>"`` instead of aborting the call.

    Raises:
        KeyError: ``text_col`` is not a column.
        TypeError: the column holds non-text values (names column and row).

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"text": ["They are idiots.", None, ""]}, index=[7, 8, 9])
        >>> out = score_frame(df)
        >>> out.index.tolist(), out["status"].tolist(), out["hostility_count"].tolist()
        ([7, 8, 9], ['ok', 'missing', 'empty'], [1, 0, 0])
    """

    values = _text_values(df, text_col)
    if jobs is not None and jobs != 1:
        from analysis.scale.parallel import map_frame_parallel

        # The chunk scorer is named, not imported: analysis.scoring.chunks
        # imports this module (this is chunks.score_frame_parallel's call).
        return map_frame_parallel(
            df, text_col, "analysis.scoring.chunks:score_chunk_frame", jobs=jobs,
            preload=("analysis.scoring._preload",),
            lexicons=lexicons, lexicon_mode=lexicon_mode, sentiment=sentiment,
        )
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment)
    return _columns_frame(_score_columns(values, matcher, senti), df.index)


#: Texts per batch in :func:`_score_columns`: large enough that each phase
#: stays in the CPU caches, small enough to keep memory flat.
_BATCH = 1024
_SENTIMENT_KEYS = ("compound", "neg", "neu", "pos")
_get_sentiment = itemgetter(*_SENTIMENT_KEYS)
_ZERO4 = (0.0, 0.0, 0.0, 0.0)
_NAN4 = (_NAN, _NAN, _NAN, _NAN)


class _Columns(NamedTuple):
    """Raw score columns of :func:`_score_columns`, one item per text."""

    n_tokens: list[int]
    n_sentences: list[int]
    sentiment: list[tuple[float, float, float, float]]  # compound, neg, neu, pos
    counts: list[tuple[int, int, int, int, float, float, float, float]]  # Matcher.counts
    status: list[str]


def _score_columns(texts: Sequence[Any], matcher: Any, senti: Any) -> _Columns:
    """The fast core of :func:`score_frame`: counts without Match objects or row dicts.

    Gives per text the numbers of ``_sentence_scores`` and ``Matcher.counts``
    (rates and scores are left to :func:`_columns_frame`, whole columns at a
    time).  Texts go in batches, phase by phase (split, sentiment, lexicon),
    so each phase's tables stay in the CPU caches instead of evicting each
    other text after text.
    """
    cols = _Columns([], [], [], [], [])
    for i in range(0, len(texts), _BATCH):
        _score_batch(texts[i : i + _BATCH], matcher, senti, cols)
    return cols


def _score_batch(texts: Sequence[Any], matcher: Any, senti: Any, cols: _Columns) -> None:
    # plan per text: None (not scored), n_tokens of its one sentence, or the
    # token counts of its sentences
    plan: list[int | list[int] | None] = []
    ok: list[str] = []
    flat: list[str] = []  # every sentence with word tokens, in order
    status_col = cols.status
    for t in texts:
        status = None if type(t) is str and t and not t.isspace() else _text_status(t)
        if status is not None:
            status_col.append(status)
            plan.append(None)
            continue
        status_col.append("ok")
        ok.append(t)
        spans = sentence_spans(t)
        if len(spans) == 1:
            a, b = spans[0]
            sent = t[a:b]
            n = count_words(sent)
            plan.append(n)
            if n:
                flat.append(sent)
        else:
            sents = [t[a:b] for a, b in spans]
            weights = [count_words(x) for x in sents]
            plan.append(weights)
            flat.extend(x for x, w in zip(sents, weights) if w)
    scored = iter(list(map(senti, flat)) if senti is not None else ())
    counts = matcher.counts_many(ok)
    n_tokens, n_sentences, sentiment = cols.n_tokens, cols.n_sentences, cols.sentiment
    if len(ok) == len(texts):
        cols.counts.extend(counts)
    else:
        it = iter(counts)
        cols.counts.extend(ZERO_COUNTS if p is None else next(it) for p in plan)
    blank = _NAN4 if senti is None else _ZERO4
    for p in plan:
        if type(p) is int:
            n_tokens.append(p)
            n_sentences.append(1)
            if senti is None:
                sentiment.append(_NAN4)
            else:
                sentiment.append(_get_sentiment(next(scored)) if p else _ZERO4)
        elif p is None:
            n_tokens.append(0)
            n_sentences.append(0)
            sentiment.append(blank)
        else:
            n_tokens.append(sum(p))
            n_sentences.append(len(p))
            if senti is None:
                sentiment.append(_NAN4)
            else:
                sentiment.append(aggregate([next(scored) if w else {} for w in p], p))


def _columns_frame(cols: _Columns, index: Any) -> Any:
    """The ``SCORE_COLUMNS`` frame of :func:`_score_columns` output.

    Rates and scores are computed per column with numpy: ``1000.0 / n`` and
    the products are the same IEEE operations as per-row Python arithmetic,
    so every value is bit-identical to :func:`score_text`'s.
    """
    import numpy as np
    import pandas as pd

    n_tokens = np.array(cols.n_tokens, dtype=np.int64)
    per = np.zeros(len(n_tokens), dtype=np.float64)
    np.divide(1000.0, n_tokens, out=per, where=n_tokens != 0)
    # small integer counts are exact in float64
    counts = np.array(cols.counts, dtype=np.float64).reshape(-1, 8)
    sentiment = np.array(cols.sentiment, dtype=np.float64).reshape(-1, 4)
    data: dict[str, Any] = {"n_tokens": n_tokens, "n_sentences": np.array(cols.n_sentences, dtype=np.int64)}
    for i, d in enumerate(DIMENSIONS):
        data[f"{d}_count"] = counts[:, i].astype(np.int64)
        data[f"{d}_rate"] = counts[:, i] * per
        data[f"{d}_score"] = counts[:, 4 + i] * per
    for i, k in enumerate(_SENTIMENT_KEYS):
        data[f"sentiment_{k}"] = sentiment[:, i].copy()
    data["status"] = cols.status
    return pd.DataFrame(data, index=index)


MATCH_COLUMNS: tuple[str, ...] = (
    "row", "term", "dimension", "category", "start", "end", "surface", "weight", "side", "rule", "note",
)


def matches_frame(
    df: Any,
    text_col: str = "text",
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
) -> Any:
    """One row per match; ``row`` holds the index value of the source row.

    Example:
        >>> import pandas as pd
        >>> m = matches_frame(pd.DataFrame({"text": ["Fine.", "They are idiots."]}, index=["a", "b"]))
        >>> m[["row", "surface", "category"]].values.tolist()
        [['b', 'idiots', 'insult']]
    """
    import pandas as pd

    values = _text_values(df, text_col)
    matcher = resolve_lexicon(lexicons, lexicon_mode).compiled()
    records: list[tuple[Any, ...]] = []
    for idx, v in zip(df.index, values):
        if _text_status(v) is None:
            for m in matcher.find(v):
                records.append((idx, m.term, m.dimension, m.category, m.start, m.end, m.surface,
                                m.weight, m.side, m.rule, m.note))
    out = pd.DataFrame.from_records(records, columns=list(MATCH_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "weight": "float64"})
