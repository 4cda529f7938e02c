"""ru/uk lexicons 0.10.0: the classes found in the errors of Russian gold set 2, on invented sentences.

Every sentence here was written for these tests (no corpus text).  Each
rule or class is checked in several inflected forms, in Russian and
Ukrainian, with the sense it must not count beside the one it must.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring.lemma_match import LemmaMatcher, read_lemma_csv
from analysis.scoring.lexicon import LexiconError

HOSTILE = frozenset({"hostility", "loaded"})


def _terms(lang: str, text: str, dims: frozenset[str] = HOSTILE) -> set[str]:
    return {m.term for m in LemmaMatcher.builtin(lang).find(text) if m.dimension in dims}


def _matcher(tmp_path: Path, dimension: str, rows: str, lang: str = "ru") -> LemmaMatcher:
    path = tmp_path / f"{dimension}.csv"
    path.write_text("term,category,weight,side,note,match,context\n" + rows, encoding="utf-8")
    return LemmaMatcher(lang, read_lemma_csv(path, dimension, lang))


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
