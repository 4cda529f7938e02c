"""Show *why* a text scored as it did: every counted span, highlighted.

``explain(text)`` returns an :class:`Explanation`.  In a notebook it renders
as HTML: spans coloured by dimension (dark text on a light tint, so it reads
in JupyterLab's light and dark themes), a legend (including the underline
that marks a second dimension on the same words), a tooltip per span with
dimension, category, lexicon term, weight, side, rule and the entry's note,
and VADER's per-word valences for every sentence.  All text is HTML-escaped.

In a terminal ``str()`` gives the text with ``[[surface|dimension:category]]``
brackets, the table of matches and the per-sentence valences;
:meth:`Explanation.table` returns the matches as a DataFrame,
:meth:`Explanation.sentences` the per-sentence sentiment and
:meth:`Explanation.ranking` the named parts of ``loaded_ranking_score``
(also one line of both renderings).

Example:
    >>> e = explain("They are idiots.")
    >>> print(str(e).splitlines()[0])
    They are [[idiots|hostility:insult]].
    >>> e.table()[["surface", "dimension", "weight"]].to_dict("records")
    [{'surface': 'idiots', 'dimension': 'hostility', 'weight': 1.5}]
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from analysis.scoring.match import Match
from analysis.scoring.normalize import strip_invisible
from analysis.scoring.score import (
    LEXICON_MODES,
    SENTIMENT_UNAVAILABLE,
    LexiconArg,
    Mode,
    TextScores,
    _check_language,
    score_text,
)
from analysis.scoring.sentiment import BACKENDS
from analysis.scoring.tokenize import count_words, sentence_spans
from analysis.validate_args import check_choice

if TYPE_CHECKING:
    from analysis.scoring.fastvader import FastVader

#: Highlight colours per dimension (colour-blind-safe Okabe-Ito hues, light tints).
COLOURS: dict[str, str] = {
    "hostility": "#f4b6a6",  # vermillion tint
    "hedging": "#a9d4f2",  # sky blue tint
    "certainty": "#f6df8f",  # yellow tint
    "loaded": "#c9b3e6",  # reddish purple tint
    "naming": "#a8e0cc",  # bluish green tint
}
#: Text colour on every highlight: the tints are light, and JupyterLab's dark
#: theme would otherwise draw its light text on them.
TEXT_COLOUR = "#1a1a1a"

#: What a match's weight means, shown under the table and in the HTML.
WEIGHT_NOTE = (
    "weight: what one match adds to its dimension's *_score (1000 x sum of weights / n_tokens); "
    "1 is a typical term, higher is stronger (1.5 counts half again as much), lower is milder. "
    "*_count and *_rate count every match once, whatever its weight."
)
VALENCE_NOTE = (
    "VADER valence per word after its rules (negation, boosters, ALL CAPS, idioms, 'but'), "
    "before punctuation emphasis; a sentence's compound normalises their sum, and the text's "
    "compound is the token-weighted mean of its sentences."
)
_TABLE_COLUMNS = ("start", "end", "surface", "dimension", "category", "term", "weight", "side",
                  "rule", "mention", "holder", "note")


@dataclass(frozen=True)
class SentenceSentiment:
    """VADER on one sentence: its scores and the words behind them."""

    start: int
    end: int
    n_tokens: int
    compound: float
    valences: tuple[tuple[str, float], ...] = field(default=())


@dataclass(frozen=True)
class Explanation:
    """A text, its scores, its matches and per-sentence sentiment; HTML or plain text."""

    text: str
    scores: TextScores
    sentiment: tuple[SentenceSentiment, ...] = field(default=())

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

    def _span_html(self, chunk: str, covering: list[Match]) -> str:
        m = covering[0]
        tip = "\n".join(
            f"{x.dimension}: {x.category} (term '{x.term}', weight {x.weight:g}"
            + (f", side {x.side}" if x.side else "")
            + (f", rule: {x.rule}" if x.rule else "")
            + ((", mention" + (f" (term of {x.holder})" if x.holder else "") + ", not counted")
               if x.mention else "")
            + ")"
            + (f"\nnote: {x.note}" if x.note else "")
            for x in covering
        )
        border = "".join(
            f"border-bottom:3px solid {_darker(x.dimension)};" for x in covering[1:2]
        )
        return (
            f'<span title="{html.escape(tip, quote=True)}" data-dimension="{html.escape(m.dimension)}" '
            f'style="background:{COLOURS.get(m.dimension, "#ddd")};color:{TEXT_COLOUR};{border}'
            f'padding:0 1px;border-radius:3px">{chunk}</span>'
        )

    def _legend_html(self) -> str:
        chips = " ".join(
            f'<span style="background:{c};color:{TEXT_COLOUR};padding:0 4px;border-radius:3px">'
            f"{html.escape(d)}</span>"
            for d, c in COLOURS.items()
        )
        underline = (
            f'<span style="border-bottom:3px solid {_darker("loaded")};padding:0 2px">underlined</span>'
            ": the same words also count in a second dimension (underline in that dimension's "
            "colour; hover for every dimension, its weight and the lexicon note)"
        )
        return f'<div style="font-size:85%">Legend: {chips} &middot; {underline}</div>'

    def _sentiment_html(self) -> str:
        if not self.sentiment:
            return ""
        rows = []
        for s in self.sentiment:
            words = html.escape(_valence_list(s.valences))
            sentence = html.escape(self.text[s.start:s.end])
            rows.append(f"<li>compound {s.compound:+.4f}, {s.n_tokens} tokens: <i>{sentence}</i>"
                        f"<br>&nbsp;&nbsp;{words}</li>")
        return (f'<div style="font-size:85%">VADER per sentence ({html.escape(VALENCE_NOTE)})'
                f'<ul style="margin:0">{"".join(rows)}</ul></div>')

    def _repr_html_(self) -> str:
        parts = ['<div class="rhetoric-explain" style="line-height:1.9">']
        for a, b, covering in self._layers():
            chunk = html.escape(self.text[a:b]).replace("\n", "<br>")
            parts.append(self._span_html(chunk, covering) if covering else chunk)
        parts.append("</div>")
        s = self.scores
        summary = html.escape(
            f"tokens {s.n_tokens}, sentences {s.n_sentences}; hostility {s.hostility_count}, "
            f"hedging {s.hedging_count}, certainty {s.certainty_count}, loaded {s.loaded_count}, "
            f"naming {s.naming_count}; language {s.language}; {_compound_text(s)}"
        )
        weight = f'<div style="font-size:85%">{html.escape(WEIGHT_NOTE)}</div>' if self.matches else ""
        ranking = f'<div style="font-size:85%">{html.escape(self.ranking_text())}</div>'
        return (f"<div>{self._legend_html()}{''.join(parts)}"
                f'<div style="font-size:85%">{summary}</div>{weight}{ranking}{self._sentiment_html()}</div>')

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
            labels = ",".join(f"{x.dimension}:{x.category}" + (":mention" if x.mention else "") for x in same)
            out.append(self.text[pos : m.start])
            out.append(f"[[{self.text[m.start:m.end]}|{labels}]]")
            pos = m.end
        out.append(self.text[pos:])
        return "".join(out)

    def table(self) -> pd.DataFrame:
        """The matches, one row each: offsets, surface, dimension, category, term,
        weight, side, rule and the lexicon entry's note (source or rationale).

        Example:
            >>> list(explain("Nothing here.").table().columns)[:4]
            ['start', 'end', 'surface', 'dimension']
        """
        return pd.DataFrame([{c: getattr(m, c) for c in _TABLE_COLUMNS} for m in self.matches],
                            columns=list(_TABLE_COLUMNS))

    def table_text(self) -> str:
        """The table of matches as aligned plain text, for a terminal."""
        if not self.matches:
            return "(no matches)"
        rows = [
            (str(m.start), str(m.end), m.surface, m.dimension, m.category, m.term, f"{m.weight:g}",
             m.side, m.rule, "yes" if m.mention else "", m.holder, m.note)
            for m in self.matches
        ]
        head = _TABLE_COLUMNS
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        lines = [fmt.format(*r).rstrip() for r in [head, *rows]]
        return "\n".join([*lines, "", WEIGHT_NOTE])

    def sentences(self) -> pd.DataFrame:
        """VADER per sentence: offsets, tokens, compound and ``word valence`` pairs.

        Example:
            >>> explain("Good news. Bad news.").sentences()[["compound", "words"]].to_dict("list")
            {'compound': [0.4404, -0.5423], 'words': ['Good (+1.9)', 'Bad (-2.5)']}
        """
        rows = [{"start": s.start, "end": s.end, "sentence": self.text[s.start:s.end],
                 "n_tokens": s.n_tokens, "compound": s.compound,
                 "words": _valence_list(s.valences, empty="")} for s in self.sentiment]
        return pd.DataFrame(rows, columns=["start", "end", "sentence", "n_tokens", "compound", "words"])

    def sentiment_text(self) -> str:
        """Per-sentence VADER valences as plain text (empty without sentiment)."""
        if not self.sentiment:
            return ""
        lines = [f"VADER per sentence ({VALENCE_NOTE})"]
        for i, s in enumerate(self.sentiment, 1):
            words = _valence_list(s.valences)
            lines.append(f"  {i}. compound {s.compound:+.4f} ({s.n_tokens} tokens): {words}")
        return "\n".join(lines)

    def ranking(self) -> pd.DataFrame:
        """The named parts of ``loaded_ranking_score`` (default form) for this text: one row
        with ``weight``, ``length_factor``, each part, ``score`` (their sum) and ``status``.

        Example:
            >>> explain('A "hoax"!').ranking()[["scare_quotes", "exclamation"]].values.tolist()
            [[1.0, 0.25]]
        """
        from analysis.scoring.indices import loaded_ranking_contributions

        return loaded_ranking_contributions(pd.DataFrame([self.scores.to_dict()]), [self.text])

    def ranking_text(self) -> str:
        """One line: the ranking score, its non-zero parts and (unless ``ok``) the row's status.

        Example:
            >>> explain('A "hoax"!').ranking_text()
            'loaded_ranking_score 1.67 = negative_tone 0.352 + peak_valence 0.0688 + scare_quotes 1 + exclamation 0.25'
        """
        row = self.ranking().iloc[0]
        parts = " + ".join(f"{p} {row[p]:.3g}" for p in _ranking_parts() if row[p])
        status = "" if row["status"] == "ok" else f" (status {row['status']})"
        return f"loaded_ranking_score {row['score']:.3g}" + (f" = {parts}" if parts else "") + status

    def __str__(self) -> str:
        tail = self.sentiment_text()
        return (f"{self.bracketed()}\n\n{self.table_text()}\n\n{self.ranking_text()}"
                + (f"\n\n{tail}" if tail else ""))

    def __repr__(self) -> str:
        s = self.scores
        return (
            f"Explanation(n_tokens={s.n_tokens}, hostility={s.hostility_count}, hedging={s.hedging_count}, "
            f"certainty={s.certainty_count}, loaded={s.loaded_count}, naming={s.naming_count}, "
            f"language={s.language}, compound={s.sentiment_compound:.4f}, "
            f"sentiment_status={s.sentiment_status})\n"
            f"{self}"
        )


_DARK: dict[str, str] = {  # full Okabe-Ito hues, for underlines (visible on any background)
    "hostility": "#d55e00",
    "hedging": "#0072b2",
    "certainty": "#e69f00",
    "loaded": "#cc79a7",
    "naming": "#009e73",
}


def _compound_text(s: TextScores) -> str:
    if s.sentiment_status == SENTIMENT_UNAVAILABLE:
        return "sentiment unavailable (VADER is English-only; not run on ru/uk/Cyrillic text)"
    return f"compound {s.sentiment_compound:.3f}"


def _valence_list(valences: tuple[tuple[str, float], ...], empty: str = "(no VADER word)") -> str:
    # tokens keep their punctuation ("certain,"), so each value is bracketed
    return "; ".join(f"{w} ({v:+g})" for w, v in valences) or empty


def _ranking_parts() -> tuple[str, ...]:
    from analysis.scoring.indices import RANKING_CONTRIBUTIONS

    return RANKING_CONTRIBUTIONS


def _darker(dimension: str) -> str:
    return _DARK.get(dimension, "#777777")


def sentence_sentiment(text: str, sentiment: str = "fast") -> tuple[SentenceSentiment, ...]:
    """VADER on each sentence of ``text`` (the sentences ``score_text`` averages).

    ``sentiment="none"`` gives no sentences.  The valences come from
    :class:`~analysis.scoring.fastvader.FastVader`, which equals vaderSentiment.

    Example:
        >>> [(s.compound, s.valences) for s in sentence_sentiment("It is not good.")]
        [(-0.3412, (('good.', -1.406),))]
    """
    if sentiment == "none":
        return ()
    from analysis.scoring.sentiment import get_backend

    scorer = get_backend(sentiment)
    vader = _fast_vader()
    # VADER reads the text as score_text does, without the invisible
    # characters; the spans are on the original text
    clean, offsets = strip_invisible(text)
    out = []
    for a, b in sentence_spans(clean):
        sent = clean[a:b]
        n = count_words(sent)
        compound = scorer(sent)["compound"] if (n and scorer is not None) else 0.0
        valences = tuple(vader.word_valences(sent)) if n else ()
        if offsets is not None:
            a, b = offsets[a], offsets[b]
        out.append(SentenceSentiment(a, b, n, compound, valences))
    return tuple(out)


@lru_cache(maxsize=1)
def _fast_vader() -> FastVader:
    # Building FastVader reads its lexicon files; explain() is called often in a notebook.
    from analysis.scoring.fastvader import FastVader

    return FastVader()


def _check_options(language: str | None, lexicon_mode: str, sentiment: str) -> None:
    # checked here so that the error names explain, not the score_text it calls
    _check_language(language, "explain")
    check_choice("lexicon_mode", lexicon_mode, LEXICON_MODES, who="explain")
    check_choice("sentiment", sentiment, BACKENDS, who="explain")


def explain(
    text: str,
    *,
    lexicons: LexiconArg = None,
    lexicon_mode: Mode = "extend",
    sentiment: str = "fast",
    language: str | None = None,
    count_mentions: bool = False,
) -> Explanation:
    """Score ``text`` and return an :class:`Explanation` of every matched span.

    Mentions ("so-called ...", scare quotes) are shown, marked ``:mention``,
    and not counted unless ``count_mentions=True``; naming ("Kiev", "special
    military operation") is shown as its own dimension.

    ``language`` as in :func:`~analysis.scoring.score.score_text` (detected
    when ``None``).  A ru/uk text shows its lemma matches (``naming`` too)
    and no VADER sentences: its sentiment is unavailable.

    Example:
        >>> [m.rule for m in explain("It is not certain.").matches]
        ['predicative use; negated booster -> hedge']
        >>> e = explain("Рашисти обстріляли Київ.")
        >>> print(str(e).splitlines()[0])
        [[Рашисти|loaded:delegitimising_label]] обстріляли [[Київ|naming:place_name]].
        >>> e.scores.language, e.sentences().empty
        ('uk', True)
        >>> explain('It is what Moscow calls a "special military operation".').bracketed()
        'It is what Moscow calls a "[[special military operation|naming:euphemism:mention]]".'
    """
    if not isinstance(text, str):
        raise TypeError(f"explain expects a str, got {type(text).__name__}")
    _check_options(language, lexicon_mode, sentiment)
    scores = score_text(text, lexicons=lexicons, lexicon_mode=lexicon_mode, sentiment=sentiment,
                        language=language, count_mentions=count_mentions)
    if scores.sentiment_status == SENTIMENT_UNAVAILABLE:
        return Explanation(text, scores, ())
    return Explanation(text, scores, sentence_sentiment(text, sentiment))
