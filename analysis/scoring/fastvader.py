"""A faster, exact re-implementation of vaderSentiment 3.3.2 ``polarity_scores``.

``FastVader().polarity_scores(text)`` returns the same dictionary as
``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores(text)``
for every string, bit for bit (tested against vaderSentiment on real news and
on generated text).  It reads vaderSentiment's own lexicon files and rule
constants from the installed package, so vaderSentiment stays the reference.

Where the speed comes from (the rules are unchanged):

* each distinct token is stripped and lower-cased once per FastVader
  instance (a bounded cache), instead of the whole sentence being lower-cased
  again for every negation, idiom and "but" check (quadratic in
  vaderSentiment);
* a lexicon word with no modifier among its three preceding tokens (and no
  idiom possible in the text) skips the rule chain, whose steps would all be
  no-ops;
* a sentence without any lexicon word returns a constant at once, and words
  that are not in the lexicon are skipped without a Python-level rule call;
* the emoji pass runs only on non-ASCII text, as one regex substitution;
* the idiom check looks up tuples instead of formatting five strings.

Every quirk of vaderSentiment 3.3.2 is kept on purpose, including its bugs;
``_valence`` and ``_but_check`` name each one where it happens.

References:
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model
    for Sentiment Analysis of Social Media Text. Eighth International
    Conference on Weblogs and Social Media (ICWSM-14). Ann Arbor, MI.
"""

from __future__ import annotations

import math
import os
import re
import string
from collections.abc import Iterable, Sequence

import numpy as np
from vaderSentiment import vaderSentiment as _vader

from analysis.scoring._vader_lexicon import (
    VADER_EMOJI_FILE,
    VADER_LEXICON_FILE,
    load_vader_emoji,
    load_vader_lexicon,
)

__all__ = ["FastVader"]

# Rule constants come from vaderSentiment itself, never retyped.
_N_SCALAR: float = _vader.N_SCALAR
_C_INCR: float = _vader.C_INCR
_BOOSTERS: dict[str, float] = dict(_vader.BOOSTER_DICT)
_NEGATE: frozenset[str] = frozenset(_vader.NEGATE)
# Tokens come from str.split(), so they never contain a space: a tuple of
# tokens equals a space-joined key exactly when vaderSentiment's string does.
_SPECIAL_CASES: dict[tuple[str, ...], float] = {
    tuple(k.split(" ")): v for k, v in _vader.SPECIAL_CASES.items()
}
_BOOSTER_NGRAMS: dict[tuple[str, ...], float] = {
    tuple(k.split(" ")): v for k, v in _vader.BOOSTER_DICT.items() if " " in k
}
_PUNCTUATION: str = string.punctuation
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
_AT_VERY = ("at", "very")
# A lexicon word whose three preceding tokens avoid these (and "n't") is
# touched by no rule except ALL CAPS: see FastVader.polarity_scores.
_MODIFIERS: frozenset[str] = frozenset(_BOOSTERS) | _NEGATE | {
    "no", "never", "without", "so", "this", "least",
}
_NT_RE = re.compile("[nN]'[tT]")


# An idiom or booster phrase can only match in a text holding all its words.
_IDIOM_KEYS: tuple[frozenset[str], ...] = tuple(
    frozenset(k) for k in (*_SPECIAL_CASES, *_BOOSTER_NGRAMS) if len(k) > 1
)
_IDIOM_WORDS: frozenset[str] = frozenset().union(*_IDIOM_KEYS)
# Every phrase keeps at least one of these, so a text without them needs no
# further look (frequent words like "the" would make the full check run often).
_IDIOM_RARE_WORDS: frozenset[str] = _IDIOM_WORDS - {"the", "of", "to", "for"}
assert all(key & _IDIOM_RARE_WORDS for key in _IDIOM_KEYS)
# A text without any of these has neither an idiom nor a "but": both gates in one set test.
_GATE_WORDS: frozenset[str] = _IDIOM_RARE_WORDS | {"but"}


def _idioms_possible(lows: list[str]) -> bool:
    if _IDIOM_RARE_WORDS.isdisjoint(lows):
        return False
    present = _IDIOM_WORDS.intersection(lows)
    return len(present) > 1 and any(key <= present for key in _IDIOM_KEYS)


