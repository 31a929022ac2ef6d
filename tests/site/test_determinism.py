"""Identical content gives byte-identical output: no build timestamps, stable order."""

from __future__ import annotations

import re
from pathlib import Path

from .builder import article, make_fixture
from .test_publication_layer import FILES


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of the site, Pagefind's bundle included, by path."""
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = make_fixture(tmp_path / "one", FILES | {"vera2/posts/2025/same-day.md": article("Same day", date="2025-11-03")})
    second = make_fixture(tmp_path / "two", FILES | {"vera2/posts/2025/same-day.md": article("Same day", date="2025-11-03")})
    first.build()
    second.build()
    a, b = snapshot(first.site), snapshot(second.site)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert "sitemap.xml.gz" in a
    assert "pagefind/bundles.json" in a
    assert any(re.fullmatch(r"pagefind/[0-9a-f]{12}/fragment/.+", name) for name in a)
    assert any(re.fullmatch(r"pagefind/[0-9a-f]{12}/filter/.+", name) for name in a)
    assert any(re.fullmatch(r"pagefind/[0-9a-f]{12}/pagefind-entry.json", name) for name in a)
