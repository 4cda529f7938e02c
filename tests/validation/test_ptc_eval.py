"""PTC evaluation with a fake scorer on a two-article corpus; answers computed by hand.

Dev article '1' lines (0, 2, 3, 4, 5): loaded+hostility matched weight 0, 1, 0, 1, 3;
gold LL|NC: F, T, T, F, T.  Test article '14' lines (0, 2, 3, 4): weight 0, 1, 0, 0; gold: F, T, T, F.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.validation.error_analysis import worst_errors
from analysis.validation.ptc_eval import (
    default_tasks,
    evaluate_ptc,
    select_matches,
    sentence_metrics,
    span_metrics,
)

LH = "loaded+hostility: matched weight"


@pytest.fixture
def results(tiny_ptc, fake_scorer, fake_matcher):
    return evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer, matcher=fake_matcher)


def test_lines_get_scores_and_matches(results):
    lines = results.lines
    assert lines.split.tolist() == ["dev"] * 5 + ["test"] * 4
    assert lines[LH].tolist() == [0, 1, 0, 1, 3, 0, 1, 0, 0]
    assert lines["threat: matched weight"].tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert lines.label_loaded_hostility.tolist() == [False, True, True, False, True,
                                                     False, True, True, False]
    assert lines.label_threat.sum() == 1
    assert [m[2] for m in lines.matched_loaded_hostility[4]] == ["monstrous", "evil"]
    assert lines["words"].tolist()[:2] == [2, 3]
    for column in ["VADER neg", "loaded+hostility: loaded_score + hostility_score"]:
        assert lines[column].notna().all()


def test_sentence_metrics_hand_computed(results):
    sm = sentence_metrics(results).set_index(["task", "score", "split", "rule"])
    dev = sm.loc[("loaded+hostility", LH, "dev", "> 0")]
    assert (dev.tp, dev.fp, dev.fn, dev.tn) == (2, 1, 1, 1)
    assert dev.f1 == pytest.approx(2 / 3)
    test = sm.loc[("loaded+hostility", LH, "test", "> 0")]
    assert (test.precision, test.recall) == (1.0, 0.5)
    assert test.auc == pytest.approx(0.75)
    # best-F1 on dev: predict-all (t = -inf, F1 .75) beats t=0 (.667); applied to test
    best = sm.loc[("loaded+hostility", LH, "test", "best-F1 on dev")]
    assert best.threshold == -np.inf
    assert (best.tp, best.fp, best.precision, best.recall) == (2, 2, 0.5, 1.0)


def test_sentence_metrics_has_baselines_beside_every_method(results):
    sm = sentence_metrics(results)
    for task, group in sm.groupby("task"):
        assert {"VADER neg", "words"} <= set(group.score), task
        assert set(group.kind) == {"method", "baseline"}
        assert len(group) == group.score.nunique() * 2 * 2  # splits x rules


def test_task_without_test_positives_reports_nan_not_a_crash(results):
    sm = sentence_metrics(results).set_index(["task", "score", "split", "rule"])
    row = sm.loc[("threat", "threat: matched weight", "test", "> 0")]
    assert row.n_pos == 0 and math.isnan(row.auc) and math.isnan(row.recall)
    dev = sm.loc[("threat", "threat: matched weight", "dev", "> 0")]
    assert (dev.tp, dev.fp, dev.auc) == (1, 0, 1.0)


def test_span_metrics_hand_computed(results):
    sp = span_metrics(results).set_index(["task", "split"])
    dev = sp.loc[("loaded+hostility", "dev")]
    # preds: traitors (hit), kill (miss), monstrous + evil (hit); gold: 3, two hit
    assert (dev.n_pred, dev.n_pred_hit, dev.n_gold, dev.n_gold_hit) == (4, 3, 3, 2)
    assert dev.precision == 0.75 and dev.recall == pytest.approx(2 / 3)


def test_span_metrics_count_a_region_once(tiny_ptc, fake_scorer, fake_matcher):
    def doubled(df):
        m = fake_matcher(df)
        return pd.concat([m, m.assign(category="again")], ignore_index=True)

    res = evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer, matcher=doubled)
    dev = span_metrics(res).set_index(["task", "split"]).loc[("loaded+hostility", "dev")]
    assert (dev.n_pred, dev.n_pred_hit) == (4, 3)
    assert res.lines[LH].tolist()[4] == 6  # the weight, unlike the span count, doubles


def test_threat_categories_are_a_parameter(tiny_ptc, fake_scorer, fake_matcher):
    assert "threat" in default_tasks()[1].categories  # the fake lexicon's name
    tasks = default_tasks(threat_categories=("insult",))
    res = evaluate_ptc(ptc=tiny_ptc, tasks=tasks, scorer=fake_scorer, matcher=fake_matcher)
    assert res.lines["threat: matched weight"].tolist() == [0, 1, 0, 0, 2, 0, 1, 0, 0]


def test_select_matches_sides(fake_matcher):
    from dataclasses import replace

    m = fake_matcher(pd.DataFrame({"text": ["war and monstrous war"]}))
    task = default_tasks()[0]
    assert select_matches(m, task).term.tolist() == ["war", "monstrous", "war"]
    no_neutral = replace(task, exclude_sides=("neutral",))
    assert select_matches(m, no_neutral).term.tolist() == ["monstrous"]


def test_bad_scorer_output_is_named(tiny_ptc, fake_scorer, fake_matcher):
    with pytest.raises(ValueError, match="missing column"):
        evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer,
                     matcher=lambda df: fake_matcher(df).drop(columns="side"))
    with pytest.raises(ValueError, match="returned 1 rows"):
        evaluate_ptc(ptc=tiny_ptc, scorer=lambda df: fake_scorer(df).head(1), matcher=fake_matcher)


def test_worst_errors_show_reasons(results):
    err = worst_errors(results, k=2, split="dev")
    lh = err[err.score == LH]
    fp = lh[lh.error == "FP"]
    assert fp.text.tolist() == ["We will kill them all."]  # only one negative scores > 0
    assert "'kill' (kill, threat)" in fp.matched.iloc[0]
    fn = lh[lh.error == "FN"]
    assert fn["rank"].tolist() == [1, 2]
    assert fn.text.iloc[0] == "The weather is fine today."
    assert fn.gold.iloc[0] == "Loaded_Language: 'The weather is fine'"
    assert fn.value.tolist() == [0.0, 1.0]
    assert set(err.split) == {"dev"}
    assert not err.score.isin(["VADER neg", "words"]).any()
    assert worst_errors(results, k=2, baselines=True).score.isin(["VADER neg"]).any()
