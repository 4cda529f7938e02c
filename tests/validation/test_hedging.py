"""Hedging-label loader on tiny CSV files."""

from __future__ import annotations

import pytest

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.hedging import default_hedging_path, load_hedging_labels

HEADER = "sentence_id,source,sentence,hedge,booster,label,cues,split\n"


def test_reads_flags_as_ints(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text(HEADER + 's1,seed,"It may rain, perhaps.",1,0,hedge,may;perhaps,dev\n'
                 "s2,seed,It will certainly rain.,0,1,booster,certainly,test\n")
    df = load_hedging_labels(p)
    assert df.hedge.tolist() == [1, 0] and df.booster.tolist() == [0, 1]
    assert df.sentence[0] == "It may rain, perhaps."


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("s1,seed,x,2,0,,,dev\n", r"'hedge' must be 0 or 1; row 2"),
        ("s1,seed,x,0,,,,dev\n", r"'booster' must be 0 or 1; row 2"),
        ("s1,seed,x,0,0,,,train\n", r"'split' must be dev or test; row 2"),
    ],
)
def test_bad_values_name_column_and_row(tmp_path, row, message):
    p = tmp_path / "labels.csv"
    p.write_text(HEADER + row)
    with pytest.raises(ValidationDataError, match=message):
        load_hedging_labels(p)


def test_missing_column_and_file(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text("sentence_id,sentence\ns1,x\n")
    with pytest.raises(ValidationDataError, match="missing column"):
        load_hedging_labels(p)
    with pytest.raises(ValidationDataError, match="hedging labels missing"):
        load_hedging_labels(tmp_path / "nope.csv")


def test_repository_labels_load_when_present():
    if not default_hedging_path().is_file():
        pytest.skip(f"hedging labels not written yet: {default_hedging_path()}")
    df = load_hedging_labels()
    assert len(df) >= 1 and set(df.split) <= {"dev", "test"}
