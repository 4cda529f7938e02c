"""The stated typing strictness, for the scoring engine: no ``Any`` in a public signature."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import analysis.scoring

MODULES = sorted(
    ["analysis.validate_args", "analysis.paths", "analysis.constants"]
    + [m.name for m in pkgutil.iter_modules(analysis.scoring.__path__, "analysis.scoring.")]
)
_ANY = re.compile(r"\bAny\b")


def _public_callables(module: object) -> list[tuple[str, object]]:
    name = module.__name__  # type: ignore[attr-defined]
    out: list[tuple[str, object]] = []
    for attr, value in vars(module).items():
        if attr.startswith("_") or getattr(value, "__module__", None) != name:
            continue
        if inspect.isfunction(value):
            out.append((attr, value))
        elif inspect.isclass(value):
            out += [(f"{attr}.{k}", v) for k, v in vars(value).items()
                    if not k.startswith("_") and inspect.isfunction(v)]
            out += [(f"{attr}.{k}", v.__func__) for k, v in vars(value).items()
                    if not k.startswith("_") and isinstance(v, classmethod | staticmethod)]
    return out


@pytest.mark.parametrize("module_name", MODULES)
def test_no_any_in_public_signatures(module_name: str) -> None:
    module = importlib.import_module(module_name)
    offenders = []
    for qualname, fn in _public_callables(module):
        annotations = " ".join(str(a) for a in getattr(fn, "__annotations__", {}).values())
        if _ANY.search(annotations):
            offenders.append(qualname)
    assert offenders == [], f"{module_name}: Any in the signature of {offenders}"


def test_the_check_sees_public_functions() -> None:
    names = {q for q, _ in _public_callables(importlib.import_module("analysis.scoring.score"))}
    assert {"score_frame", "score_text", "matches_frame", "TextScores.to_dict"} <= names
