"""Quote extraction, speaker attribution and speaker merging against the attribution gold.

Rules fixed before any number was seen (``corpus/validation/attribution``):

* **Units.** Gold quotes are the ``direct`` and ``partial`` rows; ``term`` rows
  (titles, scare quotes) count only for ``term_given_speaker`` (an extracted
  quote with a speaker on something nobody said).
* **Alignment.** An extracted row of kind ``direct`` or ``partial`` *finds* a
  gold quote when it covers at least half of the gold span (extracted spans
  include the quotation marks, gold spans do not); the row covering most wins.
* **Speaker match.** The extracted speaker refers to the gold speaker when,
  after folding case, accents, honorifics/titles and common transliteration
  pairs (y/i, g/h, ...), it equals the canonical name or a variant the article
  uses, or its tokens all belong to those names and it ends with the same
  surname ("Zelensky" for "Volodymyr Zelensky"), or (organisations,
  described sources) it contains a variant of two or more words, or is a
  two-word-or-longer part of one.  Gold ``UNATTRIBUTED`` matches only an
  empty speaker.
* **Measures** (per split): ``quote_recall`` = found / gold quotes;
  ``speaker_accuracy`` = right speaker / found quotes;
  ``speaker_accuracy_all`` = right speaker / gold quotes (a miss is wrong);
  ``unattributed_named`` = empty speaker / found quotes whose speaker the text
  names; ``one_id_per_person`` = share of (article, gold person) groups with
  two or more rightly attributed quotes whose extracted ids (``speaker_id``
  when the extractor gives one, else ``speaker``) are all one.
* **Merging.** A merger maps a corpus's speaker strings to cluster keys; over
  one split of ``speaker_variants.csv`` (plus the names of that split's
  ``never_merge.csv`` pairs) a pair of names is a true merge when both belong
  to one person; ``merge_precision`` = true / predicted merges,
  ``merge_recall`` = true merges / pairs of one person, and
  ``never_merge_violations`` counts merged never-merge pairs.

Targets are *reported*, never asserted.  Report ``test`` (articles) and
``heldout`` (variant list); ``dev`` is for error analysis.  The second gold
(``corpus/validation/attribution_press``, presidential press releases) is
measured with the same units, alignment, match and measures, all ``test``,
overall and per side (:func:`evaluate_press_attribution`); its dev set
(``corpus/validation/attribution_press_dev``, other releases, all ``dev``)
with the same measures, for error analysis (``--gold pressdev``).  The
third gold (``corpus/validation/attribution_ptc``, English news of
PTC-2020, read at run time) is measured the same way: its held-out test
part (``--gold ptc``) and its dev part (``--gold ptcdev``, for error
analysis) (:func:`evaluate_ptc_attribution`).

Example:
    >>> speaker_matches("Mr. Zelenskyy", "Volodymyr Zelensky", "Mr. Zelensky")
    True
    >>> speaker_matches("Jill Biden", "Joe Biden", "Mr. Biden|President Biden")
    False
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.validation import attribution_gold as ag
from analysis.validation.exceptions import ValidationDataError

#: text -> statements with at least start, end, kind, speaker (optionally speaker_id)
Extractor = Callable[[str], pd.DataFrame]
#: speaker strings of a corpus -> one cluster key per string
Merger = Callable[[Sequence[str]], Sequence[str]]

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial")
MIN_COVER = 0.5
TARGETS: dict[str, float] = {
    "speaker_accuracy": 0.92, "quote_recall": 0.95, "unattributed_named": 0.05,
    "one_id_per_person": 0.95, "merge_precision": 0.98, "merge_recall": 0.90,
}
_HONORIFICS = frozenset(
    "mr mrs ms miss dr sir gen general adm admiral col colonel lt sgt senior president prime minister "
    "foreign defense defence secretary chancellor governor mayor senator rep representative speaker "
    "first lady commissioner director ambassador spokesman spokeswoman the a an".split())
_ORG_WORDS = frozenset(
    "ministry department council institute agency bank government office committee union commission fund "
    "senate parliament party group army forces service company corporation association federation "
    "organization organisation authorities kremlin grid news channel report agreement".split())
_STOP = frozenset("the a an of s and for".split())
#: transliteration pairs folded on both sides; order matters (longest first)
_FOLDS: tuple[tuple[str, str], ...] = (
    ("iy", "i"), ("yy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("kh", "h"), ("g", "h"), ("ph", "f"),
)
_MALE, _FEMALE = frozenset({"mr"}), frozenset({"ms", "mrs", "miss"})
_TOKEN = re.compile(r"[^\W\d_]+")


def _tokens(name: str) -> list[str]:
    """Lower-case, accent-free word tokens of a name, possessive 's dropped."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return [t for t in _TOKEN.findall(plain.replace("'s ", " ").replace("’s ", " ")) if t != "s"]


