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

Languages: each text gets a ``language`` (en, ru, uk, other) by
:func:`analysis.scoring.language.detect_language` (script and letter rules;
a mixed text takes the language with the most letters over its sentences),
or the ``language=`` override for every text.  ``ru`` and ``uk`` texts are
matched on lemmas with the package's ru/uk lexicons
(:mod:`analysis.scoring.lemma_match`), their Latin-script words with the
English lexicons (user ``lexicons=`` included), and ``n_tokens`` counts their
words (:func:`analysis.scoring.morph.tokens`);
``en`` and ``other`` texts go through the English path unchanged.  VADER is
English-only and never runs on a ``ru``/``uk`` text or a text with more
Cyrillic than Latin letters: its four sentiment columns are NaN and
``sentiment_status`` is ``sentiment_unavailable`` (``status`` stays ``ok``,
because the lexicon scores are valid and aggregates keep ``ok`` rows).
``sentiment_status`` is otherwise ``ok``, or ``not_requested`` with
``sentiment="none"``.  For per-sentence languages in a mixed text, score with
``unit="sentence"``: each sentence is then detected on its own.

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

import gc
import math
import numbers
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, compress, islice
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeGuard, TypeVar

from analysis.constants import NAMING, NAMING_SIDES, SCORED_DIMENSIONS
from analysis.language import CYRILLIC, LATIN
from analysis.scoring.language import LANGUAGES, detect_language
from analysis.scoring.lemma_match import LemmaMatcher
from analysis.scoring.lexicon import Lexicon, resolve_lexicon
from analysis.scoring.match import COUNT_SLOTS, ZERO_COUNTS, Counts, Match, Matcher, compile_lexicon
from analysis.scoring.morph import Token, tokens
from analysis.scoring.normalize import OffsetMap, strip_invisible
from analysis.scoring.sentiment import BACKENDS, ManyScorer, Sentiment4, aggregate4, get_many_scorer
from analysis.scoring.tokenize import count_words, count_words_many, sentence_spans, split_sentences
from analysis.validate_args import ArgumentError, check_choice, require_columns

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

LexiconArg = Lexicon | Sequence[Lexicon] | None
#: Status of a text with visible characters but no word token.
NO_WORDS = "no_words"
Mode = Literal["extend", "replace"]
Unit = Literal["text", "sentence"]
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
    "language",
    "sentiment_status",
)

#: ``sentiment_status`` of a text VADER is not run on (ru, uk, Cyrillic script).
SENTIMENT_UNAVAILABLE = "sentiment_unavailable"
#: Languages scored on lemmas (:mod:`analysis.scoring.lemma_match`).
LEMMA_LANGUAGES: tuple[str, ...] = ("ru", "uk")

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
    language: str
    sentiment_status: str
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
    import numpy as np
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return "missing"
    if isinstance(value, np.floating) and np.isnan(value):  # float32/float16 NaN, not a float subclass
        return "missing"
    return "invalid"


def _sentences(text: str) -> list[str]:
    """The sentences of a non-blank text: the one splitting rule of every unit."""
    # sentence_spans' first test, for the commonest statement (one line, no
    # surrounding whitespace, no '.', '?' or '!' before its last character):
    # it is one sentence, the whole text, with no spans to build and slice
    if (
        not text[0].isspace()
        and not text[-1].isspace()
        and text.find(".", 0, -1) < 0
        and text.find("?", 0, -1) < 0
        and text.find("!", 0, -1) < 0
        and "\n" not in text
        and "\r" not in text
    ):
        return [text]
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
    # text i's (compound, neg, neu, pos) are sentiment[4i:4i + 4] (flattened:
    # plain floats, no tuple per text)
    sentiment: list[float]
    # one Counts per text: most are the same few shared objects (ZERO_COUNTS,
    # an entry's precomputed one-match Counts), which _count_arrays reads once
    counts: list[Counts]
    status: list[str]
    matches: list[list[Match]]  # empty unless with_matches
    language: list[str]
    sentiment_status: list[str]


#: Texts per batch in :func:`_score_columns`: large enough that each phase
#: stays in the CPU caches, small enough to keep memory flat.
_BATCH = 1024
_ZERO4: Sentiment4 = (0.0, 0.0, 0.0, 0.0)
_NAN4: Sentiment4 = (math.nan, math.nan, math.nan, math.nan)


