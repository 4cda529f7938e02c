"""Agreement between two annotators of a Russian gold set, and the system against each.

Sets 2, 3 and 4 (:mod:`analysis.validation.ru_gold`) were labelled more
than once by the same written guidelines: annotator 1 in ``labels.csv``, each
second reading in a file beside it (same columns), named in
``SECOND_READINGS``.  For sets 2 and 3 the second annotator
(``labels_annotator2.csv``) was a different AI-model session, blind to the
first: an ``"independent annotator"``.  Set 4 has two second readings: its
``labels_annotator2.csv`` was made by the same session as its first, from a
fresh sheet in another order, so it is a ``"same-session re-labelling"``
(consistency, not agreement); ``labels_independent.csv`` is an
``"independent annotator"`` (another session, blind to both files;
``corpus/validation/ru_gold4/README.md``).  All annotators are AI models, so
the agreement is an optimistic estimate of what two human annotators would
reach.

:func:`pair_agreement` gives, per target (``loaded_hostile``, ``hedge``,
``booster``): ``n``, the positives of each annotator, raw agreement, Cohen's
kappa, Krippendorff's alpha (nominal) and the precision, recall and F1 of
annotator 2 against annotator 1, with percentile intervals (F1, kappa and
alpha) from a bootstrap over **articles** (sentences of one article are not independent; every
resample draws whole articles with replacement).  F1 is symmetric in the two
annotators (``2 * both / (positives_1 + positives_2)``), so the reverse F1
(``f1_1_vs_2``) equals it; the reverse precision is annotator 2's recall and
the other way round.

:func:`system_against_annotators` scores the ru lexicons against annotator 1,
annotator 2 and the agreed items only (the sentences where both annotators
give the same label for that target), with
:func:`analysis.validation.ru_gold_eval.evaluate_ru_gold`.  This is
evaluation, not tuning; annotator 1 stays the headline reference.

Example:
    >>> a1 = pd.DataFrame({"sentence_id": ["1:1:0", "1:1:1", "2:1:0", "2:1:1"],
    ...                    "article_id": ["1", "1", "2", "2"],
    ...                    "loaded_hostile": [1, 0, 1, 0], "hedge": [0, 0, 1, 1],
    ...                    "booster": [0, 0, 0, 1]})
    >>> a2 = a1.assign(loaded_hostile=[1, 1, 1, 0])
    >>> row = pair_agreement(a1, a2, n_boot=0).to_dict("records")[0]
    >>> [row[c] for c in ("target", "positives_1", "positives_2", "raw_agreement", "f1_2_vs_1")]
    ['hostility+loaded', 2, 3, 0.75, 0.8]

References:
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    *Educational and Psychological Measurement* 20(1), 37-46.
    Krippendorff, K. (2004). *Content Analysis*, 2nd ed., Sage, ch. 11.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.validation.exceptions import ValidationDataError
from analysis.validation.metrics import precision_recall_f1
from analysis.validation.ru_gold import default_labels_path, read_labels

if TYPE_CHECKING:  # the scorer is imported on use: agreement alone needs only the labels
    from analysis.scoring.lemma_match import LemmaMatcher

ANNOTATOR2_FILE = "labels_annotator2.csv"
INDEPENDENT_FILE = "labels_independent.csv"
INDEPENDENT = "independent annotator"
SAME_SESSION = "same-session re-labelling"
# set -> its second readings (name, file beside labels.csv), in table order.  Set 4's
# labels_annotator2.csv came from its first annotator's own session, which remembered its
# first labels, so it must never be reported as agreement between annotators.
SECOND_READINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "2": ((INDEPENDENT, ANNOTATOR2_FILE),),
    "3": ((INDEPENDENT, ANNOTATOR2_FILE),),
    "4": ((SAME_SESSION, ANNOTATOR2_FILE), (INDEPENDENT, INDEPENDENT_FILE)),
}
# display name (as in ru_gold_eval.TARGETS) -> label column
TARGET_COLUMNS: dict[str, str] = {
    "hostility+loaded": "loaded_hostile", "hedge": "hedge", "booster": "booster",
}
AGREEMENT_COLUMNS: tuple[str, ...] = (
    "target", "status", "n", "n_articles", "positives_1", "positives_2", "both_positive",
    "raw_agreement", "kappa", "kappa_lo", "kappa_hi", "alpha", "alpha_lo", "alpha_hi",
    "precision_2_vs_1", "recall_2_vs_1", "f1_2_vs_1", "f1_lo", "f1_hi", "f1_1_vs_2",
)
SYSTEM_COLUMNS: tuple[str, ...] = (
    "target", "reference", "n", "positives", "tp", "fp", "fn", "precision", "recall", "f1",
)
REFERENCES: tuple[str, ...] = ("annotator 1", "annotator 2", "agreed")
# the sets with a second annotation (labels_annotator2.csv)
ANNOTATED_SETS: tuple[str, ...] = ("2", "3", "4")
N_BOOT: int = 2000
SEED: int = 20261213


def annotator2_labels_path(gold_set: str) -> Path:
    """The committed second annotation of set ``gold_set`` (beside its ``labels.csv``).

    Example:
        >>> annotator2_labels_path("3").name
        'labels_annotator2.csv'
    """
    return default_labels_path(gold_set).parent / ANNOTATOR2_FILE


def second_labels_path(gold_set: str, reading: str | None = None) -> Path:
    """The committed file of one second reading of ``gold_set`` (``SECOND_READINGS``).

    ``reading`` defaults to the set's first listed reading (``labels_annotator2.csv``
    for every set); an unknown set or reading is a ``ValueError`` naming the choices.

    Example:
        >>> second_labels_path("4", INDEPENDENT).name
        'labels_independent.csv'
        >>> second_labels_path("4").name
        'labels_annotator2.csv'
    """
    readings = SECOND_READINGS.get(str(gold_set))
    if readings is None:
        raise ValueError(f"set {gold_set!r} has no second reading; sets: {list(SECOND_READINGS)}")
    files = dict(readings)
    name = readings[0][0] if reading is None else reading
    if name not in files:
        raise ValueError(f"set {gold_set!r} has no reading {name!r}; readings: {list(files)}")
    return default_labels_path(gold_set).parent / files[name]


def read_annotators(
    gold_set: str,
    path_1: str | os.PathLike[str] | None = None,
    path_2: str | os.PathLike[str] | None = None,
    reading: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both annotators' validated labels of one set (no source text needed).

    ``path_1`` defaults to the set's ``labels.csv``, ``path_2`` to
    :func:`second_labels_path` of ``reading`` (by default
    ``labels_annotator2.csv``).  Each file is checked by
    :func:`~analysis.validation.ru_gold.read_labels`; the two must hold the
    same sentences (:func:`check_same_sentences`).

    Example:
        >>> a1, a2 = read_annotators("3")  # doctest: +SKIP
    """
    one = read_labels(path_1 if path_1 is not None else default_labels_path(gold_set), gold_set)
    two = read_labels(path_2 if path_2 is not None else second_labels_path(gold_set, reading),
                      gold_set)
    check_same_sentences(one, two)
    return one, two


