"""Agreement of the package with human codes: the validation card.

:func:`agreement` reads one or more filled coding sheets (see
:mod:`analysis.validation.coding`) and the scored table they were drawn
from, and reports per dimension:

* **precision, recall and F1** of the package's call (``<dim>_count > 0``)
  against the human code, with percentile bootstrap intervals (units
  resampled with replacement within each sampling stratum);
* **Krippendorff's alpha** (nominal) between coders, when two or more coded
  the dimension (the ``krippendorff`` package);
* the **disagreements**: every unit where the package and the human code
  differ, or the coders differ among themselves, for reading.

**The human code** of a unit is the majority of its coders' codes; a tie is
not used for precision and recall (it is listed as a disagreement).  A blank
cell is "not coded" and leaves that coder out for that unit.  With
``weighted=True`` (default) every unit counts with its sheet ``weight``
(rows of its stratum in the table / rows drawn from it), so the numbers
estimate precision and recall on the whole scored table rather than on an
oversampled sheet; ``weighted=False`` gives the plain sheet counts.  The
confusion counts ``tp``, ``fp``, ``fn``, ``tn`` are always unweighted.

When the sample holds no error of a kind (say, no false negative), every
resample has none either and the interval collapses onto the estimate: that
is the limit of the sample, not certainty; draw more rows.

Example:
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"text": ["We may win.", "We win.", "Maybe."],
    ...                        "hedging_count": [1, 0, 1]})
    >>> coded = pd.DataFrame({"row_id": ["0", "1", "2"], "statement": scored["text"],
    ...                       "coder": "AB", "code_hedging": ["1", "0", "0"]})
    >>> card = agreement(coded, scored, n_boot=0)
    >>> card.table[["dimension", "tp", "fp", "fn", "precision", "recall"]].values.tolist()
    [['hedging', 1, 1, 0, 0.5, 1.0]]

References:
    Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
    Methodology*, 2nd ed., Sage, ch. 11.
    Grimmer, J. & Stewart, B. M. (2013). Text as Data. Political Analysis 21(3).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.validation.coding import CodingSheetError, code_column, read_coding_sheet

SheetSource = str | os.PathLike[str] | pd.DataFrame

CARD_COLUMNS: tuple[str, ...] = (
    "dimension", "status", "n_coded", "n_coders", "n_human_yes", "n_package_yes",
    "tp", "fp", "fn", "tn",
    "precision", "precision_lo", "precision_hi", "recall", "recall_lo", "recall_hi",
    "f1", "f1_lo", "f1_hi", "alpha", "n_alpha_units", "weighted",
)
DISAGREEMENT_COLUMNS: tuple[str, ...] = (
    "dimension", "row_id", "kind", "package", "human", "codes", "count", "statement", "notes",
)


@dataclass(frozen=True)
class ValidationCard:
    """Per-dimension agreement (``table``), the units to read (``disagreements``), and notes."""

    table: pd.DataFrame
    disagreements: pd.DataFrame
    coders: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())
    ci: float = 0.95

    def to_csv(self, path: str | os.PathLike[str]) -> Path:
        """Write ``table`` as CSV (fixed float format, ``\\n``) and return the path."""
        from analysis.plots.save import write_csv  # figures are a later stage: import on use

        return write_csv(self.table, path)

    def plot(self, *, title: str = "Validation card") -> tuple[object, pd.DataFrame]:
        """Precision, recall and F1 per dimension with intervals (see :func:`plot_card`)."""
        from analysis.validation.card import plot_card

        return plot_card(self.table, title=title, ci=self.ci)

    def to_markdown(self, digits: int = 2) -> str:
        """The table as Markdown, each metric as ``value [lo, hi]``."""
        rows = ["| dimension | n | coders | precision | recall | F1 | alpha |",
                "| --- | ---: | ---: | --- | --- | --- | ---: |"]
        for r in self.table.itertuples():
            cells = [_ci(getattr(r, m), getattr(r, f"{m}_lo"), getattr(r, f"{m}_hi"), digits)
                     for m in ("precision", "recall", "f1")]
            a = float(r.alpha)  # type: ignore[arg-type]
            alpha = "n/a" if np.isnan(a) else f"{a:.{digits}f}"
            rows.append(f"| {r.dimension} | {r.n_coded} | {r.n_coders} | {' | '.join(cells)} | {alpha} |")
        return "\n".join(rows)


def _ci(v: float, lo: float, hi: float, digits: int) -> str:
    if np.isnan(v):
        return "n/a"
    if np.isnan(lo):
        return f"{v:.{digits}f}"
    return f"{v:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def _read_all(coded: SheetSource | Sequence[SheetSource]) -> pd.DataFrame:
    sources = [coded] if isinstance(coded, (str, os.PathLike, pd.DataFrame)) else list(coded)
    if not sources:
        raise ValueError("agreement: no coding sheet given")
    frames = []
    for k, src in enumerate(sources, start=1):
        sheet = read_coding_sheet(src)
        default = Path(src).stem if not isinstance(src, pd.DataFrame) else f"sheet {k}"
        sheet["coder"] = sheet["coder"].str.strip().replace("", default)
        sheet["sheet"] = str(src) if not isinstance(src, pd.DataFrame) else f"sheet {k}"
        frames.append(sheet)
    sheets = pd.concat(frames, ignore_index=True)
    dup = sheets.duplicated(["row_id", "coder"], keep="first")
    if dup.any():
        r = sheets[dup].iloc[0]
        raise CodingSheetError(f"{r['sheet']}, row {r['sheet_row']}, column 'row_id': row id "
                               f"{r['row_id']!r} is coded twice by coder {r['coder']!r}")
    return sheets


def _check_against(sheets: pd.DataFrame, scored: pd.DataFrame, text_col: str) -> dict[str, int]:
    """Map sheet row ids to row positions in ``scored``; the statements must be the scored texts."""
    if not scored.index.is_unique:
        raise ValueError("agreement: the index of scored must be unique (it is what row_id refers to)")
    ids = {str(label): pos for pos, label in enumerate(scored.index)}
    if len(ids) != len(scored):
        raise ValueError("agreement: two index values of scored print the same; row_id would be ambiguous")
    for r in sheets.to_dict("records"):
        if r["row_id"] not in ids:
            raise CodingSheetError(f"{r['sheet']}, row {r['sheet_row']}, column 'row_id': row id "
                                   f"{r['row_id']!r} is not in the scored table (was the sheet drawn from another table?)")
        if text_col in scored.columns:
            expected = scored[text_col].iloc[ids[r["row_id"]]]
            if " ".join(str(expected).split()) != " ".join(str(r["statement"]).split()):
                raise CodingSheetError(
                    f"{r['sheet']}, row {r['sheet_row']}, column 'statement': the text differs from the scored "
                    f"table's {text_col!r} for row id {r['row_id']!r} (the sheet belongs to another table, "
                    "or the cell was edited)")
    return ids


def _dimensions(sheets: pd.DataFrame, scored: pd.DataFrame, dimensions: Sequence[str] | None) -> list[str]:
    found = [c.removeprefix("code_") for c in sheets.columns if c.startswith("code_")]
    dims = found if dimensions is None else list(dimensions)
    for d in dims:
        if code_column(d) not in sheets.columns:
            raise CodingSheetError(f"coding sheet: no column {code_column(d)!r} for dimension {d!r}")
        if f"{d}_count" not in scored.columns:
            raise KeyError(f"agreement: scored has no column {d}_count for dimension {d!r}")
    return dims


def _weights(units: pd.DataFrame, weighted: bool) -> np.ndarray:
    if not weighted or "weight" not in units.columns:
        return np.ones(len(units))
    w = pd.to_numeric(units["weight"], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(w) | (w <= 0)
    if bad.any():
        r = units.iloc[int(np.flatnonzero(bad)[0])]
        raise CodingSheetError(f"{r['sheet']}, row {r['sheet_row']}, column 'weight': "
                               f"{r['weight']!r} is not a positive number")
    return w


def _prf(y: np.ndarray, p: np.ndarray, w: np.ndarray) -> tuple[float, float, float]:
    tp = float((w * (y & p)).sum())
    fp = float((w * (~y & p)).sum())
    fn = float((w * (y & ~p)).sum())
    prec = tp / (tp + fp) if tp + fp else np.nan
    rec = tp / (tp + fn) if tp + fn else np.nan
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else np.nan
    return prec, rec, f1


def _bootstrap(y: np.ndarray, p: np.ndarray, w: np.ndarray, strata: np.ndarray, n_boot: int,
               ci: float, rng: np.random.Generator) -> list[tuple[float, float]]:
    """Percentile intervals of (precision, recall, F1), resampling units within strata."""
    if n_boot == 0 or len(y) == 0:
        return [(np.nan, np.nan)] * 3
    groups = [np.flatnonzero(strata == s) for s in sorted(set(strata.tolist()))]
    stats = np.empty((n_boot, 3))
    for b in range(n_boot):
        idx = np.concatenate([g[rng.integers(0, len(g), len(g))] for g in groups])
        stats[b] = _prf(y[idx], p[idx], w[idx])
    alpha = (1.0 - ci) / 2.0
    out = []
    for j in range(3):
        col = stats[:, j]
        col = col[~np.isnan(col)]
        if col.size:
            lo, hi = np.quantile(col, [alpha, 1 - alpha])
            out.append((float(lo), float(hi)))
        else:
            out.append((np.nan, np.nan))
    return out


def _alpha(wide: pd.DataFrame) -> tuple[float, int, str]:
    """Nominal Krippendorff's alpha of a units x coders table of 0/1/NA, with the units used."""
    if wide.shape[1] < 2:
        return np.nan, 0, ""
    data = wide.astype("Float64").to_numpy(dtype=float, na_value=np.nan).T
    pairable = int((np.isfinite(data).sum(axis=0) >= 2).sum())
    if pairable == 0:
        return np.nan, 0, "no unit was coded by two coders"
    values = set(data[np.isfinite(data)].tolist())
    if len(values) < 2:
        return np.nan, pairable, "every code is the same value: alpha is undefined"
    import krippendorff

    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")), pairable, ""