def _fold(token: str) -> str:
    for a, b in _FOLDS:
        token = token.replace(a, b)
    return token


def _key(name: str) -> tuple[str, ...]:
    """Folded tokens without honorifics/titles."""
    return tuple(_fold(t) for t in _tokens(name) if t not in _HONORIFICS)


def speaker_matches(extracted: str, gold_speaker: str, variants: str) -> bool:
    """Does an extracted speaker string refer to the gold speaker (see the module rules)?

    Example:
        >>> speaker_matches("", "UNATTRIBUTED", "")
        True
        >>> speaker_matches("the ministry", "Russian Defense Ministry", "Russia’s Defense Ministry|The ministry")
        True
        >>> speaker_matches("Serhii Haidai", "Serhiy Haidai", "Serhiy Haidai|Mr. Haidai")
        True
        >>> speaker_matches("government spokesman", "A government spokesman", "")  # an article is not identity
        True
    """
    extracted = extracted.strip()
    if gold_speaker == ag.UNATTRIBUTED:
        return extracted == ""
    if not extracted:
        return False
    names = [gold_speaker, *[v for v in variants.split("|") if v]]
    keys = [k for k in (_key(n) for n in names) if k]
    ext = _key(extracted)
    if not ext:
        return extracted.lower().strip() in {n.lower().strip() for n in names}
    if _gender_clash(extracted, names):
        return False
    if ext in keys:
        return True
    known = {t for k in keys for t in k}
    gold_key = _key(gold_speaker)
    if (gold_key and _looks_like_person(gold_speaker) and set(ext) <= known and ext[-1] == gold_key[-1]
            and extracted.split()[-1][:1].isupper()):
        return True
    content = [t for t in ext if t not in _STOP]
    for k in keys:
        k_content = [t for t in k if t not in _STOP]
        if len(k_content) >= 2 and _contains(ext, k):
            return True
        if len(content) >= 2 and _contains(k, ext):
            return True
    return False


def _looks_like_person(name: str) -> bool:
    """Two to five capitalised words and no organisation word: the surname rule applies."""
    words = name.split()
    return (2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
            and not {t for t in _tokens(name)} & _ORG_WORDS)


def _gender_clash(extracted: str, names: Sequence[str]) -> bool:
    """"Mr. X" for someone the article calls only "Ms. X" (mother and son share a surname)."""
    ext = set(_tokens(extracted))
    used = {t for n in names for t in _tokens(n)}
    return bool((ext & _MALE and used & _FEMALE and not used & _MALE)
                or (ext & _FEMALE and used & _MALE and not used & _FEMALE))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def default_extractor() -> Extractor:
    """Today's ``extract_statements`` with the bundled registry, one text at a time.

    Example:
        >>> df = default_extractor()('"We are ready," Peskov said.')
        >>> {"start", "end", "kind", "speaker"} <= set(df.columns)
        True
    """
    from analysis.statements.extract import extract_statements
    from analysis.statements.speakers import default_registry

    registry = default_registry()
    return lambda text: extract_statements(text, registry)


def _check_extracted(df: pd.DataFrame, key: str) -> None:
    missing = {"start", "end", "kind", "speaker"} - set(df.columns)
    if missing:
        raise ValidationDataError(f"extractor output for {key}: missing columns {sorted(missing)}")


