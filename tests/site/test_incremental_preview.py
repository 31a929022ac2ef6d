"""The live preview's rebuild after an edit (``serve --dirty`` with press/incremental) equals a full build.

Each case edits the content of a running preview, rebuilds the way ``mkdocs serve --dirty`` does (same
process, same output folder), then builds the same content from scratch into another folder: the two
must be the same byte for byte, the search index aside (the preview catches it up in the background).
Edits to one article must also leave unrelated pages unwritten, or the preview is only a slow full build.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from press.adapters.serve_state import STATE
from press.adapters.engine import NAME as ENGINE

from .builder import Fixture, article, base_config, make_fixture
from .test_determinism import snapshot
from .test_discovery import FILES

SERVE_URL = "http://127.0.0.1:8000/"
RENDERING = re.compile(r"preview: rendering (\d+) of (\d+) pages \((.*)\)")
UNRELATED = "vera2/2025/08/maps/index.html"  # no link, tag, source or list in common with the edited article


def serve_build(fixture: Fixture, site_dir: Path, *, dirty: bool) -> None:
    """One build of `mkdocs serve` (not strict, drafts shown), `--dirty` or not, into `site_dir`."""
    config = load_config(str(fixture.root / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    config.plugins.on_startup(command="serve", dirty=dirty)
    config.site_url = SERVE_URL
    try:
        build(config, serve_url=SERVE_URL, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def rebuild(fixture: Fixture, caplog: pytest.LogCaptureFixture) -> tuple[int, int, str]:
    """The preview's rebuild: (pages rendered, pages in all, why)."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=ENGINE):  # the engine logger: `press check` sets its level
        serve_build(fixture, fixture.root / "preview", dirty=True)
    [found] = [m for r in caplog.records if (m := RENDERING.search(r.getMessage()))]
    return int(found.group(1)), int(found.group(2)), found.group(3)


def without_index(site: Path) -> dict[str, bytes]:
    """The pages and files but the search index, which the background swaps in on its own time (its staging
    folders, ``.pagefind.<pid>.new`` and ``.old``, come and go while this reads, so they are never walked)."""
    found = {}
    for top in sorted(site.iterdir()):
        if top.name == "pagefind" or top.name.startswith(".pagefind."):
            continue
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            if path.is_file():
                found[path.relative_to(site).as_posix()] = path.read_bytes()
    return found


def edit(path: str, old: str, new: str) -> Callable[[Fixture], None]:
    def change(fixture: Fixture) -> None:
        target = fixture.root / "content" / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def add(path: str, text: str) -> Callable[[Fixture], None]:
    return lambda fixture: fixture.write(path, text)


def remove(path: str) -> Callable[[Fixture], None]:
    return lambda fixture: (fixture.root / "content" / path).unlink()


# Pages that show another article only as related (a rare shared tag) or as a backlink (a link), outside any list.
MORE = {
    "vera2/posts/2025/rates-one.md": article("Interest rates rise", date="2025-06-01", section="Politics", extra="tags: [monetary]"),
    "vera2/posts/2025/rates-two.md": article("Central bankers wait", date="2025-06-02", section="Politics", extra="tags: [monetary]"),
    "dispatch/posts/2025/ledger.md": article("Notebook entry", date="2025-06-03", section=None,
                                             body="Compare [the rates story](../../../vera2/posts/2025/rates-one.md)."),
    "about.md": "# About\n\nWho we are.\n",
}

