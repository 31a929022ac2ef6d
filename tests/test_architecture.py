"""The core stays engine-free: it must move to another engine without a rewrite."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "press"
ENGINE_FREE = sorted((PACKAGE / "core").rglob("*.py")) + sorted((PACKAGE / "mdx").rglob("*.py"))
FORBIDDEN = ("mkdocs", "jinja2", "material", "properdocs")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", ENGINE_FREE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_and_markdown_extensions_import_no_engine(path: Path) -> None:
    engine = sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN)
    assert engine == [], f"{path.name} imports {engine}: engine code belongs in press/adapters/"


def test_core_never_reads_the_clock() -> None:
    for path in ENGINE_FREE:
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "dt.datetime.now(", "date.today(", "time.time("):
            assert call not in text, f"{path.name} calls {call}: the build date comes from the adapter"