def align_article(gold: pd.DataFrame, extracted: pd.DataFrame) -> pd.DataFrame:
    """One row per gold row of one article: the best-covering extracted quote, if any.

    Adds ``found``, ``ext_kind``, ``ext_speaker``, ``ext_id``, ``ext_start``,
    ``ext_end`` and ``correct`` (speaker match) to the gold columns.

    Example:
        >>> g = pd.DataFrame({"start": [1], "end": [4], "kind": ["direct"], "speaker": ["Ann Lee"],
        ...                   "variants": ["Ann Lee|Ms. Lee"]})
        >>> e = pd.DataFrame({"start": [0], "end": [5], "kind": ["direct"], "speaker": ["Lee"]})
        >>> align_article(g, e)[["found", "ext_speaker", "correct"]].values.tolist()
        [[True, 'Lee', True]]
    """
    quotes = extracted[extracted["kind"].isin(QUOTE_KINDS)]
    starts, ends = quotes["start"].to_numpy(), quotes["end"].to_numpy()
    speakers = quotes["speaker"].fillna("").astype(str).to_numpy()
    ids = (quotes["speaker_id"] if "speaker_id" in quotes.columns else quotes["speaker"]).fillna("").astype(str)
    ids_arr = ids.to_numpy()
    rows = []
    for g in gold.to_dict("records"):
        s, e = int(g["start"]), int(g["end"])
        cover = [max(0, min(e, int(b)) - max(s, int(a))) for a, b in zip(starts, ends, strict=True)]
        best = max(range(len(cover)), key=cover.__getitem__) if cover else -1
        found = best >= 0 and cover[best] >= MIN_COVER * max(1, e - s)
        spk = str(speakers[best]) if found else ""
        rows.append({**g, "found": found,
                     "ext_kind": str(quotes["kind"].iloc[best]) if found else "",
                     "ext_speaker": spk, "ext_id": str(ids_arr[best]) if found else "",
                     "ext_start": int(starts[best]) if found else -1,
                     "ext_end": int(ends[best]) if found else -1,
                     "correct": found and speaker_matches(spk, str(g["speaker"]), str(g["variants"]))})
    return pd.DataFrame(rows)


def align(gold: pd.DataFrame, articles: pd.DataFrame, extractor: Extractor,
          source: str = "the NYT file") -> pd.DataFrame:
    """Run ``extractor`` on every article that has gold rows and align (see :func:`align_article`).

    Raises ValidationDataError when an article key of the gold is missing
    from ``articles`` (``source`` changed) or the extractor's frame lacks a column.

    Example:
        >>> g = pd.DataFrame({"article_key": ["k"], "start": [1], "end": [4], "kind": ["direct"],
        ...                   "speaker": ["UNATTRIBUTED"], "variants": [""]})
        >>> a = pd.DataFrame({"article_key": ["k"], "articles": ["“abc”"]})
        >>> empty = lambda t: pd.DataFrame(columns=["start", "end", "kind", "speaker"])
        >>> align(g, a, empty)["found"].tolist()
        [False]
    """
    texts = dict(zip(articles["article_key"], articles["articles"], strict=True))
    missing = sorted(set(gold["article_key"]) - set(texts))
    if missing:
        raise ValidationDataError(f"attribution gold: {len(missing)} article keys not in {source} "
                                  f"(first: {missing[0]}); the file changed or is another version")
    parts = []
    for key, group in gold.groupby("article_key", sort=False):
        extracted = extractor(str(texts[key]))
        _check_extracted(extracted, str(key))
        parts.append(align_article(group, extracted))
    return pd.concat(parts, ignore_index=True) if parts else gold.assign(found=[], correct=[])


def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def attribution_metrics(aligned: pd.DataFrame) -> pd.DataFrame:
    """The attribution measures per split (rows) from an :func:`align` frame.

    Example:
        >>> a = pd.DataFrame({"split": ["dev"] * 3, "kind": ["direct", "partial", "term"],
        ...     "article_key": ["k"] * 3, "speaker": ["Ann Lee", "Ann Lee", "UNATTRIBUTED"],
        ...     "speaker_named": [1, 1, 0], "found": [True, True, False],
        ...     "correct": [True, True, False], "ext_speaker": ["Lee", "Ann Lee", ""],
        ...     "ext_id": ["Lee", "Ann Lee", ""]})
        >>> m = attribution_metrics(a).iloc[0]
        >>> float(m["quote_recall"]), float(m["speaker_accuracy"]), float(m["one_id_per_person"])
        (1.0, 1.0, 0.0)
    """
    rows = []
    for split, part in aligned.groupby("split", sort=True):
        quotes = part[part["kind"].isin(QUOTE_KINDS)]
        found = quotes[quotes["found"]]
        named_found = found[found["speaker_named"] == 1]
        groups = found[found["correct"] & (found["speaker"] != ag.UNATTRIBUTED)].groupby(
            ["article_key", "speaker"])["ext_id"]
        multi = [ids.nunique() == 1 for _, ids in groups if len(ids) >= 2]
        terms = part[part["kind"] == "term"]
        rows.append({
            "split": split, "articles": part["article_key"].nunique(), "gold_quotes": len(quotes),
            "found": len(found), "quote_recall": _ratio(len(found), len(quotes)),
            "speaker_accuracy": _ratio(int(found["correct"].sum()), len(found)),
            "speaker_accuracy_all": _ratio(int(found["correct"].sum()), len(quotes)),
            "unattributed_named": _ratio(int((named_found["ext_speaker"] == "").sum()), len(named_found)),
            "one_id_per_person": _ratio(sum(multi), len(multi)), "person_groups": len(multi),
            "term_given_speaker": _ratio(int((terms["found"] & (terms["ext_speaker"] != "")).sum()),
                                         len(terms)),
        })
    return pd.DataFrame(rows)


