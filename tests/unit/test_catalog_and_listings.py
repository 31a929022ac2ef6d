"""The Catalog's indexes and order, and the listing pages planned from it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from press.core.content.catalog import build_catalog, find_duplicates, visible
from press.core.features.listings import IndexPage, ListingPage, check_urls, page_window, plan_listings
from press.core.content.model import Article

from .rules import AUTHORS, PUBLICATIONS

TZ = ZoneInfo("America/New_York")


def article(slug: str, day: int, *, pub: str = "vera2", section: str | None = "Courts", tags: tuple[str, ...] = (),
            authors: tuple[str, ...] = ("jt-mercer",), src: str | None = None, **extra) -> Article:
    date = dt.datetime(2025, 11, day, tzinfo=TZ)
    return Article(src_path=src or f"{pub}/posts/{slug}.md", publication=pub, slug=slug, url=f"{pub}/2025/11/{slug}/",
                   title=slug.title(), description="d", date=date, authors=authors, section=section, tags=tags, **extra)


def test_newest_first_with_url_as_tie_breaker() -> None:
    catalog = build_catalog([article("b", 1), article("c", 3), article("a", 1)])
    assert [a.slug for a in catalog.articles] == ["c", "a", "b"]


def test_indexes_group_by_publication_section_tag_author_and_year() -> None:
    catalog = build_catalog([
        article("one", 1, tags=("Europe", "courts")),
        article("two", 2, tags=("europe",), authors=("jt-mercer", "dana-okafor")),
        article("three", 3, pub="dispatch", section=None, tags=("europe",)),
    ])
    assert [a.slug for a in catalog.by_publication["vera2"]] == ["two", "one"]
    assert [a.slug for a in catalog.by_section[("vera2", "Courts")]] == ["two", "one"]
    assert [a.slug for a in catalog.by_tag["europe"]] == ["three", "two", "one"]
    assert catalog.tag_names["europe"] == "europe"  # the most used spelling wins
    assert [a.slug for a in catalog.by_author["dana-okafor"]] == ["two"]
    assert list(catalog.by_year) == [2025]


def test_duplicate_urls_and_ids_name_both_files() -> None:
    kept, errors = find_duplicates([
        article("same", 1, src="vera2/posts/b.md"),
        article("same", 2, src="vera2/posts/a.md"),
        article("x", 3, id="shared-id"),
        article("y", 4, id="shared-id"),
    ])
    assert [a.src_path for a in kept] == ["vera2/posts/a.md", "vera2/posts/x.md"]
    assert [e.headline() for e in errors] == [
        "vera2/posts/b.md:1: slug: has the same URL /vera2/2025/11/same/ as vera2/posts/a.md",
        "vera2/posts/y.md:1: id: id 'shared-id' is the id of vera2/posts/x.md: the two articles would share one feed id",
    ]


def test_drafts_and_future_articles_are_left_out_unless_previewing() -> None:
    now = dt.datetime(2025, 11, 15, tzinfo=TZ)
    items = [article("past", 1), article("future", 20), article("draft", 2, draft=True)]
    assert [a.slug for a in visible(items, now, include_unpublished=False)] == ["past"]
    assert len(visible(items, now, include_unpublished=True)) == 3


def plan(articles: list[Article], per_page: int = 2) -> list[ListingPage | IndexPage]:
    return plan_listings(build_catalog(articles), PUBLICATIONS, AUTHORS, per_page=per_page, home_count=3)


def test_pagination_has_stable_urls() -> None:
    pages = plan([article(f"a{i}", i) for i in range(1, 6)])
    courts = [p for p in pages if isinstance(p, ListingPage) and p.kind == "section" and p.key == "vera2/Courts"]
    assert [(p.url, p.src_uri, [a.slug for a in p.articles]) for p in courts] == [
        ("vera2/courts/", "vera2/courts/index.md", ["a5", "a4"]),
        ("vera2/courts/page/2/", "vera2/courts/page/2/index.md", ["a3", "a2"]),
        ("vera2/courts/page/3/", "vera2/courts/page/3/index.md", ["a1"]),
    ]
    assert courts[1].title == "Courts (page 2)"
    assert [p.listing_title for p in courts] == ["Courts"] * 3  # its feeds' name, on every page
    assert courts[0].page_urls == ("vera2/courts/", "vera2/courts/page/2/", "vera2/courts/page/3/")


@pytest.mark.parametrize("number, total, window", [
    (1, 1, [1]),
    (1, 2, [1, 2]),
    (4, 7, [1, 2, 3, 4, 5, 6, 7]),  # a gap of one page shows that page
    (1, 350, [1, 2, 3, None, 350]),
    (219, 350, [1, None, 217, 218, 219, 220, 221, None, 350]),
    (350, 350, [1, None, 348, 349, 350]),
    (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
])
def test_a_page_links_to_the_first_the_last_and_its_neighbours(number: int, total: int, window: list[int | None]) -> None:
    assert page_window(number, total) == window


def test_the_page_window_stays_small_however_long_the_listing() -> None:
    assert max(len(page_window(n, 10_000)) for n in range(1, 10_001)) == 9
    assert all(page_window(n, 40).count(n) == 1 for n in range(1, 41))


def test_every_kind_of_listing_is_planned_even_when_empty() -> None:
    pages = plan([article("one", 1, tags=("Free Speech",))])
    urls = [p.url for p in pages]
    assert urls == [
        "", "dispatch/", "dispatch/commentary/", "dispatch/author-updates/", "dispatch/writing-process/",
        "vera2/", "vera2/politics/", "vera2/civil-society/", "vera2/global-affairs/", "vera2/courts/", "vera2/technology/",
        "tags/free-speech/", "authors/jt-mercer/", "authors/dana-okafor/", "archive/2025/", "tags/", "authors/", "archive/",
    ]
    home = pages[0]
    assert isinstance(home, ListingPage) and [a.slug for a in home.articles] == ["one"]


def test_pinned_articles_lead_publication_listings_only() -> None:
    pages = plan([article("old", 1, pin=True), article("new", 2)], per_page=10)
    by_url = {p.url: p for p in pages}
    assert [a.slug for a in by_url["vera2/"].articles] == ["old", "new"]
    assert [a.slug for a in by_url["archive/2025/"].articles] == ["new", "old"]


def test_an_article_cannot_take_a_listing_or_authored_url() -> None:
    catalog = build_catalog([article("x", 1)])
    errors = check_urls(catalog, [], {"vera2/2025/11/x/": "vera2/2025/11/x.md"})
    assert [e.headline() for e in errors] == ["vera2/posts/x.md: slug: its URL /vera2/2025/11/x/ is already taken by vera2/2025/11/x.md"]