def check_same_sentences(a1: pd.DataFrame, a2: pd.DataFrame) -> None:
    """Raise :class:`ValidationDataError` unless both frames label the same unique ``sentence_id``s.

    Example:
        >>> f = pd.DataFrame({"sentence_id": ["1:1:0"]})
        >>> check_same_sentences(f, f)
    """
    for name, frame in (("annotator 1", a1), ("annotator 2", a2)):
        if "sentence_id" not in frame.columns:
            raise ValidationDataError(f"{name}: no column 'sentence_id'")
        dup = frame["sentence_id"][frame["sentence_id"].duplicated()]
        if not dup.empty:
            raise ValidationDataError(f"{name}: sentence {dup.iloc[0]!r} is labelled twice")
    only_1 = sorted(set(a1["sentence_id"]) - set(a2["sentence_id"]))
    only_2 = sorted(set(a2["sentence_id"]) - set(a1["sentence_id"]))
    if only_1 or only_2:
        raise ValidationDataError(
            f"the annotators label different sentences: {len(only_1)} only in annotator 1 "
            f"(first {only_1[:1]}), {len(only_2)} only in annotator 2 (first {only_2[:1]})"
        )


def _flags(frame: pd.DataFrame, column: str, who: str) -> np.ndarray:
    if column not in frame.columns:
        raise ValidationDataError(f"{who}: no column {column!r}")
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = ~values.isin([0, 1])
    if bad.any():
        i = frame.index[bad][0]
        raise ValidationDataError(
            f"{who}: column {column!r} has {frame.at[i, column]!r} for sentence "
            f"{frame.at[i, 'sentence_id']!r}; expected 0 or 1"
        )
    return values.to_numpy(dtype=bool)


