"""Display tables: outlet labels, quote deduplication, rate tables."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

from analysis.compare import tables
from analysis.compare.aggregate import aggregate
from analysis.compare.tables import (
    dedupe_statements,
    format_ci,
    format_rate_ci,
    keyword_in_context,
    normalise_quote,
    order_by_bloc,
    outlet_labels,
    rate_table,
)


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "c", "d", "d", "e"],
            "speaker": ["Medvedev", "Medvedev", "Medvedev", "Peskov", "Medvedev", "", ""],
            "text": [
                "“Retribution is inevitable,”",
                '"Retribution is inevitable,"',
                "‘retribution is inevitable.’",
                "Retribution is inevitable.",
                "Retribution will come.",
                "“  ”",
                None,
            ],
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )


def test_doctests_pass() -> None:
    result = doctest.testmod(tables)
    assert result.attempted > 0 and result.failed == 0


def test_outlet_labels_keep_unidentified_articles_apart() -> None:
    arts = pd.DataFrame(
        {"article_id": ["s0", "s1", "s2", "s3"], "outlet": ["unidentified", "Unidentified ", "", "TASS"]},
        index=[5, 6, 7, 8],
    )
    out = outlet_labels(arts)
    assert out.tolist() == ["unidentified (s0)", "unidentified (s1)", "unidentified (s2)", "TASS"]
    assert out.index.tolist() == [5, 6, 7, 8]


def test_outlet_labels_custom_unknowns_and_missing_column() -> None:
    arts = pd.DataFrame({"article_id": ["x"], "outlet": ["n/a"]})
    assert outlet_labels(arts, unidentified={"n/a"}).tolist() == ["unidentified (x)"]
    with pytest.raises(KeyError, match="article_id"):
        outlet_labels(pd.DataFrame({"outlet": ["TASS"]}))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“Retribution is inevitable,”", '"retribution is inevitable."'),
        ("the neo‑Nazi regime", "the neo-Nazi regime"),  # non-breaking hyphen
        ("the  neo-Nazi\nregime", "the neo-Nazi regime"),
        ("(swift victory)", "swift victory"),
    ],
)
def test_normalise_quote_equates_typographic_variants(a: str, b: str) -> None:
    assert normalise_quote(a) == normalise_quote(b)


def test_normalise_quote_keeps_words_and_inner_punctuation() -> None:
    assert normalise_quote("Retribution is inevitable.") != normalise_quote("Retribution is evitable.")
    assert normalise_quote("Progress, but slowly.") == "progress, but slowly"
    with pytest.raises(TypeError):
        normalise_quote(None)  # type: ignore[arg-type]


def test_dedupe_collapses_per_speaker_and_accounts_for_every_row(statements: pd.DataFrame) -> None:
    out = dedupe_statements(statements)
    # Medvedev's three renderings collapse; Peskov's identical words stay his own row
    assert out.index.tolist() == [10, 13, 14, 15, 16]
    assert out.loc[10, "n_copies"] == 3 and out.loc[10, "n_articles"] == 3
    assert out.loc[13, "n_copies"] == 1
    # rows with nothing to compare are kept, one each
    assert out.loc[15, "n_copies"] == 1 and out.loc[16, "n_copies"] == 1
    assert int(out["n_copies"].sum()) == len(statements)
    assert out["text"].tolist()[0] == "“Retribution is inevitable,”"  # first rendering kept as written


def test_dedupe_without_id_and_by_several_columns(statements: pd.DataFrame) -> None:
    out = dedupe_statements(statements, by=[], id_col=None)
    assert "n_articles" not in out.columns
    assert out.loc[10, "n_copies"] == 4  # speaker ignored: Peskov's copy joins
    with pytest.raises(KeyError, match="nope"):
        dedupe_statements(statements, by="nope")


def test_rate_table_formats_aggregate_output() -> None:
    scored = pd.DataFrame(
        {
            "speaker": ["M", "M", "P", "Q"],
            "status": ["ok", "ok", "ok", "empty"],
            "n_tokens": [10, 30, 20, 0],
            "hostility_count": [1, 1, 0, 0],
            "sentiment_compound": [-0.5, 0.1, 0.0, 0.0],
        }
    )
    agg = aggregate(scored, "speaker", dimensions=["hostility"], n_boot=200)
    table = rate_table(agg, "speaker", ["hostility"]).set_index("speaker")
    assert table.loc["M", "hostility_count"] == 2
    assert table.loc["M", "hostility_rate [CI]"].startswith("50.0 [")
    assert table.loc["Q", "hostility_rate [CI]"] == "n/a"
    assert table.loc["M", "sentiment [CI]"].startswith("-0.200 [")
    assert list(table.columns) == [
        "n_statements", "n_tokens", "hostility_count", "hostility_rate [CI]", "sentiment [CI]"
    ]


def test_rate_table_missing_interval_and_missing_column() -> None:
    agg = pd.DataFrame(
        {"g": ["x"], "n_statements": [1], "n_tokens": [5], "hedging_count": [1],
         "hedging_rate": [200.0], "hedging_rate_lo": [np.nan], "hedging_rate_hi": [np.nan]}
    )
    assert rate_table(agg, "g", ["hedging"], decimals=0).loc[0, "hedging_rate [CI]"] == "200 [n/a]"
    with pytest.raises(KeyError, match="hostility_count"):
        rate_table(agg, "g", ["hostility"])


def test_format_ci_rounds_and_says_n_a() -> None:
    assert format_ci(114.754, 103.4, 333.333) == "114.8 [103.4, 333.3]"
    assert format_ci(114.754, 103.4, 333.333, decimals=0) == "115 [103, 333]"
    assert format_ci(float("nan"), 1.0, 2.0) == "n/a"
    assert format_ci(3.0, float("nan"), float("nan")) == "3.0 [n/a]"


def test_format_rate_ci_reads_the_interval_columns_of_a_row() -> None:
    agg = pd.DataFrame({"bloc": ["russian"], "loaded_rate": [2.0], "loaded_rate_lo": [1.25],
                        "loaded_rate_hi": [3.5]}).set_index("bloc")
    assert format_rate_ci(agg.loc["russian"], "loaded_rate", 2) == "2.00 [1.25, 3.50]"
    with pytest.raises(KeyError, match="hostility_rate_lo"):
        format_rate_ci({"hostility_rate": 1.0}, "hostility_rate")


def test_keyword_in_context_clips_at_the_edges_and_joins_lines() -> None:
    text = "Kyiv.\nThe aggression continues\nin the east."
    s = text.index("aggression")
    assert keyword_in_context(text, s, s + 10, width=5) == "…\nThe aggression cont…".replace("\n", " ")
    assert keyword_in_context(text, 0, 4, width=3) == "…Kyiv. T…"
    with pytest.raises(ValueError, match="outside"):
        keyword_in_context(text, 5, 500)


def test_order_by_bloc_sorts_by_bloc_then_size_then_name() -> None:
    st = pd.DataFrame({"speaker": ["B", "A", "C", "C", "D", "E"],
                       "speaker_bloc": ["western", "western", "russian", "russian", "", "other"]})
    assert order_by_bloc(st, "speaker", "speaker_bloc") == ["C", "A", "B", "E", "D"]
    assert order_by_bloc(st, "speaker", "speaker_bloc", bloc_order=["western"]) == ["A", "B", "C", "D", "E"]
    with pytest.raises(KeyError, match="bloc"):
        order_by_bloc(st, "speaker", "bloc")
