"""score_frame pauses the cyclic garbage collector; that is only safe if scoring makes no cycles.

The pause (``analysis.scoring.score._collector_paused``) is a speed measure:
full collections scan every object of the process.  These tests pin what
makes it harmless: scoring leaves no cyclic garbage behind, and the
collector is back in its previous state afterwards, also after an error.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from analysis.corpus.external import load_press_releases
from analysis.scoring.score import _collector_paused, score_frame

MIXED = [
    "They are idiots.", "It may rain. The regime is doomed!", None, "", "   ", ".",
    'Troops entered what Moscow calls "liberated" Kherson.', "Киевский режим обстреливает Донецк.",
    "Рашисти обстріляли Київ.", "THE REGIME SAID IT WAS NOT GOOD, but the ending was great?!",
]


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    # back to the state before the test, whatever the test left (a test that
    # disables it must not leave the rest of the session without a collector)
    if was:
        gc.enable()
    else:
        gc.disable()


def _texts() -> list[object]:
    bodies = load_press_releases()["body"].fillna("").head(40).tolist()
    return [*MIXED, *bodies]


@pytest.mark.parametrize("unit", ["text", "sentence"])
def test_scoring_leaves_no_cyclic_garbage(collector_on: None, unit: str) -> None:
    df = pd.DataFrame({"text": pd.Series(_texts(), dtype=object)})
    score_frame(df, unit=unit)  # first use: lazy loads (modules, lemma resources) may build cycles
    gc.collect()
    gc.disable()
    try:
        out = score_frame(df, unit=unit)
        left = gc.collect()
    finally:
        gc.enable()
    assert len(out) >= len(df)
    assert left == 0, f"one score_frame left {left} objects only the cyclic collector frees"


def test_score_frame_resumes_the_collector(collector_on: None) -> None:
    score_frame(pd.DataFrame({"text": MIXED}))
    assert gc.isenabled()
    with pytest.raises(TypeError):
        score_frame(pd.DataFrame({"text": ["fine", 3]}))
    assert gc.isenabled()


def test_pause_resumes_after_an_error_and_keeps_it_off_if_it_was(collector_on: None) -> None:
    with pytest.raises(RuntimeError), _collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    with _collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_overlapping_pauses_in_threads_restore_the_state_the_first_one_found(collector_on: None) -> None:
    # thread A pauses, B pauses while A is in, A leaves, B leaves: the
    # collector stays paused until B is out too, and is then back on
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with _collector_paused():
            a_in.set()
            b_in.wait(10)
        a_out.set()

    def second() -> None:
        a_in.wait(10)
        with _collector_paused():
            b_in.set()
            a_out.wait(10)
            seen["after A left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert seen == {"after A left": False}
    assert gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_concurrent_score_frames_leave_the_collector_as_they_found_it(collector_on: None, enabled: bool) -> None:
    if not enabled:
        gc.disable()
    df = pd.DataFrame({"text": pd.Series(MIXED * 30, dtype=object)})
    with ThreadPoolExecutor(max_workers=4) as pool:
        outs = list(pool.map(lambda _: score_frame(df), range(8)))
    assert gc.isenabled() is enabled
    for out in outs[1:]:
        pd.testing.assert_frame_equal(out, outs[0])
