"""Hostile input for ``python -m analysis score`` and the reading API: nothing lost.

Every case writes a real file into ``tmp_path``.  CLI cases run the real
command (``analysis.cli.main``, in this process through ``in_process.run_main``;
in a subprocess where only a process shows it: ``--jobs`` workers, the console
script and ``-m`` help) and check the exit code, stderr, and every output
row (``input_row``, ids, ``status``); API cases check every value read.
A run either accounts for each input record with exactly one row, or stops
with exit 2 and one line naming the file (and the line) and writes nothing.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from in_process import run_main

from analysis.scale.io import (
    AtomicOutput,
    InputChunk,
    InputError,
    escape_id,
    integer_id_columns,
    read_chunks,
    spreadsheet_safe,
    unescape_id,
)
from analysis.scoring.lexicon import MAX_WEIGHT, Lexicon, LexiconEntry, LexiconError

ROOT = Path(__file__).resolve().parents[2]

# The example: the first text opens with a quote that never closes.
QUOTE_ROWS = ['"We insist, he said', "some text", 'more "quoted" text', "last"]


def _tsv(rows: list[tuple[str, str]], header: str = "id\ttext") -> bytes:
    return (header + "\n" + "".join(f"{i}\t{t}\n" for i, t in rows)).encode()


def _csv(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _jsonl(records: list[Any], encoding: str = "utf-8") -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode(encoding)


def _corrupt_parquet_bytes() -> bytes:
    import pyarrow.parquet as pq

    buffer = BytesIO()
    pd.DataFrame({"id": range(300), "text": ["x y z"] * 300}).to_parquet(buffer, index=False)
    data = bytearray(buffer.getvalue())
    offset = pq.ParquetFile(BytesIO(bytes(data))).metadata.row_group(0).column(1).data_page_offset
    data[offset : offset + 40] = b"\xab" * 40  # the text column's page header
    return bytes(data)


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def run_cli(tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    """The real command, in a subprocess, from the project root."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return subprocess.run(
        [sys.executable, "-m", "analysis", "score", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*.part"))


@dataclass(frozen=True)
class CliCase:
    """Files to write into the case's own directory, and the command's arguments
    (``{d}`` stands for that directory)."""

    files: dict[str, bytes]
    args: list[str]


@dataclass(frozen=True)
class CliResult:
    dir: Path
    proc: subprocess.CompletedProcess[str]


def _run_case(directory: Path, case: CliCase) -> CliResult:
    directory.mkdir()
    for name, payload in case.files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(payload)
    args = [a.replace("{d}", str(directory)) for a in case.args]
    if "--jobs" in args:  # worker processes write to the real stderr: only a subprocess shows it
        return CliResult(directory, run_cli(directory, *args))
    return CliResult(directory, run_main("score", *args))


# --- CLI cases, each run once ---------------------------------------------------------
#
# Each case gets its own directory; all cases run the first time a test asks
# for a result (in this process, one after the other: stdout and stderr are
# redirected per call).

UTF16_JSONL = _jsonl([{"id": "a", "text": "Первая строка."}, {"id": "b", "text": "They are idiots."}], "utf-16")

OK_CASES: list[tuple[str, str, bytes, list[str], list[tuple[str | None, str]]]] = [
    # (case, file name, bytes, extra arguments, expected (id, status) per row)
    ("tsv-leading-quote", "s.tsv", _tsv(list(enumerate(QUOTE_ROWS, 1))), [],
     [("1", "ok"), ("2", "ok"), ("3", "ok"), ("4", "ok")]),
    # '""' is kept as two quote characters: a text with no word, so no_words
    ("tsv-balanced-quotes", "s.tsv", _tsv([(1, '"quoted"'), (2, '""'), (3, "x")]), [],
     [("1", "ok"), ("2", "no_words"), ("3", "ok")]),
    ("tsv-gz-leading-quote", "s.tsv.gz", gzip.compress(_tsv(list(enumerate(QUOTE_ROWS, 1)))), [],
     [("1", "ok"), ("2", "ok"), ("3", "ok"), ("4", "ok")]),
    ("tsv-crlf", "s.tsv", _tsv([(1, "a"), (2, "b")]).replace(b"\n", b"\r\n"), [], [("1", "ok"), ("2", "ok")]),
    ("tsv-quoting-csv-multiline", "s.tsv", b'id\ttext\n1\t"two\nlines"\n2\tb\n', ["--quoting", "csv"],
     [("1", "ok"), ("2", "ok")]),
    ("csv-quoted-newline", "s.csv", b'id,text\n1,"He said:\n""No."""\n2,b\n', [], [("1", "ok"), ("2", "ok")]),
    ("csv-blank-line", "s.csv", b"id,text\n1,a\n\n2,b\n", [], [("1", "ok"), ("", "missing"), ("2", "ok")]),
    ("csv-na-words-are-text", "s.csv", b"id,text\nNA,NA\nnull,null\n", [], [("NA", "ok"), ("null", "ok")]),
    ("csv-bom-crlf", "s.csv", b"\xef\xbb\xbfid,text\r\n1,a\r\n2,\r\n", [], [("1", "ok"), ("2", "empty")]),
    ("csv-header-only", "s.csv", b"id,text\n", [], []),
    ("csv-latin1-declared", "s.csv", "id,text\n1,café\n".encode("latin-1"), ["--encoding", "latin-1"],
     [("1", "ok")]),
    ("csv-utf16", "s.csv", "id,text\n1,Привет\n2,b\n".encode("utf-16"), ["--encoding", "utf-16"],
     [("1", "ok"), ("2", "ok")]),
    ("jsonl-utf16", "s.jsonl", UTF16_JSONL, ["--encoding", "utf-16"], [("a", "ok"), ("b", "ok")]),
    ("jsonl-utf16le-no-bom", "s.jsonl", _jsonl([{"id": "a", "text": "x"}], "utf-16-le"),
     ["--encoding", "utf-16-le"], [("a", "ok")]),
    ("jsonl-lone-surrogate-id", "s.jsonl", b'{"id": "\\ud800", "text": "x"}\n{"id": "b", "text": "y"}\n', [],
     [("\\ud800", "id_escaped"), ("b", "ok")]),
    ("jsonl-lone-surrogate-text", "s.jsonl", b'{"id": "a", "text": "bad \\udfff half"}\n', [], [("a", "ok")]),
    ("jsonl-blank-and-scalar-lines", "s.jsonl", b'{"id": "a", "text": "x"}\n\n17\n"str"\nnull\n', [],
     [("a", "ok"), ("", "missing"), ("", "invalid"), ("", "invalid"), ("", "invalid")]),
    ("jsonl-later-record-without-text", "s.jsonl", b'{"id": "a", "text": "x"}\n{"id": "b"}\n', [],
     [("a", "ok"), ("b", "missing")]),
    ("jsonl-non-text-values", "s.jsonl", b'{"id": 1, "text": 5}\n{"id": 2, "text": ["a"]}\n{"id": 3, "text": ""}\n',
     [], [("1", "invalid"), ("2", "invalid"), ("3", "empty")]),
    ("txt-too-long-line", "s.txt", b"short\n" + b"x" * 5000 + b"\nafter\n", ["--max-field-bytes", "100"],
     [(None, "ok"), (None, "too_long"), (None, "ok")]),
    ("csv-too-long-field", "s.csv", b"id,text\n1," + b"y" * 500 + b"\n2,z\n", ["--max-field-bytes", "100"],
     [("1", "too_long"), ("2", "ok")]),
    ("jsonl-too-long-multibyte", "s.jsonl", _jsonl([{"id": "a", "text": "ж" * 51}, {"id": "b", "text": "ж" * 50}]),
     ["--max-field-bytes", "100"], [("a", "too_long"), ("b", "ok")]),
    ("txt-no-limit", "s.txt", b"x" * 5000 + b"\n", ["--max-field-bytes", "0"], [(None, "ok")]),
    ("txt-utf16", "s.txt", "Первая.\n\nThey are idiots.\n".encode("utf-16"), ["--encoding", "utf-16"],
     [(None, "ok"), (None, "empty"), (None, "ok")]),
    ("txt-gz-crlf", "s.txt.gz", gzip.compress(b"a\r\n\r\nb\r\n"), [], [(None, "ok"), (None, "empty"), (None, "ok")]),
    ("jobs-2-reader-statuses", "s.jsonl",
     _jsonl([{"id": "a", "text": "x" * 300}, {"id": "b", "text": "ok"}, {"id": "c", "text": "fine"}])
     + b'{"id": "\\ud800", "text": "y"}\n',
     ["--jobs", "2", "--chunk-size", "1", "--max-field-bytes", "200"],
     [("a", "too_long"), ("b", "ok"), ("c", "ok"), ("\\ud800", "id_escaped")]),
    ("chunked-jsonl-order", "s.jsonl", _jsonl([{"id": f"r{i}", "text": "t" if i % 3 else ""} for i in range(7)]),
     ["--chunk-size", "2"], [(f"r{i}", "ok" if i % 3 else "empty") for i in range(7)]),
    ("csv-spreadsheet-safe-off", "s.csv", _csv(["id,text", "=1+1,a", "@x,b"]), [], [("=1+1", "ok"), ("@x", "ok")]),
    ("csv-spreadsheet-safe-on", "s.csv", _csv(["id,text", "=1+1,a", "+x,b", "-y,c", "@z,d", "ok,e"]),
     ["--spreadsheet-safe"],
     [("'=1+1", "ok"), ("'+x", "ok"), ("'-y", "ok"), ("'@z", "ok"), ("ok", "ok")]),
]

ERROR_CASES: list[tuple[str, str, bytes, list[str], list[str]]] = [
    # (case, file name, bytes, extra arguments, fragments the message must hold)
    ("csv-quote-swallows-rows", "s.csv", _csv(["id,text"] + [f"{i},{t}" for i, t in enumerate(QUOTE_ROWS, 1)]), [],
     ["line 2: malformed CSV", "line 4"]),
    ("csv-quote-never-closed", "s.csv", _csv(["id,text", '1,"open', "2,b"]), [],
     ["line 2: malformed CSV", "never closed"]),
    ("csv-extra-fields", "s.csv", _csv(["id,text", "1,one", "2,two,extra words", "3,three"]), [],
     ["line 3: 3 fields, but the header has 2"]),
    ("csv-missing-field", "s.csv", _csv(["id,text", "1,one", "2"]), [], ["line 3: 1 fields, but the header has 2"]),
    ("csv-extra-fields-after-chunk", "s.csv", _csv(["id,text"] + [f"{i},t" for i in range(5)] + ["9,a,b"]),
     ["--chunk-size", "2"], ["line 7: 3 fields"]),
    ("tsv-tab-in-text", "s.tsv", _tsv([(1, "a"), (2, "b\tc")]), [], ["line 3: 3 fields, but the header has 2"]),
    ("tsv-quoting-csv-bad-quote", "s.tsv", _tsv(list(enumerate(QUOTE_ROWS, 1))), ["--quoting", "csv"],
     ["line 2: malformed CSV", "drop --quoting csv"]),
    ("csv-duplicate-text-header", "s.csv", _csv(["id,text,text", "1,a,b"]), [],
     ["text column 'text' more than once (columns 2, 3)"]),
    ("csv-duplicate-id-header", "s.csv", _csv(["id,text,id", "1,a,2"]), [], ["id column 'id' more than once"]),
    ("tsv-duplicate-text-header", "s.tsv", b"text\tid\ttext\na\t1\tb\n", [], ["text column 'text' more than once"]),
    ("csv-header-with-space", "s.csv", _csv(["id, text", "1, a"]), [], ["'text' not found", "' text'"]),
    ("csv-empty-file", "s.csv", b"", [], ["empty file, no header row"]),
    ("csv-utf16-read-as-utf8", "s.csv", "id,text\n1,a\n".encode("utf-16"), [], ["line 1: not valid utf-8"]),
    ("tsv-gz-truncated", "s.tsv.gz", gzip.compress(_tsv([(i, "text " * 20) for i in range(200)]))[:300], [],
     ["not a complete gzip file"]),
    ("jsonl-json-array", "s.jsonl", b'[{"id":0,"text":"a"},{"id":1,"text":"b"}]\n', [], ["line 1: a JSON array"]),
    ("jsonl-pretty-json-array", "s.jsonl", b'[\n  {"id": 0, "text": "a"}\n]\n', [], ["line 1: a JSON array"]),
    ("jsonl-array-line-mid-file", "s.jsonl", b'{"id":0,"text":"a"}\n[{"id":1,"text":"b"}]\n', [],
     ["line 2: a JSON array"]),
    ("jsonl-duplicate-text-key", "s.jsonl", b'{"id":0,"text":"a"}\n{"id":1,"text":"b","text":"c"}\n', [],
     ["line 2: key 'text' appears 2 times"]),
    ("jsonl-invalid-json", "s.jsonl", b'{"id":0,"text":"a"}\n{"id":1,"text":\n', [], ["line 2: invalid JSON"]),
    ("jsonl-utf16-read-as-utf8", "s.jsonl", UTF16_JSONL, [], ["line 1: not valid utf-8"]),
    ("parquet-truncated", "s.parquet", b"PAR1" + b"\0" * 64, [], ["not a readable Parquet file"]),
    ("id-column-input-row", "s.csv", _csv(["id,input_row,text", "1,1,a"]), ["--id-column", "input_row"],
     ["--id-column 'input_row' clashes"]),
    ("id-column-status", "s.csv", _csv(["id,status,text", "1,1,a"]), ["--id-column", "status"],
     ["--id-column 'status' clashes"]),
    ("id-column-score-name", "s.csv", _csv(["id,hostility_count,text", "1,1,a"]), ["--id-column", "hostility_count"],
     ["--id-column 'hostility_count' clashes"]),
    ("id-column-twice", "s.csv", _csv(["id,text", "1,a"]), ["--id-column", "id"], ["'id' is given more than once"]),
    ("quoting-on-jsonl", "s.jsonl", _jsonl([{"id": 1, "text": "a"}]), ["--quoting", "csv"],
     ["--quoting applies to CSV and TSV"]),
    ("negative-max-field-bytes", "s.csv", _csv(["id,text", "1,a"]), ["--max-field-bytes", "-5"],
     ["max field bytes must be at least 1"]),
    ("jsonl-first-record-without-id", "s.jsonl", _jsonl([{"text": "a"}]), [], ["id column (line 1) 'id' not found"]),
    ("parquet-corrupt-page", "s.parquet", _corrupt_parquet_bytes(), [], ["corrupt Parquet data"]),
]
#: error cases about arguments, not the file: their message need not name it
ARGUMENT_ERRORS = {
    "id-column-input-row", "id-column-status", "id-column-score-name", "id-column-twice", "negative-max-field-bytes"
}

#: error cases with their own arguments: (files, arguments, fragments)
OTHER_ERRORS: dict[str, tuple[dict[str, bytes], list[str], list[str]]] = {
    "input-is-a-directory": ({}, ["{d}", "-o", "{d}/out.csv"], ["unsupported file type"]),
    "input-dir-named-csv": ({"in.csv/x": b""}, ["{d}/in.csv", "-o", "{d}/out.csv"], ["in.csv: is a directory"]),
    "output-is-a-directory": ({"s.txt": b"a\n", "out.csv/x": b""}, ["{d}/s.txt", "-o", "{d}/out.csv"],
                              ["out.csv: is a directory"]),
    "output-dir-missing": ({"s.txt": b"a\n"}, ["{d}/s.txt", "-o", "{d}/no/out.csv"], ["does not exist"]),
    "output-over-input": ({"s.csv": b"text\na\n"}, ["{d}/s.csv", "-o", "{d}/s.csv"], ["overwrite the input"]),
    "output-type-xlsx": ({"s.txt": b"a\n"}, ["{d}/s.txt", "-o", "{d}/out.xlsx"], ["unsupported file type .xlsx"]),
    "txt-with-id-column": ({"s.txt": b"a\n"}, ["{d}/s.txt", "-o", "{d}/out.csv", "--id-column", "id"],
                           ["does not apply to plain text"]),
}

LEXICON_HEADER = b"term,category,weight,note,dimension\n"
LEXICON_CASES: list[tuple[str, bytes, str]] = [
    ("lexicon-latin-1", LEXICON_HEADER + "café,insult,1,x,hostility\n".encode("latin-1"),
     "line 2: not valid UTF-8 (byte 0xe9"),
    ("lexicon-weight-1e308", LEXICON_HEADER + b"foo,insult,1e308,x,hostility\n", "row 1: weight must be"),
    ("lexicon-weight-nan", LEXICON_HEADER + b"foo,insult,nan,x,hostility\n", "row 1: weight must be"),
    ("lexicon-weight-zero", LEXICON_HEADER + b"foo,insult,0,x,hostility\n", "row 1: weight must be"),
    ("lexicon-extra-field", LEXICON_HEADER + b"foo,insult,1,x,hostility,extra\n", "line 2: more fields"),
    ("lexicon-open-quote", LEXICON_HEADER + b'"foo,insult,1,x,hostility\n', "malformed CSV"),
]

INT_ID_CASES: list[tuple[str, str, bytes, list[str], bool]] = [
    ("ids-jsonl-int", "s.jsonl", _jsonl([{"id": 1, "n": "007", "text": "a"}, {"id": -2, "n": "8", "text": "b"},
                                         {"id": None, "n": "9", "text": "c"}]), [], True),
    ("ids-csv-int", "s.csv", _csv(["id,n,text", "1,007,a", "-2,8,b", ",9,c"]), [], True),
    ("ids-csv-as-text", "s.csv", _csv(["id,n,text", "1,007,a", "-2,8,b", ",9,c"]), ["--ids-as-text"], False),
]


def _all_cases() -> dict[str, CliCase]:
    cases: dict[str, CliCase] = {}
    for case, name, payload, extra, _ in OK_CASES:
        ids = [] if name.startswith("s.txt") else ["--id-column", "id"]
        args = [f"{{d}}/{name}", "-o", "{d}/out.csv", "--sentiment", "none", *ids, *extra]
        cases[case] = CliCase({name: payload}, args)
    for case, name, payload, extra, _ in ERROR_CASES:
        cases[case] = CliCase({name: payload}, [f"{{d}}/{name}", "-o", "{d}/out.parquet", "--id-column", "id", *extra])
    for case, lexicon, _ in LEXICON_CASES:
        files = {"mine.csv": lexicon, "s.txt": b"foo foo\n"}
        cases[case] = CliCase(files, ["{d}/s.txt", "-o", "{d}/out.csv", "--lexicon", "{d}/mine.csv"])
    for case, name, payload, extra, _ in INT_ID_CASES:
        args = [f"{{d}}/{name}", "-o", "{d}/out.parquet", "--id-column", "id", "--id-column", "n",
                "--chunk-size", "1", "--sentiment", "none", *extra]
        cases[case] = CliCase({name: payload}, args)
    for case, (files, args, _) in OTHER_ERRORS.items():
        cases[case] = CliCase(files, args)
    cases["several-id-columns"] = CliCase(
        {"s.csv": _csv(["outlet,doc,text,para", "bbc,7,They are idiots.,1", "rt,8,fine,2"])},
        ["{d}/s.csv", "-o", "{d}/out.csv", "--id-column", "outlet", "--id-column", "doc", "--id-column", "para"],
    )
    cases["parquet-int-ids"] = CliCase(
        {"s.parquet": _parquet_bytes(pd.DataFrame({"id": [10, 20, 30], "text": ["a", "b", "c"]}))},
        ["{d}/s.parquet", "-o", "{d}/out.parquet", "--id-column", "id", "--sentiment", "none"],
    )
    cases["parquet-too-long"] = CliCase(
        {"s.parquet": _parquet_bytes(pd.DataFrame({"id": ["a", "b"], "text": ["x" * 300, "fine"]}))},
        ["{d}/s.parquet", "-o", "{d}/out.csv", "--id-column", "id", "--max-field-bytes", "200"],
    )
    return cases


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CliResult]:
    """Every case above, run once; results by case name."""
    base = tmp_path_factory.mktemp("cli")
    return {name: _run_case(base / name, case) for name, case in _all_cases().items()}


