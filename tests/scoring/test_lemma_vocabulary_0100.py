"""ru/uk lexicons 0.10.0: the classes found in the errors of Russian gold set 2, on invented sentences.

Every sentence here was written for these tests (no corpus text).  Each
rule or class is checked in several inflected forms, in Russian and
Ukrainian, with the sense it must not count beside the one it must.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring.lemma_match import LemmaMatcher
from analysis.scoring.lexicon import LexiconError
from tests.scoring.lemma_helpers import matcher as _matcher
from tests.scoring.lemma_helpers import terms as _terms

# --- matcher: flags not_title and only_lower, scare quotes off by default ------------------


def test_not_title_drops_a_name_inside_a_sentence(tmp_path: Path) -> None:
    m = _matcher(tmp_path, "loaded", "ад,emotive,1,neutral,x,lemma,not_title\n")
    assert not m.find("Корабль типа «Ада» вошёл в порт.")
    assert not m.find("Фильм Ад вышел вчера.")
    assert [x.surface for x in m.find("Там был настоящий ад.")] == ["ад"]
    # the first word of a sentence, of a text or after a colon is capitalised anyway
    assert [x.surface for x in m.find("Ад начался утром.")] == ["Ад"]
    assert [x.surface for x in m.find("Он сказал: Ад близко.")] == ["Ад"]
    assert [x.surface for x in m.find("Всё кончено. Ада больше нет.")] == ["Ада"]


def test_only_lower_keeps_the_common_noun(tmp_path: Path) -> None:
    m = _matcher(tmp_path, "loaded", "майдан,label,1,russian,x,lemma,only_lower\n")
    assert [x.surface for x in m.find("Они снова устроили майдан.")] == ["майдан"]
    assert [x.surface for x in m.find("Им бы только майданы устраивать.")] == ["майданы"]
    assert not m.find("События на Майдане в 2014 году.")
    assert not m.find("Майдан Незалежности был пуст.")


def test_flags_are_listed_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not_title.*only_lower"):
        _matcher(tmp_path, "loaded", "ад,emotive,1,neutral,x,lemma,not_name\n")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_scare_quotes_are_off_by_default(lang: str) -> None:
    m = LemmaMatcher.builtin(lang)
    assert m.scare_quotes is False
    text = "Они требуют «ясности» от «олигархов»." if lang == "ru" else "Вони вимагають «ясності»."
    assert not [x for x in m.find(text) if x.category == "scare_quotes"]


# --- precision: descriptive senses, names, literal animals, reported attitude ------------

RU_NOT = [
    # names: the ship class, the Golden Horde, a weapon's nickname, an institution
    ("Фрегат относится к классу «Ада».", "ад"),
    ("Набеги Золотой Орды длились веками.", "орда"),
    ("Ракеты прозвали «убийцами авианосцев».", "убийца"),
    ("Это настоящий убийца танков.", "убийца"),
    ("Комиссия по вопросам, связанным с военными преступлениями, заседала.", "военное преступление"),
    ("Трибунал по военным преступлениям открылся.", "военное преступление"),
    # literal animals of nature and pets
    ("Остров славится богатым животным миром.", "как животное"),
    ("Волонтёры заботятся о зверях из приюта.", "как зверь"),
    # reported attitude and intent, not a label word
    ("Они ненавидят нас и презирают наш язык.", "ненавидеть"),
    ("Оппозиция хочет мстить за поражение.", "мстить"),
    ("Они мстили за отца.", "мстить"),
    # destroy with an economic or material object
    ("Правительство обещает уничтожить инфляцию.", "уничтожить"),
    ("Они будут уничтожать документы.", "уничтожать"),
    # degree intensifiers in a plain report
    ("Противник понёс колоссальные потери.", "колоссальный"),
    ("Торпеда чудовищно сложна в освоении.", "чудовищно"),
    ("Это был ужасный сценарий и страшный год.", "ужасный"),
]
RU_STILL = [
    ("В городе творился настоящий ад.", "ад"),
    ("Орда захватчиков подошла к городу.", "орда"),
    ("Эти убийцы детей должны ответить.", "убийца"),
    ("Это военное преступление армии.", "военное преступление"),
    ("Они ведут себя как звери.", "как зверь"),
    ("Это не люди, а звери.", "не люди а звери"),
    ("Мы будем мстить за каждого.", "будем мстить"),
    ("Мстите за павших!", "мстить"),
    ("Мы уничтожим врага.", "уничтожить"),
]
UK_NOT = [
    ("Набіги Золотої Орди тривали століттями.", "орда"),
    ("Ракети прозвали «вбивцями авіаносців».", "вбивця"),
    ("Трибунал з воєнних злочинів відкрився.", "воєнний злочин"),
    ("Комісія з питань, пов'язаних з воєнними злочинами, засідала.", "воєнний злочин"),
    ("Острів славиться багатим тваринним світом.", "як тварина"),
    ("Волонтери піклуються про звірів із притулку.", "як звір"),
    ("Вони ненавидять нас і зневажають нашу мову.", "ненавидіти"),
    ("Опозиція хоче мстити за поразку.", "мстити"),
    ("Уряд обіцяє знищити інфляцію.", "знищити"),
    ("Вони будуть знищувати документи.", "знищувати"),
]
UK_STILL = [
    ("Орда загарбників підійшла до міста.", "орда"),
    ("Ці вбивці дітей мають відповісти.", "вбивця"),
    ("Це воєнний злочин армії.", "воєнний злочин"),
    ("Вони поводяться як звірі.", "як звір"),
    ("Це не люди, а звірі.", "не люди а звірі"),
    ("Ми будемо мстити за кожного.", "будемо мстити"),
    ("Ми знищимо ворога.", "знищити"),
]


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_NOT] + [("uk", *x) for x in UK_NOT])
def test_descriptive_senses_and_names_do_not_count(lang: str, text: str, term: str) -> None:
    # nothing hostile or loaded at all: the old entry (``term``'s word) is gone or restricted
    assert not _terms(lang, text), (term, text, _terms(lang, text))


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_STILL] + [("uk", *x) for x in UK_STILL])
def test_the_hostile_sense_still_counts(lang: str, text: str, term: str) -> None:
    assert term in _terms(lang, text), (text, _terms(lang, text))


# --- recall: vocabulary classes of hostile and loaded war writing -------------------------

RU_NEW = [
    # the other side's state: panic, shock
    ("В Киеве началась паника.", "паника"), ("Они охвачены паникой.", "паника"),
    ("Западные столицы паникуют.", "паниковать"), ("Европа в шоке от их поведения.", "в шоке"),
    # present-day Nazism revival formulas, even beside Hitler's name
    ("Там поощряют возрождение нацизма и чтят пособников Гитлера.", "возрождение нацизма"),
    ("Мы осуждаем героизацию нацистов.", "героизация нацистов"),
    ("Цель — денацификация Украины.", "денацификация"), ("Они хотят денацифицировать страну.", "денацифицировать"),
    # enemy labels
    ("Вражеская колонна отступила.", "вражеский"), ("Уничтожены вражеские позиции.", "вражеский"),
    ("Британия всегда была врагом нашей страны.", "враг нашей страны"),
    ("Его объявили врагом России.", "враг россии"),
    # propaganda idioms
    ("Партия войны в Вашингтоне недовольна.", "партия войны"),
    ("Поджигатели войны снова у власти.", "поджигатель войны"),
    ("Они пляшут на костях погибших.", "плясать на костях"),
    ("Цепные псы Вашингтона лают.", "цепной пес"),
    ("Запад воюет чужими руками.", "воевать чужими руками"),
    ("Беженцы устроили майдан на курорте.", "майдан"),
    # madness, stupidity, frenzy
    ("Это безумная идея.", "безумный"), ("Верх геополитической глупости.", "глупость"),
    ("Бредовые версии историков.", "бредовый"),
    ("Бешеное стремление всё запретить.", "бешеный"), ("Остервенелая травля.", "остервенелый"),
]
RU_NEW_NOT = [
    ("Без паники: ситуация под контролем.", "паника"),
    ("Жителей просят не поддаваться панике.", "паника"),
    ("Митинг прошёл на Майдане.", "майдан"),
    ("Вспомним киевские майданы 2004 и 2014 годов.", "майдан"),
    ("Враг отступил с позиций.", "враг нашей страны"),
    ("Нацисты пришли в 1941 году.", "нацист"),
]
UK_NEW = [
    ("У Москві почалася паніка.", "паніка"), ("Кремль панікує.", "панікувати"),
    ("Світ у шоці від їхніх злочинів.", "у шоці"),
    ("Вони вимагають героїзації нацизму.", "героїзація нацизму"),
    ("Про відродження нацизму говорить Путін, згадуючи Гітлера.", "відродження нацизму"),
    ("Так звана денацифікація України.", "денацифікація"),
    ("Росія — ворог нашої країни.", "ворог нашої країни"), ("Путін став ворогом людства.", "ворог людства"),
    ("Партія війни в Кремлі.", "партія війни"), ("Вони танцюють на кістках.", "танцювати на кістках"),
    ("Кремль воює чужими руками.", "воювати чужими руками"),
    ("Це безумна ідея.", "безумний"), ("Верх дурості.", "дурість"), ("Скажена пропаганда.", "скажений"),
]
UK_NEW_NOT = [
    ("Без паніки: ситуація під контролем.", "паніка"),
    ("Людей просять не піддаватися паніці.", "паніка"),
    ("Ворог відступив з позицій.", "ворог нашої країни"),
]


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_NEW] + [("uk", *x) for x in UK_NEW])
def test_new_hostile_and_loaded_classes(lang: str, text: str, term: str) -> None:
    assert term in _terms(lang, text), (text, _terms(lang, text))


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_NEW_NOT] + [("uk", *x) for x in UK_NEW_NOT])
def test_new_classes_keep_their_limits(lang: str, text: str, term: str) -> None:
    assert not _terms(lang, text), (term, text, _terms(lang, text))


# --- hedges and boosters --------------------------------------------------------------------

HEDGE = frozenset({"hedging"})
BOOST = frozenset({"certainty"})

RU_HEDGES = [
    ("Я подозреваю, что это неправда.", "подозревать"), ("Мы подозреваем подвох.", "подозревать"),
    ("Трудно сказать, чем это кончится.", "трудно сказать"), ("Сложно судить об этом.", "сложно судить"),
    ("Возможен и третий вариант.", "возможный"), ("Возможна отсрочка.", "возможный"),
    ("Экономика во многом зависит от газа.", "во многом"), ("Подчас решения запаздывают.", "подчас"),
    ("Оно по большей части разрушено.", "по большей части"),
    ("Считается, что он уехал.", "считаться"),
]
RU_HEDGES_NOT = [
    ("Большая часть мощностей уничтожена.", "большей частью"),
    ("Большую часть пути они прошли.", "большей частью"),
    ("Их подозревают в краже.", "подозревать"),
    ("Территория будет считаться освобождённой.", "считаться"),
    ("Возможные последствия обсудили.", "возможный"),
]
UK_HEDGES = [
    ("Я підозрюю, що це неправда.", "підозрювати"), ("Важко сказати, чим це скінчиться.", "важко сказати"),
    ("Економіка багато в чому залежить від газу.", "багато в чому"), ("Вважається, що він поїхав.", "вважатися"),
]
UK_HEDGES_NOT = [
    ("Їх підозрюють у крадіжці.", "підозрювати"),
    ("Територія вважатиметься звільненою.", "вважатися"),
]
RU_BOOSTERS = [
    ("Это отнюдь не так.", "отнюдь"), ("От него не зависит ровным счётом ничего.", "ровным счетом"),
    ("С этим нельзя не согласиться.", "нельзя не"), ("Они не могут не понимать этого.", "не мочь не"),
    ("Как мы теперь знаем, они лгали.", "как мы теперь знаем"), ("Все хорошо помнят тот день.", "все хорошо помнят"),
    ("Но на деле всё иначе.", "на деле"), ("Мы будем твёрдо стоять на своём.", "твердо"),
    ("Мы победим, чего бы это ни стоило.", "чего бы это ни стоило"),
    ("Мы уверены в победе.", "уверить"), ("Она уверена в нём.", "уверить"),
    ("Документы, доказывающие вину.", "доказывающий"),
    ("Хочу заверить, что всё будет сделано.", "заверить"), ("Заверяю вас, это так.", "заверять"),
    ("Мы обязательно победим.", "обязательно"), ("Теперь всё понятно.", "понятно"),
]
RU_BOOSTERS_NOT = [
    ("Публикации необходимо обязательно сопровождать пометкой.", "обязательно"),
    ("Это должно было стать понятно давно.", "понятно"),
    ("Полковник заверил, что всё в порядке.", "заверить"),
    ("Он уверил нас в обратном.", "уверить"),
]
UK_BOOSTERS = [
    ("Це аж ніяк не так.", "аж ніяк"), ("З цим не можна не погодитися.", "не можна не"),
    ("Вони не можуть не розуміти цього.", "не могти не"), ("Як ми знаємо, вони брехали.", "як ми знаємо"),
    ("Але на ділі все інакше.", "на ділі"), ("Ми переможемо, чого б це не коштувало.", "чого б це не коштувало"),
    ("Хочу запевнити, що все буде зроблено.", "запевнити"), ("Ми обов'язково переможемо.", "обов'язково"),
]
UK_BOOSTERS_NOT = [
    ("Публікації необхідно обов'язково супроводжувати позначкою.", "обов'язково"),
    ("Полковник запевнив, що все гаразд.", "запевнити"),
    ("Це мало стати зрозуміло давно.", "зрозуміло"),
    ("Україна, яку ми знаємо, вистоїть.", "як ми знаємо"),
]


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_HEDGES] + [("uk", *x) for x in UK_HEDGES])
def test_new_hedges(lang: str, text: str, term: str) -> None:
    assert term in _terms(lang, text, HEDGE), (text, _terms(lang, text, HEDGE))


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_HEDGES_NOT] + [("uk", *x) for x in UK_HEDGES_NOT])
def test_hedge_limits(lang: str, text: str, term: str) -> None:
    assert not _terms(lang, text, HEDGE), (term, text, _terms(lang, text, HEDGE))


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_BOOSTERS] + [("uk", *x) for x in UK_BOOSTERS])
def test_new_boosters(lang: str, text: str, term: str) -> None:
    assert term in _terms(lang, text, BOOST), (text, _terms(lang, text, BOOST))


@pytest.mark.parametrize(("lang", "text", "term"), [("ru", *x) for x in RU_BOOSTERS_NOT] + [("uk", *x) for x in UK_BOOSTERS_NOT])
def test_booster_limits(lang: str, text: str, term: str) -> None:
    assert not _terms(lang, text, BOOST), (term, text, _terms(lang, text, BOOST))


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_0100_entry_has_a_rationale_and_matches_itself(lang: str) -> None:
    m = LemmaMatcher.builtin(lang)
    new = [e for e in m.entries if "(0.10.0)" in e.note]
    assert len(new) > 30
    for e in new:
        assert len(e.note) > 30, e.term
        if e.only_form or e.except_form or e.not_historical or e.except_prev or e.except_clause:
            continue
        found = {x.term for x in m.find(e.term)}
        twins = {x.term for x in m.entries if x.lemmas == e.lemmas and x.dimension == e.dimension}
        assert found & twins, (e.term, found)