def _score_columns(
    texts: Sequence[object],
    matcher: Matcher,
    senti: ManyScorer | None,
    *,
    split: Splitter = _sentences,
    with_matches: bool = False,
    language: str | None = None,
    count_mentions: bool = False,
) -> _Columns:
    """The core of :func:`score_text` and :func:`score_frame`: raw score columns, in text order.

    Gives per text its token and sentence counts, sentiment, lexicon
    :class:`Counts`, status, language and sentiment status (rates and scores
    are left to the caller).  Texts go in batches, phase by phase (split,
    sentiment, lexicon), so each phase's tables stay in the CPU caches
    instead of evicting each other text after text.  ``with_matches=True``
    builds the :class:`Match` spans (``Matcher.find``) and tallies them;
    otherwise ``Matcher.counts_many`` counts without building them -- the
    same numbers (tests pin this).  ``ru``/``uk`` texts (detected, or all
    texts with ``language=``) are matched on lemmas (module docstring).
    Values that are not non-blank strings get their status and zero scores.

    Example:
        >>> cols = _score_columns(["Fine.", None, "Всё хорошо."], compile_lexicon(Lexicon.builtin()), None)
        >>> cols.status, cols.n_tokens, cols.language
        (['ok', 'missing', 'ok'], [1, 0, 2], ['en', 'other', 'ru'])
    """
    cols = _Columns([], [], [], [], [], [], [], [])
    for i in range(0, len(texts), _BATCH):
        batch, stripped = _without_invisible(texts[i : i + _BATCH])
        first = len(cols.matches)
        languages = _languages(batch, language)
        if senti is None or with_matches:
            _score_batch(batch, languages, matcher, senti, split, with_matches, cols, count_mentions)
        elif _plain_batch(batch, languages):
            _score_plain_batch(batch, languages, matcher, senti, split, cols, count_mentions)
        else:
            _score_mixed_batch(batch, languages, matcher, senti, split, cols, count_mentions)
        if with_matches:
            for j, (original, offsets) in stripped.items():
                cols.matches[first + j] = [_on_original(m, original, offsets) for m in cols.matches[first + j]]
    return cols


def _without_invisible(texts: Sequence[object]) -> tuple[Sequence[object], dict[int, tuple[str, OffsetMap]]]:
    """The texts with :func:`~analysis.scoring.normalize.strip_invisible` applied, and the changed ones.

    Every later step (language, sentences, tokens, VADER, both matchers)
    reads the cleaned text, so a soft hyphen or stress mark inside a word
    splits it nowhere; the changed texts' maps bring match spans back.
    An all-ASCII batch costs one C-level ``isascii`` per text.
    """
    try:
        if all(map(str.isascii, texts)):  # type: ignore[arg-type]
            return texts, {}
    except TypeError:  # a value that is not a str: its status comes later
        pass
    out: list[object] = list(texts)
    changed: dict[int, tuple[str, OffsetMap]] = {}
    for j, t in enumerate(texts):
        if isinstance(t, str) and not t.isascii():
            clean, offsets = strip_invisible(t)
            if offsets is not None:
                out[j] = clean
                changed[j] = (t, offsets)
    return out, changed


def _on_original(m: Match, original: str, offsets: OffsetMap) -> Match:
    """A match of the cleaned text, with its span and surface on the original text."""
    start, end = offsets[m.start], offsets[m.end]
    return m._replace(start=start, end=end, surface=original[start:end])


def _languages(texts: Sequence[object], language: str | None) -> list[str]:
    """One language per text: the override, or detected (a value that is not text: ``other``)."""
    if language is not None:
        return [language] * len(texts)
    return [detect_language(t) if type(t) is str else "other" for t in texts]


def _cyrillic_script(text: str) -> bool:
    """More Cyrillic than Latin letters: not a text for VADER, whatever its language label."""
    if text.isascii():
        return False
    return CYRILLIC.search(text) is not None and len(CYRILLIC.findall(text)) > len(LATIN.findall(text))


class _LemmaText(NamedTuple):
    """A ru/uk text of a batch with its tokens, matched after the split phase."""

    text: str
    language: str
    tokens: list[Token]


