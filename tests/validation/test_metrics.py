"""Metrics against answers computed by hand on tiny fixtures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.validation import metrics as m

# y:      1    1    0    0    1    0
# s:     0.9  0.4  0.4  0.1  0.0  0.7
Y = [1, 1, 0, 0, 1, 0]
S = [0.9, 0.4, 0.4, 0.1, 0.0, 0.7]


def test_confusion_matrix_layout():
    cm = m.confusion_matrix([1, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 0])
    # tn: idx 3,5 ; fp: idx 2 ; fn: idx 1 ; tp: idx 0,4
    assert cm.tolist() == [[2, 1], [1, 2]]


def test_prf_hand_computed():
    r = m.precision_recall_f1([1, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 0])
    assert (r.tp, r.fp, r.fn, r.tn) == (2, 1, 1, 2)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(2 / 3)


def test_prf_undefined_is_nan_not_zero():
    r = m.precision_recall_f1([0, 0], [0, 0])
    assert math.isnan(r.precision) and math.isnan(r.recall) and math.isnan(r.f1)
    r = m.precision_recall_f1([1, 0], [0, 0])
    assert math.isnan(r.precision) and r.recall == 0.0 and r.f1 == 0.0


def test_prf_at_threshold_is_strict():
    # > 0.4 -> predictions at 0.9 and 0.7: tp=1 (0.9), fp=1 (0.7)
    r = m.prf_at_threshold(Y, S, 0.4)
    assert (r.tp, r.fp, r.fn, r.tn) == (1, 1, 2, 2)
    assert r.precision == 0.5 and r.recall == pytest.approx(1 / 3)
    assert r.f1 == pytest.approx(2 * 1 / (2 * 1 + 1 + 2))


def test_roc_auc_with_ties_hand_computed():
    # Pairs (pos, neg): pos {0.9, 0.4, 0.0}, neg {0.4, 0.1, 0.7}.
    # 0.9 beats all 3 -> 3; 0.4 beats 0.1, ties 0.4 (0.5), loses to 0.7 -> 1.5;
    # 0.0 beats none -> 0.  AUC = 4.5 / 9 = 0.5
    assert m.roc_auc(Y, S) == pytest.approx(0.5)
    # A second fixture: pos {3, 2}, neg {2, 1}: 3 beats both (2), 2 ties 2 and beats 1 (1.5)
    assert m.roc_auc([1, 1, 0, 0], [3, 2, 2, 1]) == pytest.approx(3.5 / 4)


def test_roc_auc_degenerate_cases():
    assert math.isnan(m.roc_auc([1, 1], [0.2, 0.3]))
    assert m.roc_auc([0, 1], [0.0, 1.0]) == 1.0
    assert m.roc_auc([1, 0], [0.0, 1.0]) == 0.0
    with pytest.raises(ValueError, match="NaN"):
        m.roc_auc([0, 1], [0.0, float("nan")])
    with pytest.raises(ValueError, match="shape"):
        m.roc_auc([0, 1], [0.0])


def test_roc_curve_points_and_area_match_auc():
    fpr, tpr, thr = m.roc_curve([1, 1, 0, 0], [3, 2, 2, 1])
    assert thr.tolist() == [np.inf, 3, 2, 1]
    assert fpr.tolist() == [0.0, 0.0, 0.5, 1.0]
    assert tpr.tolist() == [0.0, 0.5, 1.0, 1.0]
    fpr, tpr, _ = m.roc_curve(Y, S)
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    assert area == pytest.approx(m.roc_auc(Y, S))


def test_best_f1_threshold_hand_computed():
    # candidates (rule score > t): -inf -> all 6 positive: tp3 fp3 -> 6/9
    # 0.0 -> tp2 fp3 fn1 -> 4/8 ; 0.1 -> tp2 fp2 fn1 -> 4/7 ; 0.4 -> tp1 fp1 fn2 -> 2/5
    # 0.7 -> tp1 fp0 fn2 -> 2/4 ; 0.9 -> 0
    thr, f1 = m.f1_by_threshold(Y, S)
    assert thr.tolist() == [-np.inf, 0.0, 0.1, 0.4, 0.7, 0.9]
    assert f1.tolist() == pytest.approx([6 / 9, 4 / 8, 4 / 7, 2 / 5, 2 / 4, 0.0])
    assert m.best_f1_threshold(Y, S) == (-np.inf, pytest.approx(6 / 9))


def test_best_f1_threshold_ties_go_to_largest_threshold():
    # y=[1,0], s=[1,0]: -inf -> tp1 fp1 -> 2/3 ; 0 -> tp1 fp0 -> 1 ; 1 -> 0
    assert m.best_f1_threshold([1, 0], [1.0, 0.0]) == (0.0, 1.0)
    # y=[1,1], s=[0,0]: -inf -> 1.0 ; 0 -> 0.0
    assert m.best_f1_threshold([1, 1], [0.0, 0.0]) == (-np.inf, 1.0)
    # y=[1,0,1], s=[1,2,3]: -inf: tp2 fp1 -> .8 ; 1: tp1 fp1 fn1 -> .5 ; 2: tp1 fn1 -> 2/3
    assert m.best_f1_threshold([1, 0, 1], [1, 2, 3])[0] == -np.inf
    # a tie: y=[1,0,0,1], s=[1,2,2,3]: -inf: 2*2/(4+2)=2/3 ; 1: tp1 fp2 fn1 -> 2/5 ;
    # 2: tp1 fn1 -> 2/3 (tie with -inf) -> the larger threshold 2 wins
    assert m.best_f1_threshold([1, 0, 0, 1], [1, 2, 2, 3]) == (2.0, pytest.approx(2 / 3))


def test_best_f1_threshold_no_positives():
    thr, f1 = m.best_f1_threshold([0, 0], [0.1, 0.2])
    assert math.isnan(thr) and math.isnan(f1)


def test_span_overlap_pr_hand_computed():
    pred = [[(0, 3), (10, 12)], [], [(5, 6)]]
    gold = [[(2, 5), (20, 25)], [(1, 4)], [(6, 9)]]
    # unit 0: (0,3) hits (2,5); (10,12) misses. gold (2,5) hit, (20,25) not.
    # unit 1: gold (1,4) not hit. unit 2: (5,6) and (6,9) only touch -> no overlap.
    r = m.span_overlap_pr(pred, gold)
    assert (r.n_pred, r.n_gold, r.n_pred_hit, r.n_gold_hit) == (3, 4, 1, 1)
    assert r.precision == pytest.approx(1 / 3) and r.recall == pytest.approx(1 / 4)


def test_span_overlap_ignores_extra_fields_and_checks_units():
    r = m.span_overlap_pr([[(0, 2, "x")]], [[(1, 3, "Loaded_Language")]])
    assert r.precision == 1.0 and r.recall == 1.0
    with pytest.raises(ValueError, match="number of units"):
        m.span_overlap_pr([[]], [])
    empty = m.span_overlap_pr([[]], [[]])
    assert math.isnan(empty.precision) and math.isnan(empty.recall)


def test_correlations_hand_computed():
    # x = 1,2,3 ; y = 1,3,2 -> Pearson: cov = (-1*-1 + 0*1 + 1*0)/.. = 1/2 over sd 1*1 -> 0.5
    assert m.pearson([1, 2, 3], [1, 3, 2]).r == pytest.approx(0.5)
    # Spearman on ranks (same here) = 0.5; monotone non-linear -> 1
    assert m.spearman([1, 2, 3], [1, 3, 2]).r == pytest.approx(0.5)
    assert m.spearman([1, 2, 3, 4], [1, 8, 27, 64]).r == pytest.approx(1.0)
    assert m.pearson([1, 2, 3, 4], [1, 8, 27, 64]).r < 1.0


def test_correlation_drops_nan_pairs_and_reports_n():
    c = m.pearson([1, 2, float("nan"), 3], [1, 3, 5, 2])
    assert c.n == 3 and c.r == pytest.approx(0.5)
    const = m.pearson([1, 1, 1], [1, 2, 3])
    assert math.isnan(const.r) and const.n == 3
