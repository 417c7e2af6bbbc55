"""The code's shape: the core never reaches the windows, no import cycle, no giant module.

These read the source as text (no import), so they hold whatever is installed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 800
MAX_CONSTRUCTOR_LINES = 80


def _modules(package: str) -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(module: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """Every module of ``known`` that ``module`` imports, at any depth of its code."""
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno
            for alias in node.names:
                if f"{node.module}.{alias.name}" in known:
                    yield f"{node.module}.{alias.name}", node.lineno


def test_the_core_never_imports_qt_or_the_windows() -> None:
    offences = []
    app = _modules("app")
    for module, path in app.items():
        for name, line in _imports(module, path, app):
            if name.split(".")[0] in ("PySide6", "ui"):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
        # Not by name either (importlib.import_module("ui.…"), __import__, entry points).
        for node in ast.walk(_tree(path)):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and re.fullmatch(r"(ui|PySide6)(\.[\w.]+)?(:\w+)?", node.value)):
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno} names {node.value}")
    assert offences == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("package", ["app", "ui"])
def test_no_import_cycle_counting_imports_inside_functions(package: str) -> None:
    modules = _modules(package)
    graph = {m: {name for name, _ in _imports(m, p, modules) if name in modules} - {m}
             for m, p in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", ["app", "ui"])
def test_no_module_is_over_800_lines(package: str) -> None:
    long = {str(p.relative_to(ROOT)): n for p in _modules(package).values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_widget_constructor_builds_a_whole_page() -> None:
    long = []
    for path in _modules("ui").values():
        for node in ast.walk(_tree(path)):
            if (isinstance(node, ast.FunctionDef) and node.name == "__init__"
                    and node.end_lineno is not None
                    and node.end_lineno - node.lineno > MAX_CONSTRUCTOR_LINES):
                long.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert long == []


def test_no_two_classes_share_a_name() -> None:
    """Module-level classes, public or not; a migration's frozen copies of the models
    (as they were at that schema version) are meant to repeat the models' names."""
    where: dict[str, list[str]] = {}
    for package in ("app", "ui"):
        for path in _modules(package).values():
            if "migrations" in path.parts:
                continue
            for node in _tree(path).body:
                if isinstance(node, ast.ClassDef):
                    where.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert {name: places for name, places in where.items() if len(places) > 1} == {}