def accuracy_by_tag(aligned: pd.DataFrame) -> pd.DataFrame:
    """Found quotes and speaker accuracy per split and gold tag type.

    Example:
        >>> a = pd.DataFrame({"split": ["dev"], "kind": ["direct"], "tag_type": ["pronoun"],
        ...                   "found": [True], "correct": [False]})
        >>> accuracy_by_tag(a)[["tag_type", "gold_quotes", "speaker_accuracy"]].values.tolist()
        [['pronoun', 1, 0.0]]
    """
    quotes = aligned[aligned["kind"].isin(QUOTE_KINDS)]
    rows = []
    for (split, tag), part in quotes.groupby(["split", "tag_type"], sort=True):
        found = part[part["found"]]
        rows.append({"split": split, "tag_type": tag, "gold_quotes": len(part), "found": len(found),
                     "speaker_accuracy": _ratio(int(found["correct"].sum()), len(found))})
    return pd.DataFrame(rows)


def identity_merger(names: Sequence[str]) -> list[str]:
    """Today's behaviour without a registry: a name is its own key.

    Example:
        >>> identity_merger(["Zelensky", "Zelenskyy"])
        ['Zelensky', 'Zelenskyy']
    """
    return list(names)


def registry_merger(names: Sequence[str]) -> list[str]:
    """Today's behaviour with the bundled registry: registry canonical name, else the name.

    Example:
        >>> registry_merger(["Zelenskyy", "Kaja Kallas"])[0]
        'Volodymyr Zelensky'
    """
    from analysis.statements.speakers import default_registry

    registry = default_registry()
    return [registry.resolve(n) or n for n in names]


def corpus_merger(names: Sequence[str]) -> list[str]:
    """What ``load_corpus`` uses: :func:`~analysis.statements.identity.assign_corpus_ids` with the
    bundled registry's name aliases.

    Example:
        >>> corpus_merger(["Zelenskyy", "Volodymyr Zelensky"])
        ['person:zelenski:volodimir', 'person:zelenski:volodimir']
    """
    from analysis.statements.identity import assign_corpus_ids

    frame = pd.DataFrame({"speaker": list(names), "kind": "direct"})
    return assign_corpus_ids(frame).statements["speaker_id"].tolist()


def default_mergers() -> dict[str, Merger]:
    """Today's two behaviours, the merger of :mod:`analysis.statements.identity` and the corpus pipeline's.

    Example:
        >>> sorted(default_mergers())
        ['corpus_ids', 'exact', 'registry', 'speaker_identity']
    """
    from analysis.statements.identity import speaker_ids

    return {"exact": identity_merger, "registry": registry_merger, "speaker_identity": speaker_ids,
            "corpus_ids": corpus_merger}


