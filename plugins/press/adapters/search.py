"""``press/search``: full-text search with Pagefind instead of Material's built-in index.

Material's index is one JSON file every searching reader downloads whole
(11.5 MB at 1,000 articles, 115 MB at 10,000). Pagefind indexes the built site
into small fragments and a reader fetches only the chunks a query needs.

The plugin adds a search page (``search/``), lets templates mark what is
indexed (article bodies, with publication, section and author as filters and
the dek as metadata), and runs the Pagefind binary (from the ``pagefind[bin]``
wheel) over the output folder after the build, unless no indexed page changed:
then the index built last time for the same pages is reused (``press.core.incremental.search_index``).
In the live preview a changed page is shown at once and the index follows in the
background, so an edit never waits for the indexer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.incremental.search_index import BundleStore, html_pages, index_key, link_tree
from ..core.features.search_order import stabilize
from ..core.urls import OutputRefused
from .articles import ArticlesPlugin, articles_plugin
from .serve_state import STATE

log = get_plugin_logger(__name__)

SEARCH_PAGE = "search/index.md"


class SearchConfig(base.Config):
    bundle = c.Type(str, default="pagefind")  # folder of the index inside the site
    timeout = c.Type(int, default=900)  # seconds the indexer may take


class SearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False
    serving = False  # set by on_startup under `serve`

    def on_config(self, config: MkDocsConfig) -> None:
        if "search" in config.plugins or "material/search" in config.plugins:
            raise PluginError("press/search replaces Material's search: remove '- search' from plugins in mkdocs.yml")

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
        press = context.setdefault("press", {})
        press["search"] = {"url": "search/", "bundle": f"{self.config.bundle}/", "page": page.file.src_uri == SEARCH_PAGE}
        return context

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # Last: the index must see every page in its final form, after other plugins wrote theirs.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/search")
        with articles.report.step("search"):
            self._place_index(config, articles)

    def _place_index(self, config: MkDocsConfig, articles: ArticlesPlugin) -> None:
        site = Path(config.site_dir)
        store = BundleStore(articles.cache.folder("search"))
        try:
            target = articles.outputs.claim_folder(self.config.bundle, "press/search")
        except OutputRefused as exc:
            raise PluginError(f"press/search: {exc}")
        if self.serving and target.is_dir():
            # A preview rebuild that kept its output folder (press/incremental): it keeps the index too, until the
            # background has checked the pages and, if one changed, indexed them again.
            STATE.search.submit(lambda: self._index_in_background(store, site, target))
            return
        key = index_key(site, self.config.bundle, _settings())
        if store.place(key, target):
            articles.report.count(search_reused=1)
            log.debug("search: no indexed page changed, the index is reused")
            return
        previous = store.latest()
        if self.serving and previous is not None and store.place(previous, target):
            # The preview shows the page now; its search catches up when the new index is ready.
            STATE.search.submit(lambda: self._index_in_background(store, site, target))
            log.info("search: indexing the changed pages in the background; until then search shows the previous index")
            return
        self._index(store, key, site)
        store.place(key, target)
        articles.report.count(search_rebuilt=1)

    def _index(self, store: BundleStore, key: str, site: Path, *, background: bool = False) -> bool:
        """Index ``site`` into the store under ``key``; a failed run leaves no scratch folder behind.

        In the background the pages are hard links to the preview's, and a file MkDocs rewrites in place
        (the 404 page) changes under them: an index whose pages no longer match ``key`` is dropped.
        """
        built = store.scratch(key)
        try:
            self._run_pagefind(site, built, background=background)
            if background and index_key(site, self.config.bundle, _settings()) != key:
                shutil.rmtree(built, ignore_errors=True)
                return False
        except BaseException:
            shutil.rmtree(built, ignore_errors=True)
            raise
        store.put(key, built)
        return True

    def _run_pagefind(self, site: Path, output: Path, *, background: bool = False) -> None:
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"]
        try:
            # In the background the indexer yields the processor to the preview's next rebuild.
            result = subprocess.run(command, capture_output=True, text=True, timeout=self.config.timeout, check=False,
                                    preexec_fn=(lambda: os.nice(15)) if background else None)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PluginError(f"press/search: Pagefind could not index the site: {exc}")
        if result.returncode != 0:
            raise PluginError(f"press/search: Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")
        stabilize(output)  # Pagefind writes its filters in a random order: identical pages, identical bundle

    def _index_in_background(self, store: BundleStore, site: Path, target: Path) -> None:
        """Index hard links to the pages as they are now, unless a newer build has queued its own request."""
        snapshot = store.scratch(f"pages.{threading.get_ident()}")
        try:
            if STATE.search.superseded():
                return
            link_tree(site, snapshot, [p.relative_to(site).as_posix() for p in html_pages(site, self.config.bundle)])
            key = index_key(snapshot, self.config.bundle, _settings())
            if STATE.search.superseded() or not target.parent.is_dir():
                return  # a newer build's request follows, or the server has stopped
            if store.place(key, target):
                log.debug("search: no indexed page changed, the index is reused")
            elif self._index(store, key, snapshot, background=True) and not STATE.search.superseded() and target.parent.is_dir():
                store.place(key, target)
                log.info("search: the index is up to date")
        except FileNotFoundError:
            pass  # a newer build is writing the pages again: its own request follows
        except (PluginError, OSError) as exc:
            log.warning(f"search: the background index failed: {exc}")
        finally:
            shutil.rmtree(snapshot, ignore_errors=True)


def _settings() -> list[tuple[str, str]]:
    """Pagefind's version and any configuration file it would read from the working folder."""
    found = [("pagefind", metadata.version("pagefind"))]
    for name in ("pagefind.yml", "pagefind.yaml", "pagefind.toml", "pagefind.json"):
        if (path := Path.cwd() / name).is_file():
            found.append((name, path.read_text(encoding="utf-8")))
    return found
