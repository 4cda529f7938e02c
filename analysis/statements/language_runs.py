"""A text's runs of one script: which extractor reads which sentences of a mixed en/ru/uk text.

A text that mixes English sentences with Russian or Ukrainian ones (a
bilingual post, a translation after the original) used to go whole to one
extractor, chosen by the language of the whole: the English tags of a mostly
Cyrillic text were not read.  The rule now:

* the text is cut after each sentence end (``.``, ``!``, ``?``, ``…``, closing
  quotes or brackets, then white space) and at line breaks;
* each piece is Latin or Cyrillic by the majority of its letters (a piece
  without letters joins the run before it);
* consecutive pieces of one script are one run; a run of fewer than
  :data:`MIN_RUN_WORDS` words joins the run before it (or after it, at the
  start), so a Latin name, URL or short English phrase in a Russian text, or
  a Russian word in an English one, changes nothing;
* a Latin run is English; a Cyrillic run is Russian or Ukrainian by
  :func:`analysis.language.detect_language_status` on that run (adjacent
  Russian and Ukrainian sentences are one Cyrillic run, read in the language
  of most of it: the two extractors share their rules and differ in word lists).

Each run is extracted on its own; a quote continues, and a pronoun refers
to, a speaker of its own run only.  A text of one script is one run (the
language of the whole, as before).

Example:
    >>> text = 'Zelensky said: "We will win." Зеленский заявил: «Мы победим».'
    >>> [(text[s:e], lang) for s, e, lang in language_runs(text)]
    [('Zelensky said: "We will win." ', 'en'), ('Зеленский заявил: «Мы победим».', 'ru')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.language import CYRILLIC, LATIN_ASCII, detect_language_status

#: words a run needs to be read by its own extractor
MIN_RUN_WORDS = 4
#: wider than analysis.language.LATIN on purpose: a piece's script counts accented Latin letters
#: too (Latin-1 supplement to Latin Extended-B), so a French or Polish sentence is a Latin piece
_LATIN = re.compile(f"[{LATIN_ASCII}\u00c0-\u024f]")
_PIECE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+")


def _script(piece: str) -> str:
    cyrillic, latin = len(CYRILLIC.findall(piece)), len(_LATIN.findall(piece))
    if cyrillic == latin == 0:
        return ""
    return "cyrillic" if cyrillic > latin else "latin"


@dataclass
class _Run:
    start: int
    end: int
    script: str
    words: int = 0


def _merged(runs: list[_Run]) -> list[_Run]:
    out: list[_Run] = []
    for run in runs:
        if out and (out[-1].script == run.script or not run.script):
            out[-1].end = run.end
        else:
            out.append(run)
    return out


def _absorb(into: _Run, run: _Run) -> None:
    # pieces are cut after white space, so no word spans a cut and counts add up
    into.end, into.words = run.end, into.words + run.words


def _short_runs_joined(runs: list[_Run]) -> list[_Run]:
    """Runs of fewer than MIN_RUN_WORDS words joined to a neighbour, in one pass from the left.

    Taking the first short run each time, as the rule reads, only ever joins
    it to the run before it (then that run to the next if their scripts
    agree), or a short first run to the next, whose script it takes; so one
    left-to-right pass gives the same runs in linear time.
    """
    out: list[_Run] = []
    for run in runs:
        if len(out) == 1 and out[0].words < MIN_RUN_WORDS:
            _absorb(out[0], run)
            out[0].script = run.script
        elif out and out[-1].script == run.script:
            _absorb(out[-1], run)
        else:
            out.append(run)
        if len(out) > 1 and out[-1].words < MIN_RUN_WORDS:
            _absorb(out[-2], out.pop())
    return out


def script_runs(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, script)`` runs covering ``text``; script ``latin``, ``cyrillic`` or '' (no letters).

    Example:
        >>> script_runs("The talks ended late on Monday. Переговоры закончились сегодня вечером.")
        [(0, 32, 'latin'), (32, 71, 'cyrillic')]
        >>> script_runs("Talks ended. Переговоры закончились сегодня вечером.")  # too short to be a run
        [(0, 52, 'cyrillic')]
    """
    bounds = [0, *(m.end() for m in _PIECE_END.finditer(text)), len(text)]
    runs = _merged([_Run(a, b, _script(text[a:b])) for a, b in zip(bounds, bounds[1:]) if a < b])
    for run in runs:
        run.words = len(_WORD.findall(text, run.start, run.end))
    return [(r.start, r.end, r.script) for r in _short_runs_joined(runs)]


def language_runs(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` runs of ``text``: ``en`` for Latin, ``ru``/``uk`` (or the detected
    language) for Cyrillic; one run for a text of one script (see the module doc).

    Example:
        >>> language_runs("Talks ended.")
        [(0, 12, 'en')]
    """
    if not CYRILLIC.search(text):
        return [(0, len(text), "en")]
    runs = script_runs(text)
    if len(runs) == 1:
        return [(0, len(text), detect_language_status(text)[0])]
    return [(a, b, "en" if script != "cyrillic" else detect_language_status(text[a:b])[0])
            for a, b, script in runs]
