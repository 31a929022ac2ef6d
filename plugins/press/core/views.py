"""Plain data for templates: every display string is computed here, once.

Templates receive dicts of strings and site-root-relative URLs (no leading
slash; the theme's ``url`` filter makes them relative to the page). Values are
raw text: templates escape them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlsplit

from .features.dates import date_view
from .features.ctas import DEFAULT_CONFIRMATION, ConfirmationPage, connect_for, cta_for
from .features.listings import IndexPage, ListingPage, page_window
from .features.share import DEFAULT_MASTODON_SHARE, fediverse_creators, share_links
from .content.model import Article, Author, ConnectBlock, Cta, Publication
from .features.reading_lists import ReadingList
from .urls import author_url, confirmation_url, publisher_url, section_url, source_anchor, tag_url


CONFIRMATION_TITLE = "Thank you for signing up"

# An article this long gets a table of contents in its column when it has several sections (partials/press/toc.html).
LONG_READ_MINUTES = 6


@dataclass(frozen=True)
class ViewContext:
    publications: Mapping[str, Publication]
    authors: Mapping[str, Author]
    now: dt.datetime
    site_url: str = ""
    ctas: Mapping[str, Cta] = field(default_factory=dict)
    connect: Mapping[str, ConnectBlock] = field(default_factory=dict)
    author_bios: Mapping[str, str] = field(default_factory=dict)  # author id -> bio HTML, rendered by the adapter
    source_library: bool = False  # the site has /sources/ pages (press/crosslinks): each source links to its publisher's
    mastodon_share: str | None = DEFAULT_MASTODON_SHARE  # the share page for Mastodon; None: no share links
    # src_path -> (article, its card): a card is the same on every listing, related block and backlink that shows it
    cards: dict[str, tuple[Article, dict[str, Any]]] = field(default_factory=dict, compare=False, repr=False)


def article_card(article: Article, ctx: ViewContext) -> dict[str, Any]:
    """What a card and the article header show; made once per article and build (callers must not change it)."""
    kept = ctx.cards.get(article.src_path)
    if kept is not None and kept[0] is article:
        return kept[1]
    card = _card(article, ctx)
    ctx.cards[article.src_path] = (article, card)
    return card


def _card(article: Article, ctx: ViewContext) -> dict[str, Any]:
    pub = ctx.publications[article.publication]
    status = "draft" if article.draft else ("scheduled" if article.is_scheduled(ctx.now) else None)
    return {
        "title": article.title,
        "description": article.description,
        "url": article.url,
        "publication": {"id": pub.id, "title": pub.title, "url": f"{pub.id}/"},
        "section": {"name": article.section, "url": section_url(pub.id, article.section)} if article.section else None,
        "tags": [{"name": tag, "url": tag_url(tag)} for tag in article.tags],
        "authors": [{"id": a, "name": ctx.authors[a].name, "url": author_url(a)} for a in article.authors],
        "date": date_view(article.date),
        "updated": date_view(article.updated) if article.updated and article.updated.date() != article.date.date() else None,
        "readtime": f"{article.readtime} min read",
        "long_read": article.readtime >= LONG_READ_MINUTES,
        "image": {"src": article.image, "alt": article.image_alt or "", "caption": article.image_caption,
                  "credit": article.image_credit} if article.image else None,
        "pinned": article.pin,
        "status": status,
        "status_label": {"draft": "Draft: not published", "scheduled": f"Scheduled for {date_view(article.date)['display']}"}.get(status or ""),
    }


def article_view(article: Article, ctx: ViewContext) -> dict[str, Any]:
    """The article page: the card's header fields plus sources, corrections, author box, CTA and promos."""
    pub = ctx.publications[article.publication]
    cta = cta_for(article, pub, ctx.ctas)
    return article_card(article, ctx) | {
        "sources": [{
            "id": s.id, "anchor": source_anchor(s.id), "publisher": s.publisher, "title": s.title, "url": s.url,
            "domain": _domain(s.url), "date": date_view(s.date) if s.date else None,
            "library_url": publisher_url(s.publisher) if ctx.source_library else None,
        } for s in article.further_reading],
        "corrections": [{"date": date_view(c.date), "text": c.text} for c in sorted(article.corrections, key=lambda c: c.date, reverse=True)],
        "author_box": [_author_view(ctx.authors[a], ctx.author_bios.get(a, "")) for a in article.authors],
        "cta": _cta_view(cta, ctx.site_url + article.url, ctx.site_url) if cta else None,
        "connect": connect_view(pub, ctx, authors=article.authors, here=article.url),
        "share": _share_view(article, ctx),
        "fediverse_creators": list(fediverse_creators(tuple(ctx.authors[a] for a in article.authors))),
    }


