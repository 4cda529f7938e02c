"""RUWA boilerplate rules: small fixed rows, then the counts on the vendored file."""

from __future__ import annotations

import csv
import gzip
import io

import pandas as pd
import pytest

from analysis.corpus.external import (
    CLEAN_REPORT_COLUMNS,
    REPEATED_TITLE,
    RUWA_BOILERPLATE,
    RuwaRule,
    clean_ruwa,
    load_ruwa,
    repeated_title_end,
    ruwa_empty_counts,
    ruwa_texts,
)

# (site, title, desc, expected title, expected desc, expected stripped)
ROWS = [
    ("censor.net",
     "Shelling: Town hit, - Mayor (05.04.22 12:02) « War in Ukraine | Censor.NET",
     "05.04.22 12:02 - Shelling: Town hit, - Mayor. Three houses burned. View news.",
     "Shelling: Town hit, - Mayor", "Three houses burned.",
     "time_and_section;time_stamp;view_link;repeated_title"),
    ("censor.net",
     'Talks: "No deal" - Kuleba. VIDEO (05.04.22 12:03) « World | Censor.NET',
     "05.04.22 12:03 - Talks: No deal - Kuleba. VIDEO. The minister spoke. View video news.",
     'Talks: "No deal" - Kuleba.', "The minister spoke.",
     "time_and_section;time_stamp;view_link;repeated_title;media_label"),
    ("censor.net",
     "Essay on war (05.04.22 12:04) « Society | Censor.NET",
     "05.04.22 12:04 - Kyiv stands. View article.",
     "Essay on war", "Kyiv stands.", "time_and_section;time_stamp;view_link"),
    ("ukrinform.net", "Missiles hit station",
     "Missiles hit station in Donetsk region. — Ukrinform.",
     "Missiles hit station", "Missiles hit station in Donetsk region.", "sign_off"),
    ("ukrinform.net", "Grain deal signed", "Grain deal signed.  — Ukrinform.",
     "Grain deal signed", "", "sign_off;repeated_title"),
    ("www.msnbc.com", "Plant shelled", "The plant was shelled.\xa0Sept. 1, 2022",
     "Plant shelled", "The plant was shelled.", "broadcast_date"),
    ("www.msnbc.com", "Pelosi in Taiwan", "The first visit since Gingrich went there in 1997.",
     "Pelosi in Taiwan", "The first visit since Gingrich went there in 1997.", ""),
    ("rt.com", "", "Moscow says the claims are fake", "", "Moscow says the claims are fake", ""),
    ("reuters.com", "Russia invades Ukraine", "", "Russia invades Ukraine", "", ""),
    ("reuters.com", "Russia invades Ukraine", "", "Russia invades Ukraine", "", ""),
]


@pytest.fixture(scope="module")
def fixture_ruwa(tmp_path_factory) -> pd.DataFrame:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["", "Unnamed: 0", "src", "desc", "title", "ref", "Date", "Site", "Event", "KW"])
    for i, (site, title, desc, *_expected) in enumerate(ROWS):
        w.writerow([i, i, f"https://{site}/item-{i}", desc, title, "[]", "04/05/2022", site,
                    "bucha", "['*']"])
    path = tmp_path_factory.mktemp("ruwa") / "ruwa.csv.gz"
    path.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), mtime=0))
    return load_ruwa(path)


@pytest.fixture(scope="module")
def fixture_clean(fixture_ruwa):
    return clean_ruwa(fixture_ruwa)


def test_fixture_rows_cleaned_by_their_site_rules(fixture_ruwa, fixture_clean) -> None:
    cleaned, _ = fixture_clean
    assert cleaned.index.equals(fixture_ruwa.index)
    assert cleaned["title"].tolist() == [r[3] for r in ROWS]
    assert cleaned["desc"].tolist() == [r[4] for r in ROWS]
    assert cleaned["stripped"].tolist() == [r[5] for r in ROWS]
    # nothing silently changed: the fields as loaded stay alongside
    assert cleaned["title_raw"].tolist() == fixture_ruwa["title"].tolist()
    assert cleaned["desc_raw"].tolist() == fixture_ruwa["desc"].tolist()
    assert ((cleaned["stripped"] == "") == ((cleaned["title"] == cleaned["title_raw"])
                                           & (cleaned["desc"] == cleaned["desc_raw"]))).all()