def cohen_kappa(y1: np.ndarray, y2: np.ndarray) -> float:
    """Cohen's kappa of two binary codings of the same units; NaN when chance agreement is 1.

    Example:
        >>> round(cohen_kappa(np.array([1, 1, 0, 0]), np.array([1, 0, 0, 0])), 3)
        0.5
    """
    a, b = _binary_pair(y1, y2, "cohen_kappa")
    if a.size == 0:
        return float("nan")
    observed = float((a == b).mean())
    p1, p2 = float(a.mean()), float(b.mean())
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    return float("nan") if expected >= 1.0 else (observed - expected) / (1.0 - expected)


def nominal_alpha(y1: np.ndarray, y2: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of two complete codings; NaN when every code is the same.

    Example:
        >>> round(nominal_alpha(np.array([1, 1, 0, 0]), np.array([1, 0, 0, 0])), 3)
        0.533
    """
    data = np.vstack([np.asarray(y1, dtype=float), np.asarray(y2, dtype=float)])
    if data.size == 0 or len(set(data.ravel().tolist())) < 2:
        return float("nan")
    import krippendorff  # imported here: only agreement needs it

    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def binary_alpha(y1: np.ndarray, y2: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of two complete 0/1 codings in closed form; NaN when all agree on one code.

    With ``N = 2n`` values, ``n_0`` zeros, ``n_1`` ones and ``d`` disagreeing
    units, the coincidence matrix gives ``alpha = 1 - d (N - 1) / (n_0 n_1)``:
    the same number as :func:`nominal_alpha`, cheap enough for the bootstrap.

    Example:
        >>> round(binary_alpha(np.array([1, 1, 0, 0]), np.array([1, 0, 0, 0])), 3)
        0.533
    """
    a, b = _binary_pair(y1, y2, "binary_alpha")
    ones = int(a.sum() + b.sum())
    zeros = 2 * a.size - ones
    if ones == 0 or zeros == 0:
        return float("nan")
    return 1.0 - int((a != b).sum()) * (2 * a.size - 1) / (zeros * ones)


def _binary_pair(y1: np.ndarray, y2: np.ndarray, who: str) -> tuple[np.ndarray, np.ndarray]:
    """Two codings as bool arrays; other lengths or codes than 0/1 are an error (a 2 read as True would agree)."""
    a, b = np.asarray(y1), np.asarray(y2)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"{who}: two codings of the same units needed, got shapes {a.shape} and {b.shape}")
    for name, codes in (("y1", a), ("y2", b)):
        if codes.dtype != bool and not np.isin(codes, (0, 1)).all():
            raise ValueError(f"{who}: {name} holds codes other than 0/1: {sorted(set(codes.tolist()) - {0, 1})[:3]}")
    return a.astype(bool), b.astype(bool)


