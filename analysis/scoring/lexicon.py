"""Lexicons: validated term lists per dimension, built-in or user-supplied.

A lexicon CSV has the columns ``term, category, weight, note`` and, for the
``loaded`` and ``naming`` dimensions, ``side`` (naming: one of
``NAMING_SIDES``).  Optional columns: ``dimension`` (when one
file holds several), ``match`` (``inflect`` -- the default: the last word
also matches its regular inflections and -ise/-ize spellings -- or
``exact``) and ``context`` (rules from :mod:`analysis.scoring.rules`, e.g.
``quantity`` or ``except_prev=make|makes``).

Built-in lexicons ship in ``analysis/scoring/lexicons/`` (see the README
there for sources, categories and the version history).  A user lexicon can
*extend* the built-in ones (user entries win on the same term) or *replace*
them dimension by dimension.

Example:
    >>> lex = Lexicon.builtin("hostility")
    >>> lex.dimensions
    ('hostility',)
    >>> mine = Lexicon.from_records([{"term": "troll farm", "category": "label",
    ...                               "weight": 1, "note": "my project"}], dimension="hostility")
    >>> len(Lexicon.builtin().merge(mine)) == len(Lexicon.builtin()) + 1
    True
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from analysis import paths
from analysis.constants import NAMING, NAMING_SIDES, SCORED_DIMENSIONS
from analysis.scoring.normalize import normalize_term
from analysis.scoring.rules import parse_context
from analysis.validate_args import check_choice

if TYPE_CHECKING:
    import pandas as pd

SIDES: frozenset[str] = frozenset(
    {"russian", "ukrainian_western", "ukrainian", "western", "neutral", "other"}
)
MATCH_MODES: frozenset[str] = frozenset({"inflect", "exact"})
REQUIRED_COLUMNS: tuple[str, ...] = ("term", "category", "weight", "note")
#: Largest weight a term may have.  Built-in weights are 0.5-2; a bound keeps
#: every weighted count and score finite (``1e308`` twice would be ``inf``),
#: and 10 is room enough for "counts as much as ten ordinary terms".
MAX_WEIGHT = 10.0
_CATEGORY_RE = re.compile(r"[a-z][a-z0-9_]*")


class LexiconError(ValueError):
    """A lexicon file or record is invalid; the message names file and row."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon term.  ``term`` is stored normalised (lower case, plain hyphens)."""

    term: str
    dimension: str
    category: str
    weight: float
    note: str
    side: str = ""
    match: str = "inflect"
    context: str = ""

    def __post_init__(self) -> None:
        # also for entries built directly, not through make_entry
        if not (0 < self.weight <= MAX_WEIGHT):
            raise LexiconError(f"term {self.term!r}: weight must be a positive finite number, at most {MAX_WEIGHT:g}, got {self.weight!r}")


def _where(source: str, row: int | None) -> str:
    return source if row is None else f"{source}, row {row}"


