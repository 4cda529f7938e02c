"""Quote spans: marks, apostrophes, paragraphs."""

from __future__ import annotations

from analysis.statements.quotes import find_quotes
from analysis.statements.sentences import sentence_spans


def _inner(text: str) -> list[str]:
    return [q.inner(text) for q in find_quotes(text)]


def test_straight_curly_and_mixed_marks() -> None:
    assert _inner('He said "yes" and “no”.') == ["yes", "no"]
    assert _inner('declaring that "retribution is inevitable.”') == ["retribution is inevitable."]


def test_apostrophes_are_not_quotes() -> None:
    assert _inner("Russia’s army and Ukraine's don't move; the students’ union met.") == []


def test_single_quotes_top_level_and_nested() -> None:
    assert _inner("‘Everything that needs to be blown up…’: Russia rules out talks") == [
        "Everything that needs to be blown up…"]
    text = '''the headline "'Rare moment of honesty' — Graham"'''
    assert _inner(text) == ["'Rare moment of honesty' — Graham"]


def test_multi_paragraph_quote_is_one_group() -> None:
    text = '"First part,\n"second part," he said.\n"New quote."'
    quotes = find_quotes(text)
    assert [(q.closed, q.continued, q.group) for q in quotes] == [(False, False, 0), (True, True, 0), (True, False, 1)]


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    quotes = find_quotes('He said "we will win\nNext paragraph.')
    assert len(quotes) == 1 and quotes[0].end == len('He said "we will win')


def test_sentences_do_not_split_inside_quotes_or_after_abbreviations() -> None:
    text = 'U.S. Sen. Graham spoke. "It is over. Done," he said. Then he left.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "U.S. Sen. Graham spoke.", '"It is over. Done," he said.', "Then he left."]


def test_double_quote_inside_single_quote_is_nested_not_a_second_span() -> None:
    text = "'a\"\"‘"  # found by hypothesis: the two spans overlapped
    assert [(q.start, q.end) for q in find_quotes(text)] == [(0, 5)]
    text = "‘They called it “madness”,’ she said."
    assert [q.inner(text) for q in find_quotes(text)] == ["They called it “madness”,"]
