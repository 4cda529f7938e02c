"""The notebook runner: in-place execution, stable files, loud failures."""

from __future__ import annotations

import argparse
import io
import json
import platform
from pathlib import Path

import nbformat
import pytest

from analysis import notebook_runner
from analysis.notebook_runner import discover, run_notebooks, strip_volatile


def _write(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# title")] + [
        nbformat.v4.new_code_cell(src) for src in sources
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"fixed-{i}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture()
def notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _write(
        folder / "01-first.ipynb",
        "import os, pathlib\nprint(pathlib.Path.cwd().name)\nprint(os.environ['PYTHONHASHSEED'])",
        "import matplotlib as mpl\nmpl.get_backend(), mpl.rcParams['svg.hashsalt']",
        "import analysis\nfor i in range(3):\n    print(i)",
    )
    _write(folder / "02-second.ipynb", "x = sorted({'b', 'a'})\nx")
    (folder / "scratch.ipynb").write_text("not a notebook the runner touches")
    return folder


@pytest.mark.enable_socket
@pytest.mark.slow
def test_runs_in_place_strips_metadata_and_is_stable(notebooks: Path) -> None:
    paths = discover(notebooks)
    assert [p.name for p in paths] == ["01-first.ipynb", "02-second.ipynb"]
    results = run_notebooks(paths, timeout=120)
    assert [r.ok for r in results] == [True, True]

    first = json.loads((notebooks / "01-first.ipynb").read_text())
    cells = [c for c in first["cells"] if c["cell_type"] == "code"]
    assert cells[0]["outputs"][0]["text"] == ["notebooks\n", "0\n"]  # cwd and hash seed
    assert cells[1]["outputs"][0]["data"]["text/plain"] == ["('Agg', 'analysis-figures')"]
    assert cells[2]["outputs"] == [{"name": "stdout", "output_type": "stream", "text": ["0\n", "1\n", "2\n"]}]
    assert [c["execution_count"] for c in cells] == [1, 2, 3]
    assert all("execution" not in c["metadata"] for c in first["cells"])
    info = first["metadata"]["language_info"]  # the kernel's, as JupyterLab writes it
    assert info["name"] == "python" and info["version"] == platform.python_version()
    assert info["pygments_lexer"] == "ipython3" and info["file_extension"] == ".py"
    assert first["metadata"]["kernelspec"] == {
        "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

    before = {p.name: p.read_bytes() for p in paths}
    run_notebooks(paths, timeout=120)
    assert {p.name: p.read_bytes() for p in paths} == before
    assert (notebooks / "scratch.ipynb").read_text() == "not a notebook the runner touches"


@pytest.mark.enable_socket
@pytest.mark.slow
def test_failing_cell_is_named_and_stops_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nbs"
    folder.mkdir()
    bad = _write(folder / "01-broken.ipynb", "x = 1", "raise ValueError('no data for figure 3')")
    later = _write(folder / "02-later.ipynb", "print('never')")
    original = bad.read_bytes(), later.read_bytes()

    code = notebook_runner.run(argparse.Namespace(notebooks=[], dir=folder, timeout=120))
    assert code == 1
    err = capsys.readouterr().err
    assert "01-broken.ipynb" in err
    assert "cell 2" in err and "ValueError: no data for figure 3" in err
    assert "1 later notebook(s) not run" in err
    assert (bad.read_bytes(), later.read_bytes()) == original


def test_discover_selection_and_errors(tmp_path: Path) -> None:
    for name in ("01-a.ipynb", "02-b.ipynb", "10-c.ipynb", "draft.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in discover(tmp_path, ["10", "01-a"])] == ["01-a.ipynb", "10-c.ipynb"]
    assert [p.name for p in discover(tmp_path, ["0*"])] == ["01-a.ipynb", "02-b.ipynb"]
    with pytest.raises(FileNotFoundError, match="'99'"):
        discover(tmp_path, ["99"])
    with pytest.raises(FileNotFoundError, match="not found"):
        discover(tmp_path / "missing")


def test_cli_reports_bad_selection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    notebook_runner.add_arguments(parser)
    args = parser.parse_args(["--dir", str(tmp_path), "--timeout", "5"])
    assert notebook_runner.run(args) == 2
    assert "no notebooks" in capsys.readouterr().err


def test_strip_volatile_removes_timing_and_keeps_the_kernels_language_info() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    del cell["id"]
    cell.metadata["execution"] = {"iopub.execute_input": "2024-01-01T00:00:00Z"}
    cell.metadata["tags"] = ["keep"]
    nb.cells = [cell]
    info = {"name": "python", "version": "3.12.3", "mimetype": "text/x-python"}
    nb.metadata.update({"language_info": dict(info), "widgets": {}})
    strip_volatile(nb)
    assert nb.cells[0].metadata == {"tags": ["keep"]}
    assert nb.metadata["language_info"] == info and "widgets" not in nb.metadata
    assert nb.cells[0]["id"].startswith("cell-0-")
    again = nbformat.v4.new_notebook()
    again.cells = [nbformat.v4.new_code_cell("1")]
    del again.cells[0]["id"]
    assert strip_volatile(again).cells[0]["id"] == nb.cells[0]["id"]


def _needs_ptc(path: Path) -> Path:
    _write(path, "print('ran')")
    nb = nbformat.read(path, as_version=4)
    nb.metadata["analysis"] = {"requires": ["ptc2020"]}
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="committed output\n")]
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("data", [None, "missing"])
def test_notebook_whose_data_is_missing_is_skipped_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: str | None
) -> None:
    if data is None:
        monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    else:  # what the Makefile sets in a clone without ../shared
        monkeypatch.setenv("ANALYSIS_VALIDATION_DATA", str(tmp_path / "shared" / "validation"))
    nb = _needs_ptc(tmp_path / "09-validation.ipynb")
    before = nb.read_bytes()
    out = io.StringIO()
    results = run_notebooks([nb], timeout=60, out=out)
    assert [(r.ok, bool(r.skipped)) for r in results] == [(True, True)]
    assert nb.read_bytes() == before
    said = out.getvalue()
    assert "09-validation.ipynb: SKIPPED, committed outputs left as they are: PTC-2020 not found" in said
    assert "0 notebook(s), 1 skipped for missing data" in said


