"""The closed vocabulary of the optional model's word features, and models that use it."""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest

from analysis import matches_frame, score_frame
from analysis.scoring.loaded_model import (
    FeatureTable,
    LoadedModelError,
    build_features,
    fit_model,
    load_model,
    model_words,
    save_model,
    score_texts,
)
from analysis.scoring.loaded_vocab import (
    _TOKEN,
    closed_vocabulary,
    find_occurrences,
    occurrence_context,
    quoted_spans,
    select_vocabulary,
    word_matrix,
)

LOADED = ["Google's vile, disgusting lies about Ramadan!", "What a disgraceful, outrageous Ratzinger stunt.",
          "These corrupt thugs at Google lie again.", "A shameful, outrageous betrayal during Ramadan."]
PLAIN = ["Google opened an office during Ramadan.", "Ratzinger met the committee on Monday.",
         "The report on Google was published.", "Rain is expected during Ramadan in the north."]


def table(texts: list[str], vocabulary: tuple[str, ...]) -> FeatureTable:
    frame = pd.DataFrame({"text": texts})
    dense = build_features(texts, score_frame(frame), matches_frame(frame))
    return FeatureTable(dense, word_matrix(texts, vocabulary), vocabulary)


def trained(n: int = 6):
    texts = (LOADED + PLAIN) * n
    y = np.array(([1] * len(LOADED) + [0] * len(PLAIN)) * n)
    vocab = select_vocabulary(find_occurrences(texts, closed_vocabulary()), min_texts=3)
    return texts, y, fit_model(table(texts, vocab), y, l2=1.0, l2_words=1.0)


def test_the_closed_list_holds_vader_booster_and_lexicon_words_only():
    vocab = closed_vocabulary()
    assert vocab["outrageous"] == "word: outrageous"  # VADER
    assert vocab["extremely"] == "word: extremely"  # VADER booster
    assert vocab["idiots"] == "word: idiot"  # lexicon term with its inflections
    assert vocab["so called"] == vocab["so-called"] == "word: so-called"
    for word in ("google", "ramadan", "ratzinger", "immigrants", "monday", "kyiv", "coup"):
        assert word not in vocab
    # a lexicon form with digits ("2014 coup") is not turned into the bare word
    assert all(k.replace(" ", "").replace("-", "").replace("'", "").isalpha() for k in vocab)


def test_a_word_capitalised_in_most_inner_occurrences_is_excluded():
    texts = ["They thanked God for it.", "a prayer to God", "God is great.", "oh god, no",
             "They said Great things.", "a great day", "great news for all", "the great wall"] * 2
    kept = select_vocabulary(find_occurrences(texts, closed_vocabulary()), min_texts=2)
    assert "word: god" not in kept  # capitalised in 4 of its 6 inner occurrences
    assert "word: great" in kept  # capitalised in 2 of 8; sentence starts do not count


def test_title_case_lines_are_no_evidence_of_a_name():
    occ = find_occurrences(["Outrageous Claims Shock The Nation", "an outrageous claim"], closed_vocabulary(),
                           ["word: outrageous"])
    assert occ.inner.tolist() == [1] and occ.capitalised.tolist() == [0]


def test_an_open_vocabulary_word_never_becomes_a_feature():
    texts, _, model = trained()
    occ = find_occurrences(texts, closed_vocabulary())
    assert not any(w in f for f in occ.features for w in ("google", "ramadan", "ratzinger"))
    assert model.vocabulary and all(f.startswith("word: ") for f in model.vocabulary)
    assert {"word: outrageous", "word: vile"} <= set(model.vocabulary)
    assert not any(w in f for f in model.vocabulary for w in ("google", "ramadan", "ratzinger"))


def test_explain_with_word_features_sums_to_the_log_odds():
    texts, y, model = trained()
    X = table(texts, model.vocabulary)
    parts = model.explain(X)
    assert "word: outrageous" in parts.columns and parts.columns[0] == "intercept"
    np.testing.assert_allclose(parts.sum(axis=1), model.log_odds(X), atol=1e-12)
    p = model.predict_proba(X).to_numpy()
    assert p[y == 1].min() > p[y == 0].max()
    one = model.explain(table(["An outrageous plan."], model.vocabulary))
    assert "word: vile" not in one.columns  # only the words the text holds are listed


def test_model_file_round_trip_keeps_the_words(tmp_path):
    texts, _, model = trained()
    path = save_model(model, tmp_path / "m.json")
    again = load_model(path)
    assert again.vocabulary == model.vocabulary and again.word_forms == model.word_forms
    X = table(texts, model.vocabulary)
    np.testing.assert_allclose(again.log_odds(X), model.log_odds(X))
    assert (model_words(again, texts) != X.words).nnz == 0
    out = score_texts(again, ["Vile, outrageous lies!", "The report was published."])
    assert out["probability"].iloc[0] > out["probability"].iloc[1]
    np.testing.assert_allclose(out.drop(columns=["probability", "loaded", "status"]).sum(axis=1),
                               np.log(out["probability"] / (1 - out["probability"])), atol=1e-9)


