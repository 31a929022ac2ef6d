"""RSS 2.0 and Atom 1.0 feeds for every scope of the site, written with feedgen.

A scope is the site, a publication, a section, a tag, an author or a reading list; each gets
``feed.xml`` (RSS) and ``atom.xml`` (Atom) beside its listing page. Items carry
the full content with every link and image made absolute, the sources and the
call to action as a link (forms do not work in feed readers).

Stability: a feed's dates come from its newest item, never from the clock, so
an unchanged site gives byte-identical feeds; an item's id is a ``tag:`` URI
built from the article's ``id`` when it has one, otherwise from the first URL
the article was published at (the first ``redirect_from`` entry, which a slug
change must add), so a renamed article is not shown to subscribers twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import lxml.html
from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from markupsafe import escape

from .catalog import Catalog
from .listings import author_url, section_url, tag_url
from .model import Article, Author, Cta, Publication
from .reading_lists import ReadingList

FEED_RSS = "feed.xml"
FEED_ATOM = "atom.xml"
GENERATOR = "North River Publications press"
TAG_DATE = "2025"  # when the publisher first minted ids under its domain: never change it, or every id changes


@dataclass(frozen=True)
class FeedSite:
    url: str  # site_url, ending in /
    title: str
    description: str
    language: str = "en"
    icon: str | None = None  # absolute URL


@dataclass(frozen=True)
class FeedScope:
    kind: str  # site | publication | section | tag | author | reading-list
    key: str
    title: str
    description: str
    url: str  # the scope's listing, site-root-relative ("" for the site)
    articles: tuple[Article, ...]

    @property
    def rss_path(self) -> str:
        return f"{self.url}{FEED_RSS}"

    @property
    def atom_path(self) -> str:
        return f"{self.url}{FEED_ATOM}"


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


def feed_scopes(catalog: Catalog, site: FeedSite, publications: Mapping[str, Publication], authors: Mapping[str, Author],
                *, limit: int, now: dt.datetime, reading_lists: Iterable[ReadingList] = ()) -> list[FeedScope]:
    """Every scope with its newest `limit` published articles (drafts and scheduled articles never appear)."""

    def published(articles: Iterable[Article]) -> tuple[Article, ...]:
        return tuple(a for a in articles if not a.draft and not a.is_scheduled(now))[:limit]

    scopes = [FeedScope("site", "", site.title, site.description, "", published(catalog.articles))]
    for pub in publications.values():
        scopes.append(FeedScope("publication", pub.id, pub.title, pub.description or pub.title, f"{pub.id}/",
                                published(catalog.by_publication.get(pub.id, ()))))
        for section in pub.sections:
            scopes.append(FeedScope("section", f"{pub.id}/{section}", f"{pub.title}: {section}", f"{section} from {pub.title}",
                                    section_url(pub.id, section), published(catalog.by_section.get((pub.id, section), ()))))
    for slug in sorted(catalog.by_tag):
        name = catalog.tag_names[slug]
        scopes.append(FeedScope("tag", slug, f"{site.title}: {name}", f"Articles tagged {name}", tag_url(name),
                                published(catalog.by_tag[slug])))
    for author in authors.values():
        scopes.append(FeedScope("author", author.id, f"{author.name} on {site.title}", author.description or author.name,
                                author_url(author.id), published(catalog.by_author.get(author.id, ()))))
    for reading_list in reading_lists:
        scopes.append(FeedScope("reading-list", reading_list.id, f"{reading_list.title} ({site.title})",
                                reading_list.description or reading_list.title, reading_list.url,
                                published(e.article for e in reading_list.entries)))
    return scopes


def item_id(article: Article, site_url: str) -> str:
    """A ``tag:`` URI (RFC 4151) that survives slug, URL and date changes."""
    host = urlsplit(site_url).hostname or "localhost"
    specific = article.id or (article.redirect_from[0] if article.redirect_from else article.url).strip("/")
    return f"tag:{host},{TAG_DATE}:{specific}"


def absolute_html(html: str, base_url: str) -> str:
    """The fragment with every href and src resolved against the article's absolute URL.

    Heading permalinks (the theme's pilcrows) are dropped: feed readers show them as stray characters;
    so are the responsive-image attributes, whose URLs are relative to the page.
    """
    if not html.strip():
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for permalink in fragment.find_class("headerlink"):
        permalink.drop_tree()
    for image in fragment.iter("img"):  # feed readers get the plain image: srcset URLs are page-relative
        for attribute in ("srcset", "sizes", "loading", "decoding"):
            image.attrib.pop(attribute, None)
    fragment.rewrite_links(lambda link: urljoin(base_url, link), resolve_base_href=False)
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment) if len(fragment) else html


def item_content(article: Article, body_html: str, site_url: str, cta: Cta | None) -> str:
    """Full content for feed readers: the hero with its caption and credit, the body (absolute links),
    then sources, then the call to action as a link."""
    url = site_url + article.url
    parts = [absolute_html(body_html, url)]
    if article.image:
        caption = " ".join(escape(t) for t in (article.image_caption, article.image_credit) if t)
        parts.insert(0, f'<figure><img src="{escape(site_url + article.image)}" alt="{escape(article.image_alt or "")}">'
                        + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>")
    if article.further_reading:
        items = "".join(
            f'<li id="source-{escape(s.id)}">{escape(s.publisher)}: <a href="{escape(s.url)}">{escape(s.title)}</a>'
            + (f" ({s.date:%B} {s.date.day}, {s.date.year})" if s.date else "") + "</li>"
            for s in article.further_reading)
        parts.append(f"<h2>Further reading</h2><ol>{items}</ol>")
    if cta is not None:
        parts.append(f'<p><strong>{escape(cta.heading)}</strong>: <a href="{escape(url)}#press-cta-{escape(cta.id)}">'
                     f"sign up on the article's page</a></p>")
    return "\n".join(parts)


def render_feeds(scope: FeedScope, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
                 enclosures: Mapping[str, Enclosure]) -> tuple[bytes, bytes]:
    """(RSS bytes, Atom bytes) of one scope. `contents` maps src_path -> item content HTML."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.load_extension("media", atom=True, rss=False)
    feed_url = site.url + scope.url
    fg.id(feed_url)
    fg.title(scope.title)
    fg.subtitle(scope.description)
    fg.description(scope.description)
    fg.language(site.language)
    fg.generator(GENERATOR)
    if site.icon:
        fg.icon(site.icon)
        fg.logo(site.icon)
        fg.image(url=site.icon, title=scope.title, link=feed_url)
    newest = max((a.last_modified for a in scope.articles), default=None)
    if newest is not None:
        fg.updated(newest)  # also lastBuildDate in RSS
    else:
        fg.updated(dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))  # an empty feed has no date of its own
    for article in scope.articles:
        fg.add_entry(_entry(article, site, authors, contents, enclosures), order="append")
    _links(fg, feed_url, site.url + scope.rss_path, "application/rss+xml")
    rss = fg.rss_str(pretty=True)
    _links(fg, feed_url, site.url + scope.atom_path, "application/atom+xml")
    return rss, fg.atom_str(pretty=True)