def test_unknown_data_requirement_is_an_error(tmp_path: Path) -> None:
    nb_path = _write(tmp_path / "01-x.ipynb", "1")
    nb = nbformat.read(nb_path, as_version=4)
    nb.metadata["analysis"] = {"requires": ["my-corpus"]}
    nbformat.write(nb, nb_path)
    (result,) = run_notebooks([nb_path], timeout=60, out=io.StringIO())
    assert not result.ok and "unknown data requirement 'my-corpus'" in result.error
    assert "ptc2020" in result.error


def test_present_data_is_not_reported_missing(tiny_ptc_root: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["analysis"] = {"requires": ["ptc2020"]}
    assert notebook_runner.missing_data(nb, {"ANALYSIS_VALIDATION_DATA": str(tiny_ptc_root)}) == []


@pytest.fixture()
def tiny_ptc_root(tmp_path: Path) -> Path:
    (tmp_path / "ptc2020" / "train-articles").mkdir(parents=True)
    return tmp_path


@pytest.mark.enable_socket
@pytest.mark.slow
def test_an_output_naming_a_machine_path_is_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = _write(folder / "01-leaky.ipynb", "x = 1", "import os\nprint(os.getcwd())")
    before = nb.read_bytes()
    (result,) = run_notebooks([nb], timeout=120, out=io.StringIO())
    assert not result.ok
    assert "cell 2 writes a machine-specific path" in result.error
    assert nb.read_bytes() == before


def test_base64_images_are_not_mistaken_for_paths() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show_figure(...)")
    blob = "iVBORw0KGgo/tmp/rootAAAA"  # base64 may spell anything
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": f'<img src="data:image/png;base64,{blob}" alt="x"/>', "image/png": blob})]
    nb.cells = [cell]
    assert notebook_runner.find_machine_paths(nb, ["/tmp"]) == []
    cell.outputs[0]["data"]["text/html"] += "<p>/tmp/data is missing</p>"
    assert notebook_runner.find_machine_paths(nb, ["/tmp"]) == [(0, "/tmp")]


def test_machine_roots_cover_repo_home_tmp_and_data(tmp_path: Path) -> None:
    roots = notebook_runner.machine_roots({"ANALYSIS_VALIDATION_DATA": str(tmp_path / "v")})
    assert str(Path.home().resolve()) in roots and str((tmp_path / "v").resolve()) in roots
    assert str(Path(notebook_runner.__file__).resolve().parent.parent) in roots


def test_export_html_is_self_contained_with_alt_text(tmp_path: Path) -> None:
    import base64

    png = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show_figure(...)")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"image/png": png, "text/plain": "<Image>"},
        metadata={"image/png": {"alt": "Figure 01-x: rates <by> bloc"}})]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    src = tmp_path / "01-x.ipynb"
    nbformat.write(nb, src)
    html = notebook_runner.export_html(src, tmp_path / "html").read_text()
    assert_self_contained_with_alt(html, n_images=1)
    assert 'alt="Figure 01-x: rates &lt;by&gt; bloc"' in html


def assert_self_contained_with_alt(html: str, n_images: int) -> None:
    import re

    assert not re.search(r"<script[^>]+src=", html), "a script is fetched"
    assert not re.search(r"<link[^>]+href=\"?https?:", html), "a stylesheet is fetched"
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html), "CSS fetches something"
    assert "mathjax" not in html.lower() and "require.js" not in html
    images = re.findall(r"<img[^>]*>", html)
    assert len(images) == n_images
    assert all(re.search(r'alt="[^"]+"', tag) for tag in images), "an image lacks alt text"


def test_cli_html_export_without_execution(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nbs"
    folder.mkdir()
    _write(folder / "01-a.ipynb", "1")
    parser = argparse.ArgumentParser()
    notebook_runner.add_arguments(parser)
    args = parser.parse_args(["--dir", str(folder), "--no-execute", "--html", str(tmp_path / "out")])
    assert notebook_runner.run(args) == 0
    assert (tmp_path / "out" / "01-a.html").is_file()
    assert notebook_runner.run(parser.parse_args(["--dir", str(folder), "--no-execute"])) == 2
