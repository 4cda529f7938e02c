"""Agreement between the two annotators of a Russian gold set, on tiny hand-made fixtures.

No test computes agreement on the committed sets 2, 3 and 4: their numbers are
computed once, by hand, and written into the READMEs; these tests check the arithmetic and the
error paths on frames whose answers are worked out below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.validation import ru_gold
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.ru_gold import ID_COLUMNS, default_labels_path, read_labels
from analysis.validation.ru_gold_agreement import (
    AGREEMENT_COLUMNS,
    INDEPENDENT,
    SAME_SESSION,
    SECOND_READINGS,
    SYSTEM_COLUMNS,
    agreed_mask,
    agreement_markdown,
    annotator2_labels_path,
    article_bootstrap,
    binary_alpha,
    cohen_kappa,
    decision_cued,
    nominal_alpha,
    pair_agreement,
    prf_against,
    read_annotators,
    second_labels_path,
    set_agreement,
    system_against_annotators,
    system_markdown,
    uncued_agreement,
)


def _frame(loaded: list[int], hedge: list[int] | None = None, booster: list[int] | None = None,
           articles: list[str] | None = None) -> pd.DataFrame:
    n = len(loaded)
    arts = articles if articles is not None else [str(i // 2) for i in range(n)]
    return pd.DataFrame({
        "sentence_id": [f"{a}:1:{i}" for i, a in enumerate(arts)], "article_id": arts,
        "loaded_hostile": loaded, "hedge": hedge if hedge is not None else [0] * n,
        "booster": booster if booster is not None else [0] * n,
    })


def test_kappa_matches_the_hand_computation() -> None:
    y1 = np.array([1, 1, 0, 0, 0, 0, 0, 0, 1, 0])
    y2 = np.array([1, 0, 0, 0, 0, 0, 0, 1, 1, 0])
    # observed 8/10; each annotator 3/10 positive -> chance 0.3*0.3 + 0.7*0.7 = 0.58
    assert cohen_kappa(y1, y2) == pytest.approx((0.8 - 0.58) / (1 - 0.58))
    assert cohen_kappa(y1, y1) == 1.0
    assert np.isnan(cohen_kappa(np.zeros(4), np.zeros(4)))      # chance agreement 1: undefined


def test_alpha_matches_the_coincidence_formula() -> None:
    y1, y2 = np.array([1, 1, 0, 0]), np.array([1, 0, 0, 0])
    # 8 values (3 ones, 5 zeros); one disagreeing unit gives o_01 = o_10 = 1
    observed = 2 / 8
    expected = 2 * 3 * 5 / (8 * 7)
    assert nominal_alpha(y1, y2) == pytest.approx(1 - observed / expected)
    assert np.isnan(nominal_alpha(np.ones(3), np.ones(3)))


def test_f1_is_symmetric_and_precision_recall_swap() -> None:
    ref, other = np.array([1, 1, 1, 0, 0]), np.array([1, 0, 0, 1, 0])
    p, r, f1 = prf_against(ref, other)
    assert (p, r) == (0.5, pytest.approx(1 / 3))
    assert f1 == pytest.approx(2 * 1 / (3 + 2))
    rp, rr, rf1 = prf_against(other, ref)
    assert (rp, rr) == (r, p) and rf1 == f1
    assert all(np.isnan(v) for v in prf_against(np.zeros(2), np.zeros(2)))


def test_pair_agreement_on_a_worked_example() -> None:
    a1 = _frame([1, 0, 1, 0, 0, 1], hedge=[1, 1, 0, 0, 0, 0])
    a2 = _frame([1, 1, 1, 0, 0, 0], hedge=[1, 1, 0, 0, 0, 0])
    table = pair_agreement(a1, a2, n_boot=0)
    assert list(table.columns) == list(AGREEMENT_COLUMNS)
    t = {r["target"]: r for r in table.to_dict("records")}
    row = t["hostility+loaded"]
    assert [int(row[c]) for c in ("n", "n_articles", "positives_1", "positives_2", "both_positive")] \
        == [6, 3, 3, 3, 2]
    assert row["raw_agreement"] == pytest.approx(4 / 6)
    assert row["precision_2_vs_1"] == row["recall_2_vs_1"] == pytest.approx(2 / 3)
    assert row["f1_2_vs_1"] == row["f1_1_vs_2"] == pytest.approx(2 / 3)
    assert row["kappa"] == pytest.approx(cohen_kappa(a1["loaded_hostile"].to_numpy(),
                                                     a2["loaded_hostile"].to_numpy()))
    assert t["hedge"]["kappa"] == 1.0 and t["hedge"]["f1_2_vs_1"] == 1.0
    assert str(t["booster"]["status"]).startswith("no positives")
    assert np.isnan(t["booster"]["f1_2_vs_1"])
    assert np.isnan(row["f1_lo"])                               # n_boot=0: no interval


def test_rows_are_matched_by_sentence_id_not_by_order() -> None:
    a1 = _frame([1, 0, 1, 0, 0, 1])
    a2 = _frame([1, 1, 1, 0, 0, 0])
    shuffled = a2.iloc[[5, 2, 0, 4, 1, 3]].reset_index(drop=True)
    pd.testing.assert_frame_equal(pair_agreement(a1, a2, n_boot=100),
                                  pair_agreement(a1, shuffled, n_boot=100))


def test_bootstrap_resamples_whole_articles() -> None:
    y1 = np.array([1, 1, 0, 1, 0, 0])
    y2 = np.array([1, 0, 0, 1, 1, 0])
    f1 = prf_against(y1, y2)[2]
    # one article: every resample is the whole set, so the interval is the point
    one = article_bootstrap(y1, y2, np.array(["a"] * 6), n_boot=200)
    assert one["f1"] == (pytest.approx(f1), pytest.approx(f1))
    # one sentence per article: resamples differ, and the interval holds the estimate
    many = article_bootstrap(y1, y2, np.array(list("abcdef")), n_boot=500)
    lo, hi = many["f1"]
    assert lo < f1 < hi
    again = article_bootstrap(y1, y2, np.array(list("abcdef")), n_boot=500)
    assert again == many                                        # seeded: reproducible


def test_different_sentences_are_an_error() -> None:
    a1 = _frame([1, 0])
    with pytest.raises(ValidationDataError, match="only in annotator 1"):
        pair_agreement(a1, a1.iloc[:1])
    with pytest.raises(ValidationDataError, match="labelled twice"):
        pair_agreement(a1, pd.concat([a1, a1.iloc[:1]]))


def test_bad_flag_and_moved_article_are_errors() -> None:
    a1 = _frame([1, 0])
    with pytest.raises(ValidationDataError, match=r"annotator 2: column 'loaded_hostile' has 'x'"):
        pair_agreement(a1, a1.assign(loaded_hostile=["1", "x"]))
    with pytest.raises(ValidationDataError, match="different article_id"):
        pair_agreement(a1, a1.assign(article_id=["9", "0"]))
    with pytest.raises(ValueError, match="unknown target"):
        pair_agreement(a1, a1, targets=["sarcasm"])


def test_agreed_mask() -> None:
    a1 = _frame([1, 0, 1, 0])
    a2 = _frame([1, 1, 0, 0]).iloc[::-1].reset_index(drop=True)
    assert agreed_mask(a1, a2, "hostility+loaded").tolist() == [True, False, False, True]


def _write_set3(tmp_path: Path, name: str, loaded: list[int]) -> Path:
    labels = ru_gold.ids_frame(ru_gold.split_sentences("7", "1", "Раз два три четыре. Пять шесть семь."),
                               split="dev")
    labels["loaded_hostile"] = loaded
    labels["voice"] = ["own" if v else "" for v in loaded]
    for column, value in (("hedge", 0), ("booster", 0), ("cues", ""), ("note", "")):
        labels[column] = value
    path = tmp_path / name
    labels.to_csv(path, index=False)
    return path


def test_read_annotators_checks_both_files(tmp_path: Path) -> None:
    one = _write_set3(tmp_path, "a1.csv", [1, 0])
    two = _write_set3(tmp_path, "a2.csv", [1, 1])
    a1, a2 = read_annotators("3", one, two)
    row = pair_agreement(a1, a2, n_boot=0).to_dict("records")[0]
    assert (row["positives_1"], row["positives_2"]) == (1, 2)
    with pytest.raises(ValidationDataError, match="missing"):
        read_annotators("3", one, tmp_path / "absent.csv")


@dataclass(frozen=True)
class _Match:
    dimension: str
    term: str


class _FakeMatcher:
    """Flags a word's dimension from a fixed table, so the test does not depend on the lexicons."""

    TABLE = {"режим": "loaded", "возможно": "hedging", "конечно": "certainty"}

    def find(self, text: str) -> list[_Match]:
        words = [w.strip(".,!?").lower() for w in text.split()]
        return [_Match(self.TABLE[w], w) for w in words if w in self.TABLE]


