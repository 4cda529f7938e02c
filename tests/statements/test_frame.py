"""Frame-level extraction: ``extract_statements(df, text_col=..., id_col=..., keep=[...])``."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

from analysis.statements import frame
from analysis.statements.extract import extract_statements
from analysis.statements.frame import FrameInputError, article_status

ARTICLES = pd.DataFrame({
    "doc": ["a1", "a2", "a3", "a4", "a5", "a6"],
    "outlet": ["TASS", "BBC", "RT", "Kyiv Independent", "CNN", "Reuters"],
    "published": pd.to_datetime(["2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04", "2022-03-05",
                                 "2022-03-06"]),
    "body": pd.Series(['"We are ready," Peskov said. Talks ended in Minsk.',
                       "   ",
                       None,
                       12,
                       "...",
                       'Kuleba said the talks were useful. "Nothing changed," he added.'], dtype=object),
})


def test_docstring_examples() -> None:
    result = doctest.testmod(frame, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_every_article_kept_in_order_with_its_metadata() -> None:
    out = extract_statements(ARTICLES, text_col="body", id_col="doc", keep=["outlet", "published"])
    assert out["doc"].drop_duplicates().tolist() == ARTICLES["doc"].tolist()
    assert out["article_row"].is_monotonic_increasing
    status = article_status(out, "doc").set_index("doc")["status"].to_dict()
    assert status == {"a1": "ok", "a2": "empty", "a3": "missing", "a4": "invalid", "a5": "no_statements",
                      "a6": "ok"}
    # metadata keeps its dtype and is copied onto every statement of its article
    assert out["published"].dtype == ARTICLES["published"].dtype
    a6 = out[out["doc"] == "a6"]
    assert set(a6["outlet"]) == {"Reuters"} and set(a6["published"]) == {pd.Timestamp("2022-03-06")}
    assert a6["statement_id"].tolist() == list(range(1, len(a6) + 1))
    # the statements are those of the single-text form, row for row
    single = extract_statements(ARTICLES.at[5, "body"])
    assert a6["text"].tolist() == single["text"].tolist() and a6["speaker"].tolist() == single["speaker"].tolist()


def test_articles_without_statements_keep_one_row_with_empty_fields() -> None:
    out = extract_statements(ARTICLES, text_col="body", id_col="doc")
    for doc in ("a2", "a3", "a4"):
        row = out[out["doc"] == doc]
        assert len(row) == 1
        assert row["kind"].iloc[0] == "" and row["text"].iloc[0] == "" and pd.isna(row["start"].iloc[0])
    assert article_status(out, "doc")["n_statements"].tolist() == [2, 0, 0, 0, 0, 4]  # narration counts


def test_an_article_on_which_the_extractor_raises_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(text: str | None, speakers: object = None) -> pd.DataFrame:
        if text is not None and "Kuleba" in text:
            raise RuntimeError("boom")
        return extract_statements(text, speakers)  # type: ignore[arg-type]

    out = frame.extract_frame(ARTICLES, faulty, text_col="body", id_col="doc")
    status = article_status(out, "doc").set_index("doc")["status"]
    assert status["a6"] == "error: RuntimeError" and status["a1"] == "ok"


def test_without_an_id_column_the_row_position_identifies_articles() -> None:
    out = extract_statements(ARTICLES[["body"]], text_col="body")
    assert sorted(out["article_row"].unique()) == list(range(len(ARTICLES)))


def test_empty_frame_gives_the_columns() -> None:
    out = extract_statements(ARTICLES.iloc[:0], text_col="body", id_col="doc", keep=["outlet"])
    assert len(out) == 0 and {"article_row", "doc", "outlet", "speaker", "status"} <= set(out.columns)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"text_col": "text"}, "text column 'text' not in the frame"),
    ({"text_col": "body", "id_col": "id"}, "id column 'id' not in the frame"),
    ({"text_col": "body", "keep": ["date"]}, "keep column 'date' not in the frame"),
    ({"text_col": "body", "keep": ["outlet", "outlet"]}, "repeat a column"),
])
def test_bad_columns_are_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(FrameInputError, match=message):
        extract_statements(ARTICLES, **kwargs)  # type: ignore[arg-type]


def test_a_metadata_column_clashing_with_a_statement_column_is_refused() -> None:
    df = ARTICLES.rename(columns={"outlet": "speaker"})
    with pytest.raises(FrameInputError, match="'speaker' clashes with an output column"):
        extract_statements(df, text_col="body", keep=["speaker"])


def test_missing_and_repeated_ids_are_named_with_their_rows() -> None:
    df = ARTICLES.copy()
    df.loc[2, "doc"] = None
    with pytest.raises(FrameInputError, match=r"no id at row\(s\) \[2\]"):
        extract_statements(df, text_col="body", id_col="doc")
    df.loc[2, "doc"] = "a1"
    with pytest.raises(FrameInputError, match=r"id 'a1' repeats at rows \[0, 2\]"):
        extract_statements(df, text_col="body", id_col="doc")


def test_frame_form_refuses_single_text_options() -> None:
    with pytest.raises(TypeError, match="apply to one text only"):
        extract_statements(ARTICLES, narrator="TASS", text_col="body")
