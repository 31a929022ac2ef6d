"""``press/articles``: validate every article, then serve the publication layer.

A thin adapter: it hands raw file bytes to ``press.core.site.load_site`` once per
build, moves each article to its dated URL with its front matter already parsed,
adds the generated listing pages, and gives templates plain data under ``press``.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markdown import Markdown
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from ..core.features.listings import IndexPage, ListingPage, check_publications
from ..core.content.authors import bio_markdown
from ..core.features.ctas import check_ctas, confirmation_pages
from ..core.features.signup_forms import resolve_cta
from ..core.content.model import ConnectBlock, Cta, Publication, Source
from ..core.content.problems import ContentError
from ..core.features.reading_lists import ReadingList, is_reading_list
from ..core.incremental.memos import ArticleMemo
from ..core.incremental.store import Store
from ..core.features.self_links import UrlUse, dead_self_links
from ..core.features.share import DEFAULT_MASTODON_SHARE, check_share_page
from ..core.incremental.digest import code_digest
from ..core.site import Options, RawFile, Site, load_site
from ..core.content.validate import LATEST_YEAR_AHEAD, SiteRules
from ..core.urls import OutputRefused, Outputs
from ..core.views import (CONFIRMATION_TITLE, ViewContext, article_view, confirmation_view, index_view, listing_view,
                          page_title, reading_list_view, site_view)
from ..mdx.citations import CitationsExtension
from ..mdx.safe_links import SafeLinksExtension
from . import material_markup
from .compact_templates import compact_templates
from .pages_ahead import PagesAhead
from .template_lookups import cache_templates_in_a_dict, look_up_dict_keys_first, split_url_paths_once
from .reporting import docs_prefix, fail_on, log_errors, warn_on
from .serve_state import STATE
from ..core.urls import READING_LISTS_FOLDER, SOURCES_FOLDER, article_publication, page_file, section_url, source_anchor
from .summary import BuildReport, NoProgress, Progress

log = get_plugin_logger(__name__)

ICONS = "assets/press-icons.svg"
HIDE = ("navigation", "toc")  # Material's `hide` front matter, for every page
LIBRARY_PLUGIN = "press/crosslinks"  # makes the source library (/sources/), which articles link to
IN_NAV_KINDS = frozenset({"home", "publication", "section", "tags", "authors", "archive", "reading-lists"})


class PublicationConfig(base.Config):
    title = c.Type(str)
    description = c.Type(str, default="")
    sections = c.ListOfItems(c.Type(str), default=[])
    section_required = c.Type(bool, default=False)
    cta = c.Optional(c.Type(str))
    connect_off = c.ListOfItems(c.Type(str), default=[])
    card_byline = c.Type(bool, default=True)
    section_descriptions = c.DictOfItems(c.Type(str), default={})  # section -> one line under its listing's heading
    author = c.Optional(c.Type(str))  # an author id from authors.yml: the publication is that author's blog


class CtaConfig(base.Config):
    """A call to action; what is left out is filled by its provider's preset or the generic defaults
    (``press.core.features.signup_forms``), which also report what contradicts the preset."""

    heading = c.Type(str)
    text = c.Type(str, default="")
    provider = c.Optional(c.Type(str))  # buttondown | kit | mailchimp
    username = c.Optional(c.Type(str))  # buttondown
    form_id = c.Optional(c.Type(str))  # kit
    server = c.Optional(c.Type(str))  # mailchimp, with u and id
    u = c.Optional(c.Type(str))
    id = c.Optional(c.Type(str))
    action = c.Optional(c.Type(str))
    method = c.Optional(c.Choice(("post", "get")))
    button = c.Type(str, default="Subscribe")
    email_label = c.Type(str, default="Email address")
    email_field = c.Optional(c.Type(str))
    consent = c.Type(str, default="")
    hidden = c.DictOfItems(c.Type(str), default={})
    honeypot_field = c.Optional(c.Type(str))
    source_field = c.Optional(c.Type(str))
    return_field = c.Optional(c.Type(str))  # a hidden field with the confirmation page's URL, for providers that take one
    confirmation = c.Type(str, default="")  # the confirmation page's text; "" for the default


class ConnectConfig(base.Config):
    heading = c.Type(str)
    text = c.Type(str, default="")
    url = c.Type(str)
    label = c.Type(str)


class ShareConfig(base.Config):
    enabled = c.Type(bool, default=True)  # the share links under each article
    mastodon = c.Type(str, default=DEFAULT_MASTODON_SHARE)  # a share page that takes ?text= and asks for the reader's instance


class ArticlesConfig(base.Config):
    publications = c.DictOfItems(c.SubConfig(PublicationConfig))
    ctas = c.DictOfItems(c.SubConfig(CtaConfig), default={})
    connect = c.DictOfItems(c.SubConfig(ConnectConfig), default={})
    connect_heading = c.Optional(c.Type(str))  # the heading over the promos; default "Connect with <site_name>"
    share = c.SubConfig(ShareConfig)
    timezone = c.Type(str, default="UTC")
    authors_file = c.Type(str, default="authors.yml")
    per_page = c.Type(int, default=10)
    home_count = c.Type(int, default=10)
    max_pinned = c.Type(int, default=3)  # per publication; more would push every new article off its front page
    # Drafts and scheduled articles: shown (and marked) under `mkdocs serve`, left out of builds.
    show_unpublished = c.Optional(c.Type(bool))
    cache_dir = c.Type(str, default=".cache/press")  # relative to mkdocs.yml: every press plugin keeps its cache there


class ArticlesPlugin(BasePlugin[ArticlesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.progress: Progress = NoProgress()  # `press build` on a terminal sets its own (building.py)
        self.pages_ahead = PagesAhead()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = None
        self.report = BuildReport(self.progress)  # what this build did: every press plugin counts into it
        # The one registry of this build's output paths: every press plugin writes through it.
        self.outputs = Outputs(Path(config.site_dir))
        self.pages_by_src: dict[str, ListingPage | IndexPage] = {}
        self.lists_by_src: dict[str, ReadingList] = {}
        self.problems: list[str] = []  # content problems shown on every page of the live preview
        base_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.cache = Store(base_dir / self.config.cache_dir)  # the one store of every press cache
        # The header's icons, drawn once (overrides/assets/press-icons.svg); claimed with the theme's other static templates.
        config.theme.static_templates.add(ICONS)
        if not config.use_directory_urls:
            raise PluginError("press/articles: use_directory_urls must stay true: articles and listings live at folder URLs")
        try:
            self.timezone = ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PluginError(f"press/articles: timezone: unknown time zone {self.config.timezone!r}; use a name like America/New_York")
        if not self.config.publications:
            raise PluginError("press/articles: publications: configure at least one publication (id: {title: ..., sections: [...]})")
        if self.config.per_page < 1 or self.config.home_count < 1:
            raise PluginError("press/articles: per_page and home_count must be at least 1")
        if self.config.max_pinned < 0:
            raise PluginError("press/articles: max_pinned must be 0 or more")
        self.publications = {
            pub_id: Publication(pub_id, pub.title, pub.description, tuple(pub.sections), pub.section_required,
                                pub.cta, tuple(pub.connect_off), pub.card_byline,
                                tuple(pub.section_descriptions.items()), pub.author)
            for pub_id, pub in self.config.publications.items()
        }
        resolved = {cta_id: resolve_cta(cta_id, dict(cta)) for cta_id, cta in self.config.ctas.items()}
        self.ctas: dict[str, Cta] = {cta_id: cta for cta_id, (cta, _) in resolved.items()}
        self.connect = {key: ConnectBlock(key, b.heading, b.text, b.url, b.label) for key, b in self.config.connect.items()}
        share_problem = check_share_page(self.config.share.mastodon)
        problems = check_publications(self.publications) + [p for _, found in resolved.values() for p in found]
        if problems := (problems + check_ctas(self.ctas.keys(), self.connect, self.publications)
                        + ([share_problem] if share_problem else [])):
            raise PluginError("press/articles: " + "; ".join(problems))
        self.confirmations = {page.src_uri: page for page in confirmation_pages(self.ctas, self.publications)}
        self.current_sources: dict[str, Source] = {}
        config.markdown_extensions.append(CitationsExtension(lambda: self.current_sources))
        config.markdown_extensions.append(SafeLinksExtension())  # pages, bios and reading lists: no javascript: links
        self.generated_nav = config.nav is None
        if self.generated_nav:
            config.nav = self._nav(LIBRARY_PLUGIN in config.plugins)
        return config

    def _nav(self, library: bool) -> list[Any]:
        """Publications and sections, never articles: a nav of every article costs quadratic time.

        `library`: the site has the source library of press/crosslinks. Titles are escaped here: Material prints
        nav titles as HTML, and these come from mkdocs.yml as text.
        """
        nav: list[Any] = [{"Home": "index.md"}]
        for pub in self.publications.values():
            nav.append({escape(pub.title): [f"{pub.id}/index.md"]
                        + [{escape(s): f"{section_url(pub.id, s)}index.md"} for s in pub.sections]})
        nav += [{"Reading lists": f"{READING_LISTS_FOLDER}/index.md"}]
        if library:
            nav += [{"Sources": f"{SOURCES_FOLDER}/index.md"}]
        return nav + [{"Authors": "authors/index.md"}, {"Tags": "tags/index.md"}, {"Archive": "archive/index.md"}]

    # Runs before the default priority so other plugins (search, ours) see articles at their final URLs.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with self.report.step("content"):
            return self._files(files, config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        pubs = self.publications
        articles = [f for f in files if article_publication(f.src_uri, pubs)]
        lists = [f for f in files if is_reading_list(f.src_uri)]
        authors_file = files.get_file_from_path(self.config.authors_file)
        options = self.options()
        files, refused = contained_files(files, config.docs_dir)
        site = self.load(files, options, refused)
        warn_on(site.warnings, config, log)
        if self.serving and site.errors:
            # The live preview stays up: the broken files are left out and every page lists the problems.
            self.problems = log_errors(site.errors, config, log)
        else:
            fail_on(site.errors, config, log)
        for pub in pubs.values():
            if pub.author and pub.author not in site.authors:
                raise PluginError(f"press/articles: publications.{pub.id}.author: unknown author {pub.author!r} "
                                  f"(known: {', '.join(sorted(site.authors))}; authors are defined in {self.config.authors_file})")
        self.site = site
        self.report.unpublished(site.hidden.values(), options.now, self.timezone)
        self.view_context = ViewContext(pubs, site.authors, options.now, config.site_url or "", self.ctas, self.connect,
                                        _render_bios(site, config), source_library=LIBRARY_PLUGIN in config.plugins,
                                        mastodon_share=self.config.share.mastodon if self.config.share.enabled else None)
        moved = {f.src_uri: self._article_file(f, site, config) for f in articles if f.src_uri in site.catalog.by_src}
        moved |= {f.src_uri: _without_front_matter(f, site) for f in lists if f.src_uri in site.bodies}
        self.lists_by_src = {r.src_path: r for r in site.reading_lists}
        content_srcs = {f.src_uri for f in articles + lists}  # left out unless valid (and shown, for articles)
        kept = [moved.get(f.src_uri, f) for f in files
                if f is not authors_file and (f.src_uri not in content_srcs or f.src_uri in moved)]
        _articles_in_url_order(kept, site)
        for page in site.pages:
            self.pages_by_src[page.src_uri] = page
            if page.src_uri not in files.src_uris:
                inclusion = InclusionLevel.UNDEFINED if _in_nav(page) else InclusionLevel.NOT_IN_NAV
                kept.append(File.generated(config, page.src_uri, content=_intro(page, site), inclusion=inclusion))
        taken = [f"{docs_prefix(config)}/{src}: takes the URL /{c.url} of the confirmation page of call to action {c.cta.id!r}; "
                 "move the file: the provider sends new subscribers to that page"
                 for src, c in self.confirmations.items() if src in files.src_uris]
        if taken:
            raise PluginError("press/articles: " + "; ".join(taken))
        kept += [File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV) for src in self.confirmations]
        return Files(kept)

    def options(self) -> Options:
        """This build's date and what it shows; call after on_config."""
        return Options(get_build_datetime(), self._show_unpublished(), self.config.per_page, self.config.home_count,
                       self.config.max_pinned)

    def load(self, files: Files, options: Options, refused: list[ContentError] = []) -> Site:
        """Every article, reading list and author, with every problem as data: never raises for content.

        The build (on_files) and ``press check`` both call it, so they report the same problems;
        `refused` are the problems of files left out before (`contained_files`).
        """
        pubs = self.publications
        articles = [f for f in files if article_publication(f.src_uri, pubs)]
        lists = [f for f in files if is_reading_list(f.src_uri)]
        authors_file = files.get_file_from_path(self.config.authors_file)
        authored = {f.url: f.src_uri for f in files.documentation_pages() if not article_publication(f.src_uri, pubs)}
        rules = SiteRules(pubs, {}, self.timezone, frozenset(files.src_uris), frozenset(self.ctas), latest_year=options.now.year + LATEST_YEAR_AHEAD)
        memo = self._memo()
        site = load_site(
            [RawFile(f.src_uri, f.content_bytes) for f in articles],
            RawFile(authors_file.src_uri, authors_file.content_bytes) if authors_file else None,
            rules, options, authored, [RawFile(f.src_uri, f.content_bytes) for f in lists], memo=memo,
        )
        if not self.serving:  # the live preview keeps its memo in memory
            memo.save(self.cache)
        return dataclasses.replace(site, errors=sorted(site.errors + refused)) if refused else site

    def _memo(self) -> ArticleMemo:
        """The checked articles of the last build: from this process under `serve`, else from the cache folder."""
        version = code_digest()
        if not self.serving:
            return ArticleMemo.load(self.cache, version)
        if STATE.articles is None or STATE.articles.version != version:
            STATE.articles = ArticleMemo.load(self.cache, version)
        return STATE.articles

    def _show_unpublished(self) -> bool:
        return self.serving if self.config.show_unpublished is None else self.config.show_unpublished

    def _article_file(self, file: File, site: Site, config: MkDocsConfig) -> File:
        """The article at its dated URL, its Markdown without the front matter the core already parsed."""
        article = site.catalog.by_src[file.src_uri]
        return _without_front_matter(file, site, dest_uri=page_file(article.url))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        article = self.site.catalog.by_src.get(page.file.src_uri)
        listing = self.pages_by_src.get(page.file.src_uri)
        reading_list = self.lists_by_src.get(page.file.src_uri)
        # Material prints page.meta.title and .description as HTML: hand it escaped text.
        self.current_sources = {s.id: s for s in article.further_reading} if article else {}
        if article is not None:
            page.meta = {"title": escape(article.title), "description": escape(article.description)}
        elif reading_list is not None:
            page.meta = {"title": escape(reading_list.title), "description": escape(reading_list.description)}
        elif listing is not None:
            page.meta.setdefault("title", escape(listing.title))
            page.meta.setdefault("description", escape(listing.description))
        elif page.file.src_uri in self.confirmations:
            # Only the provider links here: kept out of search engines (main.html) and the sitemap.
            page.meta = {"title": escape(CONFIRMATION_TITLE), "robots": "noindex",
                         "description": escape(self.confirmations[page.file.src_uri].cta.heading)}
        # A publication, not documentation: navigation lives in the header (and the phone's drawer), no page
        # gets the documentation sidebar or the table-of-contents rail; a page's own `hide:` still wins.
        page.meta.setdefault("hide", list(HIDE))
        return markdown

    # Last of every on_nav: what MkDocs does next is read and convert every page.
    @event_priority(-200)
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.report.start("markdown", len(files.documentation_pages()))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Declare the anchors our templates add, so MkDocs validates links to them (chips, other pages)."""
        assert self.site is not None
        article = self.site.catalog.by_src.get(page.file.src_uri)
        self.report.count(markdown=1, markdown_articles=article is not None)
        self.report.advance()
        if article is not None and article.further_reading and page.present_anchor_ids is not None:
            page.present_anchor_ids |= {"further-reading"} | {source_anchor(s.id) for s in article.further_reading}
        return html

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        assert self.site is not None
        press = context.setdefault("press", {})
        press["problems"] = self.problems
        press["site"] = site_view(config.site_name, self.publications, self.config.connect_heading)
        article = self.site.catalog.by_src.get(page.file.src_uri)
        listing = self.pages_by_src.get(page.file.src_uri)
        pubs = self.publications
        heading, publication = str(page.title or ""), None
        if article is not None:
            press["article"] = article_view(article, self.view_context)
            heading, publication = article.title, pubs[article.publication].title
            if article.canonical_url:  # first published elsewhere: Material's canonical link points there
                page.canonical_url = article.canonical_url
        elif isinstance(listing, ListingPage):
            press["listing"] = listing_view(listing, self.view_context)
            heading = None if listing.kind == "home" else listing.title
            if listing.kind != "publication" and listing.publication in pubs:
                publication = pubs[listing.publication].title
        elif isinstance(listing, IndexPage):
            press["index"] = index_view(listing)
            heading = listing.title
        elif page.file.src_uri in self.lists_by_src:
            press["reading_list"] = reading_list_view(self.lists_by_src[page.file.src_uri], self.view_context)
            heading = self.lists_by_src[page.file.src_uri].title
        elif (confirmation := self.confirmations.get(page.file.src_uri)) is not None:
            press["confirmation"] = confirmation_view(confirmation, self.view_context)
            heading = CONFIRMATION_TITLE
            publication = pubs[confirmation.publication].title if confirmation.publication else None
        press["title"] = page_title(config.site_name, heading, publication)
        return context


    # First of every plugin's on_env: every file of the build is known (each plugin's on_files has run) and
    # nothing is written yet; feeds, redirects and the search index claim their paths after this.
    @event_priority(100)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        compact_templates(env)  # before any plugin loads a template
        look_up_dict_keys_first(env)
        cache_templates_in_a_dict(env)
        split_url_paths_once(env)
        self.report.start("rendering", len(files.documentation_pages()))  # every page converted: templates come next
        refused, targets = [], {}
        for file in sorted(files, key=lambda f: f.dest_uri):
            try:
                targets[file.dest_uri] = self.outputs.claim(
                    file.dest_uri, file.src_uri if not file.generated_by else f"{file.generated_by} ({file.src_uri})")
            except OutputRefused as exc:
                refused.append(f"{exc.path}: {exc.message}")
        for name in config.theme.static_templates:
            try:
                self.outputs.claim(name, "the theme")
            except OutputRefused as exc:
                refused.append(f"{exc.path}: {exc.message}")
        if refused:
            for line in refused:
                log.error(f"output {line}")
            raise PluginError(f"press/articles: {len(refused)} output paths refused; nothing was written")
        if not self.serving:  # a live-preview rebuild takes tenths of a second: a process start would not pay
            self.pages_ahead.start(targets[f.dest_uri] for f in files.documentation_pages())
        return env

    def on_template_context(self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        """The 404 page, rendered without a page, gets the site's footer and a title of its own."""
        if template_name == "404.html":
            press = context.setdefault("press", {})
            press["site"] = site_view(config.site_name, self.publications, self.config.connect_heading)
            press["title"] = page_title(config.site_name, "Page not found")
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.report.count(pages=1)
        self.report.advance()
        return material_markup.repair(output)

    # First of every on_post_build: every page is written; feeds and the search index are steps of their own.
    @event_priority(100)
    def _finish_report(self, *, config: MkDocsConfig) -> None:
        self.pages_ahead.finish()
        self.report.finish()

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's pages rendered without a page (404.html) get the same repairs."""
        return material_markup.repair(output_content) if template_name.endswith(".html") else output_content


    # Last of all post-build steps, so the feeds and the search index other plugins write there are in the site.
    @event_priority(-200)
    def _check_self_links(self, *, config: MkDocsConfig) -> None:
        """Every absolute link to the site itself (article bodies, authors.yml) names a page the build wrote."""
        assert self.site is not None
        uses = [UrlUse(src, line, "link", raw) for src, found in sorted(self.site.links_in.items()) for raw, line in found]
        registry = os.path.join(config.docs_dir, self.config.authors_file)
        lines = open(registry, encoding="utf-8").read().splitlines() if os.path.isfile(registry) else []
        for author in self.site.authors.values():
            start = next((n for n, text in enumerate(lines) if text.strip() == f"{author.id}:"), 0)
            for link in author.links:
                line = next((n for n, text in enumerate(lines[start:], start=start + 1) if link.url in text), None)
                uses.append(UrlUse(self.config.authors_file, line, f"authors.{author.id}.links.{link.label}", link.url))
        errors = dead_self_links(uses, config.site_url or "", lambda path: os.path.isfile(os.path.join(config.site_dir, path)))
        if self.serving:
            warn_on(errors, config, log)  # the live preview stays up
        else:
            fail_on(errors, config, log)

    # After every other post-build step, whose cache entries (feeds, search) are written too: the next
    # build, or another process, finds every entry on disk.
    @event_priority(-1000)
    def _flush_cache(self, *, config: MkDocsConfig) -> None:
        self._flush()

    on_post_build = CombinedEvent(_finish_report, _check_self_links, _flush_cache)

    def on_build_error(self, *, error: Exception) -> None:
        self.pages_ahead.stop()
        self._flush()  # what a failed build rendered is still valid for the next one

    def on_shutdown(self) -> None:
        """Ctrl-C skips on_build_error: the helper must not make folders in a staging folder being removed."""
        self.pages_ahead.stop()

    def _flush(self) -> None:
        store: Store | None = getattr(self, "cache", None)
        for path, exc in store.flush() if store is not None else ():
            log.warning(f"press: could not keep the cache entry {path} ({exc.strerror or exc}); the next build computes it again")


