"""The Russian gold report: set 2 (held out) beside set 1, on hand-made fixtures.

No test here scores the committed set 2: its numbers are read once, by hand,
and written into its README; the tests check the machinery on small frames.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import ru_gold
from analysis.validation.evaluate import add_ru_gold
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.report import ValidationReport
from analysis.validation.ru_gold_eval import TABLE_COLUMNS, evaluate_ru_gold_sets, ru_gold_table
from analysis.validation.split import split_of


def _gold(texts: list[str], loaded: list[int], hedge: list[int], split: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"text": texts, "loaded_hostile": loaded, "hedge": hedge,
                         "booster": [0] * len(texts), "split": split})


SET1 = _gold(["Киевский режим лжёт.", "Президент провёл встречу.", "Возможно, дождь.",
              "Укронацисты отступили."], [1, 1, 0, 0], [0, 0, 1, 0], ["dev", "dev", "dev", "test"])
SET2 = _gold(["Возможно, завтра будет дождь.", "Дождь идёт весь день.",
              "Киевский режим снова обстрелял город."], [0, 0, 1], [1, 0, 0], ["test"] * 3)


def test_table_puts_set2_after_set1_for_every_target() -> None:
    table = ru_gold_table({"1": SET1, "2": SET2})
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert table["target"].tolist() == ["hostility+loaded"] * 3 + ["hedge"] * 3 + ["booster"] * 3
    assert table[["set", "split"]].drop_duplicates().values.tolist() == [
        ["1", "dev"], ["1", "test"], ["2", "test"]]
    two = table[table["set"] == "2"].set_index("target")
    assert two.loc["hedge", ["n", "positives", "tp", "fp", "fn"]].tolist() == [3, 1, 1, 0, 0]
    assert two.loc["hostility+loaded", ["positives", "tp", "fn"]].tolist() == [1, 1, 0]
    assert two.loc["booster", "f1"] == 0.0                 # no positives, no matches
    one_dev = table[(table["set"] == "1") & (table["split"] == "dev")].set_index("target")
    assert one_dev.loc["hostility+loaded", ["tp", "fn"]].tolist() == [1, 1]


def test_table_reports_only_the_sets_given() -> None:
    only2 = ru_gold_table({"2": SET2})
    assert set(only2["set"]) == {"2"} and len(only2) == 3
    none = ru_gold_table({})
    assert none.empty and list(none.columns) == list(TABLE_COLUMNS)


def _fixture_set(tmp_path: Path, name: str, article: str, text: str, split: str) -> Path:
    labels = ru_gold.ids_frame(ru_gold.split_sentences(article, "1", text), split=split)
    for column, value in (("loaded_hostile", 0), ("voice", ""), ("hedge", 1), ("booster", 0),
                          ("cues", "H: возможно"), ("note", "")):
        labels[column] = value
    path = tmp_path / f"labels{name}.csv"
    labels.to_csv(path, index=False)
    return path


def test_sets_load_from_the_source_and_check_hashes(tmp_path: Path) -> None:
    one_text, two_text = "Возможно, дождь пойдёт завтра.", "Возможно, снег пойдёт в среду."
    folder = tmp_path / "data" / ru_gold.SOURCE_FOLDER
    folder.mkdir(parents=True)
    source = folder / ru_gold.SOURCE_FILE
    source.write_text(f"1\t1\t{one_text}\n2\t1\t{two_text}\n", encoding="utf-8")
    paths = {"1": _fixture_set(tmp_path, "1", "1", one_text, split_of("1")),
             "2": _fixture_set(tmp_path, "2", "2", two_text, "test")}
    table = evaluate_ru_gold_sets(tmp_path / "data", labels_paths=paths)
    hedge = table[table["target"] == "hedge"]
    assert hedge["set"].tolist()[-1] == "2" and hedge["tp"].tolist()[-1] == 1
    source.write_text(f"1\t1\t{one_text}\n2\t1\t{two_text.replace('снег', 'град')}\n",
                      encoding="utf-8")
    with pytest.raises(ValidationDataError, match="set 2: sentence 2:1:0.*hash"):
        evaluate_ru_gold_sets(tmp_path / "data", labels_paths=paths)


def test_missing_source_is_a_note_and_the_section_renders(tmp_path: Path) -> None:
    report = ValidationReport()
    add_ru_gold(report, tmp_path)
    assert report.ru_gold.empty
    assert any(n.startswith("Russian gold part not run:") and "source missing" in n
               for n in report.notes)
    report.ru_gold = ru_gold_table({"1": SET1, "2": SET2})
    text = report.to_markdown()
    assert "## Russian gold sets" in text and "set 2 is held out" in text
    assert "| hedge | 2 | test | 3 | 1 |" in text


def test_an_empty_part_scores_zero_not_a_crash() -> None:
    table = ru_gold_table({"1": SET1[SET1["split"] == "dev"]})
    test_rows = table[table["split"] == "test"]
    assert (test_rows["n"] == 0).all() and (test_rows["f1"] == 0.0).all()


def test_validate_command_notes_the_russian_gold_without_its_source(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake_scorer: object,
) -> None:
    import argparse

    import analysis.validation.evaluate as ev
    import analysis.validation.scorers as sc
    from analysis.validation import cli

    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(ev, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    parser = argparse.ArgumentParser(prog="validate")
    cli.add_arguments(parser)
    assert cli.run(parser.parse_args([])) == 0
    out = capsys.readouterr().out
    assert "- Russian gold part not run: Russian gold set: no data directory" in out
    assert "## Russian gold sets" not in out


SET3 = _gold(["Конечно, это так и есть.", "Укронацисты снова обстреляли город.",
              "Мэр открыл новую школу."], [0, 1, 1], [0, 0, 0], ["dev"] * 3)


def test_set3_dev_is_reported_last_for_every_target() -> None:
    table = ru_gold_table({"3": SET3, "1": SET1, "2": SET2})
    assert table[["set", "split"]].drop_duplicates().values.tolist() == [
        ["1", "dev"], ["1", "test"], ["2", "test"], ["3", "dev"]]
    for target in ("hostility+loaded", "hedge", "booster"):
        assert table[table["target"] == target]["set"].tolist()[-1] == "3"
    three = table[table["set"] == "3"].set_index("target")
    assert three.loc["hostility+loaded", ["n", "positives", "tp", "fp", "fn"]].tolist() == [
        3, 2, 1, 0, 1]
    assert three.loc["booster", ["positives", "fp"]].tolist() == [0, 1]


def test_dev_table_never_loads_set2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import ru_gold_eval

    one_text, three_text = "Возможно, дождь пойдёт завтра.", "Возможно, снег пойдёт в среду."
    folder = tmp_path / "data" / ru_gold.SOURCE_FOLDER
    folder.mkdir(parents=True)
    (folder / ru_gold.SOURCE_FILE).write_text(f"1\t1\t{one_text}\n3\t1\t{three_text}\n",
                                              encoding="utf-8")
    paths = {"1": _fixture_set(tmp_path, "1", "1", one_text, split_of("1")),
             "3": _fixture_set(tmp_path, "3", "3", three_text, "dev")}
    monkeypatch.setattr(ru_gold, "default_labels_path", lambda name: paths[name])
    table = ru_gold_eval.ru_gold_dev_table(tmp_path / "data")
    assert set(table["set"]) == {"1", "3"}
    assert table[(table["set"] == "3") & (table["target"] == "hedge")]["tp"].tolist() == [1]
