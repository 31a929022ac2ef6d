"""Identical content gives byte-identical output: no build timestamps, stable order."""

from __future__ import annotations

import re
from pathlib import Path

from .builder import article, make_fixture
from .test_publication_layer import FILES


# Pagefind (1.5) numbers pages in the order its parallel workers finish, so its filter and metadata
# indexes, and the entry file naming them, differ between runs (Pagefind issue #638). Its page
# fragments and word index are stable, and so is every other file we write.
UNSTABLE_UPSTREAM = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


def snapshot(site: Path) -> dict[str, bytes]:
    return {name: p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not UNSTABLE_UPSTREAM.match(name := str(p.relative_to(site)))}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = make_fixture(tmp_path / "one", FILES | {"vera2/posts/2025/same-day.md": article("Same day", date="2025-11-03")})
    second = make_fixture(tmp_path / "two", FILES | {"vera2/posts/2025/same-day.md": article("Same day", date="2025-11-03")})
    first.build()
    second.build()
    a, b = snapshot(first.site), snapshot(second.site)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert "sitemap.xml.gz" in a
    assert any(name.startswith("pagefind/fragment/") for name in a)
