"""One quote, many renderings: the renderings of each quote side by side, differences highlighted.

A rate per 1,000 tokens says nothing on a two-word fragment (one match is
500), so this figure shows what there is to see: the words of every
rendering, the words that differ from the cluster's reference rendering (the
longest, marked ★) on a shaded background, the words the lexicon matched in
bold and in their dimension's colour, and beside each rendering the match
*counts* and its number of tokens.

Text is laid out in a monospaced font on a grid of character cells, so the
layout does not depend on font metrics and the files are byte-identical
across runs.

Example:
    >>> import pandas as pd
    >>> r = pd.DataFrame({"rendering_id": [0, 0], "statement_id": ["a-1", "b-1"],
    ...     "printed_by": ["A", "B"], "text": ["those who must be eliminated will be",
    ...     "everybody who should be exterminated will disappear"],
    ...     "n_tokens": [7, 7], "hostility_count": [1, 1]})
    >>> fig, data = plot_renderings(r, title="Renderings", dimensions=("hostility",))
    >>> data[["statement_id", "is_reference", "changed_words"]].values.tolist()
    [['a-1', True, ''], ['b-1', False, 'everybody should exterminated disappear']]
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis.plots import style
from analysis.validate_args import require_columns

#: Quotation marks (and a comma before the closing one) around a rendering:
#: left out so that straight vs curly marks are not shown as differences.
_QUOTE_EDGES = re.compile(r"^[\s\"“”‘'«»]+|[\s\"“”’'«»,]+$")
_MONO = "DejaVu Sans Mono"  # ships with matplotlib: the same cell width everywhere
# DejaVu Sans Mono advances 0.602 em; at this size a cell is exactly 10 pixels
# at the saving DPI (150), so hinted PNG text and unhinted SVG text agree with
# the highlight boxes drawn on the same grid
_CHAR_IN = 1 / 15
_FONT_PT = _CHAR_IN * 72 / 0.602
_LINE_IN = 0.17
_GAP = 0.35  # lines between two renderings
_MARGIN = 2  # character cells left and right
_LABEL_CHARS = 30
_COUNT_CHARS = 10
_CHANGED_COLOR = "#F3C98B"  # light orange background (Okabe-Ito orange, lightened)


@dataclass(frozen=True)
class _Token:
    line: int
    col: int
    text: str
    changed: bool
    dimension: str | None


def _bare(text: str) -> tuple[str, int]:
    """``text`` without its surrounding quotation marks, and how many characters were cut in front."""
    lead = re.match(r"^[\s\"“”‘'«»]+", text)
    cut = lead.end() if lead else 0
    return _QUOTE_EDGES.sub("", text), cut


def _layout(text: str, flags: list[tuple[int, int, bool]], dims: list[str | None],
            width: int) -> tuple[list[_Token], int]:
    """Place the tokens of ``text`` on lines of ``width`` cells, wrapping at spaces."""
    tokens: list[_Token] = []
    line, col = 0, 0
    for (s, e, changed), dim in zip(flags, dims, strict=True):
        word = text[s:e]
        gap = 1 if s > 0 and text[s - 1].isspace() else 0
        if col and col + gap + len(word) > width:
            line, col, gap = line + 1, 0, 0
        col += gap if col else 0
        # a token longer than the line is broken over lines, never cut
        for piece in textwrap.wrap(word, width) if len(word) > width else [word]:
            tokens.append(_Token(line, col, piece, changed, dim))
            col += len(piece)
            if col >= width:
                line, col = line + 1, 0
    return tokens, line + 1 if col or not tokens else line


def _token_dimensions(flags: list[tuple[int, int, bool]], spans: list[tuple[int, int, str]]) -> list[str | None]:
    """The dimension of the match covering each token (the first match wins), or None."""
    out: list[str | None] = []
    for s, e, _ in flags:
        out.append(next((d for ms, me, d in spans if ms < e and s < me), None))
    return out


def _match_spans(matches: pd.DataFrame | None, row: object, cut: int, n: int,
                 dimensions: Sequence[str]) -> list[tuple[int, int, str]]:
    if matches is None or matches.empty:
        return []
    mine = matches[(matches["row"] == row) & matches["dimension"].isin(list(dimensions))]
    spans = [(int(s) - cut, int(e) - cut, str(d)) for s, e, d in
             zip(mine["start"], mine["end"], mine["dimension"])]
    return [(max(0, s), min(n, e), d) for s, e, d in spans if e > 0 and s < n]


def rendering_table(
    renderings: pd.DataFrame,
    *,
    cluster_col: str = "rendering_id",
    id_col: str = "statement_id",
    label_col: str = "printed_by",
    text_col: str = "text",
    dimensions: Sequence[str] = ("hostility", "certainty", "loaded"),
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The per-rendering table :func:`plot_renderings` draws (and writes as its CSV).

    Columns: ``cluster_col``, ``id_col``, ``label_col``, ``is_reference``
    (the longest rendering of its cluster, first on ties), ``text`` (without
    the surrounding quotation marks), ``changed_words`` (the words that are
    not in the reference, space-separated), ``matched`` (``surface
    (dimension)`` of each lexicon match, ``; ``-separated), ``n_tokens`` and
    ``<dim>_count`` per dimension.  ``matches`` is
    :func:`analysis.scoring.score.matches_frame` output whose ``row`` is the
    index of ``renderings``.
    """
    needed = [cluster_col, id_col, label_col, text_col, "n_tokens", *(f"{d}_count" for d in dimensions)]
    require_columns(renderings, needed, who="plot_renderings", frame_name="renderings")
    if renderings.empty:
        raise ValueError("plot_renderings: no renderings")
    if matches is not None:
        require_columns(matches, ["row", "start", "end", "dimension", "surface"], who="plot_renderings", frame_name="matches")
    from analysis.compare.diff import changed_tokens  # imported on use: compare pulls in rapidfuzz

    rows = []
    for _, group in renderings.groupby(cluster_col, sort=True):
        bare = [_bare(t if isinstance(t, str) else "") for t in group[text_col]]
        ref = int(np.argmax([len(b.split()) for b, _ in bare]))
        for k, (idx, rec) in enumerate(group.iterrows()):
            text, cut = bare[k]
            flags = changed_tokens(bare[ref][0], text)
            spans = _match_spans(matches, idx, cut, len(text), dimensions)
            rows.append({
                cluster_col: rec[cluster_col], id_col: rec[id_col], label_col: rec[label_col],
                "is_reference": k == ref, "text": text,
                "changed_words": " ".join(text[s:e] for s, e, c in flags if c and text[s:e][0].isalnum()),
                "matched": "; ".join(f"{text[s:e]} ({d})" for s, e, d in spans),
                "n_tokens": int(rec["n_tokens"]),
                **{f"{d}_count": int(rec[f"{d}_count"]) for d in dimensions},
                "_flags": flags, "_spans": spans,
            })
    return pd.DataFrame(rows)


