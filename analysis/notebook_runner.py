"""Execute the notebooks in order, headless and in place, reproducibly.

``python -m analysis notebooks`` (and ``make figures``) runs every
``notebooks/NN-*.ipynb`` in name order, in this one process with nbclient (a
fresh kernel per notebook), and writes each notebook back with its outputs.

Reproducibility: the kernel gets ``PYTHONHASHSEED=0``, ``MPLBACKEND=Agg``,
``TQDM_DISABLE=1`` (progress bars print timings) and the project's
matplotlib style (:func:`analysis.plots.style.apply`, run before the first
cell); the working directory is the notebook's folder and the repository is
on ``PYTHONPATH``, so ``import analysis`` works from anywhere.  After
execution, volatile metadata is removed (cell timings, widget state) and
stream outputs are merged, so a re-run without changes leaves the files
byte-identical.  The notebooks themselves must print nothing that varies
between runs (no timings, no memory addresses, no unsorted sets).

Opening in JupyterLab is a no-op: the notebook keeps the ``kernelspec`` and
the kernel's full ``language_info`` (what JupyterLab writes as soon as its
kernel starts), and is written with nbformat's serialisation (indent 1,
sorted keys, trailing newline), which jupyter_server uses on save.  The
``language_info`` holds the Python version, so a kernel on another Python
version will mark the notebook modified; that is JupyterLab's doing.

Data a notebook needs but the project cannot ship (PTC-2020) is declared in
its metadata, ``"analysis": {"requires": ["ptc2020"]}`` (names in
:data:`DATA_REQUIREMENTS`).  When it is missing the notebook is *skipped*:
its committed outputs are left exactly as they are and the terminal says
why, so ``make figures`` in a fresh clone leaves ``git status`` clean.

No machine paths: an executed notebook whose outputs name the repository,
the home or temporary folder or the validation data folder is not written
(the run fails and names the cell), since such a path differs per machine.

Failure: the first failing cell stops the run; its notebook is named with the
cell number and error, the exit code is 1, and the failing notebook is not
rewritten.  Other environment variables (e.g. ``ANALYSIS_VALIDATION_DATA``)
pass through to the kernel unchanged.

Example:
    $ python -m analysis notebooks              # all, in order
    $ python -m analysis notebooks 03 '05-*'    # a selection
    $ python -m analysis notebooks --html out/ --no-execute   # self-contained HTML
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import importlib.util
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

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
    #: why the notebook was not executed (data missing); empty when it ran
    skipped: str = ""


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

    Drops cell timing metadata and widget state, sets the ``kernelspec``
    JupyterLab writes, and gives cells that lack one a stable id.  The
    kernel's ``language_info`` is kept whole: JupyterLab writes exactly that
    when it opens the notebook, so keeping it makes open-and-save a no-op.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.metadata["language_info"] = {"name": "python", "version": "3.12.1"}
        >>> nb.metadata["widgets"] = {}
        >>> sorted(strip_volatile(nb).metadata), nb.metadata["language_info"]["version"]
        (['kernelspec', 'language_info'], '3.12.1')
    """
    meta = nb.metadata  # type: ignore[attr-defined]
    for key in _VOLATILE_NB_METADATA:
        meta.pop(key, None)
    meta["kernelspec"] = dict(_KERNELSPEC)
    needs_ids = (nb.nbformat, nb.nbformat_minor) >= (4, 5)  # type: ignore[attr-defined]
    for index, cell in enumerate(nb.cells):  # type: ignore[attr-defined]
        for key in _VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if needs_ids and not cell.get("id"):
            digest = hashlib.sha1(f"{index}\n{cell.source}".encode()).hexdigest()[:8]
            cell["id"] = f"cell-{index}-{digest}"
    return nb


def _ptc_missing(env: Mapping[str, str]) -> str | None:
    from analysis.validation.exceptions import ValidationDataError
    from analysis.validation.ptc import resolve_ptc_dir

    folder = env.get("ANALYSIS_VALIDATION_DATA", "")
    if not folder:
        # judged on the kernel's environment only: resolve_ptc_dir(None) would
        # fall back to this process's own variable
        return "PTC-2020 not found: ANALYSIS_VALIDATION_DATA is not set"
    try:
        resolve_ptc_dir(folder)
    except ValidationDataError as err:
        return str(err)
    return None


#: Data a notebook may declare in ``metadata["analysis"]["requires"]``: each
#: checker gets the kernel's environment and says why the data is missing
#: (None when present).
DATA_REQUIREMENTS: dict[str, Callable[[Mapping[str, str]], str | None]] = {
    "ptc2020": _ptc_missing,
}


