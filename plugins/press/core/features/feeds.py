"""RSS 2.0 and Atom 1.0 feeds (written with feedgen) and JSON Feed 1.1 for every scope of the site.

A scope is the site, a publication, a section, a tag, an author or a reading list; each gets
``feed.xml`` (RSS), ``atom.xml`` (Atom) and ``feed.json`` (JSON Feed) beside its listing page. Items carry
the full content with every link and image made absolute, the sources and the
call to action as a link (forms do not work in feed readers).

Stability: a feed's dates come from its newest item, never from the clock, so
an unchanged site gives byte-identical feeds; an item's id is a ``tag:`` URI
built from the article's ``id`` when it has one, otherwise from the first URL
the article was published at (the first ``redirect_from`` entry, which a slug
change must add), so a renamed article is not shown to subscribers twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ..content.catalog import Catalog
from ..urls import FEED_ATOM, FEED_EMAIL, FEED_JSON, FEED_RSS, author_url, section_url, source_anchor, tag_url
from .logos import LOGO_SIZE
from ..content.model import Article, Author, Cta, Publication
from .reading_lists import ReadingList
from .dates import date_view

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "North River Publications press"
ATOM_NS = "http://www.w3.org/2005/Atom"
TAG_DATE = "2025"  # when the publisher first minted ids under its domain: never change it, or every id changes


@dataclass(frozen=True)
class FeedSite:
    url: str  # site_url, ending in /
    title: str
    description: str
    language: str = "en"
    icon: str | None = None  # absolute URL
    hub: str | None = None  # a WebSub hub every feed names, so readers hear of a change at once


@dataclass(frozen=True)
class FeedScope:
    kind: str  # site | publication | section | tag | author | reading-list
    key: str
    title: str
    description: str
    url: str  # the scope's listing, site-root-relative ("" for the site)
    articles: tuple[Article, ...]
    publication: str | None = None  # the publication a publication or section scope belongs to
    full: bool = True  # items carry the whole article; False: title, dek and link only (a publisher's choice per kind)

    @property
    def rss_path(self) -> str:
        return f"{self.url}{FEED_RSS}"

    @property
    def atom_path(self) -> str:
        return f"{self.url}{FEED_ATOM}"

    @property
    def json_path(self) -> str:
        return f"{self.url}{FEED_JSON}"

    @property
    def email_path(self) -> str:
        """A publication's feed for its mailing-list provider (`render_email_feed`)."""
        return f"{self.url}{FEED_EMAIL}"


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


SCOPE_KINDS = ("site", "publication", "section", "tag", "author", "reading-list")


@dataclass(frozen=True)
class ScopeRule:
    """How many items a kind of feed carries, and whether with the whole article: 300 tag feeds of
    20 full articles are most of a large site's feed bytes, so a publisher may make them shorter."""

    limit: int
    full: bool = True


def feed_scopes(catalog: Catalog, site: FeedSite, publications: Mapping[str, Publication], authors: Mapping[str, Author],
                *, limit: int, now: dt.datetime, reading_lists: Iterable[ReadingList] = (),
                rules: Mapping[str, ScopeRule] | None = None) -> list[FeedScope]:
    """Every scope with its newest published articles, `limit` of them unless `rules` names its kind
    (drafts and scheduled articles never appear)."""
    rules = rules or {}

    def published(articles: Iterable[Article], kind: str) -> tuple[Article, ...]:
        cap = rules[kind].limit if kind in rules else limit
        out: list[Article] = []
        for article in articles:  # newest first: stop at the cap instead of filtering all 10,000
            if len(out) == cap:
                break
            if article.is_published(now):
                out.append(article)
        return tuple(out)

    scopes = [FeedScope("site", "", site.title, site.description, "", published(catalog.articles, "site"))]
    for pub in publications.values():
        scopes.append(FeedScope("publication", pub.id, pub.title, pub.description or pub.title, f"{pub.id}/",
                                published(catalog.by_publication.get(pub.id, ()), "publication"), pub.id))
        for section in pub.sections:
            scopes.append(FeedScope("section", f"{pub.id}/{section}", f"{pub.title}: {section}", f"{section} from {pub.title}",
                                    section_url(pub.id, section),
                                    published(catalog.by_section.get((pub.id, section), ()), "section"), pub.id))
    for slug in sorted(catalog.by_tag):
        name = catalog.tag_names[slug]
        scopes.append(FeedScope("tag", slug, f"{site.title}: {name}", f"Articles tagged {name}", tag_url(name),
                                published(catalog.by_tag[slug], "tag")))
    for author in authors.values():
        scopes.append(FeedScope("author", author.id, f"{author.name} on {site.title}", author.description or author.name,
                                author_url(author.id), published(catalog.by_author.get(author.id, ()), "author")))
    for reading_list in reading_lists:
        scopes.append(FeedScope("reading-list", reading_list.id, f"{reading_list.title} ({site.title})",
                                reading_list.description or reading_list.title, reading_list.url,
                                published((e.article for e in reading_list.entries), "reading-list")))
    return [dataclasses.replace(scope, full=rules[scope.kind].full) if scope.kind in rules else scope for scope in scopes]


