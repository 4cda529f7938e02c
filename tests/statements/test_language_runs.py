"""Mixed en/ru/uk texts: each run of one script is read by its own extractor (review 6, item 13)."""

from __future__ import annotations

import pytest

from analysis.statements.extract import extract_statements
from analysis.statements.language_runs import language_runs, script_runs

EN = 'Zelensky said: "We will win this war."'
RU = "Зеленский заявил журналистам в Киеве: «Мы обязательно победим»."
UK = "Зеленський зазначив під час звернення до нації: «Ми обов'язково переможемо»."


def _direct(text: str) -> list[tuple[str, str]]:
    out = extract_statements(text)
    assert all(text[s:e] == t for t, s, e in zip(out["text"], out["start"], out["end"]))
    assert out["statement_id"].tolist() == list(range(1, len(out) + 1))
    direct = out[out["kind"] == "direct"]
    return list(zip(direct["text"], direct["speaker"]))


@pytest.mark.parametrize("order", [(EN, RU, UK), (RU, UK, EN), (UK, EN, RU), (RU, EN)])
def test_an_english_tag_in_a_mixed_text_is_read_wherever_it_stands(order: tuple[str, ...]) -> None:
    found = dict(_direct(" ".join(order)))
    assert found['"We will win this war."'] == "Volodymyr Zelensky"


def test_the_cyrillic_quotes_of_a_mixed_text_keep_their_cyrillic_tags() -> None:
    found = dict(_direct(f"{EN}\n\n{RU}\n\n{UK}"))
    assert found["«Мы обязательно победим»"] and found["«Ми обов'язково переможемо»"]


def test_an_untagged_english_quote_does_not_continue_a_russian_speaker() -> None:
    found = dict(_direct(f'{RU} "Nobody will stop us now, we are sure of it."'))
    assert found['"Nobody will stop us now, we are sure of it."'] == ""


@pytest.mark.parametrize("text", [
    'Песков заявил: «Переговоры продолжатся», — сообщает Reuters.',  # a Latin outlet name
    'Зеленский сказал в интервью CNN и BBC: «Мы победим».',
    '"We will win," Zelensky said, using the word перемога twice.',  # one Cyrillic word
])
def test_a_short_run_of_the_other_script_is_no_run_of_its_own(text: str) -> None:
    assert len(language_runs(text)) == 1 and len(script_runs(text)) == 1


def test_the_language_of_each_run() -> None:
    text = f"{EN} {RU}\n{UK}"
    assert [lang for _, _, lang in language_runs(text)][0] == "en"
    assert {lang for _, _, lang in language_runs(text)[1:]} <= {"ru", "uk"}


def test_an_english_text_is_one_english_run() -> None:
    assert language_runs(EN) == [(0, len(EN), "en")]
    assert language_runs(UK) == [(0, len(UK), "uk")]