def _score_batch(
    texts: Sequence[object], languages: list[str], matcher: Matcher, senti: ManyScorer | None,
    split: Splitter, with_matches: bool, cols: _Columns, count_mentions: bool = False,
) -> None:
    # Flat bookkeeping, no container per text (the garbage collector would
    # pay for each): a text has n_sentences > 0 exactly when it is scored,
    # and `weights` holds the token counts of all its sentences in order.
    # `plan` is what the sentiment phase reads: sentences per text, 0 for a
    # text not scored, -1 for one VADER must not see (NaN).
    first = len(cols.n_sentences)
    ok: list[str] = []  # scored texts on the English path
    lemma_ok: list[_LemmaText] = []  # scored texts on the ru/uk lemma path
    on_lemma: list[bool] = []  # per scored text, in order: which of the two
    plan: list[int] = []
    weights: list[int] = []
    flat: list[str] = []  # every sentence with word tokens, in order
    status_col, n_tokens, n_sentences = cols.status, cols.n_tokens, cols.n_sentences
    sentiment_status = cols.sentiment_status
    senti_ok = "ok" if senti is not None else "not_requested"
    cols.language.extend(languages)
    for t, lang in zip(texts, languages):
        if type(t) is not str or not t or t.isspace():
            status_col.append(_text_status(t) or "empty")  # a str here is blank: 'empty'
            n_tokens.append(0)
            n_sentences.append(0)
            plan.append(0)
            sentiment_status.append(senti_ok)
            continue
        status_col.append("ok")
        sents = split(t)
        n_sentences.append(len(sents))
        lemma = lang in LEMMA_LANGUAGES
        on_lemma.append(lemma)
        if lemma:
            toks = tokens(t, lang, stripped=True)  # _without_invisible has cleaned t
            n_tokens.append(len(toks))
            lemma_ok.append(_LemmaText(t, lang, toks))
        else:
            ok.append(t)
            if senti is None or t.isascii() or not _cyrillic_script(t):  # isascii: spares a call
                plan.append(len(sents))
                sentiment_status.append(senti_ok)
                if len(sents) == 1:  # most statements: _add_weights inlined
                    k = count_words(sents[0])
                    weights.append(k)
                    n_tokens.append(k)
                    if k:
                        flat.append(sents[0])
                else:
                    _add_weights(sents, weights, n_tokens, flat)
                continue
            n_tokens.append(sum(map(count_words, sents)))
        plan.append(-1)
        sentiment_status.append(SENTIMENT_UNAVAILABLE)
    scored = iter(senti(flat) if senti is not None else ())
    _sentiment_column(plan, weights, scored, senti is None, cols.sentiment)
    counts = _batch_counts(ok, lemma_ok, on_lemma, matcher, with_matches, cols, n_sentences[first:],
                           count_mentions)
    cols.counts.extend(counts)


def _plain_batch(texts: Sequence[object], languages: list[str]) -> TypeGuard[Sequence[str]]:
    """Every text a non-blank str on the English path that VADER may read: the common batch."""
    if not set(map(type, texts)) <= {str} or not all(texts) or any(map(str.isspace, texts)):  # type: ignore[arg-type]
        return False
    if "ru" in languages or "uk" in languages:
        return False
    assert set(LEMMA_LANGUAGES) == {"ru", "uk"}  # the two tests above
    return all(map(str.isascii, texts)) or not any(map(_cyrillic_script, texts))  # type: ignore[arg-type]


def _plain_text(text: object, language: str) -> bool:
    """One text of what :func:`_plain_batch` accepts."""
    return (
        type(text) is str and bool(text) and not text.isspace() and language not in LEMMA_LANGUAGES
        and (text.isascii() or not _cyrillic_script(text))
    )


def _score_mixed_batch(
    texts: Sequence[object], languages: list[str], matcher: Matcher, senti: ManyScorer, split: Splitter,
    cols: _Columns, count_mentions: bool,
) -> None:
    """A batch with some texts off the plain path (blank, ru/uk, Cyrillic script): in runs, in order.

    Runs of plain texts go column by column (:func:`_score_plain_batch`),
    the others text by text (:func:`_score_batch`); both append to ``cols``
    in text order, so the columns are those of one :func:`_score_batch`.
    """
    plain = [_plain_text(t, lang) for t, lang in zip(texts, languages)]
    i, n = 0, len(texts)
    while i < n:
        j = i + 1
        while j < n and plain[j] == plain[i]:
            j += 1
        if plain[i]:
            _score_plain_batch(texts[i:j], languages[i:j], matcher, senti, split, cols,  # type: ignore[arg-type]
                               count_mentions)
        else:
            _score_batch(texts[i:j], languages[i:j], matcher, senti, split, False, cols, count_mentions)
        i = j


