"""ru and uk lemma lexicon matching on fixtures written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from analysis.scoring.lemma_match import (
    _GROUP,
    LEMMA_DIMENSIONS,
    SIDES,
    LemmaEntry,
    LemmaMatcher,
    _resolve,
    lexicon_dir,
    read_lemma_csv,
)
from analysis.scoring.lexicon import LexiconError
from analysis.scoring.match import NEGATED_BOOSTER_RULE


def _found(lang: str, text: str) -> set[tuple[str, str, str]]:
    return {(m.term, m.dimension, m.side) for m in LemmaMatcher.builtin(lang).find(text)}


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_entry_is_complete(lang: str) -> None:
    m = LemmaMatcher.builtin(lang)
    dims = {e.dimension for e in m.entries}
    assert dims == set(LEMMA_DIMENSIONS)
    for e in m.entries:
        assert e.category and e.note and e.weight > 0 and e.side in SIDES


def test_ru_phrases_on_lemmas() -> None:
    text = "Удары по объектам киевского режима в ходе специальной военной операции на Украине."
    found = _found("ru", text)
    assert ("киевский режим", "loaded", "russian") in found
    assert ("специальная военная операция", "naming", "russian") in found
    assert ("на украине", "naming", "russian") in found
    # "киевский режим" is loaded, not naming; the phrase is not also cut into words
    assert not any(t == "киевский режим" and d == "naming" for t, d, _ in found)


def test_ru_side_marked_names() -> None:
    assert ("в украине", "naming", "ukrainian") in _found("ru", "Война в Украине идёт.")
    assert ("освобожденный", "naming", "russian") in _found("ru", "В освобождённых районах.")
    assert ("освобожденный", "naming", "russian") in _found("ru", "В освобожденных районах.")
    assert ("оккупированный", "naming", "ukrainian") in _found("ru", "На оккупированных территориях.")
    assert ("денацификация", "naming", "russian") in _found("ru", "Цель — денацификация.")


def test_ru_loaded_labels_both_sides() -> None:
    assert ("укронацист", "loaded", "russian") in _found("ru", "Укронацисты обстреляли город.")
    assert ("рашист", "loaded", "ukrainian") in _found("ru", "Рашисты отступили.")
    assert ("орк", "loaded", "ukrainian") in _found("ru", "Орки бегут.")


def test_uk_fixture() -> None:
    text = ("Рашисти знову обстріляли Київ. Російські окупанти, ймовірно, відступлять, "
            "і ми, безумовно, переможемо в Україні.")
    found = _found("uk", text)
    assert ("рашист", "loaded", "ukrainian") in found
    assert ("російський окупант", "loaded", "ukrainian") in found
    assert ("окупант", "hostility", "ukrainian") in found
    assert ("київ", "naming", "neutral") in found
    assert ("в україні", "naming", "neutral") in found
    assert ("ймовірно", "hedging", "neutral") in found
    assert ("безумовно", "certainty", "neutral") in found


def test_offsets_point_into_the_original() -> None:
    text = "Kиевский  РЕЖИМ лжёт, обʼєднаних"
    for m in LemmaMatcher.builtin("ru").find(text):
        assert text[m.start:m.end] == m.surface
    [m] = [x for x in LemmaMatcher.builtin("ru").find(text) if x.dimension == "loaded"]
    assert m.surface == "Kиевский  РЕЖИМ"


def test_hyphen_part_matches() -> None:
    found = _found("ru", "Кучка нацистов-наркоманов.")
    assert ("нацист", "hostility", "neutral") in found


def test_negated_booster_is_a_hedge() -> None:
    ms = LemmaMatcher.builtin("ru").find("Это не очевидно.")
    assert [(m.dimension, m.category, m.rule) for m in ms] == [
        ("hedging", "negated_booster", NEGATED_BOOSTER_RULE)]


def test_hedges_and_boosters_ru() -> None:
    found = _found("ru", "По словам эксперта, это, возможно, так; конечно, на самом деле нет.")
    assert {("по словам", "hedging", "neutral"), ("возможно", "hedging", "neutral"),
            ("конечно", "certainty", "neutral"),
            ("на самом деле", "certainty", "neutral")} <= found


def test_neutral_report_has_no_loaded_or_hostile_match() -> None:
    text = "Президент провёл встречу с министром финансов в Москве во вторник."
    assert not {d for _, d, _ in _found("ru", text)} & {"hostility", "loaded"}


def test_counts_cover_every_dimension() -> None:
    counts = LemmaMatcher.builtin("uk").counts("Можливо, рашисти відступлять.")
    assert set(counts) == set(LEMMA_DIMENSIONS)
    assert counts["hedging"] == (1, 1.0)
    assert counts["loaded"][0] == 1


def test_bad_csv_names_file_row_field(tmp_path: Path) -> None:
    path = tmp_path / "loaded.csv"
    path.write_text("term,category,weight,side,note\nхунта,label,1,russian,ok\n"
                    "режим,label,1,kremlin,bad side\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"loaded\.csv, row 3: side"):
        read_lemma_csv(path, "loaded", "ru")
    path.write_text("term,category,weight,side,note\nхунта,label,-1,russian,x\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="row 2: weight"):
        read_lemma_csv(path, "loaded", "ru")
    path.write_text("term,category,weight,side\nхунта,label,1,russian\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="missing column"):
        read_lemma_csv(path, "loaded", "ru")


def test_unknown_language() -> None:
    with pytest.raises(LexiconError, match="'en'"):
        lexicon_dir("en")


def test_context_except_prev() -> None:
    ru = LemmaMatcher.builtin("ru")
    assert [m.term for m in ru.find("Это может произойти.")] == ["мочь"]
    assert not [m for m in ru.find("Я не могу оставить их.") if m.term == "мочь"]
    uk = LemmaMatcher.builtin("uk")
    assert not [m for m in uk.find("Ми не можемо чекати.") if m.term == "могти"]


def test_possessive_attribution_phrases() -> None:
    assert ("по его словам", "hedging", "neutral") in _found("ru", "По его словам, всё спокойно.")
    assert ("за його словами", "hedging", "neutral") in _found("uk", "За його словами, все спокійно.")


def test_bad_context_rule(tmp_path: Path) -> None:
    path = tmp_path / "hedging.csv"
    path.write_text("term,category,weight,side,note,match,context\n"
                    "мочь,modal,1,neutral,x,lemma,only_if=не\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="row 2: context rule"):
        read_lemma_csv(path, "hedging", "ru")


def test_scare_quotes() -> None:
    ru = LemmaMatcher.builtin("ru")
    # off by default from 0.10.0: on fresh text single quoted words were mentions
    assert not [m for m in ru.find("Их «благотворительность».") if m.category == "scare_quotes"]
    on_ru = LemmaMatcher(ru.language, list(ru.entries), scare_quotes=True)
    ms = [m for m in on_ru.find("Их «благотворительность» и «Северный поток» и «полная победа».")
          if m.category == "scare_quotes"]
    assert [(m.surface, m.dimension, m.side) for m in ms] == [
        ("благотворительность", "loaded", "neutral")]
    off = LemmaMatcher(ru.language, list(ru.entries), scare_quotes=False)
    assert not [m for m in off.find("Их «благотворительность».") if m.category == "scare_quotes"]
    uk = LemmaMatcher.builtin("uk")
    assert not [m for m in uk.find("Їхні „визволителі“.") if m.category == "scare_quotes"]
    on = LemmaMatcher("uk", list(uk.entries), scare_quotes=True)
    assert [m.surface for m in on.find("Їхні „визволителі“ пішли.") if m.category == "scare_quotes"] == [
        "визволителі"]


def test_first_person_can_is_not_a_hedge() -> None:
    uk = LemmaMatcher.builtin("uk")
    assert not [m for m in uk.find("Ми можемо це зробити.") if m.term == "могти"]
    assert [m.term for m in uk.find("Це може статися.")] == ["могти"]
    ru = LemmaMatcher.builtin("ru")
    assert not [m for m in ru.find("Мы можем это сделать.") if m.term == "мочь"]


def test_phrase_does_not_cross_a_sentence_end() -> None:
    uk = LemmaMatcher.builtin("uk")
    assert not [m for m in uk.find("Ми все можемо. Будемо працювати.") if m.term == "може бути"]
    assert [m.term for m in uk.find("Це може бути правдою.")] == ["може бути"]
    ru = LemmaMatcher.builtin("ru")
    assert "допустить что" in {m.term for m in ru.find("Они допустили, что это так.")}


def test_readme_counts_match_the_files() -> None:
    from collections import Counter

    from analysis import paths

    readme = (paths.LEXICON_DIR / "RU_UK.md").read_text(encoding="utf-8")
    for lang in ("ru", "uk"):
        counts = Counter(e.dimension for e in LemmaMatcher.builtin(lang).entries)
        row = f"| {lang} | " + " | ".join(str(counts[d]) for d in LEMMA_DIMENSIONS) + " |"
        assert row in readme, row


def _matcher(tmp_path: Path, dimension: str, rows: str, lang: str = "ru") -> LemmaMatcher:
    path = tmp_path / f"{dimension}.csv"
    path.write_text("term,category,weight,side,note,match,context\n" + rows, encoding="utf-8")
    return LemmaMatcher(lang, read_lemma_csv(path, dimension, lang))


def test_only_form_rule(tmp_path: Path) -> None:
    m = _matcher(tmp_path, "hostility",
                 "уничтожить,threat,1,neutral,x,lemma,only_form=уничтожим|уничтожить\n")
    found = [x.surface for x in m.find("Уничтожим их. Склад уничтожен. Надо уничтожить.")]
    assert found == ["Уничтожим", "уничтожить"]


def test_not_historical_rule(tmp_path: Path) -> None:
    m = _matcher(tmp_path, "hostility", "нацист,accusation,1,neutral,x,lemma,not_historical\n")
    assert not m.find("В годы Второй мировой войны нацисты сожгли село.")
    assert not m.find("Нацисты в 1942 году сожгли село.")
    assert [x.surface for x in m.find("Нацисты в 1942 году сожгли село. Теперь нацисты у власти.")] == [
        "нацисты"]
    uk = _matcher(tmp_path, "hostility", "нацист,accusation,1,neutral,x,lemma,not_historical\n", "uk")
    assert not uk.find("Під час Другої світової війни нацисти спалили село.")
    assert [x.surface for x in uk.find("Нацисти знову обстріляли місто.")] == ["Нацисти"]


def test_noun_entry_matches_its_paradigm(tmp_path: Path) -> None:
    # pymorphy3 guesses 'нацполков' -> 'нацполок' and 'нацполка' -> 'нацполка';
    # the forms generated from the entry's own nominative match them all
    m = _matcher(tmp_path, "loaded", "нацполк,label,1,russian,x,lemma,\n")
    text = "Нацполк, нацполка, нацполков, нацполками."
    assert [x.surface for x in m.find(text)] == ["Нацполк", "нацполка", "нацполков", "нацполками"]


def test_phrase_word_in_an_oblique_case_brings_no_forms(tmp_path: Path) -> None:
    # 'данным' is not nominative: its forms would include those of 'данный'
    m = _matcher(tmp_path, "hedging", "по данным,attribution,1,neutral,x,lemma,\n")
    assert [x.term for x in m.find("По данным штаба, всё спокойно.")] == ["по данным"]
    assert not m.find("По данной статье грозит штраф.")


def test_bad_only_form_and_flag(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="row 2: context rule"):
        _matcher(tmp_path, "hostility", "уничтожить,threat,1,neutral,x,lemma,only_form=\n")
    with pytest.raises(LexiconError, match="not_historical"):
        _matcher(tmp_path, "hostility", "нацист,accusation,1,neutral,x,lemma,historical\n")


def _resolve_by_scan(
    cands: list[tuple[int, int, LemmaEntry, int]],
) -> list[tuple[int, int, LemmaEntry, int]]:
    # the first, quadratic form of _resolve: every kept span of the group tested
    cands = sorted(cands, key=lambda c: (c[0], -(c[1] - c[0])))
    taken: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for i, j, entry, end in cands:
        spans = taken.setdefault(_GROUP[entry.dimension], [])
        if not any(i < b and a < j for a, b in spans):
            spans.append((i, j))
            kept.append((i, j, entry, end))
    return kept


def test_overlap_resolution_equals_the_scan_of_every_kept_span() -> None:
    # _resolve keeps the furthest end per group instead of scanning the kept
    # spans (quadratic in a text of many matches): the same choice
    rng = random.Random(20261201)
    entries = list(LemmaMatcher.builtin("ru").entries)
    for _ in range(3000):
        cands = []
        for _ in range(rng.randrange(0, 12)):
            i = rng.randrange(0, 15)
            j = i + rng.randrange(1, 4)
            cands.append((i, j, rng.choice(entries), 10 * j))
        assert _resolve(list(cands)) == _resolve_by_scan(cands)


def test_scare_quotes_beside_loaded_words_as_before_and_linear() -> None:
    # a quoted word a loaded entry covers is that entry's match, not a scare
    # quote too; the overlap test is a bisection (was a scan per quote).
    # The rule is off by default from 0.10.0, so it is switched on here.
    ru = LemmaMatcher.builtin("ru")
    m = LemmaMatcher(ru.language, list(ru.entries), scare_quotes=True)
    text = "Киевский режим «освободители» и «режим», «укронацисты». "
    one = [(x.surface, x.category) for x in m.find(text)]
    assert one == [("Киевский режим", "delegitimising_label"), ("освободители", "scare_quotes"),
                   ("режим", "scare_quotes"), ("укронацисты", "delegitimising_label")]
    many = m.find(text * 2000)
    assert [(x.surface, x.category) for x in many] == one * 2000
