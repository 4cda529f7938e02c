"""The loaded-language report over PTC-2020, SemEval-2023 translated and its war subset.

:func:`evaluate_loaded` builds the units of each data set that is present
(PTC-2020 lines; SemEval-2023 paragraphs; the SemEval paragraphs of articles
on the war, by the text-only rule of :mod:`analysis.validation.semeval`),
scores them once, and returns :class:`LoadedReport` with the tables of
:mod:`analysis.validation.loaded_eval` stacked over the data sets.  A data
set that is absent is a note, never an error, unless none is present.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.loaded_eval import (
    ScoredUnits,
    category_precision,
    headline_metrics,
    length_check,
    score_units,
    top_scored,
)
from analysis.validation.loaded_train import (
    MODEL,
    model_view,
    top_weights,
    top_word_weights,
    train_loaded,
)
from analysis.validation.ptc import load_ptc, ptc_sentences
from analysis.validation.scorers import FrameScorer, Matcher
from analysis.validation.semeval import load_semeval, semeval_summary, unquote_field

PTC_NAME = "PTC-2020"
SEMEVAL_NAME = "SemEval-2023 translated"
WAR_NAME = "SemEval-2023 war subset"
RU_SUBDIR = "semeval2023_ru_unlabelled"


def ptc_units(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """PTC-2020 lines as units: gold ``Loaded_Language`` or ``Name_Calling,Labeling``.

    Example:
        >>> ptc_units("/path/to/validation").columns.tolist()  # doctest: +SKIP
        ['text', 'label', 'split', 'article_id', 'n_words', 'line_no']
    """
    lines = ptc_sentences(load_ptc(data_dir), {"lh": ("Loaded_Language", "Name_Calling,Labeling")})
    return pd.DataFrame({
        "text": lines["text"], "label": lines["label_lh"], "split": lines["split"],
        "article_id": lines["article_id"], "n_words": [len(t.split()) for t in lines["text"]],
        "line_no": lines["line_no"],
    })


def semeval_units(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """SemEval-2023 translated paragraphs as units (``article_id`` made unique per language).

    Example:
        >>> semeval_units("/path/to/validation").split.value_counts().to_dict()  # doctest: +SKIP
        {'dev': 8528, 'test': 2814}
    """
    df = load_semeval(data_dir)
    units = df.assign(article_id=df["language"] + ":" + df["article_id"])
    units.attrs = df.attrs
    return units


@dataclass
class LoadedReport:
    """Tables of the loaded-language report, stacked over data sets (column ``dataset``).

    ``headline``: AUC with bootstrap CI, dev-chosen threshold, P/R/F1 per
    score and split.  ``length``: Spearman with length and AUC per length
    quintile.  ``categories``: per-category precision on test (naming and
    mentions left out).  ``semeval_summary``: paragraphs, articles,
    positives and untranslated paragraphs.  ``ru_top``: the top-scored
    paragraphs of the unlabelled Russian coverage (English MT) with their
    matched fragments.  ``scored``: the scored units per data set.  Rows
    of kind ``trained`` are the optional supervised model
    (:mod:`analysis.validation.loaded_train`), fitted during the run and
    reported beside the shipped scores; ``model_grid``, ``model_weights``
    and ``model_words`` describe it.
    """

    headline: pd.DataFrame = field(default_factory=pd.DataFrame)
    length: pd.DataFrame = field(default_factory=pd.DataFrame)
    categories: pd.DataFrame = field(default_factory=pd.DataFrame)
    semeval_summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    ru_top: pd.DataFrame = field(default_factory=pd.DataFrame)
    scored: dict[str, ScoredUnits] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: the optional supervised model: its L2 grid (dev AUC) and largest standardised weights
    model_grid: pd.DataFrame = field(default_factory=pd.DataFrame)
    model_weights: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: its 40 most positive and 40 most negative closed-vocabulary word weights
    model_words: pd.DataFrame = field(default_factory=pd.DataFrame)


def _sets(data_dir: str | os.PathLike[str] | None, report: LoadedReport) -> dict[str, pd.DataFrame]:
    sets: dict[str, pd.DataFrame] = {}
    try:
        sets[PTC_NAME] = ptc_units(data_dir)
    except ValidationDataError as err:
        report.notes.append(f"{PTC_NAME} part not run: {err}")
    try:
        sem = semeval_units(data_dir)
    except ValidationDataError as err:
        report.notes.append(f"{SEMEVAL_NAME} part not run: {err}")
        return sets
    report.semeval_summary = semeval_summary(sem)
    missing = sem.attrs.get("missing_counts", {})
    if sum(missing.values()):
        report.notes.append(
            f"{SEMEVAL_NAME}: {sum(missing.values())} labelled paragraph(s) have no translation line "
            f"and are not scored ({', '.join(f'{k}: {v}' for k, v in missing.items() if v)})")
    sets[SEMEVAL_NAME] = sem
    sets[WAR_NAME] = sem[sem["war"]].reset_index(drop=True)
    return sets


def read_ru_unlabelled(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The English MT of the unlabelled Russian war coverage: article_id, paragraph, text.

    Example:
        >>> read_ru_unlabelled("/nonexistent")
        Traceback (most recent call last):
        ...
        analysis.validation.exceptions.ValidationDataError: Russian unlabelled coverage not found: /nonexistent/semeval2023_ru_unlabelled/test-translated.txt
    """
    base = paths.validation_data_dir(data_dir)
    path = (base or Path(".")) / RU_SUBDIR / "test-translated.txt"
    if base is None or not path.is_file():
        raise ValidationDataError(f"Russian unlabelled coverage not found: {path}")
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t", 2)
        if len(fields) != 3:
            raise ValidationDataError(f"{path}:{line_no}: expected 3 tab-separated fields, got {len(fields)}")
        rows.append({"article_id": fields[0], "paragraph": fields[1], "text": unquote_field(fields[2])})
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text"])


