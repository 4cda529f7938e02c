"""Regression tests for the statements-stage bugs of the round-6 hostile-input review.

Each names the reviewer's item; invented inputs only.  (Timing is measured
in benchmarks, not here: the two quadratic cases are checked for their
output only.)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.identity import load_aliases
from analysis.statements.speakers import RegistryError, SpeakerRegistry, default_registry

_ROW = {"role": "", "country": "UK", "bloc": "western", "kind": "person", "gender": "f", "note": ""}


def test_many_quotes_in_one_sentence_are_all_kept() -> None:  # review item 1
    text = "Banned words include " + ", ".join(f'"w{i}"' for i in range(300))
    df = extract_statements(text)
    assert (df["kind"].isin(["direct", "partial"])).sum() == 300


def test_many_cyrillic_quotes_in_one_sentence_are_all_kept() -> None:  # review item 2
    text = "Он перечислил " + ", ".join(f"«слово{i}»" for i in range(300))
    df = extract_statements(text)
    assert len(df[df["kind"] != "narration"]) == 300


def test_registry_alias_of_two_speakers_is_an_error_naming_the_row() -> None:  # review item 3
    frame = pd.DataFrame([{"canonical": "Jane Roe", "aliases": "Roe|Okafor", **_ROW},
                          {"canonical": "Ann Okafor", "aliases": "Okafor", **_ROW}])
    with pytest.raises(RegistryError, match=r"row 3 field 'aliases': 'Okafor' already an alias of 'Jane Roe' \(row 2\)"):
        SpeakerRegistry.from_frame(frame, "s.csv")


def test_registry_alias_of_a_bundled_speaker_is_an_error() -> None:  # review item 3
    bundled = pd.read_csv(Path(default_registry().source), dtype=str, keep_default_na=False)
    extra = pd.DataFrame([{"canonical": "Jane Roe", "aliases": "Roe|Zelensky", **_ROW}])
    with pytest.raises(RegistryError, match="'Zelensky' already an alias of 'Volodymyr Zelensky'"):
        SpeakerRegistry.from_frame(pd.concat([bundled, extra], ignore_index=True), "mine.csv")


def test_user_alias_of_two_people_is_an_error_naming_the_row(tmp_path: Path) -> None:  # review item 4
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nHaidai,Serhiy Haidai\nHaidai,Oleh Haidai\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aliases.csv, row 3: alias 'Haidai' is 'Oleh Haidai' here"):
        load_aliases(path)


def test_user_alias_repeated_for_one_person_is_harmless(tmp_path: Path) -> None:  # review item 4
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nHaidai,Serhiy Haidai\nhaidai,Serhiy Haidai\n", encoding="utf-8")
    assert load_aliases(path) == {"haidai": "Serhiy Haidai"}


@pytest.mark.parametrize("content, message", [
    (b"alias,canonical\nHa\xefdai,Serhiy Haidai\n", "not UTF-8"),
    (b'alias,canonical\nHaidai,Serhiy Haidai,extra,more\n', "not a CSV table"),
    (b"", "empty file"),
])
def test_unreadable_user_alias_csv_names_the_file(tmp_path: Path, content: bytes, message: str) -> None:  # item 5
    path = tmp_path / "bad_aliases.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"bad_aliases.csv: {message}"):
        load_aliases(path)


def test_unreadable_registry_csv_names_the_file(tmp_path: Path) -> None:  # review item 5
    path = tmp_path / "speakers.csv"
    path.write_bytes(b"canonical,aliases\nJ\xe9n,J\n")
    with pytest.raises(RegistryError, match="speakers.csv: not UTF-8"):
        SpeakerRegistry.from_csv(path)


def test_a_lone_surrogate_in_one_text_gives_statements() -> None:  # review item 6
    text = '"We will \ud800 win," Vladimir Putin said.'
    df = extract_statements(text)
    direct = df[df["kind"] == "direct"]
    assert direct["speaker"].tolist() == ["Vladimir Putin"]
    assert direct["text"].iloc[0] == '"We will \ufffd win,"'  # one character for one: offsets unchanged
    assert (df["end"] <= len(text)).all()


def test_keep_as_one_string_is_one_column() -> None:  # review item 7
    frame = pd.DataFrame({"text": ['"We will win," Vladimir Putin said.'], "outlet": ["TASS"]})
    out = extract_statements(frame, keep="outlet")
    assert set(out["outlet"]) == {"TASS"}


def test_an_unknown_language_is_named() -> None:  # review item 8
    with pytest.raises(ValueError, match="language must be None or one of en, ru, uk, other, not 'xx'"):
        extract_statements("Talks ended.", language="xx")


def test_a_narrator_of_the_wrong_type_is_named() -> None:  # review item 9
    with pytest.raises(TypeError, match="narrator must be a name"):
        extract_statements("Talks ended.", narrator=5)  # type: ignore[arg-type]


def test_a_leading_byte_order_mark_changes_nothing() -> None:  # review item 12
    plain = extract_statements('"We will win," Zelensky said.')
    bom = extract_statements('\ufeff"We will win," Zelensky said.')
    assert bom[bom["kind"] == "direct"]["speaker"].tolist() == plain[plain["kind"] == "direct"]["speaker"].tolist()
    assert bom[bom["kind"] != "narration"]["kind"].tolist() == plain[plain["kind"] != "narration"]["kind"].tolist()
    assert not bom["text"].str.contains("\ufeff").any()
