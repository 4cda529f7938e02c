"""Composite indices built from :func:`analysis.scoring.score.score_frame` columns.

The lexicon scores say *which* words are hostile or loaded.  A ranking of
sentences by how likely they use loaded language (PTC-2020's "words or
phrases with strong emotional implications, positive or negative") also
gains from emotional intensity where no lexicon word fires: about half of
the loaded sentences in PTC-2020 contain no lexicon term at all, and all of
them tie at zero without a second signal.

``loaded_language_index`` is

    Σ weights of hostility and loaded matches + 0.5 · |VADER compound|

per text.  Naming ("Kiev", "special military operation": the ``naming``
dimension) is not part of it, and neither are mentioned terms ("so-called
...", scare quotes) unless the scores were made with ``count_mentions=True``.
The weight sums are recovered exactly from the per-1,000-token
scores (``score × n_tokens / 1000``).  The 0.5 and the use of |compound|
(both polarities, as the definition says) were chosen on the PTC-2020 *dev*
articles (see ``analysis/scoring/lexicons/CHANGELOG.md``).  The index is a
ranking score for sentences; for long texts the weight sum grows with length,
so compare like with like or use the rates.

References:
    Da San Martino, G. et al. (2019). Fine-Grained Analysis of Propaganda in
    News Articles. EMNLP-IJCNLP (definition of loaded language).
    Hutto, C.J. & Gilbert, E. (2014). VADER. ICWSM-14.
"""

from __future__ import annotations

import pandas as pd

from analysis.validate_args import require_columns

#: Weight of emotional intensity (|VADER compound|) in the index; chosen on PTC dev.
INTENSITY_WEIGHT: float = 0.5

REQUIRED_COLUMNS: tuple[str, ...] = ("hostility_score", "loaded_score", "n_tokens", "sentiment_compound")


def loaded_language_index(scored: pd.DataFrame, *, intensity_weight: float = INTENSITY_WEIGHT) -> pd.Series:
    """Rank texts by loaded language: lexicon weight plus emotional intensity.

    ``scored`` is the output of ``score_frame`` (any extra columns are
    ignored).  Rows whose status is not ``'ok'`` get 0.0, the neutral value,
    so no row is dropped.  Returns a float Series on ``scored``'s index.

    Example:
        >>> import pandas as pd
        >>> from analysis import score_frame
        >>> df = pd.DataFrame({"text": ["They are idiots.", "The meeting is on Monday.", None]})
        >>> loaded_language_index(score_frame(df)).round(3).tolist()
        [1.5, 0.0, 0.0]
    """
    require_columns(scored, REQUIRED_COLUMNS, who="loaded_language_index", frame_name="scored")
    num = scored[list(REQUIRED_COLUMNS)].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    weights = (num["hostility_score"] + num["loaded_score"]) * num["n_tokens"] / 1000.0
    index = weights + intensity_weight * num["sentiment_compound"].abs()
    if "status" in scored.columns:
        index = index.where(scored["status"].eq("ok").to_numpy(), 0.0)
    return index.astype("float64").rename("loaded_language_index")



# --- Ranking score that does not reward length (issue 12) -----------------------
# Added beside loaded_language_index, which keeps its meaning.  Chosen on dev data
# only (PTC-2020 dev articles, SemEval-2023 official train part) by the grid in
# analysis/validation/ranking.py; the choice and its numbers are in
# analysis/validation/README.md.

#: Texts up to this many tokens keep their full lexicon weight.
RANKING_PIVOT_TOKENS: float = 25.0
#: Above the pivot the weight is divided by ``(n_tokens / pivot) ** exponent``.
#: Dev preferred 0 (no division): longer paragraphs are more often labelled,
#: so dividing lost AUC both overall and within length quintiles.
RANKING_LENGTH_EXPONENT: float = 0.0
#: Weights of VADER's negative and positive token shares (``sentiment_neg``,
#: ``sentiment_pos``): shares, so they do not grow with length, unlike counts.
RANKING_NEGATIVE_WEIGHT: float = 1.5
RANKING_POSITIVE_WEIGHT: float = 0.25