def item_id(article: Article, site_url: str) -> str:
    """A ``tag:`` URI (RFC 4151) that survives slug, URL and date changes."""
    host = urlsplit(site_url).hostname or "localhost"
    specific = article.id or (article.redirect_from[0] if article.redirect_from else article.url).strip("/")
    return f"tag:{host},{TAG_DATE}:{specific}"


def absolute_html(html: str, base_url: str) -> str:
    """The fragment as feed readers should get it, every href and src resolved against the article's URL.

    Heading permalinks (the theme's pilcrows) are dropped: feed readers show them as stray characters;
    so are the responsive-image attributes, whose URLs are relative to the page. Citation chips become
    plain linked text, "(Reuters, AP News)": readers drop the stylesheet that hides a chip's
    screen-reader text, which would otherwise show as "Sources: Reuters, AP News Reuters +1".
    """
    if not html.strip():
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for permalink in fragment.find_class("headerlink"):
        permalink.drop_tree()
    for chip in fragment.find_class("press-cite"):
        _plain_chip(chip)
    for image in fragment.iter("img"):  # feed readers get the plain image: srcset URLs are page-relative
        for attribute in ("srcset", "sizes", "loading", "decoding"):
            image.attrib.pop(attribute, None)
    fragment.rewrite_links(lambda link: urljoin(base_url, link), resolve_base_href=False)
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment) if len(fragment) else html


def _plain_chip(chip: lxml.html.HtmlElement) -> None:
    """``<a class="press-cite" data-sources="A, B">...</a>`` becomes ``(<a href=...>A, B</a>)``."""
    names, href = chip.get("data-sources", ""), chip.get("href", "")
    for child in list(chip):
        chip.remove(child)  # drop_tree would hand each child's tail to the chip's text
    chip.attrib.clear()
    chip.set("href", href)
    chip.text = names
    previous = chip.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + "("
    else:
        parent = chip.getparent()
        parent.text = (parent.text or "") + "("
    chip.tail = ")" + (chip.tail or "")


def item_view(article: Article, body_html: str, site_url: str, cta: Cta | None,
              hero: Enclosure | None) -> dict[str, Any]:
    """What the feed item template shows: the hero, the corrections, the body with absolute links,
    the sources, and the call to action as a link (forms do not work in feed readers)."""
    url = site_url + article.url
    return {
        "url": url,
        "hero": {"src": hero.url, "alt": article.image_alt or "", "caption": article.image_caption,
                 "credit": article.image_credit} if hero else None,
        "corrections": [{"date": date_view(c.date), "text": c.text}
                        for c in sorted(article.corrections, key=lambda c: (c.date, c.text), reverse=True)],
        "body": absolute_html(body_html, url),
        "sources": [{"anchor": source_anchor(s.id), "publisher": s.publisher, "title": s.title, "url": s.url,
                     "date": date_view(s.date) if s.date else None} for s in article.further_reading],
        "cta": {"heading": cta.heading, "url": f"{url}#press-cta-{cta.id}"} if cta else None,
    }


def render_feeds(scope: FeedScope, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
                 enclosures: Mapping[str, Enclosure], logo: str | None = None) -> tuple[bytes, bytes]:
    """(RSS bytes, Atom bytes) of one scope. `contents` maps src_path -> item content HTML; `logo` is the
    absolute URL of the scope's LOGO_SIZE-pixel square logo (the site's favicon stands in without one)."""
    fg = _generator(scope, site, authors, _contents(scope, site, contents), enclosures, logo)
    rss = _rss(fg, scope, site, scope.rss_path)
    fg.subtitle(scope.description)
    _links(fg, site.url + scope.url, site.url + scope.atom_path, "application/atom+xml", site.hub)
    return rss, fg.atom_str(pretty=True)


def render_email_feed(scope: FeedScope, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
                      enclosures: Mapping[str, Enclosure], logo: str | None = None) -> bytes:
    """RSS 2.0 of one publication for its mailing-list provider's RSS-to-email: the items of its RSS feed with
    `contents` made for email (`email_html`), its own URL as rel=self. Always the whole article, even where the
    publication's other feeds carry summaries: the email is what subscribers read."""
    return _rss(_generator(scope, site, authors, contents, enclosures, logo), scope, site, scope.email_path)


def _rss(fg: FeedGenerator, scope: FeedScope, site: FeedSite, path: str) -> bytes:
    # RSS <description> is HTML to its readers: the text goes in escaped, so "<b>" and "&amp;" read as typed.
    # feedgen writes it from the Atom subtitle, which is plain text: each format gets its own before it is written.
    fg.subtitle(html.escape(scope.description, quote=False))
    _links(fg, site.url + scope.url, site.url + path, "application/rss+xml")
    rss = fg.rss_str(pretty=True)
    return _hex_ampersands(_with_hub(rss, site.hub) if site.hub else rss)


