"""Build hook: install the guard against a local ``analysis.py`` shadowing the package.

The guard (``analysis/_shadow_guard.py``) becomes the top-level module
``_rhetoric_analysis_guard`` and ``rhetoric_analysis_guard.pth`` runs it at
start-up, in regular and in editable installs alike.  The ``.pth`` name sorts
after hatchling's ``_editable_impl_*.pth``, which puts the checkout on the path.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GUARD_FILES = {
    "analysis/_shadow_guard.py": "_rhetoric_analysis_guard.py",
    "analysis/_shadow_guard.pth": "rhetoric_analysis_guard.pth",
}


class ShadowGuardHook(BuildHookInterface):  # type: ignore[misc]
    """Add the guard module and its .pth file to the wheel's top level."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        key = "force_include_editable" if version == "editable" else "force_include"
        build_data.setdefault(key, {}).update(GUARD_FILES)
