"""Error analysis: the most confident false positives and false negatives per score.

Each row shows the line, its score, the lexicon matches behind the score and
the gold technique spans, so that a reason can be written next to it (a
missing term, a sense the lexicon does not separate, a label the technique
definition does not cover...).  The default split is ``dev``: reading test
errors and then editing lexicons would leak the test set into the lexicons.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence

import pandas as pd

from analysis.validation.ptc_eval import PTCResults, score_columns


def _show_matches(text: str, matched: list[tuple[int, int, str, str]]) -> str:
    return "; ".join(
        f"{text[s:e]!r} ({term}{', ' + cat if cat else ''})" for s, e, term, cat in matched
    )


def _show_gold(text: str, spans: list[tuple[int, int, str]]) -> str:
    return "; ".join(f"{tech}: {text[s:e]!r}" for s, e, tech in spans)


def worst_errors(
    results: PTCResults, k: int = 20, split: str | None = "dev", baselines: bool = False
) -> pd.DataFrame:
    """Top-``k`` false positives (highest-scoring negatives) and false negatives
    (lowest-scoring positives) for every method score of every task.

    A false positive must score above 0 (the ``> 0`` rule); false negatives
    are the positives ranked from the lowest score up.  ``split`` None uses
    all lines; ``baselines`` True adds the baseline scores.  Ties in score
    (many lines score exactly 0) are broken by an md5 hash of
    ``article_id:line_no``, which spreads the examples over articles and keeps
    the table deterministic.  Columns: task, score, error (FP|FN), rank, article_id,
    line_no, split, value, text, matched, gold.

    Example:
        >>> worst_errors(results, k=5).groupby("error").size()  # doctest: +SKIP
    """
    lines = results.lines if split is None else results.lines[results.lines["split"] == split]
    lines = lines.assign(_tie=[
        hashlib.md5(f"{a}:{n}".encode()).hexdigest()
        for a, n in zip(lines["article_id"], lines["line_no"], strict=True)
    ])
    rows = []
    for task in results.tasks:
        label = lines[f"label_{task.key}"].astype(bool)
        for column, kind in score_columns(task):
            if kind != "method" and not baselines:
                continue
            negatives = lines[~label]
            for error, part, ascending in (
                ("FP", negatives[negatives[column] > 0], False),
                ("FN", lines[label], True),
            ):
                ranked = part.sort_values(
                    [column, "_tie"], ascending=[ascending, True], kind="mergesort"
                ).head(k)
                for rank, r in enumerate(ranked.to_dict("records"), start=1):
                    text = str(r["text"])
                    rows.append({
                        "task": task.name, "score": column, "error": error, "rank": rank,
                        "article_id": r["article_id"], "line_no": int(r["line_no"]),
                        "split": r["split"], "value": float(r[column]), "text": text,
                        "matched": _show_matches(text, r[f"matched_{task.key}"]),
                        "gold": _show_gold(text, r[f"spans_{task.key}"]),
                    })
    columns = ["task", "score", "error", "rank", "article_id", "line_no", "split", "value",
               "text", "matched", "gold"]
    return pd.DataFrame(rows, columns=columns)


#: The categorised reasons :func:`error_reason` assigns (in the order tried).
REASONS: tuple[str, ...] = (
    "negation",
    "reported speech / quoting the other side",
    "religious/historical use",
    "weak or descriptive term (weight <= 0.5)",
    "label disagreement (emotive term not annotated)",
    "below threshold (weak match only)",
    "sarcasm / scare quotes",
    "figurative or multi-word phrasing",
    "missing vocabulary",
)

_NEGATOR_RE = re.compile(r"\b(?:not|no|never|n't|cannot|without|hardly|nor|neither)\b(?:\W+\w+){0,2}\W*$", re.I)
_REPORTING_RE = re.compile(
    r"\b(?:said|says|say|told|according to|claimed|claims|wrote|writes|asked|accused|"
    r"called|calls|alleged|alleges|tweeted|insisted|argued|argues|declared|stated)\b", re.I)
_RELIGIOUS_HISTORICAL_RE = re.compile(
    r"\b(?:god|lord|christ|jesus|church|bible|biblical|scripture|gospel|sin|sins|satan|devil|"
    r"holy|saint|pope|bishop|priest|cardinal|catholic|quran|qur'an|koran|allah|prophet|heaven|"
    r"hitler|nazi germany|world war|holocaust|soviet|stalin|medieval|century|18\d\d|19\d\d)\b", re.I)
_QUOTES = "\"\u201c\u201d"


def _inside_quotes(text: str, start: int) -> bool:
    return sum(text[:start].count(q) for q in _QUOTES) % 2 == 1


def error_reason(
    error: str,
    text: str,
    matched: Sequence[tuple[int, int, str, str]],
    gold: Sequence[tuple[int, int, str]],
    value: float = 0.0,
    weak_terms: Collection[str] = (),
) -> str:
    """A categorised, rule-made reason for one error (one of :data:`REASONS`).

    False positives: a negator just before a match; a match inside quotation
    marks or a line with a reporting verb (someone else's words); a
    religious or historical context; only weak terms matched (``weak_terms``,
    e.g. entries of weight 0.5); otherwise the annotators did not mark an
    emotive term the lexicon holds.  False negatives: a positive score under
    the threshold; a gold span in scare quotes; gold spans of four or more
    words (figurative or phrasal); otherwise missing vocabulary.  The rules
    are crude by design: they sort errors into classes to read, they do not
    replace reading them.

    Example:
        >>> error_reason("FP", "He is not a monster.", [(12, 19, "monster", "insult")], [])
        'negation'
        >>> error_reason("FN", "A total farce.", [], [(8, 13, "Loaded_Language")])
        'missing vocabulary'
        >>> error_reason("FN", "It was, he said, a warm welcome.", [], [(19, 31, "Loaded_Language")])
        'missing vocabulary'
        >>> error_reason("FN", "they threw us under the bus", [], [(5, 27, "Loaded_Language")])
        'figurative or multi-word phrasing'
    """
    if error == "FP":
        if any(_NEGATOR_RE.search(text[max(0, s - 40):s]) for s, _e, _t, _c in matched):
            return REASONS[0]
        if any(_inside_quotes(text, s) for s, _e, _t, _c in matched) or _REPORTING_RE.search(text):
            return REASONS[1]
        if _RELIGIOUS_HISTORICAL_RE.search(text):
            return REASONS[2]
        if matched and all(t in weak_terms for _s, _e, t, _c in matched):
            return REASONS[3]
        return REASONS[4]
    if value > 0:
        return REASONS[5]
    spans = [text[s:e] for s, e, _t in gold]
    if any(_inside_quotes(text, s) or text[s:e][:1] in _QUOTES or "\u2018" in text[max(0, s - 1):e]
           for s, e, _t in gold):
        return REASONS[6]
    if spans and all(len(x.split()) >= 4 for x in spans):
        return REASONS[7]
    return REASONS[8]


def _weak_terms(max_weight: float) -> frozenset[str]:
    from analysis.scoring.lexicon import Lexicon

    return frozenset(e.term for e in Lexicon.builtin() if e.weight <= max_weight)


def _short(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "\u2026"


def error_table(
    results: PTCResults,
    k: int = 20,
    split: str | None = "dev",
    task: str | None = "loaded+hostility",
    score: str | None = None,
    max_chars: int = 120,
    weak_weight: float = 0.5,
) -> pd.DataFrame:
    """:func:`worst_errors` of one task (and score) with a categorised ``reason`` column.

    Text, matches and gold spans are cut to ``max_chars`` characters (PTC
    text has no stated licence: show excerpts, identify lines by article id
    and line number).  ``weak_weight``: built-in entries at or below this
    weight count as weak terms for :func:`error_reason`.  Columns: task,
    score, error, rank, article_id, line_no, value, reason, text, matched,
    gold.

    Example:
        >>> error_table(results, k=20).groupby(["error", "reason"]).size()  # doctest: +SKIP
    """
    table = worst_errors(results, k=k, split=split)
    if task is not None:
        table = table[table["task"] == task]
    if score is not None:
        table = table[table["score"] == score]
    by_key = {t.name: t.key for t in results.tasks}
    lines = results.lines.set_index(["article_id", "line_no"])
    weak = _weak_terms(weak_weight)
    reasons = []
    for r in table.to_dict("records"):
        line = lines.loc[(r["article_id"], r["line_no"])]
        key = by_key[str(r["task"])]
        reasons.append(error_reason(str(r["error"]), str(line["text"]), line[f"matched_{key}"],
                                    line[f"spans_{key}"], float(r["value"]), weak))
    out = table.assign(
        reason=reasons,
        text=[_short(t, max_chars) for t in table["text"]],
        matched=[_short(t, max_chars) for t in table["matched"]],
        gold=[_short(t, max_chars) for t in table["gold"]],
    )
    cols = ["task", "score", "error", "rank", "article_id", "line_no", "value", "reason", "text",
            "matched", "gold"]
    return out[cols].reset_index(drop=True)
