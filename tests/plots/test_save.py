"""Deterministic saving: same figure -> same bytes, CSV = plotted data."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.plots import plot_rates_by_group, save_figure, show_figure
from analysis.plots.save import check_slug


@pytest.fixture()
def agg() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_bloc": ["russian", "western", "ukrainian"],
            "n_statements": [12, 30, 0],
            "n_tokens": [400, 900, 0],
            "hostility_rate": [7.5, 2.25, float("nan")],
            "hostility_rate_lo": [4.0, 1.0, float("nan")],
            "hostility_rate_hi": [11.0, 3.5, float("nan")],
        }
    )


def _bytes(out: dict[str, Path]) -> dict[str, bytes]:
    return {k: p.read_bytes() for k, p in out.items()}


def test_two_saves_are_byte_identical(agg: pd.DataFrame, tmp_path: Path) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    first = _bytes(save_figure(fig, "01-rates", data, figures_dir=tmp_path / "a"))
    second = _bytes(save_figure(fig, "01-rates", data, figures_dir=tmp_path / "b"))
    fig2, data2 = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    third = _bytes(save_figure(fig2, "01-rates", data2, figures_dir=tmp_path / "c"))
    assert first == second == third
    assert first["png"].startswith(b"\x89PNG") and b"<svg" in first["svg"]


def test_files_carry_no_date_or_software_stamp(agg: pd.DataFrame, tmp_path: Path) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    out = _bytes(save_figure(fig, "02-stamp", data, figures_dir=tmp_path))
    assert b"<dc:date>" not in out["svg"]
    assert b"Matplotlib v" not in out["svg"]
    assert b"Software" not in out["png"]


def test_same_bytes_in_a_fresh_process_with_another_hash_seed(agg: pd.DataFrame, tmp_path: Path) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    here = _bytes(save_figure(fig, "03-proc", data, figures_dir=tmp_path / "here"))
    agg.to_csv(tmp_path / "agg.csv", index=False)
    script = textwrap.dedent(
        f"""
        import pandas as pd
        from analysis.plots import plot_rates_by_group, save_figure, show_figure
        agg = pd.read_csv({str(tmp_path / "agg.csv")!r})
        fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
        save_figure(fig, "03-proc", data, figures_dir={str(tmp_path / "there")!r})
        """
    )
    env = {"PYTHONHASHSEED": "987", "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=paths.PACKAGE_DIR.parent)
    there = {k: (tmp_path / "there" / f"03-proc.{k}").read_bytes() for k in here}
    assert here == there


def test_csv_is_exactly_the_plotted_data(agg: pd.DataFrame, tmp_path: Path) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    out = save_figure(fig, "04-csv", data, figures_dir=tmp_path)
    raw = out["csv"].read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    back = pd.read_csv(out["csv"], keep_default_na=False, na_values=[""])
    assert list(back.columns) == list(data.columns)
    assert len(back) == len(data) == 3
    pd.testing.assert_frame_equal(back, data, check_dtype=False)


def test_default_directory_is_the_projects_figures_only_from_its_notebooks(
    agg: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "FIGURES_DIR", tmp_path / "figs")
    monkeypatch.setattr(paths, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    (tmp_path / "notebooks").mkdir()
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    monkeypatch.chdir(tmp_path)  # a user's folder: the default is refused
    with pytest.raises(ValueError, match="pass figures_dir="):
        save_figure(fig, "05-default", data)
    assert not (tmp_path / "figs").exists()
    monkeypatch.chdir(tmp_path / "notebooks")  # the project's notebooks
    out = save_figure(fig, "05-default", data)
    assert out["png"] == tmp_path / "figs" / "05-default.png"
    assert all(p.exists() for p in out.values())
    with pytest.raises(ValueError, match="NN-lowercase-words"):
        save_figure(fig, "my-figure", data)  # the project keeps its convention


@pytest.mark.parametrize(
    "slug", ["my-figure", "Hostility_by_outlet", "2022.q1-rates", "a", "01-rates", "x" * 120]
)
def test_users_may_use_any_safe_slug(agg: pd.DataFrame, tmp_path: Path, slug: str) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    out = save_figure(fig, slug, data, figures_dir=tmp_path / "mine")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == sorted(
        f"{slug}.{ext}" for ext in ("csv", "png", "svg")
    )
    assert out["csv"].parent == tmp_path / "mine"


@pytest.mark.parametrize(
    "slug", ["", "../up", "a/b", "a\\b", ".hidden", "-flag", "two words", "x.", "a..b", "x" * 121,
             "CON", "nul.txt", "fig\n", "é-accent"]
)
def test_unsafe_slugs_are_rejected(slug: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="safe file name|reserved device"):
        check_slug(slug)


@pytest.mark.parametrize("slug", ["rates", "1-rates", "01_rates", "01-Rates", "01-", "001-x"])
def test_project_slugs_keep_the_nn_words_convention(slug: str) -> None:
    check_slug(slug)  # safe for a user ...
    with pytest.raises(ValueError, match="NN-lowercase-words"):
        check_slug(slug, project=True)  # ... but not a project figure


def test_good_slug_and_bad_data(agg: pd.DataFrame, tmp_path: Path) -> None:
    assert check_slug("12-hostility-by-bloc-2022", project=True) == "12-hostility-by-bloc-2022"
    fig, _ = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    with pytest.raises(TypeError, match="06-x"):
        save_figure(fig, "06-x", [1, 2, 3], figures_dir=tmp_path)  # type: ignore[arg-type]


def test_show_figure_embeds_the_saved_png(agg: pd.DataFrame, tmp_path: Path) -> None:
    fig, data = plot_rates_by_group(agg, "source_bloc", ["hostility"])
    saved = save_figure(fig, "07-show", data, figures_dir=tmp_path)
    image = show_figure(saved)
    assert image.data == saved["png"].read_bytes()
    assert "object at 0x" not in repr(image)  # notebook text/plain must be stable
    assert repr(image) == f"<figure: {saved.alt}>"
    import base64
    import html

    tag = image._repr_html_()  # what nbconvert's HTML export shows: an <img> with alt
    assert tag.startswith('<img src="data:image/png;base64,')
    assert base64.b64encode(saved["png"].read_bytes()).decode() in tag
    assert f'alt="{html.escape(saved.alt, quote=True)}"' in tag
    assert saved.alt.startswith("Figure 07-show: ") and saved.alt.endswith("Data: 07-show.csv")
    _, meta = image._repr_png_()
    assert meta["alt"] == saved.alt
    assert show_figure(saved, alt="bars")._repr_png_()[1]["alt"] == "bars"
    plain = {k: v for k, v in saved.items()}  # a plain dict of paths still works
    assert show_figure(plain)._repr_png_()[1]["alt"] == "Figure 07-show"
