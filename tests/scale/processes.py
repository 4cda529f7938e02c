"""Helpers for tests that run the CLI as real subprocesses and track every process they start.

Each run gets a unique ``ANALYSIS_TEST_RUN_ID`` in its environment, which its
workers (process pools, Dask nannies and workers) inherit, so the processes
of a run are found in ``/proc/*/environ`` whoever their parent is now.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Directory of the test-only ``sitecustomize`` (fault and delay injection).
FAULTS = Path(__file__).resolve().parent / "fault_injection"
BOUND = 60.0  # seconds: a bound on waiting, not a timing assertion


def subprocess_env(run_id: str, **extra: str) -> dict[str, str]:
    """This environment, plus the run id and the fault-injection directory on PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(FAULTS), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["ANALYSIS_TEST_RUN_ID"] = run_id
    env.update(extra)
    return env


def processes_of(run_id: str) -> list[int]:
    """Live (not zombie) processes whose environment carries ``run_id``."""
    needle = f"ANALYSIS_TEST_RUN_ID={run_id}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Poll ``condition`` every 0.1 s; fail after ``BOUND`` seconds."""
    deadline = time.monotonic() + BOUND
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {BOUND:.0f} s")
        time.sleep(0.1)