def _score_plain_batch(
    texts: Sequence[str], languages: list[str], matcher: Matcher, senti: ManyScorer, split: Splitter,
    cols: _Columns, count_mentions: bool,
) -> None:
    """:func:`_score_batch` of a :func:`_plain_batch`, column by column instead of text by text.

    The same values in the same order: every text is 'ok', on the English
    path, scored by VADER sentence by sentence and counted by
    ``Matcher.counts_many``.
    """
    n = len(texts)
    cols.language.extend(languages)
    cols.status.extend(["ok"] * n)
    cols.sentiment_status.extend(["ok"] * n)
    sents = list(map(split, texts))
    lens = list(map(len, sents))  # >= 1: a non-blank text has a sentence
    cols.n_sentences.extend(lens)
    flat = list(chain.from_iterable(sents))
    weights = count_words_many(flat)
    if len(flat) == n:
        cols.n_tokens.extend(weights)
    else:
        it = iter(weights)
        cols.n_tokens.extend([next(it) if k == 1 else sum(islice(it, k)) for k in lens])
    scored = iter(senti(list(compress(flat, weights))))
    _sentiment_column(lens, weights, scored, False, cols.sentiment)
    counts = matcher.counts_many(texts, count_mentions=count_mentions)
    cols.counts.extend(counts)


def _add_weights(sents: list[str], weights: list[int], n_tokens: list[int], flat: list[str]) -> None:
    """Token counts of one English-path text's sentences, and its sentences with words.

    The one-sentence case, most statements, is inlined in the caller.
    """
    w = list(map(count_words, sents))
    weights.extend(w)
    n_tokens.append(sum(w))
    flat.extend(compress(sents, w))


def _batch_counts(
    ok: list[str], lemma_ok: list[_LemmaText], on_lemma: list[bool], matcher: Matcher,
    with_matches: bool, cols: _Columns, sentences_per_text: list[int], count_mentions: bool = False,
) -> list[Counts]:
    """Counts of every text of a batch (zeros for texts not scored), matches too if asked."""
    found_lemma = [_lemma_find(x, matcher) for x in lemma_ok]
    lemma_counts = [Counts.of_matches(m, count_mentions=count_mentions) for m in found_lemma]
    if with_matches:
        found = [matcher.find(t) for t in ok]
        en_counts = [Counts.of_matches(m, count_mentions=count_mentions) for m in found]
        cols.matches.extend(_spread(sentences_per_text, _merge(on_lemma, found, found_lemma), []))
    else:
        en_counts = matcher.counts_many(ok, count_mentions=count_mentions)
    counts = _merge(on_lemma, en_counts, lemma_counts) if lemma_ok else en_counts
    if len(counts) != len(sentences_per_text):
        counts = _spread(sentences_per_text, counts, ZERO_COUNTS)
    return counts


def _lemma_find(x: _LemmaText, matcher: Matcher) -> list[Match]:
    """Matches of a ru/uk text: its lemma lexicon, plus the English lexicons on its Latin words.

    A Ukrainian headline with an English clause ("Ленд-ліз: U.S. senators ...")
    keeps the English matches it had before ru/uk scoring; the two lexicons
    cannot overlap (one matches Cyrillic words, the other Latin ones).
    """
    found = LemmaMatcher.builtin(x.language).find_tokens(x.text, x.tokens)
    if LATIN.search(x.text) is None:
        return found
    found.extend(matcher.find(x.text))
    found.sort(key=lambda m: (m.start, m.end, m.dimension))
    return found


def _merge(on_lemma: list[bool], english: list[_T], lemma: list[_T]) -> list[_T]:
    """The two paths' per-text values back in text order."""
    en, le = iter(english), iter(lemma)
    return [next(le) if x else next(en) for x in on_lemma]


def _spread(plan: list[int], values: list[_T], blank: _T) -> list[_T]:
    """``values`` (one per scored text) with ``blank`` at the texts not scored (0 sentences)."""
    it = iter(values)
    return [next(it) if k else blank for k in plan]


