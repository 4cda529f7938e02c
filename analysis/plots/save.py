"""Save a figure as PNG, SVG and the CSV of exactly what it plots.

Files are byte-identical across runs of the same code and data: the SVG hash
salt is fixed, dates and software stamps are left out of the metadata, the
DPI is fixed and the CSV has a fixed float format and ``\\n`` line endings.
So re-running the notebooks without changes leaves ``git status`` clean.

Example:
    >>> import pandas as pd, tempfile
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); _ = fig.subplots().plot([0, 1], [0, 1])
    >>> out = save_figure(fig, "my_demo-1", pd.DataFrame({"x": [0, 1], "y": [0, 1]}),
    ...                   figures_dir=tempfile.mkdtemp())
    >>> sorted(out), out.alt
    (['csv', 'png', 'svg'], 'Figure my_demo-1: untitled. Data: my_demo-1.csv')

Users pass ``figures_dir`` and may use any safe slug; the project's own
notebooks (run from ``notebooks/``) may leave it out and then must use the
``NN-words`` convention, writing to the project's ``figures/``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis import paths
from analysis.plots import style

#: The project's own figures: ``NN-words-with-dashes``, the number orders
#: figures like the notebooks.  Required when writing to the project's figures/.
SLUG_RE = re.compile(r"^\d\d-[a-z0-9-]+$")

#: Any other figure: a safe file stem (letters, digits, ``_``, ``-``, inner
#: dots), at most 120 characters; no path separators, no leading dot or dash.
SAFE_SLUG_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,118}[A-Za-z0-9_-])?$")

# names Windows refuses as file stems, whatever the extension
_RESERVED_STEMS = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
)

#: Floats in figure CSVs: enough digits to re-plot, stable across platforms.
CSV_FLOAT_FORMAT = "%.10g"

_SVG_METADATA = {"Date": None, "Creator": None}
_PNG_METADATA = {"Software": None}


class SavedFigure(dict[str, Path]):
    """``{'png': path, 'svg': path, 'csv': path}`` plus the figure's ``alt`` text.

    A dict, so existing code indexing ``saved["png"]`` keeps working.
    """

    def __init__(self, files: dict[str, Path], alt: str) -> None:
        super().__init__(files)
        self.alt = alt


def check_slug(slug: str, *, project: bool = False) -> str:
    """Return ``slug`` if it is a safe file stem, else raise ``ValueError``.

    ``project=True`` also requires the project's ``NN-lowercase-words``.

    Example:
        >>> check_slug("hostility_by_outlet-2022")
        'hostility_by_outlet-2022'
        >>> check_slug("03-rates-by-outlet", project=True)
        '03-rates-by-outlet'
        >>> check_slug("../x")
        Traceback (most recent call last):
        ...
        ValueError: figure slug '../x' is not a safe file name: use letters, digits, '_', '-' and inner dots (at most 120 characters, no leading dot or dash), e.g. 'hostility-by-outlet'
    """
    if not isinstance(slug, str) or not SAFE_SLUG_RE.fullmatch(slug) or ".." in slug:
        raise ValueError(
            f"figure slug {slug!r} is not a safe file name: use letters, digits, '_', '-' and "
            "inner dots (at most 120 characters, no leading dot or dash), e.g. 'hostility-by-outlet'"
        )
    if slug.split(".")[0].lower() in _RESERVED_STEMS:
        raise ValueError(f"figure slug {slug!r} is a reserved device name on Windows")
    if project and not SLUG_RE.fullmatch(slug):
        raise ValueError(
            f"figure slug {slug!r} must look like 'NN-lowercase-words' for the project's "
            "figures/ (two digits, a dash, then a-z, 0-9 and dashes), e.g. '03-rates-by-outlet'; "
            "pass figures_dir=... to save anywhere else under any safe name"
        )
    return slug


def _default_dir(slug: str) -> Path:
    """The project's figures/, allowed only for the project's own notebooks.

    A user's figures must not land in the package's checkout by accident, so
    the default applies only when running in the project's ``notebooks/``
    (where ``make figures`` and ``make lab`` run every kernel).
    """
    here = Path.cwd().resolve()
    if here != paths.NOTEBOOKS_DIR.resolve():
        raise ValueError(
            f"save_figure({slug!r}): pass figures_dir= (the folder to write to). The default, "
            "the project's figures/, is used only by the project's own notebooks, run from "
            "its notebooks/ folder"
        )
    check_slug(slug, project=True)
    return paths.FIGURES_DIR


def alt_text(fig: Figure, slug: str) -> str:
    """A one-line description of ``fig`` from its titles and axis labels.

    Used as the image's alt text (screen readers, nbconvert's HTML).

    Example:
        >>> fig = Figure(); ax = fig.subplots(); _ = ax.set(title="Rates", xlabel="bloc", ylabel="per 1,000")
        >>> alt_text(fig, "03-rates")
        'Figure 03-rates: Rates (x: bloc; y: per 1,000). Data: 03-rates.csv'
    """
    parts: list[str] = []
    suptitle = fig.get_suptitle().strip()
    if suptitle:
        parts.append(suptitle)
    for ax in fig.axes:
        title = " ".join(t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t)
        labels = "; ".join(f"{k}: {v}" for k, v in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if v)
        if title or labels:
            parts.append(f"{title} ({labels})".strip() if labels else title)
    body = " | ".join(p for p in parts if p) or "untitled"
    return " ".join(f"Figure {slug}: {body}. Data: {slug}.csv".split())


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
) -> SavedFigure:
    """Write ``<slug>.png``, ``<slug>.svg`` and ``<slug>.csv`` to ``figures_dir``.

    ``data`` must be exactly what the figure plots (every plotting function
    in :mod:`analysis.plots` returns it next to the figure).  ``slug`` is any
    safe file stem (:func:`check_slug`).  ``figures_dir`` is where the files
    go (created if missing); pass it.  Left out, the files go to the
    project's ``figures/`` (:data:`analysis.paths.FIGURES_DIR`), which is
    allowed only in the project's own notebooks (working directory
    ``notebooks/``) and with the project's ``NN-words`` slugs.  Returns a
    :class:`SavedFigure`: ``{'png', 'svg', 'csv'}`` paths and ``.alt``.

    Example:
        >>> save_figure(Figure(), "fig one", pd.DataFrame(), figures_dir=".")
        Traceback (most recent call last):
        ...
        ValueError: figure slug 'fig one' is not a safe file name: use letters, digits, '_', '-' and inner dots (at most 120 characters, no leading dot or dash), e.g. 'hostility-by-outlet'
    """
    check_slug(slug)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"save_figure({slug!r}): data must be the DataFrame that was plotted, "
            f"got {type(data).__name__}"
        )
    out_dir = Path(figures_dir) if figures_dir is not None else _default_dir(slug)
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
    return SavedFigure(written, alt_text(fig, slug))


def show_figure(
    saved: dict[str, Path], *, width: int | None = None, alt: str | None = None
) -> object:
    """The saved PNG as an image with alt text, to show a figure in a notebook.

    The runner draws with the Agg backend, so figures are not displayed by
    themselves; end a cell with ``show_figure(save_figure(...))`` to embed the
    exact PNG that was written (its bytes are stable, so the notebook is too).
    ``alt`` defaults to the :class:`SavedFigure`'s description (titles, axis
    labels, data file), else the file name.  The output carries the PNG with
    the alt text in its metadata (JupyterLab, PDF export) and an ``<img alt>``
    as HTML, which nbconvert's HTML export uses (it reads no alt metadata).

    Example:
        >>> # show_figure(save_figure(fig, "03-rates-by-outlet", data))
    """
    png = Path(saved["png"])
    text = alt if alt is not None else getattr(saved, "alt", None) or f"Figure {png.stem}"
    return _figure_image(png.read_bytes(), text, width)


def _figure_image(data: bytes, alt: str, width: int | None) -> object:
    import base64
    import html

    from IPython.display import Image

    class FigureImage(Image):
        """An embedded PNG that also renders as ``<img alt=...>`` HTML."""

        def _repr_html_(self) -> str:
            size = f' width="{self.width}"' if self.width else ""
            b64 = base64.b64encode(self.data).decode("ascii")
            return f'<img src="data:image/png;base64,{b64}" alt="{html.escape(alt, quote=True)}"{size}/>'

        def __repr__(self) -> str:  # the text/plain output: stable, and says what is shown
            return f"<figure: {alt}>"

    return FigureImage(data=data, format="png", width=width, alt=alt)
