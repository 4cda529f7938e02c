from __future__ import annotations

import pytest

from analysis.scoring.explain import explain
from analysis.scoring.lexicon import Lexicon


def test_plain_text_brackets_and_table() -> None:
    e = explain("Retribution is inevitable.")
    assert e.bracketed() == (
        "[[Retribution|hostility:threat_violence]] is [[inevitable|certainty:booster_adjective]]."
    )
    assert "threat_violence" in str(e) and "Explanation(" in repr(e)
    assert "(no matches)" in str(explain("Nothing here."))


# The same words count in one of hostility, loaded and naming only
# (lexicons/README.md); a stance entry may overlap them.
_MINE = Lexicon.from_records([{"term": "neo-nazi regime", "category": "mine", "weight": 1, "note": "x"}],
                             dimension="hedging")


def test_overlapping_dimensions_share_a_bracket() -> None:
    assert "[[neo-Nazi regime|hostility:dehumanising_label,hedging:mine]]" in explain(
        "the neo-Nazi regime", lexicons=_MINE
    ).bracketed()
    assert "[[neo-Nazi regime|hostility:dehumanising_label]]" in explain("the neo-Nazi regime").bracketed()


def test_explain_shows_naming_and_mentions() -> None:
    e = explain('Troops left Kiev, in what the Kremlin calls a "special military operation".')
    assert "[[Kiev|naming:transliteration]]" in e.bracketed()
    assert "naming:euphemism:mention" in e.bracketed()
    t = e.table()
    assert t.loc[t["surface"] == "special military operation", ["mention", "holder"]].values.tolist() == [
        [True, "Kremlin"]
    ]
    assert "naming=1" in repr(e) and 'data-dimension="naming"' in e._repr_html_()


def test_html_is_escaped_and_has_legend_and_tooltips() -> None:
    h = explain("<b>They</b> are idiots & it is not certain.")._repr_html_()
    assert "&lt;b&gt;They&lt;/b&gt;" in h and "&amp;" in h and "<b>They" not in h
    assert "Legend" in h and 'data-dimension="hostility"' in h
    assert "negated booster -&gt; hedge" in h


def test_highlights_set_both_colours_for_dark_themes() -> None:
    import re

    from analysis.scoring.explain import COLOURS, TEXT_COLOUR

    h = explain("They are idiots and it is not certain.")._repr_html_()
    spans = re.findall(r'<span title="[^"]*" data-dimension="[^"]+" style="([^"]+)"', h)
    assert len(spans) == 2
    for style in spans:
        assert f"color:{TEXT_COLOUR}" in style and "background:#" in style
    legend = h[h.index("Legend"):h.index('<div class="rhetoric-explain"')]
    assert all(f"background:{c};color:{TEXT_COLOUR}" in legend for c in COLOURS.values())


def test_legend_explains_the_underline_of_a_second_dimension() -> None:
    h = explain("the neo-Nazi regime", lexicons=_MINE)._repr_html_()
    assert "border-bottom:3px solid" in h.split("Legend", 1)[1].split("</div>", 1)[0]
    assert "second dimension" in h
    body = h[h.index('<div class="rhetoric-explain"'):]
    assert body.count("border-bottom:3px solid") == 1  # the span counted in two dimensions


def test_table_is_a_dataframe_with_notes_and_text_rendering_stays() -> None:
    import pandas as pd

    e = explain("Retribution is inevitable.")
    t = e.table()
    assert isinstance(t, pd.DataFrame)
    assert list(t.columns) == ["start", "end", "surface", "dimension", "category", "term",
                               "weight", "side", "rule", "mention", "holder", "note"]
    assert t["surface"].tolist() == ["Retribution", "inevitable"]
    assert (t["note"].str.len() > 0).all()
    assert (e.text[t.start[0]:t.end[0]]) == "Retribution"
    text = e.table_text()
    assert text.splitlines()[0].startswith("start  end  surface")
    assert t["note"][0] in text and "weight: what one match adds" in text
    assert "weight: what one match adds" in e._repr_html_()
    assert t["note"][0] in e._repr_html_()  # in the tooltip
    assert explain("Nothing here.").table().empty


def test_vader_valences_per_sentence_after_its_rules() -> None:
    e = explain("The talks were not good. They are a great success, but people are scared.")
    sents = e.sentences()
    assert len(sents) == 2 == e.scores.n_sentences
    first = e.sentiment[0]
    assert first.valences == (("good.", -1.406),)  # negated: 1.9 * -0.74
    second = dict(e.sentiment[1].valences)
    assert second["great"] == pytest.approx(3.1 * 0.5) and second["scared."] == pytest.approx(-1.9 * 1.5)  # "but"
    assert "good. (-1.406)" in str(e) and "VADER per sentence" in e._repr_html_()


def test_valences_reproduce_vaders_compound_and_the_texts_sentiment() -> None:
    import math

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    text = ("Russia terrorizes Ukrainians with missiles. The offensive was a terrible failure. "
            "Nobody is happy, and the deal is not bad at all. It is kind of nice")
    e = explain(text)
    for s in e.sentiment:
        sentence = text[s.start:s.end]
        total = sum(v for _, v in s.valences)
        assert round(total / math.sqrt(total * total + 15), 4) == reference.polarity_scores(sentence)["compound"]
        assert s.compound == reference.polarity_scores(sentence)["compound"]
    weighted = sum(s.n_tokens * s.compound for s in e.sentiment) / sum(s.n_tokens for s in e.sentiment)
    assert math.isclose(weighted, e.scores.sentiment_compound, abs_tol=1e-9)


def test_no_sentiment_means_no_valences() -> None:
    e = explain("They are idiots.", sentiment="none")
    assert e.sentiment == () and e.sentences().empty and "VADER per sentence" not in str(e)


def test_explain_shows_the_ranking_score_parts() -> None:
    import numpy as np
    import pandas as pd

    from analysis import score_frame
    from analysis.scoring.indices import loaded_ranking_contributions

    text = 'They are vile idiots! The "plan" failed.'
    e = explain(text)
    parts = e.ranking()
    expected = loaded_ranking_contributions(score_frame(pd.DataFrame({"text": [text]})), [text])
    assert np.allclose(parts.drop(columns="status").to_numpy(), expected.drop(columns="status").to_numpy())
    assert "loaded_ranking_score" in str(e) and "scare_quotes 1" in str(e)
    assert "loaded_ranking_score" in e._repr_html_()
    assert "english_parts_unavailable" in explain("Они идиоты!").ranking_text()