def merge_metrics(variants: pd.DataFrame, never_merge: pd.DataFrame, merger: Merger,
                  name: str = "merger") -> pd.DataFrame:
    """Pairwise merge precision/recall per split of the variant list (see the module rules).

    Example:
        >>> v = pd.DataFrame({"person_id": ["a", "a", "b"], "variant": ["Ann Lee", "Lee", "Bo Lee"],
        ...                   "split": ["dev"] * 3})
        >>> nm = pd.DataFrame({"variant_a": ["Ann Lee"], "variant_b": ["Bo Lee"], "split": ["dev"]})
        >>> m = merge_metrics(v, nm, lambda ns: [n.split()[-1] for n in ns]).iloc[0]
        >>> float(m["merge_precision"]), float(m["merge_recall"]), int(m["never_merge_violations"])
        (0.3333333333333333, 1.0, 1)
    """
    rows = []
    for split in sorted(set(variants["split"]) | set(never_merge["split"])):
        v = variants[variants["split"] == split]
        nm = never_merge[never_merge["split"] == split]
        person = dict(zip(v["variant"], v["person_id"], strict=True))
        names = list(dict.fromkeys([*v["variant"], *nm["variant_a"], *nm["variant_b"]]))
        keys = list(merger(names))
        if len(keys) != len(names):
            raise ValueError(f"{name}: returned {len(keys)} keys for {len(names)} names")
        cluster = dict(zip(names, keys, strict=True))
        tp = fp = positives = 0
        for a, b in itertools.combinations(names, 2):
            same_person = a in person and b in person and person[a] == person[b]
            merged = cluster[a] == cluster[b]
            positives += same_person
            tp += merged and same_person
            # a merge of two names not both in the list is judged only by never_merge below
            fp += merged and not same_person and a in person and b in person
        violations = sum(cluster[a] == cluster[b] for a, b in zip(nm["variant_a"], nm["variant_b"], strict=True))
        fp += sum(cluster[a] == cluster[b] and not (a in person and b in person)
                  for a, b in zip(nm["variant_a"], nm["variant_b"], strict=True))
        rows.append({"split": split, "merger": name, "people": v["person_id"].nunique(), "names": len(names),
                     "true_pairs": positives, "merged_pairs": tp + fp,
                     "merge_precision": _ratio(tp, tp + fp), "merge_recall": _ratio(tp, positives),
                     "never_merge_violations": int(violations), "never_merge_pairs": len(nm)})
    return pd.DataFrame(rows)


@dataclass
class AttributionReport:
    """Tidy results: ``metrics`` (per split), ``by_tag``, ``merge`` and the per-quote ``aligned`` table."""

    metrics: pd.DataFrame
    by_tag: pd.DataFrame
    merge: pd.DataFrame
    aligned: pd.DataFrame

    def to_markdown(self, splits: Sequence[str] = ("test", "heldout")) -> str:
        """The measures of the chosen splits as markdown tables.

        Example:
            >>> r = AttributionReport(pd.DataFrame({"split": ["dev"], "quote_recall": [0.5]}),
            ...                       pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
            >>> print(r.to_markdown(["dev"]))
            | split | quote_recall |
            | --- | --- |
            | dev | 0.500 |
        """
        from analysis.validation.report import markdown_table

        parts = []
        for df in (self.metrics, self.by_tag, self.merge):
            if not df.empty:
                chosen = df[df["split"].isin(splits)]
                if not chosen.empty:
                    parts.append(markdown_table(chosen.reset_index(drop=True)))
        return "\n\n".join(parts)


def evaluate_attribution(nyt_csv: str | os.PathLike[str] | None = None, extractor: Extractor | None = None,
                         mergers: dict[str, Merger] | None = None) -> AttributionReport:
    """Align the extractor's quotes with the gold on every NYT article and measure; merge on the variant list.

    ``nyt_csv`` defaults to :func:`analysis.paths.nyt_russia_ukraine_csv`;
    raises ValidationDataError when it is not found.  ``mergers`` defaults
    to :func:`default_mergers`.

    Example:
        >>> evaluate_attribution("/nonexistent.csv")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: NYT_Russia_Ukraine.csv not found (/nonexistent.csv): set ANALYSIS_NYT_RU_UA or ANALYSIS_VALIDATION_DATA
    """
    path = ag.default_nyt_csv(nyt_csv)
    if path is None:
        raise ValidationDataError(f"NYT_Russia_Ukraine.csv not found ({nyt_csv or 'no path given'}): "
                                  "set ANALYSIS_NYT_RU_UA or ANALYSIS_VALIDATION_DATA")
    articles = ag.load_nyt_articles(path)
    aligned = align(ag.load_gold(), articles, extractor or default_extractor())
    chosen = mergers if mergers is not None else default_mergers()
    variants, never = ag.load_variants(), ag.load_never_merge()
    merge = pd.concat([merge_metrics(variants, never, m, name) for name, m in chosen.items()],
                      ignore_index=True) if chosen else pd.DataFrame()
    return AttributionReport(attribution_metrics(aligned), accuracy_by_tag(aligned), merge, aligned)

#: article-key prefix of each press-release side -> the name the tables use
PRESS_SIDES: dict[str, str] = {"putin": "kremlin", "zelenskyy": "ukraine"}


