"""Streaming readers keep every record in order; errors are one line and name the line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from analysis.scale.io import INPUT_FORMATS, AtomicOutput, InputError, detect_format, read_chunks


def _all_texts(path: Path, **kw: object) -> tuple[list[object], list[int]]:
    texts: list[object] = []
    starts: list[int] = []
    for chunk in read_chunks(path, "text", chunk_size=3, **kw):  # type: ignore[arg-type]
        starts.append(chunk.start)
        texts.extend(chunk.texts)
    return texts, starts


def _is_missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v)


@pytest.mark.parametrize("fixture", ["csv_file", "jsonl_file", "parquet_file"])
def test_tabular_readers_keep_every_row(fixture: str, request: pytest.FixtureRequest, statements: pd.DataFrame) -> None:
    path = request.getfixturevalue(fixture)
    texts, starts = _all_texts(path)
    assert starts == [0, 3, 6]
    expected = statements["text"].tolist()
    assert len(texts) == len(expected)
    for got, want in zip(texts, expected):
        # CSV cannot tell a missing value from an empty one; both are non-text.
        if want is None:
            assert _is_missing(got) or got == ""
        else:
            assert got == want


@pytest.mark.parametrize("fixture", ["csv_file", "jsonl_file", "parquet_file"])
def test_ids_come_back_in_order(fixture: str, request: pytest.FixtureRequest, statements: pd.DataFrame) -> None:
    path = request.getfixturevalue(fixture)
    ids = [i for c in read_chunks(path, "text", id_col="id", chunk_size=5) for i in c.ids.tolist()]
    assert ids == statements["id"].tolist()


def test_csv_keeps_na_as_text(csv_file: Path) -> None:
    texts, _ = _all_texts(csv_file)
    assert texts[-1] == "NA"


def test_txt_one_row_per_line_including_blank(txt_file: Path) -> None:
    texts, starts = _all_texts(txt_file)
    assert len(texts) == 8 and texts[2] == "" and texts[4] == ""
    assert starts == [0, 3, 6]


def test_txt_strips_byte_order_mark(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffFirst.\r\nSecond.\r\n".encode())
    assert _all_texts(p)[0] == ["First.", "Second."]


def test_jsonl_blank_and_non_object_lines_are_rows_without_text(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "a", "id": 1}\n\n17\n{"id": 2}\n{"text": 5}\n', encoding="utf-8")
    chunks = list(read_chunks(p, "text", id_col="id"))
    assert chunks[0].texts == ["a", None, None, None, 5]
    assert chunks[0].statuses == [None, None, "invalid", None, None]
    ids = chunks[0].ids.tolist()
    assert ids[0] == "1" and ids[3] == "2" and all(pd.isna(i) for i in (ids[1], ids[2], ids[4]))


def test_jsonl_first_record_without_column_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"body": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"text column \(line 1\) 'text' not found; available columns: 'body'"):
        list(read_chunks(p, "text"))


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "a"}\n{"text": "b"}\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"s.jsonl: line 3: invalid JSON"):
        list(read_chunks(p, "text"))


@pytest.mark.parametrize(
    ("name", "payload", "line"),
    [
        ("s.csv", b"id,text\n1,fine\n2,\"multi\nline\"\n3,caf\xe9\n", 5),
        ("s.jsonl", b'{"text": "fine"}\n{"text": "caf\xe9"}\n', 2),
        ("s.txt", b"fine\nfine\nfine\ncaf\xe9\n", 4),
    ],
)
def test_bad_encoding_names_the_line(tmp_path: Path, name: str, payload: bytes, line: int) -> None:
    p = tmp_path / name
    p.write_bytes(payload)
    with pytest.raises(InputError, match=rf"line {line}: not valid utf-8 \(byte 0xe9"):
        list(read_chunks(p, "text", chunk_size=1))
    # The right encoding reads the same file.
    assert "café" in [t for c in read_chunks(p, "text", encoding="latin-1") for t in c.texts]


def test_bad_encoding_in_gzip_csv_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "s.csv.gz"
    p.write_bytes(gzip.compress(b"text\nok\nbad \xff\n"))
    with pytest.raises(InputError, match="line 3: not valid utf-8"):
        list(read_chunks(p, "text"))


def test_missing_column_lists_available(csv_file: Path, parquet_file: Path) -> None:
    for path in (csv_file, parquet_file):
        with pytest.raises(InputError, match=r"text column 'body' not found; available columns: 'id', 'text'"):
            read_chunks(path, "body")


def test_errors_before_first_chunk_are_raised_eagerly(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_chunks(tmp_path / "absent.csv", "text")
    with pytest.raises(InputError, match=r"unsupported file type \.xlsx"):
        read_chunks(tmp_path / "a.xlsx", "text")


def test_not_parquet_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "fake.parquet"
    p.write_text("not parquet")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        read_chunks(p, "text")


def test_detect_format_handles_gzip_suffix() -> None:
    assert detect_format("x.TXT.gz", INPUT_FORMATS) == ("txt", True)
    with pytest.raises(InputError):
        detect_format("x.parquet.gz", INPUT_FORMATS)


@pytest.mark.parametrize("name", ["out.csv", "out.csv.gz", "out.parquet"])
def test_atomic_output_round_trip(tmp_path: Path, name: str) -> None:
    frames = [pd.DataFrame({"a": [1, 2], "s": ["x", "y"]}), pd.DataFrame({"a": [3], "s": ["z"]})]
    target = tmp_path / name
    with AtomicOutput(target) as sink:
        for f in frames:
            sink.write(f)
        assert not target.exists()
    back = pd.read_parquet(target) if name.endswith("parquet") else pd.read_csv(target)
    assert back["a"].tolist() == [1, 2, 3] and back["s"].tolist() == ["x", "y", "z"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_atomic_output_failure_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous\n")
    with pytest.raises(KeyboardInterrupt), AtomicOutput(target) as sink:
        sink.write(pd.DataFrame({"a": [1]}))
        raise KeyboardInterrupt
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
