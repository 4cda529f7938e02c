"""Agreement across languages: Ukrainian originals against their official English translations.

Per resistinua address with ``status == "ok"`` (:func:`analysis.corpus.external.load_resistinua`):
the rate (matches per 1,000 words) of each dimension in the Ukrainian
original (``LemmaMatcher.builtin("uk")``, words = its tokens) and in the
English translation (the built-in English lexicons, words = runs of
letters), and Spearman's rho between the two over addresses.

Example:
    >>> table = agreement_table()  # doctest: +SKIP
    >>> list(table.columns)  # doctest: +SKIP
    ['dimension', 'n_addresses', 'spearman_rho', 'mean_rate_uk', 'mean_rate_en']
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.constants import DIMENSIONS
from analysis.corpus.external import load_resistinua
from analysis.scoring.lemma_match import LemmaMatcher
from analysis.scoring.lexicon import Lexicon
from analysis.scoring.match import compile_lexicon
from analysis.scoring.morph import tokens

_EN_WORD = re.compile(r"[^\W\d_]+")


def address_rates(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per address: ``uk_<dim>`` and ``en_<dim>`` rates per 1,000 words, for ``ok`` rows.

    Example:
        >>> d = pd.DataFrame({"id": ["a"], "status": ["ok"],
        ...                   "text_uk": ["Можливо, окупанти відступлять."],
        ...                   "text_en": ["Perhaps the occupiers will retreat."]})
        >>> r = address_rates(d)
        >>> round(float(r.loc[0, "uk_hedging"]), 1), float(r.loc[0, "en_hedging"])
        (333.3, 200.0)
    """
    data = load_resistinua() if df is None else df
    data = data[data["status"] == "ok"]
    english = compile_lexicon(Lexicon.builtin())
    ukrainian = LemmaMatcher.builtin("uk")
    rows = []
    for ident, text_uk, text_en in zip(data["id"], data["text_uk"], data["text_en"], strict=True):
        toks = tokens(text_uk, "uk")
        found = ukrainian.find_tokens(text_uk, toks)
        counts_en = english.counts(text_en)
        n_en = max(1, len(_EN_WORD.findall(text_en)))
        row: dict[str, object] = {"id": ident}
        for i, dim in enumerate(DIMENSIONS):
            row[f"uk_{dim}"] = 1000 * sum(m.dimension == dim for m in found) / max(1, len(toks))
            row[f"en_{dim}"] = 1000 * counts_en.n[i] / n_en
        rows.append(row)
    return pd.DataFrame(rows)


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
