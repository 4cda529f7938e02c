"""Command line: ``python -m analysis <command> ...`` (or ``rhetoric-analysis <command> ...``).

Each command lives in the module that owns its logic and exposes
``add_arguments(parser)`` and ``run(args) -> int``; this file only dispatches.

Commands:
    score      score a CSV / JSONL / Parquet / text file of statements
    validate   agreement with human labels (needs ``--data DIR``)
    notebooks  execute every notebook in order, headless, in place
    explain    every counted span of a text or a file, as a table or JSON
    aggregate  pooled rates per group of a scored file, with bootstrap intervals
    extract    the statements of every article in a file, with ids, metadata and a status
    train-loaded  fit the optional loaded-language model on your own labelled data

Example:
    $ python -m analysis score statements.csv -o scored.parquet --text-column text
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

# command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "score": ("analysis.scale.cli_score", "score statements in a file (streams, --jobs, --dask)"),
    "validate": ("analysis.validation.cli", "agreement with human-labelled data"),
    "notebooks": ("analysis.notebook_runner", "execute notebooks/ in order and write figures/"),
    "explain": ("analysis.scale.cli_explain", "every counted span of a text or file (table or JSON)"),
    "aggregate": ("analysis.scale.cli_aggregate", "group rates of a scored file, bootstrap intervals"),
    "train-loaded": ("analysis.validation.loaded_train_cli", "fit the optional loaded-language model on your labelled copy"),
    "extract": ("analysis.scale.cli_extract", "statements of every article in a file (streams, a status per row)"),
}


#: ``--help`` text: plain words, no markup.
DESCRIPTION = "Rhetoric and tone scoring of news text. Run a command with --help for its options."


def program_name(argv0: str | None = None) -> str:
    """The name to show in usage lines: how the user started the program.

    Example:
        >>> program_name("/venv/bin/rhetoric-analysis"), program_name("/src/analysis/__main__.py")
        ('rhetoric-analysis', 'python -m analysis')
    """
    name = Path(sys.argv[0] if argv0 is None else argv0).name
    return "python -m analysis" if name in {"__main__.py", "cli.py", "", "-c"} else name


def build_parser(only: str | None = None, prog: str | None = None) -> argparse.ArgumentParser:
    """Return the top-level parser.

    Only the chosen command's module is imported (``only``), so a command
    never pays for, or breaks on, another command's dependencies.

    Example:
        >>> build_parser(prog="rhetoric-analysis").format_usage().split()[:2]
        ['usage:', 'rhetoric-analysis']
    """
    parser = argparse.ArgumentParser(prog=prog or program_name(), description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        p.set_defaults(_module=module)
        if only is None or name == only:
            command = importlib.import_module(module)
            # a command may say more about itself, in plain words
            p.description = getattr(command, "DESCRIPTION", p.description)
            command.add_arguments(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen command; return its exit code.

    Example:
        >>> main(["extract", "no-such-file.csv", "-o", "out.csv"])  # the message goes to stderr
        2
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = argv[0] if argv and argv[0] in COMMANDS else ""
    args = build_parser(only=chosen).parse_args(argv)
    return int(importlib.import_module(args._module).run(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
