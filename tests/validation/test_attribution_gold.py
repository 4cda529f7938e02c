"""The frozen attribution gold: format checks always; offsets against the NYT text when it is there."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.validation import attribution_gold as ag


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return ag.load_gold()


@pytest.fixture(scope="module")
def nyt() -> pd.DataFrame:
    path = ag.default_nyt_csv()
    if path is None:
        pytest.skip("NYT_Russia_Ukraine.csv not found (set ANALYSIS_NYT_RU_UA or ANALYSIS_VALIDATION_DATA)")
    return ag.load_nyt_articles(path)


def test_sizes_meet_the_issue(gold: pd.DataFrame) -> None:
    direct = gold[gold["kind"] == "direct"]
    assert len(direct) >= 200
    assert direct["article_key"].nunique() >= 25
    assert set(gold["split"]) == {"dev", "test"}


def test_fragments_are_short_and_vocabulary_closed(gold: pd.DataFrame) -> None:
    assert gold["fragment"].str.split().str.len().max() <= ag.MAX_FRAGMENT_WORDS
    assert set(gold["tag_type"]) <= set(ag.TAG_TYPES)
    assert set(gold["kind"]) <= set(ag.KINDS)
    terms = gold[gold["kind"] == "term"]
    assert (terms["speaker"] == ag.UNATTRIBUTED).all() and (terms["tag_type"] == "none").all()


def test_split_follows_the_md5_rule_and_is_by_article(gold: pd.DataFrame) -> None:
    assert (gold["split"] == gold["article_key"].map(ag.split_for_article)).all()
    assert gold.groupby("article_key")["split"].nunique().max() == 1


def test_speaker_variants_cover_the_named_speaker(gold: pd.DataFrame) -> None:
    named = gold[(gold["speaker_named"] == 1)]
    assert (named["variants"] != "").all()
    unattributed = gold[gold["speaker"] == ag.UNATTRIBUTED]
    assert (unattributed["speaker_named"] == 0).all()


def test_articles_table_lists_every_article_once() -> None:
    arts = pd.read_csv(ag.ARTICLES_CSV)
    assert arts["article_key"].is_unique
    assert sorted(arts["draw_position"]) == list(range(len(arts)))
    assert arts["row"].tolist() == ag.draw_order(len(arts))


def test_offsets_match_the_text_read_now(gold: pd.DataFrame, nyt: pd.DataFrame) -> None:
    assert ag.verify_gold(gold, nyt) == []
    # every opening mark in every article has its row: recall can be measured
    marks = sum(t.count("\u201c") for t in nyt["articles"])
    assert marks == len(gold)


def test_a_changed_article_is_detected(gold: pd.DataFrame, nyt: pd.DataFrame) -> None:
    changed = nyt.copy()
    changed.loc[0, "articles"] = changed.loc[0, "articles"] + " "
    changed["article_key"] = [ag.article_key(r, t) for r, t in zip(changed["row"], changed["articles"], strict=True)]
    problems = ag.verify_gold(gold, changed)
    assert any("text changed" in p for p in problems) or not (gold["row"] == 0).any()


def test_shifted_offsets_are_reported(gold: pd.DataFrame, nyt: pd.DataFrame) -> None:
    bad = gold.head(3).copy()
    bad["start"] += 1
    assert len(ag.verify_gold(bad, nyt)) == 3


def test_variant_list_size_and_sources() -> None:
    v = ag.load_variants()
    assert v["person_id"].nunique() >= 40
    assert not v["variant"].duplicated().any()
    assert set(v["split"]) == {"dev", "heldout"}
    assert (v.groupby("person_id")["split"].nunique() == 1).all()
    nm = ag.load_never_merge()
    assert len(nm) >= 20
    problems, checked = ag.verify_variants(v)
    assert problems == [] and checked > 150


def test_never_merge_pairs_do_not_sit_in_one_person() -> None:
    v = ag.load_variants()
    person = dict(zip(v["variant"], v["person_id"], strict=True))
    for a, b in zip(ag.load_never_merge()["variant_a"], ag.load_never_merge()["variant_b"], strict=True):
        if a in person and b in person:
            assert person[a] != person[b], (a, b)


def test_docstring_examples() -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module("analysis.validation.attribution_gold"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