def _generator(scope: FeedScope, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
               enclosures: Mapping[str, Enclosure], logo: str | None) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.load_extension("media", atom=True, rss=False)
    feed_url = site.url + scope.url
    fg.id(feed_url)
    fg.title(scope.title)
    fg.language(site.language)
    fg.generator(GENERATOR)
    if site.icon or logo:
        fg.icon(site.icon or logo)
        fg.logo(logo or site.icon)
        size = {"width": str(LOGO_SIZE), "height": str(LOGO_SIZE)} if logo else {}
        fg.image(url=logo or site.icon, title=scope.title, link=feed_url, **size)
    newest = max((a.last_modified for a in scope.articles), default=None)
    if newest is not None:
        fg.updated(newest)  # also lastBuildDate in RSS
    else:
        fg.updated(dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))  # an empty feed has no date of its own
    for article in scope.articles:
        fg.add_entry(_entry(article, site, authors, contents, enclosures), order="append")
    return fg


def _contents(scope: FeedScope, site: FeedSite, contents: Mapping[str, str]) -> Mapping[str, str]:
    """Item bodies: the article's, or in a summary-only feed its dek and a link to read it on the site."""
    if scope.full:
        return contents
    return {a.src_path: summary_html(a, site.url) for a in scope.articles}


def summary_html(article: Article, site_url: str) -> str:
    """The body of a summary-only item: what a feed reader shows instead of the article."""
    url = html.escape(site_url + article.url, quote=True)
    return (f"<p>{html.escape(article.description, quote=False)}</p>\n"
            f'<p><a href="{url}">Read \u201c{html.escape(article.title, quote=False)}\u201d</a></p>')


def render_json_feed(scope: FeedScope, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
                     enclosures: Mapping[str, Enclosure], logo: str | None = None) -> bytes:
    """JSON Feed 1.1 of one scope: the same items, ids and content as its RSS and Atom feeds."""
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": scope.title,
        "home_page_url": site.url + scope.url,
        "feed_url": site.url + scope.json_path,
        "description": scope.description,
        "language": site.language,
    }
    if logo or site.icon:
        feed["icon"] = logo or site.icon
    if site.icon:
        feed["favicon"] = site.icon
    if site.hub:
        feed["hubs"] = [{"type": "WebSub", "url": site.hub}]
    feed["items"] = [_json_item(article, site, authors, _contents(scope, site, contents), enclosures)
                     for article in scope.articles]
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(article: Article, site: FeedSite, authors: Mapping[str, Author], contents: Mapping[str, str],
               enclosures: Mapping[str, Enclosure]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id(article, site.url),
        "url": site.url + article.url,
        "title": article.title,
        "content_html": contents.get(article.src_path, ""),
        "summary": article.description,
        "date_published": article.date.isoformat(),
        "date_modified": article.last_modified.isoformat(),
        "authors": [{"name": authors[a].name, "url": site.url + author_url(a)} for a in article.authors],
        "tags": ([article.section] if article.section else []) + list(article.tags),
    }
    enclosure = enclosures.get(article.src_path)
    if enclosure is not None:
        item["image"] = enclosure.url
        item["attachments"] = [{"url": enclosure.url, "mime_type": enclosure.type, "size_in_bytes": enclosure.length}]
    return item


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
    fe.summary(article.description)  # Atom: plain text
    fe.description(html.escape(article.description, quote=False))  # RSS: HTML, so escaped (see render_feeds)
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
        # Straight under the entry: a media:group must hold alternatives (two or more), per Media RSS
        # and the W3C validator's MediaGroupWithoutAlternatives.
        fe.media.content({"url": enclosure.url, "fileSize": str(enclosure.length), "type": enclosure.type,
                          "medium": "image"}, group=None)
    return fe


def _hex_ampersands(rss: bytes) -> bytes:
    """The channel description with each ``&`` written ``&#x26;``, the same XML, as the RSS Best Practices
    Profile asks of escaped text: it tells readers and the W3C validator that ``&amp;lt;`` there is text, not markup."""
    start = rss.index(b"<description>") + len(b"<description>")
    end = rss.index(b"</description>", start)
    return rss[:start] + rss[start:end].replace(b"&amp;", b"&#x26;") + rss[end:]


def _with_hub(rss: bytes, hub: str) -> bytes:
    """The RSS feed with ``<atom:link rel="hub">`` after its rel=self link: feedgen writes only that one there."""
    root = etree.fromstring(rss)
    own = root.find(f"channel/{{{ATOM_NS}}}link[@rel='self']")
    link = etree.Element(f"{{{ATOM_NS}}}link", href=hub, rel="hub")
    link.tail = own.tail
    own.addnext(link)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _links(fg: FeedGenerator, page_url: str, self_url: str, self_type: str, hub: str | None = None) -> None:
    """The feed's own URL as rel=self (each format points at itself), the WebSub hub, and the scope's page.

    feedgen takes the RSS <link> from the last link given, so the page comes last.
    """
    hubs = [{"href": hub, "rel": "hub"}] if hub else []
    fg.link([{"href": self_url, "rel": "self", "type": self_type}, *hubs, {"href": page_url, "rel": "alternate"}],
            replace=True)
