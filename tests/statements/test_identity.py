"""Corpus-level speaker identity: merges that must happen, merges that must not, user aliases."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.statements import identity
from analysis.statements.identity import merge_speakers, parse_person, speaker_ids


def _same(names: list[str], aliases: pd.DataFrame | None = None) -> bool:
    return len(set(speaker_ids(names, aliases))) == 1


@pytest.mark.parametrize("names", [
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelenskyi", "Zelenskyy",
     "President Zelensky", "Mr. Zelensky", "Vladimir Zelensky", "Ukraine's Zelenskiy"],
    ["Serhiy Haidai", "Serhii Haidai", "Serhiy Gaidai", "Governor Haidai", "Serhiy Volodymyrovych Haidai"],
    ["Mykhailo Podolyak", "Mykhailo Podoliak", "Mikhail Podoliak", "Podolyak"],
    ["Dmitry Peskov", "Dmitri S. Peskov", "Dmytro Peskov", "Mr Peskov"],
    ["Sergey Lavrov", "Sergei Lavrov", "Serhiy Lavrov", "Sergey V. Lavrov", "Foreign Minister Sergei Lavrov"],
    ["Oleh Syniehubov", "Oleg Synegubov", "Synegubov"],
    ["Lloyd J. Austin III", "Lloyd Austin", "Defense Secretary Lloyd Austin"],
    ["Ursula von der Leyen", "Ms. von der Leyen"],
    ["Kharkiv Mayor Ihor Terekhov", "Igor Terekhov"],
    ["John Kirby", "John F. Kirby", "Mr. Kirby", "Press Secretary John Kirby"],
])
def test_variants_of_one_person_merge(names: list[str]) -> None:
    assert _same(names), merge_speakers(names).to_string()


@pytest.mark.parametrize("names", [
    ["Dmytro Kuleba", "Oleksii Kuleba"],
    ["Mykhailo Fedorov", "Ivan Fedorov"],
    ["Volodymyr Zelensky", "Olena Zelenska"],
    ["Joe Biden", "Jill Biden"],
    ["Boris Johnson", "Simon Johnson"],
    ["Vitalii Kim", "Kim Jong Un"],
    ["Dmitry Medvedev", "Evgenia Medvedeva"],
    ["Serhiy Haidai", "Serhiy Shoigu"],
    ["George W. Bush", "George H. Bush"],
    ["Vladimir Putin", "Vladimir Zelensky"],
])
def test_different_people_stay_apart(names: list[str]) -> None:
    assert not _same(names)


def test_a_shared_surname_alone_is_not_merged_without_evidence() -> None:
    t = merge_speakers(["Dmytro Kuleba", "Oleksii Kuleba", "Kuleba"]).set_index("name")
    assert t.loc["Kuleba", "rule"] == "ambiguous_surname"
    assert t.loc["Kuleba", "candidates"] == "Dmytro Kuleba|Oleksii Kuleba"
    assert t.loc["Kuleba", "speaker_id"] not in {t.loc["Dmytro Kuleba", "speaker_id"],
                                                 t.loc["Oleksii Kuleba", "speaker_id"]}


def test_east_asian_order_makes_a_bare_kim_ambiguous() -> None:
    t = merge_speakers(["Vitalii Kim", "Kim Jong Un", "Korea's Kim"]).set_index("name")
    assert t.loc["Korea's Kim", "rule"] == "ambiguous_surname"


def test_honorific_gender_is_evidence() -> None:
    t = merge_speakers(["Joe Biden", "First Lady Jill Biden", "Mr. Biden", "President Biden"]).set_index("name")
    assert t.loc["Mr. Biden", "speaker_id"] == t.loc["Joe Biden", "speaker_id"]
    assert t.loc["Mr. Biden", "rule"] == "surname_gender"
    assert t.loc["President Biden", "rule"] == "ambiguous_surname"


def test_mother_and_son_with_one_surname_stay_apart() -> None:
    ids = speaker_ids(["Yevheniia Butkevych", "Ms. Butkevych", "Mr. Butkevych"])
    assert ids[2] != ids[0] and ids[2] != ids[1]
    assert speaker_ids(["Ms. Butkevych", "Mr. Butkevych"])[0] != speaker_ids(["Ms. Butkevych",
                                                                              "Mr. Butkevych"])[1]


def test_user_aliases_merge_keep_apart_and_chain(tmp_path: Path) -> None:
    aliases = pd.DataFrame({"alias": ["Lukashenka", "Lukashenko", "Kuleba", "Mr. Kirby"],
                            "canonical": ["Lukashenko", "Alexander Lukashenko", "Dmytro Kuleba", "Mr. Kirby"]})
    names = ["Alexander Lukashenko", "Lukashenka", "Kuleba", "Dmytro Kuleba", "Oleksii Kuleba", "John Kirby",
             "Mr. Kirby"]
    t = merge_speakers(names, aliases).set_index("name")
    assert t.loc["Lukashenka", "speaker_id"] == t.loc["Alexander Lukashenko", "speaker_id"]
    assert t.loc["Lukashenka", "rule"] == "alias"
    assert t.loc["Kuleba", "speaker_id"] == t.loc["Dmytro Kuleba", "speaker_id"]
    assert t.loc["Mr. Kirby", "rule"] == "alias_kept_apart"
    assert t.loc["Mr. Kirby", "speaker_id"] != t.loc["John Kirby", "speaker_id"]
    csv = tmp_path / "aliases.csv"
    aliases.to_csv(csv, index=False)
    assert merge_speakers(names, csv)["speaker_id"].tolist() == t["speaker_id"].tolist()


def test_alias_to_a_name_absent_from_the_corpus_joins_its_spellings() -> None:
    aliases = pd.DataFrame({"alias": ["Lukashenka"], "canonical": ["Alexander Lukashenko"]})
    t = merge_speakers(["Lukashenka", "Lukashenko"], aliases).set_index("name")
    assert t.loc["Lukashenka", "speaker_id"] == t.loc["Lukashenko", "speaker_id"]
    assert t.loc["Lukashenka", "canonical"] == "Alexander Lukashenko"


@pytest.mark.parametrize(("frame", "message"), [
    (pd.DataFrame({"alias": ["x"]}), "lacks columns"),
    (pd.DataFrame({"alias": ["x", ""], "canonical": ["y", "z"]}), "row 3: empty alias"),
])
def test_bad_alias_tables_name_the_row(frame: pd.DataFrame, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        identity.load_aliases(frame)


def test_table_keeps_order_counts_and_rules() -> None:
    names = ["Mr Lavrov", "Sergei Lavrov", "Sergei Lavrov", "", "the governor", "Russia’s Defense Ministry",
             "Defense Ministry"]
    t = merge_speakers(names)
    assert t["name"].tolist() == names
    assert list(t.columns) == list(identity.MERGE_COLUMNS)
    assert t["count"].tolist() == [1, 2, 2, 1, 1, 1, 1]
    assert t["canonical"].iloc[0] == "Sergei Lavrov"
    assert t["rule"].tolist() == ["surname_unique", "full_name", "full_name", "empty", "as_written",
                                  "organisation", "organisation"]
    assert t["speaker_id"].iloc[3] == ""
    assert set(t["rule"]) <= set(identity.RULES)


def test_canonical_is_the_name_without_titles() -> None:
    t = merge_speakers(["President Vladimir V. Putin", "Putin"])
    assert t["canonical"].tolist() == ["Vladimir V. Putin", "Vladimir V. Putin"]


def test_parse_person_drops_roles() -> None:
    assert parse_person("the president") is None
    assert parse_person("a senior official") is None
    assert parse_person("Oleksandr Fedorovych Senkevych").display == "Oleksandr Senkevych"


def test_variant_list_dev_split_meets_the_targets() -> None:
    from analysis.validation import attribution_eval as ae
    from analysis.validation import attribution_gold as ag

    v, nm = ag.load_variants(), ag.load_never_merge()
    m = ae.merge_metrics(v[v["split"] == "dev"], nm[nm["split"] == "dev"], speaker_ids).iloc[0]
    assert m["merge_precision"] >= 0.98 and m["merge_recall"] >= 0.90
    assert m["never_merge_violations"] == 0


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(identity, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_registry_aliases_feed_the_merger() -> None:
    table = identity.registry_aliases()
    assert not table.empty and list(table.columns) == ["alias", "canonical"]
    assert "Kremlin spokesman" not in set(table["alias"])  # a role, not a name
    t = merge_speakers(["Dmytro Kuleba", "Oleksii Kuleba", "Kuleba"], table).set_index("name")
    assert t.loc["Kuleba", "rule"] == "alias"
    assert t.loc["Kuleba", "speaker_id"] == t.loc["Dmytro Kuleba", "speaker_id"]
