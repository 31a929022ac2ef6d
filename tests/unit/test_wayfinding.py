"""robots.txt, sitemap dates and the 404 page's links, from the Catalog."""

from __future__ import annotations

import datetime as dt

from press.core.content.catalog import build_catalog
from press.core.features.wayfinding import not_found_view, robots_txt, sitemap_dates

from .rules import PUBLICATIONS
from .test_catalog_and_listings import TZ, article


def test_robots_txt_allows_everything_and_names_the_sitemap() -> None:
    assert robots_txt("https://news.example/sub/") == "User-agent: *\nAllow: /\n\nSitemap: https://news.example/sub/sitemap.xml\n"


def test_sitemap_dates_are_the_updated_else_the_published_date_in_the_site_time_zone() -> None:
    catalog = build_catalog([article("a", 2), article("b", 3, updated=dt.datetime(2025, 11, 9, 23, 30, tzinfo=TZ))])
    assert sitemap_dates(catalog) == {"vera2/posts/a.md": "2025-11-02", "vera2/posts/b.md": "2025-11-09"}


def test_the_404_page_lists_the_latest_published_articles() -> None:
    now = dt.datetime(2025, 11, 15, tzinfo=TZ)
    catalog = build_catalog([article(f"a{i}", i) for i in range(1, 6)] + [article("draft", 8, draft=True), article("later", 20)])
    view = not_found_view(catalog, PUBLICATIONS, now, 3)
    assert [a["title"] for a in view["latest"]] == ["A5", "A4", "A3"]
    assert view["latest"][0] == {"title": "A5", "url": "vera2/2025/11/a5/", "publication": "Vera2",
                                 "date": {"iso": "2025-11-05T00:00:00-05:00", "display": "November 5, 2025"}}
    assert [p["url"] for p in view["publications"]] == ["dispatch/", "vera2/"]
