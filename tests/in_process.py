"""Run ``python -m analysis <command> ...`` inside the test process, as a subprocess would see it.

A fresh interpreter costs ~1-3 s of CPU per call (imports, lexicons, the
engine); the CLI tests made ~150 such calls.  ``run_main`` calls the same
``analysis.cli.main(argv)`` that ``python -m analysis`` calls, from the same
working directory, and hands back a ``subprocess.CompletedProcess`` with the
exit code and everything written to stdout and stderr, so a test reads it
exactly as it read the subprocess's.  What only a real process shows (the
``-m`` entry point, signals, worker processes, start-up imports) keeps its
true subprocess tests; this helper is for the rest.

Faithful where it matters:
- ``SystemExit`` (argparse errors, ``--help``) becomes the exit code, and a
  string code is printed to stderr with exit code 1, as the interpreter does;
- an uncaught exception prints its traceback to stderr with exit code 1;
- Python's default warning filters apply and warnings go to the captured
  stderr (a subprocess would print them there), not to pytest's recorder;
- ``sys.argv[0]`` is ``analysis/__main__.py`` (what ``-m`` sets), so usage
  lines name ``python -m analysis``;
- stdout and stderr are UTF-8 streams with the interpreter's error handlers
  (``strict`` on stdout, so a lone surrogate printed there fails as it would,
  ``backslashreplace`` on stderr), read back as ``text=True`` reads a pipe.
"""

from __future__ import annotations

import contextlib
import io
import sys
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import TextIO

from analysis import cli, paths

#: The directory ``python -m analysis`` is run from by default (the checkout).
ROOT = paths.PACKAGE_DIR.parent


@contextlib.contextmanager
def _interpreter_warnings(stream: TextIO) -> Iterator[None]:
    """The filters and output of a plain ``python`` process, for the duration."""
    with warnings.catch_warnings():
        warnings.resetwarnings()
        # CPython's default filters (``python -W`` not given, not a dev build)
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.simplefilter("ignore", category, append=True)

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: TextIO | None = None, line: str | None = None) -> None:
            stream.write(warnings.formatwarning(message, category, filename, lineno, line))

        warnings.showwarning = show
        yield


@contextlib.contextmanager
def _argv0() -> Iterator[None]:
    saved = sys.argv
    sys.argv = [str(paths.PACKAGE_DIR / "__main__.py")]
    try:
        yield
    finally:
        sys.argv = saved


def _exit_code(exc: SystemExit, stderr: TextIO) -> int:
    if exc.code is None or isinstance(exc.code, int):
        return int(exc.code or 0)
    print(exc.code, file=stderr)
    return 1


def _pipe(errors: str) -> io.TextIOWrapper:
    """A text stream like a process's stdout or stderr on a pipe (not a terminal)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)


def _read_back(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(..., text=True)`` would read: decoded, universal newlines."""
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    raw = buffer.getvalue().decode("utf-8")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def run_main(*argv: object, cwd: Path | None = None) -> CompletedProcess[str]:
    """``python -m analysis *argv`` run in this process; its exit code, stdout and stderr.

    Example:
        >>> run_main("explain", "--no-such-option").returncode
        2
    """
    args = [str(a) for a in argv]
    out, err = _pipe("strict"), _pipe("backslashreplace")
    with contextlib.chdir(cwd or ROOT), _argv0(), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err), _interpreter_warnings(err):
        try:
            code = cli.main(args)
        except SystemExit as exc:
            code = _exit_code(exc, err)
        except Exception:  # a subprocess prints the traceback and exits 1
            traceback.print_exc(file=err)
            code = 1
    return CompletedProcess([sys.executable, "-m", "analysis", *args], code, _read_back(out), _read_back(err))

