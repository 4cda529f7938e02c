"""Loaded-language report: metrics, length check, category precision, ranking score, CLI.

Scored with the fake scorer of conftest.py on hand-made units and SemEval-format files.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
import pytest

from analysis.scoring.indices import (
    RANKING_CONTRIBUTIONS,
    loaded_ranking_contributions,
    loaded_ranking_score,
)
from analysis.validation import cli, metrics
from analysis.validation.loaded_eval import (
    BASELINES,
    METHODS,
    PART_COLUMNS,
    RANKING,
    ScoredUnits,
    bootstrap_auc,
    category_precision,
    counted_matches,
    headline_metrics,
    length_check,
    length_quintiles,
    score_units,
    targets_table,
    top_scored,
)
from analysis.validation.loaded_report import SEMEVAL_NAME, WAR_NAME, evaluate_loaded
from tests.validation.test_semeval import write_semeval

TEXTS = [
    ("They are traitors.", True), ("An evil, monstrous plan.", True), ("The weather is fine.", False),
    ("We met on Monday and talked for a long while about the budget.", False),
    ("Perhaps the traitors will come.", True), ("A calm report.", False),
]


def units(n_articles: int = 12) -> pd.DataFrame:
    rows = []
    for a in range(n_articles):
        for i, (text, label) in enumerate(TEXTS):
            rows.append({"text": text, "label": label if (a + i) % 5 else not label,
                         "split": "dev" if a < n_articles // 2 else "test",
                         "article_id": f"a{a}", "n_words": len(text.split())})
    return pd.DataFrame(rows)


@pytest.fixture()
def scored(fake_scorer, fake_matcher) -> ScoredUnits:
    return score_units("fake", units(), fake_scorer, fake_matcher)


def test_score_units_adds_every_score_and_parts(scored):
    u = scored.units
    for column in (*METHODS, *BASELINES, *PART_COLUMNS, "matched"):
        assert column in u.columns
    assert np.allclose(u[list(PART_COLUMNS)].sum(axis=1), u[RANKING])
    first = u.iloc[0]
    assert first.matched == [(9, 17, "traitors", "insult", "hostility")]
    assert first["lexicon weight (hostility + loaded)"] == 1.0


def test_headline_threshold_is_chosen_on_dev_and_ci_brackets_auc(scored):
    h = headline_metrics(scored, n_boot=200)
    assert set(h.split) == {"dev", "test"}
    for (_score, _), part in h.groupby(["score", "kind"]):
        assert part.threshold.nunique() == 1  # the dev threshold is applied to test unchanged
    for r in h.itertuples():
        assert r.auc_lo <= r.auc + 1e-12 and r.auc <= r.auc_hi + 1e-12
    u = scored.units
    dev = u[u.split == "dev"]
    t, _ = metrics.best_f1_threshold(dev.label, dev[RANKING])
    assert h[(h.score == RANKING)].threshold.iloc[0] == t


def test_bootstrap_resamples_articles_and_is_deterministic():
    y = np.array([0, 1] * 30)
    s = y + np.random.default_rng(0).normal(0, 1, 60)
    c = np.arange(60) // 6
    assert bootstrap_auc(y, s, c, n_boot=100) == bootstrap_auc(y, s, c, n_boot=100)
    lo, hi = bootstrap_auc(y, s, c, n_boot=100)
    assert 0 <= lo < hi <= 1
    assert np.isnan(bootstrap_auc(np.ones(4, bool), s[:4], c[:4], n_boot=10)[0])


def test_length_check_quintiles_use_dev_edges(scored):
    words = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dtype=float)
    assert length_quintiles(np.array([0.0, 100.0]), words).tolist() == [1, 5]
    lc = length_check(scored)
    words_row = lc[(lc.score == "words") & (lc.split == "dev")].iloc[0]
    assert words_row.spearman_words == pytest.approx(1.0)
    n_cols = [f"n_q{q}" for q in range(1, 6)]
    assert lc[n_cols].sum(axis=1).tolist() == [36] * len(lc)


def test_category_precision_leaves_out_naming_and_mentions():
    m = pd.DataFrame({"dimension": ["loaded", "naming", "hostility"], "mention": [False, False, True]})
    assert counted_matches(m).index.tolist() == [0]
    u = pd.DataFrame({
        "split": ["test"] * 40, "label": [i % 2 == 0 for i in range(40)],
        "matched": [[(0, 1, "x", "insult", "hostility")]] * 40,
    })
    table = category_precision(ScoredUnits("x", u))
    row = table.iloc[0]
    assert (row.n, row.precision, bool(row.below_target), bool(row.too_few)) == (40, 0.5, True, False)


def test_mentions_and_naming_do_not_count_in_the_weight(fake_scorer, fake_matcher):
    def matcher(df):
        m = fake_matcher(df)
        extra = m.iloc[:0].copy()
        if len(m):
            extra = m.copy()
            extra["dimension"] = "naming"
        out = pd.concat([m, extra], ignore_index=True)
        out["mention"] = [t == "evil" for t in out["term"]]
        return out

    su = score_units("fake", units(2), fake_scorer, matcher)
    evil = su.units[su.units.text.str.startswith("An evil")].iloc[0]
    assert evil["lexicon weight (hostility + loaded)"] == 1.0  # "monstrous" only; "evil" is a mention
    assert all(m[4] != "naming" for ms in su.units.matched for m in ms)


def test_targets_table_and_top_scored(scored):
    h = headline_metrics(scored, n_boot=20).assign(dataset="PTC-2020")
    t = targets_table(h, pd.DataFrame())
    assert t.measure.tolist() == ["PTC-2020 AUC", "PTC-2020 F1 (dev-chosen threshold)"]
    top = top_scored(scored, k=3)
    assert len(top) == 3 and top.score.is_monotonic_decreasing
    assert top.fragments.iloc[0].startswith("insult: An evil, monstrous")  # weight 3: the top unit


def test_ranking_contributions_add_up_and_are_length_aware():
    df = pd.DataFrame({"hostility_score": [100.0, 10.0, 50.0], "loaded_score": [0.0, 0.0, 50.0],
                       "n_tokens": [10, 100, 20], "sentiment_neg": [0.2, 0.0, 0.5],
                       "sentiment_pos": [0.0, 0.4, 0.1], "status": ["ok", "ok", "no_words"]})
    parts = loaded_ranking_contributions(df, form="v1", exponent=1.0)
    assert np.allclose(parts[list(RANKING_CONTRIBUTIONS)].sum(axis=1), parts["score"])
    assert parts["length_factor"].round(3).tolist() == [1.0, 0.25, 1.0]
    assert parts["weight"].tolist()[:2] == [1.0, 1.0]
    assert parts.loc[2, "score"] == 0.0  # not ok: neutral value, row kept
    assert parts["status"].tolist() == ["ok", "ok", "no_words"]
    assert loaded_ranking_score(df, form="v1").index.tolist() == [0, 1, 2]
    v2 = loaded_ranking_contributions(df, ['The "traitors" came!', "Fine.", "x"], exponent=1.0)
    assert np.allclose(v2[list(RANKING_CONTRIBUTIONS)].sum(axis=1), v2["score"])
    assert v2.loc[0, "scare_quotes"] == 1.0 and v2.loc[2, "score"] == 0.0
    with pytest.raises(ValueError, match="exponent"):
        loaded_ranking_contributions(df, form="v1", exponent=-1)


def test_evaluate_loaded_on_semeval_files_without_ptc(tmp_path, fake_scorer, fake_matcher, monkeypatch):
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    root = write_semeval(tmp_path)
    r = evaluate_loaded(root, scorer=fake_scorer, matcher=fake_matcher, n_boot=20)
    assert set(r.headline.dataset) == {SEMEVAL_NAME, WAR_NAME}
    assert any("PTC-2020 part not run" in n for n in r.notes)
    assert any("1 labelled paragraph(s) have no translation" in n for n in r.notes)
    assert any("false-positive reading not run" in n for n in r.notes)
    war = r.scored[WAR_NAME].units
    assert set(war.article_id) == {"fr:10", "po:40"}


def test_validate_command_with_semeval_only(tmp_path, capsys, monkeypatch, fake_scorer, fake_matcher):
    import analysis.validation.scorers as sc

    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(sc, "default_matcher", lambda: fake_matcher)
    root = write_semeval(tmp_path)
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    assert cli.run(parser.parse_args(["--data", str(root)])) == 0
    out = capsys.readouterr().out
    assert "## Loaded language or name calling, test parts" in out
    assert "SemEval-2023 war subset" in out
    assert "## Length check, test parts" in out


def test_ranking_grid_reads_dev_only_and_puts_near_best_first(scored):
    from analysis.validation.ranking import ranking_grid

    grid = {"exponent": (0.0, 1.0), "negative_weight": (0.0, 1.5), "positive_weight": (0.0,)}
    table = ranking_grid([scored], grid)
    assert len(table) == 4
    best = table["mean auc_within"].max()
    near = table["near_best"].to_numpy()
    assert near[0] and (table.loc[near, "mean auc_within"] >= best - 0.002).all()
    assert table.loc[near, "mean auc"].is_monotonic_decreasing
    # dev only: changing every test label leaves the grid unchanged
    flipped = ScoredUnits(scored.name, scored.units.assign(
        label=np.where(scored.units.split == "test", ~scored.units.label, scored.units.label)),
        scores=scored.scores)
    pd.testing.assert_frame_equal(ranking_grid([flipped], grid), table)


def test_ranking_alternatives_are_measured_on_dev_only(scored):
    from analysis.validation.ranking import ALTERNATIVES, alternatives_table

    table = alternatives_table([scored])
    assert table["form"].tolist() == list(ALTERNATIVES)
    assert table.filter(like=": auc").stack().between(0, 1).all()
    flipped = ScoredUnits(scored.name, scored.units.assign(
        label=np.where(scored.units.split == "test", ~scored.units.label, scored.units.label)),
        scores=scored.scores)
    pd.testing.assert_frame_equal(alternatives_table([flipped]), table)


def test_half_check_chooses_on_one_article_half_and_scores_the_other(scored):
    from analysis.validation.ranking import article_half, half_check

    grid = {"negative_weight": (0.5, 1.5), "scare_quote_weight": (0.0, 1.0)}
    table = half_check([scored], grid)
    assert table["chosen on half"].tolist() == [0, 1]
    assert table.filter(like="auc").stack().between(0, 1).all()
    halves = article_half(scored.units["article_id"])
    assert set(halves) == {0, 1}
    assert (pd.Series(halves).groupby(scored.units["article_id"]).nunique() == 1).all()