class _TokenCache(dict[str, str]):
    """token -> lower-cased, punctuation-stripped form, computed once per distinct token.

    News vocabulary is Zipfian, so nearly every lookup is a C-level dict hit.
    The cache is emptied when it grows past ``max_size`` (results never depend on it).
    """

    def __init__(self, max_size: int = 100_000) -> None:
        super().__init__()
        self.max_size = max_size

    def __missing__(self, token: str) -> str:
        # SentiText._strip_punc_if_word, then the .lower() every rule applies.
        stripped = token.strip(_PUNCTUATION)
        low = (stripped if len(stripped) > 2 else token).lower()
        if len(self) >= self.max_size:
            self.clear()
        self[token] = low
        return low


def _cap_differential(words: list[str]) -> bool:
    # vaderSentiment's allcap_differential: some but not all words ALL CAPS
    return 0 < sum(map(str.isupper, words)) < len(words)


def _negated(word_lower: str) -> bool:
    # vaderSentiment's negated([w]): a NEGATE word, or any token containing "n't".
    return word_lower in _NEGATE or "n't" in word_lower


class FastVader:
    """VADER sentiment, exactly as vaderSentiment 3.3.2 computes it, only faster.

    Args:
        lexicon_file: file name inside the installed vaderSentiment package, or a path.
        emoji_lexicon: likewise for the emoji descriptions.

    Example:
        >>> fv = FastVader()
        >>> fv.polarity_scores("VADER is smart, handsome, and funny.")
        {'neg': 0.0, 'neu': 0.254, 'pos': 0.746, 'compound': 0.8316}
        >>> fv.polarity_scores("")
        {'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}

    References:
        Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based
        Model for Sentiment Analysis of Social Media Text. ICWSM-14.
    """

    def __init__(
        self,
        lexicon_file: str | os.PathLike[str] = VADER_LEXICON_FILE,
        emoji_lexicon: str | os.PathLike[str] = VADER_EMOJI_FILE,
    ) -> None:
        self.lexicon: dict[str, float] = load_vader_lexicon(lexicon_file)
        self.emojis: dict[str, str] = load_vader_emoji(emoji_lexicon)
        # Boosters score 0 before the lexicon is consulted, so they never start a rule.
        self._scoring_words: frozenset[str] = frozenset(self.lexicon).difference(_BOOSTERS)
        self._lows = _TokenCache()
        # vaderSentiment walks the text one code point at a time, so only
        # single-character keys can ever match.  A character class listing
        # ~1,000 astral characters is scanned linearly by `re`, so candidates
        # are found with a BMP class (a bitmap) plus one astral range, and
        # checked against the dictionary.
        single = sorted(k for k in self.emojis if len(k) == 1)
        bmp = "".join(re.escape(c) for c in single if ord(c) < 0x10000)
        parts = ([f"[{bmp}]"] if bmp else []) + (
            ["[\U00010000-\U0010FFFF]"] if any(ord(c) >= 0x10000 for c in single) else []
        )
        self._emoji_re: re.Pattern[str] | None = re.compile("|".join(parts)) if parts else None
        self._ascii_emoji: bool = any(c.isascii() for c in single)

    # -- public API ----------------------------------------------------------

    # Over 60 lines on purpose: the hot path, kept in one frame (no helper
    # calls per word) and in vaderSentiment's own order so the two can be
    # read side by side.
    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return {'neg', 'neu', 'pos', 'compound'} exactly as vaderSentiment does.

        An empty or all-whitespace text gives all four scores 0.0 (as in
        vaderSentiment); a text with words but no lexicon word gives neu 1.0.

        Raises:
            TypeError: if ``text`` is not a str (vaderSentiment also fails then).

        Example:
            >>> FastVader().polarity_scores("The book was good.")
            {'neg': 0.0, 'neu': 0.508, 'pos': 0.492, 'compound': 0.4404}
        """
        if not isinstance(text, str):
            raise TypeError(f"polarity_scores expects a str, got {type(text).__name__}")
        compound, neg, neu, pos = self.scores(text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """``(compound, neg, neu, pos)`` of :meth:`polarity_scores`, as a tuple (no dict to build).

        Raises:
            TypeError: if ``text`` is not a str.

        Example:
            >>> FastVader().scores("The book was good.")
            (0.4404, 0.0, 0.508, 0.492)
        """
        if not isinstance(text, str):
            raise TypeError(f"scores expects a str, got {type(text).__name__}")
        text, tokens, values, hits = self._rule_valences(text)
        n = len(tokens)
        if not n:
            return _NO_WORDS
        if not hits:
            return _NO_HITS
        return _score_valence(values, n, text)

    def word_valences(self, text: str) -> list[tuple[str, float]]:
        """``(token, valence)`` for each VADER lexicon word of ``text``, after every rule.

        The valences are the ones :meth:`polarity_scores` sums (negation,
        boosters, ALL CAPS, idioms, "but"), before punctuation emphasis and
        normalisation; a word a rule zeroes ("kind of") is listed with 0.

        Example:
            >>> FastVader().word_valences("The book was not good, but the ending was great.")
            [('good,', -0.703), ('great.', 4.65)]
        """
        if not isinstance(text, str):
            raise TypeError(f"word_valences expects a str, got {type(text).__name__}")
        _, tokens, values, hits = self._rule_valences(text)
        return [(tokens[i], round(float(v), 4)) for i, v in zip(hits, values)]

    def _rule_valences(self, text: str) -> tuple[str, list[str], list[float], list[int]]:
        """(text after the emoji pass, tokens, valence of each lexicon position, lexicon positions)."""
        if self._emoji_re is not None and (self._ascii_emoji or not text.isascii()):
            text = self._replace_emoji(text)
        tokens = text.split()
        n = len(tokens)
        if not n:
            return text, tokens, [], []
        lows = list(map(self._lows.__getitem__, tokens))
        if self._scoring_words.isdisjoint(lows):
            return text, tokens, [], []
        values, hits = self._hit_valences(text, tokens, lows)
        return text, tokens, values, hits

    def _hit_valences(self, text: str, tokens: list[str], lows: list[str]) -> tuple[list[float], list[int]]:
        """(valence of each lexicon position, lexicon positions) of a text with at least one lexicon word.

        Only lexicon positions are kept: every other token scores 0, which
        changes no sum (see _score_valence) and no "but" rescaling (_but_check).
        """
        n = len(tokens)
        scoring = self._scoring_words
        # Stripping ASCII punctuation (uncased) never changes str.isupper(), so
        # the raw tokens stand in for SentiText.words_and_emoticons here.
        words = tokens
        # allcap_differential, only computed once an ALL CAPS word could use it
        cap_diff: bool | None = None
        # a comprehension beats compress/map here: set.__contains__ through map is a slot-wrapper call
        hits = [i for i, w in enumerate(lows) if w in scoring]
        # vaderSentiment's int 0 for a zeroed word ("kind of") is kept for an identical sum().
        values: list[float] = []
        append = values.append
        lexicon = self.lexicon
        modifiers = _MODIFIERS
        # Gates for the fast path below; each only says "a rule might fire".
        gated = not _GATE_WORDS.isdisjoint(lows)
        idioms_possible = gated and _idioms_possible(lows)
        nt_possible = "'" in text and _NT_RE.search(text) is not None
        valence = self._valence
        for i in hits:
            item = lows[i]
            if item == "kind" and i < n - 1 and lows[i + 1] == "of":
                append(0)
                continue
            window = lows[i - 3 : i] if i > 2 else lows[:i]
            if (
                item != "no"
                and not idioms_possible
                and modifiers.isdisjoint(window)
                and not (nt_possible and any("n't" in w for w in window))
            ):
                # No negator, booster, "least", "no" or idiom near the word:
                # every rule of sentiment_valence but the ALL CAPS one is a no-op.
                v = lexicon[item]
                if words[i].isupper():
                    if cap_diff is None:
                        cap_diff = _cap_differential(words)
                    if cap_diff:
                        v = v + _C_INCR if v > 0 else v - _C_INCR
                append(v)
            else:
                if cap_diff is None:
                    cap_diff = _cap_differential(words)
                append(valence(i, n, words, lows, cap_diff))
        if gated and "but" in lows:
            _but_check(values, hits, lows.index("but"))
        return values, hits

    def scores_many(self, texts: Sequence[str]) -> list[tuple[float, float, float, float]]:
        """``[self.scores(t) for t in texts]``, without the per-call overhead.

        Raises:
            TypeError: if a text is not a str (names its position).

        Example:
            >>> FastVader().scores_many(["The book was good.", "", "A book."])
            [(0.4404, 0.0, 0.508, 0.492), (0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 1.0, 0.0)]
        """
        if not set(map(type, texts)) <= {str}:  # one C pass; str subclasses are fine too
            for i, t in enumerate(texts):
                if not isinstance(t, str):
                    raise TypeError(f"scores_many expects str texts, got {type(t).__name__} at position {i}")
        # scores() and _rule_valences() inlined: most sentences stop at the split
        # or at the lexicon test, so their call overhead is a good share of the time
        out: list[tuple[float, float, float, float]] = []
        # unrounded (compound, neg, neu, pos) of each text with a lexicon word, and its
        # place in out: rounded in one numpy pass at the end (round() is most of their cost)
        raw: list[float] = []
        raw_at: list[int] = []
        emoji = self._emoji_re is not None
        ascii_emoji = self._ascii_emoji
        low_of = self._lows.__getitem__
        no_hit = self._scoring_words.isdisjoint
        hit_valences = self._hit_valences
        for text in texts:
            if emoji and (ascii_emoji or not text.isascii()):
                text = self._replace_emoji(text)
            tokens = text.split()
            if not tokens:
                out.append(_NO_WORDS)
                continue
            lows = list(map(low_of, tokens))
            if no_hit(lows):
                out.append(_NO_HITS)
                continue
            raw_at.append(len(out))
            out.append(_NO_HITS)  # a place holder, replaced below
            raw.extend(_raw_scores(hit_valences(text, tokens, lows)[0], len(tokens), text))
        for k, scores in zip(raw_at, _round_scores(raw)):
            out[k] = scores
        return out

    def polarity_scores_many(self, texts: Iterable[str]) -> list[dict[str, float]]:
        """Score many texts; one dictionary per text, in order.

        Example:
            >>> [d["compound"] for d in FastVader().polarity_scores_many(["good", "bad", ""])]
            [0.4404, -0.5423, 0.0]
        """
        score = self.polarity_scores
        return [score(t) for t in texts]

    # -- rules -----------------------------------------------------------------

    def _replace_emoji(self, text: str) -> str:
        # polarity_scores' emoji loop: the description replaces the character,
        # preceded by a space unless it starts the text or follows a plain ' '.
        emojis = self.emojis

        def describe(m: re.Match[str]) -> str:
            at = m.start()
            char = m.group()
            description = emojis.get(char)
            if description is None:
                return char
            return description if at == 0 or text[at - 1] == " " else " " + description

        return self._emoji_re.sub(describe, text)  # type: ignore[union-attr]

    # Over 60 lines on purpose: vaderSentiment's sentiment_valence and its
    # helpers inlined in their order (called once per lexicon word).
    def _valence(self, i: int, n: int, words: list[str], lows: list[str], cap_diff: bool) -> float:
        """sentiment_valence for a lexicon word at position ``i`` (not a booster)."""
        lexicon = self.lexicon
        item = lows[i]
        v = lexicon[item]
        # "no" directly before a lexicon word is a negator, not a sentiment word.
        if item == "no" and i != n - 1 and lows[i + 1] in lexicon:
            v = 0.0
        # Quirk: this overrides the 0.0 above ("no no good") and ignores the
        # boundary rules; it multiplies the raw lexicon value.
        if (
            (i > 0 and lows[i - 1] == "no")
            or (i > 1 and lows[i - 2] == "no")
            or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in _OR_NOR)
        ):
            v = lexicon[item] * _N_SCALAR
        if cap_diff and words[i].isupper():
            # Quirk: a valence of exactly 0 is pushed negative.
            if v > 0:
                v += _C_INCR
            else:
                v -= _C_INCR

        for start_i in range(3):
            j = i - start_i - 1
            if j < 0:
                break
            prev = lows[j]
            # Quirk: a preceding lexicon word stops neither negation nor
            # boosting further back; it only skips this distance.
            if prev in lexicon:
                continue
            # scalar_inc_dec, with the valence as modified so far.
            s = 0.0
            boost = _BOOSTERS.get(prev)
            if boost is not None:
                s = boost
                if v < 0:
                    s *= -1
                if cap_diff and words[j].isupper():
                    if v > 0:
                        s += _C_INCR
                    else:
                        s -= _C_INCR
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            v = v + s
            v = _negation_check(v, lows, start_i, i)
            if start_i == 2:
                v = _special_idioms_check(v, lows, i, n)

        # _least_check
        if i > 0 and lows[i - 1] == "least" and "least" not in lexicon:
            if i > 1:
                if lows[i - 2] not in _AT_VERY:
                    v = v * _N_SCALAR
            else:
                v = v * _N_SCALAR
        return v


def _negation_check(v: float, lows: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lows[i - 1]):
            v = v * _N_SCALAR
    elif start_i == 1:
        w2, w1 = lows[i - 2], lows[i - 1]
        if w2 == "never" and w1 in _SO_THIS:
            v = v * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif _negated(w2):
            v = v * _N_SCALAR
    else:
        w3, w2, w1 = lows[i - 3], lows[i - 2], lows[i - 1]
        # Quirk (operator precedence in vaderSentiment): "so"/"this" right
        # before the word boosts by 1.25 whether or not "never" precedes.
        if (w3 == "never" and w2 in _SO_THIS) or w1 in _SO_THIS:
            v = v * 1.25
        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
            pass
        elif _negated(w3):
            v = v * _N_SCALAR
    return v


def _special_idioms_check(v: float, lows: list[str], i: int, n: int) -> float:
    # Quirk: only reached when i > 2 and the word three back is not in the
    # lexicon, so idioms at the start of a text never fire.
    w3, w2, w1, w0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
    special = _SPECIAL_CASES
    for seq in ((w1, w0), (w2, w1, w0), (w2, w1), (w3, w2, w1), (w3, w2)):
        if seq in special:
            v = special[seq]
            break
    if n - 1 > i:
        seq = (w0, lows[i + 1])
        if seq in special:
            v = special[seq]
    if n - 1 > i + 1:
        seq = (w0, lows[i + 1], lows[i + 2])
        if seq in special:
            v = special[seq]
    # Quirk: booster n-grams add their raw value, whatever the valence's sign.
    for seq in ((w3, w2, w1), (w3, w2), (w2, w1)):
        if seq in _BOOSTER_NGRAMS:
            v = v + _BOOSTER_NGRAMS[seq]
    return v


def _but_check(values: list[float], hits: list[int], but_index: int) -> None:
    """Halve scores before the first "but", multiply those after by 1.5, in place.

    ``values[k]`` is the score of token ``hits[k]``.  Quirk kept: vaderSentiment
    finds each score's position with ``list.index(value)`` over every token,
    so a score equal to an earlier (possibly already rescaled) score rescales
    that earlier position instead of its own.  Zeros are skipped (rescaling a
    zero leaves it zero), so the tokens outside ``hits``, all 0, never match:
    the same search over ``values`` finds the same position.
    """
    for k in range(len(values)):
        value = values[k]
        if not value:
            continue
        si = values.index(value)
        at = hits[si]
        if at < but_index:
            values[si] = value * 0.5
        elif at > but_index:
            values[si] = value * 1.5


_sqrt = math.sqrt
_NO_WORDS = (0.0, 0.0, 0.0, 0.0)  # (compound, neg, neu, pos) of a text without tokens
_NO_HITS = (0.0, 0.0, 1.0, 0.0)  # and of one without a lexicon word


def _punctuation_emphasis(text: str) -> float:
    """vaderSentiment's _punctuation_emphasis: up to four "!" and two or more "?"."""
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm_amplifier


