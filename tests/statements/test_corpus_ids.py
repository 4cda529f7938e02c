"""Corpus-level speaker identity: ``assign_corpus_ids`` and its wiring into ``load_corpus``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.errors import CorpusError
from analysis.pipeline import cached_corpus, load_corpus, speaker_merges
from analysis.statements.identity import assign_corpus_ids, registry_aliases
from analysis.validation.attribution_eval import corpus_merger, merge_metrics
from analysis.validation.attribution_gold import load_never_merge, load_variants


def _statements(names: list[str], kind: str = "direct") -> pd.DataFrame:
    return pd.DataFrame({"speaker": names, "kind": kind})


def _ids(names: list[str], **kwargs: object) -> dict[str, str]:
    out = assign_corpus_ids(_statements(names), **kwargs).statements  # type: ignore[arg-type]
    return dict(zip(out["speaker"], out["speaker_id"], strict=True))


@pytest.mark.parametrize("variants", [
    ["Serhiy Haidai", "Serhiy Gaidai", "Serhii Haidai", "Haidai"],
    ["John Kirby", "Kirby", "Mr. Kirby"],
    ["Justin Trudeau", "Trudeau", "Prime Minister Justin Trudeau"],
    ["Volodymyr Zelensky", "Zelenskiy", "Zelenskyy", "President Zelensky"],
    ["Mykhailo Podolyak", "Mykhailo Podoliak", "Podolyak"],
    ["Dmitri S. Peskov", "Dmitry Peskov", "Peskov"],
])
def test_variants_of_one_person_get_one_id_and_one_name(variants: list[str]) -> None:
    out = assign_corpus_ids(_statements([*variants, *variants])).statements
    assert out["speaker_id"].nunique() == 1 and out["speaker_name"].nunique() == 1
    assert out["speaker_id"].iloc[0].startswith("person:")


def test_people_sharing_a_surname_are_not_merged_without_evidence() -> None:
    ids = _ids(["Dmytro Kuleba", "Oleksii Kuleba", "Kuleba", "Joe Biden", "Jill Biden", "Mr. Biden"],
               use_registry=False)
    assert ids["Dmytro Kuleba"] != ids["Oleksii Kuleba"]
    assert ids["Kuleba"] not in {ids["Dmytro Kuleba"], ids["Oleksii Kuleba"]}  # ambiguous: kept apart
    assert ids["Joe Biden"] != ids["Jill Biden"]
    # no Ms. or Mrs. shows Jill's gender, so "Mr. Biden" is not evidence enough to pick Joe
    assert ids["Mr. Biden"] not in {ids["Joe Biden"], ids["Jill Biden"]}


def test_user_alias_csv_overrides_registry_and_rules(tmp_path: Path) -> None:
    csv = tmp_path / "aliases.csv"
    csv.write_text("alias,canonical\nKuleba,Oleksii Kuleba\nWallace,Ben Wallace\nHaidai,Haidai\n", encoding="utf-8")
    names = ["Dmytro Kuleba", "Oleksii Kuleba", "Kuleba", "Ben Wallace", "Wallace", "Serhiy Haidai", "Haidai"]
    result = assign_corpus_ids(_statements(names), csv)
    ids = dict(zip(names, result.statements["speaker_id"], strict=True))
    assert ids["Kuleba"] == ids["Oleksii Kuleba"] != ids["Dmytro Kuleba"]
    assert ids["Wallace"] == ids["Ben Wallace"]
    assert ids["Haidai"] != ids["Serhiy Haidai"]  # kept apart on the user's word
    rules = result.merges.set_index("name")["rule"]
    assert rules["Kuleba"] == "alias" and rules["Haidai"] == "alias_kept_apart"
    # without the user's table the registry's alias decides Kuleba
    default = _ids(names)
    assert default["Kuleba"] == default["Dmytro Kuleba"]


def test_merge_table_is_one_row_per_distinct_name_with_counts() -> None:
    result = assign_corpus_ids(_statements(["John Kirby", "Kirby", "John Kirby", ""]))
    table = result.merges.set_index("name")
    assert list(table.index) == ["John Kirby", "Kirby"]
    assert table.loc["John Kirby", "count"] == 2 and table.loc["Kirby", "rule"] == "surname_unique"


def test_narration_blank_and_existing_article_ids() -> None:
    s = pd.DataFrame({"speaker": ["TASS", "", "Kirby"], "kind": ["narration", "partial", "direct"],
                      "speaker_id": ["", "", "a1:kirby"]})
    out = assign_corpus_ids(s).statements
    assert out["speaker_id"].tolist()[:2] == ["narrator:tass", ""]
    assert out["speaker_name"].tolist()[:2] == ["TASS", ""]
    assert out["speaker_id_article"].tolist() == ["", "", "a1:kirby"]  # the per-article key is kept


def test_missing_columns_and_bad_alias_tables_are_named(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="'kind'"):
        assign_corpus_ids(pd.DataFrame({"speaker": ["x"]}))
    bad = tmp_path / "bad.csv"
    bad.write_text("alias,canonical\nKirby,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv, row 2: empty alias or canonical"):
        assign_corpus_ids(_statements(["Kirby"]), bad)


def test_registry_aliases_leave_out_accent_only_spellings() -> None:
    table = registry_aliases()
    assert not any(a.lower() == c.lower() for a, c in zip(table["alias"], table["canonical"], strict=True))


def test_corpus_merger_meets_the_targets_on_the_heldout_variant_list() -> None:
    m = merge_metrics(load_variants(), load_never_merge(), corpus_merger, "corpus_ids").set_index("split")
    assert m.loc["heldout", "merge_precision"] >= 0.98 and m.loc["heldout", "merge_recall"] >= 0.90
    assert (m["never_merge_violations"] == 0).all()


def test_bundled_corpus_statements_carry_corpus_ids() -> None:
    s = cached_corpus().statements
    spoken = s[(s["kind"] != "narration") & (s["speaker"] != "")]
    assert (spoken["speaker_id"] != "").all()
    assert (s.groupby("speaker_id")["speaker_name"].nunique() == 1).all()  # one display name per id
    narration = s[s["kind"] == "narration"]
    assert narration["speaker_id"].str.startswith("narrator:").all()
    merges = speaker_merges(cached_corpus())
    assert set(merges["name"]) == set(spoken["speaker"])


def test_load_corpus_takes_an_alias_table(tmp_path: Path) -> None:
    aliases = pd.DataFrame({"alias": ["Dmitry Peskov"], "canonical": ["Dmitry Peskov"]})
    c = load_corpus(aliases=aliases)
    peskov = c.statements[c.statements["speaker"] == "Dmitry Peskov"]
    assert len(peskov) and (peskov["speaker_id"] == "kept:dmitry peskov").all()
    with pytest.raises(CorpusError, match="speaker alias table not found"):
        load_corpus(aliases=tmp_path / "absent.csv")
