"""Catch a local ``analysis.py`` (or ``analysis/`` package) that shadows this package.

Installed as the top-level module ``_rhetoric_analysis_guard`` with a
``rhetoric_analysis_guard.pth`` file (see ``hatch_build.py``), so it runs at
interpreter start-up, before any user code.  It is self-contained on purpose:
importing :mod:`analysis` here would itself settle which ``analysis`` wins.

When ``import analysis`` would load a module that is not this package while
this package is also on ``sys.path``, the import fails at once with an
``ImportError`` that names the shadowing file, instead of a puzzling
``AttributeError: module 'analysis' has no attribute 'score_text'`` later.
Set ``RHETORIC_ANALYSIS_ALLOW_SHADOW=1`` to let another ``analysis`` win.

Example:
    $ echo "x = 1" > analysis.py && python -c "import analysis"
    ImportError: 'import analysis' found .../analysis.py, which shadows the rhetoric-analysis ...
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

NAME = "analysis"
# files only this package has: how it is told apart from a user's analysis.py
_MARKERS = (os.path.join("scoring", "explain.py"), "notebook_runner.py", "_lazy.py")


def is_this_package(init_file: str | None) -> bool:
    """True when ``init_file`` is the ``__init__.py`` of the rhetoric-analysis package."""
    if not init_file or os.path.basename(init_file) != "__init__.py":
        return False
    folder = os.path.dirname(init_file)
    return all(os.path.isfile(os.path.join(folder, m)) for m in _MARKERS)


def find_this_package(path: Sequence[str]) -> str | None:
    """The folder of the real package on ``path``, or None."""
    for entry in path:
        init = os.path.join(entry or os.getcwd(), NAME, "__init__.py")
        if is_this_package(init):
            return os.path.dirname(init)
    return None


def shadow_message(found: str, real: str) -> str:
    """The error text for ``found`` shadowing the package at ``real``."""
    return (
        f"'import {NAME}' found {found}, which shadows the rhetoric-analysis package "
        f"installed at {real}. Rename {found} (and remove any __pycache__/{NAME}.*.pyc "
        f"beside it), or run Python from another folder. Set "
        f"RHETORIC_ANALYSIS_ALLOW_SHADOW=1 if you mean to import that other module."
    )


class ShadowGuard:
    """A ``sys.meta_path`` finder that only ever answers by raising, or None."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != NAME or path is not None or os.environ.get("RHETORIC_ANALYSIS_ALLOW_SHADOW"):
            return None
        spec = PathFinder.find_spec(fullname)
        origin = spec.origin if spec is not None else None
        if origin is None or is_this_package(origin):
            return None  # ours, or a namespace folder (never wins over a real package)
        real = find_this_package(sys.path)
        if real is None:
            return None  # this package is not importable here: not ours to judge
        raise ImportError(shadow_message(origin, real), name=fullname, path=origin)


def install() -> None:
    """Put the guard first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, ShadowGuard) for f in sys.meta_path):
        sys.meta_path.insert(0, ShadowGuard())