def missing_data(nb: object, env: Mapping[str, str]) -> list[str]:
    """Why the data ``nb`` declares it needs is missing (empty: all present).

    Raises ``ValueError`` for a requirement name the runner does not know.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> nb.metadata["analysis"] = {"requires": ["ptc2020"]}
        >>> missing_data(nb, {})
        ['PTC-2020 not found: ANALYSIS_VALIDATION_DATA is not set']
    """
    declared = nb.metadata.get("analysis", {}).get("requires", [])  # type: ignore[attr-defined]
    if isinstance(declared, str) or not isinstance(declared, list):
        raise ValueError(f'metadata "analysis.requires" must be a list of names, got {declared!r}')
    reasons = []
    for name in declared:
        check = DATA_REQUIREMENTS.get(name)
        if check is None:
            raise ValueError(
                f'unknown data requirement {name!r} in metadata "analysis.requires"; '
                f"known: {sorted(DATA_REQUIREMENTS)}"
            )
        reason = check(env)
        if reason:
            reasons.append(reason)
    return reasons


def machine_roots(env: Mapping[str, str]) -> list[str]:
    """Folders whose absolute paths differ per machine and must not enter a notebook.

    Example:
        >>> "/" in machine_roots({})
        False
    """
    candidates = [
        Path(__file__).resolve().parent.parent,
        Path.home(),
        Path(tempfile.gettempdir()),
        *(Path(env[k]) for k in ("ANALYSIS_REPO_ROOT", "ANALYSIS_VALIDATION_DATA") if env.get(k)),
    ]
    roots = {str(p.expanduser().resolve()) for p in candidates} | {str(p) for p in candidates}
    return sorted((r for r in roots if len(Path(r).parts) > 1), key=len, reverse=True)


# embedded images (HTML <img src="data:...">) are base64, where "/tmp" can occur by chance
_DATA_URI_RE = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def _output_texts(output: Mapping[str, object]) -> Iterator[str]:
    for key in ("text", "evalue"):
        value = output.get(key)
        if isinstance(value, str):
            yield value
    traceback = output.get("traceback")
    if isinstance(traceback, list):
        yield from (str(x) for x in traceback)
    data = output.get("data")
    if isinstance(data, Mapping):
        for mime, value in data.items():
            if not str(mime).startswith("image/") and isinstance(value, str):
                yield _DATA_URI_RE.sub("data:", value)


def find_machine_paths(nb: object, roots: Sequence[str]) -> list[tuple[int, str]]:
    """``(cell index, path)`` for every output naming a folder in ``roots``.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> cell = nbformat.v4.new_code_cell("print(p)")
        >>> cell.outputs = [nbformat.v4.new_output("stream", text="/home/ana/data does not exist")]
        >>> nb.cells = [cell]
        >>> find_machine_paths(nb, ["/home/ana"])
        [(0, '/home/ana')]
    """
    found = []
    for index, cell in enumerate(nb.cells):  # type: ignore[attr-defined]
        for output in cell.get("outputs", []):
            hit = next((r for t in _output_texts(output) for r in roots if r in t), None)
            if hit is not None:
                found.append((index, hit))
                break
    return found


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

    Skipped, untouched, when data it declares it needs is missing.

    Example:
        >>> # execute_notebook("notebooks/03-rates.ipynb").ok
    """
    import nbformat

    path = Path(path)
    start = time.perf_counter()
    env = env if env is not None else kernel_env()
    original = path.read_bytes()
    nb = nbformat.reads(original.decode("utf-8"), as_version=4)
    try:
        missing = missing_data(nb, env)
    except ValueError as exc:
        return NotebookResult(path, time.perf_counter() - start, False, f"before any cell ran: {exc}")
    if missing:
        return NotebookResult(path, time.perf_counter() - start, True, skipped="; ".join(missing))
    error = _execute(nb, path, timeout=timeout, kernel_name=kernel_name, env=env)
    if error is None:
        leaks = find_machine_paths(nb, machine_roots(env))
        if leaks:
            cell, root = leaks[0]
            error = (f"cell {cell} writes a machine-specific path ({root!r}) into its output; "
                     "print names relative to the repository instead (notebook not written)")
    if error is not None:
        return NotebookResult(path, time.perf_counter() - start, False, error)
    data = serialise(nb)
    if data != original:
        path.write_bytes(data)
    return NotebookResult(path, time.perf_counter() - start, True)


def _execute(nb: object, path: Path, *, timeout: int, kernel_name: str, env: dict[str, str]) -> str | None:
    """Run every cell of ``nb`` (in place); the failure description, or None."""
    from nbclient import NotebookClient

    current: dict[str, int | None] = {"cell": None}

    def remember(cell: object, cell_index: int) -> None:
        current["cell"] = cell_index

    client = NotebookClient(
        nb,  # type: ignore[arg-type]
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
        client.execute(env=env)
    except Exception as exc:  # every failure is reported, named, and stops the run
        return _describe_failure(nb, current["cell"], exc)
    return None


def serialise(nb: object) -> bytes:
    """``nb`` stripped and validated, as jupyter_server writes it (nbformat, ``\\n`` at the end).

    Example:
        >>> import nbformat
        >>> serialise(nbformat.v4.new_notebook()).endswith(b"}\\n")
        True
    """
    import nbformat

    strip_volatile(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


# The lab template, minus what it fetches from a CDN: require.js (only for
# widgets, which these notebooks do not use), MathJax (no TeX in them) and
# mermaid (no diagrams).  Images carry the alt text show_figure stores.
_HTML_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
 alt="{{ ((output | get_metadata('alt', 'image/png')) or (cell | get_metadata('alt')) or '') | escape_html }}"
{%- set width=output | get_metadata('width', 'image/png') -%}
{%- if width is not none %} width={{ width | escape_html }}{%- endif %}>
</div>
{%- endblock data_png %}
"""


