"""run_validation and the report, end to end with a fake scorer on tiny files."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.validation.evaluate import run_validation
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.report import ValidationReport, markdown_table


def test_report_is_complete(tiny_ptc_dir, fake_scorer, fake_matcher, tmp_path):
    nyt = tmp_path / "nyt.txt"
    nyt.write_text("1_1\t1.0\tGood.\n1_2\t-1.0\tEvil traitors.\n1_3\t0.0\tA day.\n")
    report = run_validation(tiny_ptc_dir, scorer=fake_scorer, matcher=fake_matcher,
                            nyt_path=nyt, hedging_path=tmp_path / "absent.csv", k_errors=3)
    assert isinstance(report, ValidationReport)
    assert set(report.ptc_sentence.split) == {"dev", "test"}
    assert set(report.ptc_sentence.task) == {"loaded+hostility", "threat"}
    assert len(report.ptc_span) == 4
    assert len(report.nyt) == 5
    assert report.hedging.empty
    assert any("hedging part not run" in n and "absent.csv" in n for n in report.notes)
    assert not report.errors.empty
    md = report.to_markdown(n_errors=2)
    for heading in ["## PTC-2020 lines, test", "## PTC-2020 lines, dev", "## PTC-2020 span",
                    "## VADER NYT", "## Worst errors", "## Notes"]:
        assert heading in md
    assert "VADER neg" in md and "words" in md
    assert "1 dev / 1 test articles" in md


def test_missing_ptc_raises_naming_path(tmp_path, fake_scorer, fake_matcher):
    with pytest.raises(ValidationDataError, match="train-articles"):
        run_validation(tmp_path, scorer=fake_scorer, matcher=fake_matcher)


def test_markdown_table_escapes_and_formats():
    md = markdown_table(pd.DataFrame({"t": ["a|b"], "x": [float("-inf")], "n": [3]}))
    assert md.splitlines()[2] == "| a\\|b | -inf | 3 |"
