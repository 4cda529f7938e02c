"""Process-pool scoring: same rows as in-process scoring, in input order, bounded.

The executor (``analysis.scale.parallel``) is tested with a stand-in scorer;
the engine on several processes (``analysis.scoring.chunks``) with the real one.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from typing import Any

import pandas as pd
import pytest

from analysis.scale.parallel import (
    default_chunk_size,
    imap_ordered,
    map_frame_parallel,
    resolve_jobs,
    resolve_scorer,
    score_texts,
    split_chunks,
    text_length_scorer,
)
from analysis.scoring.chunks import score_frame_parallel

STAND_IN = "analysis.scale.parallel:text_length_scorer"


def test_resolve_jobs_maps_non_positive_to_core_count() -> None:
    cores = os.cpu_count() or 1
    assert [resolve_jobs(j) for j in (-1, 0, None, 1, 3)] == [cores, cores, cores, 1, 3]


def test_resolve_scorer_rejects_malformed_reference() -> None:
    with pytest.raises(ValueError, match="resolve_scorer: scorer must look like 'package.module:function'; got"):
        resolve_scorer("analysis.scale.parallel")


def test_split_chunks_covers_every_value_once() -> None:
    values = list(range(10))
    chunks = list(split_chunks(values, 3))
    assert [len(c) for c in chunks] == [3, 3, 3, 1]
    assert sum(chunks, []) == values


def test_default_chunk_size_is_bounded() -> None:
    assert default_chunk_size(10, 2) == 64
    assert default_chunk_size(10_000_000, 2) == 20_000


def test_score_texts_passes_raw_values_to_scorer() -> None:
    out = score_texts(["abc", None, float("nan")], "text", text_length_scorer)
    assert out["status"].tolist() == ["ok", "missing", "missing"]
    assert list(out.index) == [0, 1, 2]


def test_parallel_keeps_index_and_order(statements: pd.DataFrame) -> None:
    df = statements.set_index(pd.Index([f"row{i}" for i in range(len(statements))][::-1]))
    one = map_frame_parallel(df, "text", STAND_IN, jobs=1)
    two = map_frame_parallel(df, "text", STAND_IN, jobs=2, chunk_size=3)
    pd.testing.assert_frame_equal(one, two)
    assert list(two.index) == list(df.index)
    expected = [len(t) if isinstance(t, str) else 0 for t in df["text"]]
    assert two["n_chars"].tolist() == expected


def test_parallel_missing_column_names_columns(statements: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="map_frame_parallel: df is missing column 'body'; its columns are 'id', 'text'"):
        map_frame_parallel(statements, "body", STAND_IN, jobs=2)


@pytest.mark.parametrize("chunk_size", [0, -5])
def test_parallel_rejects_a_chunk_size_that_makes_no_chunks(statements: pd.DataFrame, chunk_size: int) -> None:
    # a size below 1 would split the rows into no chunks at all: every row would be lost
    with pytest.raises(ValueError, match=rf"map_frame_parallel: chunk_size must be >= 1; got {chunk_size}"):
        map_frame_parallel(statements, "text", STAND_IN, jobs=2, chunk_size=chunk_size)


def test_parallel_empty_frame_has_scorer_columns() -> None:
    out = map_frame_parallel(pd.DataFrame({"text": pd.Series([], dtype=object)}), "text", STAND_IN, jobs=2)
    assert list(out.columns) == ["n_chars", "status"] and len(out) == 0


class _RecordingSubmitter:
    """Runs each call at once and records the most chunks submitted but not yet handed back."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.calls = 0
        self.handed_back = 0
        self.peak = 0
        self.fail_on = fail_on

    def submit(self, fn: Any, /, *args: Any) -> Future[Any]:
        self.calls += 1
        self.peak = max(self.peak, self.calls - self.handed_back)
        fut: Future[Any] = Future()
        if self.fail_on == self.calls:
            fut.set_exception(RuntimeError("boom"))
        else:
            fut.set_result(fn(*args))
        return fut


def test_imap_ordered_is_ordered_and_bounded() -> None:
    sub = _RecordingSubmitter()
    chunks = [["a" * i] for i in range(1, 8)]
    results = []
    for r in imap_ordered(sub, iter(chunks), max_in_flight=2, scorer=text_length_scorer):
        sub.handed_back += 1
        results.append(r["n_chars"].item())
    assert results == list(range(1, 8))
    assert sub.peak == 2


def test_imap_ordered_raises_worker_error() -> None:
    sub = _RecordingSubmitter(fail_on=2)
    gen = imap_ordered(sub, iter([["a"], ["b"], ["c"]]), max_in_flight=1, scorer=text_length_scorer)
    assert next(gen)["n_chars"].item() == 1
    with pytest.raises(RuntimeError, match="boom"):
        next(gen)


# --- with the real engine ---------------------------------------------------


def test_score_chunk_frame_marks_non_text_invalid() -> None:
    from analysis.scoring.chunks import score_chunk_frame

    df = pd.DataFrame({"text": ["They are idiots.", 42, None, ["a"], ""]}, index=list("abcde"))
    out = score_chunk_frame(df)
    assert out["status"].tolist() == ["ok", "invalid", "missing", "invalid", "empty"]
    assert out.loc["a", "hostility_count"] == 1
    assert (out.loc[["b", "d"], "n_tokens"] == 0).all()
    assert list(out.index) == list("abcde")


def test_engine_jobs_two_identical_to_score_frame(statements: pd.DataFrame) -> None:
    from analysis.scoring.score import score_frame

    df = pd.concat([statements] * 40, ignore_index=True)
    df.index = df.index * 3  # a non-default index must survive
    expected = score_frame(df, "text")
    got = score_frame_parallel(df, "text", jobs=2, chunk_size=37)
    pd.testing.assert_frame_equal(got, expected)
    # score_frame's own jobs= goes through the same path
    pd.testing.assert_frame_equal(score_frame(df, "text", jobs=2), expected)


def test_engine_kwargs_reach_workers(statements: pd.DataFrame) -> None:
    from analysis.scoring.lexicon import Lexicon
    from analysis.scoring.score import score_frame

    extra = Lexicon.from_records(
        [{"term": "constructive", "category": "insult", "weight": 2, "note": "test term"}], dimension="hostility"
    )
    kw = {"lexicons": [extra], "sentiment": "none"}
    expected = score_frame(statements, "text", **kw)
    got = score_frame_parallel(statements, "text", jobs=2, chunk_size=3, **kw)
    pd.testing.assert_frame_equal(got, expected)
    assert got.loc[0, "hostility_count"] == 1 and got["sentiment_compound"].isna().all()


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_thread_safe_start_methods_give_same_rows(statements: pd.DataFrame, method: str) -> None:
    one = score_frame_parallel(statements, "text", jobs=1)
    two = score_frame_parallel(statements, "text", jobs=2, chunk_size=4, start_method=method)
    pd.testing.assert_frame_equal(one, two)
