"""The attribution gold set: NYT war articles, read at run time, and our labels.

The NYT texts are copyrighted and never committed; the labels
(``corpus/validation/attribution/quotes.csv``) hold offsets, a fragment of at
most 10 words, the speaker and the tag of every quotation in the drawn
articles.  ``verify_gold`` checks the labels against the text as pandas reads
it, so a changed source file is detected (the article key carries a hash).

Example:
    >>> article_key(3, "Some text.")
    'nyt003-2180b99d68'
    >>> split_for_article("nyt003-2180b99d68") in {"dev", "test"}
    True
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError

#: Seed of the article draw (the war's 2022 start date); changing it changes the gold.
DRAW_SEED = 20220224
GOLD_DIR: Path = paths.CORPUS_VALIDATION_DIR / "attribution"
QUOTES_CSV: Path = GOLD_DIR / "quotes.csv"
ARTICLES_CSV: Path = GOLD_DIR / "articles.csv"
VARIANTS_CSV: Path = GOLD_DIR / "speaker_variants.csv"
NEVER_MERGE_CSV: Path = GOLD_DIR / "never_merge.csv"
UNATTRIBUTED = "UNATTRIBUTED"
TAG_TYPES = ("name", "pronoun", "role", "continuation", "relayed", "none")
KINDS = ("direct", "partial", "term")
MAX_FRAGMENT_WORDS = 10


def article_key(row: int, text: str) -> str:
    """Stable key of one article: row index plus the first 10 hex of sha1(text).

    Example:
        >>> article_key(0, "abc")
        'nyt000-a9993e3647'
    """
    return f"nyt{row:03d}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def split_for_article(key: str) -> str:
    """``dev`` when md5(key) % 10 < 6, else ``test`` (fixed rule, no state).

    Example:
        >>> split_for_article("nyt000-a9993e3647") in {"dev", "test"}
        True
    """
    return "dev" if int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % 10 < 6 else "test"


def default_nyt_csv(data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Where the NYT CSV is (see :func:`analysis.paths.nyt_russia_ukraine_csv`); None if not found.

    Example:
        >>> default_nyt_csv("/nonexistent/dir") is None
        True
    """
    return paths.nyt_russia_ukraine_csv(data_dir)


