"""Every notebook runs headless, as `make figures` runs it, in a fresh clone, and changes nothing.

The notebooks are executed once, in a fresh ``git clone`` of this checkout
(uncommitted changes carried over and committed in the clone), with the same
runner ``make figures`` uses.  Afterwards ``git status --porcelain`` in the
clone must be empty: every figure and notebook is byte-identical to the
committed one.  Since those were written by an earlier run, this checks two
consecutive runs for byte identity and that what is committed is up to date.

Notebook 09 needs PTC-2020 (never committed) and declares it.  Without
``ANALYSIS_VALIDATION_DATA`` the run above *is* a user's fresh clone without
``../shared``.  With the data, 09 is executed and compared too, and a second,
cheap run in the clone with the data folder pointing nowhere (what the
Makefile sets when ``../shared`` is absent) re-runs the runner on the
notebooks that declare data; no other notebook reads it (checked), so that
covers ``make figures`` without the data.

Two more checks need no execution: opening and saving every committed
notebook through jupyter_server's contents manager (JupyterLab's save path)
after the kernel's ``language_info`` and ``kernelspec`` are set, as JupyterLab
sets them, changes no byte; and every figure image has alt text and exports
to self-contained HTML.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import paths
from analysis.notebook_runner import NotebookResult, discover, export_html, run_notebooks

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]

VALIDATION_NOTEBOOK_PREFIX = "09-"


def _has_ptc() -> bool:
    d = paths.validation_data_dir()
    return d is not None and ((d / "ptc2020").is_dir() or (d / "train-articles").is_dir())


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid",
                           *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def fresh_clone(dest: Path) -> Path:
    """``git clone`` this checkout into ``dest``, with its uncommitted changes committed there."""
    assert paths.REPO_ROOT is not None, "the notebook test runs from a checkout"
    src = paths.REPO_ROOT
    _git("clone", "--quiet", "--no-hardlinks", str(src), str(dest), cwd=dest.parent)
    diff = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=src, capture_output=True,
                          check=True).stdout
    if diff:
        subprocess.run(["git", "apply", "--whitespace=nowarn"], cwd=dest, input=diff, check=True)
    for name in _git("ls-files", "--others", "--exclude-standard", "-z", cwd=src).split("\0"):
        if name:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / name, dest / name)
    _git("add", "-A", cwd=dest)
    _git("commit", "--quiet", "--allow-empty", "-m", "working tree under test", cwd=dest)
    return dest


def _status(clone: Path) -> list[str]:
    return [ln for ln in _git("status", "--porcelain", "--untracked-files=all", cwd=clone).splitlines() if ln]


_RESULTS: dict[str, list[NotebookResult]] = {}


@pytest.fixture(scope="module")
def executed_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clone = fresh_clone(tmp_path_factory.mktemp("clone") / "repo")
    old = os.environ.get("ANALYSIS_REPO_ROOT")
    os.environ["ANALYSIS_REPO_ROOT"] = str(clone)
    try:
        results = run_notebooks(discover(clone / "notebooks"), timeout=600)
    finally:
        if old is None:
            os.environ.pop("ANALYSIS_REPO_ROOT", None)
        else:
            os.environ["ANALYSIS_REPO_ROOT"] = old
    failed = [r for r in results if not r.ok]
    assert not failed, f"notebook failed: {failed[0]}"
    assert len(results) == len(discover(paths.NOTEBOOKS_DIR))
    _RESULTS["run"] = results
    return clone


def test_every_notebook_is_numbered_and_runs(executed_clone: Path) -> None:
    names = [p.name for p in discover(executed_clone / "notebooks")]
    assert names and all(n[:2].isdigit() and n[2] == "-" for n in names)


def test_running_every_notebook_leaves_the_clone_clean(executed_clone: Path) -> None:
    changed = _status(executed_clone)
    assert not changed, f"re-running the notebooks changed: {changed}"


def test_the_validation_notebook_runs_when_its_data_is_there(executed_clone: Path) -> None:
    skipped = {r.path.name: r.skipped for r in _RESULTS["run"] if r.skipped}
    if not _has_ptc():
        assert list(skipped) == [p.name for p in discover(executed_clone / "notebooks")
                                 if p.name.startswith(VALIDATION_NOTEBOOK_PREFIX)]
        pytest.skip("PTC-2020 not found: 09-validation was skipped and left as committed, as in a "
                    "user's clone (set ANALYSIS_VALIDATION_DATA to execute and compare it too)")
    assert not skipped, f"skipped although the data is there: {skipped}"


def _declares_data(nb_path: Path) -> bool:
    return bool(json.loads(nb_path.read_text(encoding="utf-8"))["metadata"].get("analysis", {}).get("requires"))


def test_only_notebooks_that_declare_data_read_the_validation_folder() -> None:
    for nb_path in discover(paths.NOTEBOOKS_DIR):
        cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
        source = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        reads = re.search(r"validation_data_dir|ANALYSIS_VALIDATION_DATA|resolve_ptc_dir|evaluate_ptc", source)
        assert bool(reads) == _declares_data(nb_path), (
            f"{nb_path.name}: reads the validation data folder but does not declare it in "
            'metadata "analysis": {"requires": [...]}, or the reverse')


def test_make_figures_without_shared_leaves_a_fresh_clone_clean(executed_clone: Path) -> None:
    needing = [p.name[:2] for p in discover(executed_clone / "notebooks") if _declares_data(p)]
    assert needing, "no notebook declares data: nothing to check"
    env = {k: v for k, v in os.environ.items() if k != "ANALYSIS_VALIDATION_DATA"}
    env["ANALYSIS_VALIDATION_DATA"] = str(executed_clone.parent / "shared" / "validation")  # as make sets it
    env["ANALYSIS_REPO_ROOT"] = str(executed_clone)
    done = subprocess.run([sys.executable, "-m", "analysis", "notebooks", *needing], cwd=executed_clone,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "SKIPPED, committed outputs left as they are: PTC-2020 not found" in done.stdout
    assert not _status(executed_clone)


def _kernel_metadata() -> tuple[dict[str, object], dict[str, object]]:
    """The ``language_info`` a fresh python3 kernel reports, and its ``kernelspec``, as JupyterLab stores them."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import start_new_kernel

    spec = KernelSpecManager().get_kernel_spec("python3")
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        msg_id = kc.kernel_info()
        while True:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    kernelspec = {"display_name": spec.display_name, "language": spec.language, "name": "python3"}
    return reply["content"]["language_info"], kernelspec


