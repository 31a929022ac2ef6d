"""What link previews and search engines read: Open Graph and Twitter tags, and JSON-LD.

`article_meta` and `website_meta` return the page's ``<meta>`` tags as
``(attribute, name, content)`` triples of raw text: the template escapes them.
`article_json_ld` returns the article (``NewsArticle``, ``BlogPosting``...) and
its ``BreadcrumbList`` as plain dicts; `home_json_ld` the ``WebSite`` and its
publisher ``Organization``, `collection_json_ld` a listing's ``CollectionPage``
with its ``ItemList``, `profile_json_ld` an author page's ``ProfilePage`` and
``Person``; each names the page's canonical URL as ``@id`` and ``url``. `script_json` serialises one for a
``<script type="application/ld+json">`` element so that no string in it, however
hostile, can close the element or start markup. Canonical links and
``meta name="description"`` are not here: Material prints them already.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

from ..urls import author_url, section_url
from ..content.model import Article, Author, Publication

SCHEMA_TYPES = ("Article", "NewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle",
                "ReportageNewsArticle", "ReviewNewsArticle")
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}

Meta = tuple[str, str, str]  # ("property" | "name", key, content)


@dataclass(frozen=True)
class SiteInfo:
    url: str  # site_url, ending in /
    name: str
    description: str = ""
    language: str = "en"
    logo: str | None = None  # absolute URL of the publisher's logo
    logo_size: int | None = None  # its width and height in pixels, when known (the drawn logo is square)


@dataclass(frozen=True)
class CardImage:
    url: str  # absolute
    alt: str
    width: int = 1200
    height: int = 630


def script_json(data: Any) -> str:
    """JSON for a script element: ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as ``\\uXXXX``.

    They can only occur inside JSON strings, where the escape means the same character,
    so ``json.loads`` gives back exactly `data`.
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def article_meta(article: Article, site: SiteInfo, card: CardImage) -> list[Meta]:
    """Open Graph (with the ``article:`` properties) and Twitter card tags of an article page;
    og:url is the article's canonical URL (elsewhere for a piece first published there)."""
    url = article.canonical_url or site.url + article.url
    tags: list[Meta] = [
        ("property", "og:type", "article"),
        *_common(article.title, article.description, url, site, card),
        ("property", "article:published_time", article.date.isoformat()),
        ("property", "article:modified_time", article.last_modified.isoformat()),
        *[("property", "article:author", site.url + author_url(a)) for a in article.authors],
    ]
    if article.section:
        tags.append(("property", "article:section", article.section))
    tags += [("property", "article:tag", tag) for tag in article.tags]
    return tags + _twitter(article.title, article.description, card)


def website_meta(title: str, description: str, url: str, site: SiteInfo, card: CardImage) -> list[Meta]:
    """Open Graph and Twitter card tags of any other page (listings, indexes)."""
    description = description or site.description
    return [("property", "og:type", "website"), *_common(title, description, url, site, card)] + _twitter(title, description, card)


def _common(title: str, description: str, url: str, site: SiteInfo, card: CardImage) -> list[Meta]:
    tags: list[Meta] = [("property", "og:title", title)]
    if description:
        tags.append(("property", "og:description", description))
    return tags + [
        ("property", "og:url", url),
        ("property", "og:image", card.url),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(card.width)),
        ("property", "og:image:height", str(card.height)),
        ("property", "og:image:alt", card.alt),
        ("property", "og:site_name", site.name),
    ]


def _twitter(title: str, description: str, card: CardImage) -> list[Meta]:
    """The card type and the image's alt text: X reads the title, description and image from og:title,
    og:description and og:image when its own tags are absent (they were 0.6 KB of every page), but
    documents no such fallback for the alt text."""
    return [("name", "twitter:card", "summary_large_image"), ("name", "twitter:image:alt", card.alt)]


