"""The Examples in the statements modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["speakers", "quotes", "sentences", "mentions", "cataphora", "cues", "attribution", "passages",
           "extract", "descriptors", "stopwords"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"analysis.statements.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
