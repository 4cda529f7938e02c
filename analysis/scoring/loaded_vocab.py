"""The closed emotive vocabulary of the optional loaded-language model: per-word indicators.

A bag of words learns whatever separates the training labels, topics and
names included (a model fitted on PTC-2020 that way weighs "google",
"ramadan", "ratzinger").  The model's word features are therefore drawn
from a **closed, non-topic list** fixed before any data is read:

* the words of VADER's lexicon (MIT, read from the installed
  ``vaderSentiment`` package; emoticons and other non-words left out);
* VADER's booster and dampener words (*extremely*, *barely* ...);
* the terms of the package's English hostility, loaded, hedging and
  certainty lexicons, with the inflections and hyphen variants the matcher
  uses (a multi-word term is one feature, found as a token sequence).

Nothing else can become a feature.  Within that list, :func:`select_vocabulary`
keeps a word only if it occurs in at least ``min_texts`` training texts and
is **not capitalised in most of its training occurrences** that do not start
a sentence, in texts not written in Title Case (a word written mostly with a capital, such as "God" or "Trump"
in VADER's list, is a name there, not an emotive word).  Feature names are
``word: <term>``; the inflections of a lexicon term share its feature.

Example:
    >>> vocab = closed_vocabulary()
    >>> vocab["outrageous"], vocab["idiots"], "google" in vocab
    ('word: outrageous', 'word: idiot', False)
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from vaderSentiment.vaderSentiment import BOOSTER_DICT

from analysis.scoring._vader_lexicon import load_vader_lexicon
from analysis.scoring.variants import expand

WORD_PREFIX = "word: "
#: The package lexicons whose terms are in the closed list (naming is not: it marks sides, not load).
VOCABULARY_DIMENSIONS: tuple[str, ...] = ("hostility", "loaded", "hedging", "certainty")
#: Longest term, in tokens, looked up as a sequence.
MAX_TERM_TOKENS: int = 4
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
_ALPHA_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
# a token is sentence-initial when the last non-space character before it is one of these (or none)
_OPENERS = frozenset(".!?:;\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]-\u2013\u2014\n")


@functools.lru_cache(maxsize=1)
def closed_vocabulary() -> dict[str, str]:
    """Every surface form of the closed list (space-joined lower-case tokens) -> its feature name.

    Example:
        >>> v = closed_vocabulary()
        >>> v["so-called"], v["so called"], v["extremely"]
        ('word: so-called', 'word: so-called', 'word: extremely')
    """
    from analysis.scoring.lexicon import Lexicon

    out: dict[str, str] = {}
    for word in load_vader_lexicon():
        if _ALPHA_WORD.fullmatch(word):
            out[word] = WORD_PREFIX + word
    for word in BOOSTER_DICT:
        if _ALPHA_WORD.fullmatch(word):
            out[word] = WORD_PREFIX + word
    # lexicon terms last, so an inflected form shares its lexicon term's feature
    for entry in Lexicon.builtin(list(VOCABULARY_DIMENSIONS)):
        for form in expand(entry.term, entry.match == "inflect"):
            toks = tuple(t.lower() for t in _TOKEN.findall(form))
            # a form with digits or other signs ("2014 coup") is not a token sequence: left out
            if toks and len(toks) <= MAX_TERM_TOKENS and " ".join(toks) == form.replace("\u2019", "'"):
                out.setdefault(" ".join(toks), WORD_PREFIX + entry.term)
    return out


@dataclass(frozen=True)
class Occurrences:
    """Where closed-list features occur in some texts: a text x feature count matrix, and
    per feature the occurrences not at a sentence start and how many of them are capitalised."""

    features: tuple[str, ...]
    counts: sparse.csr_matrix
    inner: np.ndarray
    capitalised: np.ndarray


def _initial(text: str, start: int) -> bool:
    # walk back over blanks instead of slicing text[:start], which would copy
    # the text before every matched token (quadratic in a long article)
    i = start - 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return i < 0 or text[i] in _OPENERS


#: The word-feature prefixes of :func:`find_occurrences` with ``contexts``: plain use, inside
#: quotation marks (mention rather than use), and negated.
CONTEXT_PREFIXES: tuple[str, ...] = (WORD_PREFIX, "quoted: ", "negated: ")
#: Negator words (besides ``n't`` forms) of the model's ``negated:`` contexts and its style counts.
NEGATOR_TOKENS: frozenset[str] = frozenset(
    "not no never nobody nothing none neither nor nowhere cannot without".split()
)


def quote_pair_pattern(max_chars: int) -> re.Pattern[str]:
    """A pair of double quotation marks (straight, curly or guillemets) round 1..``max_chars``
    characters on one line; group 1 is the inside.

    Example:
        >>> quote_pair_pattern(5).findall('a "short" and "much longer" b')
        ['short']
    """
    return re.compile(f"[\"\u201c\u00ab]([^\"\u201c\u201d\u00ab\u00bb\n]{{1,{max_chars}}})[\"\u201d\u00bb]")


_QUOTE_PAIR = quote_pair_pattern(400)
#: How many tokens before a word a negator may stand (no punctuation in between).
NEGATION_WINDOW: int = 3


def base_feature(feature: str) -> str:
    """The ``word: <term>`` feature behind a tagged feature name.

    Example:
        >>> base_feature("negated: honest"), base_feature("word: honest")
        ('word: honest', 'word: honest')
    """
    for prefix in CONTEXT_PREFIXES:
        if feature.startswith(prefix):
            return WORD_PREFIX + feature[len(prefix):]
    return feature


def tag_feature(feature: str, prefix: str) -> str:
    """``word: <term>`` re-prefixed with one of :data:`CONTEXT_PREFIXES`.

    Example:
        >>> tag_feature("word: honest", "quoted: ")
        'quoted: honest'
    """
    return prefix + base_feature(feature)[len(WORD_PREFIX):]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired double quotation marks (straight, curly or guillemets).

    Example:
        >>> quoted_spans('He said "no way" and left.')
        [(9, 15)]
    """
    return [(m.start(1), m.end(1)) for m in _QUOTE_PAIR.finditer(text)]


