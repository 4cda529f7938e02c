"""Clustering renderings of one statement: translations, partial quotes, negatives."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compare.align import align_renderings, rendering_similarity

# Renderings of one Medvedev Telegram post as printed by four of the seed
# articles (two translations, one quoting only the second sentence).
FULL_A = (
    "Our Army is pushing forward and will continue to advance. Everything that needs to be "
    "blown up will be blown up, and those who must be eliminated will be."
)
SECOND_SENTENCE_A = (
    "Everything that needs to be blown up will be blown up, and those who must be eliminated will be."
)
FULL_B = (
    "Our army is actively advancing and will continue to advance. Everything that should "
    "explode will explode, and everybody who should be exterminated will disappear"
)
SECOND_SENTENCE_B = (
    "Everything that should explode will explode, and everybody who should be exterminated "
    "will disappear"
)
RETRIBUTION = "Retribution is inevitable,"
MEMORANDUM = "This is the meaning of the Russian memorandum published yesterday (June 2)."
CEASEFIRE = "We insist on a full and unconditional ceasefire for at least 30 days on land, at sea and in the air."


def test_fixture_texts_are_real_seed_renderings(seed_texts: dict[str, str]) -> None:
    corpus = "\n".join(seed_texts.values())
    for text in (FULL_A, SECOND_SENTENCE_A, FULL_B, RETRIBUTION.rstrip(","), MEMORANDUM):
        assert text in corpus


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    rows = [
        ("aa", "Medvedev", FULL_A),
        ("reuters", "Medvedev", FULL_A),
        ("ie", "Medvedev", SECOND_SENTENCE_A),
        ("ki", "Medvedev", FULL_B),
        ("aa", "Medvedev", RETRIBUTION),
        ("reuters", "Medvedev", "Retribution is inevitable."),
        ("ki", "Medvedev", MEMORANDUM),
        ("ie", "Zelensky", CEASEFIRE),
        ("aa", "Medvedev", ""),
    ]
    return pd.DataFrame(rows, columns=["article_id", "speaker", "text"], index=range(100, 109))


@pytest.mark.parametrize(
    "a,b",
    [(FULL_A, FULL_B), (SECOND_SENTENCE_A, SECOND_SENTENCE_B), (FULL_A, SECOND_SENTENCE_B),
     (SECOND_SENTENCE_A, FULL_B)],
)
def test_translation_variants_pass_default_threshold(a: str, b: str) -> None:
    assert rendering_similarity(a, b) >= 0.55


@pytest.mark.parametrize(
    "a,b",
    [(FULL_A, RETRIBUTION), (FULL_A, MEMORANDUM), (MEMORANDUM, CEASEFIRE), (RETRIBUTION, MEMORANDUM),
     (FULL_B, CEASEFIRE)],
)
def test_unrelated_quotes_stay_below_threshold(a: str, b: str) -> None:
    assert rendering_similarity(a, b) < 0.55


def test_similarity_is_symmetric_and_bounded() -> None:
    assert rendering_similarity(FULL_A, FULL_B) == rendering_similarity(FULL_B, FULL_A)
    assert rendering_similarity(FULL_A, FULL_A) == 1.0
    assert rendering_similarity("", FULL_A) == 0.0


def test_clusters(statements: pd.DataFrame) -> None:
    out = align_renderings(statements, speaker_col="speaker")
    ids = out["rendering_id"].tolist()
    assert ids[:4] == [0, 0, 0, 0]  # four renderings of one post, two translations
    assert ids[4] == ids[5] != ids[0]  # "Retribution is inevitable" in two outlets
    assert len(set(ids[6:])) == 3 and not set(ids[6:]) & set(ids[:6])
    assert out["rendering_size"].tolist()[:6] == [4, 4, 4, 4, 2, 2]
    assert out.loc[100, "rendering_n_groups"] == 4
    assert out["rendering_similarity"].isna().tolist() == [False] * 6 + [True] * 3
    pd.testing.assert_index_equal(out.index, statements.index)
    pd.testing.assert_frame_equal(out[statements.columns], statements)


def test_speaker_blocking_keeps_same_words_of_different_speakers_apart() -> None:
    st = pd.DataFrame(
        {"article_id": [1, 2, 3], "speaker": ["A", "B", None], "text": [RETRIBUTION] * 3}
    )
    assert align_renderings(st, speaker_col="speaker")["rendering_id"].tolist() == [0, 1, 2]
    assert align_renderings(st)["rendering_id"].tolist() == [0, 0, 0]


def _same_cluster_pairs(out: pd.DataFrame) -> set[tuple[int, int]]:
    ids = out["rendering_id"]
    return {(i, j) for i in out.index for j in out.index if i < j and ids[i] == ids[j]}


def test_result_does_not_depend_on_row_order(statements: pd.DataFrame) -> None:
    forward = align_renderings(statements, speaker_col="speaker")
    backward = align_renderings(statements.iloc[::-1], speaker_col="speaker")
    assert _same_cluster_pairs(forward) == _same_cluster_pairs(backward)
    assert backward["rendering_id"].iloc[0] == 0  # ids follow the frame's own order


def test_bad_arguments_are_named(statements: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="'quote'"):
        align_renderings(statements, text_col="quote")
    with pytest.raises(ValueError, match="threshold"):
        align_renderings(statements, threshold=0)