def article_json_ld(article: Article, *, schema_type: str, site: SiteInfo, publication: Publication,
                    authors: Mapping[str, Author], card: CardImage, hero_url: str | None = None) -> list[dict[str, Any]]:
    """The article and its breadcrumb trail, each a complete JSON-LD document; the article is named by its
    canonical URL (elsewhere for a piece first published there), the trail by the pages of this site.

    Only what consumers read, as it is repeated on every article: no ``mainEntityOfPage`` (it would repeat
    ``@id``), authors by name and page (their ``sameAs`` is on that page, `profile_json_ld`), citations
    by name and URL (what the article's further reading shows)."""
    url = article.canonical_url or site.url + article.url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "@id": url,
        "url": url,
        "headline": article.title,
        "description": article.description,
        "image": [{"@type": "ImageObject", "url": card.url, "width": card.width, "height": card.height}]
        + ([_hero(article, hero_url)] if hero_url else []),
        "datePublished": article.date.isoformat(),
        "dateModified": article.last_modified.isoformat(),
        "author": [_person(authors[a], site, links=False) if a in authors else {"@type": "Person", "name": a}
                   for a in article.authors],
        "publisher": _organization(site),
        "isPartOf": {"@type": "Periodical", "name": publication.title, "url": f"{site.url}{publication.id}/"},
        "inLanguage": site.language,
    }
    if article.section:
        data["articleSection"] = article.section
    if article.tags:
        data["keywords"] = list(article.tags)
    if article.further_reading:
        data["citation"] = [{"@type": "CreativeWork", "name": s.title, "url": s.url} for s in article.further_reading]
    if article.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
                              for c in sorted(article.corrections, key=lambda c: c.date)]
    return [data, breadcrumbs(article, site, publication)]


def home_json_ld(site: SiteInfo) -> list[dict[str, Any]]:
    """The home page: the ``WebSite``, published by the ``Organization`` with its logo."""
    website: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebSite", "@id": site.url, "url": site.url,
                               "name": site.name, "inLanguage": site.language, "publisher": {"@id": _org_id(site)}}
    if site.description:
        website["description"] = site.description
    return [website, {"@context": "https://schema.org"} | _organization(site)]


def collection_json_ld(name: str, description: str, url: str, items: list[str],
                       site: SiteInfo) -> list[dict[str, Any]]:
    """A listing or index page: a ``CollectionPage`` whose main entity is the ``ItemList`` of the URLs it shows."""
    page: dict[str, Any] = {"@context": "https://schema.org", "@type": "CollectionPage", "@id": url, "url": url,
                            "name": name, "isPartOf": {"@type": "WebSite", "@id": site.url}, "inLanguage": site.language,
                            "mainEntity": _item_list(items)}
    if description:
        page["description"] = description
    return [page]


def profile_json_ld(author: Author, url: str, avatar: str | None, items: list[str],
                    site: SiteInfo) -> list[dict[str, Any]]:
    """An author page: a ``ProfilePage`` about the ``Person``, ``sameAs`` their links, and the articles it lists."""
    person = _person(author, site)
    if author.description:
        person["description"] = author.description
    if avatar:
        person["image"] = avatar
    return [{"@context": "https://schema.org", "@type": "ProfilePage", "@id": url, "url": url, "name": author.name,
             "isPartOf": {"@type": "WebSite", "@id": site.url}, "inLanguage": site.language, "mainEntity": person,
             "hasPart": _item_list(items)}]


def _item_list(urls: list[str]) -> dict[str, Any]:
    """Google's summary-page form of a list (position and URL): each item's name is on the page it names,
    and on the 8,600 listing pages of a 10,000-article site the names were 0.6 KB a page."""
    return {"@type": "ItemList", "numberOfItems": len(urls),
            "itemListElement": [{"@type": "ListItem", "position": n, "url": item_url} for n, item_url in enumerate(urls, start=1)]}


def _hero(article: Article, url: str) -> str | dict[str, str]:
    """The hero image: its URL, or an ImageObject when the article gives a caption or credit to carry."""
    if not (article.image_caption or article.image_credit):
        return url
    hero = {"@type": "ImageObject", "url": url}
    if article.image_caption:
        hero["caption"] = article.image_caption
    if article.image_credit:
        hero["creditText"] = article.image_credit
    return hero


def breadcrumbs(article: Article, site: SiteInfo, publication: Publication) -> dict[str, Any]:
    """Home > publication > section > article."""
    trail = [(site.name, site.url), (publication.title, f"{site.url}{publication.id}/")]
    if article.section:
        trail.append((article.section, site.url + section_url(publication.id, article.section)))
    trail.append((article.title, site.url + article.url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": item}
                            for n, (name, item) in enumerate(trail, start=1)],
    }


def _person(author: Author, site: SiteInfo, *, links: bool = True) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": author.name, "url": site.url + author_url(author.id)}
    if links and author.links:
        person["sameAs"] = [link.url for link in author.links]
    return person


def _org_id(site: SiteInfo) -> str:
    return f"{site.url}#organization"


def _organization(site: SiteInfo) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "@id": _org_id(site), "name": site.name, "url": site.url}
    if site.logo:
        org["logo"] = {"@type": "ImageObject", "url": site.logo}
        if site.logo_size:
            org["logo"] |= {"width": site.logo_size, "height": site.logo_size}
    return org
