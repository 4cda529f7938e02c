"""``--gold ptc3`` and the validate report's test-part-3 table, on invented articles (no PTC text).

Test part 3 continues the test draw after part 2 (the real part starts at
72, ``FIRST_POSITION["test3"]``).  The invented test draw has two articles,
so the fixture's part 3 is position 1 alone and its first position is moved
to 1; part 1 is then position 0-1, as in the part-2 tests.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import attribution_eval as ae
from analysis.validation import attribution_ptc as ap
from analysis.validation import evaluate
from analysis.validation.report import ValidationReport
from tests.validation.test_attribution_ptc import (
    TEXTS,
    _fake_extractor,
    _part,
    _second_part,
    _write_part,
    _write_ptc,
)

PART3_HEADING = "## Quote attribution (PTC-2020 English news gold, held-out test part 3)"


@pytest.fixture()
def texts(tmp_path: Path) -> pd.DataFrame:
    return ap.load_ptc_texts(_write_ptc(tmp_path, TEXTS))


@pytest.fixture()
def part3(tmp_path: Path, texts: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A part 3 of test draw position 1, with the extractor replaced by the invented one."""
    monkeypatch.setitem(ap.FIRST_POSITION, "test3", 1)
    monkeypatch.setattr(ae, "default_extractor", lambda: _fake_extractor)
    return _write_part(tmp_path / "t3", _second_part(texts))


def test_the_committed_part_3_is_a_test_part_from_position_72() -> None:
    assert ap.FIRST_POSITION["test3"] == 72
    assert ap.GOLD_SETS["test3"] == (ap.TEST3_DIR, "test")
    assert ap.TEST3_DIR.name == "attribution_ptc_test3"


def test_the_verifier_checks_part_3_from_its_first_position(part3: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert ap.main(["--set", "test3", "--data", str(tmp_path), "--folder", str(part3)]) == 0
    assert "0 problems" in capsys.readouterr().out
    # part 1's layout (positions 0-1) is not a part 3 starting at position 1
    part1 = _write_part(tmp_path / "t1", _part(ap.load_ptc_texts(tmp_path)))
    assert ap.main(["--set", "test3", "--data", str(tmp_path), "--folder", str(part1)]) == 1
    assert "draw_position is not 1..1+n-1" in capsys.readouterr().out


def test_gold_ptc3_scores_part_3_with_the_ptc_measures_and_is_held_out(
        part3: Path, tmp_path: Path, texts: pd.DataFrame, capsys: pytest.CaptureFixture[str]) -> None:
    report = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=part3, split="test3")
    n_quotes = int(_second_part(texts)[1]["kind"].isin(["direct", "partial"]).sum())
    row = report.metrics.iloc[0]
    assert (row["split"], row["articles"], row["gold_quotes"], row["found"]) == ("test", 1, n_quotes, n_quotes)
    part1 = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path,
                                        folder=_write_part(tmp_path / "t1", _part(texts)))
    assert list(report.metrics.columns) == list(part1.metrics.columns)  # the same measures as --gold ptc
    assert list(report.by_tag.columns) == list(part1.by_tag.columns)
    assert ae.GOLD_RUNS["ptc3"].held_out and ae.GOLD_RUNS["ptc3"].split == "test"
    assert ae.main(["--gold", "ptc3", "--data", str(tmp_path), "--folder", str(part3)]) == 0
    assert f"| test | 1 | {n_quotes} | {n_quotes} |" in capsys.readouterr().out
    assert ae.main(["--gold", "ptc3", "--errors", "2", "--data", str(tmp_path), "--folder", str(part3)]) == 2
    assert "no error listing" in capsys.readouterr().err
    assert ae.main(["--gold", "ptc3", "--split", "dev", "--data", str(tmp_path), "--folder", str(part3)]) == 2
    assert ae.main(["--gold", "ptc3", "--data", str(tmp_path), "--folder", str(tmp_path / "none")]) == 2
    assert "PTC attribution test3 part not found" in capsys.readouterr().err


def test_validate_prints_part_3_after_part_2(part3: Path, tmp_path: Path, texts: pd.DataFrame,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    part1 = _write_part(tmp_path / "t", _part(texts))
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (part1, "test"), "test2": (part3, "test"),
                                          "test3": (part3, "test")})
    monkeypatch.setitem(ap.FIRST_POSITION, "test2", 1)
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path)  # part 1, then parts 2 and 3 beside it
    assert report.notes == []
    text = report.to_markdown()
    second = text.index("## Quote attribution (PTC-2020 English news gold, held-out test part 2)")
    third = text.index(PART3_HEADING)
    assert second < third
    assert "| test | 1 |" in text[third:] and "term_given_speaker" in text[third:]


def test_validate_says_why_part_3_did_not_run(part3: Path, tmp_path: Path, texts: pd.DataFrame,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    part1 = _write_part(tmp_path / "t", _part(texts))
    missing = tmp_path / "none"
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (part1, "test"), "test2": (part3, "test"),
                                          "test3": (missing, "test")})
    monkeypatch.setitem(ap.FIRST_POSITION, "test2", 1)
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path)
    assert report.attribution_ptc3.empty and not report.attribution_ptc2.empty
    assert report.notes == [f"PTC attribution test part 3 not run: PTC attribution test3 part not found: "
                            f"{missing / 'articles.csv'}: no such file (is the PTC attribution gold "
                            f"on this branch?)"]
    assert PART3_HEADING not in report.to_markdown()
    # no PTC data at all: every part is skipped, each with its own note
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path / "no-data")
    assert [n.split(":")[0] for n in report.notes] == ["PTC attribution part not run",
                                                       "PTC attribution test part 2 not run",
                                                       "PTC attribution test part 3 not run"]


def test_an_unknown_later_part_is_refused() -> None:
    with pytest.raises(ValueError, match="no later PTC test part 'test9'"):
        evaluate.add_ptc_part_attribution(ValidationReport(), None, "test9")
