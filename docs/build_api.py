"""Build the API reference of ``analysis`` with pdoc into ``build/docs/`` (not committed).

Every public module is documented (names starting with ``_`` and
``__main__`` are left out): the package's ``__all__`` lists its re-exports,
and pdoc would otherwise stop there.  pdoc's warnings (an unresolvable
reference, a module that fails to import...) are collected and returned;
``make docs`` fails on any, and ``tests/test_docs.py`` checks there are none.

Usage:
    python docs/build_api.py [OUTPUT_DIR]      # default: build/docs
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build" / "docs"


def public_modules(package: str = "analysis") -> list[str]:
    """Dotted names of the package and its public submodules, sorted.

    Example:
        >>> "analysis.scoring.score" in public_modules(), "analysis._lazy" in public_modules()
        (True, False)
    """
    pkg = __import__(package)
    names = [package]
    for info in pkgutil.walk_packages(pkg.__path__, prefix=f"{package}."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts[1:]):
            continue
        names.append(info.name)
    return sorted(names)


def _specs(modules: list[str]) -> list[str]:
    # pdoc adds a package's submodules by itself unless the package's
    # __all__ leaves them out (analysis/__init__ lists only its lazy
    # re-exports), and naming a module twice is a warning.  So name exactly
    # the modules pdoc would not reach on its own.
    specs: list[str] = []
    for name in modules:
        parent, _, leaf = name.rpartition(".")
        if parent:
            exported = getattr(importlib.import_module(parent), "__all__", None)
            if exported is None or leaf in exported:
                continue
        specs.append(name)
    return specs


def page(out_dir: Path, module: str) -> Path:
    """Where pdoc writes the page of ``module``.

    Example:
        >>> page(Path("build/docs"), "analysis.scoring.score").as_posix()
        'build/docs/analysis/scoring/score.html'
    """
    return Path(out_dir).joinpath(*module.split(".")).with_suffix(".html")


def build(out_dir: Path = DEFAULT_OUT) -> list[str]:
    """Write the HTML reference to ``out_dir``; return pdoc's warnings, and any module without a page."""
    import pdoc
    import pdoc.render

    modules = public_modules()
    pdoc.render.configure(docformat="google", show_source=False, search=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdoc.pdoc(*_specs(modules), output_directory=Path(out_dir))
    problems = [f"{w.category.__name__}: {w.message}" for w in caught]
    problems += [f"no page for {m}" for m in modules if not page(out_dir, m).is_file()]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build, print any warnings, exit 1 if there were some."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    problems = build(out)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"API reference: {out / 'index.html'} ({len(problems)} warning(s))")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
