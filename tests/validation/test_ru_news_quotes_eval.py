"""The Russian news quote gold harness on a tiny invented fixture (no SemEval text)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import ru_news_quotes as rq
from analysis.validation import ru_news_quotes_eval as ev
from analysis.validation.exceptions import ValidationDataError

# two invented articles; ids chosen so that one falls on each side of the sha1 rule
P1 = "«Мы готовы к переговорам», — заявил Иван Петров. Он назвал «Ладогу» лучшей."
P3 = "«Это ошибка», — сказал он."
P9 = "Как сообщила Анна Орлова, «всё идёт по плану»."


def _ids() -> tuple[str, str]:
    dev = next(str(i) for i in range(100) if rq.split_of_article(str(i)) == "dev")
    test = next(str(i) for i in range(100) if rq.split_of_article(str(i)) == "test")
    return dev, test


def _unit(article: str, para: int, text: str, inner: str, kind: str, speaker: str, tag: str,
          named: str = "1") -> dict[str, str]:
    start = text.index(inner)
    end = start + len(inner)
    return {"article_id": article, "paragraph": str(para), "unit": "1", "start": str(start), "end": str(end),
            "mark": "quote", "fragment": rq.unit_fragment(inner), "kind": kind,
            "speaker": speaker if kind in ("direct", "partial") else rq.UNATTRIBUTED,
            "speaker_as_written": "", "tag_type": tag if kind in ("direct", "partial") else "none",
            "speaker_named": named if kind in ("direct", "partial") else "0",
            "split": rq.split_of_article(article), "notes": ""}


@pytest.fixture()
def fixture(tmp_path: Path) -> tuple[Path, Path]:
    dev, test = _ids()
    data = tmp_path / "data"
    src = data / "semeval2023_ru_unlabelled"
    src.mkdir(parents=True)
    (src / "test-original.txt").write_text(
        f"{dev}\t1\t{P1}\n{dev}\t3\t{P3}\n{test}\t9\t{P9}\n", encoding="utf-8")
    rows = [
        _unit(dev, 1, P1, "«Мы готовы к переговорам»", "direct", "Иван Петров", "name"),
        _unit(dev, 1, P1, "«Ладогу»", "term", "", "none"),
        _unit(dev, 3, P3, "«Это ошибка»", "direct", "Иван Петров", "pronoun"),
        _unit(test, 9, P9, "«всё идёт по плану»", "partial", "Анна Орлова", "name"),
    ]
    gold = tmp_path / "quotes.csv"
    with gold.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=rq.QUOTE_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return data, gold


def test_quote_spans_pairs_nested_and_straight_marks() -> None:
    assert rq.quote_spans("«а „б“ в» и \"г\"") == [(0, 9), (3, 6), (12, 15)]
    assert rq.quote_spans("«открыта, » закрыта»") == [(0, 11)]


def test_loader_reads_spans_and_rejects_a_changed_source(fixture: tuple[Path, Path]) -> None:
    data, gold = fixture
    units = rq.load_ru_news_quotes(data, gold)
    assert units["text"].tolist()[0] == "«Мы готовы к переговорам»"
    assert len(rq.load_ru_news_quotes(data, gold, split="dev")) == 3
    src = data / "semeval2023_ru_unlabelled" / "test-original.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("Мы готовы", "Вы готовы"), encoding="utf-8")
    with pytest.raises(ValidationDataError, match="fragment does not match"):
        rq.load_ru_news_quotes(data, gold)


def test_loader_rejects_a_bad_label(fixture: tuple[Path, Path], tmp_path: Path) -> None:
    data, gold = fixture
    frame = pd.read_csv(gold, dtype=str, keep_default_na=False)
    frame.loc[0, "kind"] = "quote"
    bad = tmp_path / "bad.csv"
    frame.to_csv(bad, index=False)
    with pytest.raises(ValidationDataError, match="line 2: kind"):
        rq.load_ru_news_quotes(data, bad)


def _fake(text: str) -> pd.DataFrame:
    """An extractor that finds the first quote with its speaker, misses the pronoun and gives the term a speaker."""
    a = text.index("«Мы")
    b = text.index("«Ладогу»")
    c = text.index("«Это")
    return pd.DataFrame([
        {"kind": "direct", "start": a, "end": a + 25, "speaker": "Иван Петров", "speaker_id": "person:petrov",
         "speaker_as_written": "Иван Петров", "attribution": "name"},
        {"kind": "partial", "start": b, "end": b + 8, "speaker": "Иван Петров", "speaker_id": "person:petrov",
         "speaker_as_written": "Он", "attribution": "pronoun"},
        {"kind": "direct", "start": c, "end": c + 12, "speaker": "", "speaker_id": "",
         "speaker_as_written": "", "attribution": "none"},
    ])


def test_metrics_on_the_fixture(fixture: tuple[Path, Path]) -> None:
    data, gold = fixture
    aligned = ev.align(rq.load_ru_news_quotes(data, gold, split="dev"), _fake)
    m = ev.news_metrics(aligned)
    assert (m["speech_units"], m["found"], m["quote_recall"]) == (2, 2, 1.0)
    assert m["kind_accuracy"] == 1.0
    assert m["speaker_accuracy"] == 0.5 and m["unattributed_named"] == 0.5
    assert m["term_given_speaker"] == 1.0
    tags = ev.by_tag(aligned).set_index("tag_type")
    assert tags.loc["pronoun", "speaker_accuracy"] == 0.0 and tags.loc["name", "speaker_accuracy"] == 1.0
    assert len(ev.errors(aligned)) == 2  # the missed pronoun and the term given a speaker


def test_one_id_per_person_counts_split_ids() -> None:
    a = pd.DataFrame({"article_id": ["1", "1"], "kind": ["direct", "direct"], "speaker": ["Анна Ли"] * 2,
                      "speaker_named": ["1", "1"], "found": [True, True], "correct": [True, True],
                      "got_kind": ["direct", "direct"], "got_speaker": ["Анна Ли", "Ли"],
                      "got_speaker_id": ["p:anna_li", "p:li"]})
    assert ev.news_metrics(a)["one_id_per_person"] == 0.0


def test_speaker_rules() -> None:
    assert ev.speaker_right("Сардана Авксентьева", "x", "Авксентьева")
    assert not ev.speaker_right("Сардана Авксентьева", "x", "Сардана")
    assert not ev.speaker_right("UNATTRIBUTED", "x", "Петров")
    assert ev.speaker_right("житель Мариуполя", "descriptor:x", "Жители Мариуполя")
    assert not ev.speaker_right("житель Мариуполя", "descriptor:x", "один из протестующих")


def test_test_split_refuses_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--split", "test", "--errors"]) == 2
    assert "dev only" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        ev.main(["--errors"])  # --split is required
