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
