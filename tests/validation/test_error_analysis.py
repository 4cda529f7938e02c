"""Error tables with a categorised reason, on the tiny corpus and on fixed lines."""

from __future__ import annotations

import pytest

from analysis.validation.error_analysis import REASONS, error_reason, error_table
from analysis.validation.ptc_eval import evaluate_ptc


@pytest.fixture
def results(tiny_ptc, fake_scorer, fake_matcher):
    return evaluate_ptc(ptc=tiny_ptc, scorer=fake_scorer, matcher=fake_matcher)


@pytest.mark.parametrize(
    ("error", "text", "matched", "gold", "value", "want"),
    [
        ("FP", "They are not traitors.", [(13, 21, "traitors", "insult")], [], 1.0, "negation"),
        ("FP", 'He called them "traitors" today.', [(16, 24, "traitors", "insult")], [], 1.0,
         "reported speech / quoting the other side"),
        ("FP", "The Church teaches that evil exists.", [(24, 28, "evil", "insult")], [], 1.0,
         "religious/historical use"),
        ("FP", "The regime fell.", [(4, 10, "regime", "label")], [], 0.5,
         "weak or descriptive term (weight <= 0.5)"),
        ("FP", "A monstrous plan.", [(2, 11, "monstrous", "")], [], 1.0,
         "label disagreement (emotive term not annotated)"),
        ("FN", "A mild lie.", [(7, 10, "lie", "")], [(2, 10, "Loaded_Language")], 0.5,
         "below threshold (weak match only)"),
        ("FN", 'Their "experts" spoke.', [], [(7, 14, "Name_Calling,Labeling")], 0.0,
         "sarcasm / scare quotes"),
        ("FN", "They threw us under the bus.", [], [(5, 27, "Loaded_Language")], 0.0,
         "figurative or multi-word phrasing"),
        ("FN", "A total farce.", [], [(8, 13, "Loaded_Language")], 0.0, "missing vocabulary"),
    ],
)
def test_error_reason_classes(error, text, matched, gold, value, want):
    got = error_reason(error, text, matched, gold, value, weak_terms={"regime"})
    assert got == want
    assert got in REASONS


def test_error_table_adds_reason_and_truncates(results):
    table = error_table(results, k=3, split="dev", max_chars=12)
    assert {"reason", "article_id", "line_no"} <= set(table.columns)
    assert set(table.task) == {"loaded+hostility"}
    assert table.reason.isin(REASONS).all()
    assert table.text.str.len().max() <= 12
    fn = table[(table.error == "FN") & (table.score == "loaded+hostility: matched weight")]
    # 'The weather is fine' (four words, no match), then 'They are traitors.' (weight 1)
    assert fn.reason.tolist()[:2] == ["figurative or multi-word phrasing",
                                      "below threshold (weak match only)"]
