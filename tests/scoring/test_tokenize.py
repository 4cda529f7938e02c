from __future__ import annotations

import random
import re

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis.scoring.tokenize import (
    WORD_RE,
    count_words,
    punkt_parameters,
    punkt_tokenizer,
    sentence_spans,
    word_spans,
)


def test_punkt_parameters_are_the_english_model() -> None:
    p = punkt_parameters()
    assert {"dr", "mr", "u.s"} <= p.abbrev_types
    assert p.ortho_context["the"] > 0
    assert p.ortho_context["no-such-type-xyz"] == 0  # defaultdict(int)


def test_abbreviations_do_not_split() -> None:
    t = "Dr. Smith met Mr. Jones in Washington on Jan. 5. They talked."
    assert [t[a:b] for a, b in sentence_spans(t)] == [
        "Dr. Smith met Mr. Jones in Washington on Jan. 5.",
        "They talked.",
    ]


def test_lines_are_sentences_and_offsets_are_original() -> None:
    t = "  Headline without stop\nFirst one. Second “quoted.” Third?  \n\n"
    got = [t[a:b] for a, b in sentence_spans(t)]
    assert got == ["Headline without stop", "First one.", "Second “quoted.”", "Third?"]


def test_blank_text_has_no_sentences() -> None:
    assert sentence_spans("") == [] and sentence_spans(" \n\t ") == []


def _seed_lines(seed_texts: dict[str, str]) -> list[str]:
    return [ln.strip() for t in seed_texts.values() for ln in t.splitlines() if ln.strip()]


def test_fast_path_equals_nltk_punkt_on_seeds(seed_texts: dict[str, str]) -> None:
    ref = PunktSentenceTokenizer(punkt_parameters())
    extra = [
        'He said "It is over." Then he left. Mr. Bork\'s view, Sept. 30. P. W. Botha ... No.',
        "Costs rose 5.5 per cent. Prices fell! Really? (Yes.) U.S. officials agreed.",
        "It was Nov. 4). Then -- nothing. He left.'' Next 'quoted.' Done.",
    ]
    for line in _seed_lines(seed_texts) + extra:
        want = [(a, b) for a, b in ref.span_tokenize(line) if b > a]
        assert sentence_spans(line) == want, line


def test_decide_agrees_with_nltk_for_simple_contexts() -> None:
    tok = punkt_tokenizer()
    ref = PunktSentenceTokenizer(punkt_parameters())
    words = ["Dr", "dr", "Mr", "U.S", "Jan", "etc", "12", "A", "e", "war", "Corp", "self-made", "no"]
    nexts = ["Smith", "the", "He", "However", "5", "5,", "Bush.", "Bork's", "insider", "I"]
    for w in words:
        for n in nexts:
            d = tok.decide(w, ".", n)
            if d is not None:
                assert d == ref.text_contains_sentbreak(f"{w}. {n}"), (w, n)


def test_word_spans_and_count() -> None:
    t = "The neo‑Nazi regime’s 12,000 idiots_ don't—stop."
    spans = word_spans(t)
    assert [t[a:b] for a, b in spans] == ["The", "neo‑Nazi", "regime’s", "12,000", "idiots", "don't", "stop"]
    assert count_words(t) == len(spans)


@pytest.mark.parametrize(
    "text", ["", "a", "a-b", "a--b", "-a", "a-", "x.y,z 1,2", "'a' b'", "..a..", "a_b", "__", "d'Amato's"]
)
def test_ascii_count_matches_regex(text: str) -> None:
    assert count_words(text) == len(WORD_RE.findall(text))
    assert re.fullmatch(r"[ -~]*", text)


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "aZ9 -'.,\u2019\u2010\u2011\u2013\u2212\u00e9\u0416\u00a0\x00\t\n_!\U0001f600\ud800\u0661\u3042"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(count)]


def test_count_words_many_is_count_words_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.scoring import tokenize

    texts = [
        "", " ", "They are idiots.", "The neo‑Nazi regime’s 12,000 idiots_ don't—stop.", "-a", "--a", "a-", "a\u2013b",
        "\ud800 lone surrogate \udfff", "Київ Kyiv", "x" * 300, ("word " * 200).strip(), *_random_texts(7, 2000),
    ]
    want = [count_words(t) for t in texts]
    assert tokenize.count_words_many(texts) == want
    assert tokenize.count_words_many([]) == []
    monkeypatch.setattr(tokenize, "_COUNT_CHUNK", 64)  # many small numpy passes: the same counts
    assert tokenize.count_words_many(texts) == want
