"""Word diffs between renderings."""

from __future__ import annotations

import pytest

from analysis.compare.diff import render_diff, word_diff


def test_word_diff_ops_cover_both_texts() -> None:
    a = "Everything that needs to be blown up will be blown up."
    b = "Everything that should explode will explode."
    ops = word_diff(a, b)
    assert [w for _, wa, _ in ops for w in wa] == ["Everything", "that", "needs", "to", "be", "blown", "up", "will", "be", "blown", "up", "."]
    assert [w for _, _, wb in ops for w in wb] == ["Everything", "that", "should", "explode", "will", "explode", "."]
    assert ops[0] == ("equal", ["Everything", "that"], ["Everything", "that"])
    assert {op for op, _, _ in ops} <= {"equal", "replace", "delete", "insert"}


def test_case_is_ignored_unless_asked() -> None:
    assert [op for op, _, _ in word_diff("Our Army", "our army")] == ["equal"]
    assert [op for op, _, _ in word_diff("Our Army", "our army", ignore_case=False)] == ["replace"]


def test_render_text_and_html() -> None:
    ops = word_diff("those who must be eliminated", "everybody who should be <exterminated>")
    assert render_diff(ops) == "[-those-]{+everybody+} who [-must-]{+should+} be [-eliminated-]{+<exterminated>+}"
    html = render_diff(ops, fmt="html")
    assert "<ins>&lt;exterminated&gt;</ins>" in html
    assert html.startswith("<del>those</del><ins>everybody</ins> who")
    assert render_diff(word_diff("a b", "a b c")) == "a b {+c+}"
    with pytest.raises(ValueError):
        render_diff(ops, fmt="md")  # type: ignore[arg-type]