def _gold(loaded: list[int], hedge: list[int]) -> pd.DataFrame:
    texts = ["Режим пал.", "Возможно, дождь.", "Дождь идёт.", "Конечно, режим."]
    return pd.DataFrame({"sentence_id": ["a", "b", "c", "d"], "article_id": ["1", "1", "2", "2"],
                         "text": texts, "loaded_hostile": loaded, "hedge": hedge,
                         "booster": [0, 0, 0, 1], "split": ["dev"] * 4})


def test_system_against_each_annotator_and_the_agreed_items() -> None:
    g1 = _gold([1, 0, 0, 0], [0, 1, 0, 0])
    g2 = _gold([1, 0, 1, 1], [0, 1, 0, 0]).iloc[::-1].reset_index(drop=True)
    t = system_against_annotators(g1, g2, _FakeMatcher())  # type: ignore[arg-type]
    assert list(t.columns) == list(SYSTEM_COLUMNS)
    loaded = {r["reference"]: r for r in t[t["target"] == "hostility+loaded"].to_dict("records")}
    counts = ("n", "positives", "tp", "fp", "fn")
    # predicted loaded: a and d; annotator 1 says a; annotator 2 says a, c, d; agreed: a, b
    assert [loaded["annotator 1"][c] for c in counts] == [4, 1, 1, 1, 0]
    assert [loaded["annotator 2"][c] for c in counts] == [4, 3, 2, 0, 1]
    assert [loaded["agreed"][c] for c in counts] == [2, 1, 1, 0, 0]
    hedge = t[t["target"] == "hedge"].set_index("reference")
    assert hedge["n"].tolist() == [4, 4, 4] and (hedge["f1"] == 1.0).all()
    assert "| agreed |" in system_markdown(t)


