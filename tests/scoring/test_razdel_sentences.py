"""``razdel_sentences``: razdel's own sentences, sentence for sentence, without its quadratic joins.

razdel 0.5.0 copies the sentence so far at every delimiter it joins, so a
long text of quote marks without a sentence end took quadratic time; the
linear walk must give exactly ``razdel.sentenize``'s substrings on any text.
"""

from __future__ import annotations

import random

import pytest
from razdel import sentenize

from analysis.language import language_spans, razdel_sentences
from analysis.scoring.morph import sentences

#: Pieces that reach every razdel rule: endings, quotes of each kind, brackets,
#: abbreviations, initials, list items, smiles, dashes, odd whitespace.
PIECES = [*"абв АБВ Ab. . . ! ? ; « » „ “ ” \" ' ( ) [ ] — - 1 2 : …", "\n\n", "\t", "\u2028", "\x00",
          "т.е.", "Дж.", "ул.", "г.", "1)", " а)", "8.1.", "И. И.", "...", "?!", " — ", ":)", ":-(", "т. д.",
          "Он сказал. ", "«Да», — ответил он. ", "Київ. ", "U.S. ", "See p. 5. "]


def _razdel(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.stop, s.text) for s in sentenize(text)]


@pytest.mark.parametrize("seed", range(4))
def test_same_sentences_as_razdel_on_random_texts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))
        assert [tuple(s) for s in razdel_sentences(text)] == _razdel(text), repr(text)


@pytest.mark.parametrize("text", ["", "  ", "Привет.  ", " x ", "A. B.", "1. Первый. 2. Второй.",
                                  "киевский режим «освободители» " * 300, '"они — «режим ' * 300,
                                  "Он сказал: «Мы победим». Она ушла.\n\nНовый абзац без точки\nещё"])
def test_same_sentences_as_razdel_on_edge_texts(text: str) -> None:
    assert [tuple(s) for s in razdel_sentences(text)] == _razdel(text)


def test_callers_use_it() -> None:
    text = "Он заявил: «Да». Він зазначив: «Так»."
    assert [(s.start, s.end, s.text) for s in sentences(text)] == _razdel(text)
    assert [(s.start, s.end) for s in language_spans(text)] == [(0, 16), (17, 37)]


def test_many_quotes_without_a_sentence_end_is_one_sentence() -> None:
    # the shape that was quadratic (bench_statements_scaling.py times it)
    text = "киевский режим «освободители» " * 20_000
    out = razdel_sentences(text)
    assert [(s.start, s.stop) for s in out] == [(0, len(text) - 1)]


def test_the_language_span_cache_holds_short_texts_only() -> None:
    # keyed on every text it grew with the corpus while score streamed a file
    from analysis import language

    language._spans_short.cache_clear()
    long_text = "Он сказал: «Да». Він зазначив: «Так». " * 200
    assert len(long_text) > language.SPAN_CACHE_CHARS
    assert language_spans(long_text) == language_spans(long_text)  # still the same answer
    assert language._spans_short.cache_info().currsize == 0
    for i in range(language.SPAN_CACHE_SIZE + 10):
        language_spans(f"Он сказал {i}. Він зазначив.")
    assert language._spans_short.cache_info().currsize == language.SPAN_CACHE_SIZE
