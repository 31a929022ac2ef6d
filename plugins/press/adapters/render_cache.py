"""Reuse the rendered Markdown of unchanged articles (``press.core.incremental.render_cache``), for ``press/incremental``.

On a hit the page's own render step is skipped (making the engine's Markdown
converter and its extensions cost more than half a millisecond a page, for
nothing to convert), and the cached HTML, table of contents and anchors are put
back on the page in ``on_page_content``; the messages logged the first time are logged again. On a miss the
page renders as usual while a handler collects what it logs, and the result is
stored. Only articles are cached: their inputs are known to the core.
"""

from __future__ import annotations

import json
import logging
import types
from importlib import metadata
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ..core.incremental.digest import code_digest
from ..core.content.links import find_links, link_path
from ..core.incremental.render_cache import Rendered, RenderCache, cache_key
from .articles import articles_plugin, engine_markdown
from .engine import NAME as ENGINE  # the engine's logger tree: mkdocs.* or properdocs.*

log = get_plugin_logger(__name__)
RENDERERS = ("markdown", "pymdown-extensions", "mkdocs", "properdocs", "mkdocs-material", "pygments", "nrp-press")


class _Collect(logging.Handler):
    """The messages logged while one page renders."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.levelno, record.name, record.getMessage()))


class RenderReuse:
    """One build's render cache; ``press/incremental`` calls it from ``on_page_markdown`` and ``on_page_content``."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.articles = articles_plugin(config, "press/incremental")
        self.cache = RenderCache(self.articles.cache)
        self.environment = environment(config)
        self.pending: dict[str, tuple[str, _Collect | None, Rendered | None]] = {}  # src -> (key, collector, hit)
        self.hits = self.misses = 0

    def markdown(self, markdown: str, page: Page, files: Files) -> str:
        # A page rendered again (the live preview's early render reuses the last build's page) converts as any page
        # does unless this build finds it in the cache: the stand-in an earlier build put on it would store an
        # empty body for the new text, and every later build would publish that.
        page.__dict__.pop("render", None)
        if not markdown.strip():  # most listing pages: converting nothing costs a whole converter every build
            page.render = types.MethodType(_nothing, page)  # type: ignore[method-assign]
            return markdown
        site = self.articles.site
        article = site.catalog.by_src.get(page.file.src_uri) if site else None
        if article is None:
            return markdown
        key = cache_key(self._inputs(markdown, page, files, article))
        hit = self.cache.get(key)
        if hit is not None:
            self.pending[page.file.src_uri] = (key, None, hit)
            self.hits += 1
            page.render = types.MethodType(_from_cache, page)  # type: ignore[method-assign]  # this page only
            return ""
        collector = _Collect()
        logging.getLogger(ENGINE).addHandler(collector)
        self.pending[page.file.src_uri] = (key, collector, None)
        self.misses += 1
        return markdown

    def _inputs(self, markdown: str, page: Page, files: Files, article: Any) -> list[tuple[str, str]]:
        site, src = self.articles.site, page.file.src_uri
        # The links press/articles found in the body while checking it, unless the Markdown is not that body any more.
        body = site.bodies.get(src) if site is not None else None
        found = site.links_in.get(src) if site is not None and body is not None and engine_markdown(body) == markdown else None
        targets, by_src = [], files.src_uris  # link_path normalises as get_file_from_path would, at a fraction of its cost
        for raw, _ in found if found is not None else find_links(src, markdown):
            target = link_path(page.file.src_uri, raw)
            linked = by_src.get(target) if target else None
            targets.append(f"{raw} -> {linked.url if linked else 'missing'}")
        sources = [f"{s.id}|{s.publisher}" for s in article.further_reading]
        return [("markdown", markdown), ("src", page.file.src_uri), ("url", page.url), ("targets", "\n".join(targets)),
                ("sources", "\n".join(sources)), ("environment", self.environment)]

    def content(self, html: str, page: Page, files: Files) -> str:
        key, collector, hit = self.pending.pop(page.file.src_uri, (None, None, None))
        if key is None:
            return html
        if hit is not None:
            page.toc = get_toc(hit.toc)
            page.present_anchor_ids = set(hit.anchors)
            by_src = files.src_uris  # the stored keys are src_uris already: no path to normalise
            page.links_to_anchors = {f: anchors for src, anchors in hit.anchor_links.items() if (f := by_src.get(src)) is not None}
            for level, name, message in hit.logs:
                logging.getLogger(name).log(level, message)
            return hit.html
        assert collector is not None
        logging.getLogger(ENGINE).removeHandler(collector)
        self.cache.put(key, Rendered(
            html, [toc_token(link) for link in page.toc], sorted(page.present_anchor_ids or ()),
            {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}, collector.records))
        return html

    def report(self) -> None:
        self.articles.report.count(markdown_reused=self.hits)
        log.debug(f"rendered Markdown: {self.hits} from the cache, {self.misses} converted")


def _nothing(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` for a page without Markdown: what converting it gives, without a converter."""
    page.content, page.toc, page.present_anchor_ids, page.links_to_anchors = "", get_toc([]), set(), {}


def _from_cache(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` for a page whose HTML is in the cache: nothing to convert; `content` brings it back."""
    page.content = ""


def toc_token(link: AnchorLink) -> dict[str, Any]:
    return {"level": link.level, "id": link.id, "name": link.title, "children": [toc_token(c) for c in link.children]}


def environment(config: MkDocsConfig) -> str:
    """The Markdown extensions, their options, link validation and every renderer's version, as one string."""
    extensions = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}" for e in config.markdown_extensions]
    versions = {}
    for dist in RENDERERS:
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    return json.dumps(plain({"extensions": extensions, "options": config.mdx_configs, "validation": config.validation,
                              "use_directory_urls": config.use_directory_urls, "versions": versions, "code": code_digest()}),
                      sort_keys=True)



def plain(value: Any) -> Any:
    """Configuration as JSON that is the same in every process: functions by name, never by address."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!s}" if "0x" not in str(value) else type(value).__qualname__