def _majority(wide: pd.DataFrame) -> pd.Series:
    yes = (wide == 1).sum(axis=1)
    no = (wide == 0).sum(axis=1)
    out = pd.Series(pd.NA, index=wide.index, dtype="Int64")
    out[yes > no] = 1
    out[no > yes] = 0
    return out


def _dimension(dim: str, sheets: pd.DataFrame, scored: pd.DataFrame, ids: dict[str, int], *,
               n_boot: int, ci: float, seed: int, weighted: bool, text_col: str
               ) -> tuple[dict[str, object], pd.DataFrame, list[str]]:
    col = code_column(dim)
    order = list(dict.fromkeys(sheets["row_id"]))  # units in sheet order, not sorted as text
    wide = sheets.pivot(index="row_id", columns="coder", values=col).reindex(order)
    wide = wide[wide.notna().any(axis=1)]
    notes: list[str] = []
    units = sheets.drop_duplicates("row_id").set_index("row_id").loc[wide.index]
    raw = scored[f"{dim}_count"].to_numpy()[[ids[r] for r in wide.index]]
    counts = pd.Series(pd.to_numeric(pd.Series(raw), errors="coerce").to_numpy(), index=wide.index)
    package = (counts.fillna(0).to_numpy() > 0)
    human = _majority(wide)
    alpha, n_alpha, why = _alpha(wide)
    if why:
        notes.append(f"{dim}: {why}")
    decided = human.notna().to_numpy()
    y = human.fillna(0).to_numpy(dtype=int).astype(bool)
    w = _weights(units.reset_index(), weighted)
    strata = units["stratum"].astype(str).to_numpy() if "stratum" in units.columns else np.full(len(units), "")
    yd, pd_, wd, sd = y[decided], package[decided], w[decided], strata[decided]
    prec, rec, f1 = _prf(yd, pd_, wd)
    rng = np.random.default_rng([seed, zlib.crc32(dim.encode("utf-8"))])
    (p_lo, p_hi), (r_lo, r_hi), (f_lo, f_hi) = _bootstrap(yd, pd_, wd, sd, n_boot, ci, rng)
    n_ties = int((~decided).sum())
    if n_ties:
        notes.append(f"{dim}: {n_ties} unit(s) with tied codes left out of precision/recall")
    row: dict[str, object] = {
        "dimension": dim, "status": "ok" if len(wide) else "not coded", "n_coded": int(decided.sum()),
        "n_coders": int(wide.notna().any(axis=0).sum()), "n_human_yes": int(yd.sum()),
        "n_package_yes": int(pd_.sum()),
        "tp": int((yd & pd_).sum()), "fp": int((~yd & pd_).sum()),
        "fn": int((yd & ~pd_).sum()), "tn": int((~yd & ~pd_).sum()),
        "precision": prec, "precision_lo": p_lo, "precision_hi": p_hi,
        "recall": rec, "recall_lo": r_lo, "recall_hi": r_hi, "f1": f1, "f1_lo": f_lo, "f1_hi": f_hi,
        "alpha": alpha, "n_alpha_units": n_alpha, "weighted": bool(weighted and "weight" in units.columns),
    }
    return row, _disagreements(dim, wide, human, package, counts, units, scored, ids, text_col), notes