def plot_renderings(
    renderings: pd.DataFrame,
    *,
    title: str,
    cluster_col: str = "rendering_id",
    id_col: str = "statement_id",
    label_col: str = "printed_by",
    text_col: str = "text",
    header_col: str | None = "speaker",
    group_col: str | None = "article_id",
    dimensions: Sequence[str] = ("hostility", "certainty", "loaded"),
    matches: pd.DataFrame | None = None,
    width_chars: int = 92,
) -> tuple[Figure, pd.DataFrame]:
    """The renderings of each cluster side by side, with differences and match counts.

    One block per cluster (``cluster_col``), headed by ``header_col`` (e.g.
    the speaker) and the numbers of renderings and of ``group_col`` values
    (articles); one row per
    rendering: ``id_col`` and ``label_col`` (who printed it), the words
    (wrapped at ``width_chars``, never cut), then the match count per
    dimension and ``n_tokens``.  Returns the figure and exactly the plotted
    data (:func:`rendering_table`).

    Example:
        >>> # fig, data = plot_renderings(deltas, title="...", matches=matches_frame(shared))
    """
    table = rendering_table(renderings, cluster_col=cluster_col, id_col=id_col, label_col=label_col,
                            text_col=text_col, dimensions=dimensions, matches=matches)
    dims = list(dimensions)
    blocks: list[tuple[str, list[tuple[dict[str, Any], list[_Token], int]]]] = []
    for key, group in table.groupby(cluster_col, sort=True):
        head = f"#{key}"
        if header_col and header_col in renderings.columns:
            speaker = renderings.loc[renderings[cluster_col] == key, header_col].iloc[0]
            head += f" · {speaker}"
        head += f" · {len(group)} renderings"
        if group_col and group_col in renderings.columns:
            n_groups = renderings.loc[renderings[cluster_col] == key, group_col].nunique()
            head += f" in {n_groups} articles" if group_col == "article_id" else f" in {n_groups} {group_col}"
        items = []
        for raw in group.to_dict("records"):
            rec = {str(k): v for k, v in raw.items()}
            tokens, n_lines = _layout(rec["text"], rec["_flags"],
                                      _token_dimensions(rec["_flags"], rec["_spans"]), width_chars)
            label_lines = len(textwrap.wrap(str(rec[label_col]), _LABEL_CHARS - 2)) or 1
            items.append((rec, tokens, max(n_lines, 1 + label_lines)))
        blocks.append((head, items))
    fig = _draw(blocks, title, dims, id_col, label_col, width_chars)
    return fig, table.drop(columns=["_flags", "_spans"]).reset_index(drop=True)