@pytest.mark.parametrize(("edit", "field"), [
    (lambda d: d.update(word_weights=d["word_weights"][:-1]), "word_weights"),
    (lambda d: d.update(word_forms=d["word_forms"][:-1]), "word_forms"),
    (lambda d: d.update(vocabulary=d["vocabulary"][:1] * 2, word_forms=d["word_forms"][:2],
                        word_weights=d["word_weights"][:2]), "vocabulary"),
    (lambda d: d.update(l2_words=None), "l2_words"),
])
def test_a_corrupted_word_part_is_a_clear_error(tmp_path, edit, field):
    _, _, model = trained()
    path = save_model(model, tmp_path / "m.json")
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(LoadedModelError, match=rf"m\.json: field '{field}'"):
        load_model(path)


def test_a_table_without_the_models_words_is_refused():
    texts, _, model = trained()
    with pytest.raises(LoadedModelError, match="word feature"):
        model.log_odds(table(texts, ()))


def test_group_base_rates_are_fitted_apart_and_explain_still_sums():
    texts, y, _ = trained()
    vocab = select_vocabulary(find_occurrences(texts, closed_vocabulary()), min_texts=3)
    X = table(texts, vocab)
    groups = ["a"] * (len(texts) // 2) + ["b"] * (len(texts) - len(texts) // 2)
    model = fit_model(X, y, l2=1.0, l2_words=1.0, groups=groups)
    np.testing.assert_allclose(model.explain(X).sum(axis=1), model.log_odds(X), atol=1e-12)
    with pytest.raises(LoadedModelError, match="group labels"):
        fit_model(X, y, groups=groups[:-1])


# --- word contexts: quoted (mention) and negated words apart from plain use ---------------------

QUOTED = ['They called it a "shameful" deal.', 'The "outrageous" plan, they said.', 'Critics call it "vile".']
NEGATED = ["It was not shameful at all.", "Nothing outrageous happened.", "This isn't vile, it is firm."]
USED = ["A shameful deal.", "An outrageous plan.", "A vile attack."]


def test_quoted_and_negated_occurrences_are_features_apart():
    forms = closed_vocabulary()
    feats = ["word: shameful", "quoted: shameful", "negated: shameful"]
    occ = find_occurrences([QUOTED[0], NEGATED[0], USED[0]], forms, feats, contexts=True)
    assert occ.counts.toarray().tolist() == [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    # without contexts every occurrence is plain use
    plain = find_occurrences([QUOTED[0], NEGATED[0], USED[0]], forms, ["word: shameful"])
    assert plain.counts.toarray().ravel().tolist() == [1.0, 1.0, 1.0]


def test_negation_stops_at_punctuation_and_after_three_tokens():
    forms = closed_vocabulary()
    feats = ["word: shameful", "negated: shameful"]
    texts = ["No, it was shameful.", "Never did the plan seem shameful.", "It was never so shameful."]
    occ = find_occurrences(texts, forms, feats, contexts=True)
    assert occ.counts.toarray().tolist() == [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]


def test_a_context_model_round_trips_and_scores_text_with_its_contexts(tmp_path):
    texts = (QUOTED + NEGATED + USED + PLAIN) * 4
    y = np.array(([0] * 3 + [0] * 3 + [1] * 3 + [0] * 4) * 4)
    occ = find_occurrences(texts, closed_vocabulary(), contexts=True)
    vocab = select_vocabulary(occ, min_texts=3)
    assert {"quoted: shameful", "negated: vile", "word: outrageous"} <= set(vocab)
    frame = pd.DataFrame({"text": texts})
    dense = build_features(texts, score_frame(frame), matches_frame(frame))
    X = FeatureTable(dense, word_matrix(texts, vocab, contexts=True), vocab, contexts=True)
    model = fit_model(X, y, l2=1.0, l2_words=1.0)
    assert model.word_contexts
    np.testing.assert_allclose(model.explain(X).sum(axis=1), model.log_odds(X), atol=1e-12)
    again = load_model(save_model(model, tmp_path / "m.json"))
    assert again.word_contexts and again.word_forms == model.word_forms
    assert (model_words(again, texts) != X.words).nnz == 0
    with pytest.raises(LoadedModelError, match="word contexts"):
        model.log_odds(FeatureTable(dense, X.words, vocab, contexts=False))


def test_quoted_context_is_the_scan_of_every_quote_pair() -> None:
    # occurrence_context bisects the quote pairs instead of scanning them all
    # (quadratic in a text of many quotes): the same prefix for every token
    rng = random.Random(20261201)
    pieces = ['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "vile", "not", "a", ",", " ", "\n", "outrageous"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + " " * rng.randrange(2) for _ in range(rng.randrange(1, 60)))
        quotes = quoted_spans(text)
        spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        for p, (start, _) in enumerate(spans):
            got = occurrence_context(text, spans, p, quotes)
            inside = any(a <= start < b for a, b in quotes)
            assert (got == "quoted: ") == inside, (text, p)


def test_contexts_in_a_text_of_many_unbalanced_quotes() -> None:
    occ = find_occurrences(['"vile ' * 3000], {"vile": "word: vile"}, contexts=True)
    assert dict(zip(occ.features, occ.counts.toarray()[0].tolist())) == {
        "negated: vile": 0.0, "quoted: vile": 1500.0, "word: vile": 1500.0}
