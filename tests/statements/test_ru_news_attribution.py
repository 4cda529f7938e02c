"""Russian news attribution rules (issue 13, round 8), each on invented fixtures both ways.

Every text here is made up for the test; none comes from a gold set.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements import cues_ru_uk as cyr
from analysis.statements.extract_ru_uk import extract_statements_ru_uk
from analysis.statements.quotes_cyrillic import find_quotes_cyrillic


def _ru(text: str) -> pd.DataFrame:
    return extract_statements_ru_uk(text, language="ru")


def _quote(df: pd.DataFrame, start: str) -> pd.Series:
    rows = df[df["kind"].isin(["direct", "partial"]) & df["text"].str.lstrip("«\"—– ").str.startswith(start)]
    assert len(rows) == 1, df[["kind", "text"]].values.tolist()
    return rows.iloc[0]


# --- speech verbs: new verbs and imperfective forms -------------------------------------------

@pytest.mark.parametrize("form,lemma", [("заявлял", "заявить"), ("уточнила", "уточнить"),
                                        ("констатировал", "констатировать"), ("напомнил", "напомнить"),
                                        ("заверила", "заверить"), ("сообщается", "сообщаться"),
                                        ("по мнению", "по мнению"), ("назвал", "назвать")])
def test_new_verb_forms(form: str, lemma: str) -> None:
    verb = cyr.speech_verb(form, "ru")
    assert verb is not None and verb.lemma == lemma


def test_imperfective_tag_attributes_and_a_non_verb_does_not() -> None:
    df = _ru("«Мы не уступим ни метра», — заявлял губернатор Иван Соколов.")
    assert _quote(df, "Мы не уступим")["speaker_as_written"] == "Иван Соколов"
    df = _ru("«Мы не уступим ни метра», — стоял губернатор Иван Соколов.")
    assert _quote(df, "Мы не уступим")["speaker"] == ""


# --- a surname repeated after "first name + surname" is a name --------------------------------

def test_surname_echo_of_a_dictionary_word_is_a_mention() -> None:
    text = ("Президент Франции Эммануэль Макрон выступил в парламенте.\n"
            "Макрон заявил, что диалог нужен. «Я считаю, что диалог необходим», — подчеркнул он.")
    assert _quote(_ru(text), "Я считаю")["speaker"] == "Макрон"
    # without the full name earlier, the lone dictionary word is no name: abstain
    text = "Макрон заявил, что диалог нужен. «Я считаю, что диалог необходим», — подчеркнул он."
    assert _quote(_ru(text), "Я считаю")["speaker"] == ""


# --- pronouns: antecedents that can be subjects first; a longer window ------------------------

def test_pronoun_skips_a_name_that_cannot_be_the_subject() -> None:
    text = ("Президент Иван Соколов выступил перед учителями.\n"
            "Он напомнил, что многие сотрудничали с Петром Орловым.\n"
            "«Мы этого не забудем», — заявил он.")
    assert _quote(_ru(text), "Мы этого")["speaker"] == "Иван Соколов"


def test_pronoun_with_no_compatible_name_abstains() -> None:
    text = "Министр Анна Орлова выступила в Думе.\n«Мы этого не забудем», — заявил он."
    assert _quote(_ru(text), "Мы этого")["speaker"] == ""


def test_pronoun_reaches_three_paragraphs_back_but_not_four() -> None:
    lead = "Эту позицию в своей колонке изложил аналитик Иван Соколов."
    filler = "Европейские страны неохотно помогают друг другу."
    quote = "«Никто не хочет платить за чужую оборону», — констатировал он."
    near = "\n".join([lead, filler, filler, quote])
    far = "\n".join([lead, filler, filler, filler, quote])
    assert _quote(_ru(near), "Никто не")["speaker"] == "Иван Соколов"
    assert _quote(_ru(far), "Никто не")["speaker"] == ""


# --- quotes inside a reported sentence take its speaker ---------------------------------------

def test_partial_quote_in_a_reported_clause() -> None:
    df = _ru("Министр Иван Соколов заявил, что новая система «обеспечит единство страны».")
    assert _quote(df, "обеспечит")["speaker"] == "Иван Соколов"
    df = _ru("Иван Соколов заявил, что проект поддержат. Оппозиция назвала это «полным провалом».")
    assert _quote(df, "полным провалом")["speaker"] == ""  # another sentence, no speaker of its own


def test_partial_quote_before_a_comma_tag() -> None:
    df = _ru("Мобилизация проходит не без «стандартного раздолбайства», признал политик Иван Соколов.")
    assert _quote(df, "стандартного")["speaker"] == "Иван Соколов"


def test_quoted_name_in_a_reported_sentence_gets_no_speaker() -> None:
    df = _ru("Иван Соколов заявил, что газопровод «Северный поток» не восстановят.")
    assert _quote(df, "Северный поток")["speaker"] == ""


def test_possessive_according_to_him() -> None:
    text = "Иван Соколов выступил на форуме.\nПо его словам, эти идеи «поднимают на пьедестал» снова."
    assert _quote(_ru(text), "поднимают")["speaker"] == "Иван Соколов"
    text = "Анна Орлова выступила на форуме.\nПо его словам, эти идеи «поднимают на пьедестал» снова."
    assert _quote(_ru(text), "поднимают")["speaker"] == ""  # "его" is not Anna


def test_according_to_opinion_of_name() -> None:
    df = _ru("По мнению политолога Ивана Соколова, Запад «не готов к диалогу».")
    assert _quote(df, "не готов")["speaker"] == "Иван Соколов"


# --- relayed words go to the original speaker, not the outlet ---------------------------------

def test_relayed_by_an_outlet_with_a_pronoun() -> None:
    text = "Глава ассоциации Иван Соколов выступил с заявлением.\n«Экономика будет дрейфовать», – приводит его слова издание."
    assert _quote(_ru(text), "Экономика")["speaker"] == "Иван Соколов"
    text = "Глава ассоциации Анна Орлова выступила с заявлением.\n«Экономика будет дрейфовать», – приводит его слова издание."
    assert _quote(_ru(text), "Экономика")["speaker"] == ""


def test_relayed_words_of_a_named_speaker() -> None:
    df = _ru("«Мы этот вопрос обсуждаем», – передает агентство слова Руденко.")
    assert _quote(df, "Мы этот")["speaker"] == "Руденко"


# --- role tags: the person last named, unless the role is a newcomer --------------------------

def test_role_tag_links_to_the_person_named_before() -> None:
    text = "Так считает депутат Иван Соколов.\n«Все решает двор», — уверен политик."
    got = _quote(_ru(text), "Все решает")
    assert (got["speaker"], got["attribution"]) == ("Иван Соколов", "role")


def test_newcomer_roles_and_gender_clash_stay_described() -> None:
    text = "Так считает депутат Иван Соколов.\n«Все решает двор», — сказал житель села."
    assert _quote(_ru(text), "Все решает")["speaker"] == "житель села"
    text = "Так считает депутат Иван Соколов.\n«Все решает двор», — сказала наблюдатель."
    assert _quote(_ru(text), "Все решает")["speaker"] == "наблюдатель"
    text = "Так считает депутат Иван Соколов.\n«Мы хотели мира», — рассказал один из протестующих."
    assert _quote(_ru(text), "Мы хотели")["speaker"] == "один из протестующих"


def test_role_holder_ignores_a_name_after_the_role_s_own_verb() -> None:
    text = ("Политик подчеркнул, что владельцы резиденции на Даунинг-стрит меняются.\n"
            "«Все решает двор», — уверен политик.")
    assert _quote(_ru(text), "Все решает")["speaker"] != "Даунинга-Стрит"


# --- organisations that speak: "в Минюсте", "в заявлении посольства США" ----------------------

def test_body_in_the_locative_speaks() -> None:
    df = _ru("«Юридическое лицо включено в реестр», - сообщают в Минюсте.")
    got = _quote(df, "Юридическое")
    assert got["speaker"] == "Минюст" and got["speaker_id"].startswith("org:")


def test_genitive_after_statement_noun_speaks() -> None:
    df = _ru("«Заключение директора ставит под угрозу выбор народа», — говорится в заявлении посольства США.")
    assert _quote(df, "Заключение")["speaker"] == "посольство США"


def test_anaphoric_body_and_people_are_not_bodies() -> None:
    df = _ru("«Данные уточняются», — поясняют в ведомстве.")
    assert _quote(df, "Данные")["speaker"] == ""
    df = _ru("«Данные уточняются», — сообщил в Москве Иван Соколов.")
    assert _quote(df, "Данные")["speaker"] == "Иван Соколов"
    df = _ru("«Данные уточняются», — сообщили в Киеве.")
    assert _quote(df, "Данные")["speaker"] == ""  # a place, not a body


# --- headline quotes credited by the next sentence --------------------------------------------

def test_headline_quote_then_name_and_speech_verb() -> None:
    df = _ru("«Есть стандартное раздолбайство». Медведев описал, как проходит мобилизация")
    assert _quote(df, "Есть стандартное")["speaker"] == "Dmitry Medvedev"
    df = _ru("«Путину не сломить нашу волю». Байден подписал указ о новых правилах")
    assert _quote(df, "Путину не")["speaker"] == ""  # "подписал" is no speech verb


# --- a tag at the start of the next paragraph -------------------------------------------------

def test_tag_in_the_next_paragraph() -> None:
    text = ("«Любой шок повышает спрос на наличность»,\n"
            "— отметил главный экономист агентства «Эксперт РА» Антон Табах.")
    got = _quote(_ru(text), "Любой шок")
    assert (got["kind"], got["speaker"]) == ("direct", "Антон Табах")
    text = "«Любой шок повышает спрос на наличность».\n— Это не так, — возразили ему."
    assert _quote(_ru(text), "Любой шок")["speaker"] == ""


# --- speech with no quotation marks before ", — <verb>" ---------------------------------------

def test_unmarked_speech_before_a_dash_tag() -> None:
    text = "У нас были встречи с представителями посольства, и это нам непонятно, — сказал Иван Соколов."
    quotes = find_quotes_cyrillic(text)
    assert len(quotes) == 1 and text[quotes[0].start:quotes[0].end].endswith("непонятно")
    assert _quote(_ru(text), "У нас были")["speaker"] == "Иван Соколов"


def test_unmarked_dash_without_a_speech_verb_or_too_short_is_narration() -> None:
    assert find_quotes_cyrillic("Экономика растет медленно, — впрочем, это ожидалось давно.") == []
    assert find_quotes_cyrillic("Мы готовы, — сказал он.") == []


# --- names: singular nominative, one id for a surname and its full name -----------------------

def test_nominative_prefers_the_singular_surname() -> None:
    assert cyr.nominative("Антон Табах", "ru") == "Антон Табах"


def test_surname_takes_the_id_of_the_one_full_name() -> None:
    df = _ru("«Мы готовы», — заявил депутат Олег Матвейчев.\n«Все решает двор», — заключил Матвейчев.")
    ids = df[df["kind"] == "direct"]["speaker_id"].tolist()
    assert len(set(ids)) == 1 and ids[0].endswith(":oleh")
    two = _ru("«Мы готовы», — заявил Олег Матвейчев.\n«Нет», — ответил Иван Матвейчев.\n"
              "«Все решает двор», — заключил Матвейчев.")
    assert _quote(two, "Все решает")["speaker_id"] == "person:matvichev:"  # two full names: no guess
