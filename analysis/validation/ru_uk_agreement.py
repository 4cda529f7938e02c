"""Agreement across languages: Ukrainian originals against their official English translations.

Per resistinua address with ``status == "ok"`` (:func:`analysis.corpus.external.load_resistinua`),
both sides go through the one scoring path users call,
:func:`analysis.scoring.score.score_frame`: the Ukrainian original with
``language="uk"`` (lemma lexicons, words = its tokens), the English
translation with ``language="en"`` (the English lexicons, words =
``n_tokens``).  :func:`address_rates` gives each dimension's rate per 1,000
words on both sides, :func:`agreement_table` Spearman's rho over addresses
with n, and :func:`term_shifts` which terms move the rates: each term's
contribution to the mean rate of its side, and how much of it falls in
addresses where the other side has no match of that dimension at all (a term
with no counterpart in the translation).

Example:
    >>> table = agreement_table()  # doctest: +SKIP
    >>> list(table.columns)  # doctest: +SKIP
    ['dimension', 'n_addresses', 'spearman_rho', 'mean_rate_uk', 'mean_rate_en']
"""

from __future__ import annotations

import pandas as pd

from analysis.constants import DIMENSIONS
from analysis.corpus.external import load_resistinua
from analysis.scoring.score import matches_frame, score_frame

#: The two sides: column prefix -> (text column, language passed to the scorer).
SIDES: dict[str, tuple[str, str]] = {"uk": ("text_uk", "uk"), "en": ("text_en", "en")}


def _ok_rows(df: pd.DataFrame | None) -> pd.DataFrame:
    data = load_resistinua() if df is None else df
    return data[data["status"] == "ok"].reset_index(drop=True)


def address_rates(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per address: ``uk_<dim>`` and ``en_<dim>`` rates per 1,000 words, for ``ok`` rows.

    Also ``uk_n_tokens``/``en_n_tokens``, and ``uk_naming``: the rate of
    Ukrainian ``naming`` matches (the English side has no naming dimension
    yet, so it has no ``en_naming``).

    Example:
        >>> d = pd.DataFrame({"id": ["a"], "status": ["ok"],
        ...                   "text_uk": ["Можливо, окупанти відступлять."],
        ...                   "text_en": ["Perhaps the occupiers will retreat."]})
        >>> r = address_rates(d)
        >>> round(float(r.loc[0, "uk_hedging"]), 1), float(r.loc[0, "en_hedging"])
        (333.3, 200.0)
    """
    data = _ok_rows(df)
    out = pd.DataFrame({"id": data["id"]})
    for side, (col, language) in SIDES.items():
        scored = score_frame(data, col, language=language)
        out[f"{side}_n_tokens"] = scored["n_tokens"].to_numpy()
        for dim in DIMENSIONS:
            out[f"{side}_{dim}"] = scored[f"{dim}_rate"].to_numpy()
    if "naming" not in DIMENSIONS:
        found = matches_frame(data, "text_uk", language="uk")
        naming = found[found["dimension"] == "naming"].groupby("row").size()
        n = out["uk_n_tokens"].to_numpy()
        counts = naming.reindex(range(len(data)), fill_value=0).to_numpy()
        out["uk_naming"] = [1000 * c / t if t else 0.0 for c, t in zip(counts, n, strict=True)]
    return out


def agreement_table(rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Spearman's rho of the uk and en rates per dimension, with the mean rates.

    ``spearman_rho`` is NaN when either side is constant over the addresses.

    Example:
        >>> r = pd.DataFrame({"uk_hostility": [1, 2, 3], "en_hostility": [2, 4, 9]})
        >>> agreement_table(r)["spearman_rho"].tolist()
        [1.0]
    """
    table = address_rates() if rates is None else rates
    rows = []
    for dim in DIMENSIONS:
        if f"uk_{dim}" not in table:
            continue
        uk, en = table[f"uk_{dim}"], table[f"en_{dim}"]
        # rho is undefined when one side does not vary: NaN, said, not warned about
        defined = uk.nunique() > 1 and en.nunique() > 1
        rho = round(float(uk.corr(en, method="spearman")), 3) if defined else float("nan")
        rows.append({"dimension": dim, "n_addresses": len(table), "spearman_rho": rho,
                     "mean_rate_uk": round(float(uk.mean()), 2),
                     "mean_rate_en": round(float(en.mean()), 2)})
    return pd.DataFrame(rows)


TERM_COLUMNS: tuple[str, ...] = (
    "dimension", "side", "term", "n_matches", "n_addresses", "rate_contribution",
    "unpaired_matches", "unpaired_contribution",
)


def _side_terms(data: pd.DataFrame, side: str, other_zero: pd.DataFrame) -> pd.DataFrame:
    """One side's matches per (dimension, term): counts and contribution to the mean rate."""
    col, language = SIDES[side]
    n_tokens = score_frame(data, col, language=language)["n_tokens"].to_numpy()
    found = matches_frame(data, col, language=language)
    found = found[found["dimension"].isin(DIMENSIONS)].copy()
    per = pd.Series([1000.0 / n if n else 0.0 for n in n_tokens])
    found["share"] = per.reindex(found["row"]).to_numpy() / len(data)
    found["unpaired"] = [bool(other_zero.at[r, d]) for r, d in zip(found["row"], found["dimension"],
                                                                   strict=True)]
    found["unpaired_share"] = found["share"].where(found["unpaired"], 0.0)
    grouped = found.groupby(["dimension", "term"], sort=True)
    out = pd.DataFrame({
        "n_matches": grouped.size(),
        "n_addresses": grouped["row"].nunique(),
        "rate_contribution": grouped["share"].sum(),
        "unpaired_matches": grouped["unpaired"].sum(),
        "unpaired_contribution": grouped["unpaired_share"].sum(),
    }).reset_index()
    out.insert(1, "side", side)
    return out


def term_shifts(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which terms make each side's rates: one row per (dimension, side, term) with a match.

    ``rate_contribution`` is the term's share of the side's mean rate per
    1,000 words over the ``ok`` addresses (the contributions of a dimension
    sum to ``mean_rate_uk``/``mean_rate_en`` of :func:`agreement_table`);
    ``unpaired_*`` counts only the addresses where the other side has no match
    in that dimension: what the translation drops or adds outright.
    Sorted by dimension, side, then contribution (largest first).

    Example:
        >>> d = pd.DataFrame({"id": ["a", "b"], "status": ["ok", "ok"],
        ...                   "text_uk": ["Рашисти брешуть.", "Тихий день."],
        ...                   "text_en": ["The Russians are lying.", "A quiet day."]})
        >>> t = term_shifts(d)
        >>> t[["dimension", "side", "term", "n_matches", "unpaired_matches"]].values.tolist()
        [['hostility', 'uk', 'брехати', 1, 0], ['hostility', 'en', 'lying', 1, 0], ['loaded', 'uk', 'рашист', 1, 1]]
    """
    data = _ok_rows(df)
    rates = address_rates(data)
    zero = {side: pd.DataFrame({d: rates[f"{side}_{d}"].eq(0).to_numpy() for d in DIMENSIONS})
            for side in SIDES}
    parts = [_side_terms(data, "uk", zero["en"]), _side_terms(data, "en", zero["uk"])]
    out = pd.concat(parts, ignore_index=True)
    if out.empty:
        return pd.DataFrame(columns=list(TERM_COLUMNS))
    out = out.sort_values(["dimension", "side", "rate_contribution", "term"],
                          ascending=[True, False, False, True], kind="stable")
    return out[list(TERM_COLUMNS)].reset_index(drop=True)
