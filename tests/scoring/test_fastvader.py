"""FastVader must give exactly vaderSentiment 3.3.2's polarity_scores, for any text."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vader_module
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import paths
from analysis.corpus.external import load_press_releases
from analysis.scoring.fastvader import FastVader
from analysis.validation import load_nyt

KEYS = ("neg", "neu", "pos", "compound")
TOLERANCE = 1e-9
# A crude splitter is enough: these are test inputs, any split will do.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="session")
def reference() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="session")
def fast() -> FastVader:
    return FastVader()


def assert_identical(texts: Iterable[str], fast: FastVader, reference: SentimentIntensityAnalyzer) -> int:
    """Compare every text; fail listing the first divergences.  Returns how many were compared."""
    diverging = []
    count = 0
    for text in texts:
        count += 1
        want = reference.polarity_scores(text)
        got = fast.polarity_scores(text)
        if set(got) != set(KEYS) or any(abs(got[k] - want[k]) > TOLERANCE for k in KEYS):
            diverging.append((text, want, got))
    assert not diverging, f"{len(diverging)} of {count} texts diverge, e.g. {diverging[:3]!r}"
    return count


# -- fixed texts ---------------------------------------------------------------


@pytest.fixture(scope="session")
def nyt_sentences() -> list[str]:
    """The VADER NYT editorial snippets (vendored copy, read by the package's loader)."""
    return load_nyt()["text"].tolist()


@pytest.fixture(scope="session")
def press_release_texts() -> list[str]:
    """All headlines plus a fixed sample of 3,000 body sentences of the press releases."""
    releases = load_press_releases()
    sentences = [s for body in releases["body"] for s in SENTENCE_SPLIT.split(body)]
    sample = random.Random(20240611).sample(sentences, min(3000, len(sentences)))
    return releases["headline"].tolist() + sample


def test_lexicons_are_vaders_own(fast: FastVader, reference: SentimentIntensityAnalyzer) -> None:
    assert fast.lexicon == reference.lexicon
    assert fast.emojis == reference.emojis


def test_nyt_editorial_sentences(nyt_sentences, fast, reference) -> None:
    assert assert_identical(nyt_sentences, fast, reference) > 5000


def test_seed_lines_sentences_and_whole_articles(seed_texts, fast, reference) -> None:
    assert seed_texts, f"no seed articles in {paths.RAW_SEEDS_DIR}"
    texts: list[str] = []
    for article in seed_texts.values():
        texts.append(article)
        for line in article.splitlines():
            texts.append(line)
            texts.extend(SENTENCE_SPLIT.split(line))
    assert assert_identical(texts, fast, reference) > 100


def test_press_releases(press_release_texts, fast, reference) -> None:
    assert assert_identical(press_release_texts, fast, reference) > 3000


EDGE_CASES = [
    "",
    " ",
    " \t\n\r\x0b\x0c\u00a0\u2003",
    ".",
    "!?.,;:",
    "...!!!???",
    "!!!!",
    "!!!!!!!!",
    "???",
    "??",
    "?",
    "good!!!!",
    "bad???",
    "good ??? bad !!!!",
    "\U0001f601",
    "\U0001f601\U0001f48b\U0001f498",
    "x\U0001f601y",
    " \U0001f601 \U0001f601",
    "\u00a9\u00ae\u2122",
    "I love it\U0001f601!",
    ":) :( :-D :P <3",
    "no",
    "no.",
    "It is good, no",
    "That is a problem, no?",
    "no problem",
    "no good",
    "no no good",
    "no or nor bad",
    "no, this is not bad",
    "not bad",
    "Not bad at all",
    "isn't good",
    "ISN'T GOOD but fine",
    "never so good",
    "never this good",
    "never been good",
    "it was never so very good",
    "so good",
    "this good",
    "without doubt good",
    "without a doubt, excellent idea",
    "Without a doubt, an excellent idea.",
    "kind of good",
    "kind of",
    "kind",
    "sort of bad",
    "just enough good",
    "a kinda good day",
    "at least good",
    "the least good",
    "very least good",
    "least good",
    "he is the shit",
    "it was really the bomb",
    "a real bad ass",
    "this is a kiss of death for us",
    "a meal to die for",
    "yeah right great",
    "good good good good",
    "bad bad good good but bad bad good good",
    "good but",
    "but good",
    "good but great but bad",
    "great great but good great good",
    "GOOD",
    "GOOD bad",
    "VERY GOOD day",
    "the VERY good day",
    "NO GOOD",
    "NO good day",
    "he is a real bad ass",
    "he is a real bad ass indeed",
    "they say it is a kiss of death",
    "it was a meal to die for",
    "but great great",
    "abilities acceptance but abilities acceptance",
    "but acceptance brightest",
    "Not Bad AT ALL, VERY GOOD!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "Today only kinda sux! But I'll get by, lol",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "İstanbul's BAD news, ΣΟΦΟΣ ΚΑΚΟΣ good",
    "n't good",
    "don't really like it",
    "DON'T like",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


def test_very_long_text(fast, reference) -> None:
    unit = "The deal is not bad, but the terrible war was NEVER so good!! Kind of great, at least. "
    assert_identical([unit * 300], fast, reference)


def test_empty_and_neutral_results(fast) -> None:
    assert fast.polarity_scores("") == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    assert fast.polarity_scores("The table is round.") == {
        "neg": 0.0,
        "neu": 1.0,
        "pos": 0.0,
        "compound": 0.0,
    }


def test_non_string_is_a_clear_type_error(fast) -> None:
    for bad in (None, 3.5, b"good"):
        with pytest.raises(TypeError, match="expects a str"):
            fast.polarity_scores(bad)  # type: ignore[arg-type]


def test_polarity_scores_many_keeps_order(fast, reference) -> None:
    texts = ["good", "", "bad!!", "not bad", "good"]
    assert fast.polarity_scores_many(texts) == [reference.polarity_scores(t) for t in texts]
    assert fast.polarity_scores_many(iter(texts)) == fast.polarity_scores_many(texts)


def test_scores_tuples_are_polarity_scores(fast, reference, seed_texts, nyt_sentences) -> None:
    # the tuple path score_frame uses: the same four numbers, bit for bit (-0.0 included)
    lines = [line for text in seed_texts.values() for line in text.splitlines()]
    texts = [*EDGE_CASES, *lines, *nyt_sentences[:1000], "good", "", "   "]
    want = [reference.polarity_scores(t) for t in texts]
    as_tuples = [(d["compound"], d["neg"], d["neu"], d["pos"]) for d in want]
    for got in (fast.scores_many(texts), [fast.scores(t) for t in texts]):
        assert [tuple(map(repr, g)) for g in got] == [tuple(map(repr, w)) for w in as_tuples]


def test_scores_reject_non_strings(fast) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        fast.scores(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="NoneType at position 1"):
        fast.scores_many(["good", None])  # type: ignore[list-item]


# -- generated texts -------------------------------------------------------------


def _vocabulary() -> list[str]:
    lexicon = sorted(SentimentIntensityAnalyzer().lexicon)
    rules = [
        "no", "not", "never", "so", "this", "without", "doubt", "least", "at", "very",
        "or", "nor", "but", "BUT", "kind", "of", "sort", "just", "enough", "the", "to",
        "die", "for", "kiss", "death", "bad", "ass", "bomb", "shit", "yeah", "right",
        "bus", "stop", "beating", "heart", "isn't", "don't", "n't", "ain't", "uh-uh",
    ]  # fmt: skip
    return (
        rules
        + list(vader_module.NEGATE)
        + list(vader_module.BOOSTER_DICT)
        + lexicon[::25]  # a spread of ~300 lexicon entries, emoticons included
        + ["good", "great", "bad", "terrible", "love", "hate", "war", "peace", "dead"]
        + ["\U0001f601", "\U0001f48b", "\u2764", "\u00a9", ":)", ":(", "<3"]
        + ["word", "Russia", "said", "I", "a", "U.S.", "NATO"]
    )


def _dense_vocabulary() -> list[str]:
    """Few words, so that rules meet and equal scores collide (vaderSentiment's
    "but" rule finds positions with list.index, so collisions matter)."""
    lexicon = SentimentIntensityAnalyzer().lexicon
    by_value = {}
    for word in sorted(lexicon):
        if word.isalpha():
            by_value.setdefault(lexicon[word], word)
    valued = [by_value[v] for v in (0.5, 1.0, 1.5, 1.9, 2.0, 3.0, -0.5, -1.0, -1.5, -2.0, -3.0)]
    rules = [
        "no", "not", "never", "so", "this", "without", "doubt", "least", "at", "very",
        "or", "nor", "but", "kind", "of", "sort", "just", "enough", "the", "to", "die", "for",
        "bad", "ass", "bomb", "shit", "yeah", "right", "kiss", "death", "isn't", "really",
        "slightly", "most", "kinda", "good", "great", "a",
    ]  # fmt: skip
    return valued + rules


def _tiny_vocabulary() -> list[str]:
    """Scored words with values that rescale into each other (x1.5, x0.5) and "but"."""
    return _dense_vocabulary()[:11] + ["but", "but", "very", "not", "no", "NO", "GOOD"]


VOCABULARY = _vocabulary()
DENSE_VOCABULARY = _dense_vocabulary()
TINY_VOCABULARY = _tiny_vocabulary()
PUNCT = st.sampled_from(["", "", "", "", ".", ",", "!", "?", "!!", "???", "'", '"', "(", ")", "...", "-"])


@st.composite
def vader_like_tokens(draw: st.DrawFn, vocabulary: list[str] = VOCABULARY) -> str:
    word = draw(st.sampled_from(vocabulary))
    case = draw(st.sampled_from(["keep", "keep", "keep", "upper", "title", "lower"]))
    if case == "upper":
        word = word.upper()
    elif case == "title":
        word = word.title()
    elif case == "lower":
        word = word.lower()
    return draw(PUNCT) + word + draw(PUNCT)


def vader_like_texts(vocabulary: list[str], max_tokens: int) -> st.SearchStrategy[str]:
    separators = [" ", " ", " ", " ", "  ", "\n", "\t", "", " \U0001f601 "]
    return st.builds(
        lambda tokens, seps: "".join(t + s for t, s in zip(tokens, seps)),
        st.lists(vader_like_tokens(vocabulary), min_size=0, max_size=max_tokens),
        st.lists(st.sampled_from(separators), min_size=max_tokens, max_size=max_tokens),
    )


@settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=vader_like_texts(VOCABULARY, 14))
def test_generated_vader_like_texts(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


@settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=vader_like_texts(DENSE_VOCABULARY, 10))
def test_generated_dense_rule_texts(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


@settings(max_examples=800, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(TINY_VOCABULARY), max_size=8).map(" ".join))
def test_generated_but_collisions(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    text=st.lists(
        st.one_of(st.sampled_from(VOCABULARY), st.text(alphabet=st.characters(codec="utf-8"), max_size=4)),
        max_size=12,
    ).map(" ".join)
)
def test_lexicon_words_mixed_with_arbitrary_characters(text: str, fast, reference) -> None:
    assert_identical([text], fast, reference)


def test_survives_pickling_for_worker_processes(fast) -> None:
    import pickle

    fast.polarity_scores("warm the token cache: good")
    clone = pickle.loads(pickle.dumps(fast))
    text = "It is not bad, but the war is NEVER so good!!"
    assert clone.polarity_scores(text) == fast.polarity_scores(text)


def test_batch_rounding_is_round() -> None:
    """scores_many rounds a batch with numpy: the same floats as round(x, 4) / round(x, 3), near-ties too."""
    from analysis.scoring import fastvader

    rng = random.Random(11)
    values = [rng.uniform(-1, 1) for _ in range(40_000)]
    # products x * 10**d right at or next to a half-integer: where rint on fl(x * 10**d) could go astray
    for k in range(-2000, 2000):
        for x in ((k + 0.5) / 10_000, (k + 0.5) / 1000):
            values += [x, math.nextafter(x, 2.0), math.nextafter(x, -2.0)]
    values += [0.0, -0.0, 1.0, -1.0, 0.03125, -0.03125]
    values = values[: len(values) // 4 * 4]
    got = fastvader._round_scores(values)
    assert len(got) > fastvader._FEW_SCORES  # the numpy path
    it = iter(values)
    want = [(round(c, 4), round(ng, 3), round(nu, 3), round(p, 3)) for c, ng, nu, p in zip(it, it, it, it)]
    assert [tuple(map(repr, g)) for g in got] == [tuple(map(repr, w)) for w in want]  # repr: -0.0 too
    assert fastvader._round_scores(values[:8]) == want[:2]  # the round() path for a text or two
