"""Load the whole content of a site in one pass and report every problem together.

This is the one entry point the MkDocs adapter and the ``press`` command share:
both hand it raw bytes, neither parses front matter itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, Sequence

from .content.authors import load_authors
from .content.catalog import Catalog, build_catalog, check_pins, find_duplicates, visible
from .content.checked import CheckedArticle, RawFile
from .content.parallel_checks import check_files
from .content.links import Link, backlinks, check_links
from .features.listings import Page, check_urls, plan_listings
from .content.model import Article, Author
from .content.problems import ContentError
from .features.redirects import Redirect, plan_redirects
from .features.source_library import Publisher, source_library
from .features.reading_lists import ReadingList, load_reading_lists, reading_lists_index
from .content.validate import SiteRules
from .urls import article_publication


@dataclass(frozen=True)
class Options:
    now: dt.datetime
    include_unpublished: bool = False
    per_page: int = 10
    home_count: int = 10
    max_pinned: int = 3  # per publication: pinned articles lead every listing


@dataclass(frozen=True)
class Site:
    catalog: Catalog
    authors: Mapping[str, Author]
    pages: list[Page]
    bodies: Mapping[str, str] = field(repr=False)  # article and reading-list src path -> Markdown body
    hidden: Mapping[str, Article] = field(default_factory=dict)  # src path -> a draft or scheduled article left out of this build
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    reading_lists: tuple[ReadingList, ...] = ()
    backlinks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # article src -> linking article srcs
    links_in: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict, repr=False)  # article src -> find_links of its body
    redirects: tuple[Redirect, ...] = ()  # the redirect_from pages, planned against every page the content makes
    library: tuple[Publisher, ...] = ()  # the source library's publishers: their pages are planned with the content


class Checker(Protocol):
    """What checks article files for `load_site` when earlier results may be reused (``incremental.memos.ArticleMemo``)."""

    def start(self, rules: SiteRules) -> None: ...
    def check_all(self, files: Sequence[tuple[RawFile, str]]) -> list[CheckedArticle]: ...
    def finish(self) -> None: ...


def links_to_hidden(links: Iterable[Link], hidden: Mapping[str, Article]) -> list[ContentError]:
    """A warning for each link to a draft or scheduled article: it is broken in this build, and MkDocs would only
    say the target is "not found among documentation files". A warning, not an error: the target will exist."""
    warnings = []
    for link in links:
        target = hidden.get(link.target)
        if target is None or link.source in hidden:  # a hidden page's links are not published either
            continue
        state = "a draft" if target.draft else f"scheduled for {target.date:%Y-%m-%d %H:%M} (UTC{target.date:%z})"
        warnings.append(ContentError(link.source, link.line, "link", f"links to {link.target}, which is {state}: "
                                     "the link is broken until it is published",
                                     "publish the target first, or link to it once it is out"))
    return warnings


def load_site(articles: Iterable[RawFile], authors_file: RawFile | None, rules: SiteRules, options: Options,
              authored_urls: Mapping[str, str] = {}, reading_lists: Iterable[RawFile] = (), memo: Checker | None = None) -> Site:
    """Parse, validate and index everything; `errors` lists every problem of every file.

    With a ``memo``, unchanged article files are taken from the previous build instead of checked again.
    """
    errors: list[ContentError] = []
    registry: dict[str, Author] | None = None
    if authors_file is None:
        errors.append(ContentError("authors.yml", None, "", "the authors registry is missing",
                                   "create content/authors.yml with an 'authors:' mapping"))
    else:
        registry, author_errors = load_authors(authors_file.path, authors_file.raw, rules.known_files)
        errors += author_errors
    authors = registry or {}
    # Without a registry every article's authors would be "unknown": the registry's own error is the one to fix.
    rules = dataclasses.replace(rules, authors=authors, authors_known=registry is not None)
    valid: list[Article] = []
    bodies: dict[str, str] = {}
    found_links: dict[str, tuple[tuple[str, int], ...]] = {}
    if memo is not None:
        memo.start(rules)
    files: list[tuple[RawFile, str]] = []
    for file in articles:
        publication = article_publication(file.path, rules.publications)
        assert publication is not None, f"{file.path} is not an article"
        files.append((file, publication))
    for (file, _), checked in zip(files, memo.check_all(files) if memo is not None else check_files(files, rules)):
        errors += checked.problems
        if checked.article is not None:
            valid.append(checked.article)
            bodies[file.path] = checked.body(file.raw)
            found_links[file.path] = checked.links
    if memo is not None:
        memo.finish()
    unique, problems = find_duplicates(valid)
    errors += problems
    catalog = build_catalog(visible(unique, options.now, include_unpublished=options.include_unpublished))
    errors += check_pins(catalog.articles, options.max_pinned)
    lists, list_bodies, list_errors, warnings = load_reading_lists(
        [(f.path, f.raw) for f in reading_lists], catalog, {a.src_path: a for a in unique}, rules.publications, authors,
        broken={e.path for e in errors})
    errors += list_errors
    bodies.update(list_bodies)
    links, link_errors = check_links(found_links, rules.known_files)
    errors += link_errors
    hidden = {a.src_path: a for a in valid if a.src_path not in catalog.by_src}
    warnings += links_to_hidden(links, hidden)
    pages = plan_listings(catalog, rules.publications, authors, per_page=options.per_page, home_count=options.home_count)
    pages.append(reading_lists_index(lists))
    errors += check_urls(catalog, pages, authored_urls)
    library = tuple(source_library(catalog))
    redirects, redirect_errors = plan_redirects(catalog.articles, _page_owners(catalog, pages, lists, library, authored_urls))
    errors += redirect_errors
    return Site(catalog, authors, pages, bodies, hidden, sorted(set(errors)), sorted(set(warnings)), tuple(lists),
                backlinks(links, catalog.by_src), found_links, tuple(redirects), library)


def _page_owners(catalog: Catalog, pages: Iterable[Page], lists: Iterable[ReadingList], library: Iterable[Publisher],
                 authored: Mapping[str, str]) -> dict[str, str]:
    """URL -> the file that owns it, for every page the content makes: a redirect may take none of them.

    ``press check`` sees the same collisions as the build, before anything renders.
    """
    owners = dict(authored)
    owners.update({page.url: page.src_uri for page in pages})
    owners.update({reading_list.url: reading_list.src_path for reading_list in lists})
    owners.update({publisher.url: f"the source library ({publisher.name})" for publisher in library})
    owners.update({article.url: article.src_path for article in catalog.articles})
    return owners
