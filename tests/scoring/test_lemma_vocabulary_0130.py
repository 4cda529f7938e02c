"""ru/uk lexicons 0.13.0: the classes set 4's errors showed, on invented sentences (ru and uk).

Every sentence here is made up for the test (none is a gold sentence).  FOUND
lists sentences each new class must match; DESCRIPTIVE the senses the guards
keep out; the last tests cover the repeated-context-rule error of the loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring.lemma_match import (
    _GAP,
    LemmaMatcher,
    LexiconError,
    read_lemma_csv,
    stem_matches,
)
from tests.scoring.lemma_helpers import found_pairs, tagged_terms

# (language, sentence, the 0.13.0 entries it must contain), by class
FOUND = [
    # K: freeloader / ingrate stereotypes of a group
    ("ru", "Они приехали за халявой и дармовыми пособиями.", {"халява", "дармовой"}),
    ("ru", "Эти халявщики живут по принципу «нам все должны».", {"халявщик", "нам все должны"}),
    ("ru", "Это уже не беженцы, а экономический туризм.", {"экономический туризм"}),
    ("ru", "Неблагодарные чужаки снова недовольны.", {"неблагодарный чужак"}),
    ("ru", "Тунеядцы паразитируют на соседях.", {"тунеядец", "паразитировать"}),
    ("uk", "Вони приїхали по халяву і живуть за принципом «нам усі винні».",
     {"халява", "нам усі винні"}),
    ("uk", "Халявники паразитують на чужій допомозі.", {"халявник", "паразитувати"}),
    ("uk", "Такі невдячні гості.", {"невдячний"}),
    # F: feigned victimhood
    ("ru", "Они изображают из себя жертву перед всем миром.", {"изображать ... жертва"}),
    ("ru", "Хватит строить из себя жертву.", {"строить из себя жертву"}),
    ("uk", "Вони вдають з себе жертву.", {"вдавати з себе жертву"}),
    # J: the West's elites and decline
    ("ru", "Персонажи из вашингтонского болота опять решают.", {"вашингтонское болото"}),
    ("ru", "Загнивающий Запад пожирает сам себя.", {"загнивающий запад", "пожирать ... себя"}),
    ("ru", "Глубинное государство продолжает марш к гибели.",
     {"глубинное государство", "марш к гибели"}),
    ("ru", "Это глобализация по-англосаксонски и англосаксонский контроль.", {"англосакс"}),
    ("uk", "Вашингтонське болото і глибинна держава.", {"вашингтонське болото", "глибинна держава"}),
    ("uk", "Англосаксонський контроль над Європою.", {"англосакс"}),
    # H: reckless leaders
    ("ru", "Безрассудство лидеров и безрассудные решения.", {"безрассудство", "безрассудный"}),
    ("uk", "Безрозсудні рішення і безрозсудність лідерів.", {"безрозсудний", "безрозсудність"}),
    # V: culture-war value labels
    ("ru", "Детям навязывают чуждые ценности и извращённое толкование истории.",
     {"чуждые ценности", "извращённый"}),
    ("ru", "Они извращают историю и насаждают псевдоценности.", {"извращать", "псевдоценность"}),
    ("uk", "Дітям нав'язують чужі цінності та збочені погляди.", {"чужі цінності", "збочений"}),
    # G: a defeat as a 'pogrom'
    ("ru", "После погрома флот так и не оправился.", {"погром"}),
    ("uk", "Після погрому флот не оговтався.", {"погром"}),
    # B: terrorism labels of an act
    ("ru", "Это акт терроризма и государственный терроризм.", {"акт терроризма", "государственный терроризм"}),
    ("uk", "Це акт тероризму з боку окупантів.", {"акт тероризму"}),
    # hedges
    ("ru", "Их, мягко говоря, не ждали.", {"мягко говоря"}),
    ("ru", "Корабль защищён, во всяком случае, вблизи берега.", {"во всяком случае"}),
    ("ru", "И, похоже, выхода нет.", {"похоже"}),
    ("ru", "Тех, кого можно назвать лидерами, зачастую не слушают.", {"можно назвать", "зачастую"}),
    ("ru", "А там, глядишь, всё изменится.", {"глядишь"}),
    ("ru", "Нельзя исключать новых ударов.", {"нельзя исключать"}),
    ("uk", "Їх, м'яко кажучи, не чекали.", {"м'яко кажучи"}),
    ("uk", "Принаймні так, у всякому разі, кажуть.", {"у всякому разі"}),
    ("uk", "Це можна назвати паузою.", {"можна назвати"}),
    # boosters
    ("ru", "Это и так всем известно.", {"всем известно"}),
    ("ru", "Но это не отменяет того факта, что флот разбит.", {"не отменяет того факта"}),
    ("ru", "К его надёжности нет никаких вопросов.", {"нет никаких вопросов"}),
    ("uk", "Це всім відомо, і факт залишається фактом.", {"всім відомо"}),
    ("uk", "Це не скасовує того факту, що флот розбито.", {"не скасовує того факту"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FOUND)
def test_new_class_entries_count(lang: str, text: str, expected: set[str]) -> None:
    assert expected <= tagged_terms(lang, text, "(0.13.0)")


# (language, sentence, (dimension, term) that must NOT be found): descriptive senses and guards
DESCRIPTIVE = [
    ("ru", "Это неблагодарная работа, но её надо делать.", ("loaded", "неблагодарный")),
    ("uk", "Це невдячна робота.", ("loaded", "невдячний")),
    ("ru", "Вирус паразитирует в клетке.", ("loaded", "паразитировать")),  # a subject earlier in the clause
    ("ru", "Еврейские погромы в царской России.", ("loaded", "погром")),
    ("ru", "Он рисует очень похоже на отца.", ("hedging", "похоже")),
    ("ru", "Их фамилии не можно назвать.", ("hedging", "можно назвать")),
    ("uk", "Їхні прізвища не можна назвати.", ("hedging", "можна назвати")),
    ("ru", "На стене нарисовали фашистскую свастику.", ("hostility", "фашистский")),
    ("ru", "Он поступил точно так же, как вчера.", ("certainty", "точно")),
    ("ru", "Полностью исключать этого нельзя.", ("certainty", "полностью")),
    ("ru", "Тем не менее это возможно технически.", ("hedging", "возможно")),
    ("ru", "Туристов сейчас почти нет.", ("hedging", "почти")),
    ("ru", "Взрывов было почти семь.", ("hedging", "почти")),
]


@pytest.mark.parametrize(("lang", "text", "absent"), DESCRIPTIVE)
def test_descriptive_senses_are_kept_out(lang: str, text: str, absent: tuple[str, str]) -> None:
    assert absent not in found_pairs(lang, text)


def test_the_guarded_words_still_count_in_their_loaded_sense() -> None:
    assert ("hostility", "фашистский") in found_pairs("ru", "Фашистский режим Киева снова лжёт.")
    assert ("certainty", "точно") in found_pairs("ru", "Он точно придёт.")
    assert ("hedging", "почти") in found_pairs("ru", "Это почти невозможно.")
    assert ("hedging", "возможно") in found_pairs("ru", "Возможно, он прав.")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_new_entry_finds_itself_and_has_a_rationale(lang: str) -> None:
    m = LemmaMatcher.builtin(lang)
    new = [e for e in m.entries if e.note.startswith("(0.13.0)")]
    assert len(new) > 25
    for e in new:
        assert "class" in e.note and "not only the word seen" in e.note, e.term
        assert e.category and e.weight > 0 and e.side in ("neutral", "russian", "ukrainian"), e.term
        if e.match == "stem":
            word = e.term + ("ский" if lang == "ru" else "ський")
            assert stem_matches(e, word), (e.term, word)
            continue
        text = " ".join("себя" if _GAP.fullmatch(w) else w for w in e.term.split())
        assert e.term in {x.term for x in m.find(text)}, (e.term, text)


def test_a_context_rule_given_twice_is_an_error_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "hedging.csv"
    path.write_text(
        "term,category,weight,side,note,match,context\n"
        "почти,approximator,1.0,neutral,test,lemma,except_next=нет;except_next=никто\n",
        encoding="utf-8")
    with pytest.raises(LexiconError, match=r"hedging\.csv.*except_next.*given twice"):
        read_lemma_csv(path, "hedging", "ru")
