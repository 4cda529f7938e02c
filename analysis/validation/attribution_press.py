"""The second attribution gold set: Kremlin and Ukrainian-presidency press releases.

A held-out test set in another genre than the NYT gold
(``corpus/validation/attribution_press/``).  The texts are the vendored
CC BY 4.0 releases read through :func:`analysis.corpus.external.load_press_releases`;
the labels hold offsets into ``body``, a fragment of at most 10 words, the
speaker and the tag of every quotation mark in the drawn releases.  Both
files use only straight double quotes, so marks are paired per paragraph
(:func:`quote_spans`).

Example:
    >>> press_key("putin-0003", "Some text.")
    'putin-0003-2180b99d68'
    >>> quote_spans('He said "yes" and "no.')
    [(9, 12), (19, 22)]
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Collection, Hashable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.corpus.external import load_press_releases
from analysis.validation.attribution_gold import KINDS, MAX_FRAGMENT_WORDS, TAG_TYPES, fragment

#: Seed of the release draw (the war's 2022 start date, as for the NYT gold).
DRAW_SEED = 20220224
GOLD_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_press"
QUOTES_CSV: Path = GOLD_DIR / "quotes.csv"
ARTICLES_CSV: Path = GOLD_DIR / "articles.csv"
SIDES: tuple[str, ...] = ("russian", "ukrainian")
#: Seed of the dev draw (the liberation of Kherson, 2022-11-11), drawn from the releases outside the test gold.
DEV_DRAW_SEED = 20221111
DEV_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_press_dev"
DEV_QUOTES_CSV: Path = DEV_DIR / "quotes.csv"
DEV_ARTICLES_CSV: Path = DEV_DIR / "articles.csv"
DEV_PERSONS_CSV: Path = DEV_DIR / "persons.csv"
#: which committed set ``main`` checks: (quotes, articles, persons or None, split every row must carry)
GOLD_SETS: dict[str, tuple[Path, Path, Path | None, str]] = {
    "test": (QUOTES_CSV, ARTICLES_CSV, None, "test"),
    "dev": (DEV_QUOTES_CSV, DEV_ARTICLES_CSV, DEV_PERSONS_CSV, "dev"),
}
#: how a note starts when the source dropped the quote's opening mark (guideline P1)
NO_OPENING_MARK = "no opening mark"
MARK = '"'
# a transcript turn label: at a line or sentence start, a capitalised name of 2-4 words
# (optionally "(retranslated)") and a colon; the Kremlin bodies have no line breaks
_TURN = re.compile(r"(?:^|(?<=[.!?] ))[A-Z][\w.'-]*(?: (?:of )?[A-Z][\w.'-]*){1,4}(?: \(retranslated\))?:",
                   re.MULTILINE)


def press_key(doc_id: str, body: str) -> str:
    """Stable key of one release: its doc_id plus the first 10 hex of sha1(body).

    Example:
        >>> press_key("zelenskyy-0000", "abc")
        'zelenskyy-0000-a9993e3647'
    """
    return f"{doc_id}-{hashlib.sha1(body.encode('utf-8')).hexdigest()[:10]}"


def load_press_texts(directory: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Every release with ``doc_id, side, row, article_key, body, status`` (body as the package reads it).

    Example:
        >>> t = load_press_texts()
        >>> bool(t["article_key"].str.startswith(("putin-", "zelenskyy-")).all())
        True
    """
    df = load_press_releases(directory)
    out = df.loc[:, ["doc_id", "side", "body", "status"]].copy()
    out["body"] = out["body"].astype(str)
    out["row"] = [int(d.rsplit("-", 1)[1]) for d in out["doc_id"]]
    out["article_key"] = [press_key(d, b) for d, b in zip(out["doc_id"], out["body"], strict=True)]
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Inside spans of the quotes, paired per paragraph: odd marks open, the next closes.

    An odd last mark of a paragraph opens a quote that runs to the paragraph
    end (continued in the next paragraph).

    Example:
        >>> quote_spans('a "b" c "d\\ne "f"')
        [(3, 4), (9, 10), (14, 15)]
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        marks = [pos + i for i, ch in enumerate(para) if ch == MARK]
        for j in range(0, len(marks), 2):
            end = marks[j + 1] if j + 1 < len(marks) else pos + len(para)
            spans.append((marks[j] + 1, end))
        pos += len(para) + 1
    return spans


def count_turns(text: str) -> int:
    """Transcript turn labels ("Vladimir Putin: ...") at a line start; not units of the gold.

    Example:
        >>> count_turns("Vladimir Putin: Good afternoon. Olaf Scholz (retranslated): Thanks.")
        2
    """
    return len(_TURN.findall(text))


