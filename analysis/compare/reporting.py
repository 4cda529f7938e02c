"""How outlets frame what someone said: reporting-verb stance shares per bloc and speaker.

An outlet that writes "Lavrov *claimed*" distances itself from the claim;
"Lavrov *acknowledged*" presupposes it is true; "Lavrov *said*" is neutral
(:mod:`analysis.statements.reporting_verbs` lists each verb with its class
and source).  :func:`stance_shares` counts, per group, the attributed
statements (quotes and reported speech with a speaker; never narration) by
the stance of their reporting verb, with n.  Every attributed statement is
counted in exactly one class:

``neutral`` / ``distancing`` / ``factive`` / ``emphatic``  the verb's class;
``unknown``  a cue that is not a listed reporting verb (never guessed);
``none``     no reporting verb of its own (an untagged continuation quote).

:func:`stance_by_bloc` restricts the table to the speakers whom outlets of
at least ``min_blocs`` blocs attribute, so blocs are compared on the same
people.  Speakers are grouped by ``speaker_id`` (one person across
spellings, :func:`analysis.statements.identity.assign_corpus_ids`), computed
from ``speaker`` when the frame has no ``speaker_id``.

Example:
    >>> s = pd.DataFrame({"speaker": ["Sergey Lavrov", "Lavrov", "Sergey Lavrov", "Sergey Lavrov"],
    ...                   "kind": ["direct", "reported", "direct", "narration"],
    ...                   "cue": ["claimed", "said", "said", ""],
    ...                   "outlet_bloc": ["western", "western", "russian", "russian"]})
    >>> t = stance_by_bloc(s)
    >>> t[t["n"] > 0][["outlet_bloc", "stance", "n", "n_group", "share"]].values.tolist()
    [['russian', 'neutral', 1, 1, 1.0], ['western', 'neutral', 1, 2, 0.5], ['western', 'distancing', 1, 2, 0.5]]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from analysis.statements.identity import assign_corpus_ids
from analysis.statements.reporting_verbs import (
    STANCES,
    UNKNOWN,
    add_reporting_verbs,
    load_reporting_verbs,
)
from analysis.validate_args import require_columns

#: every class a statement can fall in, in the order tables and figures list them
STANCE_CLASSES: tuple[str, ...] = (*STANCES, UNKNOWN, "none")
NO_VERB = "none"
STANCE_COLUMNS: tuple[str, ...] = ("stance", "n", "n_group", "share")


def attributed(statements: pd.DataFrame) -> pd.DataFrame:
    """Quotes and reported speech with a speaker (no narration, no unattributed quote).

    Example:
        >>> s = pd.DataFrame({"speaker": ["A", "", "B"], "kind": ["direct", "partial", "narration"]})
        >>> attributed(s)["speaker"].tolist()
        ['A']
    """
    require_columns(statements, ["speaker", "kind"], who="attributed", frame_name="statements")
    keep = statements["kind"].ne("narration") & statements["speaker"].fillna("").astype(str).str.strip().ne("")
    return statements[keep]


def with_stance(statements: pd.DataFrame, cue_col: str = "cue") -> pd.DataFrame:
    """A copy with ``stance`` (one of :data:`STANCE_CLASSES`) per row.

    Uses a ``verb_stance`` column when the extractor gave one, else the
    reporting-verb table on ``cue_col``; a row without a verb is ``none``.

    Example:
        >>> with_stance(pd.DataFrame({"cue": ["warned", "", "shouted"]}))["stance"].tolist()
        ['emphatic', 'none', 'unknown']
    """
    if "verb_stance" in statements.columns:
        stance = statements["verb_stance"].fillna("").astype(str)
    else:
        require_columns(statements, [cue_col], who="with_stance", frame_name="statements")
        stance = add_reporting_verbs(statements[[cue_col]], cue_col)["verb_stance"]
    stance = stance.where(stance.ne(""), NO_VERB)
    bad = sorted(set(stance) - set(STANCE_CLASSES))
    if bad:
        raise ValueError(f"with_stance: stance value(s) {bad} are not among {list(STANCE_CLASSES)}")
    return statements.assign(stance=stance.to_numpy())


def stance_shares(statements: pd.DataFrame, by: Sequence[str], cue_col: str = "cue") -> pd.DataFrame:
    """Per group of ``by``: statements per stance class (zeros included), the group's n and the share.

    ``statements`` are counted as given (filter with :func:`attributed`
    first).  Columns: ``*by, stance, n, n_group, share``; groups sorted by
    ``by``, classes in :data:`STANCE_CLASSES` order.

    Example:
        >>> s = pd.DataFrame({"outlet": ["A", "A", "B"], "cue": ["said", "claimed", "noted"]})
        >>> t = stance_shares(s, ["outlet"])
        >>> t[t["n"] > 0].values.tolist()
        [['A', 'neutral', 1, 2, 0.5], ['A', 'distancing', 1, 2, 0.5], ['B', 'factive', 1, 1, 1.0]]
    """
    by = list(by)
    require_columns(statements, by, who="stance_shares", frame_name="statements")
    frame = with_stance(statements, cue_col)
    if frame.empty:
        return pd.DataFrame({**{c: pd.Series(dtype="object") for c in by}, "stance": pd.Series(dtype="str"),
                             "n": pd.Series(dtype="int64"), "n_group": pd.Series(dtype="int64"),
                             "share": pd.Series(dtype="float64")})
    counts = frame.groupby([*by, "stance"], sort=True, dropna=False).size()
    groups = counts.reset_index()[by].drop_duplicates().itertuples(index=False, name=None)
    full = pd.MultiIndex.from_tuples([(*g, s) for g in groups for s in STANCE_CLASSES], names=[*by, "stance"])
    table = counts.reindex(full, fill_value=0).rename("n").reset_index()
    table["n"] = table["n"].astype("int64")
    table["n_group"] = table.groupby(by, dropna=False)["n"].transform("sum").astype("int64")
    table["share"] = table["n"] / table["n_group"]
    return table


def with_speaker_ids(statements: pd.DataFrame) -> pd.DataFrame:
    """``statements`` with ``speaker_id``/``speaker_name``, computed from ``speaker`` if absent.

    Example:
        >>> s = pd.DataFrame({"speaker": ["John Kirby", "Kirby"], "kind": ["direct", "direct"]})
        >>> with_speaker_ids(s)["speaker_name"].tolist()
        ['John Kirby', 'John Kirby']
    """
    if {"speaker_id", "speaker_name"} <= set(statements.columns):
        return statements
    return assign_corpus_ids(statements).statements


#: ``speaker_id`` prefixes of a role or description ("the president") and of a surname
#: that fits several people: no one person, so never compared as "the same speaker"
UNIDENTIFIED_PREFIXES: tuple[str, ...] = ("name:", "ambiguous:")


def shared_speakers(statements: pd.DataFrame, bloc_col: str = "outlet_bloc", min_blocs: int = 2,
                    identified_only: bool = True) -> list[str]:
    """``speaker_id``s that outlets of at least ``min_blocs`` distinct blocs attribute, most statements first.

    ``identified_only`` leaves out roles and descriptions ("official",
    "the president": ids starting with :data:`UNIDENTIFIED_PREFIXES`), which
    name different people in different articles.

    Example:
        >>> s = pd.DataFrame({"speaker_id": ["a", "a", "b", "name:official", "name:official"],
        ...                   "outlet_bloc": ["russian", "western", "western", "russian", "western"]})
        >>> shared_speakers(s)
        ['a']
    """
    require_columns(statements, ["speaker_id", bloc_col], who="shared_speakers", frame_name="statements")
    known = statements[statements[bloc_col].fillna("").astype(str).ne("")]
    if identified_only:
        known = known[~known["speaker_id"].astype(str).str.startswith(UNIDENTIFIED_PREFIXES)]
    blocs = known.groupby("speaker_id")[bloc_col].nunique()
    sizes = known.groupby("speaker_id").size()
    chosen = blocs[blocs >= min_blocs].index
    return sorted(chosen, key=lambda sid: (-int(sizes[sid]), str(sid)))


def stance_by_bloc(statements: pd.DataFrame, *, bloc_col: str = "outlet_bloc", min_blocs: int = 2,
                   cue_col: str = "cue") -> pd.DataFrame:
    """Stance shares per speaker and bloc, for the speakers attributed by ``min_blocs`` blocs or more.

    Columns: ``speaker_id, speaker_name, <bloc_col>, stance, n, n_group, share``.

    Example:
        >>> s = pd.DataFrame({"speaker": ["Ann Lee", "Ann Lee"], "kind": ["direct", "direct"],
        ...                   "cue": ["said", "said"], "outlet_bloc": ["russian", "russian"]})
        >>> len(stance_by_bloc(s))  # one bloc only: nothing to compare
        0
    """
    spoken = with_speaker_ids(attributed(statements))
    shared = spoken[spoken["speaker_id"].isin(shared_speakers(spoken, bloc_col, min_blocs))]
    return stance_shares(shared, ["speaker_id", "speaker_name", bloc_col], cue_col)


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern[str]:
    forms = sorted(load_reporting_verbs(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\b",
                      re.IGNORECASE)


def carries_reporting_verb(texts: pd.Series) -> pd.Series:
    """True where a text holds any form of a listed reporting verb (a cheap pre-filter).

    A text without one can hold no statement with a verb stance, so a large
    corpus can be extracted only where it can contribute; count what was
    left out and say so.

    Example:
        >>> carries_reporting_verb(pd.Series(["Lavrov claimed victory.", "Shelling went on.", None])).tolist()
        [True, False, False]
    """
    pattern = _verb_pattern()
    return texts.map(lambda t: isinstance(t, str) and pattern.search(t) is not None).astype(bool)