def occurrence_context(text: str, spans: Sequence[tuple[int, str]], p: int,
                       quotes: Sequence[tuple[int, int]]) -> str:
    """The prefix for the token at ``spans[p]``: ``quoted: `` inside ``quotes`` (sorted, disjoint
    ranges, as :func:`quoted_spans` gives them), ``negated: `` after a
    negator (or a ``n't`` form) among the :data:`NEGATION_WINDOW` tokens before it with no
    punctuation between, else ``word: ``.

    Example:
        >>> t = "It is not a fair deal."
        >>> sp = [(m.start(), m.group()) for m in _TOKEN.finditer(t)]
        >>> occurrence_context(t, sp, 4, []), occurrence_context(t, sp, 1, [])
        ('negated: ', 'word: ')
    """
    start = spans[p][0]
    # quotes are sorted and disjoint (quoted_spans): only the last one opening
    # at or before the token can hold it (a bisection; a scan of every pair
    # per occurrence was quadratic in a text of many quotes)
    k = bisect_right(quotes, (start, math.inf)) - 1
    if k >= 0 and start < quotes[k][1]:
        return CONTEXT_PREFIXES[1]
    for q in range(p - 1, max(-1, p - 1 - NEGATION_WINDOW), -1):
        between = text[spans[q][0] + len(spans[q][1]):spans[q + 1][0]]
        if re.search(r"[.,;:!?()\"\u201c\u201d\u2014]", between):
            break
        low = spans[q][1].lower().replace("\u2019", "'")
        if low in NEGATOR_TOKENS or low.endswith("n't"):
            return CONTEXT_PREFIXES[2]
    return WORD_PREFIX


