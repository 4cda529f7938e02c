"""Session fixtures shared by the whole test tree.

Network: pytest-socket blocks every socket (see pyproject addopts).  Tests that
need loopback (notebook kernels, a Dask LocalCluster) mark themselves with
``@pytest.mark.enable_socket`` and may still only reach 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import paths


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