def _share_view(article: Article, ctx: ViewContext) -> dict[str, Any] | None:
    """The share links and the address "Copy link" copies: the canonical one (elsewhere, for a piece first published there)."""
    url = article.canonical_url or ctx.site_url + article.url
    links = share_links(article.title, url, ctx.mastodon_share) if ctx.mastodon_share is not None else ()
    if not links:  # switched off, or no site_url to make the address absolute
        return None
    return {"url": url, "links": [{"network": link.network, "label": link.label, "description": link.description, "url": link.url}
                                  for link in links]}


def connect_view(publication: Publication | None, ctx: ViewContext, *, authors: tuple[str, ...] = (),
                 here: str = "") -> list[dict[str, str]]:
    """The promos a page shows: never the publication or the page the reader is on, and a block about
    an author only beside that author's own work (a Dana Okafor story does not promote J.T. Mercer)."""
    blocks = connect_for(publication, ctx.connect) if publication else list(ctx.connect.values())
    own = {author_url(a) for a in authors}
    shown = [b for b in blocks
             if b.url.lstrip("/") != here and not (publication and b.url.lstrip("/") == f"{publication.id}/")
             and (not _is_author_url(b.url, ctx) or b.url.lstrip("/") in own)]
    return [{"id": b.id, "heading": b.heading, "text": b.text, "url": b.url, "label": b.label} for b in shown]


def _domain(url: str) -> str:
    """The site a source lives on, as readers know it: ``reuters.com`` for https://www.reuters.com/world/."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _is_author_url(url: str, ctx: ViewContext) -> bool:
    return url.lstrip("/") in {author_url(a) for a in ctx.authors}


def _cta_view(cta: Cta, source_url: str, site_url: str) -> dict[str, Any]:
    """The form: the provider's and the configured hidden fields, then where it was sent from and where to return."""
    hidden = [{"name": k, "value": v} for k, v in cta.hidden]
    if cta.source_field:
        hidden.append({"name": cta.source_field, "value": source_url})
    if cta.return_field:
        hidden.append({"name": cta.return_field, "value": site_url + confirmation_url(cta.id)})
    return {
        "id": cta.id, "heading": cta.heading, "text": cta.text, "action": cta.action, "method": cta.method,
        "button": cta.button, "email_label": cta.email_label, "email_field": cta.email_field, "consent": cta.consent,
        "hidden": hidden, "honeypot_field": cta.honeypot_field,
    }


def confirmation_view(page: ConfirmationPage, ctx: ViewContext) -> dict[str, Any]:
    """The thank-you page: what the reader signed up for, what happens next, and the way back to the publication."""
    pub = ctx.publications.get(page.publication or "")
    text = page.cta.confirmation or DEFAULT_CONFIRMATION
    return {
        "title": CONFIRMATION_TITLE,
        "cta": page.cta.heading,
        "paragraphs": [" ".join(part.split()) for part in text.split("\n\n") if part.strip()],
        "back": {"url": f"{pub.id}/", "label": f"Back to {pub.title}"} if pub else {"url": "", "label": "Back to the home page"},
    }


