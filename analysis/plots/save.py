"""Save a figure as PNG, SVG and the CSV of exactly what it plots.

Files are byte-identical across runs of the same code and data: the SVG hash
salt is fixed, dates and software stamps are left out of the metadata, the
DPI is fixed and the CSV has a fixed float format and ``\\n`` line endings.
So re-running the notebooks without changes leaves ``git status`` clean.

Example:
    >>> import pandas as pd, tempfile
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); _ = fig.subplots().plot([0, 1], [0, 1])
    >>> out = save_figure(fig, "01-demo", pd.DataFrame({"x": [0, 1], "y": [0, 1]}),
    ...                   figures_dir=tempfile.mkdtemp())
    >>> sorted(out)
    ['csv', 'png', 'svg']
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis import paths
from analysis.plots import style

#: ``NN-words-with-dashes``: the number orders figures like the notebooks.
SLUG_RE = re.compile(r"^\d\d-[a-z0-9-]+$")

#: Floats in figure CSVs: enough digits to re-plot, stable across platforms.
CSV_FLOAT_FORMAT = "%.10g"

_SVG_METADATA = {"Date": None, "Creator": None}
_PNG_METADATA = {"Software": None}


def check_slug(slug: str) -> str:
    """Return ``slug`` if it looks like ``'03-rates-by-outlet'``, else raise.

    Example:
        >>> check_slug("03-rates-by-outlet")
        '03-rates-by-outlet'
    """
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise ValueError(
            f"figure slug {slug!r} must look like 'NN-lowercase-words' "
            f"(two digits, a dash, then a-z, 0-9 and dashes), e.g. '03-rates-by-outlet'"
        )
    return slug


def write_csv(data: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``data`` deterministically (no index, fixed floats, ``\\n``)."""
    path = Path(path)
    text = data.to_csv(index=False, lineterminator="\n", float_format=CSV_FLOAT_FORMAT)
    path.write_bytes(text.encode("utf-8"))
    return path


def save_figure(
    fig: Figure,
    slug: str,
    data: pd.DataFrame,
    *,
    figures_dir: str | os.PathLike[str] | None = None,
) -> dict[str, Path]:
    """Write ``<slug>.png``, ``<slug>.svg`` and ``<slug>.csv`` to ``figures_dir``.

    ``data`` must be exactly what the figure plots (every plotting function
    in :mod:`analysis.plots` returns it next to the figure).
    ``figures_dir`` defaults to :data:`analysis.paths.FIGURES_DIR` and is
    created if missing.  Returns ``{'png': path, 'svg': path, 'csv': path}``.

    Example:
        >>> check_slug("figure one")
        Traceback (most recent call last):
        ...
        ValueError: figure slug 'figure one' must look like 'NN-lowercase-words' (two digits, a dash, then a-z, 0-9 and dashes), e.g. '03-rates-by-outlet'
    """
    check_slug(slug)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"save_figure({slug!r}): data must be the DataFrame that was plotted, "
            f"got {type(data).__name__}"
        )
    out_dir = Path(figures_dir) if figures_dir is not None else paths.FIGURES_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {
        "png": out_dir / f"{slug}.png",
        "svg": out_dir / f"{slug}.svg",
        "csv": out_dir / f"{slug}.csv",
    }
    with style.context():
        fig.savefig(written["png"], format="png", dpi=style.DPI, metadata=_PNG_METADATA)
        fig.savefig(written["svg"], format="svg", metadata=_SVG_METADATA)
    write_csv(data, written["csv"])
    return written


def show_figure(saved: dict[str, Path], *, width: int | None = None) -> object:
    """The saved PNG as an IPython image, to show a figure in a notebook.

    The runner draws with the Agg backend, so figures are not displayed by
    themselves; end a cell with ``show_figure(save_figure(...))`` to embed the
    exact PNG that was written (its bytes are stable, so the notebook is too).

    Example:
        >>> # show_figure(save_figure(fig, "03-rates-by-outlet", data))
    """
    from IPython.display import Image

    return Image(data=Path(saved["png"]).read_bytes(), format="png", width=width)
