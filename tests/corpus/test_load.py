"""load_corpus: bad corpora fail with clear errors; the bundled corpus loads whole."""

from __future__ import annotations

import re

import pytest

from analysis import pipeline
from analysis.corpus.clean import rebuild_raw
from analysis.corpus.errors import CorpusError
from analysis.corpus.load import STATEMENT_COLUMNS
from analysis.pipeline import load_corpus
from analysis.statements import extract
from analysis.statements.attribution import Who
from analysis.statements.extract import Piece

PAGE = "Headline here\n\nAdvertisement\nThe minister said talks would resume.\n"


def test_tiny_corpus_loads(make_corpus) -> None:
    root = make_corpus({"a.txt": PAGE, "b.txt": "Second page body."})
    c = load_corpus(root, statements=False)
    assert c.articles["article_id"].tolist() == ["a1", "a2"]
    assert c.texts["a1"] == "Headline here\nThe minister said talks would resume."
    assert (c.articles["status"] == "not_extracted").all()
    assert set(c.boilerplate["article_id"]) == {"a1"}
    assert c.articles.loc[0, "n_boilerplate"] == len(c.boilerplate)


def test_missing_id(make_corpus) -> None:
    root = make_corpus({"a.txt": PAGE}, rows=[{"source_file": "a.txt", "outlet": "X", "outlet_bloc": "other"}])
    with pytest.raises(CorpusError, match=r"articles\.csv, line 2, field 'article_id': missing article id"):
        load_corpus(root)


def test_duplicate_id(make_corpus) -> None:
    rows = [{"article_id": "a1", "source_file": n, "outlet": "X", "outlet_bloc": "other"}
            for n in ("a.txt", "b.txt")]
    root = make_corpus({"a.txt": PAGE, "b.txt": PAGE}, rows=rows)
    with pytest.raises(CorpusError, match=r"line 3, field 'article_id': duplicate article id 'a1'"):
        load_corpus(root)


def test_unknown_bloc(make_corpus) -> None:
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "X", "outlet_bloc": "pro-russian"}]
    root = make_corpus({"a.txt": PAGE}, rows=rows)
    with pytest.raises(CorpusError, match=r"line 2, field 'outlet_bloc': unknown bloc 'pro-russian'"):
        load_corpus(root)


def test_missing_required_column(make_corpus) -> None:
    root = make_corpus({"a.txt": PAGE}, header=["article_id", "source_file", "outlet"])
    with pytest.raises(CorpusError, match="missing required column.*outlet_bloc"):
        load_corpus(root)


def test_non_utf8_raw_file_names_file_offset_and_line(make_corpus) -> None:
    root = make_corpus({"a.txt": b"Headline\nCaf\xe9 owner said.\n"})
    with pytest.raises(CorpusError, match=r"a\.txt, line 2: not valid UTF-8 at byte offset 12") as info:
        load_corpus(root)
    assert info.value.file.endswith("a.txt")


def test_listed_article_with_missing_raw_file(make_corpus) -> None:
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "X", "outlet_bloc": "other"},
            {"article_id": "a2", "source_file": "gone.txt", "outlet": "X", "outlet_bloc": "other"}]
    root = make_corpus({"a.txt": PAGE}, rows=rows)
    with pytest.raises(CorpusError, match=r"line 3, field 'source_file': article 'a2' is listed but its raw file"):
        load_corpus(root)


def test_unlisted_raw_file_is_an_error_or_a_reported_issue(make_corpus) -> None:
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "X", "outlet_bloc": "other"}]
    root = make_corpus({"a.txt": PAGE, "stray.txt": "Not listed."}, rows=rows)
    with pytest.raises(CorpusError, match=r"stray\.txt.*not listed in articles\.csv"):
        load_corpus(root)
    c = load_corpus(root, strict=False, statements=False)
    assert c.articles["article_id"].tolist() == ["a1"]
    assert c.issues["message"].str.contains("stray.txt is not listed").any()


