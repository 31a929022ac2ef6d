"""press/styles: every page links one stylesheet holding the part of Material's the site uses."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import material
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from press.adapters.engine import NAME as ENGINE
from press.core.features import page_scanning

from .builder import article, base_config, make_fixture

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
MATERIAL = sorted(STYLESHEETS.glob("*.min.css"))  # main, then palette: the order Material links them
LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')
SCANNED = re.compile(r"; (\d+) pages scanned")
FURNITURE = """\
!!! note "Before the ruling"
    The court had not yet heard the case.[^1]

| Court | Ruling |
| --- | --- |
| Ninth Circuit | stayed |

```
press build -d site
```

[^1]: Argued on 3 March.
"""


def config() -> dict:
    return base_config() | {"markdown_extensions": ["admonition", "footnotes", "tables", "pymdownx.superfences"],
                            "theme": base_config()["theme"] | {"palette": [
        {"media": "(prefers-color-scheme: light)", "scheme": "default"},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate"}]}}


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(site / "pagefind"))


def test_every_page_links_the_one_trimmed_stylesheet(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/ruling.md": article("Ruling", body=FURNITURE)}, config())
    fixture.build()
    shipped = sorted((fixture.site / "assets/stylesheets").iterdir())
    assert [p.name for p in shipped] == ["material.press.min.css"]
    css = shipped[0].read_text(encoding="utf-8")
    for page in pages(fixture.site):
        if "<head>" not in (html := page.read_text(encoding="utf-8")) or "Moved:" in html:
            continue  # redirect pages link no stylesheet
        links = LINK.findall(html)
        assert links[0].endswith(f"assets/stylesheets/{shipped[0].name}"), page
        assert (page.parent / links[0]).resolve() == shipped[0].resolve() or links[0].startswith("/"), page
    assert len(css) < sum(p.stat().st_size for p in MATERIAL) / 3
    # What the article's Markdown makes keeps its rules; what no page has loses them.
    for kept in (".md-typeset .admonition", ".md-typeset .footnote", ".md-typeset table:not([class])",
                 ".md-typeset pre>code", "[data-md-color-scheme=slate]", ".md-sidebar--primary"):
        assert kept in css, kept
    for dropped in (".md-typeset .tabbed-set", ".md-typeset .task-list-item", "[dir=rtl]", "[data-md-color-primary=pink]"):
        assert dropped not in css, dropped


def test_a_site_without_admonitions_ships_none_of_their_rules(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/plain.md": article("Plain")}, config())
    fixture.build()
    (css,) = (fixture.site / "assets/stylesheets").iterdir()
    assert ".md-typeset .admonition" not in css.read_text(encoding="utf-8")


@pytest.mark.parametrize("command,dirty", [("build", True), ("serve", False)])
def test_a_dirty_build_and_the_preview_link_materials_stylesheets_whole(tmp_path: Path, command: str, dirty: bool) -> None:
    """A dirty build renders some pages only, so what the others use is unknown: nothing is cut."""
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/plain.md": article("Plain")}, config())
    loaded = load_config(str(tmp_path / "mkdocs.yml"), strict=True)
    loaded.plugins.on_startup(command=command, dirty=dirty)
    try:
        build(loaded, dirty=dirty)
    finally:
        loaded.plugins.on_shutdown()
    links = LINK.findall(fixture.page(""))
    assert links[:2] == [f"assets/stylesheets/{p.name}" for p in MATERIAL]
    assert all((fixture.site / link).read_bytes() == p.read_bytes() for link, p in zip(links, MATERIAL))


def test_a_rebuild_scans_only_the_pages_it_writes_anew_and_ships_a_cold_builds_stylesheet(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Each page's use is kept by the digest of its HTML: a rebuild merges the kept ones, and drops what is gone."""
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/ruling.md": article("Ruling", body=FURNITURE),
                                      "vera2/posts/2025/plain.md": article("Plain")}, config())
    stylesheet = fixture.site / "assets/stylesheets/material.press.min.css"

    def build_scanning() -> tuple[int, bytes]:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger=ENGINE):
            fixture.build()
        (scanned,) = [int(m.group(1)) for r in caplog.records if (m := SCANNED.search(r.getMessage()))]
        return scanned, stylesheet.read_bytes()

    everything, cold = build_scanning()
    assert everything > 5
    assert build_scanning() == (0, cold)
    fixture.write("vera2/posts/2025/ruling.md", article("Ruling"))  # the admonition, table and footnote go
    scanned, warm = build_scanning()
    assert 0 < scanned < everything and b".md-typeset .admonition" not in warm
    shutil.rmtree(fixture.root / ".cache")
    assert build_scanning() == (everything, warm)


def test_pages_scanned_by_the_worker_beside_the_build_give_the_same_stylesheet(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the first pages a cold build hands its pages to a scanning process; what it finds is what this one would."""
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/ruling.md": article("Ruling", body=FURNITURE),
                                      "vera2/posts/2025/plain.md": article("Plain")}, config())
    stylesheet = fixture.site / "assets/stylesheets/material.press.min.css"
    fixture.build()
    here = stylesheet.read_bytes()
    shutil.rmtree(fixture.root / ".cache")
    monkeypatch.setattr(page_scanning, "START_AFTER", 1)
    with caplog.at_level(logging.DEBUG, logger=ENGINE):
        fixture.build()
    (scanned, beside) = [(int(m.group(1)), int(m.group(2))) for r in caplog.records
                         if (m := re.search(r"; (\d+) pages scanned, (\d+) of them beside", r.getMessage()))][0]
    assert beside > 5 and scanned > beside, "every page but the first went to the worker, or was scanned here when it lagged"
    assert stylesheet.read_bytes() == here
