"""``make lab`` passes LAB_ARGS to JupyterLab and adds --allow-root as root."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from analysis import paths

pytestmark = pytest.mark.skipif(
    shutil.which("make") is None or paths.REPO_ROOT is None, reason="needs make and a checkout"
)


def _dry_run(*args: str) -> str:
    assert paths.REPO_ROOT is not None
    done = subprocess.run(["make", "-n", "lab", *args], cwd=paths.REPO_ROOT, capture_output=True,
                          text=True, check=True)
    return next(ln for ln in done.stdout.splitlines() if "jupyter lab" in ln)


def test_lab_args_reach_jupyter_and_root_is_detected() -> None:
    line = _dry_run("LAB_ARGS=--port 8899 --no-browser")
    assert line.rstrip().endswith("--port 8899 --no-browser")
    assert ("--allow-root" in line) == (os.geteuid() == 0)
    assert "--port" not in _dry_run()


@pytest.mark.slow
def test_make_lab_starts_headless_on_the_given_port(tmp_path: Path) -> None:
    """Start the real server (as root too), wait until it listens, stop it."""
    assert paths.REPO_ROOT is not None
    port = 20000 + os.getpid() % 20000
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    proc = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_ARGS=--no-browser --port {port} --ServerApp.port_retries=0 "
                              "--IdentityProvider.token=test"],
        cwd=paths.REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
            seen.append(line)
            if f":{port}/lab" in line:
                break
        log = "".join(seen)
        assert f":{port}/lab" in log, f"JupyterLab did not start:\n{log}"
        assert "Running as root is not recommended" not in log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
