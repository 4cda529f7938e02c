"""ru/uk lexicons 0.14.0: the class inventory for unseen news, on invented sentences (ru and uk).

Every sentence here is made up for the test (none is a gold or corpus
sentence).  FOUND lists sentences each class's new members must match;
DESCRIPTIVE the descriptive senses the guards keep out (new entries and the
0.14.0 guards on older ones: equipment after "уничтожить", a clean-up after
"ликвидировать", the report of a genocide charge, the permission and
feasibility "возможно", the validity "действительно"); KEPT that the guarded
words still count in their loaded, hedging or boosting sense.
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

DIMENSIONS = ("hostility", "loaded", "hedging", "certainty")


def _new(lang: str, text: str) -> set[str]:
    return {m.term for m in LemmaMatcher.builtin(lang).find(text)
            if m.dimension in DIMENSIONS and m.note.startswith("(0.14.0)")}


def _all(lang: str, text: str) -> set[tuple[str, str]]:
    return {(m.dimension, m.term) for m in LemmaMatcher.builtin(lang).find(text)}


# (language, sentence, the 0.14.0 entries it must contain), by class
FOUND = [
    # A: pejorative ethnonyms and group labels
    ("ru", "Эта вата снова верит телевизору.", {"вата"}),
    ("ru", "Рабсия и путиноиды не унимаются.", {"рабсия", "путиноид"}),
    ("ru", "В Бандеростане опять митинг.", {"бандеростан"}),
    ("ru", "Комментарии пишут ольгинцы с ботофермы.", {"ольгинец", "ботоферма"}),
    ("uk", "Рабсія кинула в бій усіх, мобіки і чмобіки тікають.", {"рабсія", "мобік", "чмобік"}),
    ("uk", "Мобіки тікають, путіноїди мовчать.", {"мобік", "путіноїд"}),
    ("uk", "Карателі знову прийшли в село.", {"каратель"}),
    ("uk", "Носії руського миру прийшли з вогнем.", {"руський мир"}),
    # B: criminalising and delegitimising labels
    ("ru", "Гауляйтер объявил так называемый референдум.", {"гауляйтер", "так называемый референдум"}),
    ("ru", "Так называемая власть так называемой ДНР молчит.", {"так называемый власть", "так называемый днр"}),
    ("ru", "Так называемый президент провёл так называемые выборы.",
     {"так называемый президент", "так называемый выборы"}),
    ("uk", "Так звана влада провела так звані вибори.", {"так званий влада", "так званий вибори"}),
    ("uk", "Узурпатор і його сатрапи.", {"узурпатор", "сатрап"}),
    ("ru", "Нацформирования отступили, западные покровители молчат.",
     {"нацформирование", "западные покровители"}),
    ("uk", "Західні покровителі мовчать.", {"західні покровителі"}),
    # B, second pass: more political nouns, across quotation marks
    ("ru", "Власти так называемой «ДНР» заявили.", {"так называемый днр"}),
    ("ru", "Так называемые партнёры и так называемый цивилизованный мир молчат.",
     {"так называемый партнёр", "так называемый цивилизованный мир"}),
    ("ru", "Так называемая «формула мира» провалилась.", {"так называемый формула мира"}),
    ("ru", "Режим Киева снова лжёт.", {"режим киева"}),
    ("uk", "Так звані «референдуми» провели окупанти.", {"так званий референдум"}),
    ("uk", "Так зване визволення і так звана «спецоперація».",
     {"так званий визволення", "так званий спецоперація"}),
    # C: dehumanising and disease metaphors
    ("ru", "Эта зараза расползается по Европе.", {"зараза"}),
    ("ru", "Режим стал раковой опухолью.", {"раковая опухоль"}),
    ("ru", "Это опухоль на теле Европы.", {"опухоль на теле"}),
    ("ru", "Это чума нашего века и гангрена общества.", {"чума", "гангрена"}),
    ("ru", "Метастазы нацизма и послушное стадо.", {"метастаз", "стадо"}),
    ("uk", "Ця зараза повзе Європою.", {"зараза"}),
    ("uk", "Росія стала раковою пухлиною.", {"ракова пухлина"}),
    ("uk", "Це пухлина на тілі Європи.", {"пухлина на тілі"}),
    ("uk", "Це чума і гангрена нашого часу.", {"чума", "гангрена"}),
    ("uk", "Метастази імперії і слухняне стадо.", {"метастаз", "стадо"}),
    ("uk", "Падло, а не людина.", {"падло"}),
    # D: eliminationist verbs and threats
    ("ru", "Мы зачистим город и камня на камне не оставим.", {"зачистить", "камень на камень не оставить"}),
    ("ru", "Всех пустить в расход! Расстреляйте их!", {"пустить в расход", "расстрелять"}),
    ("ru", "Надо перебить всех.", {"перебить всех"}),
    ("uk", "Ми зачистимо місто і ліквідуємо їх.", {"зачистити", "ліквідувати"}),
    ("uk", "Каменя на камені не залишимо.", {"камінь на камені не залишити"}),
    ("uk", "Розстріляйте їх і перебийте всіх.", {"розстріляти", "перебити всіх"}),
    ("uk", "Ми перетворимо їх на радіоактивний попіл.", {"радіоактивний попіл"}),
    # E: accusation and conspiracy
    ("ru", "Это очередная постановка для западных журналистов.", {"постановка"}),
    ("ru", "Военные биолаборатории работают у границы.", {"военные биолаборатории"}),
    ("ru", "Там работали биолаборатории Пентагона.", {"биолаборатории пентагона"}),
    ("ru", "Это заказуха и заказная статья.", {"заказуха", "заказная статья"}),
    ("ru", "Там были проплаченные активисты.", {"проплаченный"}),
    ("ru", "Промывка мозгов, и нам вешают лапшу на уши.", {"промывка мозгов", "вешать лапшу на уши"}),
    ("ru", "Они всем вешают откровенную лапшу на уши.", {"вешать ... лапшу на уши"}),
    ("ru", "Это реваншизм в чистом виде.", {"реваншизм"}),
    ("uk", "Це чергова постановка і інсценівка.", {"постановка", "інсценівка"}),
    ("uk", "Знову американські біолабораторії.", {"американські біолабораторії"}),
    ("uk", "Замовна стаття і проплачені мітингувальники.", {"замовна стаття", "проплачений"}),
    ("uk", "Їм промивають мізки і вішають локшину на вуха.", {"промивати мізки", "вішати локшину на вуха"}),
    # F: moral abuse and insult
    ("ru", "Этот нарик и его нахальные речи.", {"нарик", "нахальный"}),
    ("ru", "Срам! У них только шкурный интерес.", {"срам", "шкурный интерес"}),
    ("ru", "Он пешка в чужой игре и пешка в руках Вашингтона.", {"пешка в чужой игре", "пешка в руках"}),
    ("uk", "Таке хамство і пішак у чужій грі.", {"хамство", "пішак у чужій грі"}),
    # G: derision
    ("ru", "Опять ходят по миру с протянутой рукой.", {"с протянутой рукой"}),
    ("ru", "Хватит ломать комедию: это самопиар и кликушество.",
     {"ломать комедию", "самопиар", "кликушество"}),
    ("ru", "Наркоклоун опять выступил, кликуша.", {"наркоклоун", "кликуша"}),
    ("uk", "Знову з простягнутою рукою, і біснуються в ефірі.", {"з простягнутою рукою", "біснуватися"}),
    # H: loaded idioms
    ("ru", "Он продал свою душу.", {"продать ... душу"}),
    ("ru", "Они продали родину за тридцать сребреников.", {"продать родину", "тридцать сребреников"}),
    ("ru", "Получили свои иудины сребреники.", {"иудины сребреники"}),
    ("ru", "У него кровь украинцев на руках, руки по локоть в крови.",
     {"кровь ... на руках", "по локоть в крови"}),
    ("ru", "Их держат на коротком поводке, как дойную корову.", {"на коротком поводке", "дойная корова"}),
    ("ru", "Народ кормят обещаниями, а карманный суд молчит.", {"кормить обещаниями", "карманный суд"}),
    ("ru", "Это пир во время чумы; им нужен мальчик для битья.", {"пир во время чумы", "мальчик для битья"}),
    ("ru", "Режим сбросил маску и показал своё истинное лицо.",
     {"сбросить маску", "показать ... истинное лицо"}),
    ("ru", "Это нож в спину и удар в спину союзникам.", {"нож в спину", "удар в спину"}),
    ("ru", "Вашингтонские хозяева велели ставить Европу на колени.",
     {"вашингтонский хозяин", "ставить ... на колени"}),
    ("uk", "Він продав душу.", {"продати душу"}),
    ("uk", "Вони продали батьківщину за тридцять срібняків.", {"продати батьківщину", "тридцять срібняків"}),
    ("uk", "Вони воюватимуть до останнього українця.", {"до останнього українця"}),
    ("uk", "У нього кров на руках, руки по лікті в крові.", {"кров на руках", "по лікті в крові"}),
    ("uk", "Їх тримають на короткому повідку, як дійну корову.", {"на короткому повідку", "дійна корова"}),
    ("uk", "Кишеньковий суд і кишенькова опозиція.", {"кишеньковий суд", "кишенькова опозиція"}),
    ("uk", "Режим скинув маску і показав своє справжнє обличчя.",
     {"скинути маску", "показати ... справжнє обличчя"}),
    ("uk", "Це ніж у спину, а кремлівські господарі задоволені.", {"ніж у спину", "кремлівський господар"}),
    # hedges
    ("ru", "Гипотетически это так, но сомнительно, что они придут.", {"гипотетически", "сомнительно"}),
    ("ru", "Не факт, что ходят слухи не зря.", {"не факт", "ходят слухи"}),
    ("ru", "Со слов очевидцев, колонна ушла.", {"со слов"}),
    ("ru", "Не исключается, что удар повторится.", {"не исключается"}),
    ("uk", "Не виключається, що удар повториться.", {"не виключається"}),
    ("uk", "Вірогідно, либонь, це так.", {"вірогідно", "либонь"}),
    ("uk", "Гіпотетично, за неперевіреними даними, колона пішла.",
     {"гіпотетично", "за неперевіреними даними"}),
    ("uk", "По-моєму, припускається, що він прийде.", {"по-моєму", "припускається"}),
    # boosters
    ("ru", "Это неопровержимо доказано.", {"неопровержимо"}),
    ("ru", "Мы не сомневаемся в победе, это факт.", {"не сомневаться", "это факт"}),
    ("uk", "Ми не сумніваємося, що переможемо, це факт.", {"не сумніватися", "це факт"}),
    ("uk", "Розплата настане невідворотно.", {"невідворотно"}),
    ("ru", "Это непреложный факт и безоговорочная победа, скажу со всей определённостью.",
     {"непреложный факт", "безоговорочный", "со всей определённостью"}),
    ("uk", "Беззаперечно, з усією певністю і з усією очевидністю.",
     {"беззаперечно", "з усією певністю", "з усією очевидністю"}),
    ("uk", "Авжеж, це безспірно так.", {"авжеж", "безспірно"}),
    ("uk", "Ні в якому разі не поступимося, це безсумнівний факт.", {"ні в якому разі", "безсумнівний"}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FOUND)
def test_new_class_members_count(lang: str, text: str, expected: set[str]) -> None:
    assert expected <= _new(lang, text)


# (language, sentence, (dimension, term) that must NOT be found): descriptive senses and guards
DESCRIPTIVE = [
    # A, C: literal senses
    ("ru", "Медицинская вата и сахарная вата подорожали.", ("loaded", "вата")),
    ("ru", "Привезли бинты, вата, шприцы.", ("loaded", "вата")),
    ("ru", "Он перечитал роман Камю «Чума».", ("hostility", "чума")),
    ("ru", "В кладе нашли древнерусский сребреник.", ("loaded", "тридцать сребреников")),
    ("uk", "Карателі спалили село у 1943 році.", ("hostility", "каратель")),
    ("ru", "Гауляйтер Кох правил Украиной в 1942 году.", ("loaded", "гауляйтер")),
    ("ru", "Больной может передать заразу детям.", ("hostility", "зараза")),
    ("ru", "Он приедет зараз, всё привезёт.", ("hostility", "зараза")),
    ("uk", "Зараз ми говоримо з партнерами.", ("hostility", "зараза")),
    ("ru", "Хирург удалил пациенту раковую опухоль.", ("hostility", "раковая опухоль")),
    ("uk", "Лікар видалив пацієнтові ракову пухлину.", ("hostility", "ракова пухлина")),
    ("ru", "В области выявили африканскую чуму свиней.", ("hostility", "чума")),
    ("ru", "Вспышка чумы свиней на ферме.", ("hostility", "чума")),
    ("uk", "Виявили африканську чуму свиней.", ("hostility", "чума")),
    ("ru", "У раненого началась гангрена, ногу ампутировали.", ("hostility", "гангрена")),
    ("ru", "Врач нашёл метастазы у пациента.", ("hostility", "метастаз")),
    ("ru", "Стадо коров паслось на лугу.", ("hostility", "стадо")),
    ("uk", "Стадо корів пасеться на фермі.", ("hostility", "стадо")),
    # B: technical names after "так называемый"
    ("ru", "Применены так называемые кассетные боеприпасы.", ("loaded", "так называемый")),
    # D: reports and clean-ups
    ("ru", "Военные зачистили населённый пункт.", ("hostility", "зачистить")),
    ("ru", "Пленных расстреляли, сообщает прокуратура.", ("hostility", "расстрелять")),
    ("uk", "Бійці ліквідували два танки.", ("hostility", "ліквідувати")),
    ("uk", "Треба ліквідувати наслідки удару.", ("hostility", "ліквідувати")),
    ("ru", "Спасатели должны ликвидировать последствия удара.", ("hostility", "ликвидировать")),
    ("ru", "Задача — уничтожить технику противника.", ("hostility", "уничтожить")),
    ("ru", "Будем уничтожать склады и беспилотники.", ("hostility", "уничтожать")),
    ("uk", "Треба знищити техніку противника.", ("hostility", "знищити")),
    # E: the theatre, a task, a criminal charge, a paid bill; the legal report of genocide
    ("ru", "Театр показал новую постановку «Чайки».", ("loaded", "постановка")),
    ("ru", "Постановка задачи и постановка на учёт.", ("loaded", "постановка")),
    ("ru", "У боксёра хорошая постановка удара.", ("loaded", "постановка")),
    ("ru", "Режиссёр готовит постановку в Большом театре.", ("loaded", "постановка")),
    ("uk", "Театр показав нову постановку.", ("loaded", "постановка")),
    ("uk", "Постановка питання і постановка на облік.", ("loaded", "постановка")),
    ("ru", "Заказное убийство раскрыто.", ("loaded", "заказная статья")),
    ("ru", "Проплаченная реклама вышла вчера.", ("loaded", "проплаченный")),
    ("ru", "Суд рассмотрит иск о геноциде.", ("loaded", "геноцид")),
    ("ru", "Конвенция о предупреждении преступления геноцида вступила в силу.", ("loaded", "геноцид")),
    ("uk", "Суд розгляне позов про геноцид.", ("loaded", "геноцид")),
    # F, G, H: literal senses
    ("ru", "Собаку водят на коротком поводке.", ("loaded", "на коротком поводке")),
    ("ru", "На ферме дойная корова даёт много молока.", ("loaded", "дойная корова")),
    ("uk", "На фермі дійна корова дає багато молока.", ("loaded", "дійна корова")),
    # hedges: feasibility, permission, comparison
    ("ru", "Если возможно, приезжайте.", ("hedging", "возможно")),
    ("ru", "Помогаем, насколько это возможно.", ("hedging", "возможно")),
    ("ru", "Возможно ли это технически?", ("hedging", "возможно")),
    ("uk", "Допомагаємо, наскільки це можливо.", ("hedging", "можливо")),
    ("uk", "Відновлюйте виробництво, де можливо.", ("hedging", "можливо")),
    ("ru", "Страны вроде Польши и что-то вроде перемирия.", ("hedging", "вроде")),  # not an entry: the preposition
    ("uk", "Уряд припускається помилки.", ("hedging", "припускається")),
    # boosters: validity, questions
    ("ru", "Паспорт действительно до 2030 года.", ("certainty", "действительно")),
    ("ru", "Действительно ли это так?", ("certainty", "действительно")),
    ("uk", "Квиток дійсно до кінця місяця.", ("certainty", "дійсно")),
    ("uk", "Чи дійсно це так?", ("certainty", "дійсно")),
    ("uk", "Ви не сумнівалися, чи допомагати нам.", ("certainty", "не сумніватися")),
    ("ru", "Они не сомневались, стоит ли помогать.", ("certainty", "не сомневаться")),
]


@pytest.mark.parametrize(("lang", "text", "absent"), DESCRIPTIVE)
def test_descriptive_senses_are_kept_out(lang: str, text: str, absent: tuple[str, str]) -> None:
    dim, term = absent
    found = _all(lang, text)
    assert absent not in found
    # a multi-word entry beginning with the guarded words does not count either
    assert not {t for d, t in found if d == dim and t.startswith(term + " ")}


KEPT = [
    ("ru", "Мы уничтожим оккупантов.", ("hostility", "уничтожить")),
    ("ru", "Мы ликвидируем их всех.", ("hostility", "ликвидировать")),
    ("uk", "Ми знищимо окупантів.", ("hostility", "знищити")),
    ("ru", "Это геноцид русских.", ("loaded", "геноцид")),
    ("uk", "Це геноцид українців.", ("loaded", "геноцид")),
    ("ru", "Возможно, он прав.", ("hedging", "возможно")),
    ("uk", "Можливо, він має рацію.", ("hedging", "можливо")),
    ("ru", "Он действительно это сказал.", ("certainty", "действительно")),
    ("uk", "Він дійсно це сказав.", ("certainty", "дійсно")),
    ("ru", "Шавки, выгуливать их некому: вся эта зараза из-за океана.", ("hostility", "зараза")),
    ("ru", "Это стадо баранов.", ("hostility", "стадо")),
]


@pytest.mark.parametrize(("lang", "text", "present"), KEPT)
def test_guarded_words_still_count_in_their_own_sense(lang: str, text: str, present: tuple[str, str]) -> None:
    assert present in _all(lang, text)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_new_entry_finds_itself_and_has_a_rationale(lang: str) -> None:
    m = LemmaMatcher.builtin(lang)
    new = [e for e in m.entries if e.note.startswith("(0.14.0)")]
    assert len(new) > 70
    for e in new:
        assert "class" in e.note and "not from a gold sentence" in e.note, e.term
        assert e.category and e.weight > 0 and e.side in ("neutral", "russian", "ukrainian"), e.term
        if e.match == "stem":
            assert stem_matches(e, e.term + "и"), e.term
            continue
        words = [("себя" if lang == "ru" else "себе") if _GAP.fullmatch(w) else w for w in e.term.split()]
        if e.only_form:
            words[0] = sorted(e.only_form)[0]
        text = " ".join(words)
        if e.term == "зачистити":
            continue  # pymorphy3 guesses another lemma for the bare imperative; FOUND checks 'зачистимо'
        assert e.term in {x.term for x in m.find(text)}, (e.term, text)


def test_the_adverb_entry_takes_the_adjective_too() -> None:
    # 'неопровержимо' is lemmatised as the short neuter of 'неопровержимый', so one entry covers both
    assert "неопровержимо" in _new("ru", "Есть неопровержимые доказательства.")


# except_prev_joined (0.14.0 mechanism): the word before counts only with white space alone between
JOINED = [
    ("ru", "Помогаем, насколько это возможно.", False),
    ("ru", "Это возможно только летом.", False),
    ("ru", "По словам эксперта, это, возможно, так.", True),
    ("ru", "Это — возможно — так.", True),
    ("uk", "Допомагаємо, наскільки це можливо.", False),
    ("uk", "Де це можливо, працюйте.", False),
    ("uk", "Це, можливо, так.", True),
]


@pytest.mark.parametrize(("lang", "text", "counts"), JOINED)
def test_except_prev_joined_needs_the_words_side_by_side(lang: str, text: str, counts: bool) -> None:
    term = "возможно" if lang == "ru" else "можливо"
    assert (("hedging", term) in _all(lang, text)) is counts


def test_except_prev_joined_is_read_from_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "hedging.csv"
    path.write_text(
        "term,category,weight,side,note,match,context\n"
        "возможно,epistemic_modal,1.0,neutral,test,lemma,except_prev_joined=это\n",
        encoding="utf-8")
    (entry,) = read_lemma_csv(path, "hedging", "ru")
    assert entry.except_prev_joined == frozenset({"это"})
    matcher = LemmaMatcher("ru", [entry])
    assert not matcher.find("насколько это возможно")
    assert matcher.find("это, возможно, так")


def test_except_prev_joined_given_twice_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "hedging.csv"
    path.write_text(
        "term,category,weight,side,note,match,context\n"
        "возможно,epistemic_modal,1.0,neutral,test,lemma,except_prev_joined=это;except_prev_joined=то\n",
        encoding="utf-8")
    with pytest.raises(LexiconError, match=r"hedging\.csv.*except_prev_joined.*given twice"):
        read_lemma_csv(path, "hedging", "ru")


# quotes_inside (0.14.0 mechanism): quotation marks do not break a phrase with the flag
def _phrase_matcher(tmp_path: Path, context: str) -> LemmaMatcher:
    path = tmp_path / "loaded.csv"
    path.write_text(
        "term,category,weight,side,note,match,context\n"
        f"так называемый днр,delegitimising_label,1.0,neutral,test,lemma,{context}\n",
        encoding="utf-8")
    return LemmaMatcher("ru", read_lemma_csv(path, "loaded", "ru"))


def test_quotes_inside_lets_a_phrase_run_across_quotation_marks(tmp_path: Path) -> None:
    flagged = _phrase_matcher(tmp_path, "quotes_inside")
    assert flagged.entries[0].quotes_inside
    for text in ("власти так называемой «ДНР»", "так называемой \"ДНР\"", "так называемой ДНР"):
        assert [m.term for m in flagged.find(text)] == ["так называемый днр"], text
    # other breaks still end the phrase
    assert not flagged.find("так называемой. ДНР")
    assert not flagged.find("так называемой — ДНР")


def test_without_the_flag_quotation_marks_still_break_a_phrase(tmp_path: Path) -> None:
    plain = _phrase_matcher(tmp_path, "")
    assert not plain.entries[0].quotes_inside
    assert not plain.find("власти так называемой «ДНР»")
    assert plain.find("власти так называемой ДНР")