def _articles_in_url_order(files: list[File], site: Site) -> None:
    """Put the articles, in the places they hold among the files, in the order of their output paths.

    MkDocs renders pages in the order of the files. In output path order, the search index's shards
    (planned in that order) are complete one after another while MkDocs renders, and each is indexed
    on the other core as soon as its last page is written (press/search).
    """
    places = [i for i, f in enumerate(files) if f.src_uri in site.catalog.by_src]
    for i, f in zip(places, sorted((files[i] for i in places), key=lambda f: f.dest_uri)):
        files[i] = f


def articles_plugin(config: MkDocsConfig, name: str) -> ArticlesPlugin:
    """The press/articles instance a dependent plugin reads the Catalog from; it must come first."""
    articles = config.plugins.get("press/articles")
    if not isinstance(articles, ArticlesPlugin):
        raise PluginError(f"{name}: add press/articles before {name} under plugins in mkdocs.yml")
    return articles


def contained_files(files: Files, docs_dir: str) -> tuple[Files, list[ContentError]]:
    """`files` without the content files that are links leading out of the docs folder, and a problem for each.

    Git stores symbolic links, so one commit can add ``content/env.txt -> /proc/self/environ``; MkDocs
    follows links and would publish what they point at (a CI job's secrets). Nothing of such a file is read.
    """
    root = os.path.realpath(docs_dir)
    linked: dict[str, bool] = {os.path.normpath(docs_dir): False}  # folder -> whether it or a parent is a link

    def through_link(folder: str) -> bool:  # one lstat per folder, not a realpath per file
        if folder not in linked:
            parent = os.path.dirname(folder)
            linked[folder] = os.path.islink(folder) or (parent != folder and through_link(parent))
        return linked[folder]

    kept, refused = [], []
    docs = os.path.normpath(docs_dir)
    for file in files:
        if file.abs_src_path and file.src_dir and os.path.normpath(file.src_dir) == docs:
            path = os.path.normpath(file.abs_src_path)
            real = os.path.realpath(path) if os.path.islink(path) or through_link(os.path.dirname(path)) else root
            if os.path.commonpath([root, real]) != root:
                refused.append(ContentError(file.src_uri, None, "", f"is a link to {real}, outside the docs folder",
                                            "replace the link with the file itself: nothing is read through a link that leaves content/"))
                continue
        kept.append(file)
    return (Files(kept), refused) if refused else (files, refused)