# Each edit, and whether the preview may render only some pages (False: it must start from an empty folder).
EDITS: dict[str, tuple[Callable[[Fixture], None], bool]] = {
    "prose": (edit("vera2/posts/2025/tariffs.md", "Body text.", "Body text, with a new paragraph.\n\nMore."), True),
    "title": (edit("vera2/posts/2025/tariffs.md", "title: 'Tariffs in court'", "title: 'Tariffs before the court'"), True),
    "a related article's title": (edit("vera2/posts/2025/rates-two.md", "Central bankers wait", "Central bankers hold"), True),
    "a linking article's title": (edit("dispatch/posts/2025/ledger.md", "Notebook entry", "Notebook page"), True),
    "tags": (edit("vera2/posts/2025/tariffs.md", "tags: [courts, trade]", "tags: [courts, trade, injunctions]"), True),
    "source": (edit("vera2/posts/2025/tariffs.md", "https://www.reuters.com/casa/", "https://www.reuters.com/tariffs"), True),
    "a link to another article": (edit("vera2/posts/2025/tariffs.md", "Body text.", "See [casa](casa.md)."), True),
    "the draft flag": (edit("dispatch/posts/2025/draft.md", "draft: true", "draft: false"), True),
    "a reading list": (edit("reading-lists/courts-series.md", "note: Start here.", "note: Begin here."), True),
    "an authored page": (edit("about.md", "Who we are.", "Who we are, and why."), True),
    "the home page (in the navigation)": (edit("index.md", "Welcome.", "Welcome back."), False),
    "an author's bio": (edit("authors.yml", "institutions under strain", "institutions under pressure"), False),
    "a broken article": (edit("vera2/posts/2025/tariffs.md", "authors: [jt-mercer]", "authors: [nobody]"), False),
    "a new article": (add("vera2/posts/2025/new.md", article("Brand new", date="2025-11-20", extra="tags: [courts]")), False),
    "a removed article": (remove("vera2/posts/2025/maps.md"), False),
    "a redirect": (edit("vera2/posts/2025/tariffs.md", "tags: [courts, trade]", "tags: [courts, trade]\nredirect_from: [old/tariffs/]"), False),
}


@pytest.fixture
def running(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Fixture:
    """A fixture site with a preview already built once, as `make serve` leaves it."""
    config = base_config()
    config["plugins"].insert(2, "press/social")  # its cards are files named by their content: a title edit replaces one
    fixture = make_fixture(tmp_path / "site", FILES | MORE, config)
    serve_build(fixture, fixture.root / "preview", dirty=True)
    return fixture


def test_an_unchanged_preview_renders_only_the_navigation(running: Fixture, caplog: pytest.LogCaptureFixture) -> None:
    before = without_index(running.root / "preview")
    rendered, total, why = rebuild(running, caplog)
    assert why == f"0 of {total} pages changed"
    assert 0 < rendered < 20 < total  # the pages in the navigation: every page shows their titles
    assert without_index(running.root / "preview") == before


@pytest.mark.parametrize("name", EDITS)
def test_after_an_edit_the_preview_equals_a_full_build(running: Fixture, caplog: pytest.LogCaptureFixture, name: str) -> None:
    change, partial = EDITS[name]
    unrelated = running.root / "preview" / UNRELATED
    inode = unrelated.stat().st_ino
    change(running)
    rendered, total, why = rebuild(running, caplog)
    if partial:
        assert rendered < total and "changed" in why
        assert unrelated.stat().st_ino == inode, f"{UNRELATED} was written again after an edit that does not concern it"
    else:
        assert rendered == total, f"expected a clean rebuild, got {why}"
    serve_build(running, running.root / "full", dirty=False)
    incremental, full = without_index(running.root / "preview"), without_index(running.root / "full")
    assert sorted(incremental.keys() ^ full.keys()) == []
    assert [page for page in full if incremental[page] != full[page]] == []


def test_the_kept_index_catches_up_in_the_background(running: Fixture, caplog: pytest.LogCaptureFixture) -> None:
    def index(site: Path) -> dict[str, bytes]:
        return {f"pagefind/{name}": data for name, data in snapshot(site / "pagefind").items()}

    stale = index(running.root / "preview")
    EDITS["prose"][0](running)
    rebuild(running, caplog)
    assert index(running.root / "preview") == stale  # the page is shown at once, with the index it had
    STATE.search.executor.submit(lambda: None).result()  # wait for the queued index
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger=ENGINE):
        serve_build(running, running.root / "full", dirty=False)
    # The full build found the index of exactly its pages in the store: the one the background built.
    assert "press: search: no indexed page changed, the index is reused" in [r.getMessage() for r in caplog.records]
    assert index(running.root / "preview") == index(running.root / "full") != stale
