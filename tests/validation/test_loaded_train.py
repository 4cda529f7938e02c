"""Training the optional model from labelled units, and the train-loaded command."""

from __future__ import annotations

import argparse

import numpy as np

from analysis.validation import loaded_train_cli as loaded_train
from analysis.validation.loaded_eval import ScoredUnits, headline_metrics, score_units
from analysis.validation.loaded_train import MODEL, model_split, model_view, train_loaded
from tests.validation.test_loaded_eval import units


def test_model_split_keeps_test_and_cuts_dev_by_article():
    assert model_split("x", "test") == "test"
    sides = {model_split(f"a{i}", "dev") for i in range(50)}
    assert sides == {"train", "dev"}
    assert model_split("a1", "dev") == model_split("a1", "dev")


def test_train_chooses_l2_on_dev_and_reports_test_as_a_separate_score(fake_scorer, fake_matcher):
    su = score_units("toy", units(40), fake_scorer, fake_matcher)
    trained = train_loaded([su], grid=(0.1, 10.0))
    assert set(trained.grid["l2"]) == {0.1, 10.0}
    assert trained.model.l2 in {0.1, 10.0} and 0.0 <= trained.model.threshold <= 1.0
    assert set(trained.model.thresholds) == {"toy"} and 0.0 <= trained.model.thresholds["toy"] <= 1.0
    view = model_view(su, trained)
    assert set(view.units["split"]) <= {"train", "dev", "test"}
    head = headline_metrics(view, scores=[MODEL])
    assert set(head["split"]) <= {"dev", "test"}  # the rows it was fitted on are never reported
    # dev only: flipping test labels does not change the fitted model
    flipped = ScoredUnits(su.name, su.units.assign(label=np.where(su.units.split == "test", ~su.units.label,
                                                                  su.units.label)), scores=su.scores)
    assert train_loaded([flipped], grid=(0.1, 10.0)).model.weights == trained.model.weights


def test_train_loaded_without_data_exits_2(capsys, monkeypatch, tmp_path):
    parser = argparse.ArgumentParser()
    loaded_train.add_arguments(parser)
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    args = parser.parse_args(["--data", str(tmp_path / "nowhere"), "-o", str(tmp_path / "m.json")])
    assert loaded_train.run(args) == 2
    assert "train-loaded: no labelled data set found" in capsys.readouterr().err
    args = parser.parse_args(["-o", str(tmp_path / "m.json")])
    args.data = None
    assert loaded_train.run(args) == 2
    assert "no data directory" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


def test_train_loaded_command_writes_a_model(tmp_path, capsys, monkeypatch, fake_scorer, fake_matcher):
    import analysis.validation.loaded_report as lr
    import analysis.validation.scorers as sc
    from analysis.scoring.loaded_model import load_model
    from analysis.validation.exceptions import ValidationDataError

    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(sc, "default_matcher", lambda: fake_matcher)

    def no_ptc(data):
        raise ValidationDataError("PTC-2020 not found")

    monkeypatch.setattr(lr, "ptc_units", no_ptc)
    monkeypatch.setattr(lr, "semeval_units", lambda data: units(40))
    parser = argparse.ArgumentParser()
    loaded_train.add_arguments(parser)
    assert loaded_train.run(parser.parse_args(["--data", str(tmp_path), "-o", str(tmp_path / "m.json")])) == 0
    assert load_model(tmp_path / "m.json").features
    captured = capsys.readouterr()
    assert "not used: PTC-2020" in captured.err and "wrote" in captured.out


def test_train_loaded_on_too_few_labels_exits_2(tmp_path, capsys, monkeypatch, fake_scorer, fake_matcher):
    import analysis.validation.scorers as sc
    from tests.validation.test_semeval import write_semeval

    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(sc, "default_matcher", lambda: fake_matcher)
    root = write_semeval(tmp_path)
    parser = argparse.ArgumentParser()
    loaded_train.add_arguments(parser)
    assert loaded_train.run(parser.parse_args(["--data", str(root), "-o", str(tmp_path / "m.json")])) == 2
    assert "need labelled positives and negatives" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


def test_train_options_drop_dense_features_and_count_word_contexts(fake_scorer, fake_matcher):
    from analysis.scoring.loaded_style import STYLE_FEATURES

    su = score_units("toy", units(40), fake_scorer, fake_matcher)
    plain = train_loaded([su], grid=(1.0,), word_grid=(10.0,), drop=STYLE_FEATURES, contexts=False)
    assert not set(STYLE_FEATURES) & set(plain.model.features) and not plain.model.word_contexts
    ctx = train_loaded([su], grid=(1.0,), word_grid=(10.0,), contexts=True)
    assert set(STYLE_FEATURES) <= set(ctx.model.features)
    assert ctx.model.word_contexts == bool(ctx.model.vocabulary)
    assert all(f.split(": ")[0] in {"word", "quoted", "negated"} for f in ctx.model.vocabulary)
    view = model_view(su, ctx)
    assert view.units[MODEL].between(0, 1).all()