def load_nyt_articles(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read the NYT CSV; add ``row`` and ``article_key``.  Raises ValidationDataError.

    Example:
        >>> load_nyt_articles("/nonexistent.csv")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: /nonexistent.csv: NYT file not found
    """
    p = Path(path)
    if not p.is_file():
        raise ValidationDataError(f"{p}: NYT file not found")
    df = pd.read_csv(p)
    missing = {"published", "headlines", "articles"} - set(df.columns)
    if missing:
        raise ValidationDataError(f"{p}: missing columns {sorted(missing)}")
    df = df.reset_index(drop=True)
    df["articles"] = df["articles"].fillna("").astype(str)
    df["row"] = np.arange(len(df))
    df["article_key"] = [article_key(r, t) for r, t in zip(df["row"], df["articles"], strict=True)]
    return df


def draw_order(n_articles: int, seed: int = DRAW_SEED) -> list[int]:
    """Row indices in the seeded random order in which articles were annotated.

    Example:
        >>> sorted(draw_order(5)) == [0, 1, 2, 3, 4]
        True
    """
    return [int(i) for i in np.random.default_rng(seed).permutation(n_articles)]


def annotation_sheet(text: str) -> str:
    """The article with each opening curly quote numbered ``“[Q1]``, for the annotator.

    Example:
        >>> annotation_sheet("He said “yes,” and “no.”")
        'He said “[Q1]yes,” and “[Q2]no.”'
    """
    out, n = [], 0
    for ch in text:
        out.append(ch)
        if ch == "\u201c":
            n += 1
            out.append(f"[Q{n}]")
    return "".join(out)


def quote_span(text: str, open_at: int) -> tuple[int, int]:
    """Inside span of the quote opened at ``open_at``: up to the closing mark or the paragraph end.

    NYT leaves a multi-paragraph quote open at the paragraph end; the next
    paragraph opens again, and that is a row of its own.

    Example:
        >>> quote_span("a “bc” d", 2)
        (3, 5)
    """
    start = open_at + 1
    # the source closes a few quotes with a straight double quote or two right single quotes
    closers = [text.find(mark, start) for mark in ("\u201d", '"', "\u2019\u2019", "\n")]
    ends = [e for e in closers if e >= 0]
    return start, (min(ends) if ends else len(text))


def fragment(text: str, start: int, end: int, max_words: int = MAX_FRAGMENT_WORDS) -> str:
    """The first ``max_words`` words of text[start:end] (the quote's human-readable handle).

    Example:
        >>> fragment("x one two three y", 2, 15, max_words=2)
        'one two'
    """
    return " ".join(text[start:end].split()[:max_words])


def load_gold(path: str | os.PathLike[str] = QUOTES_CSV) -> pd.DataFrame:
    """The committed quote labels (one row per quotation mark pair).

    Example:
        >>> g = load_gold()
        >>> {"article_key", "start", "end", "speaker", "tag_type", "split"} <= set(g.columns)
        True
    """
    g = pd.read_csv(path, dtype={"variants": str, "notes": str}, keep_default_na=False)
    for col in ("row", "start", "end", "antecedent_needed", "speaker_named", "quote_no"):
        g[col] = g[col].astype(int)
    return g


def verify_gold(gold: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """Problems found when checking labels against the text read now (empty = all good).

    Checks: the article key (so the hash) exists; each span sits inside
    curly quotes at those offsets; the fragment has <= 10 words and starts
    the span; every listed variant occurs in the article text; tag types and
    kinds are from the vocabulary; split follows the rule.

    Example:
        >>> verify_gold(load_gold().head(0), pd.DataFrame({"article_key": [], "articles": []}))
        []
    """
    texts = {str(k): str(t) for k, t in zip(articles["article_key"], articles["articles"], strict=True)}
    problems: list[str] = []
    for rec in gold.to_dict("records"):
        key, q, start, end = str(rec["article_key"]), rec["quote_no"], int(rec["start"]), int(rec["end"])
        frag, tag, kind, split = str(rec["fragment"]), rec["tag_type"], rec["kind"], rec["split"]
        where = f"quotes.csv {key} Q{q}"
        text = texts.get(key)
        if text is None:
            problems.append(f"{where}: article key not in the NYT file (text changed?)")
            continue
        if start < 1 or text[start - 1] != "\u201c" or quote_span(text, start - 1) != (start, end):
            problems.append(f"{where}: offsets {start}-{end} do not match a quote in the text")
        elif not text[start:end].startswith(frag.split(" ")[0]):
            problems.append(f"{where}: fragment does not start the span")
        absent = [v for v in str(rec["variants"]).split("|") if v and v not in text]
        if absent:
            problems.append(f"{where}: variant(s) not in the article text: {absent}")
        if len(frag.split()) > MAX_FRAGMENT_WORDS:
            problems.append(f"{where}: fragment has more than {MAX_FRAGMENT_WORDS} words")
        if tag not in TAG_TYPES or kind not in KINDS:
            problems.append(f"{where}: tag_type {tag!r} / kind {kind!r} not in the vocabulary")
        if split != split_for_article(key):
            problems.append(f"{where}: split {split!r} does not follow the md5 rule")
    return problems


def load_variants(path: str | os.PathLike[str] = VARIANTS_CSV) -> pd.DataFrame:
    """The corpus-merge variant list: one row per (person, spelling) with its source.

    Example:
        >>> v = load_variants()
        >>> v["person_id"].nunique() >= 40
        True
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_never_merge(path: str | os.PathLike[str] = NEVER_MERGE_CSV) -> pd.DataFrame:
    """Pairs of names that belong to different people and must never be merged.

    Example:
        >>> set(load_never_merge().columns) >= {"variant_a", "variant_b", "reason"}
        True
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _source_text(ref: str, nyt_texts: dict[str, str], ruwa: pd.DataFrame | None,
                 press: dict[str, pd.DataFrame]) -> str | None:
    """The text a variant's ``example_ref`` points at, or None if that source is not loaded."""
    if ref.startswith("nyt"):
        return nyt_texts.get(ref)
    if ref.startswith("ruwa") and ruwa is not None:
        row = int(ref[4:])
        return f"{ruwa['title'].fillna('').iloc[row]} {ruwa['desc'].fillna('').iloc[row]}"
    for prefix, name in (("zel", "zelenskyy"), ("put", "putin")):
        if ref.startswith(prefix) and name in press:
            return str(press[name]["body"].iloc[int(ref[len(prefix):])])
    if ref == "speakers.csv":
        return paths.SPEAKERS_CSV.read_text(encoding="utf-8")
    return None


def verify_variants(variants: pd.DataFrame, nyt_texts: dict[str, str] | None = None) -> tuple[list[str], int]:
    """Check each spelling occurs in the document it cites; return (problems, n_checked).

    RUWA and the press releases are read from the vendored ``corpus/external``
    copies; NYT refs are checked only when ``nyt_texts`` (key -> text) is given.

    Example:
        >>> problems, n = verify_variants(load_variants().head(0))
        >>> problems, n
        ([], 0)
    """
    ruwa_file = paths.RUWA_DIR / "RUWA_04.08.23.csv.gz"
    ruwa = pd.read_csv(ruwa_file) if ruwa_file.is_file() and len(variants) else None
    press = {n: pd.read_csv(paths.PRESS_RELEASES_DIR / f"{n}.csv.gz")
             for n in ("putin", "zelenskyy")
             if len(variants) and (paths.PRESS_RELEASES_DIR / f"{n}.csv.gz").is_file()}
    problems: list[str] = []
    checked = 0
    for rec in variants.to_dict("records"):
        ref, variant = str(rec["example_ref"]), str(rec["variant"])
        text = _source_text(ref, nyt_texts or {}, ruwa, press)
        if text is None:
            continue
        checked += 1
        if variant not in text:
            problems.append(f"speaker_variants.csv {rec['person_id']}: {variant!r} not found in {ref}")
    if variants["variant"].duplicated().any():
        problems.append("speaker_variants.csv: a spelling is listed for two people")
    return problems, checked


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.validation.attribution_gold [NYT_CSV]``: verify the gold; 0 when clean.

    Example:
        >>> main(["/nonexistent.csv"])
        NYT file not found (/nonexistent.csv); only the checks that need no NYT text were run.
        1
    """
    args = argv if argv is not None else []
    csv_path = default_nyt_csv(args[0]) if args else default_nyt_csv()
    gold = load_gold()
    bad_fragments = [f"quotes.csv row {i}: fragment over {MAX_FRAGMENT_WORDS} words"
                     for i, f in enumerate(gold["fragment"]) if len(str(f).split()) > MAX_FRAGMENT_WORDS]
    if csv_path is None:
        print(f"NYT file not found ({args[0] if args else 'set ANALYSIS_NYT_RU_UA or ANALYSIS_VALIDATION_DATA'}); "
              "only the checks that need no NYT text were run.")
        return 1
    articles = load_nyt_articles(csv_path)
    problems = bad_fragments + verify_gold(gold, articles)
    vproblems, checked = verify_variants(load_variants(), dict(zip(articles["article_key"], articles["articles"],
                                                                   strict=True)))
    problems += vproblems
    kinds = gold["kind"].value_counts().to_dict()
    print(f"{len(gold)} quotation marks in {gold['article_key'].nunique()} articles: {kinds}; "
          f"{checked} variant spellings checked; {len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 0 if not problems else 1


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
