"""Checks of arguments and DataFrame columns, with one error type.

Every public function of the package that takes an option (``sentiment=``,
``unit=``, ``mode=``...), a number with a range (``ci=``, ``n_boot=``,
``threshold=``...) or reads named columns from a DataFrame checks them
here, so that a wrong call always raises :class:`ArgumentError`, whose
message names the function, the argument or column, and what is allowed.
This module is infrastructure: it imports no stage of the pipeline and may be
imported by any of them.

Example:
    >>> check_choice("unit", "text", ("text", "sentence"), who="score_frame")
    'text'
    >>> try:
    ...     check_choice("unit", "word", ("text", "sentence"), who="score_frame")
    ... except ArgumentError as exc:
    ...     print(exc)
    score_frame: unit must be one of 'text', 'sentence'; got 'word'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")
N = TypeVar("N", int, float)

__all__ = ["ArgumentError", "check_choice", "check_range", "require_columns"]


class ArgumentError(ValueError, KeyError):
    """A bad argument value or a missing/duplicated column.

    A ``ValueError``; also a ``KeyError``, because a missing column raised
    ``KeyError`` before this type existed and callers may catch that.

    Example:
        >>> isinstance(ArgumentError("x"), ValueError), isinstance(ArgumentError("x"), KeyError)
        (True, True)
        >>> str(ArgumentError("f: column 'a' is missing"))
        "f: column 'a' is missing"
    """

    # KeyError's own __str__ would print the message in quotes.
    __str__ = BaseException.__str__


def _options(options: Iterable[object]) -> str:
    return ", ".join(repr(o) for o in options)


def _prefix(who: str | None) -> str:
    return f"{who}: " if who else ""


def check_choice(name: str, value: T, options: Iterable[T], *, who: str | None = None) -> T:
    """Return ``value`` if it is one of ``options``, else raise :class:`ArgumentError`.

    Args:
        name: the argument's name, as the caller spells it.
        value: what was passed.
        options: the allowed values, in the order the message lists them.
        who: the public function doing the check (prefixes the message).

    Example:
        >>> check_choice("sentiment", "none", ("fast", "vader", "none"))
        'none'
    """
    allowed = tuple(options)
    try:
        ok = value in allowed
    except TypeError:  # an unhashable or incomparable value is simply not an option
        ok = False
    if not ok:
        raise ArgumentError(f"{_prefix(who)}{name} must be one of {_options(allowed)}; got {value!r}")
    return value


def _allowed_range(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    if low is not None and high is not None:
        return f"in {'(' if low_open else '['}{low!r}, {high!r}{')' if high_open else ']'}"
    if low is not None:
        return f"{'>' if low_open else '>='} {low!r}"
    return f"{'<' if high_open else '<='} {high!r}"


def check_range(
    name: str,
    value: N,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    who: str | None = None,
) -> N:
    """Return ``value`` if it lies between ``low`` and ``high``, else raise :class:`ArgumentError`.

    Bounds are inclusive unless ``low_open``/``high_open``; a bound left as
    ``None`` is not checked.  NaN and values that do not compare with
    numbers (a string, ``None``) are out of range.

    Args:
        name: the argument's name, as the caller spells it.
        value: what was passed.
        low, high: the bounds (at least one).
        low_open, high_open: exclude the bound itself.
        who: the public function doing the check (prefixes the message).

    Example:
        >>> check_range("ci", 0.95, low=0, high=1, low_open=True, high_open=True)
        0.95
        >>> try:
        ...     check_range("threshold", 1.5, low=0, high=1, low_open=True, who="align_renderings")
        ... except ArgumentError as exc:
        ...     print(exc)
        align_renderings: threshold must be in (0, 1]; got 1.5
        >>> try:
        ...     check_range("n_boot", -1, low=0, who="aggregate")
        ... except ArgumentError as exc:
        ...     print(exc)
        aggregate: n_boot must be >= 0; got -1
    """
    if low is None and high is None:
        raise TypeError("check_range: pass low=, high= or both")
    try:
        ok = (low is None or (value > low if low_open else value >= low)) and (
            high is None or (value < high if high_open else value <= high)
        )
    except TypeError:  # e.g. a string or None: not a number in any range
        ok = False
    if not ok:  # NaN fails every comparison, so it lands here too
        raise ArgumentError(
            f"{_prefix(who)}{name} must be {_allowed_range(low, high, low_open, high_open)}; got {value!r}"
        )
    return value


def require_columns(
    frame: pd.DataFrame, columns: Sequence[str] | str, *, who: str, frame_name: str = "frame"
) -> None:
    """Raise :class:`ArgumentError` unless each of ``columns`` is exactly one column of ``frame``.

    A missing column and a duplicated one (two columns with the same label,
    which would make ``frame[col]`` a DataFrame) are both named, with the
    columns the frame has.

    Example:
        >>> import pandas as pd
        >>> require_columns(pd.DataFrame({"text": ["a"]}), ["text"], who="f")
        >>> dup = pd.DataFrame([["a", "b"]], columns=["text", "text"])
        >>> try:
        ...     require_columns(dup, "text", who="score_frame", frame_name="df")
        ... except ArgumentError as exc:
        ...     print(exc)
        score_frame: column 'text' appears 2 times in df; rename or drop the duplicates
    """
    wanted = [columns] if isinstance(columns, str) else list(columns)
    labels = list(frame.columns)
    missing = [c for c in wanted if c not in labels]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise ArgumentError(
            f"{who}: {frame_name} is missing column{plural} {_options(missing)}; "
            f"its columns are {_options(labels) or '(none)'}"
        )
    for c in dict.fromkeys(wanted):
        n = labels.count(c)
        if n > 1:
            raise ArgumentError(
                f"{who}: column {c!r} appears {n} times in {frame_name}; rename or drop the duplicates"
            )
