"""VADER NYT loader, from the vendored copy and from tiny files."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.nyt import default_nyt_path, load_nyt


def test_vendored_copy_loads_completely():
    nyt = load_nyt()
    assert list(nyt.columns) == ["id", "mean", "text"]
    assert len(nyt) == 5190
    assert nyt.id.is_unique
    assert nyt["mean"].between(-4, 4).all()
    assert nyt.iloc[0].id == "1_1" and nyt.iloc[0]["mean"] == pytest.approx(0.4)
    assert not nyt.text.str.contains("\r").any()


def test_vendored_copy_is_byte_identical_to_the_release():
    data = gzip.decompress(default_nyt_path().read_bytes())
    assert hashlib.sha256(data).hexdigest() == (
        "7d8fbcce7dde5d716da53e78f4ef4be6b706e9ef1e1d51887e6d0ad4b69cc27e"
    )
    notice = (default_nyt_path().parent / "NOTICE.md").read_text(encoding="utf-8")
    assert "MIT" in notice and "Hutto" in notice and "ICWSM" in notice


def test_plain_file_and_folder(tmp_path):
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_bytes(
        b"1_1\t0.5\tGood day.\r\n1_2\t-1.25\tBad day.\r\n"
    )
    df = load_nyt(tmp_path)
    assert df.values.tolist() == [["1_1", 0.5, "Good day."], ["1_2", -1.25, "Bad day."]]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"1_1\t0.5\n", r":1: expected 3"), (b"1_1\t0.5\tok\n1_2\tbad\tx\n", r":2: mean not a number")],
)
def test_bad_rows_name_file_and_line(tmp_path, content, message):
    p = tmp_path / "nyt.txt"
    p.write_bytes(content)
    with pytest.raises(ValidationDataError, match=message):
        load_nyt(p)


def test_missing_file_names_it(tmp_path):
    with pytest.raises(ValidationDataError, match="missing"):
        load_nyt(tmp_path / "absent.txt")


def test_vader_as_shipped_reproduces_the_published_correlation():
    # Hutto and Gilbert (2014) report r = 0.492 for VADER on these snippets; this
    # checks the vendored data and the baseline, not the project's scorer.
    from analysis.validation.baselines import vader_polarity
    from analysis.validation.metrics import pearson

    nyt = load_nyt()
    r = pearson(vader_polarity(nyt.text)["compound"], nyt["mean"])
    assert r.n == 5190 and 0.45 < r.r < 0.55
