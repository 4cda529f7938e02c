"""The real validation on the real data with the real scorer (skipped when either is absent).

Quality targets are reported by ``python -m analysis validate``, never asserted
here: this test checks that the report is complete and every number in range.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.validation.evaluate import run_validation
from analysis.validation.scorers import default_frame_scorer, default_matcher

pytestmark = [pytest.mark.validation, pytest.mark.slow]


@pytest.fixture(scope="module")
def report(validation_dir):
    try:
        default_frame_scorer()
        default_matcher()
    except ImportError as err:
        pytest.skip(f"scorer not available (analysis.scoring score_frame/matches_frame): {err}")
    return run_validation(validation_dir)


def _in_unit(values) -> bool:
    v = np.asarray(values, dtype="float64")
    return bool(np.all((v >= 0) & (v <= 1)))


def test_ptc_sentence_table_complete_and_in_range(report):
    sm = report.ptc_sentence
    assert set(sm.split) == {"dev", "test"}
    assert set(sm.task) == {"loaded+hostility", "threat"}
    assert set(sm.rule) == {"> 0", "best-F1 on dev"}
    per_split = sm.groupby(["task", "score", "rule"]).n.sum()
    assert (per_split == per_split.iloc[0]).all()  # every score saw every line
    assert per_split.iloc[0] > 15_000
    assert (sm.n_pos > 0).all()
    assert _in_unit(sm.auc) and _in_unit(sm.recall) and _in_unit(sm.precision.dropna())
    assert (sm.tp + sm.fp + sm.fn + sm.tn == sm.n).all()


def test_ptc_span_table_in_range(report):
    sp = report.ptc_span
    assert len(sp) == 4 and (sp.n_gold > 0).all()
    assert _in_unit(sp.recall) and _in_unit(sp.precision.dropna())


def test_nyt_table_complete(report):
    nyt = report.nyt.set_index("score")
    assert (nyt.n == 5190).all()
    assert nyt.pearson.between(-1, 1).all() and nyt.spearman.between(-1, 1).all()
    assert 0.45 < nyt.loc["VADER compound (as shipped)", "pearson"] < 0.55


def test_hedging_table_complete(report):
    h = report.hedging
    assert set(h.target) == {"hedge", "booster"}
    assert set(h.split) == {"heldout2", "dev", "test", "all"}
    assert (h[h.split == "heldout2"].n >= 200).all()
    all_rows = h[h.split == "all"]
    assert (all_rows.n == all_rows.n.iloc[0]).all() and all_rows.n.iloc[0] >= 300
    assert _in_unit(h.recall) and _in_unit(h.f1)


def test_errors_and_markdown(report):
    assert set(report.errors.error) == {"FP", "FN"}
    md = report.to_markdown(n_errors=3)
    assert "## PTC-2020 lines, test" in md and "## Hedging" in md and "## VADER NYT" in md
