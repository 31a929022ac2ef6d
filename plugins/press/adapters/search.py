"""``press/search``: full-text search with Pagefind instead of Material's built-in index.

Material's index is one JSON file every searching reader downloads whole
(11.5 MB at 1,000 articles, 115 MB at 10,000). Pagefind indexes the built site
into small fragments and a reader fetches only the chunks a query needs.

The plugin adds a search page (``search/``), lets templates mark what is
indexed (article bodies, with publication, section and author as filters and
the dek as metadata), and runs the Pagefind binary (from the ``pagefind[bin]``
wheel) over the output folder after the build.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

SEARCH_PAGE = "search/index.md"


class SearchConfig(base.Config):
    bundle = c.Type(str, default="pagefind")  # folder of the index inside the site
    timeout = c.Type(int, default=900)  # seconds the indexer may take


class SearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False

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

    # Last: the index must see every page in its final form, after other plugins wrote theirs.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", self.config.bundle, "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=self.config.timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PluginError(f"press/search: Pagefind could not index the site: {exc}")
        if result.returncode != 0:
            raise PluginError(f"press/search: Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")
