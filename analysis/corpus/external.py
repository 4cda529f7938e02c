"""Loaders for the external corpora vendored in ``corpus/external/``.

* ``load_press_releases()``: English press releases of the Russian presidency
  (en.kremlin.ru, 816 rows) and of the Ukrainian presidency
  (president.gov.ua, 980 rows), Oct 2021 - Jun 2022, CC BY 4.0.
* ``load_ruwa()``: RUWA (Khairova et al.), 16,545 news links with title and
  lead from nine outlets, Feb - Sep 2022, CC BY-NC-SA 4.0.

Every row of a file is returned; rows that cannot be used for a given text
field carry a ``status`` and are counted by ``ruwa_empty_counts`` /
``ruwa_texts``, never dropped silently.

Example:
    >>> pr = load_press_releases()
    >>> pr.groupby("side").size().to_dict()
    {'russian': 816, 'ukrainian': 980}
"""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.corpus.errors import CorpusError

PRESS_RELEASE_FILES: dict[str, str] = {"russian": "putin.csv.gz", "ukrainian": "zelenskyy.csv.gz"}
PRESS_RELEASE_COLUMNS: tuple[str, ...] = (
    "doc_id", "side", "date", "headline", "summary", "location", "body", "link", "status",
)
RUWA_FILE = "RUWA_04.08.23.csv.gz"
RUWA_COLUMNS: tuple[str, ...] = (
    "row_id", "source_index", "site", "outlet", "outlet_country", "outlet_bloc", "event", "date",
    "title", "desc", "link", "keywords", "status",
)

#: RUWA ``Site`` value (without a leading ``www.``) -> (outlet, country, bloc).
#: Blocs: the outlet's country of ownership and editorial base; News Front is
#: run from Russian-annexed Crimea and counted Russian; Al Jazeera (Qatar) is
#: not Russian, Western or Ukrainian, so ``other``.
RUWA_OUTLETS: dict[str, tuple[str, str, str]] = {
    "rt.com": ("RT", "Russia", "russian"),
    "tass.com": ("TASS", "Russia", "russian"),
    "en.news-front.info": ("News Front", "Russia", "russian"),
    "ukrinform.net": ("Ukrinform", "Ukraine", "ukrainian"),
    "censor.net": ("Censor.net", "Ukraine", "ukrainian"),
    "reuters.com": ("Reuters", "United Kingdom", "western"),
    "bbc.co.uk": ("BBC", "United Kingdom", "western"),
    "msnbc.com": ("MSNBC", "United States", "western"),
    "aljazeera.com": ("Al Jazeera", "Qatar", "other"),
}
RUWA_STATUSES: tuple[str, ...] = ("ok", "empty_title", "empty_desc", "empty_title_and_desc")


def _read_gz_csv(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise CorpusError("external corpus file not found", file=path)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, compression="gzip")
    except UnicodeDecodeError as err:
        raise CorpusError(f"not valid UTF-8 at byte offset {err.start} of the CSV", file=path) from None
    except (OSError, pd.errors.ParserError) as err:
        raise CorpusError(f"unreadable gzip CSV: {err}", file=path) from None


def _require(df: pd.DataFrame, columns: tuple[str, ...], path: Path) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise CorpusError(
            f"missing column(s) {', '.join(missing)}", file=path, line=1, field=missing[0]
        )


@lru_cache(maxsize=4)
def _press_releases(directory: str) -> pd.DataFrame:
    frames = []
    for side, name in PRESS_RELEASE_FILES.items():
        path = Path(directory) / name
        df = _read_gz_csv(path)
        _require(df, ("link", "headline", "date", "body"), path)
        prefix = Path(name).name.split(".")[0]
        out = pd.DataFrame({
            "doc_id": [f"{prefix}-{i:04d}" for i in range(len(df))],
            "side": side,
            "date": pd.to_datetime(df["date"], utc=True, errors="coerce", format="ISO8601"),
            "headline": df["headline"].str.strip(),
            "summary": df["summary"].str.strip() if "summary" in df else "",
            # the Kremlin file writes "NA" for an unknown location
            "location": df["location"].replace("NA", "") if "location" in df else "",
            "body": df["body"],
            "link": df["link"],
        })
        frames.append(out)
    df = pd.concat(frames, ignore_index=True)
    status = pd.Series("ok", index=df.index, dtype="str")
    status[df["headline"] == ""] = "empty_headline"
    status[df["date"].isna()] = "bad_date"
    status[df["body"].str.strip() == ""] = "empty_body"
    df["status"] = status
    return df.loc[:, list(PRESS_RELEASE_COLUMNS)]


