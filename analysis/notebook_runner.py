"""Execute the notebooks in order, headless and in place, reproducibly.

``python -m analysis notebooks`` (and ``make figures``) runs every
``notebooks/NN-*.ipynb`` in name order, in this one process with nbclient (a
fresh kernel per notebook), and writes each notebook back with its outputs.

Reproducibility: the kernel gets ``PYTHONHASHSEED=0``, ``MPLBACKEND=Agg``,
``TQDM_DISABLE=1`` (progress bars print timings) and the project's
matplotlib style (:func:`analysis.plots.style.apply`, run before the first
cell); the working directory is the notebook's folder and the repository is
on ``PYTHONPATH``, so ``import analysis`` works from anywhere.  After
execution, volatile metadata is removed (cell timings, kernel and Python
versions) and stream outputs are merged, so a re-run without changes leaves
the files byte-identical.  The notebooks themselves must print nothing that
varies between runs (no timings, no memory addresses, no unsorted sets).

Failure: the first failing cell stops the run; its notebook is named with the
cell number and error, the exit code is 1, and the failing notebook is not
rewritten.  Other environment variables (e.g. ``ANALYSIS_VALIDATION_DATA``)
pass through to the kernel unchanged.

Example:
    $ python -m analysis notebooks              # all, in order
    $ python -m analysis notebooks 03 '05-*'    # a selection
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
DEFAULT_TIMEOUT = 1200  # seconds per cell

#: Environment the kernel gets on top of the caller's.
KERNEL_ENV: dict[str, str] = {
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "Agg",
    "TQDM_DISABLE": "1",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # silences a debugger warning on stderr
}

_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_VOLATILE_NB_METADATA = ("widgets", "papermill", "vscode", "interpreter", "execution")
_VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "papermill")
_STYLE_LINE = "import analysis.plots.style as _analysis_style; _analysis_style.apply(); del _analysis_style"
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True)
class NotebookResult:
    """Outcome of executing one notebook."""

    path: Path
    seconds: float
    ok: bool
    error: str = ""


def discover(
    notebooks_dir: str | os.PathLike[str], patterns: Sequence[str] | None = None
) -> list[Path]:
    """Notebooks ``NN-*.ipynb`` in ``notebooks_dir``, in name order.

    ``patterns`` selects some: a glob (``'0[3-5]-*'``), a file name or stem,
    or a prefix such as ``'03'``.  A pattern matching nothing is an error.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> for n in ("02-b.ipynb", "01-a.ipynb", "notes.ipynb"): _ = (d / n).write_text("{}")
        >>> [p.name for p in discover(d)], [p.name for p in discover(d, ["02"])]
        (['01-a.ipynb', '02-b.ipynb'], ['02-b.ipynb'])
    """
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"notebooks folder not found: {folder}")
    found = sorted(folder.glob(NOTEBOOK_GLOB), key=lambda p: p.name)
    if not patterns:
        return found
    chosen: list[Path] = []
    for pattern in patterns:
        hits = [
            p
            for p in found
            if fnmatch.fnmatch(p.name, pattern)
            or fnmatch.fnmatch(p.stem, pattern)
            or p.name.startswith(pattern)
        ]
        if not hits:
            raise FileNotFoundError(
                f"no notebook in {folder} matches {pattern!r}; "
                f"available: {[p.name for p in found]}"
            )
        chosen += [p for p in hits if p not in chosen]
    return sorted(chosen, key=lambda p: p.name)


def kernel_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The kernel's environment: ``base`` (default ``os.environ``) + :data:`KERNEL_ENV`.

    The repository root goes first on ``PYTHONPATH`` so the kernel imports
    this checkout's ``analysis`` whatever its working directory.

    Example:
        >>> kernel_env({})["PYTHONHASHSEED"]
        '0'
    """
    env = dict(os.environ if base is None else base)
    env.update(KERNEL_ENV)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def strip_volatile(nb: object) -> object:
    """Remove run-specific metadata from an executed notebook (in place).

    Drops cell timing metadata, reduces ``kernelspec`` and ``language_info``
    to fixed names, and gives cells that lack one a stable id.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.metadata["language_info"] = {"name": "python", "version": "3.12.1"}
        >>> strip_volatile(nb).metadata["language_info"]
        {'name': 'python'}
    """
    meta = nb.metadata  # type: ignore[attr-defined]
    for key in _VOLATILE_NB_METADATA:
        meta.pop(key, None)
    meta["kernelspec"] = dict(_KERNELSPEC)
    meta["language_info"] = {"name": "python"}
    needs_ids = (nb.nbformat, nb.nbformat_minor) >= (4, 5)  # type: ignore[attr-defined]
    for index, cell in enumerate(nb.cells):  # type: ignore[attr-defined]
        for key in _VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if needs_ids and not cell.get("id"):
            digest = hashlib.sha1(f"{index}\n{cell.source}".encode()).hexdigest()[:8]
            cell["id"] = f"cell-{index}-{digest}"
    return nb