def _entry(article: Article, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
           enclosures: Mapping[str, Enclosure]) -> FeedEntry:
    fe = FeedEntry()
    fe.load_extension("dc", atom=False, rss=True)
    fe.load_extension("media", atom=True, rss=False)
    url = site.url + article.url
    fe.id(item_id(article, site.url))
    fe.guid(item_id(article, site.url), permalink=False)
    fe.title(article.title)
    fe.link(href=url, rel="alternate")
    fe.summary(article.description)
    fe.description(article.description)
    fe.content(contents.get(article.src_path, ""), type="html")
    fe.published(article.date)
    fe.updated(article.last_modified)
    for author_id in article.authors:
        author = authors[author_id]
        fe.author({"name": author.name, "uri": site.url + author_url(author_id)})
        fe.dc.dc_creator(author.name)
    for term in ([article.section] if article.section else []) + list(article.tags):
        fe.category(term=term)
    enclosure = enclosures.get(article.src_path)
    if enclosure is not None:
        # RSS gets <enclosure>, Atom gets media:content: feedgen 1.0 writes Atom entry links without
        # their rel, so the enclosure link would read as a second alternate link. Keep only the page link.
        fe.enclosure(enclosure.url, str(enclosure.length), enclosure.type)
        fe.link(href=url, rel="alternate", replace=True)
        fe.media.content({"url": enclosure.url, "fileSize": str(enclosure.length), "type": enclosure.type, "medium": "image"})
    return fe


def _links(fg: FeedGenerator, page_url: str, self_url: str, self_type: str) -> None:
    """The feed's own URL as rel=self (each format points at itself), and the scope's page.

    feedgen takes the RSS <link> from the last link given, so the page comes last.
    """
    fg.link([{"href": self_url, "rel": "self", "type": self_type}, {"href": page_url, "rel": "alternate"}], replace=True)
