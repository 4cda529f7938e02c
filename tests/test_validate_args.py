"""analysis.validate_args: check_range's bounds and messages (check_choice and
require_columns are covered through their call sites and doctests)."""

from __future__ import annotations

import math

import pytest

from analysis.validate_args import ArgumentError, check_range


@pytest.mark.parametrize(
    ("kwargs", "allowed"),
    [
        ({"low": 0, "high": 1}, "in [0, 1]"),
        ({"low": 0, "high": 1, "low_open": True}, "in (0, 1]"),
        ({"low": 0, "high": 1, "high_open": True}, "in [0, 1)"),
        ({"low": 0, "high": 1, "low_open": True, "high_open": True}, "in (0, 1)"),
        ({"low": 1}, ">= 1"),
        ({"low": 0, "low_open": True}, "> 0"),
        ({"high": 10}, "<= 10"),
        ({"high": 10, "high_open": True}, "< 10"),
    ],
)
def test_message_names_function_argument_range_and_value(kwargs: dict[str, object], allowed: str) -> None:
    with pytest.raises(ArgumentError) as info:
        check_range("x", 99 if "high" in kwargs else -99, who="f", **kwargs)  # type: ignore[arg-type]
    got = 99 if "high" in kwargs else -99
    assert str(info.value) == f"f: x must be {allowed}; got {got}"


@pytest.mark.parametrize(
    ("value", "kwargs", "ok"),
    [
        (0, {"low": 0}, True),
        (0, {"low": 0, "low_open": True}, False),
        (1.0, {"low": 0, "high": 1}, True),
        (1.0, {"low": 0, "high": 1, "high_open": True}, False),
        (1e-12, {"low": 0, "low_open": True}, True),
        (-1, {"high": 0}, True),
    ],
)
def test_bounds_are_inclusive_unless_open(value: float, kwargs: dict[str, object], ok: bool) -> None:
    if ok:
        assert check_range("x", value, **kwargs) == value  # type: ignore[arg-type]
    else:
        with pytest.raises(ArgumentError):
            check_range("x", value, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [math.nan, "0.5", None])
def test_nan_and_non_numbers_are_out_of_range(bad: object) -> None:
    with pytest.raises(ArgumentError, match=r"ci must be in \(0, 1\); got"):
        check_range("ci", bad, low=0, high=1, low_open=True, high_open=True)  # type: ignore[type-var]


def test_without_who_the_message_has_no_prefix_and_the_error_is_a_value_and_key_error() -> None:
    with pytest.raises(ValueError, match=r"^n_boot must be >= 0; got -1$"):
        check_range("n_boot", -1, low=0)
    with pytest.raises(KeyError):
        check_range("n_boot", -1, low=0)


def test_a_range_with_no_bound_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="low=, high= or both"):
        check_range("x", 1)
