"""``press/social``: social cards, logos, Open Graph and Twitter tags, JSON-LD, robots.txt, sitemap dates,
news sitemaps, the 404 page.

A thin adapter over ``press.core.features.cards``, ``press.core.features.structured_data`` and
``press.core.features.wayfinding``. Once per build, from the Catalog of ``press/articles``,
it makes sure every card is in the cache (drawing only new ones) and adds each to
the site as a generated file; then it hands templates plain data: ``press.social``
on every page, ``press.lastmod`` to ``sitemap.xml`` and ``press.not_found`` to
``404.html`` (theme templates rendered without a page, through
``on_template_context``). Missing cards are drawn beside the build (``card_drawing``) and
linked into the site once the pages are written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core.features import cards
from ..core.incremental import memos
from ..core.features.listings import IndexPage, ListingPage
from ..core.features.news_sitemap import news_path, news_sitemap, recent
from ..core.features.logos import LOGO_SIZE, logo_path, logo_png
from ..core.content.model import Article
from ..core.content.problems import ContentError
from ..core.site import Site
from ..core.features.structured_data import (SCHEMA_TYPES, CardImage, SiteInfo, article_json_ld, article_meta,
                                             collection_json_ld, home_json_ld, profile_json_ld, script_json, website_meta)
from ..core.features.wayfinding import not_found_view, robots_txt, sitemap_dates
from ..core.urls import card_path
from .articles import articles_plugin
from .card_drawing import CardDrawing
from .placing import Placed
from .reporting import warn_on

log = get_plugin_logger(__name__)

# JSON-LD types of the two publications unless mkdocs.yml says otherwise; any other publication: Article.
DEFAULT_SCHEMA_TYPES = {"dispatch": "BlogPosting", "vera2": "NewsArticle"}


class SocialConfig(base.Config):
    color = c.Type(str, default="#263238")  # cards of pages outside a publication and of publications without a colour
    colors = c.DictOfItems(c.Type(str), default={})  # publication id -> "#rrggbb"
    schema_types = c.DictOfItems(c.Choice(SCHEMA_TYPES), default={})  # publication id -> JSON-LD @type of its articles
    logo = c.Optional(c.Type(str))  # the publisher logo in JSON-LD: a path in the site or a URL; default: theme logo, else one drawn
    not_found_count = c.Type(int, default=8)  # latest articles listed on the 404 page
    news_sitemaps = c.ListOfItems(c.Type(str), default=[])  # publication ids that get a Google News sitemap


class SocialPlugin(BasePlugin[SocialConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/social")
        if not config.site_url:
            raise PluginError("press/social: set site_url in mkdocs.yml: link previews need absolute URLs")
        self.articles = articles
        known = sorted(articles.publications)
        for pub_id in self.config.news_sitemaps:
            if pub_id not in articles.publications:
                raise PluginError(f"press/social: news_sitemaps: {pub_id}: unknown publication (known: {', '.join(known)})")
        for option in ("colors", "schema_types"):
            for pub_id in self.config[option]:
                if pub_id not in articles.publications:
                    raise PluginError(f"press/social: {option}.{pub_id}: unknown publication (known: {', '.join(known)})")
        for name, value in [("color", self.config.color)] + [(f"colors.{k}", v) for k, v in self.config.colors.items()]:
            if not cards.is_color(value):
                raise PluginError(f"press/social: {name}: expected a colour like #1f3a7a, got {value!r}")
        if self.config.not_found_count < 0:
            raise PluginError("press/social: not_found_count must be 0 or more")
        self.schema_types = DEFAULT_SCHEMA_TYPES | dict(self.config.schema_types)
        self.cache = articles.cache
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        # A logo for the site ("") and each publication, in its colour, for feeds and JSON-LD.
        self.logo_files = {key: logo_png(name, self._color(key or None))
                           for key, name in [("", config.site_name)] + [(p.id, p.title) for p in articles.publications.values()]}
        self.logos = {key: site_url + logo_path(key or "site", png) for key, png in self.logo_files.items()}
        given = _logo(self.config.logo, config, site_url)
        self.site_info = SiteInfo(site_url, config.site_name, config.site_description or "", config.theme.get("language") or "en",
                                  given or self.logos[""], None if given else LOGO_SIZE)
        self.cards: dict[str, CardImage] = {}  # page src_uri -> its card

    # After press/articles (priority 50) has built the Catalog and planned the listing pages.
    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with self.articles.report.step("cards"):
            return self._files(files, config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        """Every card in the cache (drawing only the missing ones) and in the site; robots.txt unless authored."""
        site = self._site()
        self.cards = {}
        self.site_card: CardImage | None = None  # the home page's, for pages without a card of their own
        self.added: set[str] = set()
        self.placed = Placed()
        host = urlsplit(self.site_info.url).hostname or self.site_info.name
        article_specs = {a.src_path: self._article_spec(a, site, files) for a in site.catalog.articles}
        listing_specs = {
            page.src_uri: cards.listing_spec(page, self.articles.publications, self.site_info.name,
                                             self.site_info.description, host, self._color(page.publication))
            for page in self.articles.pages_by_src.values()
            # later pages of a listing share its first page's card: half as many cards to draw
            if isinstance(page, ListingPage) and page.kind in cards.CARD_KINDS and page.number == 1
        }
        if getattr(self, "drawing", None) is not None:
            self.drawing.close()  # the live preview's previous build, if it stopped before its post_build
        self.drawing = CardDrawing(self.cache, list(article_specs.values()) + list(listing_specs.values()))
        self.with_background = {cards.card_key(spec): article.src_path for article in site.catalog.articles
                                if (spec := article_specs[article.src_path]).background is not None}
        for article in site.catalog.articles:
            self.cards[article.src_path] = self._card(article_specs[article.src_path], files, config)
        first_pages: dict[tuple[str, str], CardImage] = {}
        for page in self.articles.pages_by_src.values():
            if isinstance(page, ListingPage) and page.src_uri in listing_specs:
                self.cards[page.src_uri] = first_pages[(page.kind, page.key)] = self._card(listing_specs[page.src_uri], files, config)
                if page.kind == "home":
                    self.site_card = self.cards[page.src_uri]
        for page in self.articles.pages_by_src.values():
            if isinstance(page, ListingPage) and page.number > 1 and (page.kind, page.key) in first_pages:
                self.cards[page.src_uri] = first_pages[(page.kind, page.key)]
        for key, png in self.logo_files.items():
            files.append(File.generated(config, logo_path(key or "site", png), content=png))
        sitemaps = []
        for pub_id in self.config.news_sitemaps:
            publication = self.articles.publications[pub_id]
            fresh = recent(site.catalog.by_publication.get(pub_id, ()), self.articles.view_context.now)
            if fresh:  # the schema wants one <url> at least; robots.txt names only a sitemap that exists
                content = news_sitemap(fresh, publication, self.site_info.url, self.site_info.language)
                files.append(File.generated(config, news_path(publication), content=content))
                sitemaps.append(news_path(publication))
        if files.get_file_from_path("robots.txt") is None:  # an authored robots.txt wins
            files.append(File.generated(config, "robots.txt", content=robots_txt(self.site_info.url, sitemaps)))
        return files

    def _article_spec(self, article: Article, site: Site, files: Files) -> cards.CardSpec:
        image = files.get_file_from_path(article.image) if article.image else None
        return cards.article_spec(article, self.articles.publications[article.publication], site.authors,
                                  self._color(article.publication), image.content_bytes if image else None)

    def _card(self, spec: cards.CardSpec, files: Files, config: MkDocsConfig) -> CardImage:
        """The card's image, added to the site once however many pages share it (linked when it is drawn)."""
        key = cards.card_key(spec)
        path = card_path(key)
        if path not in self.added:
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"press/social: {path} is already a file of the site: social cards are written there")
            self.placed.add(path, memos.card_file(self.cache, key), files, config)
            self.added.add(path)
        return CardImage(self.site_info.url + path, spec.alt)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.placed.link(config, skip={card_path(key) for key in self.drawing.pending})

    # After the feeds and the search index (-100), before press/articles' report (-200): the workers draw meanwhile.
    @event_priority(-150)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        pending = self.drawing.pending
        with self.articles.report.step("cards", len(pending)):
            drawn = self.drawing.finish(self.articles.report.advance)
        self.placed.link(config, only={card_path(key) for key in pending})
        self.articles.report.count(cards_drawn=drawn, cards_reused=len(self.added) - drawn)
        log.debug(f"social cards: {len(self.added)} in the site, {drawn} drawn, the others from the cache")
        problems = []
        for key, src_path in sorted(self.with_background.items(), key=lambda item: item[1]):
            if (reason := memos.card_problem(self.cache, key)) is not None:
                article = self._site().catalog.by_src[src_path]
                problems.append(ContentError(src_path, None, "image", f"{article.image} {reason}; the social card is drawn without it",
                                             "save the image as PNG, JPEG or WebP"))
        warn_on(problems, config, log)

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "drawing", None) is not None:
            self.drawing.close()

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        site = self._site()
        src = page.file.src_uri
        article = site.catalog.by_src.get(src)
        press = context.setdefault("press", {})
        press["brand"] = self._brand(article.publication if article else self._listing_publication(src))
        card = self.cards.get(src) or self.site_card
        if card is None:
            return context
        if article is not None:
            pub = self.articles.publications[article.publication]
            hero = self.site_info.url + article.image if article.image else None
            documents = article_json_ld(article, schema_type=self.schema_types.get(article.publication, "Article"),
                                        site=self.site_info, publication=pub, authors=site.authors, card=card, hero_url=hero)
            press["social"] = {"meta": article_meta(article, self.site_info, card), "json_ld": [script_json(d) for d in documents]}
        else:
            title, description, url = self._describe(page)
            press["social"] = {"meta": website_meta(title, description, url, self.site_info, card),
                               "json_ld": [script_json(d) for d in self._page_json_ld(page, url)]}
        return context

    def _page_json_ld(self, page: Page, url: str) -> list[dict[str, Any]]:
        """The home page's WebSite, a listing's CollectionPage, an author page's ProfilePage; none for other pages."""
        listing = self.articles.pages_by_src.get(page.file.src_uri)
        if isinstance(listing, ListingPage):
            items = [self.site_info.url + a.url for a in listing.articles]
            if listing.kind == "home" and listing.number == 1:
                return home_json_ld(self.site_info)
            author = self._site().authors.get(listing.key) if listing.kind == "author" else None
            if author is not None:
                avatar = author.avatar and (author.avatar if urlsplit(author.avatar).scheme else self.site_info.url + author.avatar)
                return profile_json_ld(author, url, avatar or None, items, self.site_info)
            return collection_json_ld(listing.title, listing.description, url, items, self.site_info)
        if isinstance(listing, IndexPage):
            items = [self.site_info.url + e.url for e in listing.entries]
            return collection_json_ld(listing.title, listing.description, url, items, self.site_info)
        return []

    def _describe(self, page: Page) -> tuple[str, str, str]:
        """Title, description and absolute URL of a page that is not an article."""
        listing = self.articles.pages_by_src.get(page.file.src_uri)
        if isinstance(listing, ListingPage) and listing.kind == "home":
            return self.site_info.name, self.site_info.description, self.site_info.url
        if isinstance(listing, (ListingPage, IndexPage)):
            return listing.title, listing.description, self.site_info.url + listing.url
        # page.meta holds escaped Markup for Material (see press/articles): the meta tags escape once more themselves.
        title, description = page.title or self.site_info.name, page.meta.get("description") or ""
        return _text(title), _text(description), self.site_info.url + page.url

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        """The templates rendered without a page: the sitemap gets article dates, the 404 page its links."""
        if template_name == "sitemap.xml":
            context.setdefault("press", {})["lastmod"] = sitemap_dates(self._site().catalog)
        elif template_name == "404.html":
            context.setdefault("press", {})["not_found"] = not_found_view(
                self._site().catalog, self.articles.publications, self.articles.view_context.now, self.config.not_found_count)
        return context

    def _listing_publication(self, src_uri: str) -> str | None:
        """The publication whose header a listing or a call to action's confirmation page wears."""
        listing = self.articles.pages_by_src.get(src_uri)
        if src_uri in self.articles.confirmations:
            return self.articles.confirmations[src_uri].publication
        return listing.publication if isinstance(listing, ListingPage) else None

    def _brand(self, publication: str | None) -> dict[str, str]:
        """The header's identity on a page: its publication's name and card colour, else the site's."""
        pub = self.articles.publications.get(publication or "")
        return {"id": pub.id if pub else "", "name": pub.title if pub else self.site_info.name,
                "color": self._color(publication)}

    def _color(self, publication: str | None) -> str:
        return self.config.colors.get(publication or "", self.config.color)

    def _site(self) -> Site:
        assert self.articles.site is not None, "press/articles has not loaded the content yet"
        return self.articles.site


def _text(value: object) -> str:
    return value.unescape() if isinstance(value, Markup) else str(value)


def social_logos(config: MkDocsConfig) -> dict[str, str]:
    """The absolute logo URL of the site ("") and of each publication (by id) that press/social draws; {} without it."""
    social = config.plugins.get("press/social")
    return dict(social.logos) if isinstance(social, SocialPlugin) else {}


def _logo(option: str | None, config: MkDocsConfig, site_url: str) -> str | None:
    """The publisher logo's absolute URL given by the option or the theme's logo; None for the one drawn."""
    logo = option or config.theme.get("logo")
    if not logo:
        return None
    return logo if urlsplit(logo).scheme in ("http", "https") else site_url + logo.lstrip("/")
