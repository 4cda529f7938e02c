"""The third attribution gold set: quotes in the English news articles of PTC-2020.

Parts labelled blind, each by its own annotator, under one set of guidelines
(``corpus/validation/attribution_ptc/GUIDELINES.md``): the held-out test
part (``corpus/validation/attribution_ptc/``), the dev part
(``corpus/validation/attribution_ptc_dev/``) and the held-out test part 2
(``corpus/validation/attribution_ptc_test2/``, the test draw continued from
position 33) and the dev part 2 (``corpus/validation/attribution_ptc_dev2/``,
the dev draw continued from position 25) and the held-out test part 3
(``corpus/validation/attribution_ptc_test3/``, the test draw continued from
position 72; :data:`FIRST_POSITION`).  PTC has no stated licence:
the texts are read at run time (:func:`load_ptc_texts`), and the committed
files hold only ids, offsets, hashes, names and fragments of at most six
words.  A unit is an opening double quotation mark (:func:`quote_units`).

Example:
    >>> article_key("111111111", "abc")
    'ptc111111111-a9993e3647'
    >>> quote_units('He said “yes” and "no."')
    [(9, 12), (19, 22)]
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections.abc import Hashable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.validation.attribution_gold import KINDS, TAG_TYPES, fragment
from analysis.validation.attribution_press import numbered_units, verify_persons
from analysis.validation.gold_csv import read_gold_csv
from analysis.validation.ptc import load_ptc
from analysis.validation.split import split_of

#: Seed of the draw, fixed before labelling and shared by the dev and test annotators.
DRAW_SEED = 20200911
MAX_WORDS = 6
SIDE = "english_news"
STRAIGHT, OPEN, CLOSE = '"', "\u201c", "\u201d"
_OPEN_MARK, _CLOSE_MARK, _STRAIGHT_MARK = (re.compile(re.escape(m)) for m in (OPEN, CLOSE, STRAIGHT))
GOLD_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_ptc"
DEV_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_ptc_dev"
TEST2_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_ptc_test2"
DEV2_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_ptc_dev2"
TEST3_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution_ptc_test3"
#: the folder and the split every row must carry, per set name
GOLD_SETS: dict[str, tuple[Path, str]] = {"test": (GOLD_DIR, "test"), "dev": (DEV_DIR, "dev"),
                                          "test2": (TEST2_DIR, "test"), "dev2": (DEV2_DIR, "dev"),
                                          "test3": (TEST3_DIR, "test")}
#: the draw position a set starts at, when it continues an earlier part's draw (default 0)
FIRST_POSITION: dict[str, int] = {"test2": 33, "dev2": 25, "test3": 72}
ARTICLE_COLUMNS = ("article_key", "row", "side", "draw_position", "split", "n_marks", "n_direct",
                   "n_partial", "n_term", "n_turns")
QUOTE_COLUMNS = ("article_key", "row", "split", "draw_position", "quote_no", "start", "end", "fragment", "kind",
                 "speaker", "speaker_named", "variants", "antecedent_needed", "tag_type", "notes")
#: a blank line (empty or only whitespace) ends a paragraph (guideline G1)
_BLANK_LINE = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")
SKIPPED = "skipped:"


def article_key(article_id: str, text: str) -> str:
    """Stable key of one article: ``ptc<article_id>-`` plus the first 10 hex of sha1(text).

    Example:
        >>> article_key("700", "")
        'ptc700-da39a3ee5e'
    """
    return f"ptc{article_id}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def load_ptc_texts(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """PTC articles with ``article_id, article_key, split, text`` (``data_dir`` or ANALYSIS_VALIDATION_DATA).

    Raises :class:`analysis.validation.exceptions.ValidationDataError` when PTC is absent.

    Example:
        >>> load_ptc_texts("/nonexistent")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: PTC-2020 not found: /nonexistent does not exist
    """
    arts = load_ptc(data_dir).articles.loc[:, ["article_id", "text"]].copy()
    arts["article_key"] = [article_key(a, t) for a, t in zip(arts["article_id"], arts["text"], strict=True)]
    arts["split"] = [split_of(a) for a in arts["article_id"]]
    return arts.loc[:, ["article_id", "article_key", "split", "text"]]


def draw_order(articles: pd.DataFrame, seed: int = DRAW_SEED) -> list[str]:
    """article_ids of the eligible articles (a ``"`` or a ``“`` in the text), in annotation order.

    ``ids`` = the sorted eligible ids (as strings), permuted once with
    ``numpy.random.default_rng(seed)``.  Each annotator takes the ids of its
    split from this order, from the start, without skipping.

    Example:
        >>> a = pd.DataFrame({"article_id": ["3", "1", "2"], "text": ['a "b"', "none", "c \u201cd\u201d"]})
        >>> sorted(draw_order(a))
        ['2', '3']
    """
    has_mark = articles["text"].astype(str).map(lambda t: STRAIGHT in t or OPEN in t)
    ids = sorted(articles.loc[has_mark, "article_id"].astype(str))
    rng = np.random.default_rng(seed)
    return [ids[i] for i in rng.permutation(len(ids))]


def split_order(articles: pd.DataFrame, split: str, seed: int = DRAW_SEED) -> list[str]:
    """The ids of one split (``dev`` or ``test``) in draw order: position i is ``draw_position`` i.

    Example:
        >>> a = pd.DataFrame({"article_id": [str(i) for i in range(20)], "text": ['"q"'] * 20})
        >>> len(split_order(a, "dev")) + len(split_order(a, "test"))
        20
    """
    return [a for a in draw_order(articles, seed) if split_of(a) == split]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line paragraph; ``end`` is where its separator (or the text) starts.

    Example:
        >>> paragraphs("Title\\n\\nOne.\\nTwo.\\n \\nThree.")
        [(0, 5), (7, 16), (19, 25)]
    """
    out, pos = [], 0
    for m in _BLANK_LINE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _curly_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # the marks' positions found once (a text.find per opener rescanned the paragraph:
    # quadratic in a paragraph of many unclosed openers)
    opens = [m.start() for m in _OPEN_MARK.finditer(text, start, end)]
    closes = [m.start() for m in _CLOSE_MARK.finditer(text, start, end)]
    units = []
    for k, i in enumerate(opens):
        j = bisect.bisect_right(closes, i)
        close = closes[j] if j < len(closes) else -1
        reopen = opens[k + 1] if k + 1 < len(opens) else -1
        # a quote with no closing mark before the next opener or the paragraph end runs to the paragraph end
        stop = close if close != -1 and (reopen == -1 or close < reopen) else end
        units.append((i + 1, stop))
    return units


def _straight_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = [m.start() for m in _STRAIGHT_MARK.finditer(text, start, end)]
    return [(marks[j] + 1, marks[j + 1] if j + 1 < len(marks) else end) for j in range(0, len(marks), 2)]


def quote_units(text: str) -> list[tuple[int, int]]:
    """Inside spans ``(start, end)`` of every unit of guideline G2, in text order.

    Per blank-line paragraph: a ``“`` opens a quote ending at the next
    ``”``, or at the paragraph end when a ``“`` or the end comes first;
    straight ``"`` pair 1st-2nd, 3rd-4th, ..., an odd last one running to
    the paragraph end.  A ``”`` with no opener, and single quotes, are no
    units.

    Example:
        >>> quote_units('a “b” c “d\\ne\\n\\n“f” ” g')
        [(3, 4), (9, 12), (15, 16)]
        >>> quote_units('x "y" z "w\\n\\n"v"')
        [(3, 4), (9, 10), (13, 14)]
        >>> quote_units("it's ‘scare’ ” no")
        []
    """
    units: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        units += _curly_units(text, start, end) + _straight_units(text, start, end)
    return sorted(units)


def count_marks(text: str) -> int:
    """Number of double quotation mark characters (``"``, ``“``, ``”``): ``n_marks`` of articles.csv.

    Example:
        >>> count_marks('a “b” "c" ’')
        4
    """
    return sum(text.count(m) for m in (STRAIGHT, OPEN, CLOSE))


def annotation_sheet(text: str) -> str:
    """The article with each unit's opening mark numbered ``[Q1]``, ``[Q2]``, ... for the annotator.

    Example:
        >>> annotation_sheet('He said “yes” and "no."')
        'He said “[Q1]yes” and "[Q2]no."'
    """
    return numbered_units(text, quote_units(text))


def read_folder(folder: str | os.PathLike[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``articles.csv, quotes.csv, persons.csv`` of one part, ids and text columns as strings.

    A file that is not UTF-8, is empty or is not a well-formed CSV is a
    :class:`~analysis.validation.exceptions.ValidationDataError` naming it
    (:func:`~analysis.validation.gold_csv.read_gold_csv`).

    Example:
        >>> read_folder("/nonexistent")
        Traceback (most recent call last):
        ...
        FileNotFoundError: /nonexistent/articles.csv: no such file (is the PTC attribution gold on this branch?)
    """
    folder = Path(folder)
    frames = []
    for name in ("articles.csv", "quotes.csv", "persons.csv"):
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file (is the PTC attribution gold on this branch?)")
        frames.append(read_gold_csv(path))
    articles, quotes, persons = frames
    return articles, quotes, persons


def as_gold(quotes: pd.DataFrame) -> pd.DataFrame:
    """quotes.csv as read by :func:`read_folder`, with the number columns as int (the harness's gold frame).

    Example:
        >>> q = pd.DataFrame({c: ["1"] for c in ("row", "draw_position", "quote_no", "start", "end",
        ...                                      "speaker_named", "antecedent_needed")})
        >>> as_gold(q).dtypes.unique().tolist()
        [dtype('int64')]
    """
    out = quotes.copy()
    for col in ("row", "draw_position", "quote_no", "start", "end", "speaker_named", "antecedent_needed"):
        out[col] = out[col].astype("int64")
    return out


def check_part(folder: str | os.PathLike[str], texts: pd.DataFrame, split: str,
               first: int = 0) -> tuple[pd.DataFrame, list[str]]:
    """The gold frame (:func:`as_gold`) of the part in ``folder`` and its :func:`verify_part` problems.

    ``first`` is the draw position the part starts at (a part that
    continues another part's draw, e.g. test part 2 at 33).

    Rows with non-integer offsets cannot become a gold frame: then the frame
    is empty and the problems say why.

    Example:
        >>> check_part("/nonexistent", pd.DataFrame(), "test")
        Traceback (most recent call last):
        ...
        FileNotFoundError: /nonexistent/articles.csv: no such file (is the PTC attribution gold on this branch?)
    """
    articles, quotes, persons = read_folder(folder)
    problems = verify_part(articles, quotes, persons, texts, split, first)
    try:
        return as_gold(quotes), problems
    except (KeyError, ValueError) as err:
        return pd.DataFrame(), problems or [f"quotes.csv: not a gold frame ({err})"]


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _row_problems(rec: Mapping[Hashable, object], text: str, units: list[tuple[int, int]],
                  split: str) -> list[str]:
    where = f"quotes.csv {rec['article_key']} Q{rec['quote_no']}"
    nums = [_int(rec[c]) for c in ("quote_no", "start", "end", "speaker_named", "antecedent_needed")]
    if any(n is None for n in nums):
        return [f"{where}: quote_no/start/end/speaker_named/antecedent_needed not integers"]
    q, start, end, named, ante = (int(str(n)) for n in nums)
    problems = []
    if not 1 <= q <= len(units) or units[q - 1] != (start, end):
        problems.append(f"{where}: offsets {start}-{end} are not unit {q} of quote_units")
    elif rec["fragment"] != fragment(text, start, end, MAX_WORDS):
        problems.append(f"{where}: fragment is not the first <= {MAX_WORDS} words of text[start:end]")
    if rec["kind"] not in KINDS or rec["tag_type"] not in TAG_TYPES or rec["split"] != split:
        problems.append(f"{where}: kind/tag_type/split not in the vocabulary (split must be {split})")
    if named not in (0, 1) or ante not in (0, 1) or (rec["speaker"] == "UNATTRIBUTED" and named):
        problems.append(f"{where}: speaker_named/antecedent_needed must be 0/1 (0 for UNATTRIBUTED)")
    if not str(rec["speaker"]).strip():
        problems.append(f"{where}: empty speaker (write UNATTRIBUTED)")
    absent = [v for v in str(rec["variants"]).split("|") if v and v not in text]
    if absent:
        problems.append(f"{where}: variant(s) not in the article text: {absent}")
    return problems


def _article_problems(rec: Mapping[Hashable, object], texts: Mapping[str, str], rows: pd.DataFrame,
                      split: str) -> list[str]:
    key, article_id = str(rec["article_key"]), str(rec["row"])
    where = f"articles.csv {key}"
    text = texts.get(article_id)
    if text is None:
        return [f"{where}: article {article_id} not in PTC"]
    if key != article_key(article_id, text):
        return [f"{where}: key does not match article {article_id}'s text hash (text changed?)"]
    problems = []
    if rec["side"] != SIDE or rec["split"] != split or split_of(article_id) != split or rec["n_turns"] != "0":
        problems.append(f"{where}: side/split/n_turns must be {SIDE}/{split}/0 (split by split_of)")
    skipped = str(rec.get("notes", "")).startswith(SKIPPED)
    units = [] if skipped else quote_units(text)
    if len(rows) != len(units):
        problems.append(f"{where}: {len(rows)} quote rows but {len(units)} units of quote_units")
    kinds = rows["kind"].value_counts()
    counts = {"n_marks": count_marks(text), **{f"n_{k}": int(kinds.get(k, 0)) for k in KINDS}}
    bad = [c for c, n in counts.items() if _int(rec[c]) != n]
    if bad:
        problems.append(f"{where}: {bad} do not match the text/quote rows ({counts})")
    if (rows["row"] != article_id).any() or (rows["draw_position"] != rec["draw_position"]).any():
        problems.append(f"{where}: quote rows carry another row/draw_position")
    return problems


def verify_part(articles: pd.DataFrame, quotes: pd.DataFrame, persons: pd.DataFrame,
                texts: pd.DataFrame, split: str, first: int = 0) -> list[str]:
    """Problems of one part against the PTC texts as loaded now (empty = all good).

    Checks the columns; that the articles are the n articles of ``split``'s
    draw order at positions first..first+n-1 (``first`` 0 unless the part
    continues another part's draw); each key's text hash, side, split and
    counts; that the rows of each article are exactly its
    :func:`quote_units`, numbered 1..n, with fragments of the first <= 6
    words, vocabulary and variants in the text; and persons.csv against the
    quote rows (:func:`analysis.validation.attribution_press.verify_persons`).

    Example:
        >>> t = pd.DataFrame({"article_id": ["9"], "text": ['"Go," Ann Lee said.']})
        >>> a = pd.DataFrame([{"article_key": article_key("9", '"Go," Ann Lee said.'), "row": "9"}])
        >>> verify_part(a, pd.DataFrame(), pd.DataFrame(), t, "test")[0]
        'articles.csv: missing column(s) side, draw_position, split, n_marks, n_direct, n_partial, n_term, n_turns'
    """
    for name, frame, cols in (("articles.csv", articles, ARTICLE_COLUMNS), ("quotes.csv", quotes, QUOTE_COLUMNS),
                              ("persons.csv", persons, ("article_key", "speaker", "speaker_named", "variants",
                                                        "n_quotes"))):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            return [f"{name}: missing column(s) {', '.join(missing)}"]
    by_id = dict(zip(texts["article_id"].astype(str), texts["text"], strict=True))
    problems = _draw_problems(articles, texts, split, first)
    repeated = articles["article_key"][articles["article_key"].duplicated()]
    problems += [f"articles.csv {k}: article listed more than once" for k in dict.fromkeys(repeated)]
    unknown = sorted(set(quotes["article_key"]) - set(articles["article_key"]))
    problems += [f"quotes.csv {k}: article not in articles.csv" for k in unknown]
    for rec in articles.to_dict("records"):
        rows = quotes[quotes["article_key"] == rec["article_key"]]
        problems += _article_problems(rec, by_id, rows, split)
        text = by_id.get(str(rec["row"]))
        if text is None or str(rec["article_key"]) != article_key(str(rec["row"]), text):
            continue
        units = quote_units(text)
        if rows["quote_no"].tolist() != [str(i) for i in range(1, len(rows) + 1)]:
            problems.append(f"quotes.csv {rec['article_key']}: quote_no is not 1..n in file order")
        problems += [p for r in rows.to_dict("records") for p in _row_problems(r, text, units, split)]
    bodies = pd.DataFrame({"article_key": [article_key(a, t) for a, t in by_id.items()], "body": list(by_id.values())})
    return problems + verify_persons(persons, quotes, bodies)


def _draw_problems(articles: pd.DataFrame, texts: pd.DataFrame, split: str, first: int = 0) -> list[str]:
    if first < 0:
        return [f"the first draw position must be 0 or more, not {first}"]
    order = split_order(texts, split)
    ids, positions = articles["row"].tolist(), articles["draw_position"].tolist()
    if positions != [str(i) for i in range(first, first + len(ids))]:
        return [f"articles.csv: draw_position is not {first}..{first}+n-1 in file order" if first else
                "articles.csv: draw_position is not 0..n-1 in file order"]
    if ids != order[first:first + len(ids)]:
        return [f"articles.csv: the articles are not the {len(ids)} of the {split} draw order from position {first}"
                if first else f"articles.csv: the articles are not the first {len(ids)} of the {split} draw order"]
    return []


def summary(articles: pd.DataFrame, quotes: pd.DataFrame) -> str:
    """One line of counts: units by kind and tag_type, articles.

    Example:
        >>> summary(pd.DataFrame({"article_key": ["k"]}),
        ...         pd.DataFrame({"kind": ["direct", "term"], "tag_type": ["name", "none"]}))
        "2 units in 1 articles: kinds {'direct': 1, 'term': 1}; tag_type {'name': 1, 'none': 1}"
    """
    kinds = {str(k): int(v) for k, v in quotes["kind"].value_counts().sort_index().items()}
    tags = {str(k): int(v) for k, v in quotes["tag_type"].value_counts().sort_index().items()}
    return f"{len(quotes)} units in {articles['article_key'].nunique()} articles: kinds {kinds}; tag_type {tags}"


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.validation.attribution_ptc [--set test|dev|test2|dev2|test3] [--data DIR] [--folder DIR] [--first N]``.

    Exit 0 when clean.  Needs PTC (``--data`` or ``ANALYSIS_VALIDATION_DATA``);
    ``--folder`` overrides the part's committed folder, ``--first`` the
    draw position the part starts at (default the set's: 33 for test2, 25 for dev2, 72 for test3, else 0).

    Example:
        >>> main(["--data", "/nonexistent"])
        PTC-2020 not found: /nonexistent does not exist
        2
    """
    import argparse

    from analysis.validation.exceptions import ValidationDataError

    parser = argparse.ArgumentParser(prog="python -m analysis.validation.attribution_ptc")
    parser.add_argument("--set", choices=sorted(GOLD_SETS), default="test", dest="gold_set")
    parser.add_argument("--data", default=None, help="folder holding ptc2020/ (default ANALYSIS_VALIDATION_DATA)")
    parser.add_argument("--folder", default=None, help="the part's folder (default the committed one)")
    parser.add_argument("--first", type=int, default=None,
                        help="draw position the part starts at (default the set's: test2 33, dev2 25, test3 72, else 0)")
    args = parser.parse_args(argv or [])
    folder, split = GOLD_SETS[args.gold_set]
    first = FIRST_POSITION.get(args.gold_set, 0) if args.first is None else args.first
    try:
        texts = load_ptc_texts(args.data)
        articles, quotes, persons = read_folder(args.folder or folder)
    except (ValidationDataError, FileNotFoundError) as err:
        print(err)
        return 2
    problems = verify_part(articles, quotes, persons, texts, split, first)
    # a file without the columns summary counts by has only its missing-column problem to show
    counted = {"article_key"} <= set(articles.columns) and {"kind", "tag_type"} <= set(quotes.columns)
    print(f"{summary(articles, quotes) if counted else 'not counted'}; {len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
