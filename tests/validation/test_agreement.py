"""agreement(): P/R/F1 with intervals, Krippendorff's alpha, disagreements, bad sheets."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest

from analysis.validation.agreement import agreement
from analysis.validation.card import card_plot_data, plot_card
from analysis.validation.coding import CodingSheetError, read_coding_sheet, sample_for_coding


def _scored() -> pd.DataFrame:
    # 10 rows; package flags rows 0-3 for hedging
    return pd.DataFrame({"text": [f"Sentence {i}." for i in range(10)],
                         "hedging_count": [1, 2, 1, 1, 0, 0, 0, 0, 0, 0],
                         "loaded_count": [0] * 10}, index=[f"s{i}" for i in range(10)])


def _sheet(codes: list[str], coder: str = "A", scored: pd.DataFrame | None = None) -> pd.DataFrame:
    scored = _scored() if scored is None else scored
    return pd.DataFrame({"row_id": scored.index.astype(str), "statement": scored["text"].to_numpy(),
                         "coder": coder, "code_hedging": codes})


def test_precision_recall_f1_against_one_coder() -> None:
    # human: rows 0,1,4 yes -> tp 2 (0,1), fp 2 (2,3), fn 1 (4), tn 5
    card = agreement(_sheet(["1", "1", "0", "0", "1", "0", "0", "0", "0", "0"]), _scored(), n_boot=0)
    r = card.table.iloc[0]
    assert (r.tp, r.fp, r.fn, r.tn) == (2, 2, 1, 5)
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(4 / 7)
    assert np.isnan(r.alpha) and r.n_coders == 1
    assert sorted(card.disagreements["kind"]) == ["false negative", "false positive", "false positive"]
    assert set(card.disagreements["row_id"]) == {"s2", "s3", "s4"}


def test_intervals_are_deterministic_and_contain_the_estimate() -> None:
    codes = ["1", "1", "0", "1", "1", "0", "1", "0", "0", "0"]
    a = agreement(_sheet(codes), _scored(), n_boot=500, seed=3).table
    b = agreement(_sheet(codes), _scored(), n_boot=500, seed=3).table
    pd.testing.assert_frame_equal(a, b)
    r = a.iloc[0]
    for m in ("precision", "recall", "f1"):
        assert r[f"{m}_lo"] <= r[m] <= r[f"{m}_hi"]
        assert r[f"{m}_lo"] < r[f"{m}_hi"]


def test_alpha_matches_the_krippendorff_package_and_majority_decides() -> None:
    a = ["1", "1", "0", "0", "1", "0", "0", "0", "0", "0"]
    b = ["1", "0", "0", "0", "1", "0", "1", "0", "0", ""]
    c = ["1", "1", "1", "0", "0", "0", "0", "0", "0", "0"]
    card = agreement([_sheet(a, "A"), _sheet(b, "B"), _sheet(c, "C")], _scored(), n_boot=0)
    r = card.table.iloc[0]
    to_num = [[float(v) if v else np.nan for v in x] for x in (a, b, c)]
    expected = krippendorff.alpha(reliability_data=np.array(to_num), level_of_measurement="nominal")
    assert r.alpha == pytest.approx(expected)
    assert r.n_coders == 3 and r.n_alpha_units == 10
    # majority: s0 1, s1 1 (2:1), s2 0 (1:2), s4 1 (2:1), s6 0 -> tp 2, fp 2 (s2, s3), fn 1 (s4)
    assert (r.tp, r.fp, r.fn) == (2, 2, 1)
    kinds = dict(zip(card.disagreements["row_id"], card.disagreements["kind"]))
    assert kinds["s6"] == "coders disagree"
    assert card.disagreements.set_index("row_id").loc["s6", "codes"] == "A=0; B=1; C=0"


def test_a_tie_is_left_out_and_reported() -> None:
    a = ["1"] * 4 + ["0"] * 6
    b = ["0"] + ["1"] * 3 + ["0"] * 6
    card = agreement([_sheet(a, "A"), _sheet(b, "B")], _scored(), n_boot=0)
    assert card.table.iloc[0].n_coded == 9
    assert card.disagreements.set_index("row_id").loc["s0", "kind"] == "coders tie"
    assert any("tied" in n for n in card.notes)


def test_weights_estimate_the_table_not_the_sheet(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    n = 400
    flagged = rng.random(n) < 0.1
    scored = pd.DataFrame({"text": [f"Row {i}." for i in range(n)], "hedging_count": flagged.astype(int),
                           "loaded_count": 0})
    # truth: every flagged row is a hedge, and so is every 10th unflagged row
    truth = flagged | (np.arange(n) % 10 == 0)
    path = tmp_path / "s.csv"
    sample_for_coding(scored, n=80, seed=1, path=path, dimensions=["hedging"])
    sheet = read_coding_sheet(path)
    sheet["code_hedging"] = truth[sheet["row_id"].astype(int)].astype(int).astype(str)
    sheet["coder"] = "A"
    w = agreement(sheet, scored, n_boot=0).table.iloc[0]
    u = agreement(sheet, scored, n_boot=0, weighted=False).table.iloc[0]
    true_recall = (truth & flagged).sum() / truth.sum()
    assert w.precision == pytest.approx(1.0)
    assert abs(w.recall - true_recall) < abs(u.recall - true_recall)
    assert w.weighted and not u.weighted


def test_the_sheet_must_belong_to_the_scored_table() -> None:
    scored = _scored()
    stray = _sheet(["1"] * 10)
    stray.loc[3, "row_id"] = "s99"
    with pytest.raises(CodingSheetError, match=r"row 5, column 'row_id': row id 's99' is not in the scored"):
        agreement(stray, scored, n_boot=0)
    edited = _sheet(["1"] * 10)
    edited.loc[2, "statement"] = "Something else."
    with pytest.raises(CodingSheetError, match=r"row 4, column 'statement': the text differs"):
        agreement(edited, scored, n_boot=0)
    twice = pd.concat([_sheet(["1"] * 10), _sheet(["0"] * 10)], ignore_index=True)
    with pytest.raises(CodingSheetError, match="coded twice by coder 'A'"):
        agreement(twice, scored, n_boot=0)
    with pytest.raises(CodingSheetError, match="unknown code '2'"):
        agreement(_sheet(["2"] * 10), scored, n_boot=0)
    with pytest.raises(KeyError, match="certainty_count"):
        agreement(_sheet(["1"] * 10).assign(code_certainty="1"), scored, n_boot=0)


def test_whitespace_a_spreadsheet_changes_is_not_an_edit() -> None:
    sheet = _sheet(["1"] * 10)
    sheet["statement"] = sheet["statement"].str.replace(" ", "  ") + "\r\n"
    assert agreement(sheet, _scored(), n_boot=0).table.iloc[0].n_coded == 10


def test_uncoded_dimension_is_reported_not_invented() -> None:
    sheet = _sheet(["1"] * 10).assign(code_loaded="")
    card = agreement(sheet, _scored(), n_boot=0)
    loaded = card.table.set_index("dimension").loc["loaded"]
    assert loaded["status"] == "not coded" and loaded["n_coded"] == 0 and np.isnan(loaded["precision"])


def test_card_figure_plots_exactly_its_data(tmp_path: Path) -> None:
    sheet = _sheet(["1", "1", "0", "0", "1", "0", "0", "0", "0", "0"]).assign(code_loaded="")
    card = agreement(sheet, _scored(), n_boot=200)
    fig, data = plot_card(card.table, title="Card")
    pd.testing.assert_frame_equal(data, card_plot_data(card.table))
    assert data["dimension"].unique().tolist() == ["hedging"]
    assert data["metric"].tolist() == ["precision", "recall", "F1"]
    assert "not coded: loaded" in fig.get_suptitle()
    out = card.to_csv(tmp_path / "card.csv")
    assert pd.read_csv(out)["dimension"].tolist() == ["hedging", "loaded"]
    assert "| hedging | 10 | 1 |" in card.to_markdown()
