"""Invisible characters inside a word (soft hyphen, zero-width characters, BOM, stress marks) do not split it.

Every scoring path reads the word without them (en lexicons, ru/uk lemmas,
token counts, VADER), and match spans point at the original characters.
"""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from analysis.scoring.explain import explain, sentence_sentiment
from analysis.scoring.morph import tokens
from analysis.scoring.normalize import OffsetMap, normalize_for_match, strip_invisible
from analysis.scoring.score import matches_frame, score_frame, score_text
from analysis.scoring.tokenize import count_words, count_words_many

FORMAT = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("ch", FORMAT)
def test_an_english_insult_with_a_format_character_inside(ch: str) -> None:
    text = f"They are idi{ch}ots."
    s = score_text(text)
    assert (s.hostility_count, s.n_tokens) == (1, 3)
    (m,) = [m for m in s.matches if m.dimension == "hostility"]
    assert (m.start, m.end) == (9, 16)
    assert text[m.start : m.end] == m.surface == f"idi{ch}ots"


def test_an_english_loaded_term_with_a_soft_hyphen() -> None:
    clean, marked = "The Kiev regime shelled the city.", "The Kiev re\u00adgime shelled the city."
    a, b = score_text(clean), score_text(marked)
    assert b.loaded_count == a.loaded_count == 1
    assert (b.n_tokens, b.hostility_count, b.naming_count) == (a.n_tokens, a.hostility_count, a.naming_count)
    (m,) = [m for m in b.matches if m.dimension == "loaded"]
    assert marked[m.start : m.end] == m.surface == "Kiev re\u00adgime"


def test_vader_reads_the_joined_word() -> None:
    marked, clean = "This is a ter\u00adrible and hor\u200brible war.", "This is a terrible and horrible war."
    assert score_text(marked).sentiment_compound == score_text(clean).sentiment_compound < 0
    (sent,) = sentence_sentiment(marked)
    assert {"terrible", "horrible"} <= {w for w, _ in sent.valences}
    assert (sent.start, sent.end) == (0, len(marked))


@pytest.mark.parametrize(
    ("text", "language", "phrase"),
    [
        ("Киев\u0301ский режи\u0301м обстреливает", "ru", "Киев\u0301ский режи\u0301м"),
        ("Ки\u0301евский\u00ad режим обстреливает город", "ru", "Ки\u0301евский\u00ad режим"),
        ("Кремлі\u0301вський режи\u0301м обстрілює місто", "uk", "Кремлі\u0301вський режи\u0301м"),
        ("Терористи\u200bчна держава обстрілює місто", "uk", "Терористи\u200bчна держава"),
    ],
)
def test_a_ru_uk_loaded_phrase_with_stress_marks(text: str, language: str, phrase: str) -> None:
    clean, _ = strip_invisible(text)
    a, b = score_text(clean, language=language), score_text(text, language=language)
    assert b.loaded_count == a.loaded_count == 1
    assert (b.naming_count, b.n_tokens) == (a.naming_count, a.n_tokens)
    (m,) = [m for m in b.matches if m.dimension == "loaded"]
    assert text[m.start : m.end] == m.surface
    assert m.surface.startswith(phrase)


def test_ru_tokens_keep_offsets_on_the_original_text() -> None:
    text = "Киев\u0301ский режи\u0301м"
    toks = tokens(text, "ru")
    assert [(t.text, t.norm) for t in toks] == [("Киев\u0301ский", "киевский"), ("режи\u0301м", "режим")]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_explain_spans_are_on_the_original_text() -> None:
    text = "They are idi\u00adots, the Kiev re\u200dgime said.  Really idi\u2060ots."
    e = explain(text)
    got = [(text[m.start : m.end], m.surface) for m in e.matches if m.dimension in ("hostility", "loaded")]
    assert got == [("idi\u00adots", "idi\u00adots"), ("Kiev re\u200dgime", "Kiev re\u200dgime"),
                   ("idi\u2060ots", "idi\u2060ots")]
    assert "[[idi\u00adots|hostility:insult]]" in e.bracketed()
    assert [text[s.start : s.end] for s in e.sentiment] == [
        "They are idi\u00adots, the Kiev re\u200dgime said.", "Really idi\u2060ots."
    ]


