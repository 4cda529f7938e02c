"""Round-7 review: hostile input for the public scoring API (score_frame, score_text, explain).

The cases that already hold are normal tests; bugs in files this review does
not own (rules.py, morph.py) are strict xfails reported in
``/work/flags/review7_findings``, to be flipped by whoever fixes them.  No
test here times anything: the quadratic case is pinned by the length of the
slices it takes, which a linear implementation keeps bounded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import explain, score_frame, score_text
from analysis.scoring import rules
from analysis.scoring.lexicon import Lexicon, LexiconError
from analysis.scoring.normalize import normalize_for_match
from analysis.validate_args import ArgumentError


class _SliceRecorder(str):
    """A str that remembers the length of every slice taken of it."""

    longest = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def, override]
        piece = str.__getitem__(self, key)
        if isinstance(key, slice):
            _SliceRecorder.longest = max(_SliceRecorder.longest, len(piece))
        return piece


def test_scare_quote_test_takes_bounded_slices_of_a_long_text() -> None:
    norm, _ = normalize_for_match('The "liberators" came. ' * 20_000)  # 460,000 characters
    index = rules.MentionIndex.of(norm)
    s = norm.index("liberators", len(norm) // 2)  # a hit in the middle: long text either side
    _SliceRecorder.longest = 0
    rules._scare_quoted(_SliceRecorder(norm), s, s + len("liberators"), index)
    assert _SliceRecorder.longest < 10_000


@pytest.mark.parametrize("text", ["Киев\u0301ский режи\u0301м обстреливает", "Киев\u00adский режим обстреливает",
                                  "Ки\u200bевский режим обстреливает"])
def test_invisible_characters_inside_a_russian_word(text: str) -> None:
    s = score_text(text)
    assert (s.loaded_count, s.naming_count, s.n_tokens) == (1, 0, 3)


@pytest.mark.parametrize("text", ["They are idi\u00adots.", "They are idi\u200dots."])
def test_invisible_characters_inside_an_english_word(text: str) -> None:
    s = score_text(text)
    assert (s.hostility_count, s.n_tokens) == (1, 3)


def test_language_must_be_one_code_not_a_column() -> None:
    frame = pd.DataFrame({"text": ["They are idiots.", "Киевский режим."]})
    for bad in (pd.Series(["en", "ru"]), ["en", "ru"], np.array(["en", "ru"]), "EN", "de", 1):
        with pytest.raises(ArgumentError, match="language must be one of"):
            score_frame(frame, language=bad)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="language must be one of"):
        explain("x", language=["en"])  # type: ignore[arg-type]


@pytest.mark.parametrize("df", [["They are idiots."], pd.Series(["They are idiots."], name="text"), None])
def test_score_frame_wants_a_dataframe(df: object) -> None:
    with pytest.raises(TypeError, match="score_frame: df must be a pandas DataFrame"):
        score_frame(df)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", ["2", 1.5, True, [2]])
def test_jobs_must_be_a_positive_integer(jobs: object) -> None:
    with pytest.raises(ArgumentError, match="jobs must be an integer"):
        score_frame(pd.DataFrame({"text": ["x"]}), jobs=jobs)  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["yes", 1, None, np.bool_(True)])
def test_count_mentions_must_be_a_bool(flag: object) -> None:
    with pytest.raises(ArgumentError, match="count_mentions must be True or False"):
        score_frame(pd.DataFrame({"text": ["x"]}), count_mentions=flag)  # type: ignore[arg-type]


def test_non_text_values_name_the_row_and_neutral_values_keep_a_status() -> None:
    frame = pd.DataFrame({"text": pd.Series(["ok text", None, np.nan, pd.NA, "", "  \t", "...", "12345",
                                             "😀😀", b"bytes"], dtype=object)}).set_axis(list("abcdefghij"))
    with pytest.raises(TypeError, match=r"row 'j' holds bytes"):
        score_frame(frame)
    out = score_frame(frame.iloc[:-1])
    assert out["status"].tolist() == ["ok", "missing", "missing", "missing", "empty", "empty", "no_words",
                                      "ok", "no_words"]
    assert not np.isinf(out.filter(like="_rate").to_numpy()).any()


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]", "category"])
def test_column_types_and_awkward_indexes_score_alike(dtype: object) -> None:
    texts = ["They are idiots.", None, "Киевский режим обстреливает Донецк.", "Рашисти обстріляли Київ."]
    expected = score_frame(pd.DataFrame({"text": pd.Series(texts, dtype=object)}))
    index = pd.MultiIndex.from_tuples([(1, "a"), (1, "a"), (2.5, None), (2.5, "b")])
    out = score_frame(pd.DataFrame({"text": pd.Series(texts, dtype=dtype)}).set_axis(index))
    assert out.index.equals(index)
    pd.testing.assert_frame_equal(out.reset_index(drop=True), expected)
    per = score_frame(pd.DataFrame({"text": pd.Series(texts, dtype=dtype)}).set_axis(index), unit="sentence")
    assert per["row"].tolist() == index.tolist()


def test_homoglyphs_rtl_marks_nul_and_surrogates_do_not_crash() -> None:
    texts = ["Kиeв режим", "\u202eidiots\u202c", "idiots\x00idiots", "\ud800 idiots \udfff",
             "They are idiots. Они идиоты. Вони ідіоти."]
    out = score_frame(pd.DataFrame({"text": pd.Series(texts, dtype=object)}))
    assert out["status"].tolist() == ["ok"] * 5
    for text in texts:
        e = explain(text)
        assert all(text[m.start:m.end] == m.surface for m in e.matches)


def test_a_lexicon_header_naming_a_column_twice_is_an_error(tmp_path: Path) -> None:
    # was: csv.DictReader kept the second 'term' column and the first vanished without a word
    path = tmp_path / "mine.csv"
    path.write_text("term,category,weight,note,term\nfoo,label,1,n,bar\n")
    with pytest.raises(LexiconError, match=r"mine.csv: column 'term' appears 2 times"):
        Lexicon.from_csv(path, dimension="hostility")


def test_a_lexicon_with_only_a_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("term,category,weight,note\n")
    with pytest.raises(LexiconError, match="mine.csv: no entries, only a header"):
        Lexicon.from_csv(path, dimension="hostility")


@pytest.mark.parametrize(("body", "said"), [
    ("term,category,weight\nfoo,label,1\n", "missing column"), (",label,1,n\n", "row 1: empty term"),
    ("foo,label,abc,n\n", "row 1: weight 'abc' is not a number"), ("foo,label,nan,n\n", "row 1: weight must"),
    ("foo,label,1,n\nFOO ,label,1,n\n", "row 2: duplicate term 'foo'"),
    ("foo,Bad Cat,1,n\n", "row 1: category 'Bad Cat'"),
])
def test_bad_lexicon_rows_name_file_and_row(tmp_path: Path, body: str, said: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(body if body.startswith("term,") else "term,category,weight,note\n" + body)
    with pytest.raises(LexiconError, match=f"mine.csv.*{said}"):
        Lexicon.from_csv(path, dimension="hostility")


def test_regex_special_terms_match_literally(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("term,category,weight,note\nfoo(bar,label,1,n\na.b*,label,1,n\n")
    s = score_text("foo(bar and aXb and a.b", lexicons=Lexicon.from_csv(path, dimension="hostility"))
    assert [m.surface for m in s.matches if m.dimension == "hostility"] == ["foo(bar"]


@pytest.mark.parametrize("lexicons", [3, "mine.csv", {"a": 1}])
def test_lexicons_must_be_lexicon_objects(lexicons: object) -> None:
    with pytest.raises(TypeError, match="lexicons must be a Lexicon or a list of them"):
        score_text("x", lexicons=lexicons)  # type: ignore[arg-type]


def test_dask_refuses_unit_sentence_instead_of_a_length_mismatch() -> None:
    # was: ValueError 'Length mismatch: Expected axis has 6 elements, new values have 4' at compute time
    dd = pytest.importorskip("dask.dataframe")
    from analysis.scale.dask import score

    ddf = dd.from_pandas(pd.DataFrame({"text": ["One. Two. Three.", "Four."]}), npartitions=1)
    with pytest.raises(ArgumentError, match="unit='sentence' is not supported"):
        score(ddf, unit="sentence")
    with pytest.raises(ArgumentError, match="language must be one of"):
        score(ddf, language="de")
    out = score(ddf).compute(scheduler="sync")
    pd.testing.assert_frame_equal(out, score_frame(pd.DataFrame({"text": ["One. Two. Three.", "Four."]})),
                                  check_dtype=False)