def _ru_top(data_dir: str | os.PathLike[str] | None, scorer: FrameScorer | None,
            matcher: Matcher | None, k: int, report: LoadedReport) -> None:
    try:
        ru = read_ru_unlabelled(data_dir)
    except ValidationDataError as err:
        report.notes.append(f"false-positive reading not run: {err}")
        return
    units = ru.assign(label=False, split="test", n_words=[len(t.split()) for t in ru["text"]],
                      article_id=ru["article_id"] + ":" + ru["paragraph"])
    report.ru_top = top_scored(score_units("ru unlabelled (EN MT)", units, scorer, matcher), k=k)


def _add_model(report: LoadedReport, heads: list[pd.DataFrame], lengths: list[pd.DataFrame]) -> None:
    """Train the optional model here (never shipped) and add its rows, kind ``trained``."""
    train_sets = [report.scored[n] for n in (PTC_NAME, SEMEVAL_NAME) if n in report.scored]
    try:
        trained = train_loaded(train_sets)
    except ValueError as err:
        report.notes.append(f"supervised model not trained: {err}")
        return
    report.model_grid, report.model_weights = trained.grid, top_weights(trained.model, 12)
    report.model_words = top_word_weights(trained.model, 40)
    for su in report.scored.values():
        view = model_view(su, trained)
        heads.append(headline_metrics(view, scores=[MODEL]).assign(kind="trained"))
        lengths.append(length_check(view, scores=[MODEL]).assign(kind="trained"))
    report.notes.append(
        f"{MODEL}: fitted here on the pooled model-train parts (l2 {trained.model.l2}, word l2 "
        f"{trained.model.l2_words}, {len(trained.model.vocabulary)} closed-vocabulary words, chosen on the "
        "model-dev parts); its dev rows are the model-dev part only; F1 thresholds per data set, chosen on "
        "its model-dev part (" + ", ".join(f"{k} {v:.3f}" for k, v in trained.model.thresholds.items()) + ")")


def evaluate_loaded(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    scorer: FrameScorer | None = None,
    matcher: Matcher | None = None,
    n_boot: int = 1000,
    k_ru: int = 15,
) -> LoadedReport:
    """Score every present data set and collect the loaded-language report.

    Raises :class:`ValidationDataError` when neither PTC-2020 nor SemEval-2023 is found.

    Example:
        >>> r = evaluate_loaded("/path/to/validation")  # doctest: +SKIP
        >>> r.headline.query("split == 'test'")  # doctest: +SKIP
    """
    report = LoadedReport()
    sets = _sets(data_dir, report)
    if not sets:
        raise ValidationDataError("no loaded-language data set found: " + "; ".join(report.notes))
    heads, lengths, cats = [], [], []
    for name, units in sets.items():
        if name == WAR_NAME and SEMEVAL_NAME in report.scored:
            # the war paragraphs are already scored as part of the whole set
            whole = report.scored[SEMEVAL_NAME]
            mask = whole.units["war"].to_numpy(dtype=bool)
            su = ScoredUnits(name, whole.units[mask].reset_index(drop=True),
                             scores=whole.scores[mask].reset_index(drop=True))
        else:
            su = score_units(name, units, scorer, matcher)
        report.scored[name] = su
        report.notes.extend(su.notes)
        heads.append(headline_metrics(su, n_boot=n_boot))
        lengths.append(length_check(su))
        cats.append(category_precision(su, "test"))
    _add_model(report, heads, lengths)
    report.headline = pd.concat(heads, ignore_index=True)
    report.length = pd.concat(lengths, ignore_index=True)
    report.categories = pd.concat(cats, ignore_index=True)
    _ru_top(data_dir, scorer, matcher, k_ru, report)
    return report