def test_quoted_passage_beyond_the_file(make_corpus) -> None:
    quoted = ("article_id,quoted_outlet,quoted_outlet_country,quoted_outlet_bloc,kind,"
              "first_line,last_line,evidence\na1,NPR,United States,western,passage,2,40,e\n")
    root = make_corpus({"a.txt": PAGE}, quoted=quoted)
    with pytest.raises(CorpusError, match=r"quoted_sources\.csv, line 2, field 'last_line': line 40 is beyond"):
        load_corpus(root)


def test_missing_folder(tmp_path) -> None:
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nowhere")


def test_raw_dir_option(tmp_path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "article_id,source_file,outlet,outlet_bloc\na1,a.txt,X,other\n", encoding="utf-8"
    )
    c = load_corpus(tmp_path, raw_dir="pages", statements=False)
    assert c.texts["a1"].startswith("Headline here")


def test_bundled_corpus_is_whole_and_lossless() -> None:
    c = load_corpus(statements=False)
    assert len(c.articles) == 5 and set(c.texts) == set(c.articles["article_id"])
    for aid, doc in c.documents.items():
        mine = c.boilerplate[c.boilerplate["article_id"] == aid]
        assert len(mine) == len(doc.boilerplate)
        assert rebuild_raw(c.texts[aid], doc.boilerplate) == doc.raw
    assert c.issues.empty


def _fake_pieces(monkeypatch, fn, detect=lambda text: []) -> None:
    """Replace quote finding (narration is still the extractor's) and passage detection."""
    monkeypatch.setattr(extract, "statement_pieces", fn)
    monkeypatch.setattr(pipeline, "find_passages", detect)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _said_quotes(text: str, registry=None) -> list[Piece]:
    """A stand-in quote finder: each line with 'said' is Jane Minister's direct quote."""
    jane = Who("Jane Minister", registered=True)
    return [Piece(s, e, "direct", jane, "said") for s, e in _lines(text) if "said" in text[s:e]]


def _no_quotes(text: str, registry=None) -> list[Piece]:
    return []


JANE = "canonical,aliases,role,country,bloc,kind,gender,note\nJane Minister,Jane Minister,minister,,western,person,f,\n"


QUOTED = ("article_id,quoted_outlet,quoted_outlet_country,quoted_outlet_bloc,kind,first_line,"
          "last_line,evidence\na1,NPR,United States,western,passage,5,5,e\n")
QUOTING_PAGE = "Blog title\n\nAdvertisement\nAs NPR reports:\nOfficials met in Istanbul, NPR's source said.\nMy comment.\n"


def test_statements_get_ids_outlets_and_sources(make_corpus, monkeypatch) -> None:
    _fake_pieces(monkeypatch, _said_quotes)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "Some Blog", "outlet_bloc": "other"}]
    root = make_corpus({"a.txt": QUOTING_PAGE}, rows=rows, quoted=QUOTED)
    (root / "speakers.csv").write_text(JANE, encoding="utf-8")
    c = load_corpus(root)
    s = c.statements
    assert list(s.columns) == list(STATEMENT_COLUMNS)
    assert s["statement_id"].tolist() == ["a1-001", "a1-002", "a1-003", "a1-004"]
    assert (s["outlet"] == "Some Blog").all()
    by_text = s.set_index("text")
    quote = by_text.loc["Officials met in Istanbul, NPR's source said."]
    assert (quote["source"], quote["source_bloc"], quote["quoted_from"]) == ("Jane Minister", "western", "NPR")
    comment = by_text.loc["My comment."]
    assert (comment["source"], comment["source_bloc"], comment["quoted_from"]) == ("Some Blog", "other", "")
    assert c.articles.loc[0, "status"] == "ok" and c.articles.loc[0, "n_statements"] == 4


def _narration_only_corpus(make_corpus, monkeypatch):
    """The quoting page loaded with an extractor that calls everything narration."""

    _fake_pieces(monkeypatch, _no_quotes)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "Some Blog", "outlet_bloc": "other"}]
    c = load_corpus(make_corpus({"a.txt": QUOTING_PAGE}, rows=rows, quoted=QUOTED))
    return c