RANKING_COLUMNS: tuple[str, ...] = (
    "hostility_score", "loaded_score", "n_tokens", "sentiment_neg", "sentiment_pos",
)
#: The named parts that add up to the ranking score.
RANKING_CONTRIBUTIONS: tuple[str, ...] = ("lexicon", "negative_tone", "positive_tone")


def loaded_ranking_contributions(
    scored: pd.DataFrame,
    *,
    pivot: float = RANKING_PIVOT_TOKENS,
    exponent: float = RANKING_LENGTH_EXPONENT,
    negative_weight: float = RANKING_NEGATIVE_WEIGHT,
    positive_weight: float = RANKING_POSITIVE_WEIGHT,
) -> pd.DataFrame:
    """The named parts of :func:`loaded_ranking_score` and the length factor behind the first.

    Columns: ``weight`` (summed hostility + loaded match weight, as
    ``score_frame`` counts it: naming and mentions are whatever the lexicon
    and scorer leave in those dimensions), ``length_factor`` (``min(1, (pivot
    / n_tokens) ** exponent)``), ``lexicon`` (``weight * length_factor``),
    ``negative_tone`` (``negative_weight * sentiment_neg``),
    ``positive_tone`` (``positive_weight * sentiment_pos``) and ``score``
    (their sum, exactly).  Rows whose status is not ``'ok'`` get 0 (the
    neutral value); no row is dropped.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"hostility_score": [100.0, 10.0], "loaded_score": [0.0, 0.0],
        ...     "n_tokens": [10, 100], "sentiment_neg": [0.4, 0.0], "sentiment_pos": [0.0, 0.2]})
        >>> loaded_ranking_contributions(df, exponent=0.5).round(3).values.tolist()
        [[1.0, 1.0, 1.0, 0.6, 0.0, 1.6], [1.0, 0.5, 0.5, 0.0, 0.05, 0.55]]
    """
    require_columns(scored, RANKING_COLUMNS, who="loaded_ranking_contributions", frame_name="scored")
    if pivot <= 0 or exponent < 0:
        raise ValueError("loaded_ranking_contributions: pivot must be > 0 and exponent >= 0, "
                         f"got pivot={pivot}, exponent={exponent}")
    num = scored[list(RANKING_COLUMNS)].apply(pd.to_numeric, errors="coerce").fillna(0.0)
    weight = (num["hostility_score"] + num["loaded_score"]) * num["n_tokens"] / 1000.0
    factor = (pivot / num["n_tokens"].clip(lower=pivot)) ** exponent
    out = pd.DataFrame({
        "weight": weight,
        "length_factor": factor,
        "lexicon": weight * factor,
        "negative_tone": negative_weight * num["sentiment_neg"],
        "positive_tone": positive_weight * num["sentiment_pos"],
    }, index=scored.index)
    if "status" in scored.columns:
        out.loc[~scored["status"].eq("ok").to_numpy(), ["weight", *RANKING_CONTRIBUTIONS]] = 0.0
    out["score"] = out[list(RANKING_CONTRIBUTIONS)].sum(axis=1)
    return out.astype("float64")


def loaded_ranking_score(scored: pd.DataFrame, **params: float) -> pd.Series:
    """Rank sentences or paragraphs by loaded language: lexicon weight plus tone shares.

    ``lexicon weight * length factor + negative_weight * neg + positive_weight * pos``:
    match weights plus VADER's shares of negative and positive tokens, which
    break the many ties of texts with few or no lexicon matches and do not
    grow with length.  The lexicon part is a sum: with the default
    ``exponent=0`` (chosen on dev, where longer paragraphs were more often
    labelled) it grows with length, so rank units of like length, pass
    ``exponent`` > 0 (0.5 divides by the square root of length above the
    pivot), or compare corpora by rates.  ``params`` are those of
    :func:`loaded_ranking_contributions`, which gives the parts.

    Example:
        >>> import pandas as pd
        >>> from analysis import score_frame
        >>> df = pd.DataFrame({"text": ["They are vile idiots.", "The meeting is on Monday.", None]})
        >>> loaded_ranking_score(score_frame(df)).round(3).tolist()
        [3.866, 0.0, 0.0]
    """
    parts = loaded_ranking_contributions(scored, **params)
    return parts["score"].rename("loaded_ranking_score")