def _sentiment_column(
    plan: list[int], weights: list[int], scored: Iterator[Sentiment4], no_sentiment: bool,
    out: list[float],
) -> None:
    """Append each text's sentiment: NaN without a backend, 0 for texts not scored.

    ``plan`` gives each text's number of sentences (0: not scored, -1: not
    for VADER, NaN) and
    ``weights`` their token counts; ``scored`` the scores of the sentences
    with tokens.  One sentence keeps VADER's own numbers (a weighted mean of
    one value is not always bit-identical to it); several are token-weighted
    (:func:`analysis.scoring.sentiment.aggregate4`).
    """
    if no_sentiment:
        out.extend(_NAN4 * len(plan))
        return
    pos = 0
    for k in plan:
        if k == -1:
            out.extend(_NAN4)
        elif k == 0:
            out.extend(_ZERO4)
        elif k == 1:
            out.extend(next(scored) if weights[pos] else _ZERO4)
            pos += 1
        else:
            w = weights[pos : pos + k]
            pos += k
            out.extend(aggregate4([next(scored) if x else _ZERO4 for x in w], w))


def _check_language(language: str | None, who: str) -> None:
    if language is None:
        return
    if not isinstance(language, str):  # a column of codes: `in` on a Series is ambiguous
        raise ArgumentError(f"{who}: language must be one of {', '.join(map(repr, LANGUAGES))} or None "
                            f"(one code for every text); got {type(language).__name__} {language!r:.80}")
    check_choice("language", language, LANGUAGES, who=who)


def _prepare(lexicons: LexiconArg, lexicon_mode: Mode, sentiment: str, who: str) -> tuple[Matcher, ManyScorer | None]:
    check_choice("lexicon_mode", lexicon_mode, LEXICON_MODES, who=who)
    check_choice("sentiment", sentiment, BACKENDS, who=who)
    return compile_lexicon(resolve_lexicon(lexicons, lexicon_mode)), get_many_scorer(sentiment)


def _text_scores(cols: _Columns, i: int) -> TextScores:
    """Row ``i`` of ``cols`` as :class:`TextScores` (Python floats, as :func:`_columns_frame`)."""
    n_tokens = cols.n_tokens[i]
    per = 1000.0 / n_tokens if n_tokens else 0.0
    row: dict[str, int | float | str] = {"n_tokens": n_tokens, "n_sentences": cols.n_sentences[i]}
    counts = cols.counts[i]
    for k, d in enumerate(SCORED_DIMENSIONS):
        row[f"{d}_count"] = counts.n[k]
        row[f"{d}_rate"] = counts.n[k] * per
        row[f"{d}_score"] = counts.weight[k] * per
    for k in range(len(SCORED_DIMENSIONS), len(COUNT_SLOTS)):
        row[f"{COUNT_SLOTS[k]}_count"] = counts.n[k]
    k4 = len(_SENTIMENT_KEYS)
    for key, value in zip(_SENTIMENT_KEYS, cols.sentiment[k4 * i : k4 * (i + 1)]):
        row[f"sentiment_{key}"] = value
    status = cols.status[i]
    row["status"] = NO_WORDS if status == "ok" and not n_tokens else status
    row["language"] = cols.language[i]
    row["sentiment_status"] = cols.sentiment_status[i]
    return TextScores(**row, matches=cols.matches[i] if cols.matches else [])  # type: ignore[arg-type]


