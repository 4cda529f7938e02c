"""The palette is fixed, colour-blind safe and consistent."""

from __future__ import annotations

import matplotlib as mpl

from analysis.plots import style


def test_each_bloc_has_its_own_fixed_colour() -> None:
    colors = [style.BLOC_COLORS[b] for b in style.BLOC_ORDER]
    assert len(set(colors)) == len(colors)
    assert style.BLOC_COLORS["russian"] == "#D55E00"
    assert style.BLOC_COLORS["western"] == "#0072B2"
    assert style.bloc_color(" Russian ") == "#D55E00"
    assert style.bloc_color("") == style.bloc_color(None) == style.UNKNOWN_COLOR


def test_colours_come_from_okabe_ito_or_greys() -> None:
    allowed = set(style.OKABE_ITO.values())
    for color in [*style.BLOC_COLORS.values(), *style.DIMENSION_COLORS.values()]:
        r, g, b = mpl.colors.to_rgb(color)
        assert color in allowed or r == g == b, color


def test_context_does_not_leak() -> None:
    before = mpl.rcParams["svg.hashsalt"]
    with style.context():
        assert mpl.rcParams["svg.hashsalt"] == "analysis-figures"
    assert mpl.rcParams["svg.hashsalt"] == before


def test_labels() -> None:
    assert style.label_with_n("BBC", 1234) == "BBC (n=1,234)"
    assert style.label_with_n("BBC", float("nan")) == "BBC (n=0)"
    assert style.unit_label("hedging") == "rate per 1,000 tokens"
    assert "VADER" in style.unit_label("sentiment")
    assert style.is_bloc_column(["russian", "", "western"])
    assert not style.is_bloc_column(["TASS", "russian"])