def press_metrics(aligned: pd.DataFrame) -> pd.DataFrame:
    """:func:`attribution_metrics` over all press releases and per side (column ``side``: all, kremlin, ukraine).

    Example:
        >>> a = pd.DataFrame({"split": ["test"] * 2, "kind": ["direct"] * 2,
        ...     "article_key": ["putin-0001-ab", "zelenskyy-0002-cd"], "speaker": ["Ann Lee"] * 2,
        ...     "speaker_named": [1, 1], "found": [True, False], "correct": [True, False],
        ...     "ext_speaker": ["Lee", ""], "ext_id": ["Lee", ""]})
        >>> press_metrics(a)[["side", "gold_quotes", "quote_recall"]].values.tolist()
        [['all', 2, 0.5], ['kremlin', 1, 1.0], ['ukraine', 1, 0.0]]
    """
    parts = [attribution_metrics(aligned).assign(side="all")]
    for prefix, side in PRESS_SIDES.items():
        part = aligned[aligned["article_key"].str.startswith(f"{prefix}-")]
        if not part.empty:
            parts.append(attribution_metrics(part).assign(side=side))
    out = pd.concat(parts, ignore_index=True)
    return out[["split", "side", *[c for c in out.columns if c not in ("split", "side")]]]


def evaluate_press_attribution(extractor: Extractor | None = None,
                               releases_dir: str | os.PathLike[str] | None = None,
                               gold_path: str | os.PathLike[str] | None = None,
                               split: str = "test") -> AttributionReport:
    """Align the extractor's quotes with the press-release gold (all test) and measure, overall and per side.

    The releases are the vendored ones (``releases_dir`` for another copy);
    the gold is checked against them first (:func:`~analysis.validation.attribution_press.verify_gold`),
    and a mismatch raises ValidationDataError naming the first problem.
    ``merge`` is empty: speaker merging is measured on the NYT variant list.
    ``split="dev"`` with ``gold_path`` left out reads the dev set
    (``attribution_press.DEV_QUOTES_CSV``) instead; every row must carry
    the split asked for.

    Example:
        >>> evaluate_press_attribution(releases_dir="/nonexistent")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: press releases not readable: ...not found...
    """
    from analysis.corpus.errors import CorpusError
    from analysis.validation import attribution_press as ap

    default_gold = ap.DEV_QUOTES_CSV if split == "dev" else ap.QUOTES_CSV
    gold = ap.load_gold(gold_path if gold_path is not None else default_gold)
    try:
        texts = ap.load_press_texts(releases_dir)
    except CorpusError as err:
        raise ValidationDataError(f"press releases not readable: {err}") from None
    articles = texts.rename(columns={"body": "articles"})[["article_key", "articles"]]
    return evaluate_checked(gold, articles, ap.verify_gold(gold, texts, split=split), extractor,
                            what="press attribution gold does not match the releases",
                            source="the press releases", metrics=press_metrics)


def evaluate_checked(gold: pd.DataFrame, articles: pd.DataFrame, problems: Sequence[str],
                     extractor: Extractor | None, what: str, source: str,
                     metrics: Callable[[pd.DataFrame], pd.DataFrame] = attribution_metrics) -> AttributionReport:
    """Align and measure a gold already checked against its texts; ``problems`` non-empty raises.

    The shared tail of every quote-gold harness (press releases, PTC):
    ``what`` starts the error message, ``source`` names the texts for
    :func:`align`, ``metrics`` turns the aligned frame into the table
    (:func:`attribution_metrics`, or :func:`press_metrics` per side).

    Example:
        >>> evaluate_checked(pd.DataFrame(), pd.DataFrame(), ["key changed"], None, "gold does not match", "texts")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: gold does not match (1 problems; first: key changed)
    """
    if problems:
        raise ValidationDataError(f"{what} ({len(problems)} problems; first: {problems[0]})")
    aligned = align(gold, articles, extractor or default_extractor(), source=source)
    return AttributionReport(metrics(aligned), accuracy_by_tag(aligned), pd.DataFrame(), aligned)