def score_text(
    text: str | None,
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    language: str | None = None,
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
        language: ``None`` detects it (``en``, ``ru``, ``uk``, ``other``);
            one of those forces it (module docstring).
        count_mentions: also count mentioned terms ("so-called", scare
            quotes); by default they are only listed in ``matches``.

    Raises:
        TypeError: ``text`` is neither a string nor missing.
        ArgumentError: ``lexicon_mode``, ``sentiment`` or ``language`` is not one of the options.

    Example:
        >>> s = score_text("They are idiots.")
        >>> s.hostility_count, s.sentiment_compound, [m.surface for m in s.matches]
        (1, 0.0, ['idiots'])
        >>> r = score_text("Киевский режим обстреливает Донецк.")
        >>> r.language, r.loaded_count, r.sentiment_status, r.status
        ('ru', 1, 'sentiment_unavailable', 'ok')
        >>> s = score_text('Troops entered what Moscow calls "liberated" Kherson.')
        >>> [(m.surface, m.mention, m.holder) for m in s.matches], s.naming_count
        ([('liberated', True, 'Moscow')], 0)
        >>> score_text('Troops entered what Moscow calls "liberated" Kherson.', count_mentions=True).naming_count
        1
    """
    if _text_status(text) == "invalid":
        raise TypeError(f"score_text expects a str (or None/NaN), got {type(text).__name__}")
    text = _exact_str(text)
    _check_language(language, "score_text")
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment, "score_text")
    if not isinstance(count_mentions, bool):
        raise ArgumentError(f"score_text: count_mentions must be True or False, got {count_mentions!r}")
    return _text_scores(
        _score_columns([text], matcher, senti, with_matches=True, language=language,
                       count_mentions=count_mentions),
        0,
    )


def _text_values(df: pd.DataFrame, text_col: str, who: str) -> list[object]:
    require_columns(df, [text_col], who=who, frame_name="df")
    values: list[object] = df[text_col].tolist()
    if set(map(type, values)) <= {str}:
        return values  # all text: nothing to check value by value
    for pos, v in enumerate(values):
        if type(v) is not str and _text_status(v) == "invalid":
            raise TypeError(
                f"column {text_col!r} must hold text (str, None or NaN); row {df.index[pos]!r} "
                f"holds {type(v).__name__} {v!r}"
            )
    return [_exact_str(v) for v in values]


def _exact_str(value: _T) -> _T | str:
    """A str subclass (numpy.str_, a user's class) as a plain str; anything else unchanged.

    The engine tests ``type(t) is str`` on its hot paths, and a subclass
    failing that test was scored as 'empty' (with language 'other').

    Example:
        >>> import numpy as np
        >>> type(_exact_str(np.str_("Fine."))).__name__, _exact_str(None)
        ('str', None)
    """
    if type(value) is not str and isinstance(value, str):
        return str.__str__(value)
    return value


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
    language: str | None = None,
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
            text of its own, on a fresh RangeIndex (and its language
            detected on its own: the per-sentence rule for mixed texts).
        language: ``None`` detects each text's language; ``"en"``, ``"ru"``,
            ``"uk"`` or ``"other"`` forces it for every text.
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
        * ``status`` -- ``ok``, ``missing``, ``empty`` or ``no_words``;
        * ``language`` -- ``en``, ``ru``, ``uk`` or ``other`` (detected or forced);
        * ``sentiment_status`` -- ``ok``; ``sentiment_unavailable`` (ru, uk or
          Cyrillic text: VADER is English-only, the sentiment columns are NaN);
          ``not_requested`` (``sentiment="none"``).

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

    Python's cyclic garbage collector is paused while the rows are scored
    (scoring makes no reference cycles; full collections would rescan the
    whole process) and resumed when the call returns or raises.

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
    _check_language(language, "score_frame")
    if not isinstance(count_mentions, bool):
        raise ArgumentError(f"score_frame: count_mentions must be True or False, got {count_mentions!r}")
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"score_frame: df must be a pandas DataFrame, got {type(df).__name__} "
                        "(a Series: pass series.to_frame('text'))")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, numbers.Integral)):
        raise ArgumentError(f"score_frame: jobs must be an integer (or None); got {jobs!r}")
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
            lexicons=lexicons, lexicon_mode=lexicon_mode, sentiment=sentiment, language=language,
            count_mentions=count_mentions,
        )
    matcher, senti = _prepare(lexicons, lexicon_mode, sentiment, "score_frame")
    with _collector_paused():
        if unit == "sentence":
            return _sentence_frame(df.index, values, matcher, senti, language, count_mentions)
        return _columns_frame(
            _score_columns(values, matcher, senti, language=language, count_mentions=count_mentions), df.index
        )


_pause_lock = threading.Lock()
_pause_depth = 0  # score_frame calls inside _collector_paused, over all threads
_resume_collector = False  # the collector was on when the first of them came in


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (what :func:`score_frame` scores in).

    Scoring a table allocates millions of short-lived lists and tuples, and
    the ones alive when the collector runs are promoted until a full
    collection is due: a scan of every container in the process (the
    lexicon automaton's values, the pymorphy3 dictionaries, the caller's own
    objects), 50-100 ms each here, several per 50,000 statements.  The
    scoring code builds no reference cycles (tests/scoring/test_collector.py
    checks that one ``score_frame`` leaves nothing for the collector), so
    reference counting frees everything as before; the collector is resumed
    when the block ends or raises, unless it was already off.  Nested and
    concurrent blocks (threads) count in and out under a lock: the last one
    out restores the state the first one found.

    Example:
        >>> import gc
        >>> with _collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _pause_depth, _resume_collector
    # Threads share one collector (the Dask threaded scheduler runs several
    # score_frame calls at once): the first call in pauses it and notes
    # whether it was on, the last one out restores that, so an overlapping
    # call neither resumes it under another's feet nor leaves it off.
    with _pause_lock:
        if _pause_depth == 0:
            _resume_collector = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _resume_collector:
                gc.enable()


def _sentence_frame(
    index: pd.Index, values: list[object], matcher: Matcher, senti: ManyScorer | None, language: str | None,
    count_mentions: bool,
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
        _score_columns(units, matcher, senti, split=_one_sentence, language=language,
                       count_mentions=count_mentions),
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
    n, weight = _count_arrays(cols.counts)
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
    data["language"] = cols.language
    data["sentiment_status"] = cols.sentiment_status
    return pd.DataFrame(data, index=index)


def _count_arrays(counts: list[Counts]) -> tuple[np.ndarray, np.ndarray]:
    """``Counts.n`` and ``Counts.weight`` of every text as (texts x ``COUNT_SLOTS``) arrays.

    Each distinct Counts object (by identity: all are alive in ``counts``)
    is read once and its row repeated by numpy, instead of every text's
    numbers going through Python one by one.

    Example:
        >>> n, w = _count_arrays([ZERO_COUNTS, ZERO_COUNTS])
        >>> n.shape, int(n.sum()), float(w.sum())
        ((2, 9), 0, 0.0)
    """
    import numpy as np

    if not counts:
        return np.zeros((0, len(COUNT_SLOTS)), dtype=np.int64), np.zeros((0, len(COUNT_SLOTS)), dtype=np.float64)
    ids = np.fromiter(map(id, counts), dtype=np.int64, count=len(counts))
    _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    distinct = [counts[i] for i in first.tolist()]
    n = np.array([c.n for c in distinct], dtype=np.int64)[inverse]
    weight = np.array([c.weight for c in distinct], dtype=np.float64)[inverse]
    return n, weight


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
    language: str | None = None,
) -> pd.DataFrame:
    """One row per match (``MATCH_COLUMNS``); ``row`` holds the index value of the source row.

    ``lexicons``, ``lexicon_mode`` and ``language`` as in :func:`score_frame`
    (ru/uk rows list their lemma matches, ``naming`` included).

    Example:
        >>> import pandas as pd
        >>> m = matches_frame(pd.DataFrame({"text": ["Fine.", "They are idiots."]}, index=["a", "b"]))
        >>> m[["row", "surface", "category"]].values.tolist()
        [['b', 'idiots', 'insult']]
    """
    import pandas as pd

    values = _text_values(df, text_col, "matches_frame")
    check_choice("lexicon_mode", lexicon_mode, LEXICON_MODES, who="matches_frame")
    _check_language(language, "matches_frame")
    matcher = compile_lexicon(resolve_lexicon(lexicons, lexicon_mode))
    records: list[tuple[object, ...]] = []
    cleaned, stripped = _without_invisible(values)
    for j, (idx, v, lang) in enumerate(zip(df.index, cleaned, _languages(cleaned, language))):
        if isinstance(v, str) and _text_status(v) is None:
            found = (_lemma_find(_LemmaText(v, lang, tokens(v, lang, stripped=True)), matcher) if lang in LEMMA_LANGUAGES
                     else matcher.find(v))
            if j in stripped:
                found = [_on_original(m, *stripped[j]) for m in found]
            for m in found:
                records.append((idx, m.term, m.dimension, m.category, m.start, m.end, m.surface,
                                m.weight, m.side, m.rule, m.note, m.mention, m.holder))
    out = pd.DataFrame.from_records(records, columns=list(MATCH_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "weight": "float64", "mention": "bool"})
