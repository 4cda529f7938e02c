"""The optional supervised loaded-language model: fit, decomposition, model files."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis import matches_frame, score_frame
from analysis.scoring.loaded_model import (
    BASE_FEATURES,
    LoadedModel,
    LoadedModelError,
    build_features,
    builtin_category_features,
    fit_model,
    load_model,
    save_model,
    score_texts,
    with_threshold,
)
from analysis.scoring.loaded_style import STYLE_FEATURES

TEXTS = ["They are vile idiots and traitors!", "The meeting is on Monday.", "What a DISGRACEFUL, lying crook?",
         "Rain is expected in the north.", "These corrupt thugs must be crushed!!", "The report was published.",
         "A shameful betrayal by cowards.", "Prices rose two percent in May."]
LABELS = np.array([1, 0, 1, 0, 1, 0, 1, 0])


def synthetic_features() -> pd.DataFrame:
    frame = pd.DataFrame({"text": TEXTS * 5})
    return build_features(frame["text"].tolist(), score_frame(frame), matches_frame(frame))


def test_features_are_named_and_defensible():
    X = synthetic_features()
    n_named = len(BASE_FEATURES) + len(STYLE_FEATURES)
    assert list(X.columns[:n_named]) == list(BASE_FEATURES) + list(STYLE_FEATURES)
    assert all(c.startswith("lexicon: hostility/") or c.startswith("lexicon: loaded/")
               for c in X.columns[n_named:])
    assert X.loc[0, "style: they/them/their"] > 0 and X.loc[1, "style: they/them/their"] == 0
    assert not any("naming" in c for c in X.columns)
    assert X.loc[0, "lexicon: hostility/insult"] > 0 and X.loc[1, "lexicon: hostility/insult"] == 0
    assert X.loc[2, "all-caps words"] > 0 and X.loc[2, "questions"] > 0


def test_training_on_a_small_synthetic_frame_separates_the_classes():
    X = synthetic_features()
    y = np.tile(LABELS, 5)
    model = fit_model(X, y, l2=1.0)
    p = model.predict_proba(X).to_numpy()
    assert p[y == 1].min() > p[y == 0].max()
    assert model.features == tuple(X.columns)


def test_every_prediction_decomposes_into_its_contributions():
    X = synthetic_features()
    model = fit_model(X, np.tile(LABELS, 5), l2=10.0)
    parts = model.explain(X)
    assert parts.columns[0] == "intercept" and list(parts.columns[1:]) == list(X.columns)
    np.testing.assert_allclose(parts.sum(axis=1), model.log_odds(X), atol=1e-12)
    np.testing.assert_allclose(1 / (1 + np.exp(-parts.sum(axis=1))), model.predict_proba(X), atol=1e-12)


def test_save_load_round_trip_and_score_texts(tmp_path):
    X = synthetic_features()
    model = fit_model(X, np.tile(LABELS, 5), l2=1.0)
    path = save_model(model, tmp_path / "m.json")
    again = load_model(path)
    np.testing.assert_allclose(again.log_odds(X), model.log_odds(X))
    out = score_texts(again, ["They are vile idiots!", "The meeting is on Monday."])
    assert out["probability"].iloc[0] > out["probability"].iloc[1]
    np.testing.assert_allclose(out.drop(columns=["probability", "loaded", "status"]).sum(axis=1),
                               np.log(out["probability"] / (1 - out["probability"])), atol=1e-9)


@pytest.mark.parametrize(("edit", "field"), [
    (lambda d: d.pop("weights"), "weights"),
    (lambda d: d.update(weights=[1.0]), "weights"),
    (lambda d: d.update(scale=[0.0] * len(d["features"])), "scale"),
    (lambda d: d.update(intercept="x"), "intercept"),
    (lambda d: d.update(threshold=2.0), "threshold"),
    (lambda d: d.update(format="other"), "format"),
    (lambda d: d.update(features=[]), "features"),
    (lambda d: d.update(thresholds={"PTC-2020": 1.5}), "thresholds"),
    (lambda d: d.update(thresholds=[0.3]), "thresholds"),
    (lambda d: d.update(word_contexts="yes"), "word_contexts"),
    (lambda d: d.update(format_version=9), "format_version"),
])
def test_a_corrupted_model_file_is_a_clear_error(tmp_path, edit, field):
    model = LoadedModel(("a", "b"), (0.0, 0.0), (1.0, 1.0), (1.0, -1.0), 0.0, 1.0)
    path = save_model(model, tmp_path / "m.json")
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(LoadedModelError, match=rf"m\.json: field '{field}'"):
        load_model(path)


def test_unreadable_and_non_json_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(LoadedModelError, match="bad.json: not a JSON model file"):
        load_model(bad)
    with pytest.raises(LoadedModelError, match="cannot read model file"):
        load_model(tmp_path / "missing.json")


def test_fit_rejects_one_class_and_bad_penalty():
    X = pd.DataFrame({"a": [0.0, 1.0]})
    with pytest.raises(LoadedModelError, match="one class"):
        fit_model(X, np.array([1, 1]))
    with pytest.raises(LoadedModelError, match="l2"):
        fit_model(X, np.array([0, 1]), l2=0.0)
    with pytest.raises(LoadedModelError, match="lacks the model's feature"):
        LoadedModel(("z",), (0.0,), (1.0,), (1.0,), 0.0, 1.0).explain(X)


def test_category_features_follow_the_builtin_lexicons():
    cats = builtin_category_features()
    assert "lexicon: loaded/emotive_intensifier" in cats
    assert len(cats) == len(set(cats))


def test_per_data_set_thresholds_round_trip_and_choose_the_cut(tmp_path):
    X = synthetic_features()
    model = with_threshold(fit_model(X, np.tile(LABELS, 5), l2=1.0), 0.5, {"PTC-2020": 0.0001, "SemEval": 0.9999})
    again = load_model(save_model(model, tmp_path / "m.json"))
    assert again.thresholds == {"PTC-2020": 0.0001, "SemEval": 0.9999} and again.threshold == 0.5
    texts = ["They are vile idiots!", "The meeting is on Monday."]
    assert score_texts(again, texts, dataset="PTC-2020")["loaded"].all()
    assert not score_texts(again, texts, dataset="SemEval")["loaded"].any()
    with pytest.raises(LoadedModelError, match="no threshold for data set 'NYT'"):
        score_texts(again, texts, dataset="NYT")


def test_a_version_2_file_reads_without_contexts_or_thresholds(tmp_path):
    model = LoadedModel(("a",), (0.0,), (1.0,), (1.0,), 0.0, 1.0)
    path = save_model(model, tmp_path / "m.json")
    doc = json.loads(path.read_text())
    doc["format_version"] = 2
    del doc["word_contexts"], doc["thresholds"]
    path.write_text(json.dumps(doc))
    again = load_model(path)
    assert again.word_contexts is False and again.thresholds == {}


def test_score_texts_gives_missing_texts_a_status_not_the_word_none(tmp_path):
    model = fit_model(synthetic_features(), np.tile(LABELS, 5), l2=1.0)
    out = score_texts(model, [None, float("nan"), "", "They are vile idiots!", "\ud800 vile idiots"])
    assert out["status"].tolist() == ["missing", "missing", "empty", "ok", "ok"]
    # a missing text is scored as a blank one (every feature 0), not as "None"
    blank = out.drop(columns=["probability", "loaded", "status"])
    pd.testing.assert_series_equal(blank.iloc[0], blank.iloc[2], check_names=False)
    pd.testing.assert_series_equal(blank.iloc[1], blank.iloc[2], check_names=False)
    assert out["probability"].iloc[3] > out["probability"].iloc[2]
    with pytest.raises(TypeError, match=r"row 1 holds bytes"):
        score_texts(model, ["fine", b"vile"])


@pytest.mark.parametrize(("raw", "message"), [
    ('{"format": "analysis.loaded_model", "format_version": 3, "features": ' + "[" * 50000 + "]" * 50000 + "}",
     "nested too deeply"),
    ('{"format": "analysis.loaded_model", "format_version": true}', "field 'format_version'"),
    ('{"format": "analysis.loaded_model", "format_version": 3.0}', "field 'format_version'"),
])
def test_hostile_model_files_are_clear_errors(tmp_path, raw, message):
    path = tmp_path / "m.json"
    path.write_text(raw)
    with pytest.raises(LoadedModelError, match=rf"m\.json: .*{message}"):
        load_model(path)


def test_a_repeated_feature_name_is_a_clear_error(tmp_path):
    path = save_model(LoadedModel(("a", "b"), (0.0, 0.0), (1.0, 1.0), (1.0, -1.0), 0.0, 1.0), tmp_path / "m.json")
    doc = json.loads(path.read_text())
    doc["features"] = ["a", "a"]
    path.write_text(json.dumps(doc))
    with pytest.raises(LoadedModelError, match=r"m\.json: field 'features' must be a non-empty list of distinct"):
        load_model(path)


@pytest.mark.parametrize("edit", [
    lambda d: d.update(scale=[1e-320] * len(d["scale"])),  # positive, but every z overflows
    lambda d: d.update(weights=[1e308] * len(d["weights"])),
])
def test_weights_or_scales_out_of_range_are_an_error_not_nan_probabilities(tmp_path, edit):
    model = fit_model(synthetic_features(), np.tile(LABELS, 5), l2=1.0)
    path = save_model(model, tmp_path / "m.json")
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(LoadedModelError, match=r"log-odds not finite for \d+ row\(s\), first row 0"):
        score_texts(load_model(path), ["They are vile idiots!", "Fine."])