def _without_front_matter(file: File, site: Site, dest_uri: str | None = None) -> File:
    """A copy of a content file whose Markdown is the body the core already parsed (front matter removed)."""
    copy = File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=dest_uri,
                inclusion=InclusionLevel.NOT_IN_NAV)
    # MkDocs reads metadata from the top of a page's Markdown: a body starting with "Note: ..." would lose that
    # line as MultiMarkdown metadata, one starting with a "---" rule its first section as YAML. A blank line first
    # tells MkDocs there is none; it drops that line and hands plugins the body (see `engine_markdown`).
    copy.content_string = "\n" + site.bodies[file.src_uri]
    return copy


def engine_markdown(body: str) -> str:
    """The Markdown MkDocs hands plugins for a body after `_without_front_matter` (``mkdocs.utils.meta.get_data``)."""
    return body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n")


def _render_bios(site: Site, config: MkDocsConfig) -> dict[str, str]:
    """Each author's Markdown bio as HTML, once per build, with the site's Markdown extensions."""
    md = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return {author.id: md.reset().convert(bio_markdown(author)) for author in site.authors.values() if author.bio}


def _intro(page: ListingPage | IndexPage, site: Site) -> str:
    """The Markdown of a generated page: an author's bio on their first page, else nothing."""
    if isinstance(page, ListingPage) and page.kind == "author" and page.number == 1:
        return bio_markdown(site.authors[page.key])
    return ""


def _in_nav(page: ListingPage | IndexPage) -> bool:
    return page.kind in IN_NAV_KINDS and (not isinstance(page, ListingPage) or page.number == 1)