def test_system_refuses_different_texts() -> None:
    g1 = _gold([1, 0, 0, 0], [0, 1, 0, 0])
    g2 = g1.assign(text=["Режим пал.", "Иное.", "Дождь идёт.", "Конечно, режим."])
    with pytest.raises(ValidationDataError, match="'b' has a different text"):
        system_against_annotators(g1, g2, _FakeMatcher())  # type: ignore[arg-type]


def test_decision_cued_marks_named_words_and_the_ridicule_article() -> None:
    g = pd.DataFrame({"text": ["Украинские боевики отступили.", "Рост элиты.", "Рост «элиты».", "Дождь."],
                      "article_id": ["1", "1", "2", "3429"]})
    assert decision_cued(g).tolist() == [True, False, True, True]   # «элиты» needs its quotes


def test_markdown_table_has_one_line_per_target() -> None:
    a1 = _frame([1, 0, 1, 0], hedge=[1, 0, 0, 0], booster=[0, 1, 0, 0])
    text = agreement_markdown(pair_agreement(a1, a1, n_boot=0).assign(set="3"))
    lines = text.splitlines()
    assert len(lines) == 2 + 3
    assert lines[2].startswith("| 3 | hostility+loaded | 4 | 2 | 2 | 1.00 | 1.00 [n/a, n/a] |")


@pytest.mark.parametrize(("gold_set", "reading"),
                         [(s, name) for s, readings in SECOND_READINGS.items() for name, _ in readings])
def test_committed_second_annotation_labels_the_same_sentences(gold_set: str, reading: str) -> None:
    second = read_labels(second_labels_path(gold_set, reading), gold_set)  # flags, voice, split valid
    ids = pd.read_csv(default_labels_path(gold_set), dtype=str, keep_default_na=False,
                      usecols=list(ID_COLUMNS))
    pd.testing.assert_frame_equal(second.loc[:, list(ID_COLUMNS)].astype(str),
                                  ids.loc[:, list(ID_COLUMNS)].astype(str))


def test_held_out_sets_come_from_the_evaluation_roles() -> None:
    from analysis.validation.ru_gold_agreement import ANNOTATED_SETS, held_out

    # set 4 was the last held-out set; retired to dev in round 6
    assert held_out(ANNOTATED_SETS) == []
    assert held_out(["2", "3"]) == []


