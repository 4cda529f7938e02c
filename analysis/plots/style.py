"""One figure style for the whole project: colours, fonts, sizes.

Colours come from the Okabe-Ito palette, which stays distinguishable under
the common colour-vision deficiencies.  Every figure that encodes the source
bloc uses the same colour for it; figures that encode the dimension use the
dimension colours.  Sequential maps use ``cividis`` (perceptually uniform and
colour-blind safe), diverging maps ``PuOr``.

Example:
    >>> bloc_color("russian"), bloc_color("not a bloc")
    ('#D55E00', '#BBBBBB')
    >>> label_with_n("TASS", 1234)
    'TASS (n=1,234)'

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make
    figures and presentations that are friendly to colorblind people.
    https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
from cycler import cycler

from analysis.constants import BLOC_ORDER as _BLOC_ORDER

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Blocs in the order figures list them.
BLOC_ORDER: tuple[str, ...] = _BLOC_ORDER

#: The fixed colour of each source bloc, in every figure.
BLOC_COLORS: dict[str, str] = {
    "russian": OKABE_ITO["vermillion"],
    "western": OKABE_ITO["blue"],
    "ukrainian": OKABE_ITO["bluish_green"],
    "other": "#999999",
}
#: Colour for an unknown or blank bloc.
UNKNOWN_COLOR = "#BBBBBB"

#: Colours of the scored dimensions (figures that encode dimension, not bloc).
DIMENSION_COLORS: dict[str, str] = {
    "hostility": OKABE_ITO["reddish_purple"],
    "hedging": OKABE_ITO["sky_blue"],
    "certainty": OKABE_ITO["orange"],
    "loaded": OKABE_ITO["black"],
    "sentiment": "#777777",
}

DIMENSION_LABELS: dict[str, str] = {
    "hostility": "Hostility",
    "hedging": "Hedging",
    "certainty": "Certainty (boosters)",
    "loaded": "Loaded terms",
    "sentiment": "Sentiment (VADER)",
}

RATE_UNIT = "rate per 1,000 tokens"
SENTIMENT_UNIT = "mean VADER compound (-1 to 1)"

SEQUENTIAL_CMAP = "cividis"
DIVERGING_CMAP = "PuOr"

BASE_FONT_SIZE = 9.0
DPI = 150
# width of a one-column figure in inches; panels scale from it
FIG_WIDTH = 7.0

#: The rcParams every figure is drawn and saved with.
RC_PARAMS: dict[str, Any] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs everywhere
    "font.size": BASE_FONT_SIZE,
    "axes.titlesize": BASE_FONT_SIZE + 2,
    "axes.labelsize": BASE_FONT_SIZE,
    "xtick.labelsize": BASE_FONT_SIZE - 1,
    "ytick.labelsize": BASE_FONT_SIZE - 1,
    "legend.fontsize": BASE_FONT_SIZE - 1,
    "figure.titlesize": BASE_FONT_SIZE + 3,
    "axes.prop_cycle": cycler(
        color=[OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange",
                                      "reddish_purple", "sky_blue", "black", "yellow")]
    ),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "image.cmap": SEQUENTIAL_CMAP,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "savefig.bbox": "standard",
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.fonttype": "path",
    # SVG element ids are hashes salted with this; fixed salt -> same file
    "svg.hashsalt": "analysis-figures",
    "path.simplify": True,
}


def apply() -> None:
    """Set the project style globally (e.g. at the top of a notebook).

    Example:
        >>> apply(); import matplotlib as mpl; mpl.rcParams["svg.hashsalt"]
        'analysis-figures'
    """
    # matplotlib's stubs key rcParams by a Literal of every known name; ours are all known
    mpl.rcParams.update(RC_PARAMS)  # type: ignore[arg-type]


@contextmanager
def context() -> Iterator[None]:
    """Draw or save inside the project style without changing global state.

    Example:
        >>> with context():
        ...     import matplotlib as mpl; mpl.rcParams["image.cmap"]
        'cividis'
    """
    with mpl.rc_context(RC_PARAMS):  # type: ignore[arg-type]  # see apply()
        yield


def bloc_color(bloc: object) -> str:
    """The fixed colour of a source bloc; grey for unknown or blank."""
    if isinstance(bloc, str):
        return BLOC_COLORS.get(bloc.strip().lower(), UNKNOWN_COLOR)
    return UNKNOWN_COLOR


def dimension_color(dimension: str) -> str:
    """The colour of a scored dimension (black when not one of ours)."""
    return DIMENSION_COLORS.get(dimension, OKABE_ITO["black"])


def dimension_label(dimension: str) -> str:
    """Readable name of a dimension, e.g. ``'Certainty (boosters)'``."""
    return DIMENSION_LABELS.get(dimension, dimension.replace("_", " ").capitalize())


def unit_label(dimension: str) -> str:
    """What a dimension's value measures: a rate, or mean sentiment."""
    return SENTIMENT_UNIT if dimension == "sentiment" else RATE_UNIT


def label_with_n(label: object, n: int | float) -> str:
    """``'label (n=1,234)'``; a missing n shows as ``n=0``."""
    count = 0 if n != n else int(n)  # NaN-safe
    return f"{label} (n={count:,})"


def is_bloc_column(values: object) -> bool:
    """True when every non-blank value is one of the known blocs."""
    seen = {str(v).strip().lower() for v in values if isinstance(v, str) and v.strip()}  # type: ignore[attr-defined]
    return bool(seen) and seen <= set(BLOC_COLORS)