def _raw_scores(candidates: list[float], n: int, text: str) -> tuple[float, float, float, float]:
    """score_valence's (compound, neg, neu, pos) before rounding.

    ``candidates`` are the scores at lexicon positions, in order: every other
    score is 0, and zeros change neither sum in _sift_sentiment_scores, only
    the neutral count.  Nor do they change vaderSentiment's sum() of all
    scores: it starts at 0, so the running sum is never -0.0, and adding 0 to
    any other float is exact.
    """
    sum_s = float(sum(candidates))
    # _punctuation_emphasis; without "!" or "?" it is 0.0, and adding or
    # subtracting 0.0 below would change no value, so those steps are skipped
    punct_emph = _punctuation_emphasis(text) if "!" in text or "?" in text else 0.0
    if punct_emph:
        if sum_s > 0:
            sum_s += punct_emph
        elif sum_s < 0:
            sum_s -= punct_emph

    compound = sum_s / _sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0

    # _sift_sentiment_scores
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n
    for s in candidates:
        # float(s) + 1 in vaderSentiment; s + 1.0 is the same float (an idiom's
        # valence may be an int) without the call
        if s > 0:
            pos_sum += s + 1.0
            neu_count -= 1
        elif s < 0:
            neg_sum += s - 1.0
            neu_count -= 1

    # abs() of a float is math.fabs's value; every operand here is a float
    abs_neg = abs(neg_sum)
    if punct_emph:
        if pos_sum > abs_neg:
            pos_sum += punct_emph
        elif pos_sum < abs_neg:
            neg_sum -= punct_emph
        abs_neg = abs(neg_sum)

    total = pos_sum + abs_neg + neu_count
    # vaderSentiment takes abs() of all three shares; neu_count (an int >= 0)
    # and pos_sum (0.0 or a sum of positives) give a share >= +0.0, whose
    # abs() is itself; neg_sum is <= 0, so its share keeps abs().
    return compound, abs(neg_sum / total), neu_count / total, pos_sum / total


