"""Punctuation-only rows and signature lines keep their row, with a status, and are not counted (issue 14)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_statements
from analysis.statements.frame import article_status, row_status

PAGE = (
    "Talks ended without a deal.\n\n"
    "Reporting by Jane Doe; Editing by John Roe\n\n"
    "Carla Gall reported from Bakhmut, Ukraine, and Matt Bigg from London.\n\n"
    "."
)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("narration", "Talks ended.", "ok"),
        ("narration", ":", "no_words"),
        ("direct", '"…"', "no_words"),
        ("narration", "(Reporting by Reuters; Editing by Kevin Liffey)", "signature"),
        ("narration", "Carla Gall reported from Bakhmut, Ukraine, and Matt Bigg from London.", "signature"),
        ("narration", "The ministry reported from Kyiv that 12 drones were downed.", "ok"),
        ("direct", '"Reporting by Jane Doe," she said.', "ok"),
    ],
)
def test_row_status(kind: str, text: str, expected: str) -> None:
    assert row_status(kind, text) == expected


def test_frame_rows_keep_signatures_with_a_status_and_do_not_count_them() -> None:
    out = extract_statements(pd.DataFrame({"text": [PAGE]}))
    assert out["status"].tolist() == ["ok", "signature", "signature", "no_words"]
    # every character still belongs to a row
    assert "".join(out["text"]).replace(" ", "") == PAGE.replace("\n", "").replace(" ", "")
    assert article_status(out)["n_statements"].tolist() == [1]
