"""Boilerplate separation: lossless on every seed and on generated pages; rules fire where they should."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.clean import CleanedText, clean_text, rebuild_raw, split_lines, wire_credits

SEED_NAMES = [
    "000_1df8d5a0b167695b.txt", "001_edf0990c0f6221d3.txt", "002_019b94c781892da8.txt",
    "003_7b8b051aee0f11ae.txt", "004_4a607c301ed6a3b7.txt",
]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_rebuilds_byte_exact(name: str, seed_bytes, seed_docs) -> None:
    doc = seed_docs[name]
    assert rebuild_raw(doc.text, doc.boilerplate).encode("utf-8") == seed_bytes[name]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_records_point_at_their_raw_text(name: str, seed_docs) -> None:
    doc = seed_docs[name]
    lines = [ln.content + ln.eol for ln in split_lines(doc.raw)]
    for b in doc.boilerplate:
        assert doc.raw[b.raw_start:b.raw_end] == b.text
        assert lines[b.line - 1][b.start_col:b.end_col] == b.text


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_clean_char_maps_to_the_same_raw_char(name: str, seed_docs) -> None:
    doc = seed_docs[name]
    assert all(doc.raw[doc.to_raw(i)] == ch for i, ch in enumerate(doc.text))
    assert all(doc.to_clean(doc.to_raw(i)) == i for i in range(len(doc.text)))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Advertisement",
        "Advertisement\n",
        "Body line one.\r\nBody line two.\r\n",
        "Old Mac.\rSecond line.\r",
        "\ufeffHeadline\n\n\nBody text here.",
        "  Indented body.  \n\t\nAdvertisement\r\n",
        "No final newline",
        "\n\n\n",
    ],
)
def test_edge_cases_round_trip(raw: str) -> None:
    doc = clean_text(raw)
    assert rebuild_raw(doc.text, doc.boilerplate) == raw


def test_crlf_and_blank_lines_leave_plain_newlines() -> None:
    doc = clean_text("First para.\r\n\r\nSecond para.\r\n")
    assert doc.text == "First para.\nSecond para."


def test_bom_is_a_record_not_text() -> None:
    doc = clean_text("\ufeffHeadline\nBody.")
    assert doc.text == "Headline\nBody."
    assert doc.boilerplate[0].reason == "bom"


_PIECES = st.sampled_from([
    "Advertisement", "Story continues below this ad", "Medvedev said talks failed.",
    "\n", "\r\n", "\r", " ", "  • World", "(Reuters)", "MOSCOW (Reuters) -", "[1]",
    "FILE PHOTO: troops.", "Next In World", "U.S. stocks close higher", "-", "Premium",
    "He said \u201cno\u201d.", "\ufeff", "Post a Comment", "![]() |", "caption (AP) |",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_generated_pages_round_trip_and_map(raw: str) -> None:
    doc = clean_text(raw)
    assert rebuild_raw(doc.text, doc.boilerplate) == raw
    assert all(doc.raw[doc.to_raw(i)] == ch for i, ch in enumerate(doc.text))
    spans = sorted((b.raw_start, b.raw_end) for b in doc.boilerplate)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # records never overlap


def _reasons(doc: CleanedText) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in doc.boilerplate:
        out.setdefault(b.reason, []).append(b.text.strip())
    return out


def test_seed_002_page_furniture_removed(seed_doc) -> None:
    doc = seed_doc("002")
    reasons = _reasons(doc)
    assert reasons["badge"] == ["Premium"]
    assert reasons["image_alt"] == ["Medvedev Russia Ukraine talks"]
    assert reasons["caption"][0].endswith("(Reuters)")
    assert len(reasons["advertisement"]) == 6
    assert reasons["comments"] == ["Latest Comment", "Post Comment", "Read Comments"]
    for junk in ("Premium", "Story continues", "Advertisement", "Instagram", "Comment", "(Reuters)"):
        assert junk not in doc.text
    assert doc.text.startswith("\u2018Everything that needs to be blown up")
    assert "\nSecond round of talks\n" in doc.text  # a sub-heading is body


def test_seed_001_wire_page(seed_doc) -> None:
    doc = seed_doc("001")
    reasons = _reasons(doc)
    assert reasons["dateline"] == ["MOSCOW (Reuters) -"]
    assert reasons["credit"][0].startswith("(Reporting by Reuters")
    assert len(reasons["related_headlines"]) == 10
    assert reasons["metadata"] == ["\u2022 World", "\u2022 Tuesday, 03 Jun 2025"]
    assert doc.text.splitlines()[1].startswith("Senior Russian security official")
    assert doc.text.endswith('those who must be eliminated will be."')
    assert wire_credits(doc) == ["Reuters"]


def test_photo_credits_are_not_wire_credits(seed_doc) -> None:
    assert wire_credits(seed_doc("000")) == []
    assert wire_credits(seed_doc("002")) == []


def test_seed_000_caption_and_separator(seed_doc) -> None:
    doc = seed_doc("000")
    reasons = _reasons(doc)
    assert reasons["separator"] == ["-"]
    assert "in this undated photo" in reasons["caption"][0]
    assert len(doc.text.splitlines()) == 13  # 15 raw lines less separator and caption


def test_seed_003_blog_furniture(seed_doc) -> None:
    doc = seed_doc("003")
    reasons = _reasons(doc)
    assert reasons["image"] == ["![]() |"]
    assert reasons["caption"] == ["Medvedev: Russia wants dominance, not negotiations (Tass) |"]
    assert reasons["comments"] == ["No comments:", "Post a Comment"]
    assert doc.text.startswith("Vladimir Putin's chief lieutenant")


def test_seed_004_footnote_marker_is_cut_inside_the_line(seed_doc) -> None:
    doc = seed_doc("004")
    (marker,) = [b for b in doc.boilerplate if b.reason == "footnote_marker"]
    assert marker.text == "[1]" and marker.start_col > 0
    assert "territorial integrity. As both sides" in doc.text


def test_line_span_maps_raw_lines_to_clean_text(seed_doc) -> None:
    doc = seed_doc("003")
    s, e = doc.line_span(20, 20)
    assert doc.text[s:e].startswith("Meanwhile, Medvedev's statements")
    assert doc.text[s:e].endswith("From The Kyiv Independent:")
    with pytest.raises(ValueError):
        doc.line_span(5, 99)


def test_to_raw_sides_at_a_cut() -> None:
    doc = clean_text("Premium\nTalks end")
    assert doc.raw[doc.to_raw(0):doc.to_raw(5, "end")] == "Talks"
    with pytest.raises(ValueError):
        doc.to_raw(0, side="middle")


def test_repeated_paragraph_is_marked_duplicate() -> None:
    para = "Officials said the talks would resume next week in Istanbul."
    doc = clean_text(f"{para}\nOther news from the front line today.\n{para}")
    assert [b.reason for b in doc.boilerplate if b.reason != "whitespace"] == ["duplicate"]
    assert doc.text.count(para) == 1


def test_trailing_agency_credit_on_body_line_is_cut_but_line_kept() -> None:
    doc = clean_text("The ministry said the strike hit a depot. (Reuters)")
    assert doc.text == "The ministry said the strike hit a depot."
    assert [b.reason for b in doc.boilerplate] == ["credit"]
