"""Word-level differences between two renderings of one statement.

Example:
    >>> ops = word_diff("those who must be eliminated will be",
    ...                 "everybody who should be exterminated will disappear")
    >>> render_diff(ops)
    '[-those-]{+everybody+} who [-must-]{+should+} be [-eliminated-]{+exterminated+} will [-be-]{+disappear+}'
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher
from typing import Literal

from analysis.validate_args import check_choice

# words (with inner apostrophes/hyphens) and single punctuation marks, so a
# rendering can be rebuilt from its tokens
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")

DiffOp = tuple[str, list[str], list[str]]


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def word_diff(a: str, b: str, *, ignore_case: bool = True) -> list[DiffOp]:
    """Align the words of ``a`` and ``b`` and list the edit operations.

    Returns ``(op, a_words, b_words)`` tuples in order, ``op`` one of
    ``'equal'``, ``'replace'``, ``'delete'`` (only in ``a``), ``'insert'``
    (only in ``b``).  Punctuation marks are tokens of their own.  Words are
    compared case-insensitively by default but returned as written.

    Example:
        >>> word_diff("Retribution is inevitable.", "retribution is inevitable")
        [('equal', ['Retribution', 'is', 'inevitable'], ['retribution', 'is', 'inevitable']), ('delete', ['.'], [])]
    """
    ta, tb = _tokens(a), _tokens(b)
    key = (lambda t: t.lower().replace("’", "'")) if ignore_case else (lambda t: t)
    matcher = SequenceMatcher(None, [key(t) for t in ta], [key(t) for t in tb], autojunk=False)
    return [(op, ta[i1:i2], tb[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def changed_tokens(reference: str, text: str, *, ignore_case: bool = True) -> list[tuple[int, int, bool]]:
    """Tokens of ``text`` as ``(start, end, changed)``, aligned to ``reference`` as in :func:`word_diff`.

    ``changed`` is True for a token that :func:`word_diff` reports as
    inserted or replaced (not in ``reference`` at that point); offsets are
    character offsets in ``text``.

    Example:
        >>> t = "everybody who should be"
        >>> [(t[s:e], c) for s, e, c in changed_tokens("those who must be", t)]
        [('everybody', True), ('who', False), ('should', True), ('be', False)]
    """
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    flags = [False] * len(spans)
    j = 0
    for op, _, wb in word_diff(reference, text, ignore_case=ignore_case):
        for k in range(j, j + len(wb)):
            flags[k] = op != "equal"
        j += len(wb)
    return [(s, e, f) for (s, e), f in zip(spans, flags, strict=True)]


def _join(words: list[str]) -> str:
    text = re.sub(r" ([^\w\s'’(\[{<“‘«])", r"\1", " ".join(words))
    return re.sub(r"([(\[{<“‘«]) ", r"\1", text)


def render_diff(ops: list[DiffOp], *, fmt: Literal["text", "html"] = "text") -> str:
    """Render :func:`word_diff` output as wdiff-style text or HTML.

    Text marks removed words ``[-like this-]`` and added words ``{+like
    this+}``; HTML uses ``<del>`` and ``<ins>`` (escaped, ready for
    ``IPython.display.HTML``).  Equal stretches show ``a``'s words.

    Example:
        >>> render_diff(word_diff("will be", "will explode"), fmt="html")
        'will <del>be</del><ins>explode</ins>'
    """
    check_choice("fmt", fmt, ("text", "html"), who="render_diff")
    esc = html.escape if fmt == "html" else (lambda s: s)
    parts: list[str] = []
    for op, wa, wb in ops:
        old, new = esc(_join(wa)), esc(_join(wb))
        if op == "equal":
            parts.append(old)
            continue
        removed = "" if op == "insert" else (
            f"<del>{old}</del>" if fmt == "html" else f"[-{old}-]"
        )
        added = "" if op == "delete" else (
            f"<ins>{new}</ins>" if fmt == "html" else f"{{+{new}+}}"
        )
        parts.append(removed + added)
    return re.sub(r" ([.,;:!?])", r"\1", " ".join(p for p in parts if p))
