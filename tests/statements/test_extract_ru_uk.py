"""Russian and Ukrainian quotes: marks, dialogue dashes, speech verbs, attribution and speaker fields."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.statements import extract as english
from analysis.statements.cues_ru_uk import (
    VerbTableError,
    load_speech_verbs,
    nominative,
    speech_verb,
    transliterate,
)
from analysis.statements.extract import extract_statements
from analysis.statements.extract_ru_uk import BASE_COLUMNS, COLUMNS, extract_statements_ru_uk
from analysis.statements.quotes_cyrillic import find_quotes_cyrillic
from analysis.statements.reporting_verbs import STANCES

FIXTURES = Path(__file__).parent / "fixtures" / "ru_uk"  # not among the English wire fixtures


def _quote(df: pd.DataFrame, words: str) -> pd.Series:
    hits = df[df["text"].str.contains(words, regex=False) & (df["kind"] != "narration")]
    assert len(hits) == 1, (words, df[["kind", "text"]].values.tolist())
    return hits.iloc[0]


def _covers_every_character(text: str, df: pd.DataFrame) -> None:
    owner = [0] * len(text)
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text
        for i in range(r.start, r.end):
            owner[i] += 1
    assert all(n == 1 for ch, n in zip(text, owner) if not ch.isspace()), df[["kind", "text"]].values.tolist()


# --- quote marks -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "inner"), [
    ("Он сказал: «Мы ждём».", ["Мы ждём"]),
    ("Он сказал: „Мы ждём“.", ["Мы ждём"]),
    ('Он сказал: "Мы ждём".', ["Мы ждём"]),
    ("«Он ответил: „нет“», — отметил Лавров.", ["Он ответил: „нет“"]),
    ("«Он ответил: «нет»», — отметил Лавров.", ["Он ответил: «нет»"]),
    ("Ракети «Калібр» і «Стугни».", ["Калібр", "Стугни"]),
])
def test_marks_and_nesting(text: str, inner: list[str]) -> None:
    assert [q.inner(text) for q in find_quotes_cyrillic(text)] == inner


def test_an_open_quote_runs_to_the_paragraph_end_and_continues() -> None:
    text = "«Мы будем бороться\n«до конца», — сказал он."
    quotes = find_quotes_cyrillic(text)
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[1].continued and quotes[0].group == quotes[1].group


def test_dialogue_dash_lines() -> None:
    text = "— Мы готовы, — сказал он. — Но не сейчас.\n- Нет! - ответила она.\nОн ушёл — навсегда."
    quotes = find_quotes_cyrillic(text)
    assert [text[q.start:q.end] for q in quotes] == ["— Мы готовы,", "— Но не сейчас.", "- Нет!"]
    assert all(q.dash for q in quotes)


# --- attribution ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "speaker", "written", "attribution", "lemma", "stance"), [
    ("«Мы готовы», — заявил Дмитрий Песков.", "ru", "Dmitry Peskov", "Дмитрий Песков", "name", "заявить", "neutral"),
    ("«Это провокация», — Захарова заявила журналистам.", "ru", "Maria Zakharova", "Захарова", "name",
     "заявить", "neutral"),
    ("Мария Захарова: «Это провокация».", "ru", "Maria Zakharova", "Мария Захарова", "name", "", ""),
    ("Сергей Лавров подчеркнул: «Мы не отступим».", "ru", "Sergey Lavrov", "Сергей Лавров", "name",
     "подчеркнуть", "emphatic"),
    ("Заявил Лавров: «Мы не отступим».", "ru", "Sergey Lavrov", "Лавров", "name", "заявить", "neutral"),
    ("Медведев написал в Telegram: «Возмездие неизбежно».", "ru", "Dmitry Medvedev", "Медведев", "name",
     "написать", "neutral"),
    ("«Это не так», — отметил Лавров.", "ru", "Sergey Lavrov", "Лавров", "name", "отметить", "factive"),
    ("«Ситуация под контролем», — говорится в заявлении Минобороны России.", "ru", "Минобороны России",
     "Минобороны России", "name", "говориться", "neutral"),
    ("«Україна не здасться», – заявив керівник Офісу Президента Андрій Єрмак.", "uk", "Andriy Yermak",
     "Андрій Єрмак", "name", "заявити", "neutral"),
    ("«Ми вистоїмо», — наголосила Ірина Верещук.", "uk", "Ірина Верещук", "Ірина Верещук", "name",
     "наголосити", "emphatic"),
    ("Михайло Подоляк зазначив: «Переговори тривають».", "uk", "Mykhailo Podolyak", "Михайло Подоляк", "name",
     "зазначити", "factive"),
    ("«Переговори тривають», — підкреслив Подоляк.", "uk", "Mykhailo Podolyak", "Подоляк", "name",
     "підкреслити", "emphatic"),
    ("«Переговори тривають», — повідомив Подоляк.", "uk", "Mykhailo Podolyak", "Подоляк", "name",
     "повідомити", "neutral"),
    ("«Переговори тривають», — додав Подоляк.", "uk", "Mykhailo Podolyak", "Подоляк", "name", "додати",
     "neutral"),
    ("«Переговори тривають», — сказав Подоляк.", "uk", "Mykhailo Podolyak", "Подоляк", "name", "сказати",
     "neutral"),
    ("«Ситуация сложная», — пояснил Шойгу.", "ru", "Sergei Shoigu", "Шойгу", "name", "пояснить", "factive"),
])
def test_attribution_after_and_before(text: str, language: str, speaker: str, written: str, attribution: str,
                                      lemma: str, stance: str) -> None:
    df = extract_statements(text, language=language)
    row = df[df["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["speaker_as_written"], row["attribution"], row["reporting_verb"],
            row["verb_stance"]) == (speaker, written, attribution, lemma, stance)
    assert row["speaker_id"] and 0 < row["attribution_confidence"] <= 1
    _covers_every_character(text, df)


@pytest.mark.parametrize(("text", "language", "speaker", "written"), [
    ("По словам Пескова, переговоры идут.", "ru", "Dmitry Peskov", "Пескова"),
    ("По словам Марии Захаровой, переговоры идут.", "ru", "Maria Zakharova", "Марии Захаровой"),
    ("За словами Михайла Подоляка, делегації працюють.", "uk", "Mykhailo Podolyak", "Михайла Подоляка"),
    ("Песков заявил, что переговоры идут.", "ru", "Dmitry Peskov", "Песков"),
    ("Переговоры идут по плану, заявил Песков.", "ru", "Dmitry Peskov", "Песков"),
    ("Подоляк наголосив, що переговори тривають.", "uk", "Mykhailo Podolyak", "Подоляк"),
])
def test_reported_speech_with_genitive_names(text: str, language: str, speaker: str, written: str) -> None:
    df = extract_statements(text, language=language)
    row = df[df["kind"] == "reported"].iloc[0]
    assert (row["speaker"], row["speaker_as_written"]) == (speaker, written)
    assert "переговор" in row["text"].lower() or "делегації" in row["text"]
    _covers_every_character(text, df)


def test_names_are_given_in_the_nominative() -> None:
    assert nominative("Пескова", "ru", case="gent") == "Песков"
    assert nominative("Марии Захаровой", "ru", case="gent") == "Мария Захарова"
    assert nominative("Андрія Єрмака", "uk", case="gent") == "Андрій Єрмак"
    assert nominative("Голди Меїр", "uk", case="gent") == "Голда Меїр"
    df = extract_statements("«Ми вистоїмо». Це слова Леха Качинського.", language="uk")
    assert df.loc[df["kind"] == "direct", ["speaker", "speaker_as_written"]].values.tolist() == [
        ["Лех Качинський", "Леха Качинського"]]


def test_pronouns_resolve_with_gender_and_never_guess() -> None:
    she = extract_statements("Ірина Верещук відвідала Ірпінь. Вона наголосила: «Коридор працює».", language="uk")
    assert _quote(she, "Коридор")["speaker"] == "Ірина Верещук"
    assert _quote(she, "Коридор")["attribution"] == "pronoun"
    he = extract_statements("Ірина Верещук відвідала Ірпінь. Він наголосив: «Коридор працює».", language="uk")
    assert _quote(he, "Коридор")["speaker"] == ""
    nobody = extract_statements("Сказали: «Это не мы».", language="ru")
    assert (_quote(nobody, "Это не мы")["speaker"], _quote(nobody, "Это не мы")["attribution"]) == ("", "none")
    alone = extract_statements("Он сказал: «Мы ждём».", language="ru")
    assert _quote(alone, "Мы ждём")["speaker"] == ""


def test_first_person_quotes_go_to_the_narrator_only_when_given() -> None:
    text = "Я на це відповів: «Наш народ став цим військом»."
    assert _quote(extract_statements(text, language="uk"), "Наш народ")["speaker"] == ""
    row = _quote(extract_statements(text, language="uk", narrator="Володимир Зеленський"), "Наш народ")
    assert (row["speaker"], row["attribution"]) == ("Volodymyr Zelensky", "pronoun")


def test_copula_dash_and_scare_quotes_are_partial_and_unattributed() -> None:
    df = extract_statements("«Північний потік» – це зброя. Окупанти провели «демілітаризацію».", language="uk")
    assert df.loc[df["kind"] != "narration", ["kind", "speaker"]].values.tolist() == [["partial", ""], ["partial", ""]]


def test_continuation_over_paragraphs_and_untagged_quotes() -> None:
    text = "Михайло Подоляк сказав: «Переговори тривають».\n«Позиція не змінилася»."
    row = _quote(extract_statements(text, language="uk"), "Позиція")
    assert (row["speaker"], row["attribution"]) == ("Mykhailo Podolyak", "continuation")
    far = "Михайло Подоляк сказав: «Переговори тривають».\nДалі.\nЩе далі.\n«Позиція не змінилася»."
    assert _quote(extract_statements(far, language="uk"), "Позиція")["speaker"] == ""


def test_dialogue_fixture() -> None:
    text = (FIXTURES / "dialogue_ru.txt").read_text(encoding="utf-8")
    df = extract_statements(text)
    assert _quote(df, "Мы никуда")[["speaker", "attribution"]].tolist() == ["Sergey Lavrov", "pronoun"]
    assert _quote(df, "Сроки")["speaker"] == "Sergey Lavrov"
    assert _quote(df, "А санкции")["speaker"] == ""  # asked by journalists: no speaker to give
    # a singular role tag after speech is the person last named before it (the minister is Lavrov)
    assert _quote(df, "нас не остановят")[["speaker", "attribution"]].tolist() == ["Sergey Lavrov", "role"]
    _covers_every_character(text, df)


def test_tass_style_fixture() -> None:
    text = (FIXTURES / "tass_style_ru.txt").read_text(encoding="utf-8")
    df = extract_statements(text)
    assert _quote(df, "Россия готова")[["kind", "speaker"]].tolist() == ["reported", "Dmitry Peskov"]
    assert _quote(df, "Мы готовы к диалогу")["speaker"] == "Dmitry Peskov"
    assert _quote(df, "контакты на уровне")["speaker"] == "Dmitry Peskov"
    assert _quote(df, "Ответ будет")[["speaker", "verb_stance"]].tolist() == ["Maria Zakharova", "emphatic"]
    assert _quote(df, "Это провокация")[["speaker", "attribution"]].tolist() == ["Maria Zakharova", "pronoun"]
    assert _quote(df, "Западные кураторы")["speaker"] == "Maria Zakharova"
    assert _quote(df, "Ситуация под")["speaker_id"].startswith("org:")
    assert set(df["speaker_id"][df["speaker"] == "Maria Zakharova"]) == {"person:zaharova:maria"}
    _covers_every_character(text, df)


def test_president_style_fixture() -> None:
    text = (FIXTURES / "president_style_uk.txt").read_text(encoding="utf-8")
    df = extract_statements(text)
    row = _quote(df, "Ми не віддамо")
    assert (row["speaker"], row["attribution"]) == ("Volodymyr Zelensky", "role")
    assert _quote(df, "Переговори тривають")[["speaker", "verb_stance"]].tolist() == ["Andriy Yermak", "factive"]
    assert _quote(df, "Кожен день")[["speaker", "attribution"]].tolist() == ["Andriy Yermak", "continuation"]
    assert _quote(df, "делегації працюють")["speaker"] == "Mykhailo Podolyak"
    assert _quote(df, "Евакуація")["speaker"] == "Ірина Верещук"
    _covers_every_character(text, df)


# --- real resistinua paragraphs (CC0) --------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Андрій Єрмак: «Україна вдячна за допомогу і світовим знаменитостям, і всім небайдужим громадянам "
     "різних країн». Звітний брифінг щодо результатів роботи", "Andriy Yermak"),
    ("«Немає нічого небезпечнішого, ніж підступний ворог, але немає нічого отрутнішого від удаваного друга». "
     "Це слова великого українського філософа Григорія Сковороди.", "Григорій Сковорода"),
    ("Колишній актор, Президент Сполучених Штатів Америки Рональд Рейган сказав одного разу в Берліні: "
     "«Зруйнуйте цю стіну!»", "Рональд Рейган"),
])
def test_resistinua_paragraphs(text: str, speaker: str) -> None:
    df = extract_statements(text)
    assert df.loc[df["kind"] == "direct", "speaker"].tolist() == [speaker]


def test_loader_paragraphs_are_ukrainian_and_extract() -> None:
    from analysis.corpus.external import load_resistinua

    row = load_resistinua().set_index("id").loc["U6OwMhb2dTg"]
    df = extract_statements(row["text_uk"].split("\n")[0])
    # the name as written; the role before it is not part of the name
    assert _quote(df, "Було б наївно")[["speaker", "speaker_as_written"]].tolist() == ["Andriy Yermak", "Андрій Єрмак"]


# --- frame, hook and data ------------------------------------------------------------------------

def test_columns_and_hook() -> None:
    # English rows carry the same speaker fields, in the same order, since issue 11
    assert english.COLUMNS[: len(BASE_COLUMNS)] == BASE_COLUMNS
    assert COLUMNS == english.COLUMNS
    ru = extract_statements("«Мы готовы», — заявил Песков.")
    assert tuple(ru.columns) == COLUMNS
    assert tuple(extract_statements('"We are ready," Peskov said.').columns) == english.COLUMNS
    as_english = extract_statements("«Мы готовы», — заявил Песков.", language="en")
    assert tuple(as_english.columns) == english.COLUMNS
    assert tuple(extract_statements_ru_uk(None, language="ru").columns) == COLUMNS
    with pytest.raises(ValueError, match="language"):
        extract_statements_ru_uk("текст", language="de")


def test_verb_table_rows_are_complete() -> None:
    table = load_speech_verbs()
    assert {v.stance for v in table.values()} <= set(STANCES)
    for form in ("заявил", "заявила", "заявили", "сказал", "отметил", "подчеркнул", "сообщил", "добавил",
                 "пояснил", "написал", "по словам", "как отметил"):
        assert speech_verb(form, "ru") is not None, form
    for form in ("заявив", "заявила", "заявили", "сказав", "зазначив", "наголосив", "підкреслив", "повідомив",
                 "додав", "написав", "за словами"):
        assert speech_verb(form, "uk") is not None and speech_verb(form, "uk").language == "uk", form


def test_verb_table_errors_name_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "verbs.csv"
    bad.write_text("language,lemma,stance,forms,source,rationale\nru,сказать,loud,сказал,X,y\n", encoding="utf-8")
    with pytest.raises(VerbTableError, match=r"verbs.csv:2: .*stance 'loud'"):
        load_speech_verbs(bad)
    bad.write_text("language,lemma,stance,forms,source,rationale\nru,сказать,neutral,сказал,,y\n", encoding="utf-8")
    with pytest.raises(VerbTableError, match=r"verbs.csv:2: field 'source' is empty"):
        load_speech_verbs(bad)


def test_transliteration_links_cyrillic_and_latin_ids() -> None:
    from analysis.statements.identity import speaker_ids

    assert transliterate("Андрій Єрмак", "uk") == "Andrii Yermak"
    a, b = speaker_ids([transliterate("Сергій Гайдай", "uk"), "Serhiy Haidai"])
    assert a == b


@pytest.mark.parametrize(("text", "speaker", "attribution"), [
    ("«Это ошибка», – говорит полковник запаса Сергей Хатылев.", "Сергей Хатылев", "name"),
    ("«Это ошибка», — заключил эксперт.", "эксперт", "role"),
    ("«Это ошибка», — заявил доцент Принстонского университета, ссылаясь на исследование.",
     "доцент Принстонского университета", "role"),
    ("Официальный представитель МИД РФ Мария Захарова так прокомментировала этот призыв: «Это ошибка».",
     "Maria Zakharova", "name"),
    ("По словам главы государства, «это ошибка».", "глава государства", "role"),
])
def test_titles_descriptors_and_roles(text: str, speaker: str, attribution: str) -> None:
    row = extract_statements(text, language="ru").query("kind != 'narration'").iloc[0]
    assert (row["speaker"], row["attribution"]) == (speaker, attribution)


def test_a_subject_is_nominative() -> None:
    text = "Сергей Лавров в беседе с госсекретарем США Энтони Блинкеном заявил, что кампания провокационна."
    row = extract_statements(text, language="ru").query("kind == 'reported'").iloc[0]
    assert (row["speaker"], row["speaker_as_written"]) == ("Sergey Lavrov", "Сергей Лавров")