def make_entry(record: Mapping[str, object], *, dimension: str | None, source: str, row: int | None) -> LexiconEntry:
    """Validate one record into a :class:`LexiconEntry`.

    Raises:
        LexiconError: naming ``source`` and ``row`` for any invalid field.

    Example:
        >>> make_entry({"term": "Idiots", "category": "insult", "weight": "1.5", "note": "x"},
        ...            dimension="hostility", source="t.csv", row=1).term
        'idiots'
    """
    where = _where(source, row)

    def cell(name: str) -> str:
        v = record.get(name)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ""
        return str(v).strip()

    dim = cell("dimension") or (dimension or "")
    if dim not in SCORED_DIMENSIONS:
        raise LexiconError(f"{where}: unknown dimension {dim!r} (expected one of {', '.join(SCORED_DIMENSIONS)})")
    term = normalize_term(cell("term"))
    if not term:
        raise LexiconError(f"{where}: empty term")
    category = cell("category")
    if not _CATEGORY_RE.fullmatch(category):
        raise LexiconError(
            f"{where}: category {category!r} must be lower-case snake_case (e.g. 'insult', 'epistemic_modal')"
        )
    raw_weight = cell("weight")
    try:
        weight = float(raw_weight)
    except ValueError:
        raise LexiconError(f"{where}: weight {raw_weight!r} is not a number") from None
    if not math.isfinite(weight) or weight <= 0 or weight > MAX_WEIGHT:
        raise LexiconError(f"{where}: weight must be a positive finite number, at most {MAX_WEIGHT:g}, got {raw_weight!r}")
    note = cell("note")
    side = cell("side")
    if dim == "loaded":
        if side not in SIDES:
            raise LexiconError(f"{where}: loaded term needs side in {sorted(SIDES)}, got {side!r}")
    elif dim == NAMING:
        if side not in NAMING_SIDES:
            raise LexiconError(f"{where}: naming term needs side in {list(NAMING_SIDES)}, got {side!r}")
    elif side:
        raise LexiconError(f"{where}: side {side!r} is only meaningful for the loaded and naming dimensions")
    match = cell("match") or "inflect"
    if match not in MATCH_MODES:
        raise LexiconError(f"{where}: match must be 'inflect' or 'exact', got {match!r}")
    context = cell("context")
    try:
        parse_context(context)
    except ValueError as exc:
        raise LexiconError(f"{where}: {exc}") from None
    return LexiconEntry(term, dim, category, weight, note, side, match, context)


def _undecodable_line(data: bytes) -> str:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            return f"line {number}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
    return "not valid UTF-8"


