"""``press/search``: full-text search with Pagefind instead of Material's built-in index.

Material's index is one JSON file every searching reader downloads whole
(11.5 MB at 1,000 articles, 115 MB at 10,000). Pagefind indexes the built site
into small fragments and a reader fetches only the chunks a query needs.

The plugin adds a search page (``search/``), lets templates mark what is
indexed (article bodies, with publication, section and author as filters and
the dek as metadata), and runs the Pagefind binary (from the ``pagefind[bin]``
wheel) after the build over the indexed pages, one shard of the site at a time
(``press.core.features.search_shards``): Pagefind's memory grows with what one
run indexes. The search page merges the shards' bundles. A shard none of whose
pages changed keeps the index built last time (``press.core.incremental.search_index``).
In the live preview a changed page is shown at once and the index follows in the
background, so an edit never waits for the indexer.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.incremental.search_index import BundleStore, html_pages, link_tree
from ..core.features.page_bytes import page_bytes, page_digest
from ..core.features.search_order import stabilize
from ..core.features.search_shards import MARKER, Cutter, IndexedPage, Shard, plan, read_page
from ..core.urls import OutputRefused
from .articles import ArticlesPlugin, articles_plugin
from .serve_state import STATE

log = get_plugin_logger(__name__)

SEARCH_PAGE = "search/index.md"
HEAD_START_NICENESS = 10  # Pagefind beside the rendering of listing pages: the rendering keeps its core
BACKGROUND_NICENESS = 15  # the live preview's indexer: the next rebuild comes first
# Pagefind's ready-made interfaces, which it writes into every bundle; the search page uses its JavaScript API.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchConfig(base.Config):
    bundle = c.Type(str, default="pagefind")  # folder of the index inside the site
    timeout = c.Type(int, default=900)  # seconds the indexer may take, per shard
    # Kilobytes of indexed page a shard holds before it may end. Pagefind needs 15 to 20 times that in memory
    # (32,000: about 1,300 articles of 1,500 words, 650 MB); a reader's query fetches one index chunk per shard.
    shard_kb = c.Type(int, default=32_000)


class SearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False
    serving = False  # set by on_startup under `serve`

    def on_config(self, config: MkDocsConfig) -> None:
        if "search" in config.plugins or "material/search" in config.plugins:
            raise PluginError("press/search replaces Material's search: remove '- search' from plugins in mkdocs.yml")
        if self.config.shard_kb < 1:
            raise PluginError(f"press/search: shard_kb must be a positive number of kilobytes, not {self.config.shard_kb}")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if SEARCH_PAGE not in files.src_uris:
            files.append(File.generated(config, SEARCH_PAGE, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == SEARCH_PAGE:
            page.meta.setdefault("title", escape("Search"))
            page.meta.setdefault("description", escape("Search every article of NRP Dispatch and Vera2"))
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if self.complete:
            for shard in self.complete:  # the page before this one, the last of each, is on disk now
                log.debug(f"search: a shard of {len(shard.pages)} articles is indexed beside the rendering, "
                          f"after {len(self.written)} pages")
                self._head_start(config).submit(shard)
            self.complete = []
        press = context.setdefault("press", {})
        press["search"] = {"url": "search/", "bundle": f"{self.config.bundle}/", "page": page.file.src_uri == SEARCH_PAGE}
        return context

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # Last: every page is planned by now.
    @event_priority(-100)
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        site = articles_plugin(config, "press/search").site
        self.written: dict[str, IndexedPage | None] = {}  # each page as MkDocs wrote it; None: not marked for the index
        self.head_start: HeadStart | None = None
        self.complete: list[Shard] = []  # shards whose last page MkDocs is writing now: indexed from the next page on
        # A build renders its articles first, in output path order (press/articles), the order shards are planned
        # in: each shard is indexed on the other core once its last article is written, while MkDocs renders the
        # rest. The live preview renders only what changed: it indexes in the background from the files instead.
        self.awaited = None if self.serving or site is None else set(site.catalog.by_src)
        self.cutter = Cutter(_settings(), self.config.shard_kb * 1000)
        self.last_path = ""

    # Last: the page as it is written.
    @event_priority(-1000)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.awaited is not None:
            data = page_bytes(output)  # as MkDocs writes it, encoded and hashed once for press/styles too
            written = self.written[page.file.dest_uri] = read_page(page.file.dest_uri, data, page_digest(output)) if MARKER in data else None
            if self.awaited and written is not None:
                self._cut(written)
            self.awaited.discard(page.file.src_uri)
            if not self.awaited and (last := self.cutter.finish()) is not None:
                self.complete.append(last)
        return output

    def _cut(self, page: IndexedPage) -> None:
        """Plan the index as articles are written; pages out of path order leave the rest to the post-build step."""
        if page.path <= self.last_path:
            self.awaited = set()
            self.cutter = Cutter(_settings(), 2**62)  # cuts nothing more: the post-build plan covers these pages
            log.debug(f"search: {page.path} was written after {self.last_path}; its shard is indexed after the build")
            return
        self.last_path = page.path
        if (shard := self.cutter.add(page)) is not None:
            self.complete.append(shard)

    # Last: the index must see every page in its final form, after other plugins wrote theirs.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/search")
        with articles.report.step("search"):
            for shard in self.complete:
                self._head_start(config).submit(shard)
            ahead = self.head_start.close() if self.head_start is not None else set()
            self._place_index(config, articles, ahead)

    def _head_start(self, config: MkDocsConfig) -> HeadStart:
        if self.head_start is None:
            site = Path(config.site_dir)
            store = BundleStore(articles_plugin(config, "press/search").cache.folder("search"))
            self.head_start = HeadStart(lambda shard: self._index(store, shard, site, niceness=HEAD_START_NICENESS), store)
        return self.head_start

    def _place_index(self, config: MkDocsConfig, articles: ArticlesPlugin, ahead: set[str]) -> None:
        """Place the index of the site's pages; ``ahead``: the keys of the shards this build indexed already."""
        site = Path(config.site_dir)
        store = BundleStore(articles.cache.folder("search"))
        try:
            target = articles.outputs.claim_folder(self.config.bundle, "press/search")
        except OutputRefused as exc:
            raise PluginError(f"press/search: {exc}")
        if self.serving and target.is_dir():
            # A preview rebuild that kept its output folder (press/incremental): it keeps the index too, until the
            # background has checked the pages and, if one changed, indexed their shards again.
            STATE.search.submit(lambda: self._index_in_background(store, site, target))
            return
        shards = self._plan(site, self.written if self.awaited is not None else {})
        keys = [shard.key for shard in shards]
        missing = [shard for shard in shards if not store.has(shard.key)]
        if not missing and not ahead & set(keys) and store.place(keys, target):
            store.commit(keys)
            articles.report.count(search_reused=len(shards))
            log.debug("search: no indexed page changed, the index is reused")
            return
        previous = store.latest()
        if self.serving and previous is not None and store.place(previous, target):
            # The preview shows the page now; its search catches up when the new index is ready.
            STATE.search.submit(lambda: self._index_in_background(store, site, target))
            log.info("search: indexing the changed pages in the background; until then search shows the previous index")
            return
        for shard in missing:
            self._index(store, shard, site)
        if not store.place(keys, target):
            raise PluginError(f"press/search: the index just built in {store.folder} could not be placed; delete that folder and build again")
        store.commit(keys)
        built = len(missing) + len(ahead & set(keys))
        articles.report.count(search_rebuilt=built, search_reused=len(shards) - built)
        log.debug(f"search: {built} of {len(shards)} index shards built again")

    def _plan(self, site: Path, written: dict[str, IndexedPage | None]) -> list[Shard]:
        """The shards of the site's pages: those MkDocs wrote as recorded, the others read from their files."""
        pages = [page for page in written.values() if page is not None]
        if not pages:  # no page marked for the index yet: Pagefind indexes a site without one whole
            written = {}
        others = [rel for rel in html_pages(site, self.config.bundle) if rel not in written]
        pages += [read_page(rel, (site / rel).read_bytes()) for rel in others]
        return plan(pages, _settings(), self.config.shard_kb * 1000)

    def _index(self, store: BundleStore, shard: Shard, site: Path, *, background: bool = False, niceness: int = 0) -> bool:
        """Index the shard's pages of ``site`` into the store; a failed run leaves no scratch folder behind.

        Pagefind reads hard links to just those pages. In the background the pages are hard links to the
        preview's, and a file MkDocs rewrites in place changes under them: a shard whose pages no longer match
        its key is dropped.
        """
        pages = store.scratch(f"{shard.key}.pages")
        built = store.scratch(shard.key)
        try:
            link_tree(site, pages, shard.pages)
            self._run_pagefind(pages, built, niceness=niceness)
            if background and _changed(pages, shard):
                shutil.rmtree(built, ignore_errors=True)
                return False
        except BaseException:
            shutil.rmtree(built, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(pages, ignore_errors=True)
        store.put(shard.key, built)
        return True

    def _run_pagefind(self, site: Path, output: Path, *, niceness: int = 0) -> None:
        """Run Pagefind; `niceness` > 0 yields the processor to the build (its rendering, the preview's next rebuild)."""
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=self.config.timeout, check=False,
                                    preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PluginError(f"press/search: Pagefind could not index the site: {exc}")
        if result.returncode != 0:
            raise PluginError(f"press/search: Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")
        stabilize(output)  # Pagefind writes its filters in a random order: identical pages, identical bundle
        for name in UNUSED:  # its ready-made interfaces: the search page uses the JavaScript API alone
            (output / name).unlink(missing_ok=True)

    def _index_in_background(self, store: BundleStore, site: Path, target: Path) -> None:
        """Index hard links to the pages as they are now, unless a newer build has queued its own request."""
        snapshot = store.scratch(f"pages.{threading.get_ident()}")
        try:
            if STATE.search.superseded():
                return
            link_tree(site, snapshot, html_pages(site, self.config.bundle))
            shards = self._plan(snapshot, {})
            keys = [shard.key for shard in shards]
            for shard in shards:
                if STATE.search.superseded() or not target.parent.is_dir():
                    return  # a newer build's request follows, or the server has stopped
                if not store.has(shard.key) and not self._index(store, shard, snapshot, background=True, niceness=BACKGROUND_NICENESS):
                    return
            if keys == store.latest() and target.is_dir():
                log.debug("search: no indexed page changed, the index is reused")
            elif not STATE.search.superseded() and target.parent.is_dir() and store.place(keys, target):
                store.commit(keys)
                log.info("search: the index is up to date")
        except FileNotFoundError:
            pass  # a newer build is writing the pages again: its own request follows
        except (PluginError, OSError) as exc:
            log.warning(f"search: the background index failed: {exc}")
        finally:
            shutil.rmtree(snapshot, ignore_errors=True)


class HeadStart:
    """Shards indexed one after another on a thread of their own (Pagefind runs in its own process) while
    MkDocs renders: one Pagefind at a time, so its memory stays one shard's."""

    def __init__(self, index: Callable[[Shard], object], store: BundleStore) -> None:
        self.index, self.store = index, store
        self.shards: queue.SimpleQueue[Shard | None] = queue.SimpleQueue()
        self.built: set[str] = set()
        self.failed = False
        self.thread = threading.Thread(target=self._run, name="press-search", daemon=True)
        self.thread.start()

    def submit(self, shard: Shard) -> None:
        self.shards.put(shard)

    def close(self) -> set[str]:
        """Wait for the shards submitted; the keys of those it indexed. After a failure it indexes no more:
        the build's own run indexes what is missing, and reports the failure if it recurs."""
        self.shards.put(None)
        self.thread.join()
        return self.built

    def _run(self) -> None:
        while (shard := self.shards.get()) is not None:
            if self.failed or self.store.has(shard.key):
                continue
            try:
                self.index(shard)
                self.built.add(shard.key)
            except BaseException:  # noqa: BLE001 (re-raised, if it recurs, by the build's own run)
                self.failed = True


def _changed(pages: Path, shard: Shard) -> bool:
    """Whether the linked pages differ from those the shard was planned for."""
    return plan([read_page(rel, (pages / rel).read_bytes()) for rel in shard.pages], _settings(), 2**62) != [shard]


def _settings() -> list[tuple[str, str]]:
    """Pagefind's version and any configuration file it would read from the working folder."""
    found = [("pagefind", metadata.version("pagefind"))]
    for name in ("pagefind.yml", "pagefind.yaml", "pagefind.toml", "pagefind.json"):
        if (path := Path.cwd() / name).is_file():
            found.append((name, path.read_text(encoding="utf-8")))
    return found
