"""Furniture of other sites: a live blog and a newspaper article (fixtures written for the tests).

The fixtures imitate the page furniture of a Guardian live blog (time stamps,
"Updated at ...", share buttons, a newsletter box) and of an NYT article
("Supported by", an editor's note, a contributor line); the body sentences
are invented.  Every removed line must carry its reason and the raw page must
be rebuilt exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import boilerplate_rules as rules
from analysis.corpus.clean import clean_text, rebuild_raw

FIXTURES = Path(__file__).parent / "fixtures"


def _removed(name: str) -> tuple[str, dict[int, str], str]:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    doc = clean_text(raw)
    assert rebuild_raw(doc.text, doc.boilerplate) == raw
    reasons = {b.line: b.reason for b in doc.boilerplate if b.reason != "whitespace"}
    return doc.text, reasons, raw


def test_live_blog_furniture_is_removed_with_a_reason_each() -> None:
    text, reasons, _ = _removed("guardian_liveblog.txt")
    assert reasons == {
        2: "badge", 3: "widget", 4: "widget", 5: "widget", 6: "timestamp", 7: "timestamp",
        11: "timestamp", 12: "badge", 13: "timestamp", 16: "widget", 17: "caption",
        18: "share", 19: "share", 20: "share", 21: "widget", 22: "promo", 23: "promo",
        24: "widget", 25: "timestamp", 26: "widget", 27: "widget",
    }
    assert text.splitlines() == [
        "Russia-Ukraine war live: Kyiv hit by overnight drone strikes",
        "Drone debris falls on residential district",
        "Ukraine's air force said it shot down 40 of the 52 drones launched overnight, and that debris "
        "had fallen on a residential district of Kyiv.",
        '"The night was difficult," the city\'s mayor wrote on Telegram.',
        "Talks in Istanbul",
        "Delegations are expected to meet again at 15:00 local time, according to the Turkish foreign "
        "ministry.",
    ]


def test_newspaper_notes_and_contributor_lines_are_removed() -> None:
    text, reasons, _ = _removed("nyt_article.txt")
    assert reasons == {2: "widget", 3: "byline", 6: "editors_note", 7: "editors_note", 8: "signature"}
    assert text.splitlines()[1:] == [
        "The shelling began before dawn and did not stop until the afternoon, residents said.",
        '"We have nowhere else to go," said one woman, who gave only her first name.',
    ]


@pytest.mark.parametrize(("line", "reason"), [
    ("Updated at 22.28 BST", "timestamp"),
    ("Updated at 10.05am EDT", "timestamp"),
    ("14.05 BST", "timestamp"),
    ("14:05", "timestamp"),
    ("2h ago 14.05 BST", "timestamp"),
    ("13m ago", "timestamp"),
    ("First published on Tue 3 Jun 2025 09.14 BST", "timestamp"),
    ("Last modified on Wed 4 Jun 2025 12.00 BST", "timestamp"),
    ("Show key events only", "widget"),
    ("Please turn on JavaScript to use this feature", "widget"),
    ("View image in fullscreen", "widget"),
    ("Load more", "widget"),
    ("Share on WhatsApp", "share"),
    ("Copy link", "share"),
    ("This interview has been edited for length and clarity.", "editors_note"),
    ("Update: This newsletter has been updated to reflect news developments.", "editors_note"),
    ("An earlier version of this article misidentified the minister.", "editors_note"),
    ("Anna Petrova reported from Kharkiv.", "signature"),
    ("Ann Lee and Bo Kim contributed reporting.", "signature"),
])
def test_site_furniture_lines(line: str, reason: str) -> None:
    assert rules.line_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The ministry reported from Kyiv that 12 drones were downed.",
    "At 14.05 BST the sirens sounded again.",
    "He said the talks would resume at 14:00 on Monday.",
    "The price rose to 12.50",
    "Reuters reported from Moscow.",
    "Zelensky and Putin reported progress in the talks.",
    "Key events of the war so far include the fall of Mariupol.",
    "I spoke to him as he boarded a flight. Our conversation has been lightly edited.",
    "Share prices in Moscow fell by 3 per cent.",
    "Updated figures show 40 drones were shot down.",
])
def test_body_lines_that_look_like_furniture_stay(line: str) -> None:
    assert rules.line_reason(line) is None
    assert clean_text("Headline\n" + line + "\n").text == "Headline\n" + line


def test_a_newsletter_box_without_its_end_marker_removes_only_the_marker() -> None:
    raw = "Headline\nskip past newsletter promotion\nSign up to First Edition\nBody sentence one.\n"
    doc = clean_text(raw)
    assert doc.text == "Headline\nSign up to First Edition\nBody sentence one."


@pytest.mark.parametrize(("raw", "text", "removed"), [
    ("Head\n14.05 BST Ukraine said 40 drones were downed.\n", "Head\nUkraine said 40 drones were downed.",
     "14.05 BST "),
    ("Head\nThe mayor spoke. Updated at 22.28 BST\n", "Head\nThe mayor spoke.", " Updated at 22.28 BST"),
])
def test_time_stamps_glued_to_a_body_line_are_cut_off_and_recorded(raw: str, text: str, removed: str) -> None:
    doc = clean_text(raw)
    assert doc.text == text
    assert [b.text for b in doc.boilerplate if b.reason == "timestamp"] == [removed]
    assert rebuild_raw(doc.text, doc.boilerplate) == raw


@pytest.mark.parametrize("line", ["14:00 was the deadline.", "The 10.30 GMT deadline passed.",
                                  "Updated figures came at 14:05."])
def test_times_inside_a_sentence_stay(line: str) -> None:
    assert clean_text("Head\n" + line).text == "Head\n" + line


def test_docstring_examples() -> None:
    import doctest

    from analysis.corpus import clean

    for module in (rules, clean):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