def test_status_follows_the_cleaned_fields(fixture_ruwa, fixture_clean) -> None:
    cleaned, _ = fixture_clean
    assert fixture_ruwa.loc[4, "status"] == "ok"
    assert cleaned.loc[4, "status"] == "empty_desc"  # the lead only repeated the title


def test_report_counts_rows_and_characters_per_site_and_rule(fixture_ruwa, fixture_clean) -> None:
    cleaned, report = fixture_clean
    assert tuple(report.columns) == CLEAN_REPORT_COLUMNS
    rows = report.set_index(["site", "rule"])["rows"].to_dict()
    assert rows == {
        ("ukrinform.net", "sign_off"): 2,
        ("ukrinform.net", REPEATED_TITLE): 1,
        ("censor.net", "time_and_section"): 3,
        ("censor.net", "time_stamp"): 3,
        ("censor.net", "view_link"): 3,
        ("censor.net", REPEATED_TITLE): 2,
        ("censor.net", "media_label"): 1,
        ("msnbc.com", "broadcast_date"): 1,
    }
    raw_len = fixture_ruwa["title"].str.len().sum() + fixture_ruwa["desc"].str.len().sum()
    clean_len = cleaned["title"].str.len().sum() + cleaned["desc"].str.len().sum()
    assert report["chars"].sum() == raw_len - clean_len
    assert report.set_index(["site", "rule"]).loc[("censor.net", "media_label"), "chars"] == len(" VIDEO")


def test_rows_repeating_an_earlier_text_are_flagged_and_kept(fixture_ruwa, fixture_clean) -> None:
    cleaned, _ = fixture_clean
    assert fixture_ruwa["repeat_of"].isna().sum() == len(ROWS) - 1
    assert fixture_ruwa.loc[9, "repeat_of"] == 8
    assert cleaned.loc[9, "repeat_of"] == 8 and len(cleaned) == len(ROWS)


@pytest.mark.parametrize(
    ("title", "lead", "end"),
    [
        ("Talks: No deal", "Talks: No deal. The minister spoke.", len("Talks: No deal. ")),
        ('Lavrov: This is "direct challenge"', "Lavrov: This is direct challenge. More.",
         len("Lavrov: This is direct challenge. ")),
        ('" Azov" fighters: statement', "Azov fighters: statement. Text", len("Azov fighters: statement. ")),
        ("Is it over?", "Is it over? Not yet.", len("Is it over? ")),
        ("Grain deal signed", "Grain deal signed", len("Grain deal signed")),
        ("Missiles hit station", "Missiles hit station in Donetsk.", 0),  # the lead goes on
        ("Missiles hit stations", "Missiles hit station.", 0),
        ("A longer title than the lead", "A longer title", 0),
        ("", "Anything.", 0),
    ],
)
def test_repeated_title_end(title: str, lead: str, end: int) -> None:
    assert repeated_title_end(title, lead) == end


def test_repeated_title_rule_can_be_switched_off(fixture_ruwa) -> None:
    cleaned, report = clean_ruwa(fixture_ruwa, drop_repeated_title=False)
    assert REPEATED_TITLE not in set(report["rule"])
    assert cleaned.loc[0, "desc"] == "Shelling: Town hit, - Mayor. Three houses burned."


def test_ruwa_texts_cleans_by_default_and_not_twice(fixture_ruwa, fixture_clean) -> None:
    kept, _ = ruwa_texts(fixture_ruwa, "both")
    assert kept.loc[0, "text"] == "Shelling: Town hit, - Mayor\n\nThree houses burned."
    assert kept.loc[0, "stripped"].startswith("time_and_section")
    again, _ = ruwa_texts(fixture_clean[0], "both")
    assert again["text"].tolist() == kept["text"].tolist()
    raw, _ = ruwa_texts(fixture_ruwa, "both", strip_boilerplate=False)
    assert raw.loc[0, "text"].endswith("View news.") and "stripped" not in raw.columns
    kept_desc, skipped = ruwa_texts(fixture_ruwa, "desc")
    assert len(kept_desc) + int(skipped["n"].sum()) == len(ROWS)
    assert 4 not in kept_desc.index  # its lead was only the title
    with pytest.raises(ValueError, match="already cleaned"):
        clean_ruwa(fixture_clean[0])


