"""``press/crosslinks``: related articles, backlinks, reading-list and series navigation,
the source library and redirects.

Everything is computed once per build from the Catalog of ``press/articles``
(inverted indexes, no all-pairs loop) and handed to templates as plain data.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..core.incremental.digest import code_digest
from ..core.features.redirects import redirect_view
from ..core.incremental.memos import RelatedMemo
from ..core.features.reading_lists import memberships
from ..core.site import Site
from ..core.features.source_library import Publisher
from ..core.urls import OutputRefused
from ..core.features.dates import date_view
from ..core.views import article_card
from .articles import articles_plugin
from .serve_state import STATE
from ..core.urls import SOURCES_FOLDER

log = get_plugin_logger(__name__)
REDIRECT_TEMPLATE = "fragments/press/redirect.html"


class CrosslinksConfig(base.Config):
    related_limit = c.Type(int, default=4)
    other_limit = c.Type(int, default=3)  # related articles from the other publication
    threshold = c.Type(float, default=2.0)  # below this score nothing is shown


class CrosslinksPlugin(BasePlugin[CrosslinksConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/crosslinks")
        self.articles = articles
        self.library_pages: dict[str, Publisher | None] = {}  # src_uri -> publisher (None: the index)

    # After press/articles (priority 50) has built the Catalog.
    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        site = self._site()
        memo = STATE.related if self.articles.serving else RelatedMemo()
        self.related = memo.related(site.catalog, limit=self.config.related_limit, other_limit=self.config.other_limit,
                                    threshold=self.config.threshold, version=code_digest(),
                                    store=self.articles.cache)
        self.memberships = memberships(site.reading_lists)
        self.library = list(site.library)  # computed once, with the content (the redirects are planned against it)
        self.library_pages = {f"{SOURCES_FOLDER}/index.md": None} | {f"{p.url}index.md": p for p in self.library}
        for src, publisher in self.library_pages.items():
            if src not in files.src_uris:
                files.append(File.generated(config, src, content="",
                                            inclusion=InclusionLevel.UNDEFINED if publisher is None else InclusionLevel.NOT_IN_NAV))
        self.redirects = site.redirects  # planned with the content, so press check reports their collisions too
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.library_pages:
            publisher = self.library_pages[page.file.src_uri]
            title = f"Sources: {publisher.name}" if publisher else "Sources"
            page.meta.setdefault("title", escape(title))
            page.meta.setdefault("description", escape("Every source our articles cite, by publisher"))
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        site = self._site()
        press = context.setdefault("press", {})
        src = page.file.src_uri
        if src in self.library_pages:
            press["library"] = self._library_view(self.library_pages[src])
        article = site.catalog.by_src.get(src)
        if article is None:
            return context
        ctx = self.articles.view_context
        related = self.related.get(src)
        pubs = self.articles.publications
        press["related"] = [article_card(a, ctx) for a in related.same] if related else []
        others: dict[str, list] = {}
        for other in (related.other if related else ()):
            others.setdefault(other.publication, []).append(article_card(other, ctx))
        press["related_other"] = [{"title": f"Related in {pubs[p].title}", "cards": cards} for p, cards in others.items()]
        press["backlinks"] = [article_card(site.catalog.by_src[s], ctx) for s in site.backlinks.get(src, ())
                              if s in site.catalog.by_src]
        press["lists"] = [self._membership_view(reading_list, position) for reading_list, position in self.memberships.get(src, [])]
        return context

    def _membership_view(self, reading_list: Any, position: int) -> dict[str, Any]:
        entries = reading_list.entries
        link = lambda i: {"title": entries[i].article.title, "url": entries[i].article.url} if 0 <= i < len(entries) else None  # noqa: E731
        return {"title": reading_list.title, "url": reading_list.url, "ordered": reading_list.ordered,
                "part": f"Part {position + 1} of {len(entries)}", "previous": link(position - 1), "next": link(position + 1)}

    def _library_view(self, publisher: Publisher | None) -> dict[str, Any]:
        if publisher is None:
            return {"kind": "index", "publishers": [
                {"name": p.name, "url": p.url, "sources": len(p.sources), "citations": p.citations} for p in self.library]}
        return {"kind": "publisher", "name": publisher.name, "sources": [{
            "title": s.title, "url": s.url, "date": date_view(s.date) if s.date else None,
            "articles": [{"title": a.title, "url": a.url, "date": date_view(a.date)} for a in s.articles],
        } for s in publisher.sources]}

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.env = env  # the theme's environment: the redirect page is a template like every other page

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_url = self.articles.view_context.site_url
        template = self.env.get_template(REDIRECT_TEMPLATE)
        language = config.theme.get("language") or "en"
        for redirect in self.redirects:
            html = template.render(redirect_view(redirect, site_url, language))
            try:
                self.articles.outputs.write(redirect.output_path, html.encode("utf-8"), f"the redirect_from of {redirect.article.src_path}")
            except OutputRefused as exc:
                raise PluginError(f"press/crosslinks: {exc}")

    def _site(self) -> Site:
        assert self.articles.site is not None, "press/articles has not loaded the content yet"
        return self.articles.site


