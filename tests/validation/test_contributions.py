"""Per-category contributions on the tiny corpus; numbers computed by hand.

Dev lines (article '1'): 'They are traitors.' {insult} gold T; 'The weather is fine
today.' {} T; 'We will kill them all.' {threat} F; 'A monstrous, evil lie.'
{'', insult} T; title {} F.  Full > 0 F1 = 2*2 / (2*2 + 1 + 1) = 0.667.
"""

from __future__ import annotations

import pytest

from analysis.validation.contributions import CONTRIBUTION_COLUMNS, category_contributions
from analysis.validation.ptc_eval import evaluate_ptc


@pytest.fixture
def results(tiny_ptc, fake_scorer, fake_matcher):
    return evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer, matcher=fake_matcher)


def test_category_contributions_hand_computed(results):
    c = category_contributions(results, "loaded_hostility", split="dev").set_index("category")
    assert list(c.reset_index().columns) == list(CONTRIBUTION_COLUMNS)
    assert c.index.tolist() == ["insult", "", "threat"]  # by lines flagged, then name
    assert c.loc["insult", "n_lines"] == 2 and c.loc["insult", "line_precision"] == 1.0
    assert c.loc["insult", "recall"] == pytest.approx(2 / 3)
    assert c.loc["insult", "only_this"] == 1
    assert c.loc["insult", "f1_without"] == pytest.approx(0.4)
    assert c.loc["threat", "line_precision"] == 0.0
    assert c.loc["threat", "span_precision"] == 0.0
    assert c.loc["threat", "f1_change_without"] == pytest.approx(0.8 - 2 / 3)
    assert c.loc["", "f1_change_without"] == pytest.approx(0.0)


def test_category_contributions_all_lines(results):
    c = category_contributions(results, "loaded_hostility", split=None).set_index("category")
    assert c.loc["insult", "n_lines"] == 3  # plus 'The traitors lied.' in the test article
