"""Round 6, third pass: a name confirmed only by its title ("Pope Francis", "Admiral Heinz"), with no
full name in the text, links its later bare uses, as a full name's surname does.

Every text is invented for the test.  A bare single word with no titled or full name before it stays
unconfirmed (a sentence-initial capital may be anything), and an attributive use ("a Heinz adviser")
is no mention.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"] == "partial"]["speaker"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Pope Francis ended his trip in Chile. Francis said such accusations are "all calumny."', "Francis"),
    ('Admiral Heinz visited the port. Later Heinz said the fleet was "ready for anything."', "Heinz"),
    ('Pope Francis spoke on Sunday. Francis has declared that the guidelines are "authentic teaching."',
     "Francis"),
])
def test_a_titled_name_links_its_later_bare_uses(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_no_link_without_a_titled_name_before() -> None:
    # a bare sentence-initial word with no titled or full name before it: abstain
    assert _speakers('Francis said such accusations are "all calumny."') == [""]


def test_an_attributive_use_is_no_mention_of_the_titled_name() -> None:
    text = 'Admiral Heinz visited the port. A Heinz adviser said the fleet was "ready for anything."'
    assert _speakers(text) == ["Heinz adviser"]
