"""Hedging-label loader on tiny CSV files."""

from __future__ import annotations

import pytest

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.hedging import (
    default_hedging_path,
    default_heldout2_path,
    load_hedging_labels,
    load_hedging_sets,
)

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
        ("s1,seed,x,0,0,,,train\n", r"'split' must be dev, test or heldout2; row 2"),
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


def test_heldout2_split_is_accepted(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text(HEADER + "h1,seed,It may rain.,1,0,hedge,may,heldout2\n")
    assert load_hedging_labels(p).split.tolist() == ["heldout2"]


def test_sets_are_joined_and_must_not_overlap(tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text(HEADER + "s1,seed,It may rain.,1,0,hedge,may,dev\n")
    two.write_text("sentence_id,source,sentence,usable,hedge,booster,label,cues,split\n"
                   "h1,seed,Surely.,1,0,1,booster,surely,heldout2\n")
    both = load_hedging_sets(one, two)
    assert both.sentence_id.tolist() == ["s1", "h1"]
    assert both.usable.tolist() == [1, 1]  # absent usable column = every row usable
    two.write_text(HEADER + "s1,seed,Surely.,0,1,booster,surely,heldout2\n")
    with pytest.raises(ValidationDataError, match="overlap.*'s1'"):
        load_hedging_sets(one, two)


def test_repository_sets_load_when_present():
    if not (default_hedging_path().is_file() and default_heldout2_path().is_file()):
        pytest.skip("hedging label files not written yet")
    df = load_hedging_sets()
    assert df.split.value_counts().to_dict() == {"heldout2": 220, "test": 173, "dev": 167}
