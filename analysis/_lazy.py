"""Lazy re-exports for package ``__init__`` modules (PEP 562).

A package lists ``{public name: defining module}`` and gets a module-level
``__getattr__`` and ``__dir__`` that import the defining module on first use,
so that ``import analysis`` stays cheap and a notebook pays only for what it
uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``(__getattr__, __dir__)`` for ``package`` re-exporting ``exports``.

    A resolved name is cached in ``namespace`` (the package's ``globals()``).

    Example:
        >>> ns: dict = {}
        >>> getattr_, dir_ = lazy_exports("pkg", {"sqrt": "math"}, ns)
        >>> getattr_("sqrt")(9.0), "sqrt" in ns, dir_()
        (3.0, True, ['sqrt'])
    """
    names = sorted(exports)

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return list(names)

    return __getattr__, __dir__
