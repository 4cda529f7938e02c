"""The Russian gold set: committed ids are reproducible, the loader checks hashes,
and bad inputs fail with a message naming the file, row or sentence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.validation import ru_gold
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.split import split_of

SOURCE_DIR = paths.validation_data_dir()
needs_source = pytest.mark.skipif(
    SOURCE_DIR is None or not (SOURCE_DIR / ru_gold.SOURCE_FOLDER / ru_gold.SOURCE_FILE).is_file(),
    reason="ANALYSIS_VALIDATION_DATA with semeval2023_ru_unlabelled/ not given",
)


def _write_source(tmp_path: Path, lines: list[str]) -> Path:
    folder = tmp_path / ru_gold.SOURCE_FOLDER
    folder.mkdir(parents=True)
    (folder / ru_gold.SOURCE_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_committed_labels_are_well_formed() -> None:
    df = ru_gold.read_labels()
    assert len(df) >= 300
    assert df["sentence_id"].is_unique
    assert (df["split"] == df["article_id"].map(split_of)).all()
    assert df["fragment"].str.split().map(len).max() <= ru_gold.FRAGMENT_WORDS
    # dev/test by article: no article on both sides
    assert df.groupby("article_id")["split"].nunique().max() == 1
    assert df.groupby("article_id").size().max() <= ru_gold.PER_ARTICLE
    assert set(df.loc[df["loaded_hostile"] == 1, "voice"]) <= {"own", "quoted", "both"}
    assert (df.loc[df["loaded_hostile"] == 0, "voice"] == "").all()


@needs_source
def test_sampler_reproduces_committed_ids() -> None:
    source = ru_gold.default_source_path(SOURCE_DIR)
    fresh = ru_gold.ids_frame(ru_gold.sample_ru_gold(source)).astype(str)
    committed = ru_gold.read_labels().loc[:, list(ru_gold.ID_COLUMNS)].astype(str)
    pd.testing.assert_frame_equal(fresh, committed)


@needs_source
def test_loader_rederives_text_and_fragment() -> None:
    gold = ru_gold.load_ru_gold(SOURCE_DIR)
    assert (gold["text"].map(ru_gold.fragment) == gold["fragment"]).all()


def test_loader_rejects_changed_source(tmp_path: Path) -> None:
    text = "Киевский режим снова лжёт всем. Вторая фраза тут есть."
    sentences = ru_gold.split_sentences("9", "1", text)
    labels = ru_gold.ids_frame(sentences)
    for column, value in (("loaded_hostile", 1), ("voice", "own"), ("hedge", 0),
                          ("booster", 0), ("cues", ""), ("note", "")):
        labels[column] = value
    labels_path = tmp_path / "labels.csv"
    labels.to_csv(labels_path, index=False)
    ok = _write_source(tmp_path / "ok", [f"9\t1\t{text}"])
    assert list(ru_gold.load_ru_gold(ok, labels_path)["text"]) == [s.text for s in sentences]
    changed = _write_source(tmp_path / "changed", [f"9\t1\t{text.replace('лжёт', 'врёт')}"])
    with pytest.raises(ValidationDataError, match="9:1:0.*hash"):
        ru_gold.load_ru_gold(changed, labels_path)
    missing = _write_source(tmp_path / "missing", ["8\t1\tДругое."])
    with pytest.raises(ValidationDataError, match="not in the source"):
        ru_gold.load_ru_gold(missing, labels_path)


def test_bad_source_line_names_line(tmp_path: Path) -> None:
    root = _write_source(tmp_path, ["1\t1\tХорошо.", "2\tплохо"])
    with pytest.raises(ValidationDataError, match="line 2 has 2"):
        ru_gold.read_paragraphs(ru_gold.default_source_path(root))


def test_bad_flag_names_row(tmp_path: Path) -> None:
    df = pd.read_csv(ru_gold.default_labels_path(), dtype=str, keep_default_na=False).head(3)
    df.loc[1, "hedge"] = "yes"
    path = tmp_path / "labels.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match="'hedge'.*row 3"):
        ru_gold.read_labels(path)


def test_no_data_dir_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    with pytest.raises(ValidationDataError, match="ANALYSIS_VALIDATION_DATA"):
        ru_gold.default_source_path()


def test_sampling_caps_per_article(tmp_path: Path) -> None:
    lines = [f"1\t{p}\tПервая фраза номер {p} здесь." for p in range(1, 9)]
    lines.append("2\t1\tКороткая.")
    root = _write_source(tmp_path, lines)
    chosen = ru_gold.sample_ru_gold(ru_gold.default_source_path(root), per_article=3)
    assert [s.article_id for s in chosen] == ["1", "1", "1"]
    again = ru_gold.sample_ru_gold(ru_gold.default_source_path(root), per_article=3)
    assert chosen == again


def test_evaluate_counts_on_fixture() -> None:
    from analysis.validation.ru_gold_eval import evaluate_ru_gold

    gold = pd.DataFrame({
        "text": ["Киевский режим лжёт.", "Президент провёл встречу.", "Возможно, дождь.",
                 "Укронацисты отступили."],
        "loaded_hostile": [1, 1, 0, 0], "hedge": [0, 0, 1, 0], "booster": [0, 0, 0, 0],
        "split": ["dev", "dev", "dev", "test"],
    })
    dev = evaluate_ru_gold(gold, "dev").set_index("target")
    assert list(dev.loc["hostility+loaded", ["tp", "fp", "fn"]]) == [1, 0, 1]
    assert dev.loc["hostility+loaded", "f1"] == round(2 * 1.0 * 0.5 / 1.5, 3)
    assert dev.loc["booster", "f1"] == 0.0          # no positives, no predictions: 0, not a crash
    test = evaluate_ru_gold(gold, "test").set_index("target")
    assert test.loc["hostility+loaded", "fp"] == 1
    assert evaluate_ru_gold(gold, "all")["n"].iloc[0] == 4


@needs_source
def test_real_gold_evaluates() -> None:
    from analysis.validation.ru_gold_eval import evaluate_ru_gold

    table = evaluate_ru_gold(ru_gold.load_ru_gold(SOURCE_DIR), "dev")
    assert set(table["target"]) == {"hostility+loaded", "hedge", "booster"}
    assert (table["n"] == 240).all()


# --- set 2: the held-out draw (corpus/validation/ru_gold2/) ---------------------------------


def test_set2_labels_are_well_formed_and_disjoint_from_set1() -> None:
    two = ru_gold.read_labels(gold_set="2")
    one = ru_gold.read_labels()
    assert len(two) >= 300
    assert two["sentence_id"].is_unique
    assert (two["split"] == "test").all()
    assert not set(two["sentence_id"]) & set(one["sentence_id"])
    assert two.groupby("article_id").size().max() <= ru_gold.PER_ARTICLE2
    assert two["fragment"].str.split().map(len).max() <= ru_gold.FRAGMENT_WORDS
    assert (two.loc[two["loaded_hostile"] == 0, "voice"] == "").all()


@needs_source
def test_set2_sampler_reproduces_committed_ids() -> None:
    source = ru_gold.default_source_path(SOURCE_DIR)
    exclude = frozenset(ru_gold.read_labels()["sentence_id"])
    fresh = ru_gold.ids_frame(ru_gold.sample_ru_gold2(source, exclude), split="test").astype(str)
    committed = ru_gold.read_labels(gold_set="2").loc[:, list(ru_gold.ID_COLUMNS)].astype(str)
    pd.testing.assert_frame_equal(fresh, committed)


@needs_source
def test_set2_loader_rederives_text() -> None:
    gold = ru_gold.load_ru_gold(SOURCE_DIR, gold_set="2")
    assert (gold["text"].map(ru_gold.fragment) == gold["fragment"]).all()
    assert (gold["text"].str.split().map(len) >= ru_gold.MIN_WORDS).all()


def test_set2_sampler_excludes_set1_sentences(tmp_path: Path) -> None:
    lines = [f"1\t{p}\tПервая фраза номер {p} здесь." for p in range(1, 6)]
    lines.append("2\t1\tОдна фраза второй статьи тут.")
    source = ru_gold.default_source_path(_write_source(tmp_path, lines))
    first = ru_gold.sample_ru_gold(source, per_article=2)
    exclude = frozenset(s.sentence_id for s in first)
    second = ru_gold.sample_ru_gold2(source, exclude, per_article=2)
    assert {s.sentence_id for s in second}.isdisjoint(exclude)
    assert [s.article_id for s in second] == ["1", "1"]      # article 2 has nothing left
    assert second == ru_gold.sample_ru_gold2(source, exclude, per_article=2)


def test_set2_rejects_a_dev_row_and_unknown_set(tmp_path: Path) -> None:
    df = pd.read_csv(ru_gold.default_labels_path("2"), dtype=str, keep_default_na=False).head(3)
    df.loc[2, "split"] = "dev"
    path = tmp_path / "labels.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match="'split'.*'dev'.*row 4"):
        ru_gold.read_labels(path, gold_set="2")
    with pytest.raises(ValidationDataError, match="unknown gold_set '5'"):
        ru_gold.load_ru_gold(tmp_path, gold_set="5")


# --- set 3: the dev draw (corpus/validation/ru_gold3/) ---------------------------------------


def _ids_of_sets_1_and_2() -> frozenset[str]:
    return frozenset(ru_gold.read_labels()["sentence_id"]) | frozenset(
        ru_gold.read_labels(gold_set="2")["sentence_id"]
    )


def test_set3_labels_are_well_formed_dev_and_disjoint() -> None:
    three = ru_gold.read_labels(gold_set="3")
    assert len(three) >= 300
    assert three["sentence_id"].is_unique
    assert (three["split"] == "dev").all()
    assert not set(three["sentence_id"]) & _ids_of_sets_1_and_2()
    assert three.groupby("article_id").size().max() <= ru_gold.PER_ARTICLE3
    assert three["fragment"].str.split().map(len).max() <= ru_gold.FRAGMENT_WORDS
    assert (three.loc[three["loaded_hostile"] == 0, "voice"] == "").all()
    # a cue of each kind is written exactly when its flag is set
    for flag, prefix in (("loaded_hostile", "L:"), ("hedge", "H:"), ("booster", "B:")):
        assert (three["cues"].str.contains(prefix) == (three[flag] == 1)).all(), flag


@needs_source
def test_set3_sampler_reproduces_committed_ids() -> None:
    source = ru_gold.default_source_path(SOURCE_DIR)
    fresh = ru_gold.ids_frame(
        ru_gold.sample_ru_gold3(source, _ids_of_sets_1_and_2()), split="dev"
    ).astype(str)
    committed = ru_gold.read_labels(gold_set="3").loc[:, list(ru_gold.ID_COLUMNS)].astype(str)
    pd.testing.assert_frame_equal(fresh, committed)


@needs_source
def test_set3_loader_rederives_text() -> None:
    gold = ru_gold.load_ru_gold(SOURCE_DIR, gold_set="3")
    assert (gold["text"].map(ru_gold.fragment) == gold["fragment"]).all()
    assert (gold["text"].str.split().map(len) >= ru_gold.MIN_WORDS).all()


def test_set3_sampler_differs_from_set2_seed(tmp_path: Path) -> None:
    lines = [f"1\t{p}\tФраза номер {p} статьи один." for p in range(1, 30)]
    source = ru_gold.default_source_path(_write_source(tmp_path, lines))
    exclude = frozenset({"1:1:0"})
    three = ru_gold.sample_ru_gold3(source, exclude, per_article=5)
    assert "1:1:0" not in {s.sentence_id for s in three}
    assert three == ru_gold.sample_ru_gold3(source, exclude, per_article=5)
    assert three != ru_gold.sample_ru_gold2(source, exclude, per_article=5)


def test_set3_rejects_a_test_row(tmp_path: Path) -> None:
    df = pd.read_csv(ru_gold.default_labels_path("3"), dtype=str, keep_default_na=False).head(3)
    df.loc[1, "split"] = "test"
    path = tmp_path / "labels.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match="'split'.*'test'.*row 3"):
        ru_gold.read_labels(path, gold_set="3")


# --- set 4: the rest, held out from round 5 on (corpus/validation/ru_gold4/) -----------------


def _ids_of_sets_1_to_3() -> frozenset[str]:
    return _ids_of_sets_1_and_2() | frozenset(ru_gold.read_labels(gold_set="3")["sentence_id"])


def test_set4_labels_are_well_formed_test_and_disjoint() -> None:
    four = ru_gold.read_labels(gold_set="4")
    assert len(four) == 293
    assert four["sentence_id"].is_unique
    assert (four["split"] == "test").all()
    assert not set(four["sentence_id"]) & _ids_of_sets_1_to_3()
    assert four["fragment"].str.split().map(len).max() <= ru_gold.FRAGMENT_WORDS
    assert (four.loc[four["loaded_hostile"] == 0, "voice"] == "").all()
    for flag, prefix in (("loaded_hostile", "L:"), ("hedge", "H:"), ("booster", "B:")):
        assert (four["cues"].str.contains(prefix) == (four[flag] == 1)).all(), flag


@needs_source
def test_set4_is_every_sentence_left_by_sets_1_to_3() -> None:
    source = ru_gold.default_source_path(SOURCE_DIR)
    fresh = ru_gold.ids_frame(
        ru_gold.sample_ru_gold4(source, _ids_of_sets_1_to_3()), split="test"
    ).astype(str)
    committed = ru_gold.read_labels(gold_set="4").loc[:, list(ru_gold.ID_COLUMNS)].astype(str)
    pd.testing.assert_frame_equal(fresh, committed)
    everything = ru_gold.sample_ru_gold4(source, frozenset())
    assert len(everything) == len(_ids_of_sets_1_to_3()) + len(committed)


@needs_source
def test_set4_loader_rederives_text() -> None:
    gold = ru_gold.load_ru_gold(SOURCE_DIR, gold_set="4")
    assert (gold["text"].map(ru_gold.fragment) == gold["fragment"]).all()
    assert (gold["text"].str.split().map(len) >= ru_gold.MIN_WORDS).all()


def test_set4_sampler_takes_all_that_is_left_in_a_seeded_order(tmp_path: Path) -> None:
    lines = [f"{a}\t{p}\tФраза номер {p} статьи {a} тут." for a in (1, 2) for p in range(1, 21)]
    source = ru_gold.default_source_path(_write_source(tmp_path, lines))
    exclude = frozenset({"1:1:0", "2:5:0"})
    four = ru_gold.sample_ru_gold4(source, exclude)
    ids = [s.sentence_id for s in four]
    assert len(ids) == 38 and len(set(ids)) == 38 and not set(ids) & exclude
    assert four == ru_gold.sample_ru_gold4(source, exclude)
    assert ids != sorted(ids, key=lambda i: (int(i.split(":")[0]), int(i.split(":")[1])))
    assert ids != [s.sentence_id for s in ru_gold.sample_ru_gold4(source, exclude, seed=1)]


def test_set4_rejects_a_dev_row(tmp_path: Path) -> None:
    df = pd.read_csv(ru_gold.default_labels_path("4"), dtype=str, keep_default_na=False).head(3)
    df.loc[0, "split"] = "dev"
    path = tmp_path / "labels.csv"
    df.to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match="'split'.*'dev'.*row 2"):
        ru_gold.read_labels(path, gold_set="4")


def _labels_of(text: str, article: str = "9") -> pd.DataFrame:
    labels = ru_gold.ids_frame(ru_gold.split_sentences(article, "1", text))
    for column, value in (("loaded_hostile", 1), ("voice", "own"), ("hedge", 0),
                          ("booster", 0), ("cues", ""), ("note", "")):
        labels[column] = value
    return labels


def test_offsets_past_the_paragraph_end_are_named(tmp_path: Path) -> None:
    # review5: the slice of a last sentence with end past the paragraph was the same
    # text, so a wrong offset passed the hash check
    text = "Киевский режим снова лжёт всем. Вторая фраза тут есть."
    labels = _labels_of(text)
    labels.loc[1, "end"] = 999
    path = tmp_path / "labels.csv"
    labels.to_csv(path, index=False)
    root = _write_source(tmp_path / "src", [f"9\t1\t{text}"])
    with pytest.raises(ValidationDataError, match=r"sentence 9:1:1: offsets \d+:999 are not a span .*\(54 characters\)"):
        ru_gold.load_ru_gold(root, path)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"sentence_id,start\n1,2\n\xff\n", r"line 3 is not UTF-8 \(byte 0xff"),
])
def test_an_unreadable_labels_file_is_named(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "labels.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationDataError, match=f"labels.csv: {message}"):
        ru_gold.read_labels(path)


def test_a_repeated_sentence_or_a_bad_offset_names_the_rows(tmp_path: Path) -> None:
    labels = _labels_of("Киевский режим снова лжёт всем. Вторая фраза тут есть.")
    labels["split"] = "test"  # set 2 is all test
    path = tmp_path / "labels.csv"
    pd.concat([labels, labels.iloc[[0]]]).to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match=r"sentence '9:1:0' is in rows 2, 4"):
        ru_gold.read_labels(path, gold_set="2")
    labels = labels.astype(str)
    labels.loc[1, "start"] = "abc"  # was pandas' 'Unable to parse string' without file or row
    labels.to_csv(path, index=False)
    with pytest.raises(ValidationDataError, match=r"column 'start' has 'abc' in row 3"):
        ru_gold.read_labels(path, gold_set="2")


def test_a_source_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    root = _write_source(tmp_path, ["1\t1\tХорошо."])
    source = ru_gold.default_source_path(root)
    source.write_bytes(source.read_bytes() + b"2\t1\t\xff\n")
    with pytest.raises(ValidationDataError, match="line 2 is not UTF-8"):
        ru_gold.read_paragraphs(source)