def draw_order(texts: pd.DataFrame, seed: int = DRAW_SEED, exclude: Collection[str] = ()) -> list[str]:
    """doc_ids of the releases with a quotation mark, in annotation order.

    Each side's eligible releases (status ``ok``, a ``"`` in the body, doc_id
    not in ``exclude``) are permuted with one generator; the two orders are
    interleaved (russian first), so any prefix holds both presidencies
    about equally.  The test gold's draw is ``draw_order(texts)``; the dev
    set's is ``draw_order(texts, DEV_DRAW_SEED, test_doc_ids())``.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["putin-0000", "zelenskyy-0000", "putin-0001"],
        ...                   "side": ["russian", "ukrainian", "russian"],
        ...                   "body": ['a "b"', 'c "d"', "none"], "status": "ok"})
        >>> draw_order(t)
        ['putin-0000', 'zelenskyy-0000']
    """
    rng = np.random.default_rng(seed)
    ok = texts[(texts["status"] == "ok") & texts["body"].str.contains(MARK, regex=False)
               & ~texts["doc_id"].isin(set(exclude))]
    per_side = []
    for side in SIDES:
        ids = ok.loc[ok["side"] == side, "doc_id"].tolist()
        per_side.append([ids[i] for i in rng.permutation(len(ids))])
    order: list[str] = []
    for i in range(max(len(s) for s in per_side)):
        order.extend(s[i] for s in per_side if i < len(s))
    return order


def test_doc_ids(articles_csv: str | os.PathLike[str] = ARTICLES_CSV) -> list[str]:
    """doc_ids of the releases in the press test gold (its ``articles.csv``), which the dev draw excludes.

    Example:
        >>> ids = test_doc_ids()
        >>> len(ids), ids[0]
        (102, 'putin-0262')
    """
    keys = pd.read_csv(articles_csv, usecols=["article_key"], dtype=str)["article_key"]
    return [k.rsplit("-", 1)[0] for k in keys]


def annotation_sheet(text: str) -> str:
    """The release with each opening mark numbered ``"[Q1]``, for the annotator.

    Example:
        >>> annotation_sheet('He said "yes" and "no."')
        'He said "[Q1]yes" and "[Q2]no."'
    """
    return numbered_units(text, quote_spans(text))


def numbered_units(text: str, units: Sequence[tuple[int, int]]) -> str:
    """``text`` with ``[Q1]``, ``[Q2]``, ... inserted at each unit's start (an annotation sheet).

    Example:
        >>> numbered_units("a 'b' c", [(3, 4)])
        "a '[Q1]b' c"
    """
    out, last = [], 0
    for n, (start, _end) in enumerate(units, 1):
        out.append(text[last:start] + f"[Q{n}]")
        last = start
    return "".join(out) + text[last:]


def load_gold(path: str | os.PathLike[str] = QUOTES_CSV) -> pd.DataFrame:
    """The committed press-release quote labels (same columns as the NYT gold).

    Example:
        >>> g = load_gold()
        >>> set(g["split"]) == {"test"}
        True
    """
    g = pd.read_csv(path, dtype={"variants": str, "notes": str}, keep_default_na=False)
    for col in ("row", "start", "end", "antecedent_needed", "speaker_named", "quote_no"):
        g[col] = g[col].astype(int)
    return g


def _ends_quote(text: str, end: int) -> bool:
    return end == len(text) or text[end] in (MARK, "\n")


def _row_problems(rec: Mapping[Hashable, object], text: str, split: str = "test") -> list[str]:
    key, q = rec["article_key"], int(str(rec["quote_no"]))
    start, end, frag = int(str(rec["start"])), int(str(rec["end"])), str(rec["fragment"])
    where = f"quotes.csv {key} Q{q}"
    problems = []
    opened = start >= 1 and text[start - 1] == MARK
    # guideline P1: a quote whose opening mark the source dropped starts where the annotator reads it
    if not (opened or str(rec["notes"]).startswith(NO_OPENING_MARK)) or not 0 <= start <= end <= len(text) \
            or not _ends_quote(text, end):
        problems.append(f"{where}: offsets {start}-{end} do not sit between quotation marks")
    elif frag != fragment(text, start, end):
        problems.append(f"{where}: fragment is not the first words of the span")
    if len(frag.split()) > MAX_FRAGMENT_WORDS:
        problems.append(f"{where}: fragment has more than {MAX_FRAGMENT_WORDS} words")
    absent = [v for v in str(rec["variants"]).split("|") if v and v not in text]
    if absent:
        problems.append(f"{where}: variant(s) not in the release text: {absent}")
    if rec["tag_type"] not in TAG_TYPES or rec["kind"] not in KINDS or rec["split"] != split:
        problems.append(f"{where}: tag_type/kind/split not in the vocabulary")
    return problems


