"""The speakers registry: who a name, surname or role refers to, and their bloc.

A registry row is one speaker (a person or an organisation) with its aliases
(pipe-separated), role, country, bloc (``russian | western | ukrainian |
other``), kind (``person | organisation``), gender (``m | f | ''``, used only
to resolve *he*/*she*) and a note giving the source of the facts.

Aliases come in two sorts, told apart automatically:

* name aliases share a word with the canonical name ("Zelensky",
  "Vladimir Zelensky") or are acronyms ("SBU"); they match case-sensitively;
* role aliases ("Kremlin spokesman", "deputy chairman of Russia's Security
  Council") match case-insensitively, because news copy lower-cases titles.

Example:
    >>> reg = SpeakerRegistry.from_csv()          # bundled corpus/speakers.csv
    >>> reg.resolve("Zelenskyy")
    'Volodymyr Zelensky'
    >>> reg.resolve("the Kremlin spokesman")
    'Dmitry Peskov'
    >>> reg.bloc("Dmitry Peskov")
    'russian'
    >>> reg.resolve("Kaja Kallas's cat") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.constants import BLOC_ORDER
from analysis.corpus.voices import Voice, attribute_span
from analysis.statements.folding import fold

COLUMNS: tuple[str, ...] = (
    "canonical", "aliases", "role", "country", "bloc", "kind", "gender", "note",
)
BLOCS: frozenset[str] = frozenset(BLOC_ORDER)
KINDS: frozenset[str] = frozenset({"person", "organisation"})
GENDERS: frozenset[str] = frozenset({"m", "f", ""})

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


class RegistryError(ValueError):
    """A speakers registry that cannot be used; the message names file, row and field."""


@dataclass(frozen=True)
class Speaker:
    """One registry row."""

    canonical: str
    aliases: tuple[str, ...]
    role: str
    country: str
    bloc: str
    kind: str
    gender: str
    note: str = ""


def normalize_alias(text: str) -> str:
    """Lower-case, unify apostrophes and spaces, drop a leading article.

    Example:
        >>> normalize_alias("The  Kremlin’s")
        "kremlin's"
    """
    text = text.replace("’", "'").strip()
    text = _SPACES.sub(" ", text)
    return _LEADING_ARTICLE.sub("", text).lower()


def is_role_alias(alias: str, speaker: Speaker) -> bool:
    """True for a person's alias that is a title, not a name (no word shared with the name).

    Words are compared after transliteration folding
    (:func:`analysis.statements.folding.fold`), so another romanisation of
    the name ("Zelenskyy" for Volodymyr Zelensky, "Erdoğan") is a name, not
    a title: it matches case-sensitively and counts as a name tag.

    Example:
        >>> sp = Speaker("Dmitry Peskov", (), "", "", "russian", "person", "m")
        >>> is_role_alias("Kremlin spokesman", sp), is_role_alias("Peskov", sp)
        (True, False)
        >>> is_role_alias("Zelenskyy", Speaker("Volodymyr Zelensky", (), "", "", "ukrainian", "person", "m"))
        False
    """
    if speaker.kind != "person":
        return False
    canon_words = {fold(w) for w in re.findall(r"\w+", speaker.canonical)}
    return not canon_words & {fold(w) for w in re.findall(r"\w+", alias)}


def is_case_sensitive_alias(alias: str, speaker: Speaker) -> bool:
    """Acronyms and personal names match case-sensitively; roles and organisations do not.

    Example:
        >>> sp = Speaker("United Nations", (), "", "", "other", "organisation", "")
        >>> is_case_sensitive_alias("UN", sp), is_case_sensitive_alias("United Nations", sp)
        (True, False)
    """
    letters = alias.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) <= 6:
        return True
    return speaker.kind == "person" and not is_role_alias(alias, speaker)


class SpeakerRegistry:
    """Canonical speakers with aliases; resolves a name or role to a canonical name.

    Example:
        >>> reg = SpeakerRegistry([Speaker("NATO", ("NATO",), "", "", "western", "organisation", "")])
        >>> reg.resolve("nato") is None, reg.resolve("NATO")
        (False, 'NATO')
    """

    def __init__(self, speakers: list[Speaker], source: str = "<memory>") -> None:
        self.source = source
        self.speakers: dict[str, Speaker] = {}
        self._alias_to_canonical: dict[str, str] = {}
        for sp in speakers:
            self.speakers[sp.canonical] = sp
            for alias in (sp.canonical, *sp.aliases):
                owner = self._alias_to_canonical.setdefault(normalize_alias(alias), sp.canonical)
                if owner != sp.canonical:
                    # one alias of two speakers would silently go to whichever row came first
                    raise RegistryError(f"{source}: alias {alias!r} of {sp.canonical!r} is already an alias of {owner!r}")

    # -- construction -----------------------------------------------------
    @classmethod
    def from_frame(cls, frame: pd.DataFrame, source: str = "<DataFrame>") -> SpeakerRegistry:
        """Build from a DataFrame with the registry columns; validate every row.

        Example:
            >>> df = pd.DataFrame([{"canonical": "NATO", "aliases": "NATO", "role": "",
            ...     "country": "", "bloc": "blue", "kind": "organisation", "gender": "", "note": ""}])
            >>> try:
            ...     SpeakerRegistry.from_frame(df, "x.csv")
            ... except RegistryError as err:
            ...     print(err)
            x.csv row 2 field 'bloc': 'blue' is not one of other, russian, ukrainian, western
        """
        missing = [c for c in COLUMNS if c not in frame.columns and c != "note"]
        if missing:
            raise RegistryError(f"{source}: missing column(s) {', '.join(missing)}")
        speakers: list[Speaker] = []
        seen: dict[str, int] = {}
        owners: dict[str, tuple[str, int]] = {}
        for i, row in enumerate(frame.to_dict("records")):
            line = i + 2  # header is line 1 of the file
            speakers.append(_validated_speaker(row, source, line, seen))
            _claim_aliases(speakers[-1], source, line, owners)
        return cls(speakers, source)

    @classmethod
    def from_csv(cls, path: str | Path | None = None) -> SpeakerRegistry:
        """Read and validate a registry CSV (default: ``paths.SPEAKERS_CSV``).

        Example:
            >>> "Kremlin" in SpeakerRegistry.from_csv().speakers
            True
        """
        path = Path(path) if path is not None else paths.SPEAKERS_CSV
        if not path.is_file():
            raise RegistryError(f"{path}: speakers registry not found")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except UnicodeDecodeError as err:
            raise RegistryError(f"{path}: not UTF-8 (byte {err.start}: {err.reason})") from None
        except pd.errors.ParserError as err:
            raise RegistryError(f"{path}: not a CSV table ({err})") from None
        except pd.errors.EmptyDataError:
            raise RegistryError(f"{path}: empty file, no header") from None
        return cls.from_frame(frame, str(path))

    @classmethod
    def coerce(cls, value: SpeakerRegistry | str | Path | pd.DataFrame | None) -> SpeakerRegistry:
        """Accept a registry, a CSV path, a DataFrame or None (the bundled default).

        Example:
            >>> SpeakerRegistry.coerce(None) is SpeakerRegistry.coerce(None)
            True
        """
        if isinstance(value, SpeakerRegistry):
            return value
        if value is None:
            return default_registry()
        if isinstance(value, pd.DataFrame):
            return cls.from_frame(value)
        if isinstance(value, (str, Path)):
            return cls.from_csv(value)
        raise TypeError(f"speakers must be a SpeakerRegistry, CSV path, DataFrame or None, not {type(value).__name__}")

    # -- lookup -------------------------------------------------------------
    def resolve(self, name_or_alias: str) -> str | None:
        """Canonical name for an alias (case/apostrophe/article-insensitive), else None.

        Example:
            >>> SpeakerRegistry.from_csv().resolve("Zelenskyy")
            'Volodymyr Zelensky'
        """
        return self._alias_to_canonical.get(normalize_alias(name_or_alias))

    def get(self, canonical: str) -> Speaker | None:
        """The registry row of a canonical name."""
        return self.speakers.get(canonical)

    def bloc(self, canonical: str) -> str:
        """Bloc of a canonical name, '' if not registered."""
        sp = self.speakers.get(canonical)
        return sp.bloc if sp else ""

    def __len__(self) -> int:
        return len(self.speakers)

    def __contains__(self, canonical: object) -> bool:
        return canonical in self.speakers

    def __repr__(self) -> str:
        return f"SpeakerRegistry({len(self)} speakers from {self.source})"


def _claim_aliases(sp: Speaker, source: str, line: int, owners: dict[str, tuple[str, int]]) -> None:
    """Record the names of ``sp`` (row ``line``); a name another speaker already has is an error.

    Example:
        >>> owners = {}
        >>> _claim_aliases(Speaker("Ann Roe", ("Roe",), "", "", "other", "person", "f"), "s.csv", 2, owners)
        >>> _claim_aliases(Speaker("Bo Roe", ("Roe",), "", "", "other", "person", "m"), "s.csv", 3, owners)
        Traceback (most recent call last):
        ...
        analysis.statements.speakers.RegistryError: s.csv row 3 field 'aliases': 'Roe' already an alias of 'Ann Roe' (row 2)
    """
    for alias in (sp.canonical, *sp.aliases):
        owner, at = owners.setdefault(normalize_alias(alias), (sp.canonical, line))
        if owner != sp.canonical:
            raise RegistryError(f"{source} row {line} field 'aliases': {alias!r} already an alias of {owner!r} (row {at})")


def _validated_speaker(row: dict, source: str, line: int, seen: dict[str, int]) -> Speaker:
    def field(name: str) -> str:
        value = row.get(name, "")
        if value is None or (isinstance(value, float) and value != value):
            return ""
        return str(value).strip()

    def fail(name: str, message: str) -> RegistryError:
        return RegistryError(f"{source} row {line} field '{name}': {message}")

    canonical = field("canonical")
    if not canonical:
        raise fail("canonical", "empty")
    if canonical in seen:
        raise fail("canonical", f"{canonical!r} already defined in row {seen[canonical]}")
    seen[canonical] = line
    aliases = tuple(a.strip() for a in field("aliases").split("|") if a.strip())
    bloc, kind, gender = field("bloc"), field("kind"), field("gender")
    if bloc not in BLOCS:
        raise fail("bloc", f"{bloc!r} is not one of {', '.join(sorted(BLOCS))}")
    if kind not in KINDS:
        raise fail("kind", f"{kind!r} is not one of {', '.join(sorted(KINDS))}")
    if gender not in GENDERS:
        raise fail("gender", f"{gender!r} is not one of m, f or empty")
    return Speaker(canonical, aliases, field("role"), field("country"), bloc, kind, gender, field("note"))


@lru_cache(maxsize=1)
def default_registry() -> SpeakerRegistry:
    """The bundled registry (``paths.SPEAKERS_CSV``), read once per process."""
    return SpeakerRegistry.from_csv(paths.SPEAKERS_CSV)


def narration_speaker(narrator: str | Sequence[Voice], registry: SpeakerRegistry,
                      start: int, end: int) -> tuple[str, str, bool]:
    """``(speaker, bloc, in registry)`` of the narration row ``start..end``.

    ``narrator`` is one name for the whole text (bloc unknown), or the
    text's voices (:mod:`analysis.corpus.voices`), whose narrator covering the
    row speaks it; a registered narrator takes the registry's bloc.

    Example:
        >>> narration_speaker("Reuters", SpeakerRegistry([]), 0, 5)
        ('Reuters', '', False)
    """
    if isinstance(narrator, str):
        return narrator, "", False
    voice = attribute_span(narrator, start, end)
    if voice.narrator in registry:
        return voice.narrator, registry.bloc(voice.narrator), True
    return voice.narrator, voice.narrator_bloc, False
