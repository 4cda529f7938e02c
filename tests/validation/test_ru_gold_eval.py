"""The Russian gold report: sets 1-4, all dev since set 4's retirement (round 6), on hand-made fixtures.

No test here scores a committed set; the tests check the machinery on small
frames.  There is no held-out Russian set: no row may say ``test``.
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
SET4 = _gold(["Вероятно, завтра будет снег.", "Снег идёт весь день.",
              "Президент провёл встречу в Кремле."], [0, 0, 1], [1, 0, 0], ["test"] * 3)


def test_table_reports_sets_1_and_2_as_dev_on_all_their_rows() -> None:
    table = ru_gold_table({"1": SET1, "2": SET2})
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert table["target"].tolist() == ["hostility+loaded"] * 2 + ["hedge"] * 2 + ["booster"] * 2
    # set 2's rows say test (frozen so), set 1 has a test row: both are dev now, whole
    assert table[["set", "split"]].drop_duplicates().values.tolist() == [["1", "dev"], ["2", "dev"]]
    two = table[table["set"] == "2"].set_index("target")
    assert list(two.loc["hedge", ["n", "positives", "tp", "fp", "fn"]]) == [3, 1, 1, 0, 0]
    assert list(two.loc["hostility+loaded", ["positives", "tp", "fn"]]) == [1, 1, 0]
    assert two.loc["booster", "f1"] == 0.0                 # no positives, no matches
    one = table[table["set"] == "1"].set_index("target")
    # all four rows of set 1: the 'test' row (Укронацисты, unlabelled) is a false positive
    assert list(one.loc["hostility+loaded", ["n", "tp", "fp", "fn"]]) == [4, 1, 1, 1]


def test_table_reports_only_the_sets_given() -> None:
    only2 = ru_gold_table({"2": SET2})
    assert set(only2["set"]) == {"2"} and len(only2) == 3
    none = ru_gold_table({})
    assert none.empty and list(none.columns) == list(TABLE_COLUMNS)


def test_table_rejects_an_unknown_set_by_name() -> None:
    with pytest.raises(ValueError, match="unknown set.*5"):
        ru_gold_table({"5": SET2})


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
    report.ru_gold = ru_gold_table({"1": SET1, "2": SET2, "4": SET4})
    text = report.to_markdown()
    assert "## Russian gold sets" in text and "no Russian set is held out" in text
    assert "| hedge | 4 | dev | 3 | 1 |" in text and "| test |" not in text
    assert "| hedge | 2 | dev | 3 | 1 |" in text


def test_an_empty_set_scores_zero_not_a_crash() -> None:
    table = ru_gold_table({"4": SET4.iloc[0:0]})
    assert (table["split"] == "dev").all()
    assert (table["n"] == 0).all() and (table["f1"] == 0.0).all()


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


def test_all_four_sets_are_dev_in_order_for_every_target() -> None:
    table = ru_gold_table({"3": SET3, "1": SET1, "4": SET4, "2": SET2})
    # set 4's frozen rows say test, but it is retired to dev: no test row is printed
    assert table[["set", "split"]].drop_duplicates().values.tolist() == [
        ["1", "dev"], ["2", "dev"], ["3", "dev"], ["4", "dev"]]
    for target in ("hostility+loaded", "hedge", "booster"):
        assert table[table["target"] == target]["set"].tolist() == ["1", "2", "3", "4"]
    four = table[table["set"] == "4"].set_index("target")
    # the loaded sentence has no loaded word: a miss, not a match
    assert list(four.loc["hostility+loaded", ["n", "positives", "tp", "fn"]]) == [3, 1, 0, 1]
    three = table[table["set"] == "3"].set_index("target")
    assert list(three.loc["hostility+loaded", ["n", "positives", "tp", "fp", "fn"]]) == [
        3, 2, 1, 0, 1]
    assert list(three.loc["booster", ["positives", "fp"]]) == [0, 1]


def _four_set_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    texts = {"1": "Возможно, дождь пойдёт завтра.", "2": "Возможно, снег пойдёт в среду.",
             "3": "Возможно, град пойдёт в пятницу.", "4": "Возможно, ветер стихнет к ночи."}
    folder = tmp_path / "data" / ru_gold.SOURCE_FOLDER
    folder.mkdir(parents=True)
    (folder / ru_gold.SOURCE_FILE).write_text(
        "".join(f"{name}\t1\t{text}\n" for name, text in texts.items()), encoding="utf-8")
    splits = {"1": split_of("1"), "2": "test", "3": "dev", "4": "test"}
    paths = {name: _fixture_set(tmp_path, name, name, text, splits[name])
             for name, text in texts.items()}
    monkeypatch.setattr(ru_gold, "default_labels_path", lambda name: paths[name])
    return tmp_path / "data"


def test_dev_table_loads_all_four_dev_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import ru_gold_eval

    data = _four_set_fixture(tmp_path, monkeypatch)
    loaded: list[str] = []
    real_load = ru_gold.load_ru_gold

    def spy(data_dir: Path | None = None, labels_path: Path | None = None,
            gold_set: str = "1") -> pd.DataFrame:
        loaded.append(gold_set)
        return real_load(data_dir, labels_path, gold_set)

    monkeypatch.setattr(ru_gold, "load_ru_gold", spy)
    table = ru_gold_eval.ru_gold_dev_table(data)
    assert sorted(loaded) == ["1", "2", "3", "4"]
    assert set(table["set"]) == {"1", "2", "3", "4"} and (table["split"] == "dev").all()
    assert table.equals(ru_gold_eval.evaluate_ru_gold_sets(data))
    assert table[(table["set"] == "2") & (table["target"] == "hedge")]["tp"].tolist() == [1]


def test_all_sets_table_and_main_report_set4_as_dev_and_no_test_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from analysis.validation import ru_gold_eval

    data = _four_set_fixture(tmp_path, monkeypatch)
    table = ru_gold_eval.evaluate_ru_gold_sets(data)
    assert table[["set", "split"]].drop_duplicates().values.tolist() == [
        ["1", "dev"], ["2", "dev"], ["3", "dev"], ["4", "dev"]]
    assert ru_gold_eval.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "| hedge | 4 | dev | 1 | 1 | 1 | 0 | 0 |" in out and "| test |" not in out
    assert ru_gold_eval.main(["--data", str(data), "--dev-only"]) == 0
    assert capsys.readouterr().out == out
    assert ru_gold_eval.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "source missing" in capsys.readouterr().err
