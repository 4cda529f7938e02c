"""External corpora: every row loaded and accounted for, blocs mapped, files reproducible."""

from __future__ import annotations

import gzip

import pytest

from analysis import paths
from analysis.corpus.errors import CorpusError
from analysis.corpus.external import (
    RUWA_FILE,
    RUWA_OUTLETS,
    RUWA_STATUSES,
    load_press_releases,
    load_ruwa,
    ruwa_empty_counts,
    ruwa_texts,
)


@pytest.fixture(scope="module")
def ruwa():
    return load_ruwa()


def test_press_releases_rows_and_columns() -> None:
    pr = load_press_releases()
    assert pr.groupby("side").size().to_dict() == {"russian": 816, "ukrainian": 980}
    assert pr["doc_id"].is_unique
    assert str(pr["date"].dtype) .endswith("UTC]")
    assert pr["date"].notna().all()
    assert (pr.loc[pr["side"] == "ukrainian", "summary"] == "").all()
    assert not (pr["location"] == "NA").any()


def test_press_release_status_reports_empties() -> None:
    pr = load_press_releases()
    assert pr["status"].value_counts().to_dict() == {"ok": 1795, "empty_headline": 1}
    assert (pr.loc[pr["status"] == "ok", "body"].str.strip() != "").all()


def test_ruwa_every_row_and_site_accounted_for(ruwa) -> None:
    assert len(ruwa) == 16_545
    assert ruwa["row_id"].tolist() == list(range(16_545))
    assert ruwa["site"].str.replace("www.", "", regex=False).isin(list(RUWA_OUTLETS)).all()
    assert ruwa["outlet_bloc"].value_counts().to_dict() == {
        "ukrainian": 11_843, "western": 3_042, "russian": 1_060, "other": 600,
    }
    assert ruwa["status"].isin(RUWA_STATUSES).all()
    assert ruwa["date"].notna().all()


def test_ruwa_rows_repeating_an_earlier_text_are_flagged(ruwa) -> None:
    repeats = ruwa[ruwa["repeat_of"].notna()]
    assert repeats["outlet"].value_counts().to_dict() == {"MSNBC": 64, "Reuters": 27, "Ukrinform": 5, "RT": 1}
    first = ruwa.set_index("row_id").loc[repeats["repeat_of"].astype(int)]
    assert (repeats["title"].to_numpy() == first["title"].to_numpy()).all()
    assert (repeats["desc"].to_numpy() == first["desc"].to_numpy()).all()
    assert (repeats["link"].to_numpy() != first["link"].to_numpy()).all()
    assert (repeats["row_id"].to_numpy() > first.index.to_numpy()).all()


def test_ruwa_empty_counts(ruwa) -> None:
    counts = ruwa_empty_counts(ruwa)
    assert counts.loc["total"].to_dict() == {
        "ok": 12_831, "empty_title": 958, "empty_desc": 2_562, "empty_title_and_desc": 194,
        "total": 16_545,
    }
    assert counts.loc["rt.com", "empty_title"] == 878


@pytest.mark.parametrize("field", ["title", "desc", "both"])
def test_ruwa_texts_keep_plus_skip_is_everything(ruwa, field) -> None:
    kept, skipped = ruwa_texts(ruwa, field)
    assert len(kept) + int(skipped["n"].sum()) == len(ruwa)
    assert (kept["text"].str.strip() != "").all()
    if field == "both":
        assert set(skipped["status"]) == {"empty_title_and_desc"}


def test_ruwa_texts_rejects_unknown_field(ruwa) -> None:
    with pytest.raises(ValueError, match="field must be"):
        ruwa_texts(ruwa, "body")


def test_unknown_site_gets_other_and_a_warning(tmp_path) -> None:
    p = tmp_path / "ruwa.csv.gz"
    csv = (",Unnamed: 0,src,desc,title,ref,Date,Site,Event,KW\n"
           "0,1,https://example.org/a,lead,title,[],03/01/2022,example.org,beginning,[]\n")
    p.write_bytes(gzip.compress(csv.encode("utf-8"), mtime=0))
    with pytest.warns(UserWarning, match="example.org"):
        df = load_ruwa(p)
    assert df.loc[0, "outlet_bloc"] == "other"


def test_missing_external_file_is_a_corpus_error(tmp_path) -> None:
    with pytest.raises(CorpusError, match="external corpus file not found"):
        load_ruwa(tmp_path / "none.csv.gz")


@pytest.mark.parametrize(
    "path",
    [paths.PRESS_RELEASES_DIR / "putin.csv.gz", paths.PRESS_RELEASES_DIR / "zelenskyy.csv.gz",
     paths.RUWA_DIR / RUWA_FILE],
)
def test_vendored_archives_are_reproducible(path) -> None:
    head = path.read_bytes()[:10]
    assert head[:2] == b"\x1f\x8b" and head[4:8] == b"\x00\x00\x00\x00"  # mtime 0
    assert head[3] & 0x08 == 0  # no file name stored
    assert (path.parent / "NOTICE.md").is_file()
