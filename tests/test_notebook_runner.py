"""The notebook runner: in-place execution, stable files, loud failures."""

from __future__ import annotations

import argparse
import json
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
    assert first["metadata"]["language_info"] == {"name": "python"}
    assert first["metadata"]["kernelspec"]["name"] == "python3"

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


def test_strip_volatile_removes_timing_and_versions() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    del cell["id"]
    cell.metadata["execution"] = {"iopub.execute_input": "2024-01-01T00:00:00Z"}
    cell.metadata["tags"] = ["keep"]
    nb.cells = [cell]
    nb.metadata.update({"language_info": {"name": "python", "version": "3.12.3"}, "widgets": {}})
    strip_volatile(nb)
    assert nb.cells[0].metadata == {"tags": ["keep"]}
    assert nb.metadata["language_info"] == {"name": "python"} and "widgets" not in nb.metadata
    assert nb.cells[0]["id"].startswith("cell-0-")
    again = nbformat.v4.new_notebook()
    again.cells = [nbformat.v4.new_code_cell("1")]
    del again.cells[0]["id"]
    assert strip_volatile(again).cells[0]["id"] == nb.cells[0]["id"]