def test_narration_inside_a_passage_is_the_quoted_outlets(make_corpus, monkeypatch) -> None:
    c = _narration_only_corpus(make_corpus, monkeypatch)
    row = c.statements.set_index("text").loc["Officials met in Istanbul, NPR's source said."]
    assert (row["source"], row["source_bloc"], row["quoted_from"]) == ("NPR", "western", "NPR")


def test_failing_extractor_is_reported_per_article(make_corpus, monkeypatch) -> None:
    def flaky(text, registry=None):
        if "boom" in text:
            raise RuntimeError("cannot parse")
        return _said_quotes(text)

    _fake_pieces(monkeypatch, flaky)
    root = make_corpus({"a.txt": PAGE, "b.txt": "It went boom."})
    c = load_corpus(root)
    assert c.articles["status"].tolist() == ["ok", "extraction_failed: RuntimeError: cannot parse"]
    assert c.articles["n_statements"].tolist() == [2, 0]
    assert (c.issues["article_id"] == "a2").any()


def test_offsets_that_do_not_match_are_flagged(make_corpus, monkeypatch) -> None:
    real = pipeline.extract_statements

    def shifted(*args, **kwargs):
        df = real(*args, **kwargs)
        df.loc[df.index[-1], "start"] = 0  # the last row's offsets no longer give its text
        return df

    monkeypatch.setattr(pipeline, "extract_statements", shifted)
    c = load_corpus(make_corpus({"a.txt": PAGE}))
    assert c.articles.loc[0, "status"].startswith("span_mismatch: 1 statement")


def test_bundled_corpus_with_the_real_extractor() -> None:
    c = load_corpus()
    assert len(c.articles) == 5
    assert c.articles["status"].isin(["ok", "no_statements"]).all(), c.articles["status"].tolist()
    s = c.statements
    assert s["statement_id"].is_unique
    for aid, text in c.texts.items():
        mine = s[s["article_id"] == aid]
        assert all(text[a:b] == t for a, b, t in zip(mine["start"], mine["end"], mine["text"]))
    quotes = s[s["kind"].isin(["direct", "partial"])]
    attributed = quotes[~quotes["speaker_unattributed"]]
    assert len(attributed) and (attributed["source"] == attributed["speaker"]).all()
    assert (quotes.loc[quotes["speaker_unattributed"], "speaker"] == "").all()
    npr = c.quoted_sources[c.quoted_sources["quoted_outlet"] == "NPR"].iloc[0]
    inside = s[(s["article_id"] == "seed-003") & (s["start"] >= npr["clean_start"])
               & (s["end"] <= npr["clean_end"])]
    assert len(inside) and (inside["quoted_from"] == "NPR").all()


def test_passage_found_only_by_the_extractor_sets_the_source(make_corpus, monkeypatch) -> None:
    def third_line_from_bbc(text):
        return [(s, e, "BBC") for s, e in _lines(text)[2:3]]

    _fake_pieces(monkeypatch, _no_quotes, third_line_from_bbc)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "Some Blog", "outlet_bloc": "other"}]
    c = load_corpus(make_corpus({"a.txt": QUOTING_PAGE}, rows=rows))
    row = c.statements.iloc[2]
    assert (row["source"], row["source_bloc"], row["quoted_from"]) == ("BBC", "", "BBC")


