"""detect_language and language_spans: script and letter rules, frequent words, mixed texts."""

from __future__ import annotations

import pytest

from analysis.scoring.language import (
    LANGUAGES,
    detect_language,
    detect_language_status,
    language_spans,
)


@pytest.mark.parametrize(("text", "lang"), [
    ("Министр заявил, что переговоры зашли в тупик.", "ru"),
    ("Съезд объявил перерыв.", "ru"),                       # ъ, ы
    ("Міністр заявив, що переговори зайшли в глухий кут.", "uk"),
    ("Ґанок", "uk"),
    ("Він сказав, що все буде добре", "uk"),
    ("Он сказал, что все будет хорошо", "ru"),               # no distinctive letter: words decide
    ("Вона та він", "uk"),                                  # no distinctive letter: words decide
    ("The minister said talks had stalled.", "en"),
    ("Kyiv", "en"),                                         # short Latin text
    ("Le ministre a dit que les négociations sont bloquées.", "other"),
    ("Министерот изјави дека разговорите се во ќорсокак.", "other"),  # Macedonian letters
    ("Ўсё добра", "other"),                                 # Belarusian ў
    ("2022-03-01 12:00", "other"),
    ("", "other"),
    ("Ο υπουργός είπε", "other"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    assert detect_language(text) in LANGUAGES


def test_undetermined_and_tie_are_reported() -> None:
    assert detect_language_status("Киев") == ("ru", "undetermined")
    assert detect_language_status("Київ")[0] == "uk"


def test_mixed_text_per_sentence() -> None:
    text = ("Президент выступил с обращением. Он сказал, что это очень важно. "
            "«Ми вистоїмо, і ми переможемо», — сказав він. Потом он уехал.")
    spans = language_spans(text)
    assert [s.language for s in spans] == ["ru", "uk", "ru"]
    assert text[spans[1].start:spans[1].end].startswith("«Ми")
    assert detect_language(text) == "ru"
    # spans cover the text without overlap, in order
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_latin_homoglyph_does_not_flip_cyrillic() -> None:
    assert detect_language("Kиев заявил, что это так.") == "ru"


def test_language_column_and_override() -> None:
    from analysis.scoring.language import language_column

    texts = ["Он сказал, что это так.", "Він сказав, що це так.", "He said so.", None]
    assert language_column(texts) == ["ru", "uk", "en", "other"]
    assert language_column(texts[:2], language="ru") == ["ru", "ru"]
    with pytest.raises(ValueError, match="'de'"):
        language_column(texts, language="de")


@pytest.mark.parametrize("text", [
    "Kremlin propagandists lied again.",
    "Russian forces shell Kharkiv region",
    'What Moscow calls a "special military operation" began.',
    "Putin's regime murdered civilians, she wrote.",
    "Civilians die as shelling continues",
])
def test_english_headlines_without_a_frequent_function_word_are_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", [
    "Le ministre a dit non",
    "Der Krieg geht weiter und die Stadt ist zerstört",
    "La guerra continua senza sosta e il governo tace",
    "Wojna w Ukrainie trwa nadal",
])
def test_other_latin_script_languages_stay_other(text: str) -> None:
    assert detect_language(text) == "other"


def test_latin_script_rule_does_not_depend_on_an_accented_letter() -> None:
    # the ASCII fast path and the letter-counting path apply one rule 2
    plain, accented = "Der Krieg in der Stadt ist vorbei", "Der Krieg in der Stadt ist zerstört"
    assert detect_language(plain) == detect_language(accented)
