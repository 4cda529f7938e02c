"""The loaded-language index: exact weight recovery, intensity term, neutral rows."""

import math

import pandas as pd
import pytest

from analysis import score_frame, score_text
from analysis.scoring.indices import INTENSITY_WEIGHT, loaded_language_index


def test_index_is_weight_sum_plus_half_absolute_compound() -> None:
    texts = ["Retribution is inevitable, the junta of idiots will be destroyed.",
             "What a wonderful, glorious victory!", "The meeting is on Monday."]
    scored = score_frame(pd.DataFrame({"text": texts}))
    index = loaded_language_index(scored)
    for i, text in enumerate(texts):
        s = score_text(text)
        weights = sum(m.weight for m in s.matches if m.dimension in ("hostility", "loaded"))
        expected = weights + INTENSITY_WEIGHT * abs(s.sentiment_compound)
        assert math.isclose(index.iloc[i], expected, rel_tol=1e-12, abs_tol=1e-12)
    # an emotive sentence with no lexicon word still ranks above a neutral one
    assert index.iloc[1] > index.iloc[2] == 0.0


def test_rows_that_are_not_ok_get_the_neutral_value_and_are_kept() -> None:
    df = pd.DataFrame({"text": ["They are idiots.", None, ""]}, index=[10, 11, 12])
    index = loaded_language_index(score_frame(df))
    assert index.index.tolist() == [10, 11, 12]
    assert index.loc[11] == 0.0 and index.loc[12] == 0.0 and index.loc[10] > 0


def test_missing_columns_are_named() -> None:
    with pytest.raises(KeyError, match="sentiment_compound"):
        loaded_language_index(pd.DataFrame({"hostility_score": [1.0], "loaded_score": [0.0],
                                            "n_tokens": [3]}))