def export_html(path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> Path:
    """Write ``<out_dir>/<stem>.html``: self-contained (no CDN scripts), images with alt text.

    Images are embedded; CSS is inlined by nbconvert's lab template.  The
    file is written to a temporary name and renamed.

    Example:
        >>> # export_html("notebooks/02-scoring.ipynb", "html/")
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    src = Path(path)
    nb = nbformat.reads(src.read_text(encoding="utf-8"), as_version=4)
    exporter = HTMLExporter(
        template_file="rhetoric_analysis.html.j2",
        extra_loaders=[jinja2.DictLoader({"rhetoric_analysis.html.j2": _HTML_TEMPLATE})],
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": src.stem}})
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{src.stem}.html"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(target)
    return target


def run_notebooks(
    notebooks: Sequence[str | os.PathLike[str]],
    *,
    timeout: int = DEFAULT_TIMEOUT,
    out: TextIO | None = None,
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
        name = Path(nb_path).name
        if result.skipped:
            print(f"{name}: SKIPPED, committed outputs left as they are: {result.skipped}",
                  file=stream, flush=True)
            continue
        status = "ok" if result.ok else "FAILED"
        print(f"{name}: {status} in {result.seconds:.1f} s", file=stream, flush=True)
        if not result.ok:
            break
    if results:
        skipped = sum(1 for r in results if r.skipped)
        note = f", {skipped} skipped for missing data" if skipped else ""
        print(f"total: {total:.1f} s for {len(results) - skipped} notebook(s){note}",
              file=stream, flush=True)
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
    parser.add_argument(
        "--html",
        type=Path,
        default=None,
        metavar="DIR",
        help="also export each notebook as self-contained HTML into DIR (after running it)",
    )
    parser.add_argument(
        "--no-execute",
        action="store_true",
        help="do not run the notebooks (use with --html to export them as committed)",
    )


#: What ``run`` imports (the ``notebooks`` extra of pyproject.toml).
_NOTEBOOK_MODULES: tuple[str, ...] = ("nbformat", "nbclient", "nbconvert", "ipykernel")


def run(args: argparse.Namespace) -> int:
    """Run the selected notebooks; 0 if all succeeded, 1 on a failure, 2 on bad input."""
    from analysis import paths

    missing = [m for m in _NOTEBOOK_MODULES if importlib.util.find_spec(m) is None]
    if missing:  # optional dependencies: one line, not an ImportError from deep inside
        print(f"error: running notebooks needs {', '.join(missing)}: "
              "pip install 'rhetoric-analysis[notebooks]'", file=sys.stderr)
        return 2
    folder = args.dir if args.dir is not None else paths.NOTEBOOKS_DIR
    try:
        selected = discover(folder, args.notebooks)
    except FileNotFoundError as exc:
        # an installed wheel carries no notebooks: say where they are
        where = ("" if args.dir is not None or paths.REPO_ROOT is not None else
                 "; the notebooks are in a checkout of the repository (not in the installed package): "
                 "run from it, set ANALYSIS_REPO_ROOT, or pass --dir DIR")
        print(f"error: {exc}{where}", file=sys.stderr)
        return 2
    if not selected:
        print(f"error: no notebooks named {NOTEBOOK_GLOB} in {folder}", file=sys.stderr)
        return 2
    html_dir = getattr(args, "html", None)
    if getattr(args, "no_execute", False):
        if html_dir is None:
            print("error: --no-execute does nothing without --html DIR", file=sys.stderr)
            return 2
    else:
        results = run_notebooks(selected, timeout=args.timeout)
        failed = [r for r in results if not r.ok]
        if failed:
            bad = failed[0]
            print(f"error: notebook {bad.path.name} failed at {bad.error}", file=sys.stderr)
            skipped = len(selected) - len(results)
            if skipped:
                print(f"({skipped} later notebook(s) not run)", file=sys.stderr)
            return 1
    if html_dir is not None:
        for nb_path in selected:
            print(f"{nb_path.name}: HTML -> {export_html(nb_path, html_dir)}", flush=True)
    return 0
