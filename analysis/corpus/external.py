"""Loaders for the external corpora vendored in ``corpus/external/``.

* ``load_press_releases()``: English press releases of the Russian presidency
  (en.kremlin.ru, 816 rows) and of the Ukrainian presidency
  (president.gov.ua, 980 rows), Oct 2021 - Jun 2022, CC BY 4.0.
* ``load_ruwa()``: RUWA (Khairova et al.), 16,545 news links with title and
  lead from nine outlets, Feb - Sep 2022, CC BY-NC-SA 4.0.

Every row of a file is returned; rows that cannot be used for a given text
field carry a ``status`` and are counted by ``ruwa_empty_counts`` /
``ruwa_texts``, never dropped silently.

RUWA titles and leads carry site furniture (time stamps, section names,
"View news.", "— Ukrinform.", broadcast dates) and Censor.net leads repeat the
title.  ``clean_ruwa()`` removes them by the documented per-site rules of
``RUWA_BOILERPLATE`` plus one general rule (a lead that begins with its own
title loses the repeat), keeps the raw fields alongside, names the rules that
changed each row and returns a per-site, per-rule report.  ``ruwa_texts()``
cleans by default.

Example:
    >>> pr = load_press_releases()
    >>> pr.groupby("side").size().to_dict()
    {'russian': 816, 'ukrainian': 980}
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.corpus.errors import CorpusError
from analysis.language import CYRILLIC, LATIN
from analysis.validate_args import check_choice

PRESS_RELEASE_FILES: dict[str, str] = {"russian": "putin.csv.gz", "ukrainian": "zelenskyy.csv.gz"}
PRESS_RELEASE_COLUMNS: tuple[str, ...] = (
    "doc_id", "side", "date", "headline", "summary", "location", "body", "link", "status",
)
RUWA_FILE = "RUWA_04.08.23.csv.gz"
RUWA_COLUMNS: tuple[str, ...] = (
    "row_id", "source_index", "site", "outlet", "outlet_country", "outlet_bloc", "event", "date",
    "title", "desc", "link", "keywords", "status", "repeat_of",
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
    status = _status(title, desc)
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
        "keywords": df.get("KW", ""),
        "status": status,
    })
    out["repeat_of"] = _repeat_of(out)
    return out.loc[:, list(RUWA_COLUMNS)]


def _status(title: pd.Series, desc: pd.Series) -> pd.Series:
    status = pd.Series("ok", index=title.index, dtype="str")
    status[(title == "") & (desc != "")] = "empty_title"
    status[(title != "") & (desc == "")] = "empty_desc"
    status[(title == "") & (desc == "")] = "empty_title_and_desc"
    return status


def _repeat_of(df: pd.DataFrame) -> pd.Series:
    # the same title and lead on one site under another link: syndication or
    # re-posting, kept (each link is a published item) but flagged
    has_text = (df["title"] != "") | (df["desc"] != "")
    keys = df.loc[has_text, ["site", "title", "desc", "row_id"]]
    first = keys.groupby(["site", "title", "desc"], sort=False)["row_id"].transform("first")
    out = pd.Series(pd.NA, index=df.index, dtype="Int64")
    repeat = keys["row_id"] != first
    out[repeat[repeat].index] = first[repeat].to_numpy()
    return out


def load_ruwa(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The RUWA dataset, one row per file row (16,545), every row kept.

    ``outlet``/``outlet_country``/``outlet_bloc`` come from ``RUWA_OUTLETS``
    (a site missing from the table gets bloc ``other`` and a warning naming
    it); ``status`` says whether title and lead are present
    (``RUWA_STATUSES``).  ``title``/``desc`` are stripped of edge spaces and
    otherwise as in the file (see :func:`clean_ruwa` for boilerplate).
    ``repeat_of`` is the ``row_id`` of the first row of the same site with the
    same title and lead (another link carrying the same text), ``<NA>``
    otherwise; such rows are kept.

    Example:
        >>> r = load_ruwa()
        >>> len(r), r["outlet_bloc"].value_counts().to_dict()["russian"]
        (16545, 1060)
        >>> int(r["repeat_of"].notna().sum())
        97
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


@dataclass(frozen=True)
class RuwaRule:
    """One boilerplate rule: on rows of ``site``, delete ``pattern`` from ``field``.

    ``site`` is a ``RUWA_OUTLETS`` key; ``after_repeat`` rules run after the
    lead-repeats-title check (a title label the lead also repeats must still
    be there when the repeat is matched).
    """

    site: str
    field: str
    name: str
    pattern: str
    what: str
    after_repeat: bool = False


_LABEL = r"(?:UAV )?(?:VIDEO|PHOTOS?|INFOGRAPHICS?|DOCUMENTS?|AUDIO|MAPS?|LIST)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"

#: Per-site boilerplate of RUWA titles and leads, applied in this order (then
#: the general ``REPEATED_TITLE`` rule, then the ``after_repeat`` rules).
RUWA_BOILERPLATE: tuple[RuwaRule, ...] = (
    RuwaRule("censor.net", "title", "time_and_section",
             r"\s*\(\d\d\.\d\d\.\d\d \d\d:\d\d\)\s*«[^«]*\|\s*Censor\.NET\s*$",
             "title ends in '(dd.mm.yy hh:mm) « Section | Censor.NET'"),
    RuwaRule("censor.net", "desc", "time_stamp", r"^\d\d\.\d\d\.\d\d \d\d:\d\d\s*-\s*",
             "lead starts with 'dd.mm.yy hh:mm - '"),
    RuwaRule("censor.net", "desc", "view_link", r"\s*View (?:\w+ )*(?:news|article)\.?\s*$",
             "lead ends in 'View news.' / 'View photo news.' / 'View article.' (a link label)"),
    RuwaRule("censor.net", "title", "media_label",
             rf"(?<=[.!?])\s*{_LABEL}(?:\s*[&,]\s*{_LABEL})*(?: OF THE DAY)?(?:\s*\(?\d\d\+\)?)?\s*$",
             "title ends in a format label after the last sentence: '. VIDEO', '. PHOTOS' ...",
             after_repeat=True),
    RuwaRule("ukrinform.net", "desc", "sign_off", r"\s*[—–-]\s*Ukrinform\.?\s*$",
             "lead ends in '— Ukrinform.'"),
    RuwaRule("msnbc.com", "desc", "broadcast_date", rf"\s*{_MONTH} \d{{1,2}}, \d{{4}}\s*$",
             "lead ends in the broadcast date ('April 14, 2022', 'Sept. 1, 2022')"),
)

#: Name of the general rule: a lead that begins with the row's own title (after
#: the per-site rules; double quotes and spaces ignored, the title
#: ending at a sentence boundary of the lead) loses that repeat.
REPEATED_TITLE = "repeated_title"
CLEAN_REPORT_COLUMNS: tuple[str, ...] = ("site", "outlet", "field", "rule", "rows", "chars", "what")

# quotes that a lead drops when it repeats a title ('"direct challenge"' -> 'direct challenge')
_REPEAT_IGNORED = frozenset('"“”„«»')
_SENTENCE_END = frozenset(".!?…")


def repeated_title_end(title: str, lead: str) -> int:
    """Length of the prefix of ``lead`` that repeats ``title`` (0 if none).

    The repeat must cover the whole title and end where a sentence of the lead
    ends (end of text, or sentence punctuation); double quotes and whitespace
    are ignored in the comparison (leads drop the title's quotes, and the
    spaces next to them).  The sentence punctuation and spaces after the
    repeat belong to the prefix.

    Example:
        >>> lead = 'Talks: This is direct challenge. Moscow is concerned.'
        >>> repeated_title_end('Talks: This is "direct challenge"', lead)
        33
        >>> repeated_title_end("Two missiles hit the station", "Two missiles hit the station in Donetsk.")
        0
    """
    i = j = 0
    n, m = len(title), len(lead)
    if not title.strip():
        return 0
    while i < n:
        if title[i] in _REPEAT_IGNORED or title[i].isspace():
            i += 1
            continue
        while j < m and (lead[j] in _REPEAT_IGNORED or lead[j].isspace()):
            j += 1
        if j >= m or lead[j] != title[i]:
            return 0
        i += 1
        j += 1
    while j < m and lead[j] in _REPEAT_IGNORED:
        j += 1
    last = title.rstrip("".join(_REPEAT_IGNORED) + " ")[-1:]
    if j < m and lead[j] not in _SENTENCE_END and not (last in _SENTENCE_END and lead[j].isspace()):
        return 0
    while j < m and (lead[j] in _SENTENCE_END or lead[j].isspace()):
        j += 1
    return j


def _apply_rule(
    frame: pd.DataFrame, rows: pd.Series, rule: RuwaRule, stripped: pd.Series
) -> dict[str, int]:
    before = frame.loc[rows, rule.field]
    after = before.str.replace(rule.pattern, "", regex=True).str.strip()
    changed = after != before
    frame.loc[rows, rule.field] = after
    stripped[changed[changed].index] += ";" + rule.name
    removed = int((before.str.len() - after.str.len())[changed].sum())
    return {"rows": int(changed.sum()), "chars": removed}


def clean_ruwa(
    df: pd.DataFrame | None = None,
    *,
    rules: tuple[RuwaRule, ...] = RUWA_BOILERPLATE,
    drop_repeated_title: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Titles and leads without site boilerplate, and a report of what was removed.

    Applies ``rules`` (default ``RUWA_BOILERPLATE``) to the rows of their
    site, then (if ``drop_repeated_title``) the general ``REPEATED_TITLE``
    rule on every site: a lead beginning with its own title loses the repeat
    (see :func:`repeated_title_end`), so the title is not counted twice.
    A lead may end up empty (it only repeated the title).

    Returns ``(cleaned, report)``.  ``cleaned`` has the same rows and index as
    ``df`` with ``title``/``desc`` cleaned, ``title_raw``/``desc_raw`` as they
    were, ``stripped`` (the names of the rules that changed the row, joined by
    ``;``, '' if none), ``status`` recomputed on the cleaned fields and
    ``repeat_of`` recomputed on them (see :func:`load_ruwa`).  ``report`` has
    one row per site and rule (``CLEAN_REPORT_COLUMNS``): rows changed and
    characters removed; the general rule is listed for the sites it changed.

    Example:
        >>> cleaned, report = clean_ruwa()
        >>> report.set_index(["site", "rule"]).loc[("ukrinform.net", "sign_off"), "rows"]
        np.int64(6743)
        >>> int((cleaned["stripped"] != "").sum()) <= len(cleaned)
        True
    """
    # Over 60 lines only with its 23-line docstring; the code itself is 45 lines.
    df = load_ruwa() if df is None else df
    if "title_raw" in df.columns:
        raise ValueError("clean_ruwa: the frame is already cleaned (it has a title_raw column)")
    cleaned = df.copy()
    cleaned["title_raw"] = df["title"]
    cleaned["desc_raw"] = df["desc"]
    stripped = pd.Series("", index=df.index, dtype="str")
    sites = df["site"].map(_site_key)
    outlets = df.groupby(sites, sort=False)["outlet"].first()
    for rule in rules:
        check_choice(f"rule {rule.name!r}: field", rule.field, ("title", "desc"), who="clean_ruwa")
    records = []

    def run(selected: tuple[RuwaRule, ...]) -> None:
        for rule in selected:
            counts = _apply_rule(cleaned, sites == rule.site, rule, stripped)
            records.append({"site": rule.site, "outlet": outlets.get(rule.site, ""),
                            "field": rule.field, "rule": rule.name, **counts, "what": rule.what})

    run(tuple(r for r in rules if not r.after_repeat))
    if drop_repeated_title:
        ends = pd.Series(
            [repeated_title_end(t, d) if t and d else 0
             for t, d in zip(cleaned["title"], cleaned["desc"])],
            index=df.index,
        )
        hit = ends > 0
        before = cleaned.loc[hit, "desc"]
        after = pd.Series([d[e:] for d, e in zip(before, ends[hit])], index=before.index, dtype="str")
        cleaned.loc[hit, "desc"] = after.str.strip()
        stripped[hit] += ";" + REPEATED_TITLE
        removed = (before.str.len() - cleaned.loc[hit, "desc"].str.len()).groupby(sites[hit], sort=False)
        for site, chars in removed:
            records.append({"site": site, "outlet": outlets.get(site, ""), "field": "desc",
                            "rule": REPEATED_TITLE, "rows": len(chars), "chars": int(chars.sum()),
                            "what": "lead begins by repeating the title"})
    run(tuple(r for r in rules if r.after_repeat))
    cleaned["stripped"] = stripped.str.removeprefix(";")
    cleaned["status"] = _status(cleaned["title"], cleaned["desc"])
    cleaned["repeat_of"] = _repeat_of(cleaned)
    report = pd.DataFrame(records, columns=list(CLEAN_REPORT_COLUMNS))
    order = {site: k for k, site in enumerate(RUWA_OUTLETS)}
    report = report.sort_values("site", key=lambda c: c.map(order).fillna(len(order)), kind="stable")
    return cleaned, report.reset_index(drop=True).astype({"rows": "int64", "chars": "int64"})


