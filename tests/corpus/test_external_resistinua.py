"""load_resistinua: every address kept, markdown removed and named, bad rows flagged,
bad files rejected with the file and line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analysis.corpus.errors import CorpusError
from analysis.corpus.external import (
    RESISTINUA_COLUMNS,
    RESISTINUA_STATUSES,
    clean_resistinua_text,
    load_resistinua,
    resistinua_status,
)

LONG_UK = "Слава Україні! Ми захищаємо нашу землю. " * 10
LONG_EN = "Glory to Ukraine! We defend our land. " * 10


def _write(tmp_path: Path, records: list[object]) -> Path:
    path = tmp_path / "addresses.jsonl.gz"
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def _record(i: str, uk: str = LONG_UK, en: str = LONG_EN) -> dict[str, object]:
    return {"id": i, "date": "2022-03-01T10:00:00", "speaker": ["Володимир Зеленський"],
            "source_translated_flag": False, "title_original": "**Звернення**",
            "title_en": "Address", "text_original": uk, "text_en": en}


def test_vendored_file_every_row_kept() -> None:
    df = load_resistinua()
    assert list(df.columns) == list(RESISTINUA_COLUMNS)
    assert len(df) == 317 and df["id"].is_unique
    assert set(df["status"]) <= set(RESISTINUA_STATUSES)
    assert df["status"].eq("ok").sum() == 179
    assert not df["text_uk"].str.contains(r"\*\*", regex=True).any()
    assert not df["text_en"].str.contains(r"\*\*", regex=True).any()
    assert df["date"].notna().all()
    zelensky = df["speakers"].map(lambda s: "Володимир Зеленський" in s).sum()
    assert zelensky == 171


def test_clean_names_changes() -> None:
    assert clean_resistinua_text("**Увага!** Текст") == ("Увага! Текст", ("bold",))
    assert clean_resistinua_text("plain") == ("plain", ())


@pytest.mark.parametrize(("uk", "en", "status"), [
    ("", LONG_EN, "missing_uk"),
    (LONG_UK, "  ", "missing_en"),
    (LONG_UK, LONG_UK, "en_untranslated"),
    ("Брифінг", "Briefing", "short_text"),
    (LONG_UK * 10, "Summary of the address.", "length_mismatch"),
    (LONG_UK, LONG_EN, "ok"),
])
def test_status(uk: str, en: str, status: str) -> None:
    assert resistinua_status(uk, en) == status


def test_missing_side_flagged_not_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, [_record("a"), _record("b", en="")])
    df = load_resistinua(path)
    assert df.set_index("id")["status"].to_dict() == {"a": "ok", "b": "missing_en"}
    assert df.set_index("id").loc["a", "title_uk"] == "Звернення"
    assert df.set_index("id").loc["a", "changes"] == "bold"


def test_bad_json_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, [_record("a"), "{not json"])
    with pytest.raises(CorpusError, match="line 2"):
        load_resistinua(path)


def test_missing_field_names_field(tmp_path: Path) -> None:
    bad = _record("a")
    del bad["text_en"]
    path = _write(tmp_path, [bad])
    with pytest.raises(CorpusError, match="text_en"):
        load_resistinua(path)


def test_repeated_id_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, [_record("a"), _record("a")])
    with pytest.raises(CorpusError, match="'a'"):
        load_resistinua(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_resistinua(tmp_path / "nope.jsonl.gz")


def test_dates_hour_24_and_bad(tmp_path: Path) -> None:
    late, bad = _record("late"), _record("bad")
    late["date"] = "2022-03-11T24:04:30"
    bad["date"] = "11 March"
    df = load_resistinua(_write(tmp_path, [late, bad])).set_index("id")
    assert str(df.loc["late", "date"]) == "2022-03-12 00:04:30"
    assert "hour_24" in df.loc["late", "changes"]
    assert df.loc["bad", "status"] == "bad_date"