def evaluate_ptc_attribution(extractor: Extractor | None = None,
                             data_dir: str | os.PathLike[str] | None = None,
                             folder: str | os.PathLike[str] | None = None,
                             split: str = "test") -> AttributionReport:
    """Align the extractor's quotes with one part of the PTC attribution gold and measure.

    ``split`` picks the part, a key of
    :data:`~analysis.validation.attribution_ptc.GOLD_SETS` (``test``:
    ``corpus/validation/attribution_ptc``, held out; ``dev``:
    ``corpus/validation/attribution_ptc_dev``; ``test2``:
    ``corpus/validation/attribution_ptc_test2``, held out, test rows from
    draw position 33; ``dev2``: ``corpus/validation/attribution_ptc_dev2``,
    dev rows from draw position 25; ``test3``:
    ``corpus/validation/attribution_ptc_test3``, held out, test rows from
    draw position 72); ``folder`` reads another folder of the same format,
    whose rows must all carry the part's split (and start at its first
    draw position).  PTC-2020 is read from ``data_dir`` (default
    ``ANALYSIS_VALIDATION_DATA``) and the part is verified against it first
    (:func:`~analysis.validation.attribution_ptc.verify_part`).  A missing
    text, a missing part folder or a mismatch raises ValidationDataError.

    Example:
        >>> evaluate_ptc_attribution(data_dir="/nonexistent")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: PTC-2020 not found: /nonexistent does not exist
    """
    from analysis.validation import attribution_ptc as apt

    if split not in apt.GOLD_SETS:
        raise ValidationDataError(f"PTC attribution gold: split must be one of {sorted(apt.GOLD_SETS)}, not {split!r}")
    texts = apt.load_ptc_texts(data_dir)
    default_folder, row_split = apt.GOLD_SETS[split]
    chosen = folder if folder is not None else default_folder
    try:
        gold, problems = apt.check_part(chosen, texts, row_split, apt.FIRST_POSITION.get(split, 0))
    except ValidationDataError as err:  # a file of the part there but unreadable (not UTF-8, empty, ...)
        raise ValidationDataError(f"PTC attribution {split} part: {err}") from None
    except FileNotFoundError as err:
        raise ValidationDataError(f"PTC attribution {split} part not found: {err}") from None
    articles = texts.rename(columns={"text": "articles"})[["article_key", "articles"]]
    return evaluate_checked(gold, articles, problems, extractor,
                            what=f"PTC attribution {split} part does not match PTC-2020",
                            source=f"PTC-2020 ({split} part)")


@dataclass(frozen=True)
class GoldRun:
    """One ``--gold`` choice of :func:`main` besides the NYT gold: the only split it has and how to score it.

    Example:
        >>> GOLD_RUNS["pressdev"].split
        'dev'
    """

    description: str
    split: str
    evaluate: Callable[[argparse.Namespace], AttributionReport]

    @property
    def held_out(self) -> bool:
        """A test-only gold: no dev split and no error listing.

        Example:
            >>> GOLD_RUNS["ptc"].held_out, GOLD_RUNS["ptcdev"].held_out
            (True, False)
        """
        return self.split == "test"


