"""ROC points and the ROC figure on the tiny two-article corpus with a fake scorer."""

from __future__ import annotations

import pytest

from analysis.validation.ptc_eval import evaluate_ptc, sentence_metrics
from analysis.validation.roc import ROC_COLUMNS, plot_roc, roc_table

LH = "loaded+hostility: matched weight"


@pytest.fixture
def results(tiny_ptc, fake_scorer, fake_matcher):
    return evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer, matcher=fake_matcher)


def test_roc_auc_agrees_with_sentence_metrics(results):
    table = roc_table(results, "loaded_hostility", split="dev")
    sm = sentence_metrics(results)
    for score, auc in table.groupby("score", sort=False)["auc"].first().items():
        want = sm[(sm.score == score) & (sm.split == "dev")]["auc"].iloc[0]
        assert auc == pytest.approx(want)
    ours = table[table.score == LH]
    # dev weights 0, 1, 0, 1, 3 with gold F, T, T, F, T: points at >=3, >=1, >=0
    assert ours.fpr.tolist() == [0.0, 0.0, 0.5, 1.0]
    assert ours.tpr.round(3).tolist() == [0.0, 0.333, 0.667, 1.0]
    assert set(ours.n) == {5} and set(ours.n_pos) == {3}


def test_roc_table_rejects_unknown_task_and_empty_split(results):
    with pytest.raises(KeyError, match="roc_table: task_key must be one of .*; got 'nope'"):
        roc_table(results, "nope")
    with pytest.raises(ValueError, match="no PTC lines in split 'train'"):
        roc_table(results, split="train")


def test_plot_roc_returns_exactly_the_plotted_points(results):
    table = roc_table(results, "loaded_hostility", split="test")
    fig, data = plot_roc(table, title="test", labels={LH: "ours"})
    assert list(data.columns) == list(ROC_COLUMNS)
    assert len(data) == len(table)
    ax = fig.axes[0]
    assert "n=4 lines, 2 positive" in ax.get_title()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.startswith("ours (AUC") for t in legend)
    with pytest.raises(KeyError, match="missing column"):
        plot_roc(table.drop(columns=["auc"]), title="x")