def prf_against(reference: np.ndarray, other: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``other`` taking ``reference`` as gold (NaN when undefined).

    Example:
        >>> prf_against(np.array([1, 1, 0]), np.array([1, 0, 1]))
        (0.5, 0.5, 0.5)
    """
    r = precision_recall_f1(reference, other)
    return r.precision, r.recall, r.f1


def _percentiles(values: np.ndarray, ci: float) -> tuple[float, float]:
    kept = values[np.isfinite(values)]
    if kept.size == 0:
        return float("nan"), float("nan")
    tail = (1.0 - ci) / 2.0
    lo, hi = np.quantile(kept, [tail, 1.0 - tail])
    return float(lo), float(hi)


def article_bootstrap(
    y1: np.ndarray, y2: np.ndarray, articles: np.ndarray, *,
    n_boot: int = N_BOOT, ci: float = 0.95, seed: int = SEED,
) -> dict[str, tuple[float, float]]:
    """Percentile intervals of F1 (2 vs 1), kappa and alpha, resampling whole articles with replacement.

    Returns ``{"f1": (lo, hi), "kappa": (lo, hi), "alpha": (lo, hi)}``; NaN
    bounds when ``n_boot`` is 0 or no resample defines the statistic.

    Example:
        >>> y = np.array([1, 0, 1, 0])
        >>> article_bootstrap(y, y, np.array(["a", "a", "b", "b"]), n_boot=50)["f1"]
        (1.0, 1.0)
    """
    if n_boot <= 0 or len(y1) == 0:
        return {k: (float("nan"), float("nan")) for k in ("f1", "kappa", "alpha")}
    groups = [np.flatnonzero(articles == a) for a in pd.unique(articles)]
    rng = np.random.default_rng(seed)
    f1s, kappas, alphas = np.empty(n_boot), np.empty(n_boot), np.empty(n_boot)
    for b in range(n_boot):
        idx = np.concatenate([groups[g] for g in rng.integers(0, len(groups), len(groups))])
        f1s[b] = prf_against(y1[idx], y2[idx])[2]
        kappas[b] = cohen_kappa(y1[idx], y2[idx])
        alphas[b] = binary_alpha(y1[idx], y2[idx])
    return {"f1": _percentiles(f1s, ci), "kappa": _percentiles(kappas, ci),
            "alpha": _percentiles(alphas, ci)}


def _target_row(name: str, y1: np.ndarray, y2: np.ndarray, articles: np.ndarray, *,
                n_boot: int, ci: float, seed: int) -> dict[str, object]:
    precision, recall, f1 = prf_against(y1, y2)
    boot = article_bootstrap(y1, y2, articles, n_boot=n_boot, ci=ci, seed=seed)
    status = "ok" if (y1 | y2).any() else "no positives: F1 undefined"
    return {
        "target": name, "status": status, "n": int(len(y1)),
        "n_articles": int(len(pd.unique(articles))),
        "positives_1": int(y1.sum()), "positives_2": int(y2.sum()),
        "both_positive": int((y1 & y2).sum()),
        "raw_agreement": float((y1 == y2).mean()) if len(y1) else float("nan"),
        "kappa": cohen_kappa(y1, y2), "kappa_lo": boot["kappa"][0], "kappa_hi": boot["kappa"][1],
        "alpha": nominal_alpha(y1, y2), "alpha_lo": boot["alpha"][0], "alpha_hi": boot["alpha"][1],
        "precision_2_vs_1": precision, "recall_2_vs_1": recall, "f1_2_vs_1": f1,
        "f1_lo": boot["f1"][0], "f1_hi": boot["f1"][1], "f1_1_vs_2": prf_against(y2, y1)[2],
    }


def pair_agreement(
    a1: pd.DataFrame, a2: pd.DataFrame, *,
    targets: Sequence[str] = tuple(TARGET_COLUMNS),
    n_boot: int = N_BOOT, ci: float = 0.95, seed: int = SEED,
) -> pd.DataFrame:
    """Agreement of annotator 2 with annotator 1, one row per target (``AGREEMENT_COLUMNS``).

    ``a1`` and ``a2`` need ``sentence_id``, ``article_id`` (the bootstrap
    unit; it must be the same in both) and the 0/1 label column of each
    target; rows are matched by ``sentence_id``, in any order.

    Example:
        >>> f = pd.DataFrame({"sentence_id": ["1:1:0", "1:1:1"], "article_id": ["1", "1"],
        ...                   "hedge": [1, 0]})
        >>> pair_agreement(f, f, targets=["hedge"], n_boot=0)["kappa"].tolist()
        [1.0]
    """
    check_same_sentences(a1, a2)
    unknown = [t for t in targets if t not in TARGET_COLUMNS]
    if unknown:
        raise ValueError(f"pair_agreement: unknown target(s) {unknown}; expected {list(TARGET_COLUMNS)}")
    two = a2.set_index("sentence_id").loc[a1["sentence_id"]].reset_index()
    for who, frame in (("annotator 1", a1), ("annotator 2", two)):
        if "article_id" not in frame.columns:
            raise ValidationDataError(f"{who}: no column 'article_id'")
    articles = a1["article_id"].astype(str).to_numpy()
    moved = articles != two["article_id"].astype(str).to_numpy()
    if moved.any():
        sid = a1["sentence_id"].iloc[int(np.flatnonzero(moved)[0])]
        raise ValidationDataError(f"sentence {sid!r} has a different article_id in the two files")
    rows = [
        _target_row(t, _flags(a1, TARGET_COLUMNS[t], "annotator 1"),
                    _flags(two, TARGET_COLUMNS[t], "annotator 2"), articles,
                    n_boot=n_boot, ci=ci, seed=seed)
        for t in targets
    ]
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


def set_agreement(
    gold_sets: Sequence[str] = ANNOTATED_SETS, *, n_boot: int = N_BOOT, seed: int = SEED
) -> pd.DataFrame:
    """:func:`pair_agreement` of annotator 1 with every second reading of each set.

    One block of rows per set and reading (``SECOND_READINGS``), with ``set``
    and ``reading`` columns first, so set 4's ``"same-session re-labelling"``
    and ``"independent annotator"`` rows stand side by side.  Labels only: no
    sentence is scored (any set may be given).

    Example:
        >>> t = set_agreement(["4"], n_boot=0)  # doctest: +SKIP
        >>> sorted(set(t["reading"]))  # doctest: +SKIP
        ['independent annotator', 'same-session re-labelling']
    """
    unknown = [s for s in gold_sets if s not in SECOND_READINGS]
    if unknown:
        raise ValueError(f"set_agreement: no second reading of set(s) {unknown}; "
                         f"sets: {list(SECOND_READINGS)}")
    parts = [
        pair_agreement(*read_annotators(s, reading=name), n_boot=n_boot, seed=seed)
        .assign(set=s, reading=name)
        for s in gold_sets
        for name, _ in SECOND_READINGS[s]
    ]
    table = pd.concat(parts, ignore_index=True)
    return table.loc[:, ["set", "reading", *AGREEMENT_COLUMNS]]


def agreed_mask(a1: pd.DataFrame, a2: pd.DataFrame, target: str) -> pd.Series:
    """Per row of ``a1``: True where both annotators give the same ``target`` label.

    Example:
        >>> f = pd.DataFrame({"sentence_id": ["a", "b"], "hedge": [1, 0]})
        >>> agreed_mask(f, f.assign(hedge=[1, 1]), "hedge").tolist()
        [True, False]
    """
    check_same_sentences(a1, a2)
    column = TARGET_COLUMNS.get(target, target)
    two = a2.set_index("sentence_id").loc[a1["sentence_id"]]
    same = _flags(a1, column, "annotator 1") == _flags(two.reset_index(), column, "annotator 2")
    return pd.Series(same, index=a1.index, name=f"agreed_{column}")


# Word stems that the sets' recorded loaded-language decisions (README "How the guidelines
# were applied", read by both annotators) name with their examples, plus set 2's ridicule
# article 3429: a sentence holding one was partly decided by the written rules, so agreement
# is also reported without them (see decision_cued).
DECISION_CUES: tuple[str, ...] = (
    "боевик", "террорист", "вфу", "диверсант", "вражеск", "живая сила", "ненавид",
    "бомбит и уничтожает", "фейк", "«элиты»", "«госпереворот»", "«войны»", "радикал",
    "националист", "теракт", "путчист", "исчезновени",
)
DECISION_ARTICLES: tuple[str, ...] = ("3429",)
# Set 4's own recorded decisions (ru_gold4/README.md, all three targets) were written by its
# first annotator from set 4's sentences and read by its independent annotator, so they name
# words of the very sentences compared; agreement on set 4 is also given without them.
DECISION_CUES_SET4: tuple[str, ...] = (
    *DECISION_CUES, "терроризм", "фактически", "англосакс", "халявн", "дармов", "выпрашива",
    "чужак", "майдан", "клоун", "безумн", "вырождени", "развал", "к гибели", "катастроф",
    "в ногу", "по швам", "почти", "не слишком", "не очень", "какие-то", "мягко говоря",
    "во всяком случае", "можно назвать", "некая", "зачастую", "глядишь", "утверждается",
    "стало бы", "было бы", "уверен", "никаких вопросов", "всем известно", "прекрасно понима",
    "реально верят", "вправду", "в любом случае", "неизбежн", "не отменяет",
)


def decision_cued(
    gold: pd.DataFrame,
    cues: Sequence[str] = DECISION_CUES,
    articles: Sequence[str] = DECISION_ARTICLES,
) -> pd.Series:
    """True for sentences a recorded decision names (a ``cues`` stem in ``text``, or in ``articles``).

    Sets 2 and 3 use the defaults; set 4 ``cues=DECISION_CUES_SET4``.

    Example:
        >>> g = pd.DataFrame({"text": ["Боевики отступили.", "Дождь."], "article_id": ["1", "2"]})
        >>> decision_cued(g).tolist()
        [True, False]
        >>> decision_cued(g.assign(text=["Англосаксы.", "Дождь."]), DECISION_CUES_SET4).tolist()
        [True, False]
    """
    lowered = gold["text"].astype(str).str.lower()
    cued = np.zeros(len(gold), dtype=bool)
    for cue in cues:
        cued |= lowered.str.contains(cue, regex=False).to_numpy()
    cued |= gold["article_id"].astype(str).isin(list(articles)).to_numpy()
    return pd.Series(cued, index=gold.index, name="decision_cued")


def uncued_agreement(
    gold_1: pd.DataFrame, gold_2: pd.DataFrame, *,
    cues: Sequence[str] = DECISION_CUES, articles: Sequence[str] = DECISION_ARTICLES,
    n_boot: int = N_BOOT, seed: int = SEED,
) -> pd.DataFrame:
    """:func:`pair_agreement` on the sentences :func:`decision_cued` leaves out (loaded sets, with ``text``).

    Set 4: ``cues=DECISION_CUES_SET4`` (its recorded decisions name words of its own
    sentences, and its independent annotator read them).

    Example:
        >>> g = pd.DataFrame({"sentence_id": ["a", "b", "c"], "article_id": ["1", "1", "2"],
        ...                   "text": ["Боевики ушли.", "Режим пал.", "Дождь."],
        ...                   "loaded_hostile": [1, 1, 0], "hedge": [0, 0, 0], "booster": [0, 0, 0]})
        >>> t = uncued_agreement(g, g.assign(loaded_hostile=[0, 1, 0]), n_boot=0)
        >>> t[["target", "n", "f1_2_vs_1"]].values.tolist()[0]
        ['hostility+loaded', 2, 1.0]
    """
    check_same_sentences(gold_1, gold_2)
    kept = gold_1[~decision_cued(gold_1, cues, articles).to_numpy()]
    two = gold_2.set_index("sentence_id").loc[kept["sentence_id"]].reset_index()
    return pair_agreement(kept, two, n_boot=n_boot, seed=seed)


def system_against_annotators(
    gold_1: pd.DataFrame, gold_2: pd.DataFrame, matcher: LemmaMatcher | None = None
) -> pd.DataFrame:
    """P/R/F1 of the ru lexicons per target against annotator 1, annotator 2 and the agreed items.

    ``gold_1`` and ``gold_2`` are loaded sets (:func:`~analysis.validation.ru_gold.load_ru_gold`,
    with ``text``) of the same sentences.  ``agreed`` keeps, per target, only
    the sentences where both annotators give the same label (so its ``n``
    differs by target).  Columns: ``SYSTEM_COLUMNS``.

    Example:
        >>> g = pd.DataFrame({"sentence_id": ["a", "b"], "text": ["Возможно, дождь.", "Дождь."],
        ...                   "loaded_hostile": [0, 0], "hedge": [1, 0], "booster": [0, 0]})
        >>> t = system_against_annotators(g, g.assign(hedge=[1, 1]))
        >>> t[t["target"] == "hedge"][["reference", "n", "f1"]].values.tolist()
        [['annotator 1', 2, 1.0], ['annotator 2', 2, 0.667], ['agreed', 1, 1.0]]
    """
    from analysis.scoring.lemma_match import LemmaMatcher as _Matcher
    from analysis.validation.ru_gold_eval import evaluate_ru_gold

    check_same_sentences(gold_1, gold_2)
    two = gold_2.set_index("sentence_id").loc[gold_1["sentence_id"]].reset_index()
    differ = gold_1["text"].astype(str).to_numpy() != two["text"].astype(str).to_numpy()
    if differ.any():
        sid = gold_1["sentence_id"].iloc[int(np.flatnonzero(differ)[0])]
        raise ValidationDataError(f"sentence {sid!r} has a different text in the two gold frames")
    two.index = gold_1.index
    m = matcher if matcher is not None else _Matcher.builtin("ru")
    rows = []
    for target in TARGET_COLUMNS:
        agreed = gold_1[agreed_mask(gold_1, two, target)]
        for reference, frame in zip(REFERENCES, (gold_1, two, agreed), strict=True):
            table = evaluate_ru_gold(frame, split="all", matcher=m).set_index("target")
            row = table.loc[target]
            rows.append({"target": target, "reference": reference,
                         **{c: row[c] for c in SYSTEM_COLUMNS[2:]}})
    return pd.DataFrame(rows, columns=list(SYSTEM_COLUMNS))


def system_sets(
    data_dir: str | os.PathLike[str] | None = None,
    gold_sets: Sequence[str] = ("2", "3"),
    matcher: LemmaMatcher | None = None,
    reading: str = INDEPENDENT,
) -> pd.DataFrame:
    """:func:`system_against_annotators` of each committed set, loaded and hash-checked from ``data_dir``.

    ``"annotator 2"`` is the set's ``reading`` (``SECOND_READINGS``): by
    default its independent annotator (set 4: ``labels_independent.csv``, not
    the same-session re-labelling).

    Example:
        >>> system_sets("/work/shared/validation")  # doctest: +SKIP
    """
    from analysis.validation.ru_gold import load_ru_gold

    parts = []
    for s in gold_sets:
        one = load_ru_gold(data_dir, labels_path=default_labels_path(s), gold_set=s)
        two = load_ru_gold(data_dir, labels_path=second_labels_path(s, reading), gold_set=s)
        parts.append(system_against_annotators(one, two, matcher).assign(set=s))
    return pd.concat(parts, ignore_index=True).loc[:, ["set", *SYSTEM_COLUMNS]]


def _num(v: object, digits: int = 2) -> str:
    x = float(v)  # type: ignore[arg-type]
    return "n/a" if not np.isfinite(x) else f"{x:.{digits}f}"


def _interval(r: Mapping[Hashable, object], point: str, lo: str, hi: str) -> str:
    return f"{_num(r[point])} [{_num(r[lo])}, {_num(r[hi])}]"


def agreement_markdown(table: pd.DataFrame) -> str:
    """:func:`set_agreement` (or :func:`pair_agreement`) as a Markdown table.

    A ``reading`` column (:func:`set_agreement`) is printed after ``set``;
    without one the table has no such column.

    Example:
        >>> f = pd.DataFrame({"sentence_id": ["a", "b"], "article_id": ["1", "2"], "hedge": [1, 0]})
        >>> print(agreement_markdown(pair_agreement(f, f, targets=["hedge"], n_boot=0)).splitlines()[2])
        | - | hedge | 2 | 1 | 1 | 1.00 | 1.00 [n/a, n/a] | 1.00 [n/a, n/a] | 1.00 | 1.00 | 1.00 [n/a, n/a] |
    """
    by_reading = "reading" in table.columns
    rows = ["| set | " + ("second reading | " if by_reading else "")
            + "target | n | pos. A1 | pos. A2 | raw agr. | Cohen's kappa [95% CI] "
            "| alpha [95% CI] | P (A2 vs A1) | R (A2 vs A1) | F1 (A2 vs A1) [95% CI] |",
            "| --- | " + ("--- | " if by_reading else "")
            + "--- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |"]
    for r in table.to_dict("records"):
        reading = f"{r['reading']} | " if by_reading else ""
        rows.append(
            f"| {r.get('set', '-')} | {reading}{r['target']} | {r['n']} | {r['positives_1']} "
            f"| {r['positives_2']} | {_num(r['raw_agreement'])} "
            f"| {_interval(r, 'kappa', 'kappa_lo', 'kappa_hi')} "
            f"| {_interval(r, 'alpha', 'alpha_lo', 'alpha_hi')} "
            f"| {_num(r['precision_2_vs_1'])} | {_num(r['recall_2_vs_1'])} "
            f"| {_interval(r, 'f1_2_vs_1', 'f1_lo', 'f1_hi')} |"
        )
    return "\n".join(rows)


def system_markdown(table: pd.DataFrame) -> str:
    """:func:`system_sets` (or :func:`system_against_annotators`) as a Markdown table.

    Example:
        >>> t = pd.DataFrame([{"target": "hedge", "reference": "agreed", "n": 2, "positives": 1,
        ...                    "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}])
        >>> system_markdown(t).splitlines()[2]
        '| - | hedge | agreed | 2 | 1 | 1 | 0 | 0 | 1.000 | 1.000 | 1.000 |'
    """
    rows = ["| set | target | reference | n | positives | tp | fp | fn | precision | recall | F1 |",
            "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in table.to_dict("records"):
        rows.append(
            f"| {r.get('set', '-')} | {r['target']} | {r['reference']} | {r['n']} | {r['positives']} "
            f"| {r['tp']} | {r['fp']} | {r['fn']} | {_num(r['precision'], 3)} "
            f"| {_num(r['recall'], 3)} | {_num(r['f1'], 3)} |"
        )
    return "\n".join(rows)


def held_out(gold_sets: Sequence[str]) -> list[str]:
    """The sets of ``gold_sets`` that the evaluation holds out as test (``ru_gold_eval.SET_ROLE``).

    None since round 6 (set 4, the last held-out set, is retired to dev).

    Example:
        >>> held_out(["2", "3", "4"])
        []
    """
    from analysis.validation.ru_gold_eval import SET_ROLE

    return [s for s in gold_sets if SET_ROLE.get(s) == "test"]


def readings_legend(gold_sets: Sequence[str]) -> str:
    """One line per set of ``gold_sets``: which file each second reading is.

    Example:
        >>> print(readings_legend(["4"]))
        set 4: same-session re-labelling = labels_annotator2.csv; independent annotator = labels_independent.csv
    """
    return "\n".join(
        f"set {s}: " + "; ".join(f"{name} = {file}" for name, file in SECOND_READINGS[s])
        for s in gold_sets if s in SECOND_READINGS
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the agreement table and, with a data directory, the system rows (``python -m``).

    The system rows score the lexicons, so a held-out set would be scored
    only with ``--score-held-out``; since round 6 no set is held out (set 4
    is dev), so every set's system rows are printed and the flag changes
    nothing.  Agreement rows need no scoring and are always printed.

    Example:
        >>> main(["--help"])  # doctest: +SKIP
    """
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", default=list(ANNOTATED_SETS),
                        choices=list(ANNOTATED_SETS))
    parser.add_argument("--data", default=None,
                        help="validation data directory (default $ANALYSIS_VALIDATION_DATA); "
                             "without one, only the agreement table is printed")
    parser.add_argument("--n-boot", type=int, default=N_BOOT)
    parser.add_argument("--score-held-out", action="store_true",
                        help="also score the held-out set(s) against each annotator")
    args = parser.parse_args(argv)
    try:
        print(agreement_markdown(set_agreement(args.sets, n_boot=args.n_boot)))
        print()
        print(readings_legend(args.sets))
        from analysis import paths

        if paths.validation_data_dir(args.data) is None:
            return 0
        skipped = [] if args.score_held_out else held_out(args.sets)
        scored = [s for s in args.sets if s not in skipped]
        if scored:
            print()
            print(system_markdown(system_sets(args.data, scored)))
    except ValidationDataError as err:  # a gold file or the source unreadable: one line, not a traceback
        print(f"Russian gold agreement: {err}", file=sys.stderr)
        return 2
    if skipped:
        print(f"\n(system rows of held-out set(s) {', '.join(skipped)} not scored: "
              "pass --score-held-out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
