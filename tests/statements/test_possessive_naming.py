"""Round 6, third pass: a partial quote framed by a naming noun after a possessive name ("X's
description of the plan as '...'") is the name's, and the possessive confirms an unregistered name.

Every text is invented for the test.
"""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements


def _partial(text: str) -> tuple[str, str]:
    out = extract_statements(text)
    row = out[out["kind"] == "partial"].iloc[0]
    return str(row["speaker"]), str(row["cue"])


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    ("Maria Lopez's description of the plan as \"a fraud\" angered many.", "Maria Lopez", "described as"),
    ("Maria Lopez’s characterization of the bans as a “striking blow” drew fire.", "Maria Lopez",
     "characterized as"),
    ("Vladimir Putin's repeated portrayal of the talks as \"a farce\" is not new.", "Vladimir Putin",
     "portrayed as"),
])
def test_the_possessive_agent_of_a_naming_noun_speaks(text: str, speaker: str, cue: str) -> None:
    assert _partial(text) == (speaker, cue)


@pytest.mark.parametrize("text", [
    "Maria Lopez's plan, described as \"a fraud\" by critics, failed.",  # the name owns the plan, not words
    "Maria Lopez's description of the plan: \"a fraud\".",  # no "as": a colon intro is another rule
    "Maria Lopez's account of the talks left \"a bitter taste\" with many.",  # no naming noun
])
def test_no_speaker_without_a_naming_noun_and_as(text: str) -> None:
    assert _partial(text)[0] != "Maria Lopez"
