"""Whose words each stretch of a cleaned article is: the narrator or a quoted outlet.

An article's narration belongs to its narrator (the outlet, or the wire when
the body is wholly wire copy).  Where the article reproduces another outlet's
text at length (``quoted_sources.csv``), that stretch belongs to the quoted
outlet.  ``voice_segments`` partitions the cleaned text accordingly, so any
character range can be attributed (``attribute_span``).  ``outlet_label``
names an outlet or narrator nobody identified by its article, so unrelated
unidentified pages never pool into one voice.

Example:
    >>> segs = voice_segments(20, "Blog", "other", [(5, 12, "NPR", "western", "passage")])
    >>> [(s.start, s.end, s.narrator) for s in segs]
    [(0, 5, 'Blog'), (5, 12, 'NPR'), (12, 20, 'Blog')]
    >>> attribute_span(segs, 6, 10).narrator
    'NPR'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

VOICE_COLUMNS: tuple[str, ...] = (
    "start", "end", "narrator", "narrator_bloc", "quoted_from", "kind",
)
#: Outlet or narrator names that identify nobody; each article's gets its own label.
UNIDENTIFIED_NAMES: frozenset[str] = frozenset({"", "unidentified", "unknown"})


def outlet_label(name: object, article_id: object, unidentified: Iterable[str] = UNIDENTIFIED_NAMES) -> str:
    """The outlet's (or narrator's) name, or ``"unidentified (<article id>)"`` when it names nobody.

    Unidentified outlets must not be pooled into one pseudo-outlet: each
    article then stands for its own (unknown) publisher.  None and NaN count
    as unidentified; names are stripped and compared with ``unidentified``
    case-insensitively.  The one home of this label: narrators
    (``load_corpus``), ``split_voices`` and ``outlet_labels`` all use it.

    Example:
        >>> outlet_label("TASS", "a-1"), outlet_label(" unidentified", "seed-000"), outlet_label(None, "b")
        ('TASS', 'unidentified (seed-000)', 'unidentified (b)')
    """
    text = "" if name is None or name != name else str(name).strip()
    unknown = unidentified if unidentified is UNIDENTIFIED_NAMES else {u.strip().casefold() for u in unidentified}
    return f"unidentified ({article_id})" if text.casefold() in unknown else text


@dataclass(frozen=True)
class Voice:
    """A stretch ``[start, end)`` of cleaned text and who narrates it.

    ``kind`` is ``narration`` (the article's narrator) or the quoted-source
    kind (``passage``, ``wire_copy``); ``quoted_from`` is the quoted outlet or ''.
    """

    start: int
    end: int
    narrator: str
    narrator_bloc: str
    quoted_from: str
    kind: str


def voice_segments(
    text_length: int,
    narrator: str,
    narrator_bloc: str,
    passages: Iterable[tuple[int, int, str, str, str]],
) -> list[Voice]:
    """Partition ``[0, text_length)`` into narrator and quoted-outlet segments.

    ``passages`` are ``(start, end, outlet, bloc, kind)`` in cleaned-text
    offsets; they must not overlap.

    Example:
        >>> [v.kind for v in voice_segments(10, "X", "other", [])]
        ['narration']
    """
    out: list[Voice] = []
    pos = 0
    for start, end, outlet, bloc, kind in sorted(passages):
        if start < pos or end > text_length or start > end:
            raise ValueError(f"passage {start}..{end} overlaps another or lies outside the text")
        if start > pos:
            out.append(Voice(pos, start, narrator, narrator_bloc, "", "narration"))
        if end > start:
            out.append(Voice(start, end, outlet, bloc, outlet, kind))
        pos = end
    if pos < text_length or not out:
        out.append(Voice(pos, text_length, narrator, narrator_bloc, "", "narration"))
    return out


def overlapping(voices: Sequence[Voice], start: int, end: int) -> list[Voice]:
    """The segments that overlap ``[start, end)``, clipped to it.

    Example:
        >>> segs = voice_segments(20, "Blog", "other", [(5, 12, "NPR", "western", "passage")])
        >>> [(v.start, v.end, v.narrator) for v in overlapping(segs, 3, 8)]
        [(3, 5, 'Blog'), (5, 8, 'NPR')]
    """
    return [
        Voice(max(v.start, start), min(v.end, end), v.narrator, v.narrator_bloc, v.quoted_from, v.kind)
        for v in voices
        if v.start < end and start < v.end
    ]


def attribute_span(voices: Sequence[Voice], start: int, end: int) -> Voice:
    """The segment covering most of ``[start, end)`` (the first one on a tie).

    An empty span takes the segment it sits in.

    Example:
        >>> segs = voice_segments(20, "Blog", "other", [(5, 12, "NPR", "western", "passage")])
        >>> attribute_span(segs, 0, 8).narrator
        'Blog'
    """
    if end <= start:
        for v in voices:
            if v.start <= start < v.end or (start == v.end == voices[-1].end):
                return v
        return voices[-1]
    parts = overlapping(voices, start, end)
    if not parts:
        return voices[-1]
    return max(parts, key=lambda v: v.end - v.start)