def _draw(blocks: list[tuple[str, list[tuple[dict[str, Any], list[_Token], int]]]], title: str,
          dims: list[str], id_col: str, label_col: str, width: int) -> Figure:
    # x in character cells, y in lines from the top; the axes fill the figure
    text_x = _LABEL_CHARS + 1
    count_x = text_x + width + 2
    total_cols = count_x + _COUNT_CHARS * (len(dims) + 1)
    n_lines = 5 + sum(2 + sum(n + _GAP for _, _, n in items) for _, items in blocks)
    with style.context():
        fig = Figure(figsize=((total_cols + 2 * _MARGIN) * _CHAR_IN, n_lines * _LINE_IN))
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(-_MARGIN, total_cols + _MARGIN)  # one data unit = one character cell
        ax.set_ylim(n_lines, 0)
        ax.axis("off")
        mono: dict[str, Any] = {"family": _MONO, "size": _FONT_PT}
        ax.text(0, 0.9, title, fontsize=style.BASE_FONT_SIZE + 2, va="center", ha="left")
        ax.add_patch(Rectangle((0, 2.15), 5, 0.75, color=_CHANGED_COLOR, linewidth=0))
        ax.text(0, 2.5, "word  ", va="center", **mono)
        legend = ("= not in the cluster's reference rendering (★, the longest)   bold colour = lexicon "
                  "match: " + ", ".join(style.dimension_label(d).lower() for d in dims))
        ax.text(6, 2.5, legend, va="center", **mono)
        ax.text(0, 3.5, "Counts are matches in the rendering, not rates: a fragment of 2 tokens has "
                "no meaningful rate.", va="center", **mono)
        y = 5.0
        for head, items in blocks:
            ax.text(0, y, head, va="center", fontweight="bold", **mono)
            for j, d in enumerate([*dims, "tokens"]):
                ax.text(count_x + j * _COUNT_CHARS + _COUNT_CHARS - 2, y, d[:_COUNT_CHARS - 1],
                        va="center", ha="right", color=style.dimension_color(d) if d != "tokens" else "#444444",
                        **mono)
            ax.plot([0, total_cols], [y + 0.55, y + 0.55], color="#CCCCCC", linewidth=0.6)
            y += 1.2
            for rec, tokens, n in items:
                _draw_rendering(ax, rec, tokens, y, text_x, count_x, dims, id_col, label_col, mono)
                y += n + _GAP
            y += 0.8
    return fig


def _draw_rendering(ax: Axes, rec: dict[str, Any], tokens: list[_Token], y: float, text_x: int,
                    count_x: int, dims: list[str], id_col: str, label_col: str,
                    mono: dict[str, Any]) -> None:
    star = "★ " if rec["is_reference"] else "  "
    label = str(rec[label_col])
    ax.text(0, y, f"{star}{rec[id_col]}", va="center", **mono)
    for k, part in enumerate(textwrap.wrap(label, _LABEL_CHARS - 2) or [""]):
        ax.text(2, y + 1 + k, part, va="center", color="#555555",
                family=_MONO, size=_FONT_PT - 1)
    for t in tokens:
        if t.changed and t.text[:1].isalnum():
            ax.add_patch(Rectangle((text_x + t.col - 0.1, y + t.line - 0.42), len(t.text) + 0.2, 0.84,
                                   color=_CHANGED_COLOR, linewidth=0))
        color = style.dimension_color(t.dimension) if t.dimension else "black"
        ax.text(text_x + t.col, y + t.line, t.text, va="center", color=color,
                fontweight="bold" if t.dimension else "normal", **mono)
    for j, d in enumerate([*dims, "tokens"]):
        value = int(rec[f"{d}_count"] if d != "tokens" else rec["n_tokens"])
        strong = d != "tokens" and value > 0
        ax.text(count_x + j * _COUNT_CHARS + _COUNT_CHARS - 2, y, str(value), va="center", ha="right",
                color=style.dimension_color(d) if strong else "#777777",
                fontweight="bold" if strong else "normal", **mono)