def test_main_scores_every_set_now_none_is_held_out(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    from analysis.validation import ru_gold_agreement as ag

    a1 = _frame([1, 0, 1, 0])
    monkeypatch.setattr(ag, "read_annotators", lambda s, reading=None: (a1, a1))
    scored: list[list[str]] = []

    def fake_system(data_dir: object, gold_sets: list[str]) -> pd.DataFrame:
        scored.append(list(gold_sets))
        return pd.DataFrame(columns=["set", *SYSTEM_COLUMNS])

    monkeypatch.setattr(ag, "system_sets", fake_system)
    assert ag.main(["--data", str(tmp_path), "--n-boot", "0"]) == 0
    out = capsys.readouterr().out
    assert scored == [["2", "3", "4"]]
    # both of set 4's second readings are printed, each under its name
    assert "| 4 | same-session re-labelling | hostility+loaded | 4 | 2 | 2 |" in out
    assert "| 4 | independent annotator | hostility+loaded | 4 | 2 | 2 |" in out
    assert "set 4: same-session re-labelling = labels_annotator2.csv" in out
    assert "not scored" not in out
    assert ag.main(["--data", str(tmp_path), "--n-boot", "0", "--sets", "4",
                    "--score-held-out"]) == 0
    assert scored[-1] == ["4"]
    assert ag.main(["--data", str(tmp_path), "--n-boot", "0", "--sets", "4"]) == 0
    assert scored[-1] == ["4"] and len(scored) == 3          # the flag changes nothing now


def test_closed_form_alpha_equals_the_krippendorff_package() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        y1 = rng.integers(0, 2, 30)
        y2 = np.where(rng.random(30) < 0.2, 1 - y1, y1)
        assert binary_alpha(y1, y2) == pytest.approx(nominal_alpha(y1, y2))
    assert np.isnan(binary_alpha(np.zeros(3), np.zeros(3)))


def test_bootstrap_gives_an_alpha_interval_around_the_estimate() -> None:
    y1 = np.array([1, 1, 0, 1, 0, 0, 1, 0])
    y2 = np.array([1, 0, 0, 1, 1, 0, 1, 0])
    row = pair_agreement(_frame(list(y1), articles=list("abcdefgh")),
                         _frame(list(y2), articles=list("abcdefgh")),
                         targets=["hostility+loaded"], n_boot=500).iloc[0]
    assert row["alpha_lo"] < row["alpha"] < row["alpha_hi"]
    assert np.isnan(pair_agreement(_frame([1, 0]), _frame([1, 0]), n_boot=0)["alpha_lo"]).all()


def test_set_4_names_its_re_labelling_and_its_independent_annotator() -> None:
    assert [name for name, _ in SECOND_READINGS["4"]] == [SAME_SESSION, INDEPENDENT]
    assert SAME_SESSION == "same-session re-labelling" and INDEPENDENT == "independent annotator"
    assert second_labels_path("4", INDEPENDENT).name == "labels_independent.csv"
    assert second_labels_path("4", SAME_SESSION) == annotator2_labels_path("4")
    assert second_labels_path("2", INDEPENDENT) == annotator2_labels_path("2")
    with pytest.raises(ValueError, match="no reading 'third'"):
        second_labels_path("4", "third")
    with pytest.raises(ValueError, match="no second reading"):
        second_labels_path("1")


def _write_set4(folder: Path, name: str, loaded: list[int]) -> None:
    text = "Раз два три четыре. Пять шесть семь. Восемь девять десять. Один два три."
    labels = ru_gold.ids_frame(ru_gold.split_sentences("7", "1", text), split="test")
    labels["loaded_hostile"] = loaded
    labels["voice"] = ["quoted" if v else "" for v in loaded]
    for column, value in (("hedge", 1), ("booster", 0), ("cues", ""), ("note", "")):
        labels[column] = value
    labels.to_csv(folder / name, index=False)


def test_set_agreement_reports_each_reading_of_set_4(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    from analysis.validation import ru_gold_agreement as ag

    _write_set4(tmp_path, "labels.csv", [1, 0, 1, 0])
    _write_set4(tmp_path, "labels_annotator2.csv", [1, 0, 1, 0])     # re-labelling: identical
    _write_set4(tmp_path, "labels_independent.csv", [1, 1, 0, 0])    # one of two positives shared
    monkeypatch.setattr(ag, "default_labels_path", lambda gold_set="1": tmp_path / "labels.csv")
    table = set_agreement(["4"], n_boot=0)
    assert list(table.columns) == ["set", "reading", *AGREEMENT_COLUMNS]
    loaded = table[table["target"] == "hostility+loaded"].set_index("reading")
    assert loaded.loc[SAME_SESSION, "kappa"] == 1.0 and loaded.loc[SAME_SESSION, "f1_2_vs_1"] == 1.0
    # independent: raw 2/4, both 1 of 2 + 2 positives -> F1 0.5; chance 0.5 -> kappa 0
    ind = loaded.loc[INDEPENDENT]
    assert (ind["raw_agreement"], ind["f1_2_vs_1"], ind["kappa"]) == (0.5, 0.5, 0.0)
    assert ind["alpha"] == pytest.approx(1 - 2 * 7 / (4 * 4))          # d=2, N=8, n0=n1=4
    assert np.isnan(table[table["target"] == "hedge"]["kappa"]).all()  # all 1: chance agreement 1
    lines = agreement_markdown(table).splitlines()
    assert lines[0].startswith("| set | second reading | target |")
    assert lines[2].startswith("| 4 | same-session re-labelling | hostility+loaded | 4 | 2 | 2 | 1.00 |")
    assert lines[5].startswith("| 4 | independent annotator | hostility+loaded | 4 | 2 | 2 | 0.50 |")
    with pytest.raises(ValueError, match="no second reading"):
        set_agreement(["1"], n_boot=0)


def test_uncued_agreement_drops_the_sentences_set_4s_decisions_name() -> None:
    from analysis.validation.ru_gold_agreement import DECISION_CUES, DECISION_CUES_SET4

    texts = ["Англосаксы правят.", "Это клоун.", "Режим пал.", "Дождь идёт."]
    g1 = pd.DataFrame({"sentence_id": list("abcd"), "article_id": ["1", "1", "2", "2"],
                       "text": texts, "loaded_hostile": [1, 1, 1, 0], "hedge": [0] * 4,
                       "booster": [0] * 4})
    g2 = g1.assign(loaded_hostile=[0, 0, 1, 1])
    assert set(DECISION_CUES) < set(DECISION_CUES_SET4)
    every = pair_agreement(g1, g2, n_boot=0).iloc[0]
    sets_2_3 = uncued_agreement(g1, g2, n_boot=0).iloc[0]             # no set-2/3 cue here
    set_4 = uncued_agreement(g1, g2, cues=DECISION_CUES_SET4, n_boot=0).iloc[0]
    assert (every["n"], sets_2_3["n"], set_4["n"]) == (4, 4, 2)
    # left: c (1, 1) and d (0, 1): F1 2*1/(1+2)
    assert set_4["f1_2_vs_1"] == pytest.approx(2 / 3) and every["f1_2_vs_1"] == pytest.approx(0.4)


def test_main_names_an_unreadable_labels_file_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # review5: a corrupted labels file was a traceback out of main
    from analysis.validation import ru_gold_agreement

    (tmp_path / "labels.csv").write_bytes(b"sentence_id,start\n\xff\n")
    monkeypatch.setattr(ru_gold_agreement, "default_labels_path", lambda gold_set: tmp_path / "labels.csv")
    assert ru_gold_agreement.main(["--sets", "3", "--n-boot", "10"]) == 2
    err = capsys.readouterr().err
    assert "Russian gold agreement:" in err and "labels.csv: line 2 is not UTF-8" in err


def test_binary_measures_refuse_other_codes_and_lengths() -> None:
    # review5: a code 2 was read as True and agreed with 1 (alpha 1.0 where nominal alpha is 0.4)
    from analysis.validation.ru_gold_agreement import binary_alpha, cohen_kappa

    for measure in (binary_alpha, cohen_kappa):
        with pytest.raises(ValueError, match="codes other than 0/1: \\[2\\]"):
            measure(np.array([0, 2]), np.array([0, 1]))
        with pytest.raises(ValueError, match="shapes \\(2,\\) and \\(3,\\)"):
            measure(np.array([0, 1]), np.array([0, 1, 1]))
        assert measure(np.array([True, False]), np.array([1.0, 0.0])) == 1.0
