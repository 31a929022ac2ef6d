"""Search shards: bounded in size, and an added or edited page moves no boundary but its own shard's."""

from __future__ import annotations

import hashlib

from press.core.features.search_shards import IndexedPage, plan, read_page

SETTINGS = [("pagefind", "1.5.2")]


def page(path: str, weight: int = 1000, marked: bool = True, text: str = "") -> IndexedPage:
    return IndexedPage(path, hashlib.sha256((path + text).encode()).digest(), weight, marked)


def site(n: int) -> list[IndexedPage]:
    return [page(f"vera2/{i:05d}/index.html") for i in range(n)]


def test_read_page_weighs_what_pagefind_indexes() -> None:
    marked = read_page("a.html", b"<header>chrome</header><article data-pagefind-body>words</article>")
    assert marked.marked and marked.weight == len(b"data-pagefind-body>words</article>")
    assert not read_page("b.html", b"<p>listing</p>").marked


def test_shards_hold_between_the_target_and_twice_it() -> None:
    shards = plan(site(3000), SETTINGS, target=100_000)  # 100 pages of 1,000 bytes
    assert [p for s in shards for p in s.pages] == [p.path for p in site(3000)]
    assert all(100 <= len(s.pages) <= 200 for s in shards[:-1]) and len(shards[-1].pages) <= 200
    assert 3000 / 200 <= len(shards) <= 3000 / 100
    # Cuts fall where a page's path says, past the target: on average 64 pages on.
    assert 100 < sum(len(s.pages) for s in shards[:-1]) / (len(shards) - 1) < 200


def test_a_site_under_the_target_is_one_shard() -> None:
    assert [len(s.pages) for s in plan(site(50), SETTINGS, target=100_000)] == [50]
    assert plan([], SETTINGS, target=100_000) == []


def test_an_edited_page_changes_its_own_shards_key_only() -> None:
    before = plan(site(3000), SETTINGS, target=100_000)
    pages = site(3000)
    pages[1500] = page(pages[1500].path, text="edited")
    after = plan(pages, SETTINGS, target=100_000)
    assert [s.pages for s in after] == [s.pages for s in before]
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a.key != b.key]
    assert len(changed) == 1 and pages[1500].path in after[changed[0]].pages


def test_an_added_page_leaves_the_other_boundaries_where_they_were() -> None:
    before = plan(site(3000), SETTINGS, target=100_000)
    after = plan(site(3000) + [page("vera2/01499x/index.html")], SETTINGS, target=100_000)
    unchanged = {s.key for s in before} & {s.key for s in after}
    assert len(unchanged) >= len(before) - 2  # the new page's shard, and at most the one after it


def test_the_settings_are_in_every_key() -> None:
    one = plan(site(10), SETTINGS, target=100_000)
    other = plan(site(10), [("pagefind", "1.6.0")], target=100_000)
    assert one[0].pages == other[0].pages and one[0].key != other[0].key
    assert one[0].name == one[0].key[:12]


def test_only_marked_pages_are_indexed_when_any_is_marked() -> None:
    pages = [page("a.html"), page("b.html", marked=False), page("c.html")]
    assert plan(pages, SETTINGS, target=10**9)[0].pages == ("a.html", "c.html")
    unmarked = [page("a.html", marked=False), page("b.html", marked=False)]
    assert plan(unmarked, SETTINGS, target=10**9)[0].pages == ("a.html", "b.html")  # as Pagefind does
