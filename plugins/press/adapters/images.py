"""``press/images``: width and height on every content image, WebP variants in ``srcset``, lazy loading.

A thin adapter over ``press.core.features.images`` (measure and encode, cached by content
hash) and ``press.core.features.img_tags`` (rewrite ``<img>`` tags of rendered pages). The
hero and card images our templates draw get the same data through ``press``.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.features.images import ResponsiveImage, is_raster, unreadable
from ..core.incremental.memos import cached_image
from ..core.features.img_tags import SIZES, rewrite_images
from .articles import articles_plugin
from .placing import Placed
from .reporting import fail_on

log = get_plugin_logger(__name__)
VARIANTS = "assets/images/"


class ImagesPlugin(BasePlugin):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> None:
        self.cache = articles_plugin(config, "press/images").cache
        self.images: dict[str, ResponsiveImage] = {}

    # After press/articles (50) moved articles, before plugins that add their own generated images.
    @event_priority(10)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.images = {}
        self.placed = Placed()
        rasters = [f for f in files if not f.is_documentation_page() and not f.generated_by and is_raster(f.src_uri)]
        errors = unreadable((f.src_uri, f.content_bytes) for f in rasters)
        fail_on(errors, config, log)
        encoded, added = 0, set()
        for file in rasters:
            image, count = cached_image(file.dest_uri, file.content_bytes, self.cache, VARIANTS)
            encoded += count
            self.images[file.dest_uri] = image
            for variant in image.variants:
                if variant.path not in added:
                    self.placed.add(variant.path, variant.cache_file, files, config)
                    added.add(variant.path)
        variants = sum(len(image.variants) for image in self.images.values())
        articles_plugin(config, "press/images").report.count(variants_encoded=encoded, variants_reused=variants - encoded)
        log.debug(f"images: {len(self.images)} measured, {encoded} variants encoded, the rest from the cache")
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.placed.link(config)

    # Before press/feeds (-100) keeps the body for feeds, after the page is rendered.
    @event_priority(-50)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return rewrite_images(html, page.url, self.images)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """``press.images``: size and srcset of the images our templates draw on this page (the hero, the cards),
        by source path; the templates look each one up, so no other plugin's data is changed."""
        press = context.setdefault("press", {})
        items = [press.get("article")] + list((press.get("listing") or {}).get("cards", [])) \
            + list((press.get("reading_list") or {}).get("cards", []))
        relative = lambda path: posixpath.relpath(path, page.url or ".")  # noqa: E731
        press["images"] = {
            src: {"width": image.width, "height": image.height, "sizes": SIZES, "srcset": image.srcset(relative)}
            for item in items if (src := ((item or {}).get("image") or {}).get("src")) and (image := self.images.get(src))}
        return context
