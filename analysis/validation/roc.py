"""ROC curves of a PTC task's scores and baselines: the points, and a figure of them.

The points are derived statistics (false- and true-positive rates per
distinct score), so they can be written next to the figure without any PTC
text.  A score whose curve does not lie above the ``words`` baseline
(sentence length) is mostly measuring length.

References:
    Fawcett, T. (2006). An introduction to ROC analysis. Pattern Recognition
    Letters 27.
    Hanley, J. A. and McNeil, B. J. (1982). The meaning and use of the area
    under a receiver operating characteristic (ROC) curve. Radiology 143.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.figure import Figure

from analysis.validate_args import check_choice, require_columns
from analysis.validation import metrics
from analysis.validation.ptc_eval import PTCResults, score_columns

ROC_COLUMNS: tuple[str, ...] = ("score", "kind", "fpr", "tpr", "threshold", "auc", "n", "n_pos")


def roc_table(
    results: PTCResults,
    task_key: str = "loaded_hostility",
    split: str | None = "test",
    scores: Sequence[str] | None = None,
) -> pd.DataFrame:
    """ROC points of each score of a task on one split (``None``: all lines).

    Columns: score, kind (method|baseline), fpr, tpr, threshold (predict
    positive when ``score >= threshold``; the first point has ``inf``), auc,
    n, n_pos.  ``scores`` restricts and orders the score columns (default:
    the task's methods, then the baselines).

    Example:
        >>> import pandas as pd
        >>> from analysis.validation.ptc_eval import PTCResults, default_tasks
        >>> lines = pd.DataFrame({"split": ["test"] * 4, "label_threat": [0, 0, 1, 1],
        ...     "threat: matched weight": [0.0, 1.0, 1.0, 2.0],
        ...     "VADER neg": [0.1, 0.4, 0.35, 0.8], "words": [3.0, 9.0, 4.0, 8.0]})
        >>> t = roc_table(PTCResults(lines, default_tasks()), "threat")
        >>> t.groupby("score", sort=False).auc.first().round(3).tolist()
        [0.875, 0.75, 0.5]
    """
    check_choice("task_key", task_key, [t.key for t in results.tasks], who="roc_table")
    task = next(t for t in results.tasks if t.key == task_key)
    lines = results.lines if split is None else results.lines[results.lines["split"] == split]
    if lines.empty:
        raise ValueError(f"no PTC lines in split {split!r}")
    kinds = dict(score_columns(task))
    wanted = list(scores) if scores is not None else list(kinds)
    require_columns(lines, wanted, who="roc_table", frame_name="results.lines")
    y = lines[f"label_{task.key}"].to_numpy(dtype=bool)
    frames = []
    for column in wanted:
        s = lines[column].to_numpy(dtype="float64")
        fpr, tpr, thr = metrics.roc_curve(y, s)
        frames.append(pd.DataFrame({
            "score": column, "kind": kinds.get(column, "method"), "fpr": fpr, "tpr": tpr,
            "threshold": thr, "auc": metrics.roc_auc(y, s), "n": len(y), "n_pos": int(y.sum()),
        }))
    return pd.concat(frames, ignore_index=True)[list(ROC_COLUMNS)]


_DEFAULT_COLORS = ("#0072B2", "#D55E00", "#777777", "#009E73", "#CC79A7", "#E69F00")


def plot_roc(
    table: pd.DataFrame,
    *,
    title: str,
    labels: Mapping[str, str] | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """One ROC curve per score in ``table`` (from :func:`roc_table`), with the chance diagonal.

    The legend gives each score's AUC; the title gets n and the number of
    positives.  Methods are drawn solid, baselines dashed.  ``labels``
    renames scores in the legend.  Returns the figure and the plotted points
    (``table``'s columns, in drawing order).

    Example:
        >>> t = pd.DataFrame({"score": ["s"] * 3, "kind": ["method"] * 3,
        ...     "fpr": [0.0, 0.5, 1.0], "tpr": [0.0, 1.0, 1.0], "threshold": [float("inf"), 1.0, 0.0],
        ...     "auc": [0.75] * 3, "n": [4] * 3, "n_pos": [2] * 3})
        >>> fig, data = plot_roc(t, title="ROC")
        >>> len(data), fig.axes[0].get_title().splitlines()
        (3, ['ROC', '(n=4 lines, 2 positive)'])
    """
    from analysis.plots import style

    require_columns(table, ROC_COLUMNS, who="plot_roc", frame_name="table (build it with roc_table())")
    labels = dict(labels or {})
    order = list(dict.fromkeys(table["score"]))
    data = table[list(ROC_COLUMNS)].reset_index(drop=True)
    n, n_pos = int(data["n"].iloc[0]), int(data["n_pos"].iloc[0])
    with style.context():
        fig = Figure(figsize=(style.FIG_WIDTH * 0.75, style.FIG_WIDTH * 0.7), layout="constrained")
        ax = fig.subplots()
        ax.plot([0, 1], [0, 1], color="#BBBBBB", linewidth=0.8, linestyle=":", label="chance (AUC 0.5)")
        for i, score in enumerate(order):
            part = data[data["score"] == score]
            kind = part["kind"].iloc[0]
            ax.plot(part["fpr"], part["tpr"], color=_DEFAULT_COLORS[i % len(_DEFAULT_COLORS)],
                    linestyle="-" if kind == "method" else "--", linewidth=1.6 if kind == "method" else 1.2,
                    label=f"{labels.get(score, score)} (AUC {part['auc'].iloc[0]:.3f})")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.01)
        ax.set_aspect("equal")
        ax.set_xlabel("false-positive rate (share of unlabelled lines flagged)")
        ax.set_ylabel("true-positive rate (share of labelled lines flagged)")
        ax.set_title(f"{title}\n(n={n:,} lines, {n_pos:,} positive)")
        ax.grid(True, axis="both")
        ax.legend(loc="lower right")
    return fig, data
