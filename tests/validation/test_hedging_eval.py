"""Hedging/booster agreement with a fake scorer; answers computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.validation.hedging_eval import evaluate_hedging, hedging_metrics


@pytest.fixture
def tiny_labels(tmp_path):
    rows = [
        ("h1", "It may rain.", 1, 0, "dev"),  # hedge caught
        ("h2", "Perhaps it will.", 1, 0, "dev"),  # hedge caught
        ("h3", "It seems likely.", 1, 0, "test"),  # hedge missed
        ("b1", "It will certainly rain.", 0, 1, "dev"),  # booster caught
        ("b2", "Clearly it rains.", 0, 1, "test"),  # booster missed
        ("n1", "The may pole stands.", 0, 0, "test"),  # hedge false positive
        ("n2", "It rains.", 0, 0, "dev"),
        ("u1", "12-3, may 4", 0, 0, "dev"),  # unusable: left out
    ]
    df = pd.DataFrame(rows, columns=["sentence_id", "sentence", "hedge", "booster", "split"])
    df["usable"] = [1] * 7 + [0]
    df.insert(1, "source", "test")
    df["label"], df["cues"] = "", ""
    p = tmp_path / "labels.csv"
    df.to_csv(p, index=False)
    return p


def test_hedging_hand_computed(tiny_labels, fake_scorer):
    t = evaluate_hedging(tiny_labels, scorer=fake_scorer).set_index(["target", "kind", "split"])
    hedge_all = t.loc[("hedge", "method", "all")]
    assert (hedge_all.tp, hedge_all.fp, hedge_all.fn, hedge_all.tn) == (2, 1, 1, 3)
    assert hedge_all.f1 == pytest.approx(4 / 6)
    hedge_dev = t.loc[("hedge", "method", "dev")]
    assert (hedge_dev.precision, hedge_dev.recall) == (1.0, 1.0)
    hedge_test = t.loc[("hedge", "method", "test")]
    assert (hedge_test.tp, hedge_test.fp, hedge_test.fn) == (0, 1, 1)
    booster = t.loc[("booster", "method", "all")]
    assert (booster.tp, booster.fn, booster.fp) == (1, 1, 0)
    base = t.loc[("hedge", "baseline", "all")]
    assert base.recall == 1.0 and base.precision == pytest.approx(3 / 7)
    assert base.n == 7 and base.n_pos == 3


def test_unusable_rows_are_counted(tiny_labels, fake_scorer):
    assert evaluate_hedging(tiny_labels, scorer=fake_scorer).attrs["excluded_unusable"] == 1


def test_no_positive_predictions_give_nan_precision():
    lab = pd.DataFrame({"hedge": [1, 0], "booster": [0, 0], "split": ["dev", "test"]})
    sc = pd.DataFrame({"hedging_count": [0, 0], "certainty_count": [0, 0]})
    row = hedging_metrics(lab, sc).set_index(["target", "kind", "split"]).loc[
        ("hedge", "method", "all")]
    assert math.isnan(row.precision) and row.recall == 0.0


def test_hedging_errors_lists_each_disagreement_with_a_reason(tiny_labels, fake_matcher):
    from analysis.validation.hedging_eval import hedging_errors

    err = hedging_errors(tiny_labels, split=None, matcher=fake_matcher)
    got = sorted(zip(err.sentence_id, err.target, err.error, strict=True))
    # fake lexicon: may/perhaps hedge, certainly boost; 'seems likely', 'Clearly' unknown
    assert got == [("b2", "booster", "FN"), ("h3", "hedge", "FN"), ("n1", "hedge", "FP")]
    assert err.set_index("sentence_id").loc["n1", "reason"] == "form matched, sense not epistemic"
    assert err.set_index("sentence_id").loc["h3", "reason"] == "missing vocabulary"
    assert "u1" not in set(err.sentence_id)  # unusable rows are left out
    assert set(hedging_errors(tiny_labels, split="dev", matcher=fake_matcher).sentence_id) == set()


def test_heldout2_is_reported_first_and_apart_from_set1(tiny_labels, fake_scorer, tmp_path):
    df = pd.read_csv(tiny_labels)
    extra = pd.DataFrame({"sentence_id": ["x1", "x2"], "source": "test",
                          "sentence": ["Perhaps so.", "Clearly so."], "usable": 1,
                          "hedge": [1, 0], "booster": [0, 1], "label": "", "cues": "",
                          "split": "heldout2"})
    p = tmp_path / "both.csv"
    pd.concat([df, extra]).to_csv(p, index=False)
    t = evaluate_hedging(p, scorer=fake_scorer)
    assert t.split.drop_duplicates().tolist() == ["heldout2", "dev", "test", "all"]
    rows = t.set_index(["target", "kind", "split"])
    # heldout2 is not part of set 1's "all"
    assert rows.loc[("hedge", "method", "all")].n == 7
    h2 = rows.loc[("hedge", "method", "heldout2")]
    assert (h2.tp, h2.fp, h2.fn, h2.n) == (1, 0, 0, 2)
    b2 = rows.loc[("booster", "method", "heldout2")]
    assert (b2.tp, b2.fn) == (0, 1)  # 'Clearly' is not in the fake lexicon
    assert rows.loc[("hedge", "method", "heldout2")].set == "heldout2"
    assert rows.loc[("hedge", "method", "test")].status.startswith("seen")


def test_default_evaluation_reads_both_repository_sets(fake_scorer):
    t = evaluate_hedging(scorer=fake_scorer)
    assert t.split.drop_duplicates().tolist() == ["heldout2", "dev", "test", "all"]
    n = t[t.kind == "method"].drop_duplicates("split").set_index("split").n
    assert n.to_dict() == {"heldout2": 218, "dev": 167, "test": 172, "all": 339}
    assert t.attrs["excluded_unusable"] == 3
