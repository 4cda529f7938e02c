"""Fixtures for the scale tests: small statement tables written in every input format."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

#: Fixed statements, including rows that must come back with a non-ok status.
STATEMENTS: list[tuple[str, str | None]] = [
    ("s1", "The minister said the talks were constructive and useful."),
    ("s2", "These criminals are lying, and everybody knows it."),
    ("s3", ""),
    ("s4", "It may possibly be true, officials suggested."),
    ("s5", None),
    ("s6", "Kyiv will certainly never surrender.\nNot now, not ever."),
    ("s7", "We strongly condemn the brutal attack on civilians."),
    ("s8", "NA"),
]


@pytest.fixture(scope="session")
def statements() -> pd.DataFrame:
    """The fixed statements as a DataFrame (``id``, ``text``; one text is None)."""
    return pd.DataFrame(
        {"id": [i for i, _ in STATEMENTS], "text": pd.Series([t for _, t in STATEMENTS], dtype=object)}
    )


@pytest.fixture
def csv_file(tmp_path: Path, statements: pd.DataFrame) -> Path:
    path = tmp_path / "statements.csv"
    statements.to_csv(path, index=False)
    return path


@pytest.fixture
def jsonl_file(tmp_path: Path, statements: pd.DataFrame) -> Path:
    path = tmp_path / "statements.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in statements.to_dict("records"):
            fh.write(json.dumps(rec) + "\n")
    return path


@pytest.fixture
def parquet_file(tmp_path: Path, statements: pd.DataFrame) -> Path:
    path = tmp_path / "statements.parquet"
    statements.to_parquet(path, index=False, row_group_size=3)
    return path


@pytest.fixture
def txt_file(tmp_path: Path, statements: pd.DataFrame) -> Path:
    path = tmp_path / "statements.txt"
    lines = [(t or "").replace("\n", " ") for t in statements["text"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def press_releases() -> pd.DataFrame:
    """Russian and Ukrainian presidential press releases, one statement per release.

    The statement is the headline and the body joined by a blank line (whole
    releases: the engine must cope with long texts); the index is ``doc_id``.
    """
    from analysis.corpus.external import load_press_releases

    releases = load_press_releases()
    text = releases["headline"].fillna("") + "\n\n" + releases["body"].fillna("")
    return pd.DataFrame({"text": text.tolist()}, index=pd.Index(releases["doc_id"], name="doc_id"))
