"""The resistinua ru/uk quote gold: its integrity, and the extractor's figures on it (a regression floor)."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.external import load_resistinua
from analysis.validation.ru_uk_quotes_eval import (
    GOLD_CSV,
    evaluate_ru_uk_quotes,
    gold_speaker_id,
    quote_table,
)


def test_gold_fragments_are_short_and_in_the_loader_text() -> None:
    gold = pd.read_csv(GOLD_CSV, dtype=str, keep_default_na=False)
    texts = load_resistinua().set_index("id")["text_uk"]
    for r in gold.itertuples():
        paragraph = texts[r.address_id].split("\n")[int(r.paragraph)]
        assert "«" + r.fragment in paragraph, (r.address_id, r.paragraph, r.fragment)
        assert len(r.fragment.split()) <= 10
        assert paragraph.count("«") >= int(r.quote_no)
    assert set(gold["kind"]) <= {"direct", "partial", "term"}
    assert (gold["kind"] == "direct").sum() == 20


def test_gold_names_map_to_the_ids_of_english_spellings() -> None:
    assert gold_speaker_id("Андрій Єрмак") == gold_speaker_id("Andriy Yermak", "en") != ""


def test_figures_on_the_gold() -> None:
    table = quote_table()
    m = evaluate_ru_uk_quotes(table)
    assert m["n_gold_direct"] == 20 and m["n_paragraphs"] == 26
    # floors at the figures measured when the extractor was committed (see the README note)
    assert m["direct_recall"] >= 0.95 and m["direct_precision"] >= 0.95
    assert m["speaker_accuracy_direct"] >= 0.84
