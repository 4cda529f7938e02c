"""Invisible characters and ALL CAPS paragraphs do not hide a speaker (review 6, items 10 and 11)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.readable import back_span, readable, recased, without_invisible


def _check_offsets(text: str, out: pd.DataFrame) -> None:
    assert all(text[s:e] == t for t, s, e in zip(out["text"], out["start"], out["end"]))
    covered = {i for s, e in zip(out["start"], out["end"]) for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if ch.isalnum())


def _speakers(text: str) -> list[str]:
    out = extract_statements(text)
    _check_offsets(text, out)
    return out[out["kind"] != "narration"]["speaker"].tolist()


@pytest.mark.parametrize("text", [
    '"WE WILL WIN," VLADIMIR PUTIN SAID.',
    'VLADIMIR PUTIN SAID: "WE WILL WIN."',
    '"WE WILL WIN," SAID VLADIMIR PUTIN.',
])
def test_an_all_caps_name_tag_is_the_registry_name(text: str) -> None:
    assert _speakers(text)[0] == "Vladimir Putin"


def test_an_all_caps_continuation_goes_to_the_speaker_before() -> None:
    assert _speakers('"WE WILL WIN," VLADIMIR PUTIN SAID. "THE WAR GOES ON," HE ADDED.') == [
        "Vladimir Putin", "Vladimir Putin"]


def test_an_all_caps_name_outside_the_registry_is_the_whole_name() -> None:
    assert _speakers('"WE ARE READY TO TALK," MARTA KOVALENKO TOLD REPORTERS.')[0] == "Marta Kovalenko"


@pytest.mark.parametrize("text", ['"WE WILL WIN."', 'THE CROWD WAS LOUD. "NO SURRENDER!"'])
def test_an_all_caps_quote_without_a_tag_gets_no_speaker(text: str) -> None:
    assert set(_speakers(text)) == {""}


def test_only_all_caps_paragraphs_are_recased() -> None:
    text = 'BREAKING NEWS FROM KYIV TODAY\n"We will win," the NATO envoy said.'
    assert recased(text).split("\n")[1] == text.split("\n")[1]
    assert recased(text).split("\n")[0] == "Breaking News from Kyiv Today"


def test_recasing_keeps_the_length_of_a_letter_with_a_longer_lower_case() -> None:
    assert len(recased("İSTANBUL TALKS WILL GO ON, ERDOGAN SAID.")) == len("İSTANBUL TALKS WILL GO ON, ERDOGAN SAID.")


@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\u2060", "\u00ad", "\x00", "\u200e"])
def test_an_invisible_character_in_a_name_does_not_hide_the_speaker(mark: str) -> None:
    assert _speakers(f'"We will win," Vladimir{mark} Putin said.')[0] == "Vladimir Putin"
    assert _speakers(f'"We will win," Vla{mark}dimir Pu{mark}tin said.')[0] == "Vladimir Putin"
    assert _speakers(f'"We will win," Vladimir Putin said.{mark}')[0] == "Vladimir Putin"


def test_an_invisible_character_adds_no_speaker() -> None:
    assert set(_speakers('"We will\u200b win."\u200b Talks\u00ad ended.')) == {""}


def test_text_without_invisible_characters_has_no_offset_map() -> None:
    assert without_invisible("Plain text, “curly” and Кириллица.") == ("Plain text, “curly” and Кириллица.", None)
    assert readable("Tab\tand\nnewline") == ("Tab\tand\nnewline", None)


def test_a_span_takes_the_invisible_characters_after_it() -> None:
    copy, back = without_invisible("ab\u200bcd")
    assert copy == "abcd" and back_span(back, 0, 2) == (0, 3) and back_span(back, 2, 4) == (3, 5)