def unaccounted_marks(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Positions of quotation marks that neither open nor close a row nor sit inside one (nested).

    Example:
        >>> unaccounted_marks('a "b "c" d" e "f', [(3, 10)])
        [14]
    """
    used = {s - 1 for s, _ in spans} | {e for _, e in spans}
    return [i for i, ch in enumerate(text) if ch == MARK and i not in used
            and not any(s <= i < e for s, e in spans)]


def verify_gold(gold: pd.DataFrame, texts: pd.DataFrame, articles: pd.DataFrame | None = None,
                split: str = "test") -> list[str]:
    """Problems found checking the labels against the releases as loaded now (empty = all good).

    Checks: each key (so the body hash) exists; each span sits between
    quotation marks (or starts after a dropped mark, guideline P1);
    fragments are the first <= 10 words; variants occur in the text;
    vocabulary; rows are numbered 1..n in text order; and, with
    ``articles``, that every mark of every listed release opens, closes or
    sits inside exactly one row.  ``split`` is the split every row must
    carry (``test`` for the test gold, ``dev`` for the dev set).

    Example:
        >>> verify_gold(load_gold().head(0), load_press_texts().head(0))
        []
    """
    bodies = dict(zip(texts["article_key"], texts["body"], strict=True))
    problems: list[str] = []
    for rec in gold.to_dict("records"):
        text = bodies.get(str(rec["article_key"]))
        if text is None:
            problems.append(f"quotes.csv {rec['article_key']}: key not in the releases (text changed?)")
            continue
        problems += _row_problems(rec, text, split)
    for key, rows in gold.groupby("article_key", sort=False):
        if rows["quote_no"].tolist() != list(range(1, len(rows) + 1)) or not rows["start"].is_monotonic_increasing:
            problems.append(f"quotes.csv {key}: quote_no is not 1..n in text order")
    for key in [] if articles is None else articles["article_key"]:
        text = bodies.get(str(key))
        rows = gold[gold["article_key"] == key]
        spans = list(zip(rows["start"].astype(int), rows["end"].astype(int), strict=True))
        loose = unaccounted_marks(text, spans) if text is not None else []
        if loose:
            problems.append(f"articles.csv {key}: quotation mark(s) at {loose} belong to no row")
    return problems


def verify_persons(persons: pd.DataFrame, gold: pd.DataFrame, texts: pd.DataFrame) -> list[str]:
    """Problems of a per-release person list against the quote rows (empty = all good).

    ``persons`` has one row per (``article_key``, ``speaker``) quoted in a
    direct or partial row other than UNATTRIBUTED, with ``variants`` (every
    form the release uses for that person) and ``n_quotes``.  Checks: the
    pairs are exactly the quoted ones, each variant occurs in the release,
    the quote rows carry the same variants, and ``n_quotes`` is their count.

    Example:
        >>> texts = pd.DataFrame({"article_key": ["k"], "body": ['"Yes," Ann Lee said.']})
        >>> rows = pd.DataFrame({"article_key": ["k"], "kind": ["direct"], "speaker": ["Ann Lee"],
        ...                      "variants": ["Ann Lee"]})
        >>> verify_persons(pd.DataFrame({"article_key": ["k"], "speaker": ["Ann Lee"], "variants": ["Ann Lee|Lee"],
        ...                              "n_quotes": [1]}), rows, texts)
        ["persons.csv k 'Ann Lee': quote rows carry other variants than the person list"]
    """
    bodies = dict(zip(texts["article_key"], texts["body"], strict=True))
    quoted = gold[gold["kind"].isin(("direct", "partial")) & (gold["speaker"] != "UNATTRIBUTED")]
    listed = {(str(k), str(s)): r for (k, s), r in zip(zip(persons["article_key"], persons["speaker"], strict=True),
                                                        persons.to_dict("records"), strict=True)}
    problems = [f"persons.csv {k} {s!r}: quoted but not listed"
                for k, s in sorted(set(zip(quoted["article_key"], quoted["speaker"], strict=True)) - set(listed))]
    for (key, speaker), rec in listed.items():
        where = f"persons.csv {key} {speaker!r}"
        rows = quoted[(quoted["article_key"] == key) & (quoted["speaker"] == speaker)]
        absent = [v for v in str(rec["variants"]).split("|") if v and v not in bodies.get(key, "")]
        if rows.empty:
            problems.append(f"{where}: listed but quoted in no direct/partial row")
        if absent:
            problems.append(f"{where}: variant(s) not in the release text: {absent}")
        if set(rows["variants"].astype(str)) - {str(rec["variants"])}:
            problems.append(f"{where}: quote rows carry other variants than the person list")
        if int(str(rec["n_quotes"])) != len(rows):
            problems.append(f"{where}: n_quotes {rec['n_quotes']} but {len(rows)} quote rows")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.validation.attribution_press [--set test|dev]``: verify a press gold; 0 when clean.

    ``test`` (default) is the held-out gold, ``dev`` the dev set of
    ``corpus/validation/attribution_press_dev`` (also its ``persons.csv``).

    Example:
        >>> main([])  # doctest: +ELLIPSIS
        270 quotation marks in 102 releases: {...}; 0 problems
        0
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis.validation.attribution_press")
    parser.add_argument("--set", choices=sorted(GOLD_SETS), default="test", dest="gold_set")
    quotes_csv, articles_csv, persons_csv, split = GOLD_SETS[parser.parse_args(argv or []).gold_set]
    gold = load_gold(quotes_csv)
    articles = pd.read_csv(articles_csv, keep_default_na=False)
    texts = load_press_texts()
    problems = verify_gold(gold, texts, articles, split)
    if persons_csv is not None:
        problems += verify_persons(pd.read_csv(persons_csv, keep_default_na=False), gold, texts)
    kinds = gold["kind"].value_counts().to_dict()
    print(f"{len(gold)} quotation marks in {articles['article_key'].nunique()} releases: {kinds}; "
          f"{len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
