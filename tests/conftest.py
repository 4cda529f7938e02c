"""Session fixtures shared by the whole test tree.

Network: pytest-socket blocks every socket (see pyproject addopts).  Tests that
need loopback (notebook kernels, a Dask LocalCluster) mark themselves with
``@pytest.mark.enable_socket``; those talk only to 127.0.0.1.

Measurements a test makes (e.g. the quote extractor's precision and recall)
go through the ``summary_line`` fixture and are printed at the end of the run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analysis import paths

_SUMMARY: list[str] = []


@pytest.fixture(scope="session")
def summary_line() -> Callable[[str], None]:
    """Append a line to the "measured by the tests" section of the run's summary."""
    return _SUMMARY.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SUMMARY:
        terminalreporter.section("measured by the tests")
        for line in _SUMMARY:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five raw seed articles, keyed by file name, exactly as collected."""
    return {
        p.name: p.read_text(encoding="utf-8") for p in sorted(paths.RAW_SEEDS_DIR.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def validation_dir() -> Path:
    """Directory of external labelled data, or skip with a message naming what is missing."""
    d = paths.validation_data_dir()
    if d is None or not d.is_dir():
        pytest.skip(
            "validation data not found: set ANALYSIS_VALIDATION_DATA to a directory "
            "holding ptc2020/ and vader_nyt/ (CI points it at ../shared/validation)"
        )
    return d