def test_narration_speaker_is_the_narrator(make_corpus, monkeypatch) -> None:
    _fake_pieces(monkeypatch, _said_quotes)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "Some Blog", "outlet_bloc": "other"}]
    root = make_corpus({"a.txt": QUOTING_PAGE}, rows=rows, quoted=QUOTED)
    (root / "speakers.csv").write_text(JANE, encoding="utf-8")
    c = load_corpus(root)
    narration = c.statements[c.statements["kind"] == "narration"]
    assert len(narration) == 3
    assert (narration["speaker"] == narration["source"]).all()
    assert (narration["speaker_bloc"] == narration["source_bloc"]).all()
    assert narration["speaker"].tolist() == ["Some Blog", "Some Blog", "Some Blog"]
    assert not narration["speaker_in_registry"].any()
    quote = c.statements.set_index("text").loc["Officials met in Istanbul, NPR's source said."]
    assert (quote["speaker"], quote["speaker_in_registry"]) == ("Jane Minister", True)


def test_narration_speaker_inside_a_passage_is_the_quoted_outlet(make_corpus, monkeypatch) -> None:
    c = _narration_only_corpus(make_corpus, monkeypatch)
    row = c.statements.set_index("text").loc["Officials met in Istanbul, NPR's source said."]
    assert (row["speaker"], row["speaker_bloc"], row["speaker_in_registry"]) == ("NPR", "western", False)


def test_registered_narrator_is_in_the_registry(make_corpus, monkeypatch) -> None:
    _fake_pieces(monkeypatch, _no_quotes)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "kremlin.ru", "outlet_bloc": "russian",
             "narrator": "Kremlin", "narrator_bloc": "russian"}]
    c = load_corpus(make_corpus({"a.txt": "Talks ended.\n"}, rows=rows))
    row = c.statements.iloc[0]
    assert (row["speaker"], row["speaker_bloc"], row["speaker_in_registry"]) == ("Kremlin", "russian", True)


def test_unidentified_narrators_stay_apart(make_corpus, monkeypatch) -> None:
    _fake_pieces(monkeypatch, _said_quotes)
    rows = [{"article_id": f"a{i}", "source_file": f"{i}.txt", "outlet": "unidentified", "outlet_bloc": "other"}
            for i in (1, 2)]
    c = load_corpus(make_corpus({"1.txt": "Talks ended.\n", "2.txt": "Talks ended.\n"}, rows=rows))
    s = c.statements
    assert s["source"].tolist() == ["unidentified (a1)", "unidentified (a2)"]
    assert s["speaker"].tolist() == ["unidentified (a1)", "unidentified (a2)"]
    assert (s["outlet"] == "unidentified").all() and (c.articles["outlet"] == "unidentified").all()


def test_unattributed_quote_is_flagged_and_sourced_to_its_narrator(make_corpus, monkeypatch) -> None:
    def with_scare_quote(text, registry=None):
        # 'As NPR reports:' (blog) and the passage line (NPR), quoted with no speaker
        return [Piece(s, e, "partial") for s, e in _lines(text)[1:3]]

    _fake_pieces(monkeypatch, with_scare_quote)
    rows = [{"article_id": "a1", "source_file": "a.txt", "outlet": "unidentified", "outlet_bloc": "other"}]
    c = load_corpus(make_corpus({"a.txt": QUOTING_PAGE}, rows=rows, quoted=QUOTED))
    s = c.statements
    assert s["speaker_unattributed"].dtype == bool
    assert s["speaker_unattributed"].tolist() == [False, True, True, False]
    flagged = s[s["speaker_unattributed"]]
    assert (flagged["speaker"] == "").all()
    assert flagged[["source", "source_bloc"]].values.tolist() == [["unidentified (a1)", "other"],
                                                                   ["NPR", "western"]]


def test_bundled_corpus_narration_and_unattributed_quotes() -> None:
    s = load_corpus().statements
    narration = s[s["kind"] == "narration"]
    assert (narration["speaker"] != "").all() and (narration["speaker"] == narration["source"]).all()
    assert "unidentified" not in set(s["source"])
    assert {"unidentified (seed-000)", "unidentified (seed-003)", "unidentified (seed-004)"} <= set(s["source"])
    flagged = s[s["speaker_unattributed"]]
    assert len(flagged) >= 1 and (flagged["kind"].isin(["direct", "partial"])).all()
    assert (flagged["source"] != "").all() and (flagged["source_bloc"] != "").all()