def _read_lexicon_csv(p: Path) -> tuple[list[str], list[dict[Any, Any]]]:
    """Header and records of a lexicon CSV; undecodable or malformed files raise LexiconError.

    A record with more fields than the header gets the key ``None`` set to its line number.
    """
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read lexicon ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LexiconError(f"{p}: {_undecodable_line(data)}; save the lexicon as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        records = []
        for record in reader:
            if None in record:  # DictReader's key for fields beyond the header
                record = {**record, None: reader.line_num}
            records.append(record)
        return header, records
    except csv.Error as exc:
        raise LexiconError(f"{p}: line {reader.line_num}: malformed CSV ({exc})") from None


@dataclass(frozen=True, eq=False)
class Lexicon:
    """An immutable set of lexicon entries over one or more dimensions.

    Build with :meth:`builtin`, :meth:`from_csv` or :meth:`from_records`;
    combine with :meth:`merge`.  Pass to ``score_text(..., lexicons=...)`` or
    ``score_frame(..., lexicons=...)``.  Plain data: it pickles as its
    entries and name, and :func:`analysis.scoring.match.compile_lexicon`
    compiles (and caches) its matcher.  Compared by identity (``eq=False``),
    which is what that cache keys on.

    Example:
        >>> lex = Lexicon.from_records(
        ...     [{"term": "troll farm", "category": "label", "weight": 2, "note": "my coding"}],
        ...     dimension="hostility", source="mine")
        >>> lex
        Lexicon(name='mine', entries=1, dimensions=('hostility',))
        >>> [(e.term, e.weight) for e in lex]
        [('troll farm', 2.0)]
        >>> from analysis import score_text
        >>> score_text("A troll farm wrote it.", lexicons=lex).hostility_count
        1
    """

    entries: tuple[LexiconEntry, ...]
    name: str = "custom"

    def __post_init__(self) -> None:
        seen: dict[tuple[str, str], int] = {}
        for i, e in enumerate(self.entries):
            key = (e.dimension, e.term)
            if key in seen:
                raise LexiconError(
                    f"{self.name}: duplicate term {e.term!r} in dimension {e.dimension!r} "
                    f"(entries {seen[key] + 1} and {i + 1})"
                )
            seen[key] = i

    # construction ---------------------------------------------------------
    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, object]], *, dimension: str | None = None, source: str = "<records>"
    ) -> Lexicon:
        """Build from dict-like records (rows numbered from 1).

        Example:
            >>> Lexicon.from_records([{"term": "x", "category": "c", "weight": 1, "note": ""}],
            ...                      dimension="hedging").dimensions
            ('hedging',)
        """
        entries: list[LexiconEntry] = []
        seen: dict[tuple[str, str], int] = {}
        for i, rec in enumerate(records, start=1):
            e = make_entry(rec, dimension=dimension, source=source, row=i)
            key = (e.dimension, e.term)
            if key in seen:
                raise LexiconError(f"{source}, row {i}: duplicate term {e.term!r} (first at row {seen[key]})")
            seen[key] = i
            entries.append(e)
        return cls(tuple(entries), name=source)

    @classmethod
    def from_csv(cls, path: str | PathLike[str], *, dimension: str | None = None) -> Lexicon:
        """Read and validate a lexicon CSV (UTF-8).  Rows are numbered from 1 after the header.

        ``dimension`` applies to every row unless the file has a ``dimension``
        column; if neither, the file stem is used when it names a dimension.

        Raises:
            LexiconError: missing file/column, empty term, bad category or
                dimension, non-numeric weight, duplicate term -- naming file and row.

        Example:
            >>> lex = Lexicon.from_csv(paths.LEXICON_DIR / "hedging.csv")
            >>> "allegedly" in {e.term for e in lex}
            True
        """
        p = Path(path)
        if not p.is_file():
            raise LexiconError(f"{p}: lexicon file not found")
        header, records = _read_lexicon_csv(p)
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise LexiconError(f"{p}: missing column(s) {', '.join(missing)} (header: {header})")
        twice = [c for c in dict.fromkeys(header) if header.count(c) > 1]
        if twice:  # csv.DictReader keeps the last of two equal names: the other column would vanish
            raise LexiconError(f"{p}: column {twice[0]!r} appears {header.count(twice[0])} times in the header")
        if not records:  # a user file that adds nothing is a mistake (Lexicon.empty() says it on purpose)
            raise LexiconError(f"{p}: no entries, only a header")
        if dimension is None and "dimension" not in header and p.stem in SCORED_DIMENSIONS:
            dimension = p.stem
        if dimension is None and "dimension" not in header:
            raise LexiconError(f"{p}: pass dimension=... or add a 'dimension' column")
        for record in records:
            if None in record:
                raise LexiconError(f"{p}: line {record[None]}: more fields than the header has")
        return cls.from_records(records, dimension=dimension, source=str(p))

    @classmethod
    def builtin(cls, dimension: str | Sequence[str] | None = None) -> Lexicon:
        """The lexicons shipped with the package (all dimensions, or the ones named).

        Example:
            >>> sorted(Lexicon.builtin().dimensions)
            ['certainty', 'hedging', 'hostility', 'loaded', 'naming']
        """
        if dimension is None:
            return _builtin_all()
        dims = (dimension,) if isinstance(dimension, str) else tuple(dimension)
        for d in dims:
            check_choice("dimension", d, SCORED_DIMENSIONS, who="Lexicon.builtin")
        return _builtin_subset(dims)

    @classmethod
    def empty(cls, name: str = "empty") -> Lexicon:
        """A lexicon with no entries."""
        return cls((), name=name)

    # combination ----------------------------------------------------------
    def merge(self, other: Lexicon, mode: Literal["extend", "replace"] = "extend") -> Lexicon:
        """Combine with ``other``.

        ``extend``: union; on the same (dimension, term) ``other`` wins.
        ``replace``: for every dimension present in ``other``, drop this
        lexicon's entries of that dimension first.

        Example:
            >>> mine = Lexicon.from_records([{"term": "hmm", "category": "filler",
            ...     "weight": 1, "note": ""}], dimension="hedging")
            >>> len(Lexicon.builtin().merge(mine, mode="replace").select("hedging"))
            1
        """
        check_choice("mode", mode, ("extend", "replace"), who="Lexicon.merge")
        if mode == "replace":
            dims = set(other.dimensions)
            kept = [e for e in self.entries if e.dimension not in dims]
        else:
            override = {(e.dimension, e.term) for e in other.entries}
            kept = [e for e in self.entries if (e.dimension, e.term) not in override]
        return Lexicon(tuple(kept) + other.entries, name=f"{self.name}+{other.name}")

    def select(self, dimension: str) -> Lexicon:
        """Only the entries of one dimension."""
        return Lexicon(tuple(e for e in self.entries if e.dimension == dimension), name=f"{self.name}[{dimension}]")

    # inspection -----------------------------------------------------------
    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimensions present, in canonical order."""
        present = {e.dimension for e in self.entries}
        return tuple(d for d in SCORED_DIMENSIONS if d in present)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Lexicon(name={self.name!r}, entries={len(self.entries)}, dimensions={self.dimensions})"

    def to_frame(self) -> pd.DataFrame:
        """The entries as a DataFrame (one row per term).

        Example:
            >>> Lexicon.builtin("hedging").to_frame().columns.tolist()[:3]
            ['term', 'dimension', 'category']
        """
        import pandas as pd

        cols = ["term", "dimension", "category", "weight", "note", "side", "match", "context"]
        return pd.DataFrame([[getattr(e, c) for c in cols] for e in self.entries], columns=cols)


def lexicon_version() -> str:
    """Version string of the built-in lexicons (``lexicons/VERSION``).

    Example:
        >>> lexicon_version().count(".") >= 1
        True
    """
    return (paths.LEXICON_DIR / "VERSION").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def _builtin_all() -> Lexicon:
    entries: list[LexiconEntry] = []
    for dim in SCORED_DIMENSIONS:
        entries.extend(Lexicon.from_csv(paths.LEXICON_DIR / f"{dim}.csv", dimension=dim).entries)
    return Lexicon(tuple(entries), name=f"builtin-{lexicon_version()}")


@lru_cache(maxsize=16)
def _builtin_subset(dims: tuple[str, ...]) -> Lexicon:
    full = _builtin_all()
    return Lexicon(tuple(e for e in full.entries if e.dimension in dims), name=f"{full.name}[{','.join(dims)}]")


def resolve_lexicon(
    lexicons: Lexicon | Sequence[Lexicon] | None, mode: Literal["extend", "replace"] = "extend"
) -> Lexicon:
    """The lexicon a scoring call uses: built-in, combined with user lexicons by ``mode``.

    Example:
        >>> resolve_lexicon(None) is Lexicon.builtin()
        True
    """
    base = Lexicon.builtin()
    if lexicons is None:
        return base
    if isinstance(lexicons, Lexicon):
        lexicons = (lexicons,)
    if isinstance(lexicons, (str, PathLike)) or not isinstance(lexicons, Sequence):
        raise TypeError(f"lexicons must be a Lexicon or a list of them (e.g. [Lexicon.from_csv(path)]), "
                        f"got {type(lexicons).__name__}")
    key = (mode, tuple(id(x) for x in lexicons))
    hit = _RESOLVED.get(key)
    if hit is not None and hit[0] == tuple(lexicons):
        return hit[1]
    out = base
    for lex in lexicons:
        if not isinstance(lex, Lexicon):
            raise TypeError(f"lexicons must be Lexicon objects, got {type(lex).__name__}")
        out = out.merge(lex, mode=mode)
    if len(_RESOLVED) > 32:
        _RESOLVED.clear()
    _RESOLVED[key] = (tuple(lexicons), out)
    return out


# (mode, ids) -> (the lexicons themselves, keeping ids alive; merged lexicon)
_RESOLVED: dict[tuple[object, ...], tuple[tuple[Lexicon, ...], Lexicon]] = {}
