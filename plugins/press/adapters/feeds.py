"""``press/feeds``: RSS, Atom and JSON Feed for the site, each publication, section, tag, author and reading list,
and each publication's ``email.xml`` for its mailing-list provider's RSS-to-email.

A thin adapter over ``press.core.features.feeds``: it keeps each article's rendered body,
computes the scopes once from the Catalog of ``press/articles``, writes the three
feeds of every scope after the build, and hands templates the feed links of
each page (autodiscovery and the visible "Subscribe" links). A feed is a pure
function of its scope, its items (with their rendered bodies) and the site's
settings, so one whose inputs are unchanged is written from ``.cache/press/feeds/``.
"""

from __future__ import annotations

import mimetypes
import os
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.features.ctas import cta_for
from ..core.features.email_html import email_html
from ..core.features.feeds import (SCOPE_KINDS, Enclosure, FeedScope, FeedSite, ScopeRule, feed_scopes, item_view,
                                   render_email_feed, render_feeds, render_json_feed)
from ..core.features.listings import ListingPage
from ..core.incremental.page_cache import PageCache, fingerprint
from ..core.urls import OutputRefused
from ..core.site import Site
from .articles import articles_plugin
from .images import ImagesPlugin
from .render_cache import environment
from .serve_state import STATE
from .social import social_logos

log = get_plugin_logger(__name__)

ITEM_TEMPLATE = "fragments/press/feed-item.html"  # the body of a feed item, rendered through the theme env


class ScopeConfig(base.Config):
    limit = c.Optional(c.Type(int))  # items in each feed of this kind; the plugin's `limit` when unset
    content = c.Choice(("full", "summary"), default="full")  # summary: title, dek and link, no article body


class FeedsConfig(base.Config):
    limit = c.Type(int, default=20)  # items per feed
    scopes = c.DictOfItems(c.SubConfig(ScopeConfig), default={})  # per kind of feed: tag: {limit: 10, content: summary}
    websub_hub = c.Optional(c.Type(str))  # a WebSub hub's URL, named in every feed; the deployment pings it