def _disagreements(dim: str, wide: pd.DataFrame, human: pd.Series, package: np.ndarray, counts: pd.Series,
                   units: pd.DataFrame, scored: pd.DataFrame, ids: dict[str, int],
                   text_col: str) -> pd.DataFrame:
    rows = []
    for k, rid in enumerate(wide.index):
        codes = wide.loc[rid].dropna()
        split = codes.nunique() > 1
        h = human.iloc[k]
        if pd.isna(h):
            kind = "coders tie"
        elif bool(h) != bool(package[k]):
            kind = "false positive" if package[k] else "false negative"
        elif split:
            kind = "coders disagree"
        else:
            continue
        notes = units.loc[rid, "note"] if "note" in units.columns else ""
        rows.append({
            "dimension": dim, "row_id": rid, "kind": kind, "package": int(package[k]),
            "human": h, "codes": "; ".join(f"{c}={int(v)}" for c, v in codes.items()),
            "count": int(counts.iloc[k]) if pd.notna(counts.iloc[k]) else 0,
            "statement": str(scored[text_col].iloc[ids[rid]]) if text_col in scored.columns
            else units.loc[rid, "statement"],
            "notes": notes,
        })
    return pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))


def agreement(
    coded: SheetSource | Sequence[SheetSource],
    scored: pd.DataFrame,
    *,
    dimensions: Sequence[str] | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 12345,
    weighted: bool = True,
    text_col: str = "text",
) -> ValidationCard:
    """Compare filled coding sheets with the scored table they came from.

    ``coded`` is a sheet (path or DataFrame) or a list of sheets, e.g. one
    copy per coder; a sheet may also hold several coders' rows (``coder``
    column).  ``dimensions`` defaults to every ``code_<dim>`` column.
    ``scored`` must be the table the sheet was drawn from (same index,
    ``text_col`` and ``<dim>_count`` columns).  A bad sheet raises
    :class:`~analysis.validation.coding.CodingSheetError` naming the sheet,
    the spreadsheet row and the column.  Deterministic for a given ``seed``.

    Example:
        >>> import pandas as pd
        >>> scored = pd.DataFrame({"text": ["a", "b", "c", "d"], "loaded_count": [1, 0, 1, 0]})
        >>> one = pd.DataFrame({"row_id": list("0123"), "statement": list("abcd"), "coder": "A",
        ...                     "code_loaded": ["1", "0", "1", "1"]})
        >>> two = one.assign(coder="B", code_loaded=["1", "0", "0", "1"])
        >>> card = agreement([one, two], scored, n_boot=0)
        >>> card.table.loc[0, ["n_coders", "n_alpha_units"]].tolist(), card.disagreements["kind"].tolist()
        ([2, 4], ['coders tie', 'false negative'])
    """
    if not isinstance(scored, pd.DataFrame):
        raise TypeError(f"agreement: scored must be a DataFrame, got {type(scored).__name__}")
    sheets = _read_all(coded)
    ids = _check_against(sheets, scored, text_col)
    dims = _dimensions(sheets, scored, dimensions)
    rows, dis, notes = [], [], []
    for dim in dims:
        row, d, n = _dimension(dim, sheets, scored, ids, n_boot=n_boot, ci=ci, seed=seed,
                               weighted=weighted, text_col=text_col)
        rows.append(row)
        dis.append(d)
        notes += n
    table = pd.DataFrame(rows, columns=list(CARD_COLUMNS))
    disagreements = (pd.concat(dis, ignore_index=True) if dis
                     else pd.DataFrame(columns=list(DISAGREEMENT_COLUMNS)))
    coders = tuple(sorted(sheets["coder"].unique().tolist()))
    return ValidationCard(table=table, disagreements=disagreements, coders=coders, notes=tuple(notes), ci=ci)
