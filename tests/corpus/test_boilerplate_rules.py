"""Line rules: each boilerplate kind is recognised, ordinary news sentences are not."""

from __future__ import annotations

import pytest

from analysis.corpus import boilerplate_rules as rules


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below this ad", "advertisement"),
        ("Article continues after advertisement", "advertisement"),
        ("Follow us on our official WhatsApp channel for breaking news alerts and key updates!", "promo"),
        ("Stay updated with the latest - Click here to follow us on Instagram", "promo"),
        ("Subscribe to our newsletter", "promo"),
        ("Next In World", "navigation"),
        ("Others Also Read", "navigation"),
        ("Also read: Kremlin says talks will continue", "navigation"),
        ("More from Europe", "navigation"),
        ("Post Comment", "comments"),
        ("No comments:", "comments"),
        ("Latest Comment", "comments"),
        ("3 comments:", "comments"),
        ("FILE PHOTO: Soldiers on parade in Moscow, May 9, 2024.", "caption"),
        ("A damaged building in Kharkiv in this undated photo. (AP)", "caption"),
        ("  \u2022 World", "metadata"),
        ("\u2022 Tuesday, 03 Jun 2025", "metadata"),
        ("Updated: June 3, 2025 10:42 IST", "metadata"),
        ("5 min read", "metadata"),
        ("Premium", "badge"),
        ("-", "separator"),
        ("***", "separator"),
        ("![]() |", "image"),
        ("![Medvedev](https://example.org/a.jpg)", "image"),
        ("(Reporting by Reuters; Writing by Gleb Stolyarov; Editing by Kevin Liffey)", "credit"),
        ("With inputs from agencies", "credit"),
        ("\u2014 Reuters", "credit"),
        ("By Jane Doe and John Roe", "byline"),
        ("", "whitespace"),
    ],
)
def test_line_reason(line: str, reason: str) -> None:
    assert rules.line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Medvedev said on Tuesday that peace talks were aimed at victory.",
        "Second round of talks",
        "No ceasefire deal; sides agree on prisoner and body exchange",
        "Published figures show the economy shrank in May.",
        "\u2022 Russia demands that Ukraine give up its bid to join NATO",
        "Follow-up talks are planned for next week, officials said.",
        "Comments by the minister drew criticism in Kyiv.",
        "Live ammunition was used, the report said.",
        "- The discussions within the Kremlin involve policy questions.",
        "By the end of the day, the talks had collapsed.",
    ],
)
def test_body_lines_are_not_boilerplate(line: str) -> None:
    assert rules.line_reason(line) is None


def test_headline_like() -> None:
    assert rules.is_headline_like("Heatwave hits Finland, Sweden, triggers health warnings")
    assert not rules.is_headline_like("The heatwave hit Finland on Monday, officials said.")
    assert not rules.is_headline_like('"We will win," he said.')


def test_glued_alt_text() -> None:
    line = "Medvedev Russia Ukraine talksMedvedev, deputy chairman, spoke. (Reuters)"
    assert line[: rules.glued_alt_end(line)] == "Medvedev Russia Ukraine talks"
    assert rules.glued_alt_end("Medvedev, deputy chairman, spoke. (Reuters)") == 0


def test_dateline_forms() -> None:
    for text in ("MOSCOW (Reuters) -Senior", "KYIV, June 3 (Reuters) - Ukraine", "(AP) \u2014 Russia",
                 "MOSCOW, June 3. /TASS/. The Kremlin"):
        m = rules.DATELINE.match(text)
        assert m is not None and m.end() < len(text), text
    assert rules.DATELINE.match("Moscow said on Tuesday (Reuters) - no") is None


def test_every_reason_the_cleaner_gives_is_a_documented_one(seed_docs) -> None:
    documented = set(rules.WHOLE_LINE_REASONS) | set(rules.SUB_LINE_REASONS)
    given = {b.reason for doc in seed_docs.values() for b in doc.boilerplate}
    assert given and given <= documented, sorted(given - documented)
