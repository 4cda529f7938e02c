"""Show *why* a text scored as it did: every counted span, highlighted.

``explain(text)`` returns an :class:`Explanation`.  In a notebook it renders
as HTML (spans coloured by dimension, a legend, a tooltip per span with
dimension, category, lexicon term, weight, side and rule; all text
HTML-escaped).  In a terminal ``str()`` gives the text with
``[[surface|dimension:category]]`` brackets and a table of matches.

Example:
    >>> e = explain("They are idiots.")
    >>> print(str(e).splitlines()[0])
    They are [[idiots|hostility:insult]].
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from analysis.scoring.match import Match
from analysis.scoring.score import LexiconArg, Mode, TextScores, score_text

#: Highlight colours per dimension (colour-blind-safe Okabe-Ito hues, light tints).
COLOURS: dict[str, str] = {
    "hostility": "#f4b6a6",  # vermillion tint
    "hedging": "#a9d4f2",  # sky blue tint
    "certainty": "#f6df8f",  # yellow tint
    "loaded": "#c9b3e6",  # reddish purple tint
}


@dataclass(frozen=True)
class Explanation:
    """A text, its scores and its matches, renderable as HTML or plain text."""

    text: str
    scores: TextScores

    @property
    def matches(self) -> list[Match]:
        """The counted matches, by start offset."""
        return self.scores.matches

    def _layers(self) -> list[tuple[int, int, list[Match]]]:
        # Split the text at every match boundary so overlapping matches
        # (e.g. hostility + loaded on the same phrase) become nested runs.
        cuts = sorted({0, len(self.text), *(m.start for m in self.matches), *(m.end for m in self.matches)})
        runs = []
        for a, b in zip(cuts, cuts[1:]):
            covering = [m for m in self.matches if m.start <= a and m.end >= b]
            runs.append((a, b, covering))
        return runs

    def _repr_html_(self) -> str:
        parts = ['<div class="rhetoric-explain" style="line-height:1.9">']
        for a, b, covering in self._layers():
            chunk = html.escape(self.text[a:b]).replace("\n", "<br>")
            if not covering:
                parts.append(chunk)
                continue
            m = covering[0]
            tip = "\n".join(
                f"{x.dimension}: {x.category} (term '{x.term}', weight {x.weight:g}"
                + (f", side {x.side}" if x.side else "")
                + (f", rule: {x.rule}" if x.rule else "")
                + ")"
                for x in covering
            )
            border = "".join(
                f"border-bottom:3px solid {COLOURS.get(x.dimension, '#ccc')};" for x in covering[1:2]
            )
            parts.append(
                f'<span title="{html.escape(tip, quote=True)}" data-dimension="{html.escape(m.dimension)}" '
                f'style="background:{COLOURS.get(m.dimension, "#ddd")};{border}padding:0 1px;border-radius:3px">'
                f"{chunk}</span>"
            )
        parts.append("</div>")
        legend = " ".join(
            f'<span style="background:{c};padding:0 4px;border-radius:3px">{html.escape(d)}</span>'
            for d, c in COLOURS.items()
        )
        s = self.scores
        summary = html.escape(
            f"tokens {s.n_tokens}, sentences {s.n_sentences}; hostility {s.hostility_count}, "
            f"hedging {s.hedging_count}, certainty {s.certainty_count}, loaded {s.loaded_count}; "
            f"compound {s.sentiment_compound:.3f}"
        )
        return f'<div><div style="font-size:85%">Legend: {legend}</div>{"".join(parts)}<div style="font-size:85%">{summary}</div></div>'

    def bracketed(self) -> str:
        """The text with each outermost match as ``[[surface|dimension:category]]``.

        Example:
            >>> explain("Retribution is inevitable.").bracketed()
            '[[Retribution|hostility:threat_violence]] is [[inevitable|certainty:booster_adjective]].'
        """
        out: list[str] = []
        pos = 0
        for m in self.matches:
            if m.start < pos:
                continue  # nested/overlapping: shown in the table
            same = [x for x in self.matches if x.start == m.start and x.end == m.end]
            labels = ",".join(f"{x.dimension}:{x.category}" for x in same)
            out.append(self.text[pos : m.start])
            out.append(f"[[{self.text[m.start:m.end]}|{labels}]]")
            pos = m.end
        out.append(self.text[pos:])
        return "".join(out)

    def table(self) -> str:
        """Plain-text table of matches."""
        if not self.matches:
            return "(no matches)"
        head = ("start", "end", "surface", "dimension", "category", "term", "weight", "side", "rule")
        rows = [
            (str(m.start), str(m.end), m.surface, m.dimension, m.category, m.term, f"{m.weight:g}", m.side, m.rule)
            for m in self.matches
        ]
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        return "\n".join(fmt.format(*r).rstrip() for r in [head, *rows])

    def __str__(self) -> str:
        return f"{self.bracketed()}\n\n{self.table()}"

    def __repr__(self) -> str:
        s = self.scores
        return (
            f"Explanation(n_tokens={s.n_tokens}, hostility={s.hostility_count}, hedging={s.hedging_count}, "
            f"certainty={s.certainty_count}, loaded={s.loaded_count}, compound={s.sentiment_compound:.4f})\n"
            f"{self}"
        )


def explain(
    text: str,
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
) -> Explanation:
    """Score ``text`` and return an :class:`Explanation` of every counted span.

    Example:
        >>> [m.rule for m in explain("It is not certain.").matches]
        ['predicative use; negated booster -> hedge']
    """
    if not isinstance(text, str):
        raise TypeError(f"explain expects a str, got {type(text).__name__}")
    return Explanation(text, score_text(text, lexicons=lexicons, lexicon_mode=lexicon_mode, sentiment=sentiment))


