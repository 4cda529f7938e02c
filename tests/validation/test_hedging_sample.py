"""Tests for the hedging gold-set sampler and the frozen labels file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import hedging_sample as hs

LABEL_VALUES = {"neither", "hedge", "booster", "both"}
EXPECTED_LABEL = {(0, 0): "neither", (1, 0): "hedge", (0, 1): "booster", (1, 1): "both"}


@pytest.fixture(scope="session")
def committed_sample() -> pd.DataFrame:
    return pd.read_csv(hs.SAMPLE_CSV, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def labels() -> pd.DataFrame:
    return pd.read_csv(hs.LABELS_CSV, dtype=str, keep_default_na=False)


@pytest.fixture()
def tiny_inputs(tmp_path: Path) -> tuple[dict[str, Path], Path]:
    """Two small press-release tables and two seed files."""
    bodies = {
        "putin": [
            "President of Russia Vladimir Putin: Colleagues, we will discuss the budget today. "
            "Of course, the situation is difficult for everyone here. Thank you. "
            "Prices may rise by about five percent this year.",
            "The talks lasted two hours in the Kremlin on Monday. We are sure of our success in this.",
        ],
        "zelenskyy": [
            "Good evening, great people of our state! Glory to Ukraine! "
            "We will definitely overcome this path together. Perhaps the sanctions will work soon.",
            "The President held a meeting with the military command today. "
            "According to him, the situation in the east remains very difficult.",
        ],
    }
    files = {}
    for name, texts in bodies.items():
        path = tmp_path / f"{name}.csv"
        pd.DataFrame(
            {"link": [f"https://example.org/{name}/{i}" for i in range(len(texts))], "body": texts}
        ).to_csv(path, index=False)
        files[name] = path
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Medvedev says the talks are about victory, not compromise.\n"
        "Advertisement\nThe talks apparently ended without a ceasefire deal.\n"
        "Next In World\nHeatwave hits Finland and Sweden and triggers health warnings\n",
        encoding="utf-8",
    )
    (seeds / "b.txt").write_text(
        "Ukraine has repeatedly accused Moscow of stalling the negotiations.\n", encoding="utf-8"
    )
    return files, seeds


def test_tokenizer_keeps_abbreviations_together() -> None:
    tok = hs.english_sentence_tokenizer()
    assert tok.tokenize("Mr. Smith met Dr. Jones. They talked.") == [
        "Mr. Smith met Dr. Jones.",
        "They talked.",
    ]


@pytest.mark.parametrize(
    ("sentence", "usable"),
    [
        ("Glory to Ukraine!", False),
        ("The talks lasted only one hour on Monday.", True),
        ("* * * Speech by the President at the meeting today", False),
        ("Story continues below this ad and more words", False),
        (" ".join(["word"] * 61), False),
        ("ONE TWO THREE FOUR FIVE SIX", False),
    ],
)
def test_is_usable_sentence(sentence: str, usable: bool) -> None:
    assert hs.is_usable_sentence(sentence) is usable


def test_seed_tail_and_boilerplate_removed(tiny_inputs) -> None:
    _, seeds = tiny_inputs
    pool = hs.candidate_pool([hs.seed_sentences(seeds)])
    texts = pool["sentence"].tolist()
    assert "The talks apparently ended without a ceasefire deal." in texts
    assert not any("Heatwave" in t or "Advertisement" in t for t in texts)


def test_speaker_label_is_stripped(tiny_inputs) -> None:
    files, _ = tiny_inputs
    sents = hs.press_release_sentences(files)["sentence"].tolist()
    assert "Colleagues, we will discuss the budget today." in sents
    assert not any(s.startswith("President of Russia") for s in sents)


def test_missing_body_column_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "putin.csv"
    pd.DataFrame({"link": ["x"], "text": ["y"]}).to_csv(bad, index=False)
    with pytest.raises(ValueError, match=r"putin\.csv.*body"):
        hs.press_release_sentences({"putin": bad})


def test_stratum_sizes_sum_to_n() -> None:
    assert hs.stratum_sizes(340, 1000) == {"seed": 34, "putin": 153, "zelenskyy": 153}
    sizes = hs.stratum_sizes(101, 3)
    assert sizes["seed"] == 3 and sum(sizes.values()) == 101


def test_sampler_is_deterministic_and_seed_sensitive(tiny_inputs) -> None:
    files, seeds = tiny_inputs
    a = hs.sample_sentences(n=8, seed=1, press_files=files, seeds_dir=seeds)
    b = hs.sample_sentences(n=8, seed=1, press_files=files, seeds_dir=seeds)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == hs.SAMPLE_COLUMNS
    assert a["sentence_id"].tolist() == [f"hs{i:04d}" for i in range(1, 9)]
    assert a["sentence"].is_unique
    c = hs.sample_sentences(n=8, seed=2, press_files=files, seeds_dir=seeds)
    assert a["sentence"].tolist() != c["sentence"].tolist()


def test_sampler_ignores_input_row_order(tiny_inputs, tmp_path: Path) -> None:
    files, seeds = tiny_inputs
    shuffled = tmp_path / "putin_reversed.csv"
    pd.read_csv(files["putin"]).iloc[::-1].to_csv(shuffled, index=False)
    a = hs.sample_sentences(n=6, seed=3, press_files=files, seeds_dir=seeds)
    b = hs.sample_sentences(
        n=6, seed=3, press_files={**files, "putin": shuffled}, seeds_dir=seeds
    )
    pd.testing.assert_frame_equal(a, b)


def test_oversized_stratum_is_a_clear_error(tiny_inputs) -> None:
    files, seeds = tiny_inputs
    with pytest.raises(ValueError, match="stratum 'putin'"):
        hs.sample_sentences(n=200, press_files=files, seeds_dir=seeds)


def test_sampler_reproduces_committed_sample(committed_sample: pd.DataFrame) -> None:
    try:
        files = hs.press_release_files()
    except FileNotFoundError as err:
        pytest.skip(str(err))
    fresh = hs.sample_sentences(press_files=files)
    pd.testing.assert_frame_equal(fresh, committed_sample, check_dtype=False)


def test_committed_sample_is_stratified(committed_sample: pd.DataFrame) -> None:
    strata = committed_sample["source"].str.replace(r"^seed:.*", "seed", regex=True)
    assert strata.value_counts().to_dict() == {"putin": 153, "zelenskyy": 153, "seed": 34}


def test_every_sampled_sentence_is_labelled(committed_sample, labels) -> None:
    assert labels["sentence_id"].tolist() == committed_sample["sentence_id"].tolist()
    assert labels["sentence"].tolist() == committed_sample["sentence"].tolist()
    assert labels["source"].tolist() == committed_sample["source"].tolist()


def test_labels_are_well_formed(labels: pd.DataFrame) -> None:
    assert labels["usable"].isin({"0", "1"}).all()
    assert labels["hedge"].isin({"0", "1"}).all()
    assert labels["booster"].isin({"0", "1"}).all()
    assert labels["label"].isin(LABEL_VALUES).all()
    assert (labels["usable"] == "1").sum() >= 300
    expected = [
        EXPECTED_LABEL[(int(h), int(b))] for h, b in zip(labels["hedge"], labels["booster"])
    ]
    assert labels["label"].tolist() == expected
    # a positive label always names its cue; neither never does
    has_cues = labels["cues"].str.strip() != ""
    assert (has_cues == (labels["label"] != "neither")).all()
    unusable = labels[labels["usable"] == "0"]
    assert (unusable["label"] == "neither").all() and (unusable["note"] != "").all()


def test_split_column_follows_the_documented_rule(labels: pd.DataFrame) -> None:
    assert labels["split"].tolist() == [hs.assign_split(i) for i in labels["sentence_id"]]
    share_dev = (labels["split"] == "dev").mean()
    assert 0.4 < share_dev < 0.6


# --- held-out set 2 -----------------------------------------------------------


@pytest.fixture(scope="session")
def committed_heldout2() -> pd.DataFrame:
    return pd.read_csv(hs.HELDOUT2_SAMPLE_CSV, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def labels_heldout2() -> pd.DataFrame:
    return pd.read_csv(hs.HELDOUT2_LABELS_CSV, dtype=str, keep_default_na=False)


def test_sentence_key_ignores_case_quotes_and_spacing() -> None:
    assert hs.sentence_key("“Talks  ended,” he said.") == hs.sentence_key('"talks ended," he said.')
    assert hs.sentence_key("Talks ended.") != hs.sentence_key("Talks began.")


def test_exclude_removes_sentences_from_the_pool(tiny_inputs) -> None:
    files, seeds = tiny_inputs
    full = hs.sample_sentences(n=8, seed=1, press_files=files, seeds_dir=seeds)
    # excluded by key: a different case and spacing of a drawn sentence still counts
    gone = full["sentence"].iloc[0]
    again = hs.sample_sentences(
        n=7, seed=1, press_files=files, seeds_dir=seeds, exclude=["  " + gone.upper()],
        id_prefix="x",
    )
    assert gone not in again["sentence"].tolist()
    assert again["sentence_id"].tolist() == [f"x{i:04d}" for i in range(1, 8)]


def test_empty_exclude_leaves_the_draw_unchanged(tiny_inputs) -> None:
    files, seeds = tiny_inputs
    a = hs.sample_sentences(n=8, seed=5, press_files=files, seeds_dir=seeds)
    b = hs.sample_sentences(n=8, seed=5, press_files=files, seeds_dir=seeds, exclude=[])
    pd.testing.assert_frame_equal(a, b)


def test_heldout2_needs_set1_labels(tiny_inputs, tmp_path: Path) -> None:
    files, seeds = tiny_inputs
    with pytest.raises(FileNotFoundError, match="set-1 labels"):
        hs.sample_heldout2(files, seeds, labels_csv=tmp_path / "nope.csv")


def test_sampler_reproduces_committed_heldout2(committed_heldout2: pd.DataFrame) -> None:
    try:
        files = hs.press_release_files()
    except FileNotFoundError as err:
        pytest.skip(str(err))
    fresh = hs.sample_heldout2(press_files=files)
    pd.testing.assert_frame_equal(fresh, committed_heldout2, check_dtype=False)


def test_heldout2_is_stratified_and_disjoint_from_set1(committed_heldout2, labels) -> None:
    strata = committed_heldout2["source"].str.replace(r"^seed:.*", "seed", regex=True)
    assert strata.value_counts().to_dict() == {"putin": 99, "zelenskyy": 99, "seed": 22}
    set1 = set(labels["sentence"].map(hs.sentence_key))
    assert not set(committed_heldout2["sentence"].map(hs.sentence_key)) & set1


def test_heldout2_labels_match_sample_and_are_well_formed(committed_heldout2, labels_heldout2) -> None:
    lab = labels_heldout2
    assert list(lab.columns) == list(pd.read_csv(hs.LABELS_CSV, nrows=0).columns)
    for col in ("sentence_id", "source", "sentence"):
        assert lab[col].tolist() == committed_heldout2[col].tolist()
    assert (lab["split"] == hs.HELDOUT2_SPLIT).all()
    for col in ("usable", "hedge", "booster"):
        assert lab[col].isin({"0", "1"}).all()
    expected = [EXPECTED_LABEL[(int(h), int(b))] for h, b in zip(lab["hedge"], lab["booster"])]
    assert lab["label"].tolist() == expected
    has_cues = lab["cues"].str.strip() != ""
    assert (has_cues == (lab["label"] != "neither")).all()
    unusable = lab[lab["usable"] == "0"]
    assert (unusable["label"] == "neither").all() and (unusable["note"] != "").all()
