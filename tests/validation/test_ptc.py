"""PTC loader and line labelling on tiny fake corpora written to tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.ptc import load_ptc, ptc_sentences

ART_1 = "A title\n\nThey are traitors.\n\n   \nThe plan is\nmonstrous, said X.\n"
#  lines: 0 "A title" [0,7) ; 2 "They are traitors." [9,27) ; 4 "   " blank ;
#         5 "The plan is" [33,44) ; 6 "monstrous, said X." [45,63)
ART_2 = "Quiet title\n\nNothing here."


def write_ptc(root: Path, labels: str, articles: dict[str, str] | None = None) -> Path:
    folder = root / "ptc2020"
    (folder / "train-articles").mkdir(parents=True)
    for aid, text in (articles or {"1": ART_1, "2": ART_2}).items():
        (folder / "train-articles" / f"article{aid}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "train-task2-TC.labels").write_text(labels, encoding="utf-8")
    return root


LABELS = (
    "1\tName_Calling,Labeling\t18\t26\n"  # "traitors"
    "1\tLoaded_Language\t42\t54\n"  # "is\nmonstrous" crosses lines 5 and 6
    "1\tAppeal_to_fear-prejudice\t33\t44\n"  # "The plan is"
    "1\tDoubt\t0\t7\n"  # not in any default group
)


def test_load_ptc_reads_articles_and_spans(tmp_path):
    ptc = load_ptc(write_ptc(tmp_path, LABELS))
    assert sorted(ptc.articles.article_id) == ["1", "2"]
    assert len(ptc.spans) == 4
    row = ptc.spans.iloc[0]
    text = ptc.articles.set_index("article_id").text["1"]
    assert text[row.start : row.end] == "traitors"
    crossing = ptc.spans.iloc[1]
    assert text[crossing.start : crossing.end] == "is\nmonstrous"


def test_load_ptc_accepts_the_ptc_folder_itself(tmp_path):
    root = write_ptc(tmp_path, LABELS)
    assert len(load_ptc(root / "ptc2020").spans) == 4


def test_lines_labels_and_clipped_spans(tmp_path):
    df = ptc_sentences(load_ptc(write_ptc(tmp_path, LABELS)))
    one = df[df.article_id == "1"].set_index("line_no")
    assert list(one.index) == [0, 2, 5, 6]  # empty and blank lines dropped
    assert one.text[6] == "monstrous, said X."
    for r in df.itertuples():
        art = ART_1 if r.article_id == "1" else ART_2
        assert art[r.start : r.end] == r.text
    ln = one.label_loaded_or_name_calling
    assert ln.to_dict() == {0: False, 2: True, 5: True, 6: True}
    assert one.spans_loaded_or_name_calling[2] == [(9, 17, "Name_Calling,Labeling")]
    # crossing span clipped into both lines
    assert one.spans_loaded_or_name_calling[5] == [(9, 11, "Loaded_Language")]
    assert one.spans_loaded_or_name_calling[6] == [(0, 9, "Loaded_Language")]
    assert one.label_fear.to_dict() == {0: False, 2: False, 5: True, 6: False}
    assert not df[df.article_id == "2"].label_loaded_or_name_calling.any()
    assert df.attrs["unplaced_spans"] == 0


def test_custom_technique_groups(tmp_path):
    df = ptc_sentences(load_ptc(write_ptc(tmp_path, LABELS)), {"doubt": ["Doubt"]})
    assert [c for c in df.columns if c.startswith("label_")] == ["label_doubt"]
    assert df.set_index(["article_id", "line_no"]).label_doubt.sum() == 1


def test_split_column_is_per_article(tmp_path):
    df = ptc_sentences(load_ptc(write_ptc(tmp_path, LABELS)))
    assert df.groupby("article_id").split.nunique().eq(1).all()
    assert set(df.split) <= {"dev", "test"}


def test_missing_directory_names_the_path(tmp_path):
    with pytest.raises(ValidationDataError, match="does not exist"):
        load_ptc(tmp_path / "nowhere")
    with pytest.raises(ValidationDataError, match="train-articles"):
        load_ptc(tmp_path)


def test_missing_labels_file_names_it(tmp_path):
    root = write_ptc(tmp_path, LABELS)
    (root / "ptc2020" / "train-task2-TC.labels").unlink()
    with pytest.raises(ValidationDataError, match="train-task2-TC.labels"):
        load_ptc(root)


def test_missing_articles_folder_names_it(tmp_path):
    (tmp_path / "ptc2020").mkdir()
    (tmp_path / "ptc2020" / "train-task2-TC.labels").write_text("")
    with pytest.raises(ValidationDataError, match="articles folder missing"):
        load_ptc(tmp_path)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("1\tLoaded_Language\t3\n", r"labels:1: expected 4"),
        ("1\tLoaded_Language\tx\t4\n", r"labels:1: start/end not integers"),
        ("9\tLoaded_Language\t0\t4\n", r"labels:1: article 9 has no article9.txt"),
        ("1\tDoubt\t0\t7\n1\tLoaded_Language\t60\t99\n", r"labels:2: span \[60, 99\) outside"),
    ],
)
def test_bad_label_rows_name_file_and_line(tmp_path, labels, message):
    with pytest.raises(ValidationDataError, match=message):
        load_ptc(write_ptc(tmp_path, labels))


def test_env_variable_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_VALIDATION_DATA", str(write_ptc(tmp_path, LABELS)))
    assert len(load_ptc().articles) == 2
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA")
    with pytest.raises(ValidationDataError, match="ANALYSIS_VALIDATION_DATA"):
        load_ptc()


def test_real_ptc_lines_cover_every_span(validation_dir):
    ptc = load_ptc(validation_dir)
    df = ptc_sentences(ptc)
    assert len(ptc.articles) == 371
    assert len(ptc.spans) == 6129
    assert df.attrs["unplaced_spans"] == 0
    assert df.label_loaded_or_name_calling.any() and df.label_fear.any()
