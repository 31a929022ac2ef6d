"""The output caches (pages, feeds, search index): after any change, a build that reuses output equals one that makes it all."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from press.adapters.engine import NAME as ENGINE

from .builder import REPO, Fixture, article, base_config, make_fixture
from .test_determinism import snapshot
from .test_publication_layer import FILES

STATS = re.compile(r"pages: (\d+) from the cache, (\d+) rendered")
FEEDS = re.compile(r"wrote (\d+) feeds, (\d+) of them from the cache")
OUTPUT_CACHES = ("pages", "feeds", "search")


def build_counting(fixture: Fixture, caplog: pytest.LogCaptureFixture, pattern: re.Pattern[str] = STATS) -> tuple[int, int]:
    """Build; (pages reused, pages rendered), or with FEEDS (feeds written, feeds from the cache)."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger=ENGINE):  # the engine logger: `press check` sets its level
        fixture.build()
    found = [pattern.search(r.getMessage()) for r in caplog.records]
    first, second = next(m.groups() for m in found if m)
    return int(first), int(second)


def fresh(fixture: Fixture) -> dict[str, bytes]:
    """The site built with no stored pages, feeds or index (Markdown, cards and images: they have their own tests)."""
    cache = fixture.root / ".cache/press"
    for name in OUTPUT_CACHES:
        shutil.move(cache / name, cache / f"{name}.kept")
    try:
        fixture.build()
        return snapshot(fixture.site)
    finally:
        for name in OUTPUT_CACHES:
            shutil.rmtree(cache / name, ignore_errors=True)
            shutil.move(cache / f"{name}.kept", cache / name)


def edit(path: str, old: str, new: str) -> Callable[[Fixture], None]:
    def change(fixture: Fixture) -> None:
        target = fixture.root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


CHANGES = {
    # The body of one article: its page, its feeds, the search index.
    "article body": edit("content/vera2/posts/2025/court-two.md", "Body text.", "Body text, rewritten."),
    # A title: every listing, related block and backlink that shows the article.
    "article title": edit("content/vera2/posts/2025/court-one.md", "title: 'Court one'", "title: 'Court one, renamed'"),
    # Tags: related articles and tag pages move.
    "article tags": edit("content/vera2/posts/2025/politics-one.md", "tags: [europe]", "tags: [europe, courts]"),
    # An author's bio: the author box of each of their articles.
    "author bio": edit("content/authors.yml", "about institutions", "about institutions and people"),
    # The configuration: every page.
    "site name": edit("mkdocs.yml", "site_name: Fixture", "site_name: Fixture Two"),
    # A template in custom_dir: every page.
    "template": edit("overrides/main.html", "{% extends \"base.html\" %}", "{% extends \"base.html\" %}{# changed #}"),
}
SITE_WIDE = {"site name", "template"}


@pytest.fixture
def site(tmp_path: Path) -> Fixture:
    """The publication-layer fixture with its own copy of the templates, so a test can change them."""
    shutil.copytree(REPO / "overrides", tmp_path / "overrides")
    config = base_config()
    config["theme"]["custom_dir"] = "overrides"
    return make_fixture(tmp_path, FILES | {"vera2/posts/2025/linker.md": article(
        "Linker", date="2025-11-04", body="See [court one](court-one.md) and [the note](../../../dispatch/posts/2025/a-note.md).")},
        config)


def test_an_unchanged_site_reuses_every_page(site: Fixture, caplog: pytest.LogCaptureFixture) -> None:
    hits, rendered = build_counting(site, caplog)
    assert hits == 0 and rendered > 20
    first = snapshot(site.site)
    assert build_counting(site, caplog) == (rendered, 0)
    assert snapshot(site.site) == first
    written, reused = build_counting(site, caplog, FEEDS)
    assert written > 10 and reused == written


@pytest.mark.parametrize("name", CHANGES)
def test_after_a_change_the_site_equals_a_fresh_build(site: Fixture, caplog: pytest.LogCaptureFixture, name: str) -> None:
    _, everything = build_counting(site, caplog)
    CHANGES[name](site)
    hits, rendered = build_counting(site, caplog)
    assert rendered > 0, "the change must render something again"
    if name in SITE_WIDE:
        assert hits == 0, "a site-wide change must render every page again"
    else:
        assert hits > 0, "a change to one article or author must not render every page again"
    cached = snapshot(site.site)
    expected = fresh(site)
    assert cached.keys() == expected.keys()
    assert [page for page in cached if cached[page] != expected[page]] == []


def test_no_page_template_prints_the_build_date() -> None:
    """The fingerprint leaves out `build_date_utc` (it changes with every commit): no page may show it."""
    import material

    theme = Path(material.__file__).parent / "templates"
    printing = [p for folder in (theme, REPO / "overrides") for p in folder.rglob("*.html")
                if "build_date_utc" in p.read_text(encoding="utf-8")]
    assert printing == []
