"""No function in analysis/ over 60 lines, unless a comment beside it says why (issue 10).

The comment is a ``#`` block directly above the ``def`` (or its decorators),
or a comment in its body about its length ("60", "long", "over"), and says why,
e.g. "Long for its docstring" or "Over 60 lines: a flat list of options".
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "analysis"
LIMIT = 60


_WHY = re.compile(r"#.*\b(60|long|over)\b", re.IGNORECASE)


def _has_why(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    above = lines[max(0, first - 4) : first - 1]
    body = lines[node.lineno : node.end_lineno]
    return any(line.strip().startswith("#") for line in above) or any(_WHY.search(line) for line in body)


def _long_functions() -> list[str]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        lines = src.splitlines()
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if n > LIMIT and not _has_why(lines, node):
                    out.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} {node.name} ({n} lines)")
    return out


def test_no_long_function_without_a_reason() -> None:
    assert _long_functions() == []


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    tree = ast.parse(f"def f():\n{body}\n")
    node = tree.body[0]
    assert isinstance(node, ast.FunctionDef)
    assert not _has_why(f"def f():\n{body}\n".splitlines(), node)
