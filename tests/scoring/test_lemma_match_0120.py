"""ru/uk matcher 0.12.0: gaps in phrase entries, number words, ALL-CAPS case, stem families.

Each mechanism on a matcher of hand-written rows, in Russian and Ukrainian:
what must match and what must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring.lemma_match import LemmaMatcher
from analysis.scoring.lexicon import LexiconError
from analysis.scoring.morph import tokens
from tests.scoring.lemma_helpers import matcher


def _surfaces(m: LemmaMatcher, text: str) -> list[str]:
    return [x.surface for x in m.find(text)]


# --- (a) gaps ---------------------------------------------------------------

@pytest.mark.parametrize(("lang", "row", "text", "found"), [
    ("ru", "утопить ... в крови", "Они утопили восстание в крови.", ["утопили восстание в крови"]),
    ("ru", "утопить ... в крови", "Хотят утопить в крови.", ["утопить в крови"]),
    ("ru", "утопить ... в крови", "утопить это мирное восстание в крови", ["утопить это мирное восстание в крови"]),
    ("ru", "утопить ...1 в крови", "утопить мирное восстание в крови", []),
    ("ru", "утопить ... в крови", "Решили утопить. В крови нашли алкоголь.", []),
    ("ru", "утопить ... в крови", "утопить лодку в реке, а потом в крови", []),
    ("uk", "втопити ... в крові", "Вони втопили протест у крові.", []),  # "у", not "в": no match
    ("uk", "втопити ... у крові", "Вони втопили протест у крові.", ["втопили протест у крові"]),
    ("uk", "втопити ... у крові", "Вони втопили човен. У крові знайшли", []),
])
def test_gap_entries(tmp_path: Path, lang: str, row: str, text: str, found: list[str]) -> None:
    m = matcher(tmp_path, "hostility", f"{row},threat_violence,1.5,neutral,x,lemma,\n", lang)
    assert _surfaces(m, text) == found


@pytest.mark.parametrize("term", ["... в крови", "утопить в крови ...", "утопить ... ... в крови"])
def test_gap_must_stand_between_two_words(tmp_path: Path, term: str) -> None:
    with pytest.raises(LexiconError, match="row 2"):
        matcher(tmp_path, "hostility", f"{term},threat_violence,1.5,neutral,x,lemma,\n")


# --- (b) numbers ------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "found"), [
    ("ru", "В стране 404 опять отключили свет.", ["стране 404"]),
    ("ru", "Страна-404 снова просит денег.", ["Страна-404"]),
    ("ru", "страны 404", ["страны 404"]),
    ("ru", "страна 4040", []),
    ("ru", "страна 404.5", []),
    ("ru", "страна 405", []),
    ("ru", "Страна. 404 человека", []),
    ("ru", "Страна богатая.", []),
    ("uk", "Для них ми країна 404.", ["країна 404"]),
    ("uk", "країна 40", []),
])
def test_number_in_a_phrase(tmp_path: Path, lang: str, text: str, found: list[str]) -> None:
    term = "страна 404" if lang == "ru" else "країна 404"
    m = matcher(tmp_path, "loaded", f"{term},derision,1.5,russian,x,lemma,\n", lang)
    assert _surfaces(m, text) == found


def test_numbers_add_no_token() -> None:
    # the word count of a text with digits is what it was: numbers are read off the text
    assert [t.text for t in tokens("В стране 404 живут 40 млн", "ru")] == ["В", "стране", "живут", "млн"]
    assert [t.text for t in tokens("країна 404", "uk")] == ["країна"]


def test_number_must_follow_a_word(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="number"):
        matcher(tmp_path, "loaded", "404 страна,derision,1,russian,x,lemma,\n")


# --- (c) ALL-CAPS is case-unknown --------------------------------------------

@pytest.mark.parametrize(("lang", "text", "found"), [
    ("ru", "СНОВА ОРДА ИДЁТ НА ЗАПАД", ["ОРДА"]),
    ("ru", "Снова орда идёт.", ["орда"]),
    ("ru", "Наследие Золотой Орды.", []),
    ("uk", "ЗНОВУ ОРДА ЙДЕ", ["ОРДА"]),
    ("uk", "Спадщина Золотої Орди.", []),
])
def test_all_caps_not_title(tmp_path: Path, lang: str, text: str, found: list[str]) -> None:
    m = matcher(tmp_path, "loaded", "орда,delegitimising_label,1.5,ukrainian,x,lemma,not_title\n", lang)
    assert _surfaces(m, text) == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("ru", "ОПЯТЬ УСТРОИЛИ МАЙДАН", ["МАЙДАН"]),
    ("ru", "опять устроили майдан", ["майдан"]),
    ("ru", "Митинг на Майдане.", []),
    ("uk", "ЗНОВУ МАЙДАН", ["МАЙДАН"]),
    ("uk", "Мітинг на Майдані.", []),
])
def test_all_caps_only_lower(tmp_path: Path, lang: str, text: str, found: list[str]) -> None:
    m = matcher(tmp_path, "loaded", "майдан,delegitimising_label,1,russian,x,lemma,only_lower\n", lang)
    assert _surfaces(m, text) == found


def test_all_caps_abbreviation_still_not_upper(tmp_path: Path) -> None:
    m = matcher(tmp_path, "hostility", "ад,emotive,1,neutral,x,lemma,not_upper\n")
    assert _surfaces(m, "Измерили АД пациента.") == []
    assert _surfaces(m, "Это ад.") == ["ад"]


# --- (d) stem families ---------------------------------------------------------

_UKRO = "укро,delegitimising_label,1.5,russian,x,stem,except_stem=укроп|укром|укрощ|укрот|укрой|укрою|укрое\n"
_NAZI = "нацист,accusation,1,neutral,x,stem,not_historical\n"


@pytest.mark.parametrize(("lang", "row", "text", "found"), [
    ("ru", _UKRO, "Укро-нацисты обстреляли город.", ["Укро-нацисты"]),
    ("ru", _UKRO, "укровояки бежали", ["укровояки"]),
    ("ru", _UKRO, "Это украинский город, украинцы и Украина.", []),
    ("ru", _UKRO, "Добавьте укроп и укромный уголок, укротитель укрощает.", []),
    ("ru", _UKRO, "Он укроет детей, укрою одеялом.", []),
    ("uk", _UKRO, "Укро-нацисти, кажуть вони.", ["Укро-нацисти"]),
    ("uk", _UKRO, "Український народ, українці, Україна.", []),
    ("ru", _NAZI, "нацистско-бандеровские формирования", ["нацистско-бандеровские"]),
    ("ru", _NAZI, "неонацистские батальоны и псевдонацисты", ["неонацистские", "псевдонацисты"]),
    ("ru", _NAZI, "В 1943 году нацистская Германия отступала.", []),
    ("ru", _NAZI, "Как и нацистская Германия.", []),
    ("ru", _NAZI, "Национальный парк, нация.", []),
    ("uk", _NAZI, "нацистсько-бандерівські вигадки", ["нацистсько-бандерівські"]),
    ("uk", _NAZI, "У 1942 році нацистські війська", []),
])
def test_stem_family(tmp_path: Path, lang: str, row: str, text: str, found: list[str]) -> None:
    dimension = "loaded" if row is _UKRO else "hostility"
    assert _surfaces(matcher(tmp_path, dimension, row, lang), text) == found


def test_stem_family_ending_in_stvuyushchiy(tmp_path: Path) -> None:
    m = matcher(tmp_path, "hostility", "фашист,accusation,1,neutral,x,stem,not_historical\n")
    assert _surfaces(m, "фашиствующие молодчики") == ["фашиствующие"]
    assert _surfaces(m, "соответствующие и действующие органы") == []


def test_listed_entry_wins_over_its_family(tmp_path: Path) -> None:
    m = matcher(tmp_path, "loaded", "рашист,slur,1.5,ukrainian,listed,lemma,\n"
                "рашист,slur,1.0,ukrainian,family,stem,\n", "uk")
    assert [(x.surface, x.note) for x in m.find("Рашисти і рашистські")] == [
        ("Рашисти", "listed"), ("рашистські", "family")]


@pytest.mark.parametrize("row", ["укро нацист,x,1,russian,x,stem,", "укро,x,1,russian,x,lemma,except_stem=укроп"])
def test_stem_entries_are_one_word_and_except_stem_is_theirs(tmp_path: Path, row: str) -> None:
    with pytest.raises(LexiconError, match="row 2"):
        matcher(tmp_path, "loaded", row + "\n")