#: Classes of a counted hit in unlabelled war coverage (round 8, CHANGELOG 1.7.0), in the order tried.
WAR_HIT_CLASSES: tuple[str, ...] = ("mention", "official or event name", "descriptive war reporting",
                                    "reported or quoted", "loaded use")
#: RUWA sites whose English leads are read (the English-language outlets of the collection).
WAR_RUWA_SITES: tuple[str, ...] = ("reuters.com", "rt.com", "tass.com", "ukrinform.net")
#: The descriptive war-reporting frames read in the round-8 hits: entry -> its descriptive context.
#: Most are taken out by a 1.7.0 rule (``military_object``, ``legal_charge``); the others have none yet.
WAR_DESCRIPTIVE: dict[str, str] = {
    "destroy*": r"(?:depot|vehicle|tank|missile|system|launcher|position|equipment|aircraft|helicopter|drone|"
                r"ammunition|warehouse|bridge|house|home|building|school|hospital|road|city|village|infrastructure|"
                r"troops|personnel|weapons of mass)",
    "eliminat*": r"\d[\d,]* (?:\w+ ){0,2}(?:troops|soldiers|servicemen|personnel|invaders|occupiers)|equipment|"
                 r"tanks?|vehicles?|depots?",
    "liquidat*": r"property|assets|company|companies|depots?",
    "war crime*": r"(?:investigat|probe|document|prosecut|evidence|allegation|accus|charg|suspect|record|regist)\w*"
                  r"\W+(?:\w+\W+){0,3}war crimes?|war crimes? (?:investigat|prosecut|tribunal|case|probe|charge)",
    "genocide": r"(?:investigat|evidence|accus|charg|incitement to|convention)\w*\W+(?:\w+\W+){0,2}genocide|"
                r"genocide (?:trial|case|convention|charges?)",
    "atrocit*": r"(?:investigat|document|evidence|report|allegation|accus)\w*\W+(?:\w+\W+){0,2}atrocit",
    "aggression": r"crimes? of aggression",
    "rage": r"(?:war|fighting|battles?|conflict|fires?)\W+(?:\w+\W+){0,2}rag(?:ed|es|ing)",
    "mass grave*": r"mass graves? (?:was |were |has been |have been )?(?:found|discovered|uncovered|exhumed)|"
                   r"(?:found|discovered|uncovered|exhum\w+) (?:\w+ ){0,2}mass graves?",
}
_SPEECH_RE = re.compile(
    r"\b(?:said|says|told|tells|according to|accused|accuses|claimed|claims|called|calls|warned|urged|"
    r"stated|declared|wrote|tweeted|alleged|denied|insisted|vowed|pledged|added)\b", re.I)
_OPEN_QUOTES = "\"\u201c\u201d\u00ab\u00bb"
#: a headline's single-quoted words ("Zelenskiy slams 'collaborators'"): quoted speech
_SINGLE_QUOTED = re.compile(r"(?:^|[\s(])['\u2018][^'\u2018\u2019]{1,60}['\u2019](?=$|[\s,.;:!?)])")


def _descriptive_war(term: str, window: str) -> bool:
    for key, pattern in WAR_DESCRIPTIVE.items():
        stem = key.rstrip("*")
        if (term.startswith(stem) if key.endswith("*") else term == stem) and re.search(pattern, window, re.I):
            return True
    return False


