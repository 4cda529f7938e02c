"""Lossless separation of an article's body from its page furniture.

``clean_text(raw)`` splits a page, as collected, into

* the cleaned body text (what the rest of the pipeline reads), and
* boilerplate records: every removed piece with its raw line, columns, raw
  offsets, exact text and a reason (see ``analysis.corpus.boilerplate_rules``).

Nothing is rewritten, only removed, so ``rebuild_raw(text, records)`` gives the
raw page back character for character (CRLF, blank lines, a missing final
newline, a byte-order mark included), and every offset of the cleaned text
maps back to the raw page (``CleanedText.to_raw``).

Layout of the cleaned text: one body line per raw body line, each ended by the
raw line's own ``\\n`` (the ``\\r`` of a CRLF is removed as ``whitespace``);
blank lines, leading/trailing spaces and the final newline are removed as
``whitespace``.  A line ending in a lone ``\\r`` (old Mac files) keeps it.
The headline, when the page has one, stays as the first body line: it is the
outlet's own wording.

Example:
    >>> doc = clean_text("Talks end\\n\\nAdvertisement\\nThey met (Reuters)\\n")
    >>> doc.text
    'Talks end\\nThey met'
    >>> [(b.line, b.reason) for b in doc.boilerplate]
    [(2, 'whitespace'), (3, 'advertisement'), (4, 'credit'), (4, 'whitespace')]
    >>> rebuild_raw(doc.text, doc.boilerplate) == "Talks end\\n\\nAdvertisement\\nThey met (Reuters)\\n"
    True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from analysis.corpus import boilerplate_rules as rules
from analysis.validate_args import ArgumentError, check_choice

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|)")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"})

BOILERPLATE_COLUMNS: tuple[str, ...] = (
    "line", "start_col", "end_col", "raw_start", "raw_end", "reason", "text",
)


@dataclass(frozen=True)
class RawLine:
    """One raw line: 1-based number, raw offset of its first character, content, terminator."""

    number: int
    start: int
    content: str
    eol: str


@dataclass(frozen=True)
class Boilerplate:
    """A removed piece of a raw page.

    ``line`` is 1-based; ``start_col``/``end_col`` are 0-based columns in that
    line counted over its content and terminator (end exclusive);
    ``raw_start``/``raw_end`` are character offsets in the raw text.
    """

    line: int
    start_col: int
    end_col: int
    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanedText:
    """Cleaned body text, the removed boilerplate, and offset maps between the two."""

    raw: str
    text: str
    boilerplate: tuple[Boilerplate, ...]
    line_starts: tuple[int, ...] = field(repr=False)
    # clean offset at which each boilerplate record was removed, and the raw
    # characters removed up to and including that record
    _clean_at: tuple[int, ...] = field(repr=False, default=())
    _removed_upto: tuple[int, ...] = field(repr=False, default=())
    _raw_starts: tuple[int, ...] = field(repr=False, default=())

    @property
    def n_lines(self) -> int:
        """Number of raw lines."""
        return len(self.line_starts)

    def to_raw(self, offset: int, side: str = "start") -> int:
        """Map a cleaned-text offset to a raw offset.

        ``side="start"`` maps a span start (after any removed piece at that
        point), ``side="end"`` a span end (before it).

        Example:
            >>> d = clean_text("Premium\\nTalks end")
            >>> d.raw[d.to_raw(0):d.to_raw(5, "end")]
            'Talks'
        """
        check_choice("side", side, ("start", "end"), who="CleanedText.to_raw")
        if side == "start":
            k = bisect.bisect_right(self._clean_at, offset)
        else:
            k = bisect.bisect_left(self._clean_at, offset)
        return offset + (self._removed_upto[k - 1] if k else 0)

    def to_clean(self, raw_offset: int) -> int:
        """Map a raw offset to the cleaned text (a removed character maps to where it was cut).

        Example:
            >>> clean_text("Premium\\nTalks end").to_clean(8)
            0
        """
        k = bisect.bisect_right(self._raw_starts, raw_offset)
        if k == 0:
            return raw_offset
        rec = self.boilerplate[k - 1]
        if raw_offset < rec.raw_end:
            return self._clean_at[k - 1]
        return raw_offset - self._removed_upto[k - 1]

    def line_span(self, first_line: int, last_line: int) -> tuple[int, int]:
        """Cleaned-text span of raw lines ``first_line..last_line`` (1-based, inclusive).

        Example:
            >>> d = clean_text("Head\\nAdvertisement\\nBody one\\nBody two\\n")
            >>> s, e = d.line_span(3, 4)
            >>> d.text[s:e]
            'Body one\\nBody two'
        """
        if not 1 <= first_line <= last_line <= self.n_lines:  # two related bounds: one message
            raise ArgumentError(
                f"CleanedText.line_span: line range {first_line}..{last_line} is outside "
                f"1..{self.n_lines} (the text's lines) or ends before it starts"
            )
        raw_start = self.line_starts[first_line - 1]
        end_line = _LINE.match(self.raw, self.line_starts[last_line - 1])
        assert end_line is not None  # _LINE matches at every position (possibly empty)
        raw_end = end_line.end(1)  # content only, not the terminator
        start = self.to_clean(raw_start)
        end = self.to_clean(raw_end)
        # a span that starts or ends on removed text is trimmed to body text
        while start < end and self.text[start] in "\r\n":
            start += 1
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def frame(self, article_id: str | None = None) -> pd.DataFrame:
        """The boilerplate records as a DataFrame (``article_id`` first when given)."""
        return boilerplate_frame(self.boilerplate, article_id)


def split_lines(raw: str) -> list[RawLine]:
    """Split raw text into lines on ``\\r\\n``, ``\\r`` or ``\\n``, keeping each terminator.

    Example:
        >>> [(l.content, l.eol) for l in split_lines("a\\r\\nb\\n\\nc")]
        [('a', '\\r\\n'), ('b', '\\n'), ('', '\\n'), ('c', '')]
    """
    lines: list[RawLine] = []
    pos = 0
    while pos < len(raw):
        m = _LINE.match(raw, pos)
        assert m is not None  # _LINE matches at every position (possibly empty)
        lines.append(RawLine(len(lines) + 1, pos, m.group(1), m.group(2)))
        pos = m.end()
    return lines


def _normalised(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def _is_repeated_caption(text: str, others: Sequence[str]) -> bool:
    """A credited line whose words also appear as a paragraph elsewhere is a caption."""
    core = rules.PHOTO_CREDIT_END.sub("", text)
    core = core[rules.glued_alt_end(core):]
    key = _normalised(core)
    if rules.word_count(key) < 5:
        return False
    return any(key in _normalised(o) for o in others)


def _whole_line_reasons(lines: Sequence[RawLine]) -> list[str | None]:
    texts = [ln.content.lstrip("\ufeff").strip() for ln in lines]
    reasons: list[str | None] = []
    prev: str | None = None
    in_list = False  # inside a list of other stories under a navigation heading
    for i, t in enumerate(texts):
        r = rules.line_reason(t)
        if r is None:
            if in_list and rules.is_headline_like(t):
                r = "related_headlines"
            elif prev == "image" and t.endswith("|"):
                r = "caption"  # the caption cell of an image table
            elif rules.has_photo_credit_end(t) and (
                prev == "image"
                or rules.glued_alt_end(t) > 0
                or _is_repeated_caption(t, texts[:i] + texts[i + 1:])
            ):
                r = "caption"
        if r is None:
            in_list = False
        elif r == "navigation" and rules.is_navigation_heading(t):
            in_list = True
        if r != "whitespace":
            prev = r
        reasons.append(r)
    _promo_blocks(texts, reasons)
    seen: set[str] = set()
    for i, (t, r) in enumerate(zip(texts, reasons)):
        if r is None and rules.word_count(t) >= 8:
            key = _normalised(t)
            if key in seen:
                reasons[i] = "duplicate"
            seen.add(key)
    return reasons


def _promo_blocks(texts: Sequence[str], reasons: list[str | None]) -> None:
    """Mark the lines of a newsletter box ("skip past ..." to "after ...") as promo."""
    for i, t in enumerate(texts):
        if not rules.PROMO_BLOCK_START.match(t):
            continue
        window = range(i + 1, min(len(texts), i + 2 + rules.PROMO_BLOCK_MAX_LINES))
        end = next((j for j in window if rules.PROMO_BLOCK_END.match(texts[j])), None)
        if end is None:
            continue  # no end marker nearby: only the marker itself is removed
        for j in range(i + 1, end):
            if reasons[j] is None:
                reasons[j] = "promo"


Cut = tuple[int, int, str]  # start_col, end_col, reason


def _sub_line_cuts(line: RawLine) -> list[Cut]:
    content = line.content
    lo, hi = 0, len(content)
    left: list[Cut] = []
    right: list[Cut] = []
    if line.number == 1 and content.startswith("\ufeff"):
        left.append((0, 1, "bom"))
        lo = 1
    stripped = len(content[lo:]) - len(content[lo:].lstrip())
    if stripped:
        left.append((lo, lo + stripped, "whitespace"))
        lo += stripped
    m = rules.LEADING_TIMESTAMP.match(content, lo)
    if m and m.end() < hi:
        left.append((lo, m.end(), "timestamp"))
        lo = m.end()
    m = rules.DATELINE.match(content, lo)
    if m and m.end() < hi:
        left.append((lo, m.end(), "dateline"))
        lo = m.end()
    trail = len(content[lo:hi]) - len(content[lo:hi].rstrip())
    if trail:
        right.append((hi - trail, hi, "whitespace"))
        hi -= trail
    m = rules.TRAILING_TIMESTAMP.search(content, lo, hi)
    if m and m.start() > lo:
        right.append((m.start(), hi, "timestamp"))
        hi = m.start()
    m = rules.TRAILING_CREDIT.search(content, lo, hi)
    if m and m.start() > lo:
        right.append((m.start(), hi, "credit"))
        hi = m.start()
    middle = [
        (f.start(), f.end(), "footnote_marker")
        for f in rules.FOOTNOTE_MARKER.finditer(content, lo, hi)
    ]
    cuts = left + middle + right[::-1]
    if line.eol == "\r\n":
        cuts.append((len(content), len(content) + 1, "whitespace"))
    return cuts


def _line_cuts(line: RawLine, reason: str | None) -> list[Cut]:
    full = len(line.content) + len(line.eol)
    if reason == "caption":
        t = line.content
        alt = rules.glued_alt_end(t)
        if alt and rules.has_photo_credit_end(t):
            return [(0, alt, "image_alt"), (alt, full, "caption")]
    if reason is not None:
        return [(0, full, reason)]
    cuts = _sub_line_cuts(line)
    removed = sum(e - s for s, e, _ in cuts if e <= len(line.content))
    if removed >= len(line.content):  # nothing of the line is left: drop it whole
        named = [r for _, _, r in cuts if r != "whitespace"]
        return [(0, full, named[0] if named else "whitespace")]
    return cuts


def _merge(cuts: Iterable[Cut]) -> list[Cut]:
    merged: list[Cut] = []
    for s, e, r in sorted(cuts):
        if merged and merged[-1][1] == s and merged[-1][2] == r:
            merged[-1] = (merged[-1][0], e, r)
        else:
            merged.append((s, e, r))
    return merged


def clean_text(raw: str) -> CleanedText:
    """Separate the body of a raw news page from its boilerplate, losslessly.

    Example:
        >>> d = clean_text("Premium\\n\\nRussia rules out talks\\nStory continues below this ad\\n")
        >>> d.text
        'Russia rules out talks'
        >>> sorted({b.reason for b in d.boilerplate})
        ['advertisement', 'badge', 'whitespace']
    """
    lines = split_lines(raw)
    reasons = _whole_line_reasons(lines)
    per_line = [_line_cuts(ln, r) for ln, r in zip(lines, reasons)]
    # the newline after the last body line is layout, not text
    for ln in reversed(lines):
        cuts = per_line[ln.number - 1]
        full = len(ln.content) + len(ln.eol)
        if len(cuts) == 1 and cuts[0][:2] == (0, full):
            continue  # removed whole
        if ln.eol:
            per_line[ln.number - 1] = cuts + [(len(ln.content), full, "whitespace")]
        break

    records: list[Boilerplate] = []
    body: list[str] = []
    clean_at: list[int] = []
    removed_upto: list[int] = []
    clean_len = removed = 0
    for ln, cuts in zip(lines, per_line):
        whole = ln.content + ln.eol
        col = 0
        for s, e, r in _merge(_dedupe(cuts)):
            body.append(whole[col:s])
            clean_len += s - col
            records.append(Boilerplate(ln.number, s, e, ln.start + s, ln.start + e, whole[s:e], r))
            removed += e - s
            clean_at.append(clean_len)
            removed_upto.append(removed)
            col = e
        body.append(whole[col:])
        clean_len += len(whole) - col
    return CleanedText(
        raw=raw,
        text="".join(body),
        boilerplate=tuple(records),
        line_starts=tuple(ln.start for ln in lines),
        _clean_at=tuple(clean_at),
        _removed_upto=tuple(removed_upto),
        _raw_starts=tuple(b.raw_start for b in records),
    )


def _dedupe(cuts: list[Cut]) -> list[Cut]:
    """Drop cuts that overlap an earlier (outer) cut, so records never overlap."""
    kept: list[Cut] = []
    for s, e, r in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if kept and s < kept[-1][1]:
            if e <= kept[-1][1]:
                continue
            s = kept[-1][1]
        kept.append((s, e, r))
    return kept


def rebuild_raw(text: str, boilerplate: Iterable[Boilerplate]) -> str:
    """Rebuild the raw page from the cleaned text and the boilerplate records.

    Only ``raw_start`` and ``text`` of each record are used.

    Example:
        >>> d = clean_text("A\\r\\n\\r\\nAdvertisement\\r\\nB")
        >>> rebuild_raw(d.text, d.boilerplate)
        'A\\r\\n\\r\\nAdvertisement\\r\\nB'
    """
    out: list[str] = []
    pos = built = 0
    for rec in sorted(boilerplate, key=lambda b: b.raw_start):
        need = rec.raw_start - built
        if need < 0 or pos + need > len(text):
            raise ValueError(
                f"boilerplate record at raw offset {rec.raw_start} (line {rec.line}) "
                "overlaps another record or lies beyond the text"
            )
        out.append(text[pos:pos + need])
        out.append(rec.text)
        pos += need
        built += need + len(rec.text)
    out.append(text[pos:])
    return "".join(out)


def boilerplate_frame(
    records: Iterable[Boilerplate], article_id: str | None = None
) -> pd.DataFrame:
    """Boilerplate records as a DataFrame with columns ``BOILERPLATE_COLUMNS``.

    Example:
        >>> boilerplate_frame(clean_text("Advertisement\\nBody").boilerplate)["reason"].tolist()
        ['advertisement']
    """
    rows = [
        {c: getattr(b, c) for c in BOILERPLATE_COLUMNS} for b in records
    ]
    df = pd.DataFrame(rows, columns=list(BOILERPLATE_COLUMNS))
    if article_id is not None:
        df.insert(0, "article_id", article_id)
    return df


def wire_credits(doc: CleanedText) -> list[str]:
    """Agencies credited for the text (datelines and credit lines, not photo credits).

    Example:
        >>> wire_credits(clean_text("MOSCOW (Reuters) - Talks ended.\\n(Editing by Jo Bloggs)"))
        ['Reuters']
    """
    found: list[str] = []
    pattern = re.compile(
        r"\b(?:"
        + "|".join(re.escape(a) for a in sorted(rules.AGENCIES, key=len, reverse=True))
        + r")\b"
    )
    for b in doc.boilerplate:
        if b.reason in ("dateline", "credit"):
            for m in pattern.finditer(b.text):
                name = "Reuters" if m.group(0) == "REUTERS" else m.group(0)
                if name not in found:
                    found.append(name)
    return found
