"""Fixtures of the corpus tests: cleaned seeds and a builder of small corpus folders."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis import paths
from analysis.corpus.clean import CleanedText, clean_text

ARTICLE_HEADER = [
    "article_id", "source_file", "outlet", "outlet_country", "outlet_bloc", "wire",
    "published", "headline", "evidence", "narrator", "narrator_bloc",
]


@pytest.fixture(scope="session")
def seed_bytes() -> dict[str, bytes]:
    """Raw bytes of every seed file, keyed by file name."""
    return {p.name: p.read_bytes() for p in sorted(paths.RAW_SEEDS_DIR.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_docs(seed_bytes: dict[str, bytes]) -> dict[str, CleanedText]:
    """Each seed cleaned, keyed by file name."""
    return {name: clean_text(data.decode("utf-8")) for name, data in seed_bytes.items()}


def _doc_by_prefix(docs: dict[str, CleanedText], prefix: str) -> CleanedText:
    (name,) = [n for n in docs if n.startswith(prefix)]
    return docs[name]


@pytest.fixture(scope="session")
def seed_doc(seed_docs: dict[str, CleanedText]) -> Callable[[str], CleanedText]:
    """Look a cleaned seed up by its number prefix, e.g. ``seed_doc("002")``."""
    return lambda prefix: _doc_by_prefix(seed_docs, prefix)


def write_articles(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    header = header or ARTICLE_HEADER
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({c: row.get(c, "") for c in header})


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Build a tiny corpus folder: ``make_corpus({"a.txt": "text"}, rows=[...])``.

    Without ``rows`` every raw file gets a valid articles.csv row
    (id ``a1``, ``a2``, ... in file-name order).
    """

    def build(
        raws: dict[str, str | bytes],
        rows: list[dict[str, str]] | None = None,
        header: list[str] | None = None,
        quoted: str | None = None,
    ) -> Path:
        root = tmp_path / "corpus"
        raw_dir = root / "raw" / "seeds"
        raw_dir.mkdir(parents=True)
        for name, content in raws.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (raw_dir / name).write_bytes(data)
        if rows is None:
            rows = [
                {"article_id": f"a{i}", "source_file": name, "outlet": "Example News",
                 "outlet_bloc": "other"}
                for i, name in enumerate(sorted(raws), start=1)
            ]
        write_articles(root / "articles.csv", rows, header)
        if quoted is not None:
            (root / "quoted_sources.csv").write_text(quoted, encoding="utf-8")
        return root

    return build
