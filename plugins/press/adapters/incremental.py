"""``press/incremental``: everything that lets a build reuse earlier work, as one plugin.

Three parts, each in its own module, all reading the one store of ``press/articles``
(``cache_dir``) and, under ``serve``, the one state object (``serve_state.STATE``):

- `RenderReuse` (``render_cache.py``): an unchanged article's Markdown is not converted again;
- `PageReuse` (``page_cache.py``): a page whose template context is unchanged is not rendered again;
- `PreviewPlan` (``preview.py``): after an edit in the live preview, only the pages that show
  something of it are rendered again;
- `FastRender` (``fast_render.py``): an edit to an article's prose is shown before that rebuild.

This module only routes MkDocs' events to them, in the order each needs.
"""

from __future__ import annotations

from typing import Any, Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .fast_render import FAST
from .page_cache import PageReuse
from .preview import PreviewPlan
from .render_cache import RenderReuse


class IncrementalPlugin(BasePlugin):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preview = PreviewPlan()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview.start(dirty)

    def on_config(self, config: MkDocsConfig) -> None:
        self.render = RenderReuse(config)
        self.pages = PageReuse(config)
        self.preview.configure(config)

    # Last: the preview's plan needs what every plugin's on_files and on_nav computed; MkDocs reads pages right after.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        self.pages.nav = FAST.nav = nav
        self.preview.plan(nav, config, files)

    # Last: the page wrapper must be what MkDocs gets for every page.
    @event_priority(-100)
    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.preview.keep_templates(env)
        FAST.env, self.files = self.pages.wrap(env), files
        return FAST.env

    # Last: the render key must cover the Markdown exactly as the engine will convert it.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.render.markdown(markdown, page, files)

    # First: every other plugin's on_page_content sees the restored page.
    @event_priority(100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.render.content(html, page, files)

    # Last: the page fingerprint must cover what every other plugin put in the context.
    @event_priority(-100)
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        return self.pages.context(context, page, config)

    # Last: only a build whose every step succeeded is one the next preview build may start from.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.render.report()
        self.pages.report()
        self.preview.finish(config)
        if self.preview.dirty:
            FAST.keep(config, self.files)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[[], None]) -> Any:
        return FAST.attach(server, config) if self.preview.dirty else server

    def on_shutdown(self) -> None:
        FAST.detach()
