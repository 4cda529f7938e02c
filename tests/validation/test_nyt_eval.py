"""NYT correlation with a fake scorer."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.validation.nyt_eval import NYT_MEASURES, evaluate_nyt, nyt_correlations, score_nyt


@pytest.fixture
def tiny_nyt(tmp_path):
    p = tmp_path / "nyt.txt"
    p.write_text(
        "1_1\t2.0\tA lovely, wonderful day.\n"
        "1_2\t-2.5\tThe evil traitors will kill.\n"
        "1_3\t0.1\tThe council met on Tuesday.\n"
        "1_4\t-1.0\tThey are traitors.\n"
    )
    return p


def test_every_measure_is_reported_with_its_sign(tiny_nyt, fake_scorer):
    table = evaluate_nyt(tiny_nyt, scorer=fake_scorer).set_index("score")
    assert list(table.index) == [m[0] for m in NYT_MEASURES]
    assert (table.n == 4).all()
    # fake compound: -0.5 for the two hostile lines, 0.1 otherwise -> ranks agree with means
    assert table.loc["sentiment_compound", "pearson"] > 0.5
    assert table.loc["hostility_score", "spearman"] < 0
    assert table.loc["VADER compound (as shipped)", "kind"] == "baseline"


def test_correlations_hand_computed():
    df = pd.DataFrame({"mean": [1.0, 2.0, 3.0]} | {m[0]: [1.0, 3.0, 2.0] for m in NYT_MEASURES})
    out = nyt_correlations(df)
    assert out.pearson.tolist() == pytest.approx([0.5] * len(NYT_MEASURES))


def test_scores_keep_rows(tiny_nyt, fake_scorer):
    from analysis.validation.nyt import load_nyt

    scored = score_nyt(load_nyt(tiny_nyt), scorer=fake_scorer)
    assert scored.id.tolist() == ["1_1", "1_2", "1_3", "1_4"]
    assert scored["VADER compound (as shipped)"].iloc[0] > 0.5