def test_bad_rule_field_is_rejected(fixture_ruwa) -> None:
    rule = RuwaRule("rt.com", "body", "x", "x", "x")
    with pytest.raises(ValueError, match="clean_ruwa: rule 'x': field must be one of 'title', 'desc'; got 'body'"):
        clean_ruwa(fixture_ruwa, rules=(rule,))


# --- the vendored file --------------------------------------------------------


@pytest.fixture(scope="module")
def real_clean():
    return load_ruwa(), *clean_ruwa()


def test_real_file_report(real_clean) -> None:
    _, _, report = real_clean
    rows = report.set_index(["site", "rule"])["rows"].to_dict()
    assert rows == {
        ("ukrinform.net", "sign_off"): 6_743,
        ("ukrinform.net", REPEATED_TITLE): 3,
        ("censor.net", "time_and_section"): 5_094,
        ("censor.net", "time_stamp"): 5_094,
        ("censor.net", "view_link"): 5_094,
        ("censor.net", REPEATED_TITLE): 5_043,
        ("censor.net", "media_label"): 488,
        ("msnbc.com", "broadcast_date"): 62,
    }
    assert {r.name for r in RUWA_BOILERPLATE} <= set(report["rule"])


def test_real_file_rows_all_kept_and_furniture_gone(real_clean) -> None:
    raw, cleaned, _ = real_clean
    assert len(cleaned) == 16_545 and cleaned.index.equals(raw.index)
    censor = cleaned["outlet"] == "Censor.net"
    assert not cleaned.loc[censor, "title"].str.contains(r"\| Censor\.NET$").any()
    assert not cleaned.loc[censor, "title"].str.contains(r"\(\d\d\.\d\d\.\d\d \d\d:\d\d\)").any()
    assert not cleaned.loc[censor, "desc"].str.contains(r"View (?:\w+ )*news\.$").any()
    assert not cleaned.loc[censor, "desc"].str.match(r"\d\d\.\d\d\.\d\d \d\d:\d\d").any()
    ukrinform = cleaned["outlet"] == "Ukrinform"
    assert not cleaned.loc[ukrinform, "desc"].str.contains(r"[—–-]\s*Ukrinform\.?$").any()
    assert (cleaned["stripped"] != "").sum() == 5_094 + 6_743 + 62
    assert int(cleaned["repeat_of"].notna().sum()) == int(raw["repeat_of"].notna().sum()) == 97


def test_real_file_exact_title_repeats_are_a_subset(real_clean) -> None:
    raw, cleaned, _ = real_clean
    censor = cleaned[cleaned["outlet"] == "Censor.net"]
    title = censor["title_raw"].str.replace(r"\s*\(\d\d\.\d\d\.\d\d \d\d:\d\d\)\s*«.*$", "", regex=True)
    lead = censor["desc_raw"].str.replace(r"^\d\d\.\d\d\.\d\d \d\d:\d\d\s*-\s*", "", regex=True)
    exact = pd.Series([d.startswith(t) for t, d in zip(title, lead)], index=censor.index)
    assert int(exact.sum()) == 4_681
    assert censor.loc[exact[exact].index, "stripped"].str.contains(REPEATED_TITLE).all()


def test_real_file_status_after_cleaning(real_clean) -> None:
    _, cleaned, _ = real_clean
    counts = ruwa_empty_counts(cleaned)
    # 4 Ukrinform leads and 1 Censor.net lead held nothing but furniture or the title
    assert counts.loc["ukrinform.net", "empty_desc"] == 4
    assert counts.loc["censor.net", "empty_desc"] == 1
    assert counts.loc["total", "empty_title_and_desc"] == 194
