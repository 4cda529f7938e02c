"""``extract_statements(language=<a Series>)`` is a clear ValueError, not pandas' ambiguity error (round 8)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements.extract import extract_statements


@pytest.mark.parametrize("language", [pd.Series(["en"]), ["en"], 5, "fr"])
def test_a_language_that_is_not_one_code(language: object) -> None:
    with pytest.raises(ValueError, match="language must be None or one of en, ru, uk, other, not"):
        extract_statements('"We are ready," he said.', language=language)  # type: ignore[arg-type]


def test_one_code_still_works() -> None:
    assert (extract_statements('"We are ready," he said.', language="en")["kind"] == "direct").any()
