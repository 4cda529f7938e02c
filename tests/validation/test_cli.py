"""The ``validate`` command: exit codes and output, with the scorer faked.

The command module is driven directly (its own parser), so these tests do not
depend on the other commands of ``analysis.cli`` being importable.
"""

from __future__ import annotations

import argparse

import pytest

from analysis.validation import cli


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="validate")
    cli.add_arguments(parser)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    assert argv[0] == "validate"
    return cli.run(parse(argv[1:]))


@pytest.fixture()
def faked(monkeypatch, fake_scorer, fake_matcher):
    import analysis.validation.evaluate as ev
    import analysis.validation.scorers as sc

    monkeypatch.setattr(ev, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(ev, "default_matcher", lambda: fake_matcher)
    monkeypatch.setattr(sc, "default_frame_scorer", lambda: fake_scorer)


def test_no_data_runs_what_ships_and_says_what_is_missing(monkeypatch, capsys, faked):
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert "PTC-2020 not run" in captured.err and "ANALYSIS_VALIDATION_DATA" in captured.err
    out = captured.out
    assert "## VADER NYT editorial snippets" in out
    assert "## Hedging and boosters" in out
    assert "PTC-2020 lines" not in out
    assert "- PTC-2020 part not run: no data directory" in out


def test_env_pointing_nowhere_is_a_note_not_an_error(monkeypatch, capsys, tmp_path, faked):
    monkeypatch.setenv("ANALYSIS_VALIDATION_DATA", str(tmp_path / "shared" / "validation"))
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "data directory does not exist" in out and "## Hedging and boosters" in out


def test_paths_given_on_the_command_line_must_exist(monkeypatch, capsys, tmp_path, faked):
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "nowhere" in err
    assert main(["validate", "--nyt", str(tmp_path / "nyt.tsv")]) == 2
    assert "--nyt file does not exist" in capsys.readouterr().err


def test_dir_without_ptc_given_explicitly_exits_2(capsys, tmp_path, faked):
    assert main(["validate", "--data", str(tmp_path)]) == 2
    assert "PTC-2020 not found" in capsys.readouterr().err


def test_prints_report(monkeypatch, capsys, tiny_ptc_dir, faked, tmp_path):
    monkeypatch.setenv("ANALYSIS_VALIDATION_DATA", str(tiny_ptc_dir))
    out_file = tmp_path / "report.md"
    assert main(["validate", "--errors", "1", "-o", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Validation against human labels")
    assert "## Worst errors (top 1" in out
    assert out_file.read_text() == out


@pytest.mark.parametrize(("flag", "dest"), [("--threat-categories", "threat_categories"),
                                             ("--hedging", "hedging"), ("--nyt", "nyt")])
def test_options_parse(flag, dest):
    assert getattr(parse([flag, "x"]), dest) == "x"


def test_dispatcher_lists_validate():
    from analysis.cli import COMMANDS

    assert COMMANDS["validate"][0] == cli.__name__
