"""Find one labelled data set's folder under the validation data directory.

PTC-2020 and SemEval-2023 are never committed: a user points
``ANALYSIS_VALIDATION_DATA`` (or ``data_dir``) either at the folder of the
data set itself or at the directory that holds it.  This module is the one
place that decides which, and words the error when neither is found.

Example:
    >>> find_data_folder("/nonexistent", name="PTC-2020", subdir="ptc2020",
    ...                  holds=lambda p: False, holds_what="its files")
    Traceback (most recent call last):
    ...
    analysis.validation.exceptions.ValidationDataError: PTC-2020 not found: /nonexistent does not exist
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from analysis import paths
from analysis.validation.exceptions import ValidationDataError


def find_data_folder(
    data_dir: str | os.PathLike[str] | None,
    *,
    name: str,
    subdir: str,
    holds: Callable[[Path], bool],
    holds_what: str,
) -> Path:
    """``data_dir`` (or ``ANALYSIS_VALIDATION_DATA``) or its ``subdir``, whichever ``holds`` the data.

    ``name`` and ``holds_what`` word the :class:`ValidationDataError` raised
    when no directory is given, it does not exist, or neither folder holds
    the data.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     (Path(d) / "set" / "en").mkdir(parents=True)
        ...     find_data_folder(d, name="X", subdir="set", holds=lambda p: (p / "en").is_dir(),
        ...                      holds_what="en/").name
        'set'
    """
    base = paths.validation_data_dir(data_dir)
    if base is None:
        raise ValidationDataError(f"{name} not found: pass a directory or set ANALYSIS_VALIDATION_DATA")
    if not base.is_dir():
        raise ValidationDataError(f"{name} not found: {base} does not exist")
    for candidate in (base, base / subdir):
        if holds(candidate):
            return candidate
    raise ValidationDataError(f"{name} not found: neither {base} nor {base / subdir} holds {holds_what}")
