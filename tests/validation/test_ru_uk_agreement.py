"""Cross-language agreement on resistinua: rates per address and Spearman per dimension."""

from __future__ import annotations

import pandas as pd

from analysis.constants import DIMENSIONS
from analysis.validation.ru_uk_agreement import address_rates, agreement_table


def test_rates_on_a_fixture_pair() -> None:
    df = pd.DataFrame({
        "id": ["a", "b", "c"], "status": ["ok", "ok", "short_text"],
        "text_uk": ["Рашисти й окупанти знову брешуть.", "Сьогодні тихий день у Києві.", "x"],
        "text_en": ["The occupiers are lying again.", "Today is a quiet day in Kyiv.", "x"],
    })
    rates = address_rates(df)
    assert list(rates["id"]) == ["a", "b"]          # non-ok rows are not scored
    assert rates.loc[0, "uk_loaded"] > 0 and rates.loc[1, "uk_loaded"] == 0
    assert rates.loc[0, "en_hostility"] > 0
    table = agreement_table(rates)
    assert list(table["dimension"]) == list(DIMENSIONS)
