"""How crawlers and lost readers find their way: robots.txt, sitemap dates, the 404 page's links."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from ..content.catalog import Catalog
from ..content.model import Publication
from .dates import date_view


def robots_txt(site_url: str, sitemaps: Iterable[str] = ()) -> str:
    """Every crawler may fetch everything; the sitemap is at the site root, then any others (news sitemaps)."""
    lines = [f"Sitemap: {site_url}{path}\n" for path in ("sitemap.xml", *sitemaps)]
    return "User-agent: *\nAllow: /\n\n" + "".join(lines)


def sitemap_dates(catalog: Catalog) -> dict[str, str]:
    """Article src path -> the date it last changed (updated, else published), for ``<lastmod>``."""
    return {a.src_path: a.last_modified.date().isoformat() for a in catalog.articles}


def not_found_view(catalog: Catalog, publications: Mapping[str, Publication], now: dt.datetime, count: int) -> dict[str, Any]:
    """The 404 page's way back: the home page, each publication, the latest published articles."""
    latest = [a for a in catalog.articles if a.is_published(now)][:count]
    return {
        "publications": [{"title": p.title, "description": p.description, "url": f"{p.id}/"} for p in publications.values()],
        "latest": [{"title": a.title, "url": a.url, "publication": publications[a.publication].title, "date": date_view(a.date)}
                   for a in latest],
    }
