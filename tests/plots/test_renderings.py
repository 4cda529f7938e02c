"""plot_renderings: renderings side by side, differing words highlighted, counts not rates."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.compare.diff import changed_tokens
from analysis.plots import plot_renderings, save_figure
from analysis.plots.renderings import _layout, rendering_table

TEXTS = [
    '"Those who must be eliminated will be."',
    '"Everybody who should be exterminated will disappear."',
    '"eliminated"',
]


def _renderings() -> pd.DataFrame:
    return pd.DataFrame({
        "rendering_id": [0, 0, 0, 1],
        "statement_id": ["a-1", "b-1", "c-1", "a-2"],
        "printed_by": ["Outlet A", "Outlet B", "Outlet C", "Outlet A"],
        "article_id": ["a", "b", "c", "a"],
        "speaker": ["Dmitry Medvedev"] * 4,
        "text": [*TEXTS, "Retribution is inevitable."],
        "n_tokens": [7, 7, 1, 3],
        "hostility_count": [1, 1, 1, 1],
        "certainty_count": [0, 0, 0, 1],
        "loaded_count": [0, 0, 0, 0],
    }, index=[10, 11, 12, 13])


def _matches() -> pd.DataFrame:
    return pd.DataFrame({"row": [10, 11, 12, 13, 13], "dimension": ["hostility"] * 4 + ["certainty"],
                         "start": [19, 25, 1, 0, 15], "end": [29, 37, 11, 11, 25],
                         "surface": ["eliminated", "exterminated", "eliminated", "Retribution", "inevitable"]})


def test_the_data_is_one_row_per_rendering_with_counts_and_changed_words() -> None:
    fig, data = plot_renderings(_renderings(), title="t", matches=_matches())
    assert data["statement_id"].tolist() == ["a-1", "b-1", "c-1", "a-2"]
    assert data["is_reference"].tolist() == [True, False, False, True]
    assert data.loc[1, "changed_words"] == "Everybody should exterminated disappear"
    assert data.loc[2, "changed_words"] == ""  # a fragment of the reference changes nothing
    assert data.loc[0, "text"] == "Those who must be eliminated will be."  # quotation marks left out
    assert data.loc[1, "matched"] == "exterminated (hostility)"
    assert data.loc[3, "matched"] == "Retribution (hostility); inevitable (certainty)"
    # counts as given, never rates
    assert data[["hostility_count", "certainty_count", "n_tokens"]].values.tolist() == [
        [1, 0, 7], [1, 0, 7], [1, 0, 1], [1, 1, 3]]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "#0 · Dmitry Medvedev · 3 renderings in 3 articles" in texts
    assert "exterminated" in texts and "★ a-1" in texts


def test_the_figure_draws_every_character_of_every_rendering() -> None:
    fig, data = plot_renderings(_renderings(), title="t", matches=_matches())
    drawn = [t.get_text() for t in fig.axes[0].texts]
    for text in data["text"]:
        words = [text[s:e] for s, e, _ in changed_tokens(text, text)]
        assert all(w in drawn for w in words), text


def test_long_lines_wrap_and_long_words_are_broken_not_cut() -> None:
    text = "word " * 30 + "x" * 25
    flags = changed_tokens(text, text)
    tokens, n_lines = _layout(text, flags, [None] * len(flags), width=20)
    assert n_lines > 5
    assert all(t.col + len(t.text) <= 20 for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(text.split())


def test_missing_columns_and_empty_input_are_refused() -> None:
    with pytest.raises(KeyError, match="n_tokens"):
        rendering_table(_renderings().drop(columns="n_tokens"))
    with pytest.raises(ValueError, match="no renderings"):
        rendering_table(_renderings().iloc[:0])
    with pytest.raises(KeyError, match="surface"):
        rendering_table(_renderings(), matches=_matches().drop(columns="surface"))


def test_saved_twice_byte_identical(tmp_path: Path) -> None:
    out = []
    for k in range(2):
        fig, data = plot_renderings(_renderings(), title="t", matches=_matches())
        out.append(save_figure(fig, "06-demo", data, figures_dir=tmp_path / str(k)))
    for kind in ("png", "svg", "csv"):
        assert out[0][kind].read_bytes() == out[1][kind].read_bytes()
    assert list(pd.read_csv(out[0]["csv"]).columns[:4]) == ["rendering_id", "statement_id", "printed_by",
                                                             "is_reference"]


def test_docstring_examples() -> None:
    import doctest

    from analysis.compare import diff
    from analysis.plots import renderings

    for module in (renderings, diff):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
