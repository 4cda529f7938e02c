"""Passages copied from other outlets."""

from __future__ import annotations

from analysis.statements.passages import find_passages, intro_outlet


def test_intro_patterns() -> None:
    assert intro_outlet("From The Kyiv Independent:") == "The Kyiv Independent"
    assert intro_outlet("The Kyiv Independent reports on it under the headline \"x\":") == "The Kyiv Independent"
    assert intro_outlet("Russia did not abide, according to a report at NPR from Moscow:") == "NPR"
    assert intro_outlet("Again, his words were bad faith:") == ""
    assert intro_outlet("No colon here.") is None


def test_passage_runs_until_next_colon_paragraph() -> None:
    text = "From Reuters:\nA.\nB.\nMy view:\nC."
    assert [(text[s:e], o) for s, e, o in find_passages(text)] == [("A.\nB.", "Reuters")]
