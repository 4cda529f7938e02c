"""Round 7, rule 4 (G9): a quote opening its line after a sentence whose subject speaks is that subject's.

"Graham warned fellow Republicans about voting no." then a quote paragraph: the quote is Graham's,
as the colon case ("X told reporters:\\n“...”") already was; "She continued." then a quote goes to
whom *she* refers to.  A sentence of no speech verb, a speaker who does not open the sentence, a
sentence holding a quote of its own and a quote inside the same line give nothing by this rule.
Every text is invented for the test.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    return [str(s) for s in out[out["kind"].isin(["direct", "partial"])]["speaker"]]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Senator Lindsey Graham warned fellow Republicans about voting against it.\n“To my colleagues: vote yes.”",
     ["Lindsey Graham"]),
    ("Gov. Ann Reyes warned lawmakers about the cuts.\n\n“We will not pay for this.”", ["Ann Reyes"]),
    ('Ms. Ann Reyes spoke to reporters and asked, "Since when?"\nShe continued.\n"I worry about this city."',
     ["Ann Reyes", "Ann Reyes"]),
])
def test_a_quote_after_a_speaking_subject_is_theirs(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    # no speech verb: the subject only acts
    "Gov. Ann Reyes visited the plant on Monday.\n“We will not pay for this.”",
    # the speaker does not open the sentence
    "After Gov. Ann Reyes spoke, the vote failed.\n“We will not pay for this.”",
    # a lower-case opening is no quote paragraph of its own
    "Gov. Ann Reyes warned lawmakers about the cuts.\n“when we pay for this”",
])
def test_no_speaking_subject_gives_nothing(text: str) -> None:
    assert _speakers(text) == [""]
