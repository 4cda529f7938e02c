"""Weighted log-odds with an informative Dirichlet prior ("Fightin' Words").

For term ``w`` with counts ``y_a``, ``y_b`` in groups of ``n_a``, ``n_b``
counted terms, and prior pseudo-counts ``a_w`` summing to ``a0``::

    delta_w = log((y_a + a_w) / (n_a + a0 - y_a - a_w))
            - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
    var_w  ~= 1 / (y_a + a_w) + 1 / (y_b + a_w)
    z_w     = delta_w / sqrt(var_w)

Positive ``z`` means over-represented in group ``a``.  Rank terms by ``z``:
it accounts for how much evidence there is, which the raw log-odds ratio does
not (rare terms get huge ratios from tiny counts).

The prior.  By default the pseudo-counts are the combined counts of both
groups (``a_w = y_a + y_b``): the data's own overall frequencies, so a term's
prior expectation is "used as often as in the corpus as a whole".  This is the
informative-prior setup of Monroe et al. with the pooled corpus as background;
it is strong (``a0 = n_a + n_b``) and pulls rare terms firmly towards zero,
which is the intent.  Pass ``prior`` to use a larger background corpus and
``prior_scale`` to rescale the prior to a total of ``a0 = prior_scale``
(smaller = weaker prior).  Terms absent from a supplied prior get 0.01, the
uninformative pseudo-count used by Monroe et al.

Example:
    >>> from collections import Counter
    >>> t = log_odds_dirichlet(Counter(war=8, peace=2), Counter(war=2, peace=8))
    >>> t["term"].tolist(), bool(t["z"].iloc[0] > 0)
    (['war', 'peace'], True)

References:
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words:
    Lexical feature selection and evaluation for identifying the content of
    political conflict. *Political Analysis* 16(4), 372-403.
    doi:10.1093/pan/mpn018
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from analysis.statements.stopwords import ENGLISH_STOPWORDS
from analysis.validate_args import ArgumentError, check_range

#: Pseudo-count for a term the supplied prior lacks (Monroe et al.'s
#: uninformative value).
MISSING_PRIOR = 0.01

# a dotted abbreviation ("U.S.", "U.N.", "E.U."): single letters each followed
# by a dot, at least two, not glued to a preceding letter or digit
_ABBREV = r"(?<![^\W_])(?:[^\W\d_]\.){2,}"
_TOKEN_RE = re.compile(rf"{_ABBREV}|[^\W_]+(?:['-][^\W_]+)*")
# n-grams never cross sentence or clause punctuation; the dots of an
# abbreviation (group 1) are not punctuation
_SEGMENT_RE = re.compile(rf"({_ABBREV})|[.!?;:,()\[\]{{}}\"“”«»—–…]+|\s-\s")

CountsLike = Mapping[str, float] | pd.Series


def _as_series(counts: CountsLike, name: str) -> pd.Series:
    series = pd.Series(counts, dtype=float) if not isinstance(counts, pd.Series) else counts
    series = series.astype(float)
    if series.index.has_duplicates:
        dup = series.index[series.index.duplicated()][0]
        raise ValueError(f"log_odds_dirichlet: {name} repeats term {dup!r}")
    bad = ~np.isfinite(series.to_numpy()) | (series.to_numpy() < 0)
    if bad.any():
        term = series.index[int(np.flatnonzero(bad)[0])]
        raise ValueError(
            f"log_odds_dirichlet: {name} has a negative or non-finite count for {term!r}"
        )
    return series


def log_odds_dirichlet(
    counts_a: CountsLike,
    counts_b: CountsLike,
    prior: CountsLike | None = None,
    prior_scale: float | None = None,
) -> pd.DataFrame:
    """Log-odds ratio of each term in ``a`` vs ``b`` with an informative Dirichlet prior.

    ``counts_a`` / ``counts_b`` map term -> count (``Counter``, dict or
    ``Series``).  ``prior`` maps term -> background count and defaults to
    ``counts_a + counts_b``; ``prior_scale`` (if given) rescales it to sum
    to that value.  See the module docstring for the formulas and the choice
    of prior.

    Returns one row per term of the union vocabulary with columns ``term``,
    ``count_a``, ``count_b``, ``prior`` (``a_w``), ``delta``, ``variance``,
    ``z``, sorted by ``z`` descending (ties by term).  Empty inputs give an
    empty frame; a vocabulary of one term has no odds and gives NaN.

    Example:
        >>> t = log_odds_dirichlet({"x": 3, "y": 1}, {"x": 1, "y": 3}, prior={"x": 1, "y": 1})
        >>> round(float(t.loc[t.term == "x", "delta"].iloc[0]), 6)
        1.386294

    References:
        Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words.
        *Political Analysis* 16(4), 372-403, eqs. 16, 18-22.
    """
    # Over 60 lines only with its 22-line docstring; the code itself is 43 lines.
    a = _as_series(counts_a, "counts_a")
    b = _as_series(counts_b, "counts_b")
    vocab = a.index.union(b.index)
    if prior is not None:
        p = _as_series(prior, "prior")
        vocab = vocab.union(p.index[p > 0])
    vocab = pd.Index(sorted(vocab, key=str))
    y_a = a.reindex(vocab, fill_value=0.0).to_numpy()
    y_b = b.reindex(vocab, fill_value=0.0).to_numpy()
    alpha = y_a + y_b if prior is None else p.reindex(vocab, fill_value=0.0).to_numpy()
    # a term listed with no count anywhere would get a zero prior: an infinite variance
    alpha = np.where(alpha > 0, alpha, MISSING_PRIOR)
    if prior_scale is not None:
        check_range("prior_scale", prior_scale, low=0, low_open=True, who="log_odds_dirichlet")
        if alpha.sum() > 0:
            alpha = alpha * (prior_scale / alpha.sum())
    columns = ["term", "count_a", "count_b", "prior", "delta", "variance", "z"]
    if len(vocab) == 0:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in columns}).astype({"term": str})
    n_a, n_b, a0 = y_a.sum(), y_b.sum(), alpha.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_a + alpha) / (n_a + a0 - y_a - alpha)) - np.log(
            (y_b + alpha) / (n_b + a0 - y_b - alpha)
        )
        variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
        z = delta / np.sqrt(variance)
    table = pd.DataFrame(
        {
            "term": vocab.astype(str),
            "count_a": y_a,
            "count_b": y_b,
            "prior": alpha,
            "delta": delta,
            "variance": variance,
            "z": z,
        }
    )
    return table.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def simple_tokenize(text: str) -> list[str]:
    """Lower-cased word tokens: letters/digits with inner hyphens or apostrophes.

    Curly apostrophes become straight ones, a possessive ``'s`` is dropped and
    pure numbers are skipped (dates and counts are rarely "words" of a side).
    Dotted abbreviations stay one token with their dots ("U.S." -> ``u.s.``),
    so they are not split into stray letters.

    Example:
        >>> simple_tokenize("Russia’s neo-Nazi claim, 2022!")
        ['russia', 'neo-nazi', 'claim']
        >>> simple_tokenize("U.S. and U.N. officials")
        ['u.s.', 'and', 'u.n.', 'officials']
    """
    tokens = []
    for tok in _TOKEN_RE.findall(text.replace("’", "'").lower()):
        tok = tok.removesuffix("'s")
        if tok and not tok.isdigit():
            tokens.append(tok)
    return tokens


def _segments(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _SEGMENT_RE.finditer(text):
        if m.group(1) is None:
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return pieces


def text_ngrams(
    text: str,
    *,
    ngram_range: tuple[int, int] = (1, 2),
    tokenizer: Callable[[str], list[str]] = simple_tokenize,
    stopwords: Iterable[str] = ENGLISH_STOPWORDS,
) -> list[str]:
    """The n-grams of ``text`` that :func:`distinctive_terms` counts.

    N-grams stay inside a clause (punctuation splits), a unigram that is a
    stopword is skipped, and a longer n-gram is skipped when it starts or ends
    with a stopword (so "rule of law" stays, "of the" goes).  The dots of an
    abbreviation such as "U.S." do not split a clause.

    Example:
        >>> text_ngrams("The rule of law, they said.", ngram_range=(1, 3))
        ['rule', 'law', 'rule of law']
        >>> text_ngrams("U.S. sanctions")
        ['u.s.', 'sanctions', 'u.s. sanctions']
    """
    lo, hi = ngram_range
    if not 1 <= lo <= hi:  # two bounds that depend on each other: one message, not two check_range calls
        raise ArgumentError(f"text_ngrams: ngram_range must satisfy 1 <= min <= max; got {ngram_range!r}")
    stop = stopwords if isinstance(stopwords, (set, frozenset)) else frozenset(stopwords)
    grams: list[str] = []
    for segment in _segments(text):
        tokens = tokenizer(segment)
        for n in range(lo, hi + 1):
            for i in range(len(tokens) - n + 1):
                gram = tokens[i : i + n]
                if gram[0] in stop or gram[-1] in stop:
                    continue
                grams.append(" ".join(gram))
    return grams


def distinctive_terms(
    texts_by_group: Mapping[str, Iterable[str]],
    *,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 3,
    top: int | None = 20,
    tokenizer: Callable[[str], list[str]] = simple_tokenize,
    stopwords: Iterable[str] = ENGLISH_STOPWORDS,
    prior_scale: float | None = None,
) -> pd.DataFrame:
    """The terms most over-represented in each group against all the others.

    Each group is compared one-vs-rest with :func:`log_odds_dirichlet`; the
    prior is the whole corpus (all groups).  Terms seen fewer than
    ``min_count`` times in the whole corpus are dropped first.  Stopwords: see
    :func:`text_ngrams` and :mod:`analysis.statements.stopwords`.

    Returns columns ``group``, ``rank`` (1 = most distinctive), ``term``,
    ``count_group``, ``count_rest``, ``delta``, ``z``; the ``top`` terms with
    positive ``z`` per group (all of them if ``top`` is None), groups in input
    order.  A group whose texts yield no terms contributes no rows.

    Example:
        >>> texts = {"a": ["the regime must go"] * 3, "b": ["peace talks, peace"] * 3}
        >>> distinctive_terms(texts, top=1)[["group", "term"]].values.tolist()
        [['a', 'go'], ['b', 'peace']]

    References:
        Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words.
        *Political Analysis* 16(4), 372-403.
    """
    # Over 60 lines only with its 21-line docstring; the code itself is 52 lines.
    check_range("min_count", min_count, low=1, who="distinctive_terms")
    if top is not None:
        check_range("top", top, low=0, who="distinctive_terms")
    if prior_scale is not None:  # checked here too, so that the message names the function called
        check_range("prior_scale", prior_scale, low=0, low_open=True, who="distinctive_terms")
    stop = frozenset(stopwords)
    counts: dict[str, Counter[str]] = {}
    for group, texts in texts_by_group.items():
        if isinstance(texts, str):
            raise TypeError(
                f"distinctive_terms: group {group!r} maps to a single string; pass a list of texts"
            )
        counter: Counter[str] = Counter()
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(
                    f"distinctive_terms: group {group!r} text #{i} is {type(text).__name__}, not str"
                )
            counter.update(
                text_ngrams(text, ngram_range=ngram_range, tokenizer=tokenizer, stopwords=stop)
            )
        counts[group] = counter
    total: Counter[str] = Counter()
    for counter in counts.values():
        total.update(counter)
    kept = {t for t, c in total.items() if c >= min_count}
    total_s = pd.Series({t: total[t] for t in kept}, dtype=float)

    frames = []
    for group, counter in counts.items():
        own = pd.Series({t: c for t, c in counter.items() if t in kept}, dtype=float)
        if own.empty:
            continue
        rest = total_s.sub(own, fill_value=0.0)
        table = log_odds_dirichlet(own, rest, prior=total_s, prior_scale=prior_scale)
        table = table[table["z"] > 0]
        if top is not None:
            table = table.head(top)
        frames.append(
            pd.DataFrame(
                {
                    "group": group,
                    "rank": np.arange(1, len(table) + 1),
                    "term": table["term"].to_numpy(),
                    "count_group": table["count_a"].to_numpy().astype(int),
                    "count_rest": table["count_b"].to_numpy().astype(int),
                    "delta": table["delta"].to_numpy(),
                    "z": table["z"].to_numpy(),
                }
            )
        )
    columns = ["group", "rank", "term", "count_group", "count_rest", "delta", "z"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
