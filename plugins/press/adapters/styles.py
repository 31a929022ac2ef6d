"""``press/styles``: pages link only the part of Material's stylesheet they use (``press.core.features.trimmed_css``).

Material's two stylesheets (``main.*.min.css`` and ``palette.*.min.css``, 149 KB) block rendering and our pages
use about a sixth of them. This plugin takes them out of the files MkDocs copies, collects what every page uses
as it is written (``on_post_page``, ``on_post_template``), and after the last page writes one stylesheet with the
rules that can match, through the output registry, under one name (``urls.STYLESHEET``). The name is not the
content's hash: that is known only once the last page is written, and putting it in the pages would mean writing
every page a second time (12 s for 2,000 pages on this machine), while a name computed from the build's inputs
would change every page's context on every edit and void the page cache. A host revalidates an unhashed file
(GitHub Pages: after 10 minutes, as it does the pages; ``bench/static_host.py``: on every visit).

The live preview (``serve``; ``make serve`` runs ``serve --dirty``, which renders only the pages an edit changed, so
what the others use is unknown) and any dirty build ship Material's stylesheets whole, as Material links them: a
partial rebuild never drops a rule, and a preview rebuild equals a full preview build byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core.features.page_scanning import PageScanning, ScanFailed
from ..core.features.trimmed_css import Markup, parse, selected_attributes, trim
from ..core.incremental.digest import code_digest
from ..core.incremental.page_uses import PageUses
from ..core.urls import STYLESHEET, OutputRefused
from .articles import articles_plugin

log = get_plugin_logger(__name__)
# The stylesheets Material's base.html links (block `styles`), with their source maps, which no longer fit.
MATERIAL = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css(\.map)?")


class StylesPlugin(BasePlugin):
    supports_multiple_instances = False
    whole = False  # set by on_startup: the live preview and dirty builds keep Material's stylesheets whole
    uses: PageUses | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.whole = command == "serve" or dirty

    def on_config(self, config: MkDocsConfig) -> None:
        self.articles = articles_plugin(config, "press/styles")
        self.sources: list[File] = []  # Material's stylesheets, in the order its head links them
        self.others: list[File] = []  # the site's other stylesheets: what they read of Material's stays
        self.markup: Markup | None = None
        self.uses = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.whole:
            return files
        material = {f.src_uri: f for f in files if MATERIAL.fullmatch(f.src_uri)}
        if not material:
            return files  # another theme, or a Material without these files: nothing to trim
        wanted = ["main"] + (["palette"] if config.theme.get("palette") else [])
        self.sources = [f for kind in wanted for uri, f in sorted(material.items()) if uri.startswith(f"assets/stylesheets/{kind}.")
                        and uri.endswith(".css")]
        self.others = [f for f in files if f.src_uri.endswith(".css") and f.src_uri not in material]
        self.rules = parse("".join(f.content_string for f in self.sources))
        self.markup = Markup(selected_attributes(self.rules))
        self.uses = PageUses.load(self.articles.cache, PageScanning(self.markup), code_digest())
        return Files([f for f in files if f.src_uri not in material])

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if self.markup is not None:
            context.setdefault("press", {})["styles"] = {"href": STYLESHEET}
        return context

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        if self.markup is not None and template_name.endswith(".html"):  # 404.html, rendered without a page
            context.setdefault("press", {})["styles"] = {"href": STYLESHEET}
        return context

    # Last: what is collected must be the page as written, after every plugin's changes.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._collect(output)
        return output

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):
            self._collect(output_content)
        return output_content

    def _collect(self, html: str) -> None:
        if self.markup is not None and self.uses is not None:
            use = self.uses.use(html)  # a page an earlier build wrote the same is not scanned again
            if use is not None:  # else the scanning worker has it: `finish` brings it
                self.markup.merge(use)

    def on_build_error(self, *, error: Exception) -> None:
        if self.uses is not None:
            self.uses.scanning.close()  # a failed build does not wait for the scans

    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.markup is None:
            return
        assert self.uses is not None
        try:
            for use in self.uses.finish():
                self.markup.merge(use)
        except ScanFailed as exc:
            raise PluginError(f"press/styles: {exc}; the build stopped before writing a stylesheet that could lack rules. "
                              "Build again; if it recurs, the machine may be out of memory") from exc
        css = trim(self.rules, self.markup, "".join(f.content_string for f in self.others)).encode("utf-8")
        try:
            self.articles.outputs.write(STYLESHEET, css, "press/styles")
        except OutputRefused as exc:
            raise PluginError(f"press/styles: {exc}")
        self.uses.save(self.articles.cache)
        full = sum(len(f.content_bytes) for f in self.sources)
        log.debug(f"styles: {STYLESHEET}, {len(css)} of Material's {full} bytes; {self.uses.scanned} pages scanned, "
                  f"{self.uses.scanning.sent} of them beside the build")