def ruwa_texts(
    df: pd.DataFrame | None = None,
    field: str = "title",
    *,
    strip_boilerplate: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows usable for ``field`` (``title``, ``desc`` or ``both``) and a report of those skipped.

    With ``strip_boilerplate`` (default) a frame not yet cleaned goes through
    :func:`clean_ruwa` first (its per-row ``stripped``, ``title_raw`` and
    ``desc_raw`` columns come along; call ``clean_ruwa`` for the report); a
    frame already cleaned, or ``strip_boilerplate=False``, is used as it is.

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
    check_choice("field", field, ("title", "desc", "both"), who="ruwa_texts")
    if strip_boilerplate and "title_raw" not in df.columns:
        df = clean_ruwa(df)[0]
    if field == "title":
        usable = df["title"] != ""
        text = df["title"]
    elif field == "desc":
        usable = df["desc"] != ""
        text = df["desc"]
    else:  # "both", the only option left after check_choice
        usable = (df["title"] != "") | (df["desc"] != "")
        text = (df["title"] + "\n\n" + df["desc"]).str.strip()
    kept = df[usable].assign(text=text[usable])
    skipped = (
        df[~usable].groupby(["site", "status"]).size().rename("n").reset_index()
    )
    return kept, skipped


# --- resistinua: Ukrainian officials' addresses with their English translations ---

RESISTINUA_FILE = "addresses.jsonl.gz"
RESISTINUA_COLUMNS: tuple[str, ...] = (
    "id", "date", "speakers", "title_uk", "title_en", "text_uk", "text_en",
    "source_translated_flag", "changes", "status",
)
#: Row statuses, worst first: a side is empty, the "English" side is in fact
#: Cyrillic (untranslated), both sides are under ``RESISTINUA_MIN_CHARS`` (a
#: title-only stub: the source page was a video with a one-line caption), or
#: one side is under a quarter of the other (a summary, not a translation).
RESISTINUA_STATUSES: tuple[str, ...] = (
    "missing_uk", "missing_en", "bad_date", "en_untranslated", "short_text", "length_mismatch",
    "ok",
)
RESISTINUA_MIN_CHARS: int = 200
_BOLD = "**"
_ESCAPED_QUOTE = "\\'"


def clean_resistinua_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Drop markdown bold markers and un-escape ``\\'``; name what changed.

    Example:
        >>> clean_resistinua_text("**Слава Україні!** That\\\\'s it")[1]
        ('bold', 'escaped_quote')
    """
    changes: list[str] = []
    if _BOLD in text:
        text = text.replace(_BOLD, "")
        changes.append("bold")
    if _ESCAPED_QUOTE in text:
        text = text.replace(_ESCAPED_QUOTE, "'")
        changes.append("escaped_quote")
    return text, tuple(changes)


def _cyrillic_share(text: str) -> float:
    cyr = len(CYRILLIC.findall(text))
    total = cyr + len(LATIN.findall(text))
    return cyr / total if total else 0.0


def resistinua_status(text_uk: str, text_en: str) -> str:
    """The worst problem of one address (``RESISTINUA_STATUSES``), or ``ok``.

    Example:
        >>> resistinua_status("Текст " * 50, "")
        'missing_en'
        >>> resistinua_status("Текст " * 50, "Текст " * 50)
        'en_untranslated'
    """
    uk, en = text_uk.strip(), text_en.strip()
    if not uk:
        return "missing_uk"
    if not en:
        return "missing_en"
    if _cyrillic_share(en) > 0.5:
        return "en_untranslated"
    if max(len(uk), len(en)) < RESISTINUA_MIN_CHARS:
        return "short_text"
    if not 0.25 <= len(en) / len(uk) <= 4.0:
        return "length_mismatch"
    return "ok"


def _resistinua_date(value: object) -> tuple[pd.Timestamp | None, tuple[str, ...]]:
    # two source dates say "T24:mm:ss"; ISO 8601 allows only 24:00:00, so they
    # are read as 00:mm:ss of the next day and named in ``changes``
    text = str(value)
    shift = "T24:" in text
    if shift:
        text = text.replace("T24:", "T00:")
    stamp = pd.to_datetime(text, errors="coerce", format="ISO8601")
    if pd.isna(stamp):
        return None, ()
    return (stamp + pd.Timedelta(days=1), ("hour_24",)) if shift else (stamp, ())


def _resistinua_row(record: dict[str, object], path: Path, lineno: int) -> dict[str, object]:
    missing = [k for k in ("id", "date", "speaker", "text_original", "text_en") if k not in record]
    if missing:
        raise CorpusError(f"missing field(s) {', '.join(missing)}", file=path, line=lineno,
                          field=missing[0])
    speakers = record["speaker"]
    if not isinstance(speakers, list) or not all(isinstance(s, str) for s in speakers):
        raise CorpusError("'speaker' must be a list of names", file=path, line=lineno,
                          field="speaker")
    fields: dict[str, str] = {}
    changes: set[str] = set()
    for out_name, key in (("title_uk", "title_original"), ("title_en", "title_en"),
                          ("text_uk", "text_original"), ("text_en", "text_en")):
        value = record.get(key) or ""
        if not isinstance(value, str):
            raise CorpusError(f"{key!r} must be a string", file=path, line=lineno, field=key)
        fields[out_name], changed = clean_resistinua_text(value)
        changes.update(changed)
    date, date_change = _resistinua_date(record["date"])
    changes.update(date_change)
    return {
        "id": str(record["id"]), "date": date, "speakers": tuple(speakers), **fields,
        "source_translated_flag": record.get("source_translated_flag"),
        "changes": ",".join(sorted(changes)),
        "status": resistinua_status(fields["text_uk"], fields["text_en"]),
    }


@lru_cache(maxsize=4)
def _resistinua(path_str: str) -> pd.DataFrame:
    import gzip
    import json

    path = Path(path_str)
    if not path.is_file():
        raise CorpusError("external corpus file not found", file=path)
    rows: list[dict[str, object]] = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    raise CorpusError("empty line", file=path, line=lineno)
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(f"not JSON: {err.msg}", file=path, line=lineno) from None
                if not isinstance(record, dict):
                    raise CorpusError("a line must be a JSON object", file=path, line=lineno)
                rows.append(_resistinua_row(record, path, lineno))
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"unreadable gzip JSON lines: {err}", file=path) from None
    df = pd.DataFrame(rows, columns=list(RESISTINUA_COLUMNS))
    repeated = df["id"].duplicated(keep=False)
    if repeated.any():
        raise CorpusError(f"id {df.loc[repeated, 'id'].iloc[0]!r} occurs more than once",
                          file=path, field="id")
    df["date"] = pd.to_datetime(df["date"])
    worse = df["status"].isin(["missing_uk", "missing_en"])
    df.loc[df["date"].isna() & ~worse, "status"] = "bad_date"
    return df


def load_resistinua(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Ukrainian officials' addresses (resistinua, CC0), one row per address, every row kept.

    Columns ``RESISTINUA_COLUMNS``: ``id`` (the source's), ``date`` (naive,
    as published), ``speakers`` (tuple of names in Ukrainian), ``title_uk``,
    ``title_en``, ``text_uk`` (the original), ``text_en`` (the official
    translation), ``source_translated_flag`` (the source's, meaning not
    documented), ``changes`` (what the loader changed: ``bold``,
    ``escaped_quote`` by :func:`clean_resistinua_text`, ``hour_24`` for a
    ``T24:mm`` time read as the next day's ``00:mm``), ``status`` (``RESISTINUA_STATUSES``: rows
    without a usable pair are flagged, not dropped).

    Example:
        >>> df = load_resistinua()
        >>> len(df), int(df["status"].eq("ok").sum())
        (317, 179)
    """
    p = Path(path) if path is not None else paths.RESISTINUA_DIR / RESISTINUA_FILE
    return _resistinua(str(p.resolve())).copy()
