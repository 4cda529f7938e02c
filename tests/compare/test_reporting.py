"""Reporting-verb stance shares per bloc and speaker (``analysis.compare.reporting``) and their figure."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

from analysis.compare import reporting
from analysis.compare.reporting import (
    STANCE_CLASSES,
    attributed,
    carries_reporting_verb,
    shared_speakers,
    stance_by_bloc,
    stance_shares,
    with_stance,
)
from analysis.plots import plot_stance_shares

STATEMENTS = pd.DataFrame({
    "speaker": ["Volodymyr Zelensky", "Zelenskyy", "Mr. Zelensky", "Volodymyr Zelensky", "Sergey Lavrov",
                "Lavrov", "", "TASS", "official", "official"],
    "kind": ["direct", "reported", "direct", "direct", "reported", "direct", "partial", "narration", "reported",
             "reported"],
    "cue": ["claimed", "said", "", "acknowledged", "warned", "shouted", "", "", "said", "said"],
    "outlet_bloc": ["russian", "russian", "western", "western", "russian", "western", "western", "russian",
                    "russian", "western"],
})


def test_docstring_examples() -> None:
    result = doctest.testmod(reporting, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_every_attributed_statement_is_in_exactly_one_class() -> None:
    spoken = attributed(STATEMENTS)
    assert len(spoken) == 8  # no narration, no quote without a speaker
    stances = with_stance(spoken)["stance"].tolist()
    assert stances == ["distancing", "neutral", "none", "factive", "emphatic", "unknown", "neutral", "neutral"]
    table = stance_shares(spoken, ["outlet_bloc"])
    assert table.groupby("outlet_bloc")["n"].sum().to_dict() == {"russian": 4, "western": 4}
    assert table.groupby("outlet_bloc")["share"].sum().round(9).eq(1).all()
    assert table.groupby("outlet_bloc").size().eq(len(STANCE_CLASSES)).all()  # zeros are rows too


def test_same_speakers_compared_across_blocs_under_one_id() -> None:
    table = stance_by_bloc(STATEMENTS)
    names = set(table["speaker_name"])
    assert names == {"Volodymyr Zelensky", "Sergey Lavrov"}  # "official" is a role, not one person
    zel = table[(table["speaker_name"] == "Volodymyr Zelensky") & (table["n"] > 0)]
    got = {(b, s): n for b, s, n in zip(zel["outlet_bloc"], zel["stance"], zel["n"], strict=True)}
    assert got == {("russian", "distancing"): 1, ("russian", "neutral"): 1, ("western", "none"): 1,
                   ("western", "factive"): 1}
    assert "name:official" in shared_speakers(reporting.with_speaker_ids(attributed(STATEMENTS)),
                                              identified_only=False)


def test_an_extractor_stance_column_is_used_and_checked() -> None:
    s = pd.DataFrame({"cue": ["said"], "verb_stance": ["distancing"]})
    assert with_stance(s)["stance"].tolist() == ["distancing"]
    with pytest.raises(ValueError, match="not among"):
        with_stance(pd.DataFrame({"cue": ["said"], "verb_stance": ["sarcastic"]}))
    with pytest.raises(ValueError, match="cue"):
        with_stance(pd.DataFrame({"text": ["x"]}))


def test_prefilter_finds_multiword_and_inflected_forms() -> None:
    texts = pd.Series(["He pointed  out the risk.", "Kyiv, according to officials, held.", "Rain fell.", 3])
    assert carries_reporting_verb(texts).tolist() == [True, True, False, False]


def test_figure_data_is_the_table_in_drawing_order() -> None:
    table = stance_by_bloc(STATEMENTS)
    fig, data = plot_stance_shares(table, ["speaker_name", "outlet_bloc"], title="t")
    assert len(data) == len(table) and data["n"].sum() == table["n"].sum()
    assert data["group"].iloc[0] == "Sergey Lavrov · russian (n=1)"
    assert fig.axes[0].get_title().endswith(f"(n={int(table['n'].sum())})")
    with pytest.raises(ValueError, match="no rows"):
        plot_stance_shares(table.iloc[:0], "outlet_bloc", title="t")
