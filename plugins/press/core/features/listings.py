"""The publication layer: every listing page of the site, planned from the Catalog.

Listings are cards built from article records (no second Markdown pass), paginated
with stable URLs: ``vera2/``, ``vera2/page/2/``, ``vera2/courts/``, ``tags/<tag>/``,
``authors/<id>/``, ``archive/<year>/``, plus index pages for tags, authors and
years. The cost is linear in articles times the listings each one appears in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from ..content.catalog import Catalog
from ..content.model import Article, Author, Publication
from ..content.problems import ContentError
from ..content.slugs import slugify
from ..urls import archive_url, author_url, listing_page_url, section_url, tag_url

RESERVED_SECTION_SLUGS = frozenset({"page", "posts"})


@dataclass(frozen=True)
class ListingPage:
    """One page of cards. `key` identifies the listing within its kind."""

    kind: str  # home | publication | section | tag | author | year
    key: str
    title: str
    description: str
    src_uri: str
    url: str
    number: int
    page_urls: tuple[str, ...]
    articles: tuple[Article, ...]
    publication: str | None = None

    @property
    def listing_title(self) -> str:
        """The whole listing's title, the same on each of its pages: `title` names the page ("Courts (page 2)")."""
        return self.title.removesuffix(page_suffix(self.number))

    @property
    def total(self) -> int:
        return len(self.page_urls)


def page_window(number: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers a listing page links to: the first, the last and `around` either side of `number`.

    None stands for the pages left out between two shown ones, never for a single page (that page is
    shown instead). Linking every page made each page of a 7,000-article publication carry 350 links
    (12 KB), and the site grow with the square of its size; newer/older links reach every page.
    """
    shown = sorted({1, total, *range(max(1, number - around), min(total, number + around) + 1)})
    window: list[int | None] = []
    previous = 0
    for n in shown:
        if n - previous == 2:
            window.append(n - 1)
        elif n - previous > 2:
            window.append(None)
        window.append(n)
        previous = n
    return window


@dataclass(frozen=True)
class IndexEntry:
    label: str
    url: str
    count: int
    description: str = ""


@dataclass(frozen=True)
class IndexPage:
    """A page listing other listings (all tags, all authors, all years)."""

    kind: str  # tags | authors | archive
    title: str
    description: str
    src_uri: str
    url: str
    entries: tuple[IndexEntry, ...]


Page = ListingPage | IndexPage


def check_publications(publications: Mapping[str, Publication]) -> list[str]:
    """Configuration mistakes that would make two listings share a URL."""
    problems = []
    for pub in publications.values():
        seen: dict[str, str] = {}
        for section in pub.sections:
            slug = slugify(section)
            if not slug or slug in RESERVED_SECTION_SLUGS or slug.isdigit():
                problems.append(f"publication {pub.id!r}: section {section!r} cannot be used as a URL (/{pub.id}/{slug}/)")
            elif slug in seen:
                problems.append(f"publication {pub.id!r}: sections {seen[slug]!r} and {section!r} share the URL /{pub.id}/{slug}/")
            seen[slug] = section
        for section, _ in pub.section_descriptions:
            if section not in pub.sections:
                problems.append(f"publication {pub.id!r}: section_descriptions: {section!r} is not one of its sections")
    return problems


def plan_listings(catalog: Catalog, publications: Mapping[str, Publication], authors: Mapping[str, Author],
                  *, per_page: int, home_count: int) -> list[Page]:
    """Every listing and index page of the site, in a stable order."""
    pages: list[Page] = [_single("home", "", "Latest", "", "", _pinned_first(catalog.articles)[:home_count])]
    for pub in publications.values():
        described = dict(pub.section_descriptions)
        pub_articles = _pinned_first(catalog.by_publication.get(pub.id, ()))
        pages += _paginate("publication", pub.id, pub.title, pub.description, f"{pub.id}/", pub_articles, per_page, pub.id)
        for section in pub.sections:
            articles = _pinned_first(catalog.by_section.get((pub.id, section), ()))
            pages += _paginate("section", f"{pub.id}/{section}", section, described.get(section, f"{section} from {pub.title}"),
                               section_url(pub.id, section), articles, per_page, pub.id)
    for slug in sorted(catalog.by_tag):
        name = catalog.tag_names[slug]
        pages += _paginate("tag", slug, f"Tagged: {name}", f"Articles tagged {name}", tag_url(name), catalog.by_tag[slug], per_page)
    for author in authors.values():
        pages += _paginate("author", author.id, author.name, author.description, author_url(author.id),
                           catalog.by_author.get(author.id, ()), per_page)
    for year in sorted(catalog.by_year, reverse=True):
        pages += _paginate("year", str(year), f"Archive: {year}", f"Articles published in {year}", archive_url(year),
                           catalog.by_year[year], per_page)
    pages.append(IndexPage("tags", "Tags", "Every topic covered", "tags/index.md", "tags/", tuple(
        IndexEntry(catalog.tag_names[slug], tag_url(catalog.tag_names[slug]), len(catalog.by_tag[slug]))
        for slug in sorted(catalog.by_tag, key=lambda s: (catalog.tag_names[s].lower(), s)))))
    pages.append(IndexPage("authors", "Authors", "The writers of North River Publications", "authors/index.md", "authors/", tuple(
        IndexEntry(a.name, author_url(a.id), len(catalog.by_author.get(a.id, ())), a.description) for a in authors.values())))
    pages.append(IndexPage("archive", "Archive", "Everything published, by year", "archive/index.md", "archive/", tuple(
        IndexEntry(str(year), archive_url(year), len(catalog.by_year[year])) for year in sorted(catalog.by_year, reverse=True))))
    return pages


def check_urls(catalog: Catalog, pages: Iterable[Page], authored: Mapping[str, str]) -> list[ContentError]:
    """One registry of output URLs: an article may not take a listing's URL or an authored page's."""
    owners: dict[str, str] = {url: src for url, src in authored.items()}
    errors = []
    for page in pages:
        owners.setdefault(page.url, page.src_uri)
    for article in catalog.articles:
        other = owners.get(article.url)
        if other is not None and other != article.src_path:
            errors.append(ContentError(article.src_path, None, "slug", f"its URL /{article.url} is already taken by {other}",
                                       "give the article another slug:"))
    return errors


def _pinned_first(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Pinned articles lead a publication's listings; the sort is stable, so the rest stay newest first."""
    return tuple(sorted(articles, key=lambda a: not a.pin))


def page_suffix(number: int) -> str:
    """What a listing page's title adds to the listing's: nothing on the first page."""
    return f" (page {number})" if number > 1 else ""


def _single(kind: str, key: str, title: str, description: str, url: str, articles: tuple[Article, ...]) -> ListingPage:
    return ListingPage(kind, key, title, description, f"{url}index.md", url, 1, (url,), articles)


def _paginate(kind: str, key: str, title: str, description: str, url: str, articles: tuple[Article, ...],
              per_page: int, publication: str | None = None) -> list[ListingPage]:
    count = max(1, -(-len(articles) // per_page))
    urls = tuple(listing_page_url(url, n) for n in range(1, count + 1))
    return [
        ListingPage(kind, key, title + page_suffix(n), description, f"{urls[n - 1]}index.md", urls[n - 1],
                    n, urls, articles[(n - 1) * per_page : n * per_page], publication)
        for n in range(1, count + 1)
    ]
