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


def test_missing_data_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    assert main(["validate"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "ANALYSIS_VALIDATION_DATA" in err
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_dir_without_ptc_exits_2(monkeypatch, capsys, tmp_path, fake_scorer, fake_matcher):
    import analysis.validation.evaluate as ev

    monkeypatch.setattr(ev, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(ev, "default_matcher", lambda: fake_matcher)
    assert main(["validate", "--data", str(tmp_path)]) == 2
    assert "PTC-2020 not found" in capsys.readouterr().err


def test_prints_report(monkeypatch, capsys, tiny_ptc_dir, fake_scorer, fake_matcher, tmp_path):
    import analysis.validation.evaluate as ev

    monkeypatch.setattr(ev, "default_frame_scorer", lambda: fake_scorer)
    monkeypatch.setattr(ev, "default_matcher", lambda: fake_matcher)
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
