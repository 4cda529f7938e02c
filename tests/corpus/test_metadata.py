"""The bundled articles and quoted-sources tables, and the checks of the CSV readers."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis import paths
from analysis.constants import BLOC_ORDER
from analysis.corpus.errors import CorpusError
from analysis.corpus.metadata import (
    ARTICLE_COLUMNS,
    QUOTED_COLUMNS,
    read_articles,
    read_csv_records,
    read_quoted_sources,
)


@pytest.fixture(scope="module")
def articles():
    return read_articles(paths.ARTICLES_CSV)


def test_articles_header_is_exactly_the_documented_columns() -> None:
    header, _ = read_csv_records(paths.ARTICLES_CSV)
    assert tuple(header) == ARTICLE_COLUMNS


def test_one_article_per_seed_file(articles) -> None:
    seeds = sorted(p.name for p in paths.RAW_SEEDS_DIR.glob("*.txt"))
    assert sorted(articles["source_file"]) == seeds
    assert articles["article_id"].is_unique


def test_article_values_are_well_formed(articles) -> None:
    assert articles["outlet_bloc"].isin(BLOC_ORDER).all()
    assert articles["narrator_bloc"].isin(BLOC_ORDER).all()
    assert (articles["evidence"].str.len() > 40).all()
    for published, evidence in zip(articles["published"], articles["evidence"]):
        if published:
            dt.date.fromisoformat(published)
        else:
            assert "Published: not stated" in evidence


def test_unidentified_outlets_are_other_without_country(articles) -> None:
    unid = articles[articles["outlet"] == "unidentified"]
    assert len(unid) >= 1
    assert (unid["outlet_bloc"] == "other").all()
    assert (unid["outlet_country"] == "").all()


def test_wire_copy_is_narrated_by_the_wire(articles) -> None:
    wire = articles[articles["wire"] != ""]
    assert (wire["narrator"] == wire["wire"]).all()
    own = articles[articles["wire"] == ""]
    assert (own["narrator"] == own["outlet"]).all()
    assert (own["narrator_bloc"] == own["outlet_bloc"]).all()


def test_quoted_sources_header_and_rows(articles) -> None:
    header, _ = read_csv_records(paths.QUOTED_SOURCES_CSV)
    assert tuple(header) == QUOTED_COLUMNS
    q = read_quoted_sources(paths.QUOTED_SOURCES_CSV, set(articles["article_id"]))
    blog = q[q["article_id"] == "seed-003"]
    assert set(blog["quoted_outlet"]) == {"The Kyiv Independent", "NPR"}
    assert (q["evidence"].str.len() > 20).all()


def _articles_csv(tmp_path, body: str):
    p = tmp_path / "articles.csv"
    p.write_text("article_id,source_file,outlet,outlet_bloc\n" + body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("body", "line", "field", "words"),
    [
        ("a1,a.txt,X,other\n,b.txt,Y,other\n", 3, "article_id", "missing article id"),
        ("a1,a.txt,X,other\na1,b.txt,Y,other\n", 3, "article_id", "first on line 2"),
        ("a1,a.txt,X,westen\n", 2, "outlet_bloc", "unknown bloc 'westen'"),
        ("a1,a.txt,,other\n", 2, "outlet", "missing outlet"),
        ("a1,,X,other\n", 2, "source_file", "missing raw file name"),
        ("a1,a.txt,X,other,extra\n", 2, None, "has 5 fields"),
        ('"a\n1",a.txt,X,other\n"a\n1",b.txt,X,other\n', 4, "article_id", "duplicate"),
    ],
)
def test_article_errors_name_file_line_and_field(tmp_path, body, line, field, words) -> None:
    p = _articles_csv(tmp_path, body)
    with pytest.raises(CorpusError) as info:
        read_articles(p)
    err = info.value
    assert (err.line, err.field) == (line, field)
    assert words in str(err) and "articles.csv" in str(err) and f"line {line}" in str(err)


def test_missing_required_column(tmp_path) -> None:
    p = tmp_path / "articles.csv"
    p.write_text("article_id,source_file,outlet\na1,a.txt,X\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="missing required column.*outlet_bloc") as info:
        read_articles(p)
    assert info.value.line == 1 and info.value.field == "outlet_bloc"


def test_non_utf8_csv_names_byte_offset_and_line(tmp_path) -> None:
    p = tmp_path / "articles.csv"
    data = b"article_id,source_file,outlet,outlet_bloc\na1,a.txt,Caf\xe9,other\n"
    p.write_bytes(data)
    offset = data.index(b"\xe9")
    with pytest.raises(CorpusError, match=rf"articles\.csv, line 2: not valid UTF-8 at byte offset {offset}"):
        read_articles(p)


def test_bad_published_date(tmp_path) -> None:
    p = tmp_path / "articles.csv"
    p.write_text("article_id,source_file,outlet,outlet_bloc,published\na1,a.txt,X,other,3 June\n",
                 encoding="utf-8")
    with pytest.raises(CorpusError, match="not an ISO date") as info:
        read_articles(p)
    assert info.value.field == "published"


def test_blocs_are_normalised_and_narrator_defaults(tmp_path) -> None:
    p = _articles_csv(tmp_path, "a1,a.txt,X, Western \n")
    row = read_articles(p).iloc[0]
    assert (row["outlet_bloc"], row["narrator"], row["narrator_bloc"]) == ("western", "X", "western")
    assert row["csv_line"] == 2


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("zz,NPR,,western,passage,1,2,e", "article_id", "not in articles.csv"),
        ("a1,NPR,,westernish,passage,1,2,e", "quoted_outlet_bloc", "unknown bloc"),
        ("a1,NPR,,western,passage,3,2,e", "last_line", "before first_line"),
        ("a1,NPR,,western,passage,x,2,e", "first_line", "not a line number"),
        ("a1,NPR,,western,quote,1,2,e", "kind", "unknown kind"),
    ],
)
def test_quoted_sources_errors(tmp_path, row, field, words) -> None:
    p = tmp_path / "quoted_sources.csv"
    p.write_text(",".join(QUOTED_COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=words) as info:
        read_quoted_sources(p, {"a1"})
    assert (info.value.line, info.value.field) == (2, field)


def test_overlapping_passages_are_refused(tmp_path) -> None:
    p = tmp_path / "quoted_sources.csv"
    p.write_text(
        ",".join(QUOTED_COLUMNS) + "\na1,NPR,,western,passage,1,5,e\na1,BBC,,western,passage,5,6,e\n",
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match="overlap the passage on CSV line 2") as info:
        read_quoted_sources(p, {"a1"})
    assert info.value.line == 3
