from __future__ import annotations

from analysis.scoring.explain import explain


def test_plain_text_brackets_and_table() -> None:
    e = explain("Retribution is inevitable.")
    assert e.bracketed() == (
        "[[Retribution|hostility:threat_violence]] is [[inevitable|certainty:booster_adjective]]."
    )
    assert "threat_violence" in str(e) and "Explanation(" in repr(e)
    assert "(no matches)" in str(explain("Nothing here."))


def test_overlapping_dimensions_share_a_bracket() -> None:
    assert "[[neo-Nazi regime|hostility:dehumanising_label,loaded:delegitimising_label]]" in explain(
        "the neo-Nazi regime"
    ).bracketed()


def test_html_is_escaped_and_has_legend_and_tooltips() -> None:
    h = explain("<b>They</b> are idiots & it is not certain.")._repr_html_()
    assert "&lt;b&gt;They&lt;/b&gt;" in h and "&amp;" in h and "<b>They" not in h
    assert "Legend" in h and 'data-dimension="hostility"' in h
    assert "negated booster -&gt; hedge" in h
