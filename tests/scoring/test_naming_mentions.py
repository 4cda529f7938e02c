"""Issue 12: the naming dimension, use against mention, descriptive senses, one dimension per term."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.constants import DIMENSIONS, LOADED_LANGUAGE_DIMENSIONS, NAMING, NAMING_SIDES
from analysis.scoring.indices import loaded_language_index
from analysis.scoring.lexicon import Lexicon
from analysis.scoring.match import find_matches
from analysis.scoring.score import SCORE_COLUMNS, matches_frame, score_frame, score_text


def _found(text: str, dimension: str) -> list[str]:
    return [m.surface for m in find_matches(text) if m.dimension == dimension]


def test_naming_is_its_own_dimension_and_not_in_tone_dimensions() -> None:
    assert NAMING not in DIMENSIONS and NAMING not in LOADED_LANGUAGE_DIMENSIONS
    for col in ("naming_count", "naming_rate", *(f"naming_{s}_count" for s in NAMING_SIDES)):
        assert col in SCORE_COLUMNS


@pytest.mark.parametrize(("text", "term", "side"), [
    ("Shelling hit Kiev overnight.", "kiev", "russian"),
    ("Shelling hit Kyiv overnight.", "kyiv", "ukrainian"),
    ("The special military operation goes on.", "special military operation", "russian"),
    ("A year into the full-scale invasion.", "full-scale invasion", "ukrainian"),
    ("Troops in occupied Kherson.", "occupied", "ukrainian"),
    ("The village was liberated.", "liberated", "neutral"),
    ("Goals include denazification.", "denazification", "russian"),
    ("Grain from the Ukraine arrived.", "the ukraine", "russian"),
    ("People living on Ukraine suffer.", "on ukraine", "russian"),
    ("People living in Ukraine suffer.", "in ukraine", "neutral"),
])
def test_side_marked_names_are_naming(text: str, term: str, side: str) -> None:
    ms = [m for m in find_matches(text) if m.dimension == NAMING]
    assert [(m.term, m.side) for m in ms] == [(term, side)]
    assert not [m for m in find_matches(text) if m.dimension in ("loaded", "hostility")]


def test_naming_counts_per_side_and_stays_out_of_loaded_and_index() -> None:
    s = score_text("From Kiev to Kharkiv, the special military operation, the war in Ukraine.")
    assert (s.naming_count, s.naming_russian_count, s.naming_ukrainian_count, s.naming_western_count) == (4, 2, 1, 1)
    assert s.loaded_count == 0 and s.hostility_count == 0
    assert s.naming_rate == 1000 * s.naming_count / s.n_tokens
    out = score_frame(pd.DataFrame({"text": ["Kiev, Kiev, Kiev and the special operation."]}), sentiment="none")
    assert out.loc[0, "naming_russian_count"] == 4
    assert loaded_language_index(out).tolist() == [0.0]


def test_war_on_ukraine_is_not_the_russian_preposition() -> None:
    assert _found("Russia's war on Ukraine and talks on Ukraine.", NAMING) == []


def test_kiev_regime_is_loaded_not_naming() -> None:
    ms = find_matches("the Kiev regime")
    assert [(m.surface, m.dimension) for m in ms] == [("Kiev regime", "loaded")]


@pytest.mark.parametrize(("text", "surface", "holder"), [
    ('what Moscow calls a "special military operation"', "special military operation", "Moscow"),
    ("what the Kremlin describes as a special military operation", "special military operation", "Kremlin"),
    ('the so-called "denazification" of Ukraine', "denazification", ""),
    ("the so-called Kiev regime", "Kiev regime", ""),
    ("the Kremlin's term for the war, special military operation", "special military operation", "Kremlin"),
    ('his declared intention to "demilitarise and denazify" Ukraine', "denazify", ""),
    ('Residents fear what Russian TV dubs "Kiev regime" rule.', "Kiev regime", "Russian TV"),
])
def test_mentions_are_marked_and_not_counted(text: str, surface: str, holder: str) -> None:
    ms = [m for m in find_matches(text) if m.surface == surface]
    assert len(ms) == 1 and ms[0].mention and ms[0].holder == holder and "mention" in ms[0].rule
    s, with_mentions = score_text(text), score_text(text, count_mentions=True)
    dim = ms[0].dimension
    n_mentions = sum(m.mention and m.dimension == dim for m in s.matches)
    assert getattr(s, f"{dim}_count") == getattr(with_mentions, f"{dim}_count") - n_mentions
    assert any(m.mention for m in s.matches)  # mentions stay in matches


@pytest.mark.parametrize("text", [
    'He said: "The Kiev regime must fall."',
    '"They are Nazis," the minister said.',
    'Putin said Ukraine is run by "neo-Nazis and drug addicts who seized power in Kyiv".',
    "The Kiev regime shelled the city.",
])
def test_speech_and_plain_use_are_not_mentions(text: str) -> None:
    assert [m.surface for m in find_matches(text) if m.mention] == []


def test_count_mentions_in_frame_and_parallel_path_agree() -> None:
    df = pd.DataFrame({"text": ['It is a so-called "special operation".', "The special operation."]})
    assert score_frame(df)["naming_count"].tolist() == [0, 1]
    assert score_frame(df, count_mentions=True)["naming_count"].tolist() == [1, 1]
    m = matches_frame(df)
    m = m[m["dimension"] == "naming"]
    assert m["mention"].tolist() == [True, False] and m["holder"].tolist() == ["", ""]


def test_count_mentions_must_be_bool() -> None:
    with pytest.raises(ValueError, match="count_mentions"):
        score_text("x", count_mentions="yes")  # type: ignore[arg-type]


def test_counts_without_matches_equal_counts_of_matches() -> None:
    texts = ['what Moscow calls "liberated" Kherson, Kiev and the so-called "denazification".',
             "Much of Mariupol was destroyed; they will be destroyed."]
    for cm in (False, True):
        fast = score_frame(pd.DataFrame({"text": texts}), sentiment="none", count_mentions=cm)
        for i, t in enumerate(texts):
            one = score_text(t, sentiment="none", count_mentions=cm)
            for col in SCORE_COLUMNS:
                if col.endswith("_count"):
                    assert fast.loc[i, col] == getattr(one, col), (t, col, cm)


@pytest.mark.parametrize("text", [
    "Much of Mariupol was destroyed.",
    "Russian strikes destroyed three bridges.",
    "Homes destroyed by shelling.",
    "They walked past the destroyed theatre.",
])
def test_destruction_of_places_is_descriptive(text: str) -> None:
    assert _found(text, "hostility") == []


@pytest.mark.parametrize("text", [
    "We will destroy the regime.",
    "The enemy must be destroyed.",
    "They want to destroy Ukraine as a nation.",
])
def test_destruction_of_people_or_regime_is_hostile(text: str) -> None:
    assert len(_found(text, "hostility")) == 1


def test_mid_may_is_the_month() -> None:
    assert _found("Talks resume in mid-May.", "hedging") == []
    assert _found("Talks resume in early-may.", "hedging") == []
    assert _found("Talks may resume.", "hedging") == ["may"]


def test_historical_nazis_are_history_not_labels() -> None:
    assert _found("In 1941 the Nazis invaded the Soviet Union.", "hostility") == []
    assert _found("Veterans of World War II fought the fascists.", "hostility") == []
    assert _found("They call the government Nazis.", "hostility") == ["Nazis"]


def test_each_builtin_term_counts_in_one_dimension() -> None:
    lex = Lexicon.builtin()
    by_term: dict[str, set[str]] = {}
    for e in lex:
        if e.dimension in ("hostility", "loaded", NAMING):
            by_term.setdefault(e.term, set()).add(e.dimension)
    assert {t: d for t, d in by_term.items() if len(d) > 1} == {}
    for t in ("genocide", "nazis", "atrocities"):
        assert by_term[t] == {"hostility"}


@pytest.mark.parametrize(("text", "term"), [
    ("He sold his soul to the Kremlin.", "sold his soul"),
    ("Europe is a hostage of Washington.", "hostage of"),
    ("The occupants shelled the town.", "occupants"),
    ("an epidemic of cultural trends from the West", "epidemic of"),
])
def test_recall_idioms_and_war_vocabulary(text: str, term: str) -> None:
    assert [m.term for m in find_matches(text) if m.dimension == "loaded"] == [term]


def test_car_occupants_are_not_loaded() -> None:
    assert _found("The occupants of the car were unhurt.", "loaded") == []


def test_naming_lexicon_rejects_unknown_side() -> None:
    from analysis.scoring.lexicon import LexiconError

    with pytest.raises(LexiconError, match="naming term needs side"):
        Lexicon.from_records([{"term": "x", "category": "c", "weight": 1, "note": "n", "side": "ukrainian_western"}],
                             dimension=NAMING)


def test_a_quote_statement_is_the_speakers_own_use() -> None:
    # statements of kind direct/partial keep their quotation marks: the whole text quoted is use
    for text in ('"complete destruction of the neo-Nazi regime"', '"Retribution is inevitable,"'):
        assert [m.surface for m in find_matches(text) if m.mention] == []
    assert [m.surface for m in find_matches('He wants "destruction" of it.') if m.mention] == ["destruction"]