class FeedsPlugin(BasePlugin[FeedsConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/feeds")
        if not config.site_url:
            raise PluginError("press/feeds: set site_url in mkdocs.yml: feeds need absolute links")
        if self.config.limit < 1:
            raise PluginError("press/feeds: limit must be at least 1")
        unknown = sorted(self.config.scopes.keys() - set(SCOPE_KINDS))
        if unknown:
            raise PluginError(f"press/feeds: scopes: {', '.join(unknown)} is not a kind of feed; use "
                              f"{', '.join(SCOPE_KINDS)}")
        for kind, rule in self.config.scopes.items():
            if rule.limit is not None and rule.limit < 1:
                raise PluginError(f"press/feeds: scopes: {kind}: limit must be at least 1, got {rule.limit}")
        self.rules = {kind: ScopeRule(self.config.limit if rule.limit is None else rule.limit, rule.content == "full")
                      for kind, rule in self.config.scopes.items()}
        hub = self.config.websub_hub
        if hub is not None and (urlsplit(hub).scheme != "https" or not urlsplit(hub).netloc):
            raise PluginError(f"press/feeds: websub_hub: expected the hub's absolute https URL, got {hub!r}")
        self.articles = articles
        self.bodies: dict[str, str] = {}
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        favicon = config.theme.get("favicon")
        self.site_info = FeedSite(site_url, config.site_name, config.site_description or config.site_name,
                                  config.theme.get("language") or "en", site_url + favicon if favicon else None, hub)

    # After press/articles (priority 50) has built the Catalog.
    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        site = self._site()
        self.scopes = feed_scopes(site.catalog, self.site_info, self.articles.publications, site.authors,
                                  limit=self.config.limit, now=self.articles.view_context.now, reading_lists=site.reading_lists,
                                  rules=self.rules)
        self.scope_by_key = {(s.kind, s.key): s for s in self.scopes}

    # Last, so the body it keeps for feeds has every change other plugins make to the content.
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self._site().catalog.by_src:
            self.bodies[page.file.src_uri] = html
        return html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.item_template = env.get_template(ITEM_TEMPLATE)
        self.item_template_source = env.loader.get_source(env, ITEM_TEMPLATE)[0]

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        scopes = self._scopes_of(page)
        press = context.setdefault("press", {})
        listing = self.articles.pages_by_src.get(page.file.src_uri)
        is_list = page.file.src_uri in self.articles.lists_by_src
        own = scopes[-1] if scopes and (is_list or isinstance(listing, ListingPage) and listing.kind != "year") else None
        press["feeds"] = [{"title": s.title, "rss": s.rss_path, "atom": s.atom_path, "json": s.json_path, "own": s is own}
                          for s in scopes]
        press["subscribe"] = {"rss": own.rss_path, "atom": own.atom_path, "json": own.json_path} if own else None
        return context

    def _scopes_of(self, page: Page) -> list[FeedScope]:
        """The site feed everywhere, then the feeds of the publication, section, tag or author the page belongs to."""
        site = self._site()
        keys: list[tuple[str, str]] = [("site", "")]
        article = site.catalog.by_src.get(page.file.src_uri)
        listing = self.articles.pages_by_src.get(page.file.src_uri)
        if article is not None:
            keys.append(("publication", article.publication))
            if article.section:
                keys.append(("section", f"{article.publication}/{article.section}"))
        elif page.file.src_uri in self.articles.lists_by_src:
            keys.append(("reading-list", self.articles.lists_by_src[page.file.src_uri].id))
        elif isinstance(listing, ListingPage) and listing.kind in ("publication", "section", "tag", "author"):
            if listing.kind == "section" and listing.publication:
                keys.append(("publication", listing.publication))
            keys.append((listing.kind, listing.key))
        return [self.scope_by_key[k] for k in keys if k in self.scope_by_key]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        with self.articles.report.step("feeds", sum(len(_paths(scope)) for scope in self.scopes)):
            self._write_feeds(config)

    def _write_feeds(self, config: MkDocsConfig) -> None:
        """The three feeds of every scope (and a publication's email feed); a scope whose items and settings are
        unchanged is copied from the cache."""
        site = self._site()
        cache = PageCache(self.articles.cache, "feeds")
        bodies, in_place, known = self.bodies, {}, {}
        if self.articles.serving:
            # The live preview renders only the pages an edit changed (press/incremental): the others keep the
            # body of their last rendering, and the feeds already in the output folder stay when unchanged.
            bodies = STATE.bodies.setdefault(config.site_dir, {})
            bodies.update(self.bodies)
            for gone in bodies.keys() - site.catalog.by_src.keys():
                del bodies[gone]
            in_place = STATE.feeds.setdefault(config.site_dir, {})
            known = STATE.feed_items.setdefault(config.site_dir, {})
            for gone in known.keys() - site.catalog.by_src.keys():
                del known[gone]
        contents: dict[str, str] = {}
        emails: dict[str, str] = {}  # src path -> the item content made for email clients
        sizes = image_sizes(config, self.site_info.url)
        enclosures: dict[str, Enclosure] = {}
        digests: dict[str, str] = {}
        pubs, ctas = self.articles.publications, self.articles.ctas
        logos = social_logos(config)
        common = fingerprint([("environment", environment(config)), ("feedgen", metadata.version("feedgen")),
                              ("template", self.item_template_source), ("logos", repr(sorted(logos.items()))),
                              ("site", repr(self.site_info)), ("authors", repr(sorted(site.authors.items()))),
                              ("publications", repr(sorted(pubs.items()))), ("ctas", repr(sorted(ctas.items()))),
                              ("image sizes", repr(sorted(sizes.items())))])

        def digest(article: Any) -> str:
            src = article.src_path
            if src not in digests:
                if article.image:
                    enclosures[src] = _enclosure(article.image, config, self.site_info.url)
                body, enclosure = bodies.get(src, ""), enclosures.get(src)
                found = known.get(src)  # the live preview's last build: the same record and body need no new digest
                if found is None or found[0] is not article or found[1] is not body or found[2] != enclosure:
                    found = known[src] = (article, body, enclosure, fingerprint([
                        ("article", repr(article)), ("enclosure", repr(enclosure)), ("body", body)]))
                digests[src] = found[3]
            return digests[src]

        outputs = self.articles.outputs
        written = reused = reused_files = 0
        for scope in self.scopes:
            paths = _paths(scope)
            self.articles.report.advance(len(paths))
            key = fingerprint([("common", common),
                               ("scope", repr((scope.kind, scope.key, scope.title, scope.description, scope.url, scope.full))),
                               ("items", " ".join(digest(a) for a in scope.articles))])
            owner = f"the {scope.kind} feed {scope.key!r}" if scope.key else f"the {scope.kind} feed"
            if all(in_place.get(path) == key and (outputs.root / path).is_file() for path in paths):
                try:
                    for path in paths:
                        outputs.claim(path, owner)
                except OutputRefused as exc:
                    raise PluginError(f"press/feeds: {exc}")
                written += len(paths)
                reused += 1
                reused_files += len(paths)
                continue
            stored = [cache.get(path, key) for path in paths]
            if None not in stored:
                feeds = [text.encode("utf-8") for text in stored if text is not None]
                reused += 1
                reused_files += len(paths)
            else:
                for article in scope.articles if scope.full or scope.kind == "publication" else ():  # email: whole
                    if article.src_path not in contents:
                        cta = cta_for(article, pubs[article.publication], ctas)
                        view = item_view(article, bodies.get(article.src_path, ""), self.site_info.url, cta,
                                         enclosures.get(article.src_path))
                        contents[article.src_path] = self.item_template.render(item=view).strip()
                logo = logos.get(scope.publication or "") or logos.get("")
                feeds = [*render_feeds(scope, self.site_info, site.authors, contents, enclosures, logo),
                         render_json_feed(scope, self.site_info, site.authors, contents, enclosures, logo)]
                if scope.kind == "publication":
                    for article in scope.articles:
                        if article.src_path not in emails:
                            emails[article.src_path] = email_html(contents[article.src_path], self.site_info.url + article.url, sizes)
                    feeds.append(render_email_feed(scope, self.site_info, site.authors, emails, enclosures, logo))
                for path, data in zip(paths, feeds):
                    cache.put(path, key, data.decode("utf-8"))
            for path, data in zip(paths, feeds):
                try:
                    outputs.write(path, data, owner)
                except OutputRefused as exc:
                    raise PluginError(f"press/feeds: {exc}")
                written += 1
                in_place[path] = key
        self.articles.report.count(feeds_written=written - reused_files, feeds_unchanged=reused_files)
        log.debug(f"wrote {written} feeds, {reused_files} of them from the cache ({reused} scopes unchanged)")

    def _site(self) -> Site:
        assert self.articles.site is not None, "press/articles has not loaded the content yet"
        return self.articles.site


def _paths(scope: FeedScope) -> tuple[str, ...]:
    """RSS, Atom and JSON Feed of every scope, and a publication's email feed (linked from no page: it is for the
    publisher's mailing-list provider, see README "Newsletter")."""
    email = (scope.email_path,) if scope.kind == "publication" else ()
    return (scope.rss_path, scope.atom_path, scope.json_path, *email)


def image_sizes(config: MkDocsConfig, site_url: str) -> dict[str, tuple[int, int]]:
    """Absolute URL -> intrinsic (width, height) of every content image press/images measured; {} without it."""
    images = config.plugins.get("press/images")
    if not isinstance(images, ImagesPlugin):
        return {}
    return {site_url + path: (image.width, image.height) for path, image in images.images.items()}


def _enclosure(image: str, config: MkDocsConfig, site_url: str) -> Enclosure:
    path = os.path.join(config.docs_dir, image)
    return Enclosure(site_url + image, os.path.getsize(path), mimetypes.guess_type(path)[0] or "application/octet-stream")
