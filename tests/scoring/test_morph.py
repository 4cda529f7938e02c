"""Normalisation (same length, offsets kept), tokens, lemmas for ru and uk."""

from __future__ import annotations

import pytest

from analysis.scoring.morph import (
    analyzer,
    lemma,
    lemma_cache_size,
    normalize_cyrillic,
    sentences,
    tokens,
)


@pytest.mark.parametrize(("raw", "norm"), [
    ("Ёлка", "елка"),
    ("Kиев", "киев"),                     # Latin K
    ("KИEB", "киев"),                     # Latin K, E, B
    ("Kyiv", "kyiv"),                     # a Latin word stays Latin
    ("об’єднаних", "об'єднаних"),
    ("обʼєднаних", "об'єднаних"),
    ("об‘єднаних", "об'єднаних"),
    ("из\u2011за", "из-за"),
    ("İstanbul", "İstanbul".replace("S", "s").replace("T", "t")),
])
def test_normalize_same_length(raw: str, norm: str) -> None:
    out = normalize_cyrillic(raw)
    assert len(out) == len(raw)
    if raw != "İstanbul":
        assert out == norm


def test_tokens_keep_offsets_into_original() -> None:
    text = "Удар по Kиеву: «об’єднаних» сил, нацистов-наркоманов."
    toks = tokens(text, "ru")
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert [t.lemma for t in toks][:3] == ["удар", "по", "киев"]
    assert any(t.parts == ("нацист", "наркоман") for t in toks)


def test_ukrainian_apostrophe_word_is_one_token() -> None:
    toks = tokens("Об'єднаних Націй", "uk")
    assert [t.text for t in toks] == ["Об'єднаних", "Націй"]
    toks = tokens("Об’єднаних Націй", "uk")
    assert toks[0].text == "Об’єднаних" and toks[0].lemma == "об'єднаний"


@pytest.mark.parametrize(("word", "lang", "lem"), [
    ("освобождённого", "ru", "освобожденный"),
    ("освобожденных", "ru", "освобожденный"),
    ("киевского", "ru", "киевский"),
    ("укронацистов", "ru", "укронацист"),
    ("києві", "uk", "київ"),
    ("окупантів", "uk", "окупант"),
    ("заявив", "uk", "заявити"),
])
def test_lemmas(word: str, lang: str, lem: str) -> None:
    assert lemma(word, lang) == lem
    assert lemma_cache_size(lang) >= 1


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="'en'"):
        lemma("word", "en")
    with pytest.raises(ValueError, match="'de'"):
        analyzer("de")


def test_sentences_offsets() -> None:
    text = "Он сказал: «Нет». Потом ушёл."
    assert [text[s.start:s.end] for s in sentences(text)] == ["Он сказал: «Нет».", "Потом ушёл."]


@pytest.mark.parametrize("text", [
    "Удар по Kиеву: «об’єднаних» сил, нацистов-наркоманов.",
    "В 10-летний срок, т.е. до 2032 г., ДНР/ЛНР и пол-Европы.",
    "Об'єднаних Націй — 5 разів; «рашисти» (орки)!",
    "Он сказал: «Нет». Потом ушёл... 100%",
])
def test_fast_and_razdel_tokenizers_agree(text: str) -> None:
    fast = tokens(text, "ru")
    slow = tokens(text, "ru", tokenizer="razdel")
    assert [(t.start, t.end, t.lemma) for t in fast] == [(t.start, t.end, t.lemma) for t in slow]


def test_unknown_tokenizer() -> None:
    with pytest.raises(ValueError, match="tokenizer"):
        tokens("x", "ru", tokenizer="nltk")