def listing_view(page: ListingPage, ctx: ViewContext) -> dict[str, Any]:
    number, urls = page.number, page.page_urls
    return {
        "kind": page.kind,
        "publication": page.publication,
        "title": page.title,
        "listing_title": page.listing_title,  # its feeds are the whole listing's, on every page
        "description": page.description,
        "cards": [article_card(a, ctx) | _card_context(page, a, ctx) for a in page.articles],
        "pagination": {
            "number": number,
            "total": len(urls),
            "previous": urls[number - 2] if number > 1 else None,
            "next": urls[number] if number < len(urls) else None,
            "pages": [{"number": n, "url": urls[n - 1], "current": n == number} if n else {"gap": True}
                      for n in page_window(number, len(urls))],
        } if len(urls) > 1 else None,
        "author": _author_view(ctx.authors[page.key], "") if page.kind == "author" else None,
        "connect": connect_view(None, ctx, authors=(page.key,), here=page.url) if page.kind == "author" and page.number == 1 else [],
        "sections": [{"name": s, "url": section_url(page.key, s)} for s in ctx.publications[page.key].sections]
        if page.kind == "publication" else [],
        "author_strip": _author_strip(ctx.publications[page.key], page, ctx) if page.kind == "publication" and page.number == 1 else None,
    }


def _author_strip(publication: Publication, page: ListingPage, ctx: ViewContext) -> dict[str, Any] | None:
    """An author's blog opens with who writes it and the signup: the reader meets the novelist, then the book."""
    if not publication.author or publication.author not in ctx.authors:
        return None
    cta = ctx.ctas.get(publication.cta or "")
    return {"author": _author_view(ctx.authors[publication.author], ""),
            "cta": _cta_view(cta, ctx.site_url + page.url, ctx.site_url) if cta else None}


def _card_context(page: ListingPage, article: Article, ctx: ViewContext) -> dict[str, Any]:
    """What a card says on this listing: no kicker repeating the page's own publication or section,
    and the authors only where they tell something: the publication's cards carry a byline, the page is not theirs."""
    return {
        "kicker": {"publication": page.kind not in ("publication", "section"), "section": page.kind != "section"},
        "byline": ctx.publications[article.publication].card_byline and page.kind != "author",
    }


def reading_list_view(reading_list: ReadingList, ctx: ViewContext) -> dict[str, Any]:
    total = len(reading_list.entries)
    return {
        "id": reading_list.id,
        "title": reading_list.title,
        "description": reading_list.description,
        "ordered": reading_list.ordered,
        "cards": [article_card(e.article, ctx) | {
            "note": e.note, "part": f"Part {i} of {total}" if reading_list.ordered else None,
        } for i, e in enumerate(reading_list.entries, start=1)],
    }


def index_view(page: IndexPage) -> dict[str, Any]:
    return {
        "kind": page.kind,
        "title": page.title,
        "description": page.description,
        "entries": [{"label": e.label, "url": e.url, "count": e.count, "count_label": _count(e.count), "description": e.description}
                    for e in page.entries],
    }


def _author_view(author: Author, bio_html: str) -> dict[str, Any]:
    return {
        "id": author.id,
        "name": author.name,
        "url": author_url(author.id),
        "bio_html": bio_html,
        "description": author.description,
        "avatar": author.avatar,
        "links": [{"label": link.label.replace("_", " ").capitalize(), "url": link.url} for link in author.links],
    }


def _count(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def page_title(site_name: str, heading: str | None = None, publication: str | None = None) -> str:
    """The ``<title>``: the page's own heading first, then where it belongs.

    "Article title | Vera2", "Courts | Vera2", "Vera2 | North River Publications", and the site's name
    alone on the home page (Material's template would print "North River Publications - North River Publications").
    """
    if not heading or heading == site_name:
        return site_name
    return f"{heading} | {publication if publication and publication != heading else site_name}"


def site_view(site_name: str, publications: Mapping[str, Publication], connect_heading: str | None = None) -> dict[str, Any]:
    """What every page's header and footer show of the whole site; `connect_heading` titles the promos
    (``connect:``), "Connect with <site name>" unless mkdocs.yml says otherwise."""
    return {"name": site_name,
            "publications": [{"id": p.id, "title": p.title, "url": f"{p.id}/"} for p in publications.values()],
            "connect_heading": connect_heading or f"Connect with {site_name}"}
