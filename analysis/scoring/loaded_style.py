"""Closed-class stylistic features of the optional loaded-language model.

Loaded language is carried by *how* a text addresses its reader as much as
by its emotive words: who "we" and "they" are, what someone *must* do, the
superlative ("the worst ever"), the exclamation ("What a disgrace!"), the
rhetorical question ("How can anyone believe this?"), scare quotes and
direct commands.  Each feature here is built from a closed list of
function words or a fixed frame, never from topic words, and is named, so
its part of a prediction can be read in :meth:`LoadedModel.explain`.

Features (:data:`STYLE_FEATURES`; counts per text, the model enters them as
``log(1 + count)``):

* ``style: we/our/us``, ``style: they/them/their``, ``style: you/your``:
  pronoun classes (in-group, out-group, address to the reader);
* ``style: obligation modals``: *must, should, ought, shall* and their
  negative forms (deontic modality; epistemic *may/might* are hedges);
* ``style: negators``: *not, no, never, n't, nobody, nothing, none,
  neither, nor, nowhere*;
* ``style: superlatives``: *best, worst*, *most/least* after *the*, and
  ``-est`` forms of a listed adjective (VADER's lexicon words and a short
  list of common gradable adjectives), so *interest* or *forest* is not one;
* ``style: comparatives``: *more/less* before a listed adjective, *better,
  worse*, and ``-er`` forms of a listed adjective (*bigger*, not *never*);
* ``style: ever``: *ever* (the intensifying "worst ever", "more than ever");
* ``style: exclamative frames``: *what a(n)*, *such a(n)*, and *how* +
  word at a sentence start that is not a question's auxiliary;
* ``style: rhetorical questions``: a question sentence that opens with a
  negative auxiliary (*Isn't*, *Don't* ...), with *why*, or with
  *how/who* + a modal (*How can*, *Who would*);
* ``style: scare quotes``: a quoted span of one to three words with no
  sentence punctuation inside (use against mention, at the level of style);
* ``style: imperatives``: a sentence that opens with *let's/let us*,
  *don't/do not* + word, or a listed verb of command (*stop, imagine,
  remember, look, wake up* ...) before a determiner, pronoun or particle;
* ``style: title case``: 1 when most words start with a capital (a
  headline), else 0 -- a fact about layout, not a count.

:func:`ranking_cues` gives the four cues of the shipped ranking score
(:func:`analysis.scoring.indices.loaded_ranking_score`): the strongest
VADER word, strong negative VADER words, scare quotes and ``!``.

Example:
    >>> style_counts(["We must stop them! Isn't it the worst crisis ever?"]).iloc[0].to_dict()["style: superlatives"]
    1.0
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import pandas as pd

from analysis.scoring.loaded_vocab import NEGATOR_TOKENS, quote_pair_pattern

STYLE_FEATURES: tuple[str, ...] = (
    "style: we/our/us", "style: they/them/their", "style: you/your", "style: obligation modals",
    "style: negators", "style: superlatives", "style: comparatives", "style: ever", "style: exclamative frames",
    "style: rhetorical questions", "style: scare quotes", "style: imperatives", "style: title case",
)
_WORDS: dict[str, frozenset[str]] = {
    "style: we/our/us": frozenset("we our ours us ourselves we're we've we'll we'd".split()),
    "style: they/them/their": frozenset("they them their theirs themselves they're they've they'll they'd".split()),
    "style: you/your": frozenset("you your yours yourself yourselves you're you've you'll you'd".split()),
    "style: obligation modals": frozenset("must should ought shall mustn't shouldn't oughtn't shan't".split()),
    # the negated: contexts' negators less "without", a preposition: it negates the word after it
    # but does not make the sentence a negative one
    "style: negators": NEGATOR_TOKENS - {"without"},
    "style: ever": frozenset(["ever"]),
}
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_QUOTED = quote_pair_pattern(60)
_SENTENCE_PUNCT = re.compile(r"[.!?;:]")
# what may stand outside a quotation that is the whole text
_NOT_WORDS = " \t\r\n.,;:!?-\u2013\u2014\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"
_NEG_AUX = frozenset("isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't "
                     "shouldn't haven't hasn't hadn't ain't".split())
_QUESTION_AUX = frozenset("is are was were do does did can could will would should has have had may might "
                          "many much long often far old come".split())
_MODALS = frozenset("can could would will should dare must".split())
_COMMAND_VERBS = frozenset("stop imagine remember look consider wake stand join tell ask listen watch read "
                           "think beware forget shut vote fight resist help act face admit".split())
# what follows a verb of command ("Stop the war", "Wake up", "Tell them"), not a noun ("Stop signs")
_COMMAND_NEXT = frozenset("the a an this that these those it them us him her me your our their up at about to "
                          "what how who why and now all yourself yourselves here".split())
# common gradable adjectives whose -est form is a superlative (VADER's list holds the evaluative ones)
_GRADABLE = frozenset("big small large high low long short old young new late early deep fast slow hard "
                      "rich poor strong weak great few near far wide cheap dear heavy light dark close "
                      "hot cold tough harsh loud clear quick".split())
# -er forms are checked against these only: VADER's list holds verbs too ("killer" is no comparative)
_COMPARABLE = _GRADABLE | frozenset("nice safe cruel sad happy angry dirty ugly crazy stupid smart bitter easy "
                                    "kind brave wise grim dumb weird fair rude mean sick".split())


@functools.lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    from analysis.scoring._vader_lexicon import load_vader_lexicon

    return frozenset(w for w in load_vader_lexicon() if w.isalpha()) | _GRADABLE


def is_superlative(word: str, previous: str = "") -> bool:
    """True for a superlative form: *best/worst*, *most/least* after *the*, or ``-est`` of a listed adjective.

    Example:
        >>> [is_superlative(w) for w in ("worst", "biggest", "nicest", "interest", "forest")]
        [True, True, True, False, False]
        >>> is_superlative("most", "the"), is_superlative("most", "")
        (True, False)
    """
    w = word.lower()
    if w in ("best", "worst"):
        return True
    if w in ("most", "least"):
        return previous.lower() == "the"
    if not w.endswith("est") or len(w) < 6:
        return False
    adjectives = _adjectives()
    return any(c in adjectives for c in _base_forms(w[:-3]))


def is_comparative(word: str, following: str = "") -> bool:
    """True for a comparative: *better/worse*, *more/less* before a listed adjective, ``-er`` of a
    common gradable adjective.

    Example:
        >>> [is_comparative(w) for w in ("worse", "bigger", "nicer", "never", "killer")]
        [True, True, True, False, False]
        >>> is_comparative("more", "dangerous"), is_comparative("more", "people")
        (True, False)
    """
    w = word.lower()
    if w in ("better", "worse"):
        return True
    if w in ("more", "less"):
        return following.lower() in _adjectives()
    if not w.endswith("er") or len(w) < 5:
        return False
    return any(c in _COMPARABLE for c in _base_forms(w[:-2]))


def _base_forms(stem: str) -> set[str]:
    # the adjective an -est/-er ending may come from: as is (great-), with its
    # silent e (nic-e), undoubled (bigg-), y for i (happi-)
    return {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem,
            stem[:-1] + "y" if stem.endswith("i") else stem}


def _sentence_frames(sentence: list[str], ends_question: bool) -> tuple[int, int, int]:
    """(exclamative, rhetorical question, imperative) frames opening one sentence of lower-case tokens."""
    if not sentence:
        return 0, 0, 0
    first, second = sentence[0], sentence[1] if len(sentence) > 1 else ""
    exclam = int(first == "how" and bool(second) and second not in _QUESTION_AUX and not ends_question)
    rhetorical = int(ends_question and (first in _NEG_AUX or first == "why"
                                        or (first in ("how", "who") and second in _MODALS)))
    imperative = int((first == "let's" or (first == "let" and second == "us"))
                     or (first in ("don't", "do") and bool(second) and second not in ("you", "not", "we", "they"))
                     or (first == "do" and second == "not")
                     or (first in _COMMAND_VERBS and not ends_question and second in _COMMAND_NEXT))
    return exclam, rhetorical, imperative


def _one_text(text: str) -> list[float]:
    words = _TOKEN.findall(text)
    lows = [t.lower().replace("\u2019", "'") for t in words]
    counts = {name: float(sum(w in words for w in lows)) for name, words in _WORDS.items()}
    counts["style: negators"] += sum(w.endswith("n't") for w in lows)
    counts["style: superlatives"] = float(sum(is_superlative(w, lows[i - 1] if i else "") for i, w in enumerate(lows)))
    counts["style: comparatives"] = float(sum(is_comparative(w, lows[i + 1] if i + 1 < len(lows) else "")
                                              for i, w in enumerate(lows)))
    counts["style: title case"] = float(len(words) >= 3 and 2 * sum(w[0].isupper() for w in words) > len(words))
    pairs = list(zip(lows, lows[1:], strict=False))
    frames = sum(a in ("what", "such") and b in ("a", "an") for a, b in pairs)
    rhetorical = imperative = 0
    for match in _SENTENCE.finditer(text):
        sentence = [t.lower().replace("\u2019", "'") for t in _TOKEN.findall(match.group())]
        e, r, i = _sentence_frames(sentence, match.group().rstrip().endswith("?"))
        frames, rhetorical, imperative = frames + e, rhetorical + r, imperative + i
    counts["style: exclamative frames"] = float(frames)
    counts["style: rhetorical questions"] = float(rhetorical)
    counts["style: imperatives"] = float(imperative)
    counts["style: scare quotes"] = float(scare_quote_count(text))
    return [counts[name] for name in STYLE_FEATURES]


def scare_quote_count(text: str) -> int:
    """Quoted spans of one to three words with no sentence punctuation inside (scare quotes).

    Longer quoted spans are reported speech, not a word held at a distance;
    so is a text that is itself one short quotation (an extracted statement
    such as '"Retribution is inevitable,"'): nothing but punctuation outside it.

    Example:
        >>> scare_quote_count('Its "referendum" was, he said, "a farce. We reject it."')
        1
        >>> scare_quote_count('"Retribution is inevitable,"')
        0
    """
    # the first and last word characters of the whole text, found once: a span has
    # words outside it when either lies outside it (slicing and stripping the text
    # for every span was quadratic in a long text of many quotes)
    first = _first_word_char(text)
    if first < 0:
        return 0
    last = len(text) - 1 - _first_word_char(text[::-1])
    n = 0
    for q in _QUOTED.finditer(text):
        inside = q.group(1)
        if not 1 <= len(inside.split()) <= 3 or _SENTENCE_PUNCT.search(inside):
            continue
        if first < q.start() or last >= q.end():
            n += 1
    return n


def _first_word_char(text: str) -> int:
    """Index of the first character not in ``_NOT_WORDS`` (-1 when there is none)."""
    stripped = text.lstrip(_NOT_WORDS)
    return len(text) - len(stripped) if stripped else -1


def style_counts(texts: Sequence[str]) -> pd.DataFrame:
    """One row per text, one column per :data:`STYLE_FEATURES` name: raw counts (float).

    Example:
        >>> style_counts(["Why should we trust them?", "Rain is expected."]).iloc[:, :5].values.tolist()
        [[1.0, 1.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]]
    """
    return pd.DataFrame([_one_text(str(t)) for t in texts], columns=list(STYLE_FEATURES), dtype="float64")


# --- Cues of the shipped ranking score (analysis.scoring.indices, form "v2") ---------
#: Columns of :func:`ranking_cues`.
RANKING_CUES: tuple[str, ...] = ("peak valence", "strong negative words", "scare quotes", "exclamation marks")
#: |valence| on VADER's -4..+4 scale from which a negative word counts as strong (as the model's feature).
STRONG_NEGATIVE_VALENCE: float = -1.5


def ranking_cues(texts: Sequence[str]) -> pd.DataFrame:
    """Per text, the four cues the ranking score reads beyond the lexicons and VADER's shares.

    ``peak valence``: the largest |valence| of a word of VADER's lexicon in the
    text (0..4, before VADER's rules); ``strong negative words``: how many of
    its words have valence <= -1.5; ``scare quotes``: :func:`scare_quote_count`;
    ``exclamation marks``: the number of ``!``.  A missing text (None, NaN,
    ``pd.NA``) has no cues (a row of zeros); any other non-string is a
    ``TypeError`` naming its position (:func:`cue_texts`).  One pass of a word regex and
    dictionary look-ups per text: only computed when the ranking score is
    asked for, never by ``score_frame``.

    Example:
        >>> ranking_cues(['What a "plan"! A disgusting, evil lie.']).iloc[0].tolist()
        [3.4, 2.0, 1.0, 1.0]
    """
    valence = _valences()
    rows = []
    for text in cue_texts(texts):
        vs = [valence.get(w.lower(), 0.0) for w in _VADER_WORD.findall(text)]
        rows.append((max((abs(v) for v in vs), default=0.0), float(sum(v <= STRONG_NEGATIVE_VALENCE for v in vs)),
                     float(scare_quote_count(text)), float(text.count("!"))))
    return pd.DataFrame(rows, columns=list(RANKING_CUES), dtype="float64")


def cue_texts(values: Sequence[object], labels: Sequence[object] | None = None,
              who: str = "ranking_cues") -> list[str]:
    """``values`` as plain strings, a missing value (None, NaN, ``pd.NA``) as ``""``.

    Anything else (a number, bytes) raises ``TypeError`` naming its label
    (``labels``, default the position): read as "" it would silently lose its cues.

    Example:
        >>> cue_texts(["a", None, float("nan")])
        ['a', '', '']
        >>> cue_texts(["a", 5], labels=["x", "y"])
        Traceback (most recent call last):
        ...
        TypeError: ranking_cues: texts must be str, None or NaN; row 'y' holds int 5
    """
    out: list[str] = []
    for pos, value in enumerate(values):
        if isinstance(value, str):
            out.append(str.__str__(value))  # a str subclass as a plain str
        elif value is None or value is pd.NA or (isinstance(value, float) and value != value):
            out.append("")
        else:
            label = labels[pos] if labels is not None else pos
            raise TypeError(f"{who}: texts must be str, None or NaN; row {label!r} holds "
                            f"{type(value).__name__} {value!r:.60}")
    return out


_VADER_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@functools.lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    from analysis.scoring._vader_lexicon import load_vader_lexicon

    return load_vader_lexicon()
