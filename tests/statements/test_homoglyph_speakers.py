"""Latin look-alike letters inside Cyrillic names do not change who speaks (user review, round 8)."""

from __future__ import annotations

import pytest

from analysis import extract_statements
from analysis.language import repair_homoglyphs

CASES = [
    # (text with a Latin letter inside a Cyrillic word, the same text all Cyrillic)
    ("«Мы готовы к диалогу», — заявил Дмитрий Пескoв.", "«Мы готовы к диалогу», — заявил Дмитрий Песков."),
    ("«Ми готові до діалогу», — заявив Михайлo Подоляк.", "«Ми готові до діалогу», — заявив Михайло Подоляк."),
    ("Дмитрий Пескoв заявил: «Мы готовы».", "Дмитрий Песков заявил: «Мы готовы»."),
    ("«Мы готовы», — cказал Песков.", "«Мы готовы», — сказал Песков."),  # Latin c in the verb
]


@pytest.mark.parametrize(("mixed", "clean"), CASES)
def test_same_speakers_as_the_all_cyrillic_text(mixed: str, clean: str) -> None:
    a, b = extract_statements(mixed), extract_statements(clean)
    cols = ["speaker", "speaker_id", "kind", "start", "end", "attribution"]
    assert a[cols].values.tolist() == b[cols].values.tolist()
    assert (a["speaker"] != "").any()


@pytest.mark.parametrize(("mixed", "clean"), CASES)
def test_statement_text_is_the_original(mixed: str, clean: str) -> None:
    frame = extract_statements(mixed)
    for text, start, end in frame[["text", "start", "end"]].itertuples(index=False):
        assert text == mixed[start:end]


def test_repair_keeps_length_latin_words_and_case() -> None:
    s = "Kиев и Macron, ПЕСКOВ; iPhone"
    r = repair_homoglyphs(s)
    assert len(r) == len(s)
    assert r == "Киев и Macron, ПЕСКОВ; iPhone"
    assert repair_homoglyphs("plain English text") == "plain English text"


def test_a_word_of_one_script_is_never_changed() -> None:
    # 'Tom' (Latin only) beside a Cyrillic word stays Latin; only a word mixing both changes
    assert repair_homoglyphs("Tom сказал") == "Tom сказал"
    assert repair_homoglyphs("Тoм") == "Том"