def find_occurrences(texts: Sequence[str], forms: Mapping[str, str],
                     features: Sequence[str] | None = None, contexts: bool = False) -> Occurrences:
    """Count each feature of ``forms`` (surface form -> feature name) in each text.

    ``features`` fixes the column order (default: every feature of ``forms``,
    sorted); forms of other features are ignored.  With ``contexts``, an
    occurrence inside quotation marks counts for ``quoted: <term>`` and a
    negated one (:func:`occurrence_context`) for ``negated: <term>`` instead
    of ``word: <term>`` (the default ``features`` then lists all three).

    Example:
        >>> occ = find_occurrences(["So outrageous!", "it was an Outrageous act. Outrageous"], closed_vocabulary(),
        ...                        ["word: outrageous"])
        >>> occ.counts.toarray().tolist(), occ.inner.tolist(), occ.capitalised.tolist()
        ([[1.0], [2.0]], [2], [1])
        >>> find_occurrences(['not outrageous, but "outrageous"'], {"outrageous": "word: outrageous"},
        ...                  contexts=True).features
        ('negated: outrageous', 'quoted: outrageous', 'word: outrageous')
    """
    if features is None:
        base = set(forms.values())
        names = tuple(sorted({tag_feature(f, t) for f in base for t in CONTEXT_PREFIXES} if contexts else base))
    else:
        names = tuple(features)
    col = {f: j for j, f in enumerate(names)}
    # with contexts a form is looked up when any of its three tagged features is wanted
    wanted = {base_feature(f) for f in names} if contexts else set(col)
    lookup = {tuple(k.split(" ")): v for k, v in forms.items() if v in wanted}
    longest = max((len(k) for k in lookup), default=0)
    rows: list[int] = []
    cols: list[int] = []
    inner = np.zeros(len(names), dtype="int64")
    caps = np.zeros(len(names), dtype="int64")
    for i, text in enumerate(texts):
        spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        lows = [s.lower().replace("\u2019", "'") for _, s in spans]
        # a headline in Title Case says nothing about which words are names
        titled = 2 * sum(s[0].isupper() for _, s in spans) > len(spans)
        quotes = quoted_spans(text) if contexts else []
        for p in range(len(lows)):
            for n in range(1, min(longest, len(lows) - p) + 1):
                feat = lookup.get(tuple(lows[p:p + n]))
                if feat is None:
                    continue
                start, surface = spans[p]
                if contexts:
                    feat = tag_feature(feat, occurrence_context(text, spans, p, quotes))
                j = col.get(feat)
                if j is None:
                    continue
                rows.append(i)
                cols.append(j)
                if not titled and not _initial(text, start):
                    inner[j] += 1
                    caps[j] += surface[0].isupper()
    data = np.ones(len(rows), dtype="float64")
    counts = sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(names)))
    counts.sum_duplicates()
    return Occurrences(names, counts, inner, caps)


def select_vocabulary(occ: Occurrences, min_texts: int = 5, articles: Sequence[object] | None = None,
                      min_articles: int = 1) -> tuple[str, ...]:
    """The features of ``occ`` (training texts) that may enter the model, by the rule above.

    Kept: in at least ``min_texts`` texts and, when ``articles`` gives each
    text's article, in at least ``min_articles`` articles (a word that only
    one story uses is that story's topic); and capitalised in at most half
    of the occurrences that do not start a sentence.

    Example:
        >>> texts = ["They met God.", "God is great.", "A great day, thank God.", "great"] * 2
        >>> select_vocabulary(find_occurrences(texts, closed_vocabulary()), min_texts=2)
        ('word: great', 'word: thank')
        >>> select_vocabulary(find_occurrences(texts, closed_vocabulary()), min_texts=2,
        ...                   articles=[1, 1, 1, 2] * 2, min_articles=2)
        ('word: great',)
    """
    present = (occ.counts > 0).astype("float64")
    in_texts = np.asarray(present.sum(axis=0)).ravel()
    keep = (in_texts >= min_texts) & ~(2 * occ.capitalised > occ.inner)
    if articles is not None:
        if len(articles) != occ.counts.shape[0]:
            raise ValueError(f"select_vocabulary: {len(articles)} article ids for {occ.counts.shape[0]} texts")
        codes = pd.factorize(pd.Series(list(articles), dtype=object))[0]
        member = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))),
                                   shape=(int(codes.max()) + 1 if len(codes) else 0, len(codes)))
        in_articles = np.asarray(((member @ present) > 0).sum(axis=0)).ravel()
        keep &= in_articles >= min_articles
    return tuple(f for f, k in zip(occ.features, keep, strict=True) if k)


def word_matrix(texts: Sequence[str], features: Sequence[str],
                forms: Mapping[str, str] | None = None, contexts: bool = False) -> sparse.csr_matrix:
    """0/1 presence of each of ``features`` in each text (``forms`` defaults to the closed list).

    Example:
        >>> word_matrix(["An outrageous, outrageous lie", "Rain."], ["word: outrageous"]).toarray().tolist()
        [[1.0], [0.0]]
    """
    counts = find_occurrences(texts, closed_vocabulary() if forms is None else forms, features, contexts).counts
    out = (counts > 0).astype("float64")
    return sparse.csr_matrix(out)