def _assert_one_line_exit_2(proc: subprocess.CompletedProcess[str], fragments: list[str]) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: "), proc.stderr
    for fragment in fragments:
        assert fragment in proc.stderr


@pytest.mark.parametrize(("case", "expected"), [(c[0], c[4]) for c in OK_CASES], ids=[c[0] for c in OK_CASES])
def test_cli_every_record_is_one_row(
    cli: dict[str, CliResult], case: str, expected: list[tuple[str | None, str]]
) -> None:
    result = cli[case]
    assert result.proc.returncode == 0, result.proc.stderr
    assert result.proc.stderr == ""
    got = _read(result.dir / "out.csv")
    assert got["input_row"].tolist() == [str(i) for i in range(len(expected))]
    assert got["status"].tolist() == [s for _, s in expected]
    if "id" in got.columns:
        assert got["id"].tolist() == [i for i, _ in expected]
    else:
        assert all(i is None for i, _ in expected)
    assert _leftovers(result.dir) == []


@pytest.mark.parametrize(
    ("case", "name", "fragments"), [(c[0], c[1], c[4]) for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_cli_bad_input_is_exit_2_naming_file_and_line(
    cli: dict[str, CliResult], case: str, name: str, fragments: list[str]
) -> None:
    result = cli[case]
    _assert_one_line_exit_2(result.proc, fragments)
    if case not in ARGUMENT_ERRORS:
        assert f"error: {result.dir / name}: " in result.proc.stderr  # the message names the file
    assert not (result.dir / "out.parquet").exists() and _leftovers(result.dir) == []


@pytest.mark.parametrize("case", sorted(OTHER_ERRORS))
def test_cli_bad_paths_are_exit_2(cli: dict[str, CliResult], case: str) -> None:
    result = cli[case]
    _assert_one_line_exit_2(result.proc, OTHER_ERRORS[case][2])
    assert _leftovers(result.dir) == []


@pytest.mark.parametrize(("case", "fragment"), [(c[0], c[2]) for c in LEXICON_CASES], ids=[c[0] for c in LEXICON_CASES])
def test_cli_bad_lexicon_is_exit_2_naming_the_file(cli: dict[str, CliResult], case: str, fragment: str) -> None:
    result = cli[case]
    _assert_one_line_exit_2(result.proc, [f"{result.dir / 'mine.csv'}", fragment])
    assert not (result.dir / "out.csv").exists()


@pytest.mark.parametrize(("case", "int_ids"), [(c[0], c[4]) for c in INT_ID_CASES], ids=[c[0] for c in INT_ID_CASES])
def test_cli_integer_ids_keep_their_type_in_parquet(cli: dict[str, CliResult], case: str, int_ids: bool) -> None:
    result = cli[case]
    assert result.proc.returncode == 0, result.proc.stderr
    got = pd.read_parquet(result.dir / "out.parquet")
    assert pd.api.types.is_integer_dtype(got["id"].dtype) == int_ids
    assert got["id"].tolist()[:2] == ([1, -2] if int_ids else ["1", "-2"])
    assert pd.isna(got["id"].iloc[2]) or got["id"].iloc[2] == ""
    # "007" is not a plain integer: the whole column stays text, as written
    assert pd.api.types.is_string_dtype(got["n"].dtype) and got["n"].tolist() == ["007", "8", "9"]


def test_cli_repeated_id_column_keeps_every_id(cli: dict[str, CliResult]) -> None:
    result = cli["several-id-columns"]
    assert result.proc.returncode == 0, result.proc.stderr
    got = _read(result.dir / "out.csv")
    assert list(got.columns[:4]) == ["input_row", "outlet", "doc", "para"]
    assert got[["outlet", "doc", "para"]].values.tolist() == [["bbc", "7", "1"], ["rt", "8", "2"]]
    assert got["hostility_count"].tolist() == ["1", "0"]


def test_cli_parquet_integer_ids_stay_integers(cli: dict[str, CliResult]) -> None:
    result = cli["parquet-int-ids"]
    assert result.proc.returncode == 0, result.proc.stderr
    got = pd.read_parquet(result.dir / "out.parquet")
    assert got["id"].tolist() == [10, 20, 30] and "int64" in str(got["id"].dtype)


def test_cli_parquet_too_long_text(cli: dict[str, CliResult]) -> None:
    result = cli["parquet-too-long"]
    assert result.proc.returncode == 0, result.proc.stderr
    got = _read(result.dir / "out.csv")
    assert got["status"].tolist() == ["too_long", "ok"] and got["n_tokens"].tolist() == ["0", "1"]


def test_cli_overwrite_keeps_mode_and_no_clobber_refuses(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("a\nb\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    link = tmp_path / "hardlink.csv"
    os.link(out, link)
    assert run_main("score", src, "-o", out, "--sentiment", "none").returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert len(_read(out)) == 2
    # documented: a new file replaces the name; other hard links keep the old contents
    assert link.read_text() == "old\n"
    before = out.read_bytes()
    proc = run_main("score", src, "-o", out, "--no-clobber")
    _assert_one_line_exit_2(proc, [f"{out}: already exists (--no-clobber)"])
    assert out.read_bytes() == before and _leftovers(tmp_path) == []


def test_cli_symlinked_output_replaces_the_target(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("a\n", encoding="utf-8")
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert run_main("score", src, "-o", link, "--sentiment", "none").returncode == 0
    assert link.is_symlink() and len(_read(real)) == 1


def test_cli_help_names_the_program_and_has_no_markup() -> None:
    script = Path(sys.executable).with_name("rhetoric-analysis")
    for argv, prog in (
        ([str(script), "--help"], "rhetoric-analysis"),
        ([str(script), "score", "--help"], "rhetoric-analysis score"),
        ([sys.executable, "-m", "analysis", "--help"], "python -m analysis"),
        ([sys.executable, "-m", "analysis", "score", "--help"], "python -m analysis score"),
    ):
        if not Path(argv[0]).exists():
            pytest.skip("console script not installed in this environment")
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith(f"usage: {prog} ")
        for markup in ("``", ":func:", ":mod:", ":class:", "`"):
            assert markup not in proc.stdout, (argv, markup)
    assert "--spreadsheet-safe" in proc.stdout and "--max-field-bytes" in proc.stdout


# --- API: exact texts, ids and statuses -------------------------------------------


def _rows(path: Path, **kw: Any) -> tuple[list[Any], list[list[Any]], list[str | None]]:
    texts: list[Any] = []
    ids: list[list[Any]] = []
    statuses: list[str | None] = []
    expected_start = 0
    for chunk in read_chunks(path, **kw):
        assert chunk.start == expected_start
        expected_start += len(chunk)
        texts.extend(chunk.texts)
        if chunk.id_frame is not None:
            frame = chunk.id_frame
            ids.extend(frame.astype(object).where(frame.notna(), None).values.tolist())
        statuses.extend(chunk.statuses or [None] * len(chunk))
    return texts, ids, statuses


API_TEXT_CASES: list[tuple[str, str, bytes, dict[str, Any], list[Any]]] = [
    ("tsv-quotes-never-stripped", "s.tsv", _tsv(list(enumerate(QUOTE_ROWS, 1))), {}, QUOTE_ROWS),
    ("tsv-balanced-quotes-kept", "s.tsv", _tsv([(1, '"quoted"'), (2, "'single'")]), {}, ['"quoted"', "'single'"]),
    ("tsv-crlf-stripped-once", "s.tsv", b"id\ttext\r\n1\ta\r\r\n", {}, ["a\r"]),
    ("tsv-quoting-csv", "s.tsv", b'id\ttext\n1\t"a\tb"\n', {"quoting": "csv"}, ["a\tb"]),
    ("csv-quoting-none", "s.csv", b'id,text\n1,"a"\n', {"quoting": "none"}, ['"a"']),
    ("csv-doubled-quotes", "s.csv", b'id,text\n1,"a ""b"" c"\n', {}, ['a "b" c']),
    ("csv-inner-quotes-unquoted-field", "s.csv", b'id,text\n1,more "quoted" text\n', {}, ['more "quoted" text']),
    ("csv-quoted-newline-crlf", "s.csv", b'id,text\r\n1,"x\r\ny"\r\n', {}, ["x\r\ny"]),
    ("csv-blank-line-is-missing", "s.csv", b"id,text\n1,a\n\n", {}, ["a", None]),
    ("csv-long-field-past-csv-limit", "s.csv", b"id,text\n1," + b"w " * 100_000 + b"\n", {}, ["w " * 100_000]),
    ("txt-utf16", "s.txt", "один\nдва\n".encode("utf-16"), {"encoding": "utf-16"}, ["один", "два"]),
    ("txt-utf16-be", "s.txt", "a\nb".encode("utf-16-be"), {"encoding": "utf-16-be"}, ["a", "b"]),
    ("txt-utf8-bom", "s.txt", b"\xef\xbb\xbfa\nb\n", {}, ["a", "b"]),
    ("txt-cp1251", "s.txt", "Война\n".encode("cp1251"), {"encoding": "cp1251"}, ["Война"]),
    ("txt-no-final-newline", "s.txt", b"a\nb", {}, ["a", "b"]),
    ("txt-unicode-line-separators-kept", "s.txt", "a\u2028b\x85c\n".encode(), {}, ["a\u2028b\x85c"]),
    ("jsonl-surrogate-text-kept", "s.jsonl", b'{"text": "x\\ud800y"}\n', {}, ["x\ud800y"]),
    ("jsonl-gz-utf16", "s.jsonl.gz", gzip.compress(_jsonl([{"text": "a"}, {"text": "б"}], "utf-16")),
     {"encoding": "utf-16"}, ["a", "б"]),
]


@pytest.mark.parametrize(
    ("name", "payload", "kw", "texts"), [c[1:] for c in API_TEXT_CASES], ids=[c[0] for c in API_TEXT_CASES]
)
def test_api_texts_are_read_exactly(
    tmp_path: Path, name: str, payload: bytes, kw: dict[str, Any], texts: list[Any]
) -> None:
    src = tmp_path / name
    src.write_bytes(payload)
    assert _rows(src, **kw, chunk_size=1)[0] == texts


@pytest.mark.parametrize("size", [99, 100, 101])
def test_api_max_field_bytes_boundary_counts_utf8_bytes(tmp_path: Path, size: int) -> None:
    text = "é" * (size // 2) + "x" * (size % 2)  # é is two bytes
    src = tmp_path / "s.jsonl"
    src.write_bytes(_jsonl([{"text": text}, {"text": "after"}]))
    texts, _, statuses = _rows(src, max_field_bytes=100)
    assert statuses == ([None, None] if size <= 100 else ["too_long", None])
    assert texts == ([text, "after"] if size <= 100 else [None, "after"])


def test_api_txt_over_limit_is_never_held_whole(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_bytes(b"a\n" + b"z" * 1_000_000 + b"\r\nb\n" + b"y" * 100 + b"\r\n")
    texts, _, statuses = _rows(src, max_field_bytes=100)
    assert texts == ["a", None, "b", "y" * 100] and statuses == [None, "too_long", None, None]


LONG = 100  # max_field_bytes in the cases below
LONG_FIELD_CASES: list[tuple[str, str, bytes, list[tuple[str | None, str, str | None]]]] = [
    # (case, file name, bytes, expected (text, id, status) per row)
    ("csv-long-line-id-after-text", "s.csv", b"text,id\n" + b"w" * 5000 + b",a\nshort,b\n",
     [(None, "a", "too_long"), ("short", "b", None)]),
    ("csv-long-quoted-field-doubled-quotes", "s.csv", b'id,text\na,"' + b'x ""y"" ' * 800 + b'"\nb,ok\n',
     [(None, "a", "too_long"), ("ok", "b", None)]),
    ("csv-long-field-of-short-lines", "s.csv", b'id,text\na,"' + b"line\n" * 400 + b'"\nb,ok\n',
     [(None, "a", "too_long"), ("ok", "b", None)]),
    ("csv-long-field-crlf-other-fields-kept", "s.csv",
     b"id,text,x\r\na," + b"q" * 3000 + b",zz\r\nb,ok,\r\n", [(None, "a", "too_long"), ("ok", "b", None)]),
    ("csv-field-of-exactly-the-limit", "s.csv", b"id,text\r\na," + b"e" * LONG + b"\r\n",
     [("e" * LONG, "a", None)]),
    ("csv-crlf-split-at-the-read-limit", "s.csv", b"id,text\r\na," + b"e" * (LONG - 1) + b"\r\nb,f\r\n",
     [("e" * (LONG - 1), "a", None), ("f", "b", None)]),
    ("tsv-long-line-id-after-text", "s.tsv", b"text\tid\n" + b'"' * 3000 + b"\ta\n\nok\tb\n",
     [(None, "a", "too_long"), (None, None, None), ("ok", "b", None)]),
]


@pytest.mark.parametrize(
    ("name", "payload", "expected"), [c[1:] for c in LONG_FIELD_CASES], ids=[c[0] for c in LONG_FIELD_CASES]
)
def test_api_long_fields_are_skipped_in_pieces_with_their_ids(
    tmp_path: Path, name: str, payload: bytes, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    src = tmp_path / name
    src.write_bytes(payload)
    texts, ids, statuses = _rows(src, id_col="id", chunk_size=1, max_field_bytes=LONG)
    assert list(zip(texts, [i[0] for i in ids], statuses)) == expected


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b'id,text\na,"' + b"x" * 500 + b'"junk\nb,ok\n', "line 2: malformed CSV: a quote"),
        (b'id,text\na,"' + b"x" * 500 + b"\nb,ok\n", "line 2: malformed CSV: a quoted field"),
        (b"id,text\na," + b"x" * 500 + b",extra\n", "line 2: 3 fields, but the header has 2"),
    ],
    ids=["text-after-closing-quote", "never-closed", "extra-field"],
)
def test_api_long_records_are_still_checked(tmp_path: Path, payload: bytes, message: str) -> None:
    src = tmp_path / "s.csv"
    src.write_bytes(payload)
    with pytest.raises(InputError, match=message):
        list(read_chunks(src, id_col="id", max_field_bytes=LONG))


def test_api_long_text_used_as_id_keeps_the_id(tmp_path: Path) -> None:
    src = tmp_path / "s.csv"
    src.write_bytes(b"text,x\n" + b"w" * 500 + b",1\nok,2\n")
    texts, ids, statuses = _rows(src, id_col="text", max_field_bytes=LONG)
    assert texts == [None, "ok"] and ids == [["w" * 500], ["ok"]] and statuses == ["too_long", None]


def test_api_surrogate_id_is_escaped_and_recoverable(tmp_path: Path) -> None:
    src = tmp_path / "s.jsonl"
    src.write_bytes(b'{"id": "a\\\\b\\ud800", "text": "x"}\n{"id": ["\\udc00"], "text": "y"}\n{"id": "a\\\\b", "text": "z"}\n')
    _, ids, statuses = _rows(src, id_col="id")
    assert statuses == ["id_escaped", "id_escaped", None]
    assert unescape_id(ids[0][0]) == "a\\b\ud800" and unescape_id(ids[1][0]) == '["\udc00"]'
    assert ids[2][0] == "a\\b"  # not flagged: written as it is
    for original in ("\ud800", "\\u0041", "\\\\", "x\udfff\\y"):
        assert unescape_id(escape_id(original)) == original


def test_api_several_id_columns_across_chunks(tmp_path: Path) -> None:
    src = tmp_path / "s.csv"
    src.write_bytes(_csv(["a,text,b"] + [f"a{i},t{i},b{i}" for i in range(5)]))
    texts, ids, _ = _rows(src, id_col=["b", "a"], chunk_size=2)
    assert texts == [f"t{i}" for i in range(5)] and ids == [[f"b{i}", f"a{i}"] for i in range(5)]


def test_api_parquet_duplicate_column_is_an_error(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "dup.parquet"
    pq.write_table(pa.Table.from_arrays([pa.array(["a"]), pa.array(["b"])], names=["text", "text"]), path)
    with pytest.raises(InputError, match=r"dup.parquet: the header names text column 'text' more than once"):
        read_chunks(path)


def test_api_corrupt_parquet_names_the_file(tmp_path: Path) -> None:
    src = tmp_path / "pages.parquet"
    src.write_bytes(_corrupt_parquet_bytes())
    with pytest.raises(InputError, match=r"pages.parquet: corrupt Parquet data") as info:
        list(read_chunks(src, id_col="id"))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1", "2", None], ["c"]),
        (["0", "-5", "9223372036854775807"], ["c"]),
        (["1", "9223372036854775808"], []),
        (["1", "007"], []),
        (["1", "+2"], []),
        (["1", " 2"], []),
        (["1", "2.0"], []),
        ([None, None], []),
    ],
    ids=["ints-and-null", "int64-edges", "over-int64", "leading-zero", "plus-sign", "space", "float", "all-null"],
)
def test_api_integer_id_columns_only_when_lossless(values: list[str | None], expected: list[str]) -> None:
    ids = pd.DataFrame({"c": pd.Series(values, dtype="str")})
    chunks = [InputChunk(0, ["t"] * len(values), ids.iloc[:1]), InputChunk(1, ["t"] * (len(values) - 1), ids.iloc[1:])]
    assert integer_id_columns(chunks) == expected


def test_api_spreadsheet_safe_touches_only_risky_text() -> None:
    frame = pd.DataFrame({"id": ["=cmd|' /C calc'!A0", "\tx", "plain", None], "score": [-0.5, 1.0, 2.0, 3.0]})
    safe = spreadsheet_safe(frame)
    assert safe["id"].tolist()[:3] == ["'=cmd|' /C calc'!A0", "'\tx", "plain"] and pd.isna(safe["id"].iloc[3])
    assert safe["score"].tolist() == [-0.5, 1.0, 2.0, 3.0]
    assert frame["id"].iloc[0].startswith("=")  # the input frame is not changed


def test_api_atomic_output_no_clobber_when_file_appears(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(InputError, match="appeared while scoring"), AtomicOutput(target, no_clobber=True) as sink:
        sink.write(pd.DataFrame({"a": [1]}))
        target.write_text("someone else's\n")
    assert target.read_text() == "someone else's\n" and _leftovers(tmp_path) == []


# --- API: lexicons, scores and the join idiom -------------------------------------


def test_api_latin1_lexicon_is_lexicon_error_naming_file_and_line(tmp_path: Path) -> None:
    lex = tmp_path / "mine.csv"
    lex.write_bytes("term,category,weight,note\nok,insult,1,x\ncafé,insult,1,x\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"mine.csv: line 3: not valid UTF-8 \(byte 0xe9 at column 4\)"):
        Lexicon.from_csv(lex, dimension="hostility")


@pytest.mark.parametrize("weight", [1e308, float("inf"), MAX_WEIGHT * 1.0001, 0.0, -1.0, float("nan")])
def test_api_weights_out_of_bounds_are_refused(weight: float) -> None:
    record = {"term": "foo", "category": "insult", "weight": weight, "note": "x"}
    with pytest.raises(LexiconError, match=r"<records>, row 1: weight"):
        Lexicon.from_records([record], dimension="hostility")
    with pytest.raises(LexiconError, match="weight must be"):
        LexiconEntry("foo", "hostility", "insult", weight, "x")


def test_api_largest_weight_keeps_scores_finite() -> None:
    import analysis

    mine = Lexicon.from_records(
        [{"term": "foo", "category": "insult", "weight": MAX_WEIGHT, "note": "x"}], dimension="hostility"
    )
    row = analysis.score_text("foo foo " * 1000, lexicons=mine).to_dict()
    assert row["hostility_count"] == 2000
    assert all(math.isfinite(v) for v in row.values() if isinstance(v, float) and not math.isnan(v))


def test_api_readme_join_idiom_keeps_rows_with_duplicate_index() -> None:
    import analysis

    st = pd.DataFrame({"speaker": ["a", "b", "a"], "text": ["They are idiots.", "ok", "Perhaps."]}, index=[5, 5, 6])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    idiom = "pd.concat([st, analysis.score_frame(st)], axis=1)"
    assert idiom in readme and "st.join(analysis.score_frame(st))" not in readme
    joined = eval(idiom, {"pd": pd, "analysis": analysis, "st": st})  # noqa: S307 - the README's own line
    assert len(joined) == len(st) and joined["speaker"].tolist() == ["a", "b", "a"]
    assert joined["hostility_count"].tolist() == [1, 0, 0]
    with pytest.raises(pd.errors.InvalidIndexError):  # a reordered score frame cannot be aligned silently
        pd.concat([st, analysis.score_frame(st).iloc[::-1]], axis=1)


# Round-4 paths (column-wise batches, mixed-batch runs, numpy word counts,
# the ru/uk rules except_clause / not_before_number / not_upper / phrases not
# across quotes or dashes): hostile texts, every one scored in a batch as alone.
ROUND4_HOSTILE: tuple[object, ...] = (
    "a\x00b idiots", "\x00", "idiots\x00regime", "\x01\x02\x1b[31m", "\udfff idiots \ud800", "e\u0301\u0301 idiots",
    "\u0301", "\u200bidiots\u200b", "id\u200biots", "\u202eКиевский режим\u202c", "\ufeffThey are idiots.",
    "👨\u200d👩\u200d👧 idiots", "Кiев режим", "rеgime idiots", "x" * 20000, "!!!???...", "12345 678", '"""', "«««",
    '"They are idiots', 'Он сказал: "киевский режим', "— — —", "киевский — режим", "киевский «режим»",
    "ВСЕ ОНИ ИДИОТЫ", "КИЕВСКИЙ РЕЖИМ", "КиЕвСкИй РеЖиМ", "АД", "Ад кромешный", "почти 5 человек",
    "почти 5,5 тысяч", "почти пять человек", "почти ٣ человека", "почти -5", "майже 5 людей",
    "только " + "слово " * 3000 + "может", "Рашисти обстріляли Київ.", "Ленд-ліз: U.S. senators back the bill.",
    "It may rain. The regime is doomed!", "", " ", None, float("nan"), pd.NA, np.str_("They are idiots."),
)


def _row_equals_alone(out: pd.DataFrame, texts: list[object]) -> None:
    from analysis.scoring.score import SCORE_COLUMNS, score_text

    alone = {}
    for pos, text in enumerate(texts):
        key = (type(text).__name__, text if isinstance(text, str) else repr(text))
        if key not in alone:
            alone[key] = score_text(text).to_dict()  # type: ignore[arg-type]
        for col in SCORE_COLUMNS:
            a, b = alone[key][col], out.iloc[pos][col]
            assert a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)), (pos, text, col, a, b)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("order", ["as listed", "shuffled across batches"])
def test_api_round4_hostile_texts_score_in_a_batch_as_alone(jobs: int, order: str) -> None:
    import random

    from analysis import score_frame

    texts = list(ROUND4_HOSTILE)
    if order != "as listed":
        # 1,100 rows: a batch boundary (1,024) falls inside, the runs of plain
        # and other texts change at every row
        texts = random.Random(4).choices(texts, k=1100)
    out = score_frame(pd.DataFrame({"text": pd.Series(texts, dtype=object)}), jobs=jobs)
    assert len(out) == len(texts) and out.index.tolist() == list(range(len(texts)))
    assert set(out["status"]) <= {"ok", "empty", "missing", "no_words"}
    _row_equals_alone(out, texts)


@pytest.mark.parametrize("dtype", ["category", "string[pyarrow]", "string[python]"])
def test_api_round4_typed_text_columns_and_duplicate_index(dtype: str) -> None:
    from analysis import score_frame

    texts = ["They are idiots.", None, "Киевский режим обстреливает Донецк.", "They are idiots.", "", "ВСЕ ОНИ ИДИОТЫ"]
    df = pd.DataFrame({"text": pd.Series(texts, dtype=dtype, index=[5, 5, 5, 7, 7, 5])})
    out = score_frame(df)
    assert out.index.tolist() == [5, 5, 5, 7, 7, 5]
    assert out["status"].tolist() == ["ok", "missing", "ok", "ok", "empty", "ok"]
    _row_equals_alone(out, texts)
