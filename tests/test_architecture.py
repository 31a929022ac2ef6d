"""The layers stay visible and the arrows point one way.

``press.core`` is engine-free (it must move to another engine without a rewrite) and split by what
it holds: ``content`` (reading and checking), ``features`` (computed from the Catalog), the
top-level ``site``, ``views`` and ``urls`` modules that compose them, ``incremental`` (reusing
earlier work) and ``authoring`` (used only by the ``press`` command).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "press"
CORE = PACKAGE / "core"
ENGINE_FREE = sorted(CORE.rglob("*.py")) + sorted((PACKAGE / "mdx").rglob("*.py"))
FORBIDDEN = ("mkdocs", "jinja2", "material", "properdocs")
LAYERS = ("content", "features", "incremental", "authoring")

# What each part of core may import from core. "top" is core's composing modules (site, views);
# "urls" (every URL and output path, and the registry that keeps writes inside the site) imports only content.slugs and content.characters.
ALLOWED = {
    "urls": {"content"},  # slugs and the forbidden characters only
    "content": {"urls", "content"},
    "features": {"urls", "content", "features"},
    "top": {"urls", "content", "features", "top"},
    "authoring": {"urls", "content", "features", "top", "authoring"},
    "incremental": {"urls", "content", "features", "top", "incremental"},
}


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved against its package)."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            names.add(module)
            if node.module is None:  # from . import x
                names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def part_of(module: str) -> str | None:
    """``press.core.features.feeds`` -> ``features``; ``press.core.views`` -> ``top``; outside core -> None."""
    parts = module.split(".")
    if parts[:2] != ["press", "core"] or len(parts) < 3:
        return None
    return parts[2] if parts[2] in (*LAYERS, "urls") else "top"


CORE_FILES = [p for p in sorted(CORE.rglob("*.py")) if p.name != "__init__.py" or p.parent != CORE]


@pytest.mark.parametrize("path", ENGINE_FREE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_and_markdown_extensions_import_no_engine(path: Path) -> None:
    engine = sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN)
    assert engine == [], f"{path.name} imports {engine}: engine code belongs in press/adapters/"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_layers_import_one_way(path: Path) -> None:
    here = part_of(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
    assert here is not None
    for module in imported_modules(path):
        if module.startswith("press.") and not module.startswith("press.core"):
            pytest.fail(f"{path.relative_to(CORE)} imports {module}: core never imports adapters, mdx or the CLI")
        there = part_of(module)
        if there is not None:
            assert there in ALLOWED[here], (
                f"{path.relative_to(CORE)} ({here}) imports {module} ({there}): {here} may import only "
                f"{', '.join(sorted(ALLOWED[here]))}")


def test_only_the_command_uses_authoring() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "cli.py" or CORE / "authoring" in path.parents:
            continue
        users = sorted(m for m in imported_modules(path) if part_of(m) == "authoring")
        assert users == [], f"{path.relative_to(PACKAGE)} imports {users}: authoring code is for the press command only"


def test_core_layers_are_folders() -> None:
    """Every core module lives in its layer; only the composing modules stay at the top."""
    top = sorted(p.stem for p in CORE.glob("*.py") if p.name != "__init__.py")
    assert top == ["site", "urls", "views"], f"core/ holds {top}: put new modules in a layer subpackage"


def test_core_never_reads_the_clock() -> None:
    for path in ENGINE_FREE:
        text = path.read_text(encoding="utf-8")
        for call in ("datetime.now(", "dt.datetime.now(", "date.today(", "time.time("):
            assert call not in text, f"{path.name} calls {call}: the build date comes from the adapter"


def test_urls_are_made_of_slugs_and_nothing_else() -> None:
    """Every module may import urls, so urls may import nothing that imports it back."""
    inside = sorted(m for m in imported_modules(CORE / "urls.py") if part_of(m) is not None)
    assert inside == ["press.core.content.characters", "press.core.content.slugs"]