def load_press_releases(directory: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Both presidencies' press releases, one row per release, every row kept.

    Columns ``PRESS_RELEASE_COLUMNS``: ``doc_id`` (``putin-0000`` ...,
    ``zelenskyy-0000`` ... in file order), ``side`` (``russian`` |
    ``ukrainian``), ``date`` (UTC), ``summary``/``location`` ('' where the file
    has none), ``status`` (``ok`` | ``empty_body`` | ``bad_date`` |
    ``empty_headline``; the worst problem wins).

    Example:
        >>> load_press_releases()["status"].value_counts().to_dict()
        {'ok': 1795, 'empty_headline': 1}
    """
    d = Path(directory) if directory is not None else paths.PRESS_RELEASES_DIR
    return _press_releases(str(d.resolve())).copy()


def _site_key(site: str) -> str:
    s = site.strip().lower()
    return s[4:] if s.startswith("www.") else s


@lru_cache(maxsize=4)
def _ruwa(path_str: str) -> pd.DataFrame:
    path = Path(path_str)
    df = _read_gz_csv(path)
    _require(df, ("src", "desc", "title", "Date", "Site", "Event"), path)
    keys = df["Site"].map(_site_key)
    unknown = sorted(set(keys) - set(RUWA_OUTLETS))
    if unknown:
        warnings.warn(
            f"{path.name}: sites not in RUWA_OUTLETS, given bloc 'other': {', '.join(unknown)}",
            stacklevel=3,
        )
    outlet = keys.map(lambda k: RUWA_OUTLETS.get(k, (k, "", "other")))
    first_col = df.columns[0]
    title = df["title"].str.strip()
    desc = df["desc"].str.strip()
    status = pd.Series("ok", index=df.index, dtype="str")
    status[(title == "") & (desc != "")] = "empty_title"
    status[(title != "") & (desc == "")] = "empty_desc"
    status[(title == "") & (desc == "")] = "empty_title_and_desc"
    out = pd.DataFrame({
        "row_id": pd.to_numeric(df[first_col], errors="coerce").astype("Int64")
        if first_col != "src" else pd.Series(range(len(df)), dtype="Int64"),
        "source_index": pd.to_numeric(df.get("Unnamed: 0", pd.Series(pd.NA, index=df.index)),
                                      errors="coerce").astype("Int64"),
        "site": df["Site"],
        "outlet": outlet.map(lambda t: t[0]),
        "outlet_country": outlet.map(lambda t: t[1]),
        "outlet_bloc": outlet.map(lambda t: t[2]),
        "event": df["Event"],
        "date": pd.to_datetime(df["Date"], format="%m/%d/%Y", errors="coerce", utc=True),
        "title": title,
        "desc": desc,
        "link": df["src"],
        "keywords": df["KW"] if "KW" in df else "",
        "status": status,
    })
    return out.loc[:, list(RUWA_COLUMNS)]


def load_ruwa(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The RUWA dataset, one row per file row (16,545), every row kept.

    ``outlet``/``outlet_country``/``outlet_bloc`` come from ``RUWA_OUTLETS``
    (a site missing from the table gets bloc ``other`` and a warning naming
    it); ``status`` says whether title and lead are present
    (``RUWA_STATUSES``).  ``title``/``desc`` are stripped of edge spaces.

    Example:
        >>> r = load_ruwa()
        >>> len(r), r["outlet_bloc"].value_counts().to_dict()["russian"]
        (16545, 1060)
    """
    p = Path(path) if path is not None else paths.RUWA_DIR / RUWA_FILE
    return _ruwa(str(p.resolve())).copy()


def ruwa_empty_counts(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows per site by status (``RUWA_STATUSES``), with a total row and column.

    Example:
        >>> ruwa_empty_counts().loc["total", "empty_title_and_desc"]
        np.int64(194)
    """
    df = load_ruwa() if df is None else df
    table = pd.crosstab(df["site"], df["status"]).reindex(columns=list(RUWA_STATUSES), fill_value=0)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    return table


def ruwa_texts(df: pd.DataFrame | None = None, field: str = "title") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows usable for ``field`` (``title``, ``desc`` or ``both``) and a report of those skipped.

    Returns ``(kept, skipped)``: ``kept`` holds the rows with a non-empty
    field and a ``text`` column (title and lead joined by a blank line for
    ``both``, which needs either to be present); ``skipped`` counts the
    others by site and status.  ``len(kept) + skipped["n"].sum() == len(df)``.

    Example:
        >>> kept, skipped = ruwa_texts(field="title")
        >>> len(kept) + int(skipped["n"].sum())
        16545
    """
    df = load_ruwa() if df is None else df
    if field == "title":
        usable = df["title"] != ""
        text = df["title"]
    elif field == "desc":
        usable = df["desc"] != ""
        text = df["desc"]
    elif field == "both":
        usable = (df["title"] != "") | (df["desc"] != "")
        text = (df["title"] + "\n\n" + df["desc"]).str.strip()
    else:
        raise ValueError(f"field must be 'title', 'desc' or 'both', not {field!r}")
    kept = df[usable].assign(text=text[usable])
    skipped = (
        df[~usable].groupby(["site", "status"]).size().rename("n").reset_index()
    )
    return kept, skipped