#: the --gold choices with one split; a held-out one never lists its errors
GOLD_RUNS: dict[str, GoldRun] = {
    "press": GoldRun("the press-release gold", "test", lambda a: evaluate_press_attribution()),
    "pressdev": GoldRun("the press-release dev set", "dev", lambda a: evaluate_press_attribution(split="dev")),
    "ptc": GoldRun("the PTC attribution test part", "test",
                   lambda a: evaluate_ptc_attribution(data_dir=a.data, folder=a.folder)),
    "ptcdev": GoldRun("the PTC attribution dev part", "dev",
                      lambda a: evaluate_ptc_attribution(data_dir=a.data, folder=a.folder, split="dev")),
    "ptc2": GoldRun("the PTC attribution test part 2", "test",
                    lambda a: evaluate_ptc_attribution(data_dir=a.data, folder=a.folder, split="test2")),
    "ptcdev2": GoldRun("the PTC attribution dev part 2", "dev",
                       lambda a: evaluate_ptc_attribution(data_dir=a.data, folder=a.folder, split="dev2")),
    "ptc3": GoldRun("the PTC attribution test part 3", "test",
                    lambda a: evaluate_ptc_attribution(data_dir=a.data, folder=a.folder, split="test3")),
}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.validation.attribution_eval [--gold nyt|press|pressdev|ptc|ptcdev|ptc2|ptcdev2|ptc3] ...``.

    ``--gold nyt`` (default) prints the measures of the chosen article split
    (and the matching variant-list split: test -> heldout, dev -> dev); exit
    2 without the NYT file.  ``--gold press`` prints the press-release gold
    (all test, overall and per side, and by tag); it has no dev split, so
    ``--split dev`` and ``--errors`` are refused (exit 2).  ``--gold
    pressdev`` prints the press-release dev set with the same measures
    (split dev; ``--split test`` is refused) and, with ``--errors N``, its
    first N wrong or missed quotes.  ``--gold ptc`` / ``ptcdev`` do the same
    for the held-out test part and the dev part of the PTC-2020 gold (PTC
    from ``--data`` or ANALYSIS_VALIDATION_DATA; ``--folder`` for another
    folder of the part's format); a missing text or folder exits 2.
    ``--gold ptc2`` is the held-out test part 2 (test draw positions 33 on),
    ``--gold ptc3`` the held-out test part 3 (positions 72 on), each
    measured as ``ptc``.

    Example:
        >>> main(["--nyt", "/nonexistent.csv"])
        2
        >>> main(["--gold", "press", "--split", "dev"])
        2
        >>> main(["--gold", "ptc", "--errors", "3"])
        2
    """
    parser = argparse.ArgumentParser(prog="python -m analysis.validation.attribution_eval")
    parser.add_argument("--gold", choices=("nyt", *GOLD_RUNS), default="nyt",
                        help="nyt: the NYT 2022 gold (dev/test); press: the press-release gold (all test); "
                             "pressdev: the press-release dev set (all dev); ptc / ptcdev / ptc2 / ptcdev2 / ptc3: "
                             "the PTC-2020 gold's test part (held out) / dev part / test part 2 (held out) / "
                             "dev part 2 / test part 3 (held out)")
    parser.add_argument("--nyt", help="NYT_Russia_Ukraine.csv or its folder")
    parser.add_argument("--data", help="folder holding ptc2020/ (the ptc* golds; default ANALYSIS_VALIDATION_DATA)")
    parser.add_argument("--folder", help="the PTC part's folder (the ptc* golds; default the committed one)")
    parser.add_argument("--split", choices=("test", "dev"), default=None,
                        help="test (default) or dev; pressdev and ptcdev are dev only")
    parser.add_argument("--errors", type=int, default=0, help="list this many wrong dev quotes (dev only)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.gold in GOLD_RUNS:
        return _main_gold(args.gold, args)
    args.split = args.split or "test"
    try:
        report = evaluate_attribution(args.nyt)
    except ValidationDataError as exc:
        print(exc, file=sys.stderr)
        return 2
    merge_split = "heldout" if args.split == "test" else "dev"
    print(report.to_markdown([args.split, merge_split]))
    if args.errors and args.split == "dev":
        wrong = report.aligned[(report.aligned["split"] == "dev") & report.aligned["kind"].isin(QUOTE_KINDS)
                               & ~report.aligned["correct"]]
        cols = ["article_key", "quote_no", "fragment", "speaker", "tag_type", "found", "ext_speaker"]
        print()
        print(wrong[cols].head(args.errors).to_string(index=False))
    return 0


def _main_gold(name: str, args: argparse.Namespace) -> int:
    """A one-split ``--gold`` of :func:`main`: refuse the other split (and, held out, --errors), score, print."""
    run = GOLD_RUNS[name]
    split = args.split or run.split
    if split != run.split or (run.held_out and args.errors):
        why = "(no dev split, no error listing)" if run.held_out else "(no test split)"
        print(f"--gold {name}: {run.description} is all {run.split} {why}", file=sys.stderr)
        return 2
    try:
        report = run.evaluate(args)
    except ValidationDataError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(report.to_markdown([run.split]))
    if args.errors:
        wrong = press_errors(report.aligned).head(args.errors)
        print()
        print(wrong.to_string(index=False) if not wrong.empty else "(no wrong or missed quotes)")
    return 0


def press_errors(aligned: pd.DataFrame) -> pd.DataFrame:
    """Gold quotes of an aligned frame (press, PTC) that were missed or given the wrong speaker, in text order.

    Example:
        >>> a = pd.DataFrame({"article_key": ["k", "k"], "quote_no": [1, 2], "fragment": ["a", "b"],
        ...     "kind": ["direct", "direct"], "speaker": ["Ann Lee"] * 2, "tag_type": ["name", "pronoun"],
        ...     "found": [True, True], "correct": [True, False], "ext_speaker": ["Lee", "Bo"]})
        >>> press_errors(a)[["quote_no", "ext_speaker"]].values.tolist()
        [[2, 'Bo']]
    """
    wrong = aligned[aligned["kind"].isin(QUOTE_KINDS) & ~aligned["correct"].astype(bool)]
    cols = ["article_key", "quote_no", "fragment", "speaker", "tag_type", "found", "ext_speaker"]
    return wrong[cols].reset_index(drop=True)


if __name__ == "__main__":
    raise SystemExit(main())