def test_opening_and_saving_in_jupyterlab_changes_nothing(tmp_path: Path) -> None:
    from jupyter_server.services.contents.filemanager import FileContentsManager

    language_info, kernelspec = _kernel_metadata()
    for nb_path in discover(paths.NOTEBOOKS_DIR):
        shutil.copy2(nb_path, tmp_path / nb_path.name)
    manager = FileContentsManager(root_dir=str(tmp_path))
    changed = []
    for nb_path in discover(paths.NOTEBOOKS_DIR):
        model = manager.get(nb_path.name, content=True, type="notebook")
        # What the browser sends back: the model as JSON, with the kernel's metadata set.
        content = json.loads(json.dumps(model["content"]))
        content["metadata"]["language_info"] = language_info
        content["metadata"]["kernelspec"] = kernelspec
        manager.save({"type": "notebook", "format": "json", "content": content}, nb_path.name)
        if (tmp_path / nb_path.name).read_bytes() != nb_path.read_bytes():
            changed.append(nb_path.name)
    assert not changed, f"open + save in JupyterLab would change {changed} (regenerate: make figures)"


def test_every_figure_image_has_alt_text() -> None:
    missing = []
    for nb_path in discover(paths.NOTEBOOKS_DIR):
        for i, cell in enumerate(json.loads(nb_path.read_text(encoding="utf-8"))["cells"]):
            for out in cell.get("outputs", []):
                if "image/png" in out.get("data", {}):
                    alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
                    if not alt.strip():
                        missing.append(f"{nb_path.name} cell {i}")
    assert not missing, f"images without alt text: {missing}"


def test_stock_nbconvert_html_finds_alt_text_on_every_figure() -> None:
    from nbconvert import HTMLExporter

    for nb_path in discover(paths.NOTEBOOKS_DIR):
        html, _ = HTMLExporter().from_filename(str(nb_path))
        figures = re.findall(r"<img[^>]*src=\"data:image/png;base64[^>]*>", html)
        missing = [t[:80] for t in figures if not re.search(r'alt="(?!No description)[^"]+"', t)]
        assert not missing, f"{nb_path.name}: nbconvert finds no alt text on {len(missing)} figure(s)"


def test_html_export_is_self_contained_with_alt_text(tmp_path: Path) -> None:
    for nb_path in discover(paths.NOTEBOOKS_DIR):
        html = export_html(nb_path, tmp_path).read_text(encoding="utf-8")
        n_images = sum("image/png" in o.get("data", {})
                       for c in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
                       for o in c.get("outputs", []))
        assert not re.search(r"<script[^>]+src=", html), f"{nb_path.name}: a script is fetched"
        assert not re.search(r"<link[^>]+href=\"?https?:", html), f"{nb_path.name}: a stylesheet is fetched"
        assert not re.search(r"@import|url\(\s*['\"]?https?:", html), f"{nb_path.name}: CSS fetches"
        assert "mathjax" not in html.lower() and "require.js" not in html
        # figure outputs only: a Markdown output may quote an <img> tag from corpus text
        images = re.findall(r"<img[^>]*src=\"data:image/png;base64[^>]*>", html)
        assert len(images) == n_images and all(re.search(r'alt="[^"]+"', t) for t in images), nb_path.name


def test_every_figure_has_png_svg_and_the_csv_of_its_data() -> None:
    stems = {p.stem for p in paths.FIGURES_DIR.iterdir()}
    for stem in stems:
        for ext in (".png", ".svg", ".csv"):
            assert (paths.FIGURES_DIR / f"{stem}{ext}").is_file(), f"{stem}{ext} missing"


def test_readme_maps_every_figure_to_its_notebook() -> None:
    assert paths.REPO_ROOT is not None
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    stems = sorted({p.stem for p in paths.FIGURES_DIR.glob("*.png")})
    missing = [s for s in stems if s not in readme]
    assert not missing, f"README does not list figures {missing}"
