"""``python -m analysis validate`` prints the Russian news quote gold beside the other attribution sets."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from analysis.validation import cli
from analysis.validation.evaluate import add_ru_news_attribution
from analysis.validation.exceptions import ValidationDataError
from analysis.validation.report import ValidationReport
from analysis.validation.ru_gold import default_source_path
from analysis.validation.ru_news_quotes_eval import align, load_split, news_metrics

SECTION = "## Quote attribution (Russian news gold, ru/uk extractor"


def _validate(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="validate")
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


@pytest.fixture()
def faked(monkeypatch: pytest.MonkeyPatch, fake_scorer: object, fake_matcher: object) -> None:
    import analysis.validation.evaluate as ev
    import analysis.validation.scorers as sc

    monkeypatch.setattr(ev, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(ev, "default_matcher", lambda: fake_matcher)
    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)


def test_without_the_russian_text_validate_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, faked: None
) -> None:
    monkeypatch.setenv("ANALYSIS_VALIDATION_DATA", str(tmp_path / "no-data"))
    assert _validate([]) == 0
    out = capsys.readouterr().out
    want = ("- Russian news quote attribution not run: Russian gold source missing: "
            f"{tmp_path / 'no-data' / 'semeval2023_ru_unlabelled' / 'test-original.txt'}")
    assert want in out.splitlines()
    assert SECTION not in out


def _source_or_skip() -> None:
    try:
        found = default_source_path().is_file()
    except ValidationDataError:  # no data directory at all
        found = False
    if not found:
        pytest.skip("semeval2023_ru_unlabelled/test-original.txt not found (set ANALYSIS_VALIDATION_DATA)")


def test_with_data_both_halves_are_printed_as_the_harness_measures_them() -> None:
    _source_or_skip()
    report = ValidationReport()
    add_ru_news_attribution(report, None)
    assert report.notes == []
    table = report.attribution_ru_news
    assert table["split"].tolist() == ["dev", "test"]
    dev = {k: v for k, v in table.iloc[0].items() if k != "split"}
    assert dev == news_metrics(align(load_split("dev")))  # the harness's own figures, unchanged
    lines = report.to_markdown().splitlines()
    at = lines.index(next(line for line in lines if line.startswith(SECTION)))
    assert lines[at + 2].startswith("| split | articles | units | speech_units | found | quote_recall |")
    assert [line.split("|")[1].strip() for line in lines[at + 4:at + 6]] == ["dev", "test"]
    assert int(lines[at + 4].split("|")[2]) == dev["articles"] > 0
