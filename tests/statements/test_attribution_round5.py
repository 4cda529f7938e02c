"""Round-5 classes of English news constructions, both ways.

Every text is invented for the test (no news copy).  Each class has cases
where a speaker must be found and cases where none may be guessed.  The
classes come from reading the errors on the PTC-2020 attribution dev set
(one sentence per line, blank lines between paragraphs, opinion pieces).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.speakers import SpeakerRegistry, default_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return default_registry()


def _quotes(text: str, registry: SpeakerRegistry) -> pd.DataFrame:
    df = extract_statements(text, registry)
    return df[df["kind"].isin(["direct", "partial"])].reset_index(drop=True)


def _speaker(text: str, words: str, registry: SpeakerRegistry) -> str:
    q = _quotes(text, registry)
    rows = q[q["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, f"no single quote holds {words!r}: {q[['kind', 'text']].values.tolist()}"
    return str(rows.iloc[0]["speaker"])


# -- a name confirmed by a speech verb after an adverb ---------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Carl Wendt met Rolf Baumann on Monday. Baumann later told reporters the talks failed.\n\n"
     "\u201cIt was a waste of time,\u201d he said.", "Rolf Baumann"),
    ("Ida Korhonen visited the plant. Korhonen repeatedly warned that it was unsafe.\n\n"
     "\u201cNobody listens to us,\u201d she said.", "Ida Korhonen"),
])
def test_speech_verb_after_an_adverb_confirms_the_name(text: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker(text, "us,\u201d" if "listens" in text else "time", registry) == speaker


def test_an_adverb_and_a_verb_that_is_no_speech_confirm_nothing(registry: SpeakerRegistry) -> None:
    text = "Carl Wendt met Rolf Baumann on Monday. Baumann later left the building.\n\n\u201cIt was a waste,\u201d he said."
    assert _speaker(text, "waste", registry) == ""  # two men, neither confirmed as speaking: no guess


# -- a role set off by commas before a name is that name's title -----------------------------------

@pytest.mark.parametrize("text", [
    "\u201cThe mayor is wrong,\u201d said Paul Reyes, a councilman.\n\nThe mayor, Linda Cho, disagreed.\n\n"
    "\u201cWe balanced the budget,\u201d she said.",
    "The mayor, Linda Cho, disagreed.\n\n\u201cWe balanced the budget,\u201d the mayor said.",
])
def test_role_before_a_name_in_commas_is_its_title(text: str, registry: SpeakerRegistry) -> None:
    assert _speaker(text, "budget", registry) == "Linda Cho"


def test_role_before_a_list_of_names_is_no_title(registry: SpeakerRegistry) -> None:
    text = ("The mayor, Linda Cho and Paul Reyes met on Monday.\n\n"
            "\u201cWe balanced the budget,\u201d the mayor said.")
    assert _speaker(text, "budget", registry) != "Paul Reyes"


# -- role nouns of local and national news ---------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Kevin Hart, the county sheriff, called for calm. \u201cWe are on it,\u201d the sheriff said.", "Kevin Hart"),
    ("Sheriff Kevin Hart called for calm.\n\n\u201cWe are on it,\u201d the sheriff told reporters.", "Kevin Hart"),
    ("Congresswoman Ana Ruiz toured the site.\n\n\u201cThis is a disgrace,\u201d the congresswoman said.", "Ana Ruiz"),
])
def test_local_role_nouns_link_to_their_holder(text: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker(text, "\u201c", registry) == speaker


def test_a_role_noun_nobody_holds_names_nobody(registry: SpeakerRegistry) -> None:
    text = "Kevin Hart, a farmer, called for calm. \u201cWe are on it,\u201d the sheriff said."
    assert _speaker(text, "on it", registry) != "Kevin Hart"