def test_score_frame_and_matches_frame_agree_with_the_clean_text() -> None:
    texts = ["They are idi\u00adots.", "Киев\u0301ский режи\u0301м обстреливает", "They are idiots."]
    out = score_frame(pd.DataFrame({"text": texts}))
    assert out["hostility_count"].tolist() == [1, 0, 1]
    assert out["loaded_count"].tolist()[1] == 1
    assert out["n_tokens"].tolist() == [3, 3, 3]
    m = matches_frame(pd.DataFrame({"text": texts}))
    for row, start, end, surface in m[["row", "start", "end", "surface"]].itertuples(index=False):
        assert texts[row][start:end] == surface


def test_a_zwj_emoji_sequence_does_not_crash() -> None:
    text = "Family \U0001f468\u200d\U0001f469\u200d\U0001f467 of idi\u200dots \u2764\ufe0f"
    s = score_text(text)
    assert (s.status, s.hostility_count) == ("ok", 1)
    explain(text).bracketed()


@pytest.mark.parametrize("text", ["\u200b", "\u00ad\u200d\ufeff", " \u2060 \u200c\n"])
def test_a_text_of_only_invisible_characters_is_like_an_empty_one(text: str) -> None:
    assert score_text(text).status == score_text(" ").status == "empty"
    out = score_frame(pd.DataFrame({"text": [text, "", " "]}))
    assert out["status"].tolist() == ["empty", "empty", "empty"]
    assert out["n_tokens"].tolist() == [0, 0, 0]
    assert explain(text).matches == []


def test_a_stress_mark_is_removed_only_after_a_latin_or_cyrillic_letter() -> None:
    assert strip_invisible("a\u0301b")[0] == "ab"
    assert strip_invisible("ж\u0300\u0301и")[0] == "жи"
    assert strip_invisible("1\u0301 \u0301x")[0] == "1\u0301 \u0301x"
    assert strip_invisible("\u200e\u200f kept")[0] == "\u200e\u200f kept"  # direction marks are kept


# the pattern before round 8: format characters anywhere, then marks right after a letter of the
# original text; score_frame applied it twice (once per text, again in morph.tokens / matcher.find)
_TWO_PASS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]+|(?<=[A-Za-z\u00c0-\u024f\u0400-\u04ff])[\u0300\u0301]+")


def _old_pass(text: str) -> tuple[str, list[int]]:
    kept = [i for i in range(len(text)) if not any(a <= i < b for a, b in (m.span() for m in _TWO_PASS.finditer(text)))]
    return "".join(text[i] for i in kept), [*kept, len(text)]


@pytest.mark.parametrize("seed", range(4))
def test_one_strip_is_final_and_equals_the_old_two_passes(seed: int) -> None:
    """strip_invisible once = the old pattern applied twice (text and offsets); a second strip changes nothing."""
    rng = random.Random(seed)
    alphabet = ["a", "ж", "é", "1", " ", "-", "\u00ad", "\u200b", "\ufeff", "\u0301", "\u0300", "\u200e"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        clean, m = strip_invisible(text)
        once, first = _old_pass(text)
        twice, second = _old_pass(once)
        assert clean == twice, repr(text)
        assert [i if m is None else m[i] for i in range(len(clean) + 1)] == [first[j] for j in second], repr(text)
        assert strip_invisible(clean) == (clean, None), repr(text)


def test_a_stress_mark_after_a_soft_hyphen_goes_on_every_path() -> None:
    text = "Слово режи\u00ad\u0301м звучит."
    assert strip_invisible(text)[0] == "Слово режим звучит."
    assert [t.lemma for t in tokens(text, "ru")] == [t.lemma for t in tokens("Слово режим звучит.", "ru")]
    assert score_text(text, language="ru").n_tokens == count_words(text) == 3
    clean = strip_invisible(text)[0]
    assert tokens(clean, "ru", stripped=True) == tokens(clean, "ru")  # what score_frame passes: not scanned again


def test_offset_maps_compose_with_collapsed_spaces() -> None:
    text = "Idi\u00adots   and  ne\u200bo-Na\u00adzis"
    norm, m = normalize_for_match(text)
    assert norm == "idiots and neo-nazis"
    assert isinstance(m, OffsetMap) and len(m) == len(norm) + 1
    for word in norm.split():
        a = norm.index(word)
        assert strip_invisible(text[m[a] : m[a + len(word)]])[0].lower() == word


def test_count_words_reads_the_joined_word_alone_and_in_bulk() -> None:
    texts = ["They are idi\u00adots.", "Киев\u0301ский режи\u0301м", "1\u0301x", "a \u200b b", "W\ufeffind farm", "plain"]
    assert [count_words(t) for t in texts] == [3, 2, 2, 2, 2, 1]
    assert count_words_many(texts) == [count_words(t) for t in texts]
    assert count_words_many(texts[-1:]) == [1]