def _score_valence(candidates: list[float], n: int, text: str) -> tuple[float, float, float, float]:
    """score_valence: :func:`_raw_scores` rounded as vaderSentiment rounds them."""
    compound, neg, neu, pos = _raw_scores(candidates, n, text)
    return round(compound, 4), round(neg, 3), round(neu, 3), round(pos, 3)


# Decimal places of (compound, neg, neu, pos) in vaderSentiment's output.
_SCALE = (10.0**4, 10.0**3, 10.0**3, 10.0**3)
# fl(x * 10**d) is within 2**-39 of the exact product for |x| <= 1, so only
# a product this close to a half-integer could round to another integer
# than the exact one; those few values take Python's round().
_TIE_MARGIN = 1e-6
_FEW_SCORES = 4 * 8


def _round_scores(raw: list[float]) -> list[tuple[float, float, float, float]]:
    """``raw`` (4 unrounded scores per text) as ``(round(c, 4), round(ng, 3), round(nu, 3), round(p, 3))`` tuples.

    Python's round(x, d) is the float nearest to x rounded half-even to d
    decimals on x's exact value; rint(x * 10**d) / 10**d is the same float
    (the division of two exact integers-valued floats is correctly rounded)
    whenever rint finds the same integer, which only a product near a
    half-integer can spoil.  Those are rounded by round() itself.

    Example:
        >>> _round_scores([0.44043, 0.0, 0.50849, 0.49151])
        [(0.4404, 0.0, 0.508, 0.492)]
    """
    if len(raw) <= _FEW_SCORES:  # a text or two (score_text): round() beats numpy's call overhead
        it = iter(raw)
        return [(round(c, 4), round(ng, 3), round(nu, 3), round(p, 3)) for c, ng, nu, p in zip(it, it, it, it)]
    values = np.array(raw, dtype=np.float64).reshape(-1, 4)
    scaled = values * np.array(_SCALE)
    out = np.rint(scaled) / np.array(_SCALE)
    near = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < _TIE_MARGIN
    if near.any():
        for r, c in zip(*np.nonzero(near)):
            out[r, c] = round(float(values[r, c]), 3 if c else 4)
    return list(map(tuple, out.tolist()))