def _describe_failure(nb: object, cell_index: int | None, exc: BaseException) -> str:
    text = _ANSI_RE.sub("", str(exc)).strip()
    if cell_index is None:
        return f"before any cell ran: {type(exc).__name__}: {text}"
    cell = nb.cells[cell_index]  # type: ignore[attr-defined]
    first_line = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
    error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
    what = f"{error['ename']}: {_ANSI_RE.sub('', error['evalue'])}" if error else type(exc).__name__
    return f"cell {cell_index} (starts {first_line!r}) failed: {what}\n{text}"


def execute_notebook(
    path: str | os.PathLike[str],
    *,
    timeout: int = DEFAULT_TIMEOUT,
    kernel_name: str = "python3",
    env: dict[str, str] | None = None,
) -> NotebookResult:
    """Execute one notebook in place; rewrite it only if it succeeded and changed.

    Example:
        >>> # execute_notebook("notebooks/03-rates.ipynb").ok
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    start = time.perf_counter()
    original = path.read_bytes()
    nb = nbformat.reads(original.decode("utf-8"), as_version=4)
    current: dict[str, int | None] = {"cell": None}

    def remember(cell: object, cell_index: int) -> None:
        current["cell"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(path.parent.resolve())}},
        record_timing=False,
        coalesce_streams=True,
        extra_arguments=[
            f"--IPKernelApp.exec_lines={_STYLE_LINE}",
            # the kernel listens on loopback only; its "TCP without encryption"
            # notice would print on every run
            "--IPKernelApp.log_level=ERROR",
        ],
        on_cell_start=remember,
    )
    try:
        client.execute(env=env if env is not None else kernel_env())
    except Exception as exc:  # every failure is reported, named, and stops the run
        message = _describe_failure(nb, current["cell"], exc)
        return NotebookResult(path, time.perf_counter() - start, False, message)
    strip_volatile(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode("utf-8")
    if data != original:
        path.write_bytes(data)
    return NotebookResult(path, time.perf_counter() - start, True)


def run_notebooks(
    notebooks: Sequence[str | os.PathLike[str]],
    *,
    timeout: int = DEFAULT_TIMEOUT,
    out: object = None,
) -> list[NotebookResult]:
    """Execute ``notebooks`` in order, printing the time of each and the total.

    Stops at the first failure (later notebooks may need its outputs).

    Example:
        >>> run_notebooks([])
        []
    """
    stream = out if out is not None else sys.stdout
    env = kernel_env()
    results: list[NotebookResult] = []
    total = 0.0
    for nb_path in notebooks:
        result = execute_notebook(nb_path, timeout=timeout, env=env)
        results.append(result)
        total += result.seconds
        status = "ok" if result.ok else "FAILED"
        print(f"{Path(nb_path).name}: {status} in {result.seconds:.1f} s", file=stream, flush=True)
        if not result.ok:
            break
    if results:
        print(f"total: {total:.1f} s for {len(results)} notebook(s)", file=stream, flush=True)
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis notebooks``."""
    parser.add_argument(
        "notebooks",
        nargs="*",
        help="notebooks to run: names, globs or prefixes like 03 (default: all NN-*.ipynb)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="folder holding the notebooks (default: the repository's notebooks/)",
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        help=f"seconds a single cell may run (default {DEFAULT_TIMEOUT})",
    )


def run(args: argparse.Namespace) -> int:
    """Run the selected notebooks; 0 if all succeeded, 1 on a failure, 2 on bad input."""
    from analysis import paths

    folder = args.dir if args.dir is not None else paths.NOTEBOOKS_DIR
    try:
        selected = discover(folder, args.notebooks)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not selected:
        print(f"error: no notebooks named {NOTEBOOK_GLOB} in {folder}", file=sys.stderr)
        return 2
    results = run_notebooks(selected, timeout=args.timeout)
    failed = [r for r in results if not r.ok]
    if failed:
        bad = failed[0]
        print(f"error: notebook {bad.path.name} failed at {bad.error}", file=sys.stderr)
        skipped = len(selected) - len(results)
        if skipped:
            print(f"({skipped} later notebook(s) not run)", file=sys.stderr)
        return 1
    return 0
