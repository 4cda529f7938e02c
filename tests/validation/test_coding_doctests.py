"""The Examples in the docstrings of the validate-your-corpus modules run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["coding", "agreement", "card"])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"analysis.validation.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
