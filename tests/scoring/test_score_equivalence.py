"""Exact outputs of score_frame and matches_frame on fixed texts, frozen before the speed work.

``equivalence.json`` holds 200-odd texts (news sentences of the vendored
corpora, resistinua uk/en, Russian lines, hostile strings: empty, blank,
emoji, lone surrogates, very long, mixed scripts, scare quotes, "so-called",
"what Moscow calls", May, "destroyed"), a small lexicon (the built-in entries
whose term occurs in those texts, frozen with them so that lexicon edits do
not move these values) and every output column as the code before the
optimisations of issue 12 computed it.  Any change to a score, a status or a
span fails here; a deliberate behaviour change regenerates the file::

    python tests/scoring/test_score_equivalence.py --write

ru/uk rows are matched on the built-in lemma lexicons, so only their
lexicon-independent columns are compared (tokens, sentences, statuses,
language, sentiment).  The full check over 145,000 inputs is
``benchmarks/oracle_scoring.py``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.scoring.lexicon import Lexicon
from analysis.scoring.score import matches_frame, score_frame

FIXTURE = Path(__file__).parent / "equivalence.json"
# columns of a ru/uk row that do not depend on the lemma lexicons
_LEXICON_FREE = ("n_tokens", "n_sentences", "status", "language", "sentiment_status",
                 "sentiment_compound", "sentiment_neg", "sentiment_neu", "sentiment_pos")


def _frame(texts: list[str]) -> pd.DataFrame:
    # object dtype: pyarrow strings cannot hold the lone surrogates
    return pd.DataFrame({"text": pd.Series(texts, dtype=object)})


Columns = dict[str, list[object]]


def compute(texts: list[str], lexicon: Lexicon) -> dict[str, Columns]:
    """Every output the fixture freezes, column by column (JSON-ready)."""
    df = _frame(texts)

    def cols(frame: pd.DataFrame) -> Columns:
        return {str(k): list(v) for k, v in frame.to_dict("list").items()}

    return {
        "scores": cols(score_frame(df, lexicons=lexicon, lexicon_mode="replace")),
        "scores_mentions": cols(score_frame(df, lexicons=lexicon, lexicon_mode="replace", count_mentions=True)),
        "scores_vader": cols(score_frame(df, lexicons=lexicon, lexicon_mode="replace", sentiment="vader")),
        "matches": cols(matches_frame(df, lexicons=lexicon, lexicon_mode="replace")),
    }


@pytest.fixture(scope="module")
def fixture() -> dict[str, object]:
    data: dict[str, object] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def computed(fixture: dict[str, object]) -> dict[str, Columns]:
    lexicon = Lexicon.from_records(fixture["lexicon"], source="equivalence.json")  # type: ignore[arg-type]
    return compute(fixture["texts"], lexicon)  # type: ignore[arg-type]


def _same(a: object, b: object) -> bool:
    # exact: floats compare by value and NaN equals NaN; 0.0 and -0.0 differ
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    return type(a) is type(b) and a == b


def _differences(want: Columns, got: Columns, texts: list[str]) -> list[str]:
    assert list(want) == list(got)  # the same columns in the same order
    lemma = [lang in ("ru", "uk") for lang in want["language"]]
    bad = []
    for col, values in want.items():
        assert len(values) == len(got[col]) == len(texts)
        for i, (w, g) in enumerate(zip(values, got[col])):
            if not (lemma[i] and col not in _LEXICON_FREE) and not _same(w, g):
                bad.append(f"row {i} ({texts[i][:40]!r}) {col}: want {w!r}, got {g!r}")
    return bad


def test_fixture_covers_the_hard_cases(fixture: dict[str, object]) -> None:
    scores: Columns = fixture["scores"]  # type: ignore[assignment]
    matches: Columns = fixture["matches"]  # type: ignore[assignment]
    assert len(fixture["texts"]) >= 150 and len(fixture["lexicon"]) >= 100  # type: ignore[arg-type]
    assert set(scores["status"]) >= {"ok", "empty", "no_words"}
    assert set(scores["language"]) == {"en", "ru", "uk", "other"}
    assert set(scores["sentiment_status"]) >= {"ok", "sentiment_unavailable"}
    assert any(m and h for m, h in zip(matches["mention"], matches["holder"]))
    assert "negated_booster" in matches["category"]
    assert set(matches["dimension"]) >= {"hostility", "hedging", "certainty", "loaded", "naming"}
    assert any(isinstance(n, int) and n > 1 for n in scores["n_sentences"])


@pytest.mark.parametrize("part", ["scores", "scores_mentions", "scores_vader"])
def test_scores_are_unchanged(fixture: dict[str, object], computed: dict[str, Columns], part: str) -> None:
    bad = _differences(fixture[part], computed[part], fixture["texts"])  # type: ignore[arg-type]
    assert not bad, "\n".join(bad[:20])


def _english_matches(matches: Columns, lemma_rows: set[int]) -> list[tuple[object, ...]]:
    return [m for m in zip(*matches.values()) if m[0] not in lemma_rows]


def test_matches_are_unchanged(fixture: dict[str, object], computed: dict[str, Columns]) -> None:
    scores: Columns = fixture["scores"]  # type: ignore[assignment]
    want_cols: Columns = fixture["matches"]  # type: ignore[assignment]
    assert list(want_cols) == list(computed["matches"]) and list(want_cols)[0] == "row"
    lemma_rows = {i for i, lang in enumerate(scores["language"]) if lang in ("ru", "uk")}
    want = _english_matches(want_cols, lemma_rows)
    got = _english_matches(computed["matches"], lemma_rows)
    assert len(want) == len(got) and len(want) >= 100
    bad = [f"match {i}: want {w}, got {g}" for i, (w, g) in enumerate(zip(want, got))
           if any(not _same(a, b) for a, b in zip(w, g))]
    assert not bad, "\n".join(bad[:20])


def _write() -> None:  # pragma: no cover - run by hand, see the module docstring
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from oracle_scoring import fixture_lexicon, fixture_texts

    texts = fixture_texts()
    lexicon = fixture_lexicon(texts)
    data = {"texts": texts, "lexicon": lexicon.to_frame().to_dict("records"), **compute(texts, lexicon)}
    FIXTURE.write_text(json.dumps(data, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}: {len(texts)} texts, {len(lexicon)} lexicon entries")


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/scoring/test_score_equivalence.py --write")
    _write()
