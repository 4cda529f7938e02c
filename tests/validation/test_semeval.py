"""SemEval-2023 translated loader, on hand-made files in its format (never the real data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.semeval import (
    load_semeval,
    resolve_semeval_dir,
    semeval_summary,
    unquote_field,
    war_articles,
)

# language -> official split -> (labels, translations)
FILES: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "train": (
            "10\t1\t\n"
            "10\t3\tLoaded_Language,Doubt\n"
            "10\t5\tName_Calling-Labeling\n"
            "10\t7\tDoubt\n"            # no translation line: counted, not dropped silently
            "11\t1\tAppeal_to_Fear-Prejudice\n",
            "10\t1\tKyiv under fire\n"
            "10\t3\t\"The so-called \"\"leaders\"\" lied again in Ukraine.\"\n"
            "10\t5\tThese traitors.\n"
            "11\t1\tGas prices rise in Paris.\n",
        ),
        "dev": (
            "20\t1\tLoaded_Language\n20\t2\t\n",
            "20\t1\tAn evil plan.\n20\t2\tThe weather in Ukraine is fine.\n",
        ),
    },
    "po": {
        "train": ("30\t1\t\n", "30\t1\tA quiet day.\n"),
        "dev": ("40\t1\tName_Calling-Labeling\n", "40\t1\tThe Kiev regime and Zelensky.\n"),
    },
}


def write_semeval(root: Path, files: dict[str, dict[str, tuple[str, str]]] = FILES) -> Path:
    base = root / "semeval2023_translated"
    for lang, parts in files.items():
        (base / lang).mkdir(parents=True, exist_ok=True)
        for split, (labels, texts) in parts.items():
            (base / lang / f"{split}-labels.txt").write_text(labels, encoding="utf-8")
            (base / lang / f"{split}-translated.txt").write_text(texts, encoding="utf-8")
    return root


def test_rows_splits_target_and_unquoting(tmp_path):
    df = load_semeval(write_semeval(tmp_path))
    assert len(df) == 8  # 9 labelled paragraphs, one without translation
    row = df[(df.article_id == "10") & (df.paragraph == 3)].iloc[0]
    assert row.text == 'The so-called "leaders" lied again in Ukraine.'
    assert row.techniques == ("Loaded_Language", "Doubt")
    assert bool(row.label) and row.split == "dev" and row.official_split == "train"
    by_key = df.set_index(["language", "article_id", "paragraph"])
    assert not by_key.label[("fr", "10", 1)]
    assert by_key.label[("fr", "10", 5)]  # name calling is part of the target
    assert not by_key.label[("fr", "11", 1)]  # fear alone is not
    assert set(df[df.official_split == "dev"].split) == {"test"}
    assert by_key.n_words[("fr", "10", 5)] == 2


def test_untranslated_paragraphs_are_counted_and_listed(tmp_path):
    df = load_semeval(write_semeval(tmp_path))
    assert df.attrs["missing_counts"] == {"fr/train": 1, "fr/dev": 0, "po/train": 0, "po/dev": 0}
    missing = df.attrs["missing_translation"]
    assert missing[["article_id", "paragraph", "labels_line"]].values.tolist() == [["10", 7, 4]]
    assert missing.techniques.iloc[0] == ("Doubt",)
    summary = semeval_summary(df).set_index(["subset", "split"])
    assert summary.untranslated[("all", "dev")] == 1
    assert summary.paragraphs[("all", "dev")] == 5


def test_war_rule_is_per_article_and_needs_two_hits(tmp_path):
    df = load_semeval(write_semeval(tmp_path))
    war = df.groupby(["language", "article_id"]).war.first().to_dict()
    # 10: "Kyiv" + "Ukraine" -> war; 11: none; 20: one hit; 40: "Kiev" + "Zelensky"
    assert war == {("fr", "10"): True, ("fr", "11"): False, ("fr", "20"): False,
                   ("po", "30"): False, ("po", "40"): True}
    assert not war_articles(df[df.article_id == "20"]).any()


def test_unquote_leaves_plain_and_half_quoted_fields():
    assert unquote_field('"A ""b"" c"') == 'A "b" c'
    assert unquote_field('"Not" closed "properly"') == '"Not" closed "properly"'
    assert unquote_field('"') == '"'


@pytest.mark.parametrize(("labels", "texts", "message"), [
    ("10\t1\n", "10\t1\tx\n", r"train-labels.txt:1: expected 3 tab-separated fields, got 2"),
    ("10\tone\t\n", "10\t1\tx\n", r"train-labels.txt:1: .*not a key"),
    ("10\t1\t\n10\t1\tDoubt\n", "10\t1\tx\n", r"train-labels.txt:2: article 10 paragraph 1 repeats line 1"),
    ("10\t1\t\n", "10\t1\tx\n10\t2\ty\n", r"train-translated.txt:2: article 10 paragraph 2 has no label line"),
    ("10\t1\tLoaded Language!\n", "10\t1\tx\n", r"train-labels.txt:1: technique name"),
])
def test_bad_lines_name_file_and_line(tmp_path, labels, texts, message):
    files = {"fr": {"train": (labels, texts), "dev": ("", "")}}
    with pytest.raises(ValidationDataError, match=message):
        load_semeval(write_semeval(tmp_path, files))


def test_missing_file_and_folder(tmp_path):
    files = {"fr": {"train": ("10\t1\t\n", "10\t1\tx\n")}}
    with pytest.raises(ValidationDataError, match=r"dev-labels.txt"):
        load_semeval(write_semeval(tmp_path, files))
    with pytest.raises(ValidationDataError, match="neither"):
        resolve_semeval_dir(tmp_path / "semeval2023_translated" / "fr")


def test_accepts_the_folder_itself(tmp_path):
    root = write_semeval(tmp_path)
    assert len(load_semeval(root / "semeval2023_translated")) == 8


def test_not_utf8_names_the_file(tmp_path):
    root = write_semeval(tmp_path)
    (root / "semeval2023_translated" / "po" / "dev-translated.txt").write_bytes(b"40\t1\t\xff\xfe\n")
    with pytest.raises(ValidationDataError, match=r"po/dev-translated.txt: not UTF-8"):
        load_semeval(root)
