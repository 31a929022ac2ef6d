"""Plain data for templates: every display string is computed here, once.

Templates receive dicts of strings and site-root-relative URLs (no leading
slash; the theme's ``url`` filter makes them relative to the page). Values are
raw text: templates escape them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from .listings import IndexPage, ListingPage, author_url, section_url, tag_url
from .model import Article, Author, Publication


@dataclass(frozen=True)
class ViewContext:
    publications: Mapping[str, Publication]
    authors: Mapping[str, Author]
    now: dt.datetime


def date_view(when: dt.datetime | dt.date) -> dict[str, str]:
    """``{"iso": "2025-11-28T00:00:00-05:00", "display": "November 28, 2025"}``."""
    return {"iso": when.isoformat(), "display": f"{when:%B} {when.day}, {when.year}"}


def article_card(article: Article, ctx: ViewContext) -> dict[str, Any]:
    """What a card and the article header show."""
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
        "image": {"src": article.image, "alt": article.image_alt or ""} if article.image else None,
        "pinned": article.pin,
        "status": status,
        "status_label": {"draft": "Draft: not published", "scheduled": f"Scheduled for {date_view(article.date)['display']}"}.get(status or ""),
    }


def listing_view(page: ListingPage, ctx: ViewContext) -> dict[str, Any]:
    number, urls = page.number, page.page_urls
    return {
        "kind": page.kind,
        "title": page.title,
        "description": page.description,
        "cards": [article_card(a, ctx) for a in page.articles],
        "pagination": {
            "number": number,
            "total": len(urls),
            "previous": urls[number - 2] if number > 1 else None,
            "next": urls[number] if number < len(urls) else None,
            "pages": [{"number": n, "url": u, "current": n == number} for n, u in enumerate(urls, start=1)],
        } if len(urls) > 1 else None,
        "author": _author_view(ctx.authors[page.key]) if page.kind == "author" else None,
        "sections": [{"name": s, "url": section_url(page.key, s)} for s in ctx.publications[page.key].sections]
        if page.kind == "publication" else [],
    }


def index_view(page: IndexPage) -> dict[str, Any]:
    return {
        "kind": page.kind,
        "title": page.title,
        "description": page.description,
        "entries": [{"label": e.label, "url": e.url, "count": e.count, "count_label": _count(e.count), "description": e.description}
                    for e in page.entries],
    }


def _author_view(author: Author) -> dict[str, Any]:
    return {
        "id": author.id,
        "name": author.name,
        "description": author.description,
        "avatar": author.avatar,
        "links": [{"label": link.label.replace("_", " ").capitalize(), "url": link.url} for link in author.links],
    }


def _count(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")
