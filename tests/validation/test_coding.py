"""Coding sheets: reproducible draws, stratification, instructions, and reading back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.validation.coding import (
    CodingSheetError,
    allocate,
    read_coding_sheet,
    sample_for_coding,
)


def _scored(n: int = 60) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "article_id": [f"a{i // 6}" for i in range(n)],
        "outlet": ["TASS" if i % 3 else "BBC" for i in range(n)],
        "text": [f"Statement number {i} about the talks." for i in range(n)],
        "start": [0] * n, "end": [1] * n,
        "hostility_count": (rng.random(n) < 0.15).astype(int),
        "hedging_count": (rng.random(n) < 0.1).astype(int),
        "certainty_count": 0, "loaded_count": 0,
        "status": ["ok"] * (n - 2) + ["empty", "missing"],
    }, index=pd.RangeIndex(100, 100 + n))


def test_same_seed_same_bytes_and_another_seed_another_sheet(tmp_path: Path) -> None:
    scored = _scored()
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    sample_for_coding(scored, n=12, seed=7, path=a)
    sample_for_coding(scored, n=12, seed=7, path=b)
    sample_for_coding(scored, n=12, seed=8, path=c)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert a.read_bytes().startswith("\ufeff".encode())  # spreadsheets then read it as UTF-8


def test_flagged_strata_get_equal_shares_and_weights_undo_the_oversampling() -> None:
    scored = _scored()
    sheet = sample_for_coding(scored, n=10, seed=1)
    flagged = ((scored[["hostility_count", "hedging_count"]] > 0).any(axis=1)) & (scored["status"] == "ok")
    counts = sheet.table["stratum"].value_counts().to_dict()
    assert counts == {"flagged": 5, "not flagged": 5}
    w = sheet.table.groupby("stratum")["weight"].first()
    assert w["flagged"] == pytest.approx(flagged.sum() / 5)
    assert w["not flagged"] == pytest.approx((~flagged & (scored["status"] == "ok")).sum() / 5)
    # flagged rows really are flagged
    ids = sheet.table.loc[sheet.table["stratum"] == "flagged", "row_id"].astype(int)
    assert flagged.loc[ids].all()


def test_stratify_by_column_and_non_ok_rows_are_left_out_and_said_so() -> None:
    scored = _scored()
    sheet = sample_for_coding(scored, n=58, stratify="outlet", seed=2)
    assert len(sheet.table) == 58  # every ok row, none of the two non-ok rows
    assert not set(sheet.table["row_id"]) & {"158", "159"}
    assert "left out (status not ok): empty: 1, missing: 1" in sheet.instructions[-1]
    assert set(sheet.table["stratum"]) == {"BBC", "TASS"}


def test_allocation_never_exceeds_a_stratum_and_uses_every_row_asked_for() -> None:
    assert allocate({"a": 2, "b": 50, "c": 50}, 30) == {"a": 2, "b": 14, "c": 14}
    assert sum(allocate({"a": 2, "b": 50, "c": 50}, 31).values()) == 31
    assert allocate({"a": 3}, 10) == {"a": 3}
    with pytest.raises(ValueError, match="allocation"):
        allocate({"a": 3}, 1, "neyman")


def test_context_marks_the_statement_in_its_article() -> None:
    scored = pd.DataFrame({"article_id": ["x"], "text": ["the talks failed"], "start": [5], "end": [21],
                           "hostility_count": [0]})
    sheet = sample_for_coding(scored, n=1, stratify=None, dimensions=["hostility"],
                              texts={"x": "Yes, the talks failed. Then more."})
    assert sheet.table["context"].iloc[0] == "Yes, ⟦the talks failed⟧. Then more."


def test_neighbours_are_the_context_without_article_texts() -> None:
    scored = pd.DataFrame({"article_id": ["x", "x", "x"], "text": ["One.", "Two.", "Three."],
                           "hedging_count": [0, 0, 0]})
    sheet = sample_for_coding(scored, n=3, stratify=None, dimensions=["hedging"], seed=0)
    ctx = dict(zip(sheet.table["statement"], sheet.table["context"]))
    assert ctx["Two."] == "One. ⟦Two.⟧ Three."


def test_instructions_are_rows_a_reader_skips_and_formulas_are_defused(tmp_path: Path) -> None:
    scored = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "- a bullet point", "plain"],
                           "hedging_count": [0, 0, 0]})
    path = tmp_path / "s.csv"
    sample_for_coding(scored, n=3, stratify=None, dimensions=["hedging"], path=path)
    raw = path.read_text(encoding="utf-8-sig")
    first = raw.splitlines()[0]
    k = int(first.split(":")[1].split()[0])
    header = pd.read_csv(path, skiprows=k, dtype=str, encoding="utf-8-sig")
    assert list(header.columns)[:2] == ["coding_id", "row_id"]
    assert "'=HYPERLINK" in raw and "'- a bullet" in raw
    back = read_coding_sheet(path)
    assert sorted(back["statement"]) == sorted(scored["text"])


def _resave_like_a_spreadsheet(path: Path, fill: dict[str, str]) -> None:
    """Pad every row to the table width and use CRLF, as spreadsheet programs do."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    width = max(len(r) for r in rows)
    header_at = next(i for i, r in enumerate(rows) if not r[0].startswith("#"))
    header = rows[header_at]
    for r in rows[header_at + 1:]:
        for col, value in fill.items():
            r[header.index(col)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(r + [""] * (width - len(r)) for r in rows)
    buf.write(",,,\r\n")  # an empty row at the end
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_a_resaved_sheet_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    sample_for_coding(_scored(), n=6, seed=3, path=path)
    _resave_like_a_spreadsheet(path, {"code_hedging": "Yes", "code_hostility": "0", "coder": "AB"})
    back = read_coding_sheet(path)
    assert len(back) == 6
    assert back["code_hedging"].tolist() == [1] * 6
    assert back["code_certainty"].isna().all()  # empty = not coded, not 0
    assert back["sheet_row"].iloc[0] == 10  # 8 instruction rows, header on row 9


def test_unknown_code_names_the_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    sample_for_coding(_scored(), n=3, seed=3, path=path)
    _resave_like_a_spreadsheet(path, {"code_loaded": "maybe"})
    with pytest.raises(CodingSheetError, match=r"s\.csv, row 10, column 'code_loaded': unknown code 'maybe'"):
        read_coding_sheet(path)


def test_missing_columns_and_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(CodingSheetError, match=r"missing column\(s\) \['coder'\]"):
        read_coding_sheet(pd.DataFrame({"row_id": ["1"], "statement": ["x"], "code_loaded": ["1"]}))
    with pytest.raises(CodingSheetError, match="code_hedging"):
        read_coding_sheet(pd.DataFrame({"row_id": ["1"], "statement": ["x"], "coder": ["A"],
                                        "code_loaded": ["1"]}), dimensions=["hedging"])
    with pytest.raises(CodingSheetError, match="no such coding sheet"):
        read_coding_sheet(tmp_path / "none.csv")


def test_bad_tables_are_refused() -> None:
    scored = _scored()
    with pytest.raises(ValueError, match="unique"):
        sample_for_coding(pd.concat([scored, scored]), n=3)
    with pytest.raises(KeyError, match="outlet_bloc"):
        sample_for_coding(scored, n=3, stratify="outlet_bloc")
    with pytest.raises(ValueError, match="no row with status 'ok'"):
        sample_for_coding(scored.assign(status="empty"), n=3)


def test_instructions_describe_only_the_dimensions_on_the_sheet() -> None:
    scored = pd.DataFrame({"text": ["a b"], "hedging_count": [0], "threat_count": [0]})
    sheet = sample_for_coding(scored, n=1, stratify=None, dimensions=["hedging", "threat"])
    guide = next(line for line in sheet.instructions if line.startswith("Dimensions:"))
    assert "hedging = the speaker marks a claim as uncertain" in guide
    assert "threat = see your codebook" in guide
    assert "hostility" not in guide


def test_the_bundled_corpus_round_trip(tmp_path: Path) -> None:
    import analysis

    corpus = analysis.load_corpus()
    scored = corpus.statements.join(analysis.score_frame(corpus.statements))
    path = tmp_path / "sheet.csv"
    sheet = sample_for_coding(scored, n=30, seed=4, path=path, texts=corpus.texts)
    assert "no_words: 1" in sheet.instructions[-1]  # the lone ':' row is left out and said so
    for rec in sheet.table.itertuples():
        assert f"⟦{rec.statement}⟧" in rec.context
    back = read_coding_sheet(path)
    assert back["statement"].tolist() == sheet.table["statement"].tolist()
    assert back["row_id"].tolist() == sheet.table["row_id"].tolist()
