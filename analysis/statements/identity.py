"""Corpus-level speaker identity: one ``speaker_id`` for the spellings of one person.

News of one war spells one person many ways: Zelensky / Zelenskyy /
Zelenskiy, Serhiy / Serhii Haidai / Gaidai, with or without a first name,
title ("Governor Haidai"), honorific ("Mr Lavrov"), middle initial
("Dmitri S. Peskov") or patronymic ("Serhiy Volodymyrovych Haidai").
:func:`merge_speakers` maps every distinct speaker string of a corpus to a
``speaker_id`` and says by which rule, in an inspectable merge table.

Rules, in order:

1. **User aliases** (``alias, canonical`` CSV or frame) win: an alias takes
   the id of its canonical name; a row whose canonical equals the alias keeps
   that name apart from everything else.
2. **Organisations** (a word such as ministry, council, agency, Kremlin)
   are keyed by their folded text only.
3. **Persons** are parsed: titles and honorifics before the name are
   dropped, patronymics (-ovych, -ovich, -ivna, -ovna ...) and suffixes
   (Jr., III) ignored, middle initials kept as a constraint, particles
   (von der, de) kept with the surname.  Surnames and first names are folded
   for transliteration (y/i, ii/iy/yy, g/h, kh/h, ie/e, -skyi/-sky ...) and
   first names also through a small table of equivalent forms
   (Volodymyr/Vladimir, Dmytro/Dmitry, Oleksii/Aleksei, Serhiy/Sergei ...).
   Full names with the same surname key and compatible first name (equal
   key or an initial) and middle initials are one person.
4. **A surname without first name** ("Haidai", "Mr. Kirby") joins the one
   person of the corpus with that surname; when two or more share it
   (Dmytro and Oleksii Kuleba), it joins one only if the honorific's gender
   rules the others out, else it stays apart (``ambiguous_surname``) and the
   candidates are listed.  Different people who share a surname are never
   merged without such evidence.

Example:
    >>> t = merge_speakers(["Volodymyr Zelensky", "Zelenskyy", "Mr. Zelensky", "Olena Zelenska"])
    >>> t[["name", "speaker_id", "rule"]].values.tolist()
    [['Volodymyr Zelensky', 'person:zelenski:volodimir', 'full_name'], ['Zelenskyy', 'person:zelenski:volodimir', 'surname_unique'], ['Mr. Zelensky', 'person:zelenski:volodimir', 'surname_unique'], ['Olena Zelenska', 'person:zelenska:olena', 'full_name']]
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.statements.folding import ascii_fold, fold
from analysis.statements.speakers import Speaker, SpeakerRegistry, default_registry

MERGE_COLUMNS: tuple[str, ...] = ("name", "speaker_id", "canonical", "rule", "count", "candidates")
RULES: tuple[str, ...] = ("alias", "alias_kept_apart", "organisation", "full_name", "surname_unique",
                          "surname_gender", "ambiguous_surname", "surname_only", "as_written", "empty")
TITLE_WORDS = frozenset(
    "mr mrs ms miss dr prof sir dame president minister secretary governor mayor general gen adm admiral "
    "senator sen rep representative chancellor speaker lady ombudsman commissioner director ambassador "
    "spokesman spokeswoman spokesperson chairman chairwoman head prosecutor colonel col lt lieutenant sgt "
    "sergeant captain capt major marshal commander chief premier king queen prince pope envoy adviser "
    "advisor state defense defence foreign prime first deputy vice press senior retired".split())
_PARTICLES = frozenset("von van der den de del della di da du le la al el bin ibn st".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_ORG_WORDS = frozenset(
    "ministry department council institute agency bank government office committee union commission fund "
    "senate parliament party group army forces service company corporation association federation "
    "organization organisation authorities kremlin pentagon grid news channel report agreement court "
    "administration embassy mission navy police guard brigade battalion regiment command staff "
    "international watch foundation trust coalition center centre initiative movement society forum "
    "project programme labs inc corp ltd llc alliance network endowment "
    # institutions that issue statements and sites of their own ("the Hermitage Museum's website")
    "museum university college academy hospital library".split())
#: words that make a capitalised name an organisation's (read by statements.bodies and statements.surnames too)
ORGANISATION_WORDS: frozenset[str] = _ORG_WORDS
_PATRONYMIC = re.compile(r"(?:ovych|evych|yovych|iovych|ovich|evich|yevich|ivna|ovna|evna|yivna|ichna)$")
_MALE, _FEMALE = frozenset({"mr", "sir", "king", "prince"}), frozenset({"mrs", "ms", "miss", "lady", "dame",
                                                                        "queen"})
#: first names that are one name in another transliteration or language (folded forms)
_GIVEN_EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    ("volodimir", "vladimir"), ("dmitro", "dmitri", "dmitrii"), ("serhi",),
    ("olexi", "alexi", "olexii", "alexe"), ("olexandr", "alexandr", "alexander", "olexander"),
    ("mihailo", "mihail"), ("iuri", "iurii", "iur"), ("andri", "andre"),
    ("pavlo", "pavel"), ("kirilo", "kiril", "kirill", "kirillo"),
    ("liudmila", "ludmila", "lidmila"),
    ("maria", "mari"), ("ievhen", "evhen", "evheni", "ievheni"), ("david", "davd"), ("joe", "joseph"),
    ("jake", "jacob"), ("antoni", "anthoni"),
    ("mikola", "nikolai", "nikola"), ("vasil", "vasili"), ("olena", "elena", "alena"),
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


_GIVEN_CANON: dict[str, str] = {fold(f): group[0] for group in _GIVEN_EQUIVALENTS for f in group}


def _given_key(token: str) -> str:
    folded = fold(token)
    return _GIVEN_CANON.get(folded, folded)


@dataclass(frozen=True)
class NameParts:
    """A parsed person name: folded surname, first-name key, middle initials, gender from honorifics."""

    surname: str
    given: str = ""
    initials: tuple[str, ...] = ()
    gender: str = ""
    display: str = ""


def is_organisation(name: str) -> bool:
    """Does the name look like an organisation (a ministry, council, agency, the Kremlin ...)?

    Example:
        >>> is_organisation("Russia’s Defense Ministry"), is_organisation("Mr. Lavrov")
        (True, False)
        >>> is_organisation("a 50-year-old bank employee"), is_organisation("NPR")
        (False, True)
    """
    tokens = _TOKEN.findall(name)
    if len(tokens) == 1 and _ACRONYM.fullmatch(tokens[0]):
        return True  # "NPR", "TASS", "NATO": an acronym names an organisation, not a surname
    return any(t[:1].isupper() and ascii_fold(t).lower().rstrip(".") in _ORG_WORDS for t in tokens)


def parse_person(name: str) -> NameParts | None:
    """Parse a person's name; None when nothing name-like is left.

    Example:
        >>> parse_person("Serhiy Volodymyrovych Haidai")
        NameParts(surname='haidai', given='serhi', initials=(), gender='', display='Serhiy Haidai')
        >>> parse_person("Kharkiv Mayor Ihor Terekhov").display
        'Ihor Terekhov'
        >>> parse_person("Ms. von der Leyen")
        NameParts(surname='von der leen', given='', initials=(), gender='f', display='von der Leyen')
        >>> parse_person("Lloyd J. Austin III")
        NameParts(surname='austin', given='lloid', initials=('j',), gender='', display='Lloyd J. Austin')
    """
    # "Ukraine's Zelenskiy": a possessive modifier is not part of the name
    tail = re.split(r"['’]s\s+", name)[-1]
    tokens = _TOKEN.findall(tail)
    words = [t.rstrip(".") for t in tokens]
    lower = [ascii_fold(w).lower() for w in words]
    gender = "m" if set(lower) & _MALE else "f" if set(lower) & _FEMALE else ""
    # drop everything up to the rightmost title word that is not the last word ("Kharkiv Mayor Ihor ...")
    cut = max((i + 1 for i, w in enumerate(lower[:-1]) if w in TITLE_WORDS), default=0)
    words, lower = words[cut:], lower[cut:]
    while words and lower[-1] in _SUFFIXES and len(words) > 1:
        words, lower = words[:-1], lower[:-1]
    # a role or description ("the president", "a senior official") is not a name
    if not words or not words[-1][:1].isupper() or lower[-1] in TITLE_WORDS:
        return None
    start = len(words) - 1
    while start > 0 and lower[start - 1] in _PARTICLES:
        start -= 1
    surname_words = words[start:]
    front = [w for w in words[:start] if not _PATRONYMIC.search(ascii_fold(w).lower())]
    initials = tuple(w.lower() for w in front[1:] if len(w) == 1)
    firsts = [w for w in front if len(w) > 1]
    given = front[0] if front else ""
    display_front = [given, *[f"{i.upper()}." for i in initials]] if given else []
    if given and len(given) == 1:
        display_front = [f"{given}."]
    return NameParts(surname=" ".join(fold(w) for w in surname_words),
                     given=_given_key(given) if given and len(given) > 1 else fold(given)[:1],
                     initials=initials if firsts else (),
                     gender=gender, display=" ".join([*display_front, *surname_words]))


def _compatible_given(a: NameParts, b: NameParts) -> bool:
    if not a.given or not b.given:
        return True
    if len(a.given) == 1 or len(b.given) == 1:
        return a.given[0] == b.given[0]
    if a.given != b.given:
        return False
    return not a.initials or not b.initials or a.initials == b.initials


@dataclass
class _Person:
    """A person candidate of one surname: its full-name variants and known gender."""

    parts: NameParts
    names: list[str] = field(default_factory=list)
    genders: set[str] = field(default_factory=set)

    @property
    def speaker_id(self) -> str:
        extra = "".join(f".{i}" for i in self.parts.initials)
        return f"person:{self.parts.surname.replace(' ', '_')}:{self.parts.given}{extra}"


def load_aliases(source: str | Path | pd.DataFrame | None) -> dict[str, str]:
    """A user alias table (columns ``alias, canonical``) as {normalized alias: canonical}.

    Raises ValueError naming the file and row of an empty field, of an alias
    given to two people (the last row would silently win), or a missing
    column, and naming the file of a CSV that is not UTF-8 or not a table.

    Example:
        >>> load_aliases(pd.DataFrame({"alias": ["Wallace"], "canonical": ["Ben Wallace"]}))
        {'wallace': 'Ben Wallace'}
        >>> load_aliases(pd.DataFrame({"alias": ["Haidai", "Haidai"], "canonical": ["Serhiy Haidai", "Oleh Haidai"]}))
        Traceback (most recent call last):
        ...
        ValueError: <DataFrame>, row 3: alias 'Haidai' is 'Oleh Haidai' here but 'Serhiy Haidai' in row 2
    """
    if source is None:
        return {}
    where = "<DataFrame>" if isinstance(source, pd.DataFrame) else str(source)
    frame = source if isinstance(source, pd.DataFrame) else _read_alias_csv(source)
    missing = {"alias", "canonical"} - set(frame.columns)
    if missing:
        raise ValueError(f"{where}: alias table lacks columns {sorted(missing)}")
    out: dict[str, str] = {}
    rows: dict[str, int] = {}
    for i, (alias, canonical) in enumerate(zip(frame["alias"], frame["canonical"], strict=True), start=2):
        if not str(alias).strip() or not str(canonical).strip():
            raise ValueError(f"{where}, row {i}: empty alias or canonical")
        key, name = _normal(str(alias)), str(canonical).strip()
        if out.get(key, name) != name:
            raise ValueError(f"{where}, row {i}: alias {str(alias).strip()!r} is {name!r} here "
                             f"but {out[key]!r} in row {rows[key]}")
        out[key] = name
        rows.setdefault(key, i)
    return out


def _read_alias_csv(path: str | Path) -> pd.DataFrame:
    """The alias CSV as strings; bytes that are not UTF-8, an empty file or a ragged row raise
    ValueError naming the file (and the line), not a pandas error naming nothing."""
    try:
        content = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 (byte {err.start}: {err.reason})") from None
    rows = [r for r in csv.reader(io.StringIO(content))]
    if not rows:
        raise ValueError(f"{path}: empty file, no alias,canonical header")
    for line, row in enumerate(rows[1:], start=2):
        if row and len(row) != len(rows[0]):
            raise ValueError(f"{path}: not a CSV table (line {line} has {len(row)} fields, the header {len(rows[0])})")
    return pd.read_csv(io.StringIO(content), dtype=str, keep_default_na=False)


def registry_aliases(registry: SpeakerRegistry | None = None) -> pd.DataFrame:
    """The name aliases of a speakers registry as an alias table for :func:`merge_speakers`.

    Role aliases ("Kremlin spokesman") are left out: at corpus level an
    office changes hands.  A bare surname in the registry ("Kuleba") is the
    registry owner's evidence that the corpus means that person, so it wins
    over the ambiguity rule once this table is passed.

    Example:
        >>> t = registry_aliases()
        >>> t[t["alias"] == "Zelenskyy"]["canonical"].tolist()
        ['Volodymyr Zelensky']
    """
    reg = registry if registry is not None else default_registry()
    rows = [(alias, sp.canonical) for sp in reg.speakers.values() for alias in sp.aliases
            # an alias equal to the canonical but for accents or case would read as "keep apart"
            if _normal(alias) != _normal(sp.canonical) and _is_name_alias(alias, sp)]
    return pd.DataFrame(rows, columns=["alias", "canonical"]).drop_duplicates("alias", keep="first")


def _is_name_alias(alias: str, speaker: Speaker) -> bool:
    """An organisation's alias, or a person's alias sharing a folded name word ("Zelenskyy")."""
    if speaker.kind != "person":
        return True
    name_words = {fold(w) for w in _TOKEN.findall(speaker.canonical)}
    return bool(name_words & {fold(w) for w in _TOKEN.findall(alias)})


def _normal(name: str) -> str:
    return " ".join(ascii_fold(name).lower().replace("’", "'").split())


def merge_speakers(names: Iterable[str], aliases: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """The merge table: one row per input name (same order), with ``speaker_id`` and the rule used.

    ``names`` may repeat (a corpus's speaker column); ``count`` is how often
    each occurs and ``canonical`` is the person's display name: an alias
    target when the user gave one, else the most frequent full spelling.
    Empty names get an empty id (rule ``empty``); a role or description that
    is not a name ("the governor") is its own cluster (rule ``as_written``).

    Example:
        >>> t = merge_speakers(["Dmytro Kuleba", "Oleksii Kuleba", "Kuleba"])
        >>> t[["name", "rule", "candidates"]].values.tolist()[-1]
        ['Kuleba', 'ambiguous_surname', 'Dmytro Kuleba|Oleksii Kuleba']
    """
    ordered = [str(n) if n is not None else "" for n in names]
    counts = Counter(ordered)
    alias_map = load_aliases(aliases)
    targets = [t for a, t in alias_map.items() if _normal(t) != a]
    universe = list(dict.fromkeys([*counts, *targets]))
    automatic = [n for n in universe if _normal(n) not in alias_map]
    decided, candidates = _automatic_rules(automatic, counts, {_normal(t) for t in targets})
    decided.update({n: ("", "", "empty") for n in universe if not n.strip()})
    for name in universe:
        if name not in decided:
            decided[name] = _alias_rule(name, alias_map, decided)
    rows = [(n, *decided[n][:2], decided[n][2], counts[n], candidates.get(n, "")) for n in ordered]
    return pd.DataFrame(rows, columns=list(MERGE_COLUMNS))


def _automatic_rules(names: Sequence[str], counts: Counter[str],
                     preferred: set[str]) -> tuple[dict[str, tuple[str, str, str]], dict[str, str]]:
    """Rules 2-4 of the module docstring over the names no alias decides."""
    decided: dict[str, tuple[str, str, str]] = {}
    groups: dict[str, list[_Person]] = defaultdict(list)
    short: list[tuple[str, NameParts]] = []
    for name in names:
        if not name.strip():
            continue
        parts = None if is_organisation(name) else parse_person(name)
        if is_organisation(name):
            words = [fold(w) for w in _TOKEN.findall(name) if ascii_fold(w).lower().rstrip(".") not in {"the", "s"}]
            decided[name] = ("org:" + "_".join(words), name, "organisation")
        elif parts is None:
            decided[name] = (f"name:{_normal(name)}", name, "as_written")
        elif len(parts.given) <= 1:
            short.append((name, parts))
        else:
            _add_full_name(groups[parts.surname], name, parts)
    candidates = _short_names(short, groups, decided)
    for group in groups.values():
        for person in group:
            best = max(person.names, key=lambda n: (_normal(n) in preferred, counts[n], len(n), n))
            shown = best if _normal(best) in preferred else (parse_person(best) or person.parts).display
            for n in person.names:
                decided[n] = (person.speaker_id, shown, "full_name")
    display = {sid: canon for sid, canon, rule in decided.values() if rule == "full_name"}
    for name, (sid, _, rule) in decided.items():
        if rule in ("surname_unique", "surname_gender"):
            decided[name] = (sid, display.get(sid, name), rule)
    return decided, candidates


def _short_names(short: Sequence[tuple[str, NameParts]], groups: dict[str, list[_Person]],
                 decided: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """Decide every surname-only name in place; return the candidates of the ambiguous ones."""
    first_token: dict[str, list[_Person]] = defaultdict(list)
    for group in groups.values():
        for person in group:
            # "Kim" of "Kim Jong Un": East Asian order puts the family name first
            if any(len(n.split()) >= 3 for n in person.names):
                first_token[person.parts.given].append(person)
    males = {parts.surname for _, parts in short if parts.gender == "m"}
    mixed = males & {parts.surname for _, parts in short if parts.gender == "f"}
    candidates: dict[str, str] = {}
    for name, parts in short:
        group = [*groups.get(parts.surname, []), *first_token.get(parts.surname, [])]
        decided[name] = _surname_rule(name, parts, group, parts.surname in mixed)
        if decided[name][2] == "ambiguous_surname":
            candidates[name] = "|".join(sorted(max(p.names, key=len) for p in group))
    return candidates


def _add_full_name(group: list[_Person], name: str, parts: NameParts) -> None:
    for person in group:
        if _compatible_given(person.parts, parts):
            person.names.append(name)
            person.genders |= {parts.gender} - {""}
            if len(parts.initials) > len(person.parts.initials):
                person.parts = parts
            return
    group.append(_Person(parts, [name], {parts.gender} - {""}))


def _surname_rule(name: str, parts: NameParts, group: Sequence[_Person], mixed: bool) -> tuple[str, str, str]:
    """Where a surname without a first name goes (rule 4 of the module docstring).

    ``mixed``: the corpus uses this surname with both Mr and Ms, so a gendered
    form joins only a person whose own spellings show the same gender.
    """
    if parts.given:  # an initial ("S. Blinken") rules out other first names
        group = [p for p in group if p.parts.given[:1] == parts.given]
    if not group:
        # Mr and Ms with one surname and no full name: two people until shown otherwise
        sex = f":{parts.gender}" if mixed and parts.gender else ""
        return (f"person:{parts.surname.replace(' ', '_')}:{parts.given}{sex}", parts.display or name,
                "surname_only")
    if mixed and parts.gender:
        fitting = [p for p in group if parts.gender in p.genders]
        rule = "surname_gender"
    else:
        fitting = [p for p in group if not (parts.gender and p.genders and parts.gender not in p.genders)]
        rule = "surname_unique" if len(group) == 1 else "surname_gender"
    if len(fitting) == 1:
        return (fitting[0].speaker_id, "", rule)
    return (f"ambiguous:{parts.surname.replace(' ', '_')}:{_normal(name)}", name, "ambiguous_surname")


def _alias_rule(name: str, alias_map: dict[str, str],
                decided: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """Rule 1: follow the alias chain (at most 10 links) to a name the automatic rules decided."""
    key = _normal(name)
    target = alias_map[key]
    if _normal(target) == key:
        return (f"kept:{key}", name, "alias_kept_apart")
    for _ in range(10):
        nxt = alias_map.get(_normal(target))
        if nxt is None or _normal(nxt) == _normal(target):
            break
        target = nxt
    hit = next((v for n, v in decided.items() if _normal(n) == _normal(target)), None)
    if hit is None or not hit[0]:
        return (f"alias:{_normal(target)}", target, "alias")
    return (hit[0], hit[1], "alias")


def speaker_ids(names: Sequence[str], aliases: str | Path | pd.DataFrame | None = None) -> list[str]:
    """Just the ``speaker_id`` column of :func:`merge_speakers` (a merger for the harness).

    Example:
        >>> speaker_ids(["Serhiy Haidai", "Serhii Haidai", "Gaidai"])
        ['person:haidai:serhi', 'person:haidai:serhi', 'person:haidai:serhi']
    """
    return merge_speakers(names, aliases)["speaker_id"].tolist()


#: columns :func:`assign_corpus_ids` adds (``speaker_id`` replaces any per-article key)
CORPUS_ID_COLUMNS: tuple[str, ...] = ("speaker_id", "speaker_name")
NARRATION = "narration"


@dataclass(frozen=True)
class CorpusIds:
    """The result of :func:`assign_corpus_ids`: the statements with ids, and the merge table."""

    statements: pd.DataFrame
    merges: pd.DataFrame


def _alias_table(aliases: str | Path | pd.DataFrame | None, registry: SpeakerRegistry | None,
                 use_registry: bool) -> pd.DataFrame | None:
    """The registry's name aliases overridden by the user's (a user alias wins row by row)."""
    user = load_aliases(aliases)
    frames = [pd.DataFrame({"alias": list(user), "canonical": list(user.values())})] if user else []
    if use_registry:
        reg = registry_aliases(registry)
        overridden = reg["alias"].map(lambda a: _normal(str(a)) in user).astype(bool)
        frames.append(reg.loc[~overridden])
    return pd.concat(frames, ignore_index=True) if frames else None


def assign_corpus_ids(
    statements: pd.DataFrame,
    aliases: str | Path | pd.DataFrame | None = None,
    *,
    registry: SpeakerRegistry | None = None,
    use_registry: bool = True,
    speaker_col: str = "speaker",
) -> CorpusIds:
    """One ``speaker_id`` per person across a corpus, and the merge table that decided it.

    Every distinct ``speaker_col`` value of the non-narration rows goes
    through :func:`merge_speakers`, with the registry's name aliases
    (:func:`registry_aliases`; ``use_registry=False`` leaves them out) and
    the user's ``aliases`` (CSV path or frame, columns ``alias, canonical``),
    which override the registry's and the automatic rules.  Added columns:
    ``speaker_id`` (the corpus key; a per-article ``speaker_id`` already
    there is kept as ``speaker_id_article``) and ``speaker_name`` (the
    display name of that id).  Narration rows get ``narrator:<name>`` and
    their narrator as name; rows without a speaker get '' for both.  The
    merge table has one row per distinct name with ``MERGE_COLUMNS``.
    Raises KeyError naming the column when ``speaker_col`` or ``kind`` is absent.

    Example:
        >>> s = pd.DataFrame({"speaker": ["Serhiy Haidai", "Gaidai", "Serhii Haidai", "TASS", ""],
        ...                   "kind": ["direct", "direct", "reported", "narration", "partial"]})
        >>> ids = assign_corpus_ids(s)
        >>> ids.statements[["speaker_id", "speaker_name"]].values.tolist()[:3]
        [['person:haidai:serhi', 'Serhiy Haidai'], ['person:haidai:serhi', 'Serhiy Haidai'], ['person:haidai:serhi', 'Serhiy Haidai']]
        >>> ids.statements["speaker_id"].tolist()[3:]
        ['narrator:tass', '']
        >>> ids.merges[["name", "rule", "count"]].values.tolist()
        [['Serhiy Haidai', 'full_name', 1], ['Gaidai', 'surname_unique', 1], ['Serhii Haidai', 'full_name', 1]]
    """
    for column in (speaker_col, "kind"):
        if column not in statements.columns:
            raise KeyError(f"assign_corpus_ids: no column {column!r} (columns: {list(statements.columns)})")
    names = statements[speaker_col].fillna("").astype(str)
    narration = statements["kind"].astype(str).eq(NARRATION).to_numpy()
    spoken = [n for n, is_narration in zip(names, narration) if not is_narration and n.strip()]
    table = merge_speakers(spoken, _alias_table(aliases, registry, use_registry)).drop_duplicates("name")
    decided = dict(zip(table["name"], zip(table["speaker_id"], table["canonical"])))
    ids, shown = [], []
    for name, is_narration in zip(names, narration):
        if not name.strip():
            sid, display = "", ""
        elif is_narration:
            sid, display = f"narrator:{_normal(name)}", name
        else:
            sid, display = decided[name]
        ids.append(sid)
        shown.append(display or name)
    out = statements.copy()
    if "speaker_id" in out.columns:
        out = out.rename(columns={"speaker_id": "speaker_id_article"})
    out["speaker_id"] = pd.Series(ids, index=out.index, dtype="str")
    out["speaker_name"] = pd.Series(shown, index=out.index, dtype="str")
    return CorpusIds(out, table.reset_index(drop=True))