def war_hit_class(text: str, start: int, end: int, term: str, *, mention: bool = False) -> str:
    """The class (one of :data:`WAR_HIT_CLASSES`) of a hit in one sentence of war coverage.

    The rubric, tried in order: a *mention* (the matcher's own flag); an
    *official or event name* (the hit capitalised inside a run of
    capitalised words, not at the sentence start and not in a Title Case
    headline: "the Bucha Massacre", "Carolina Rage"); *descriptive war
    reporting* (:data:`WAR_DESCRIPTIVE`); *reported or quoted* (inside an
    open quotation, or the sentence has a speech or accusing verb: the
    writer attributes it); the rest is the writer's *loaded use*.

    Example:
        >>> war_hit_class("Gunners destroyed 12 Russian tanks.", 8, 17, "destroyed")
        'descriptive war reporting'
        >>> war_hit_class("The barbaric shelling went on.", 4, 12, "barbaric")
        'loaded use'
        >>> war_hit_class("Kyiv said the barbaric shelling went on.", 14, 22, "barbaric")
        'reported or quoted'
    """
    from analysis.scoring.rules import _capitalised_run, _title_case_headline

    if mention:
        return "mention"
    head = text[:start].rstrip()
    if (head and head[-1] not in ".!?:\"\u201c(" and _capitalised_run(text, start, end - start)
            and not _title_case_headline(text, start, end - start)):
        return "official or event name"
    if _descriptive_war(term, text[max(0, start - 60):end + 60]):
        return "descriptive war reporting"
    if sum(text[:start].count(q) for q in _OPEN_QUOTES) % 2 == 1 or _SPEECH_RE.search(text) or any(
            q.start() <= start and end <= q.end() for q in _SINGLE_QUOTED.finditer(text)):
        return "reported or quoted"
    return "loaded use"


def war_coverage_sentences(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Sentences of the unlabelled English war coverage, read at run time: source, doc, text.

    Sources: the NYT war articles (``paths.nyt_russia_ukraine_csv``; never
    committed), the English RUWA titles and leads of :data:`WAR_RUWA_SITES`
    and the official English of the resistinua addresses (status ``ok``).
    A source that is absent is left out (its count is 0).

    Example:
        >>> war_coverage_sentences()["source"].value_counts()  # doctest: +SKIP
    """
    from analysis.corpus.external import load_resistinua, load_ruwa, ruwa_texts
    from analysis.scoring.tokenize import split_sentences

    docs: list[tuple[str, str, str]] = []
    nyt = paths.nyt_russia_ukraine_csv(None if data_dir is None else Path(data_dir).parent / "external"
                                       / "nyt_russia_ukraine")
    if nyt is not None:
        frame = pd.read_csv(nyt)
        docs += [("nyt", f"nyt:{i}", str(t)) for i, t in frame["articles"].dropna().items()]
    kept, _ = ruwa_texts(load_ruwa(), "both")
    for site in WAR_RUWA_SITES:
        part = kept[kept["site"].astype(str) == site]
        docs += [(site, f"ruwa:{i}", str(t)) for i, t in zip(part["row_id"], part["text"], strict=True)]
    res = load_resistinua()
    res = res[res["status"] == "ok"]
    docs += [("resistinua", f"resistinua:{i}", str(t)) for i, t in zip(res["id"], res["text_en"], strict=True)]
    rows = [(src, doc, sp.text.strip()) for src, doc, t in docs for sp in split_sentences(t) if sp.text.strip()]
    return pd.DataFrame(rows, columns=["source", "doc", "text"])


def war_hit_table(sentences: pd.DataFrame, matcher: Matcher | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per source, category and :data:`WAR_HIT_CLASSES` class: hits (loaded and hostility), and the hits.

    Returns ``(table, hits)``; ``hits`` has one row per hit with its
    sentence, term, category and class (for reading; never commit the text).

    Example:
        >>> table, hits = war_hit_table(war_coverage_sentences())  # doctest: +SKIP
    """
    from analysis.validation import scorers

    matcher = matcher or scorers.default_matcher()
    inp = pd.DataFrame({"text": sentences["text"].astype(str).to_numpy()})
    m = matcher(inp)
    m = m[m["dimension"].isin(["hostility", "loaded"])].reset_index(drop=True)
    rows = m["row"].astype("int64").to_numpy()
    texts = inp["text"].to_numpy()[rows]
    classes = [war_hit_class(t, int(s), int(e), str(term), mention=bool(men))
               for t, s, e, term, men in zip(texts, m["start"], m["end"], m["term"], m["mention"], strict=True)]
    hits = m.assign(source=sentences["source"].to_numpy()[rows], text=texts, cls=classes)
    table = hits.groupby(["source", "category", "cls"]).size().unstack("cls", fill_value=0)
    table = table.reindex(columns=list(WAR_HIT_CLASSES), fill_value=0)
    return table.assign(all=table.sum(axis=1)).reset_index(), hits
