"""Page uses kept by the digest of each page's HTML: a page written before is not scanned again."""

from __future__ import annotations

from pathlib import Path

from press.core.features.page_scanning import PageScanning
from press.core.features.trimmed_css import Markup, parse, selected_attributes
from press.core.incremental.page_uses import ENTRY, PageUses
from press.core.incremental.store import Store

RULES = parse("[dir=rtl]{x:1}.a{x:2}")
PAGES = ['<p class="a">one</p>', '<p dir="rtl">two</p>']


def build(store: Store, pages: list[str], code: str = "v1") -> PageUses:
    markup = Markup(selected_attributes(RULES))
    uses = PageUses.load(store, PageScanning(markup), code)
    for page in pages:
        assert uses.use(page) == markup.scan(page)
    assert uses.finish() == []
    uses.save(store)
    return uses


def test_only_pages_no_earlier_build_wrote_are_scanned(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert build(store, PAGES).scanned == 2
    written = store.path(*ENTRY).stat().st_mtime_ns
    assert build(store, PAGES).scanned == 0
    assert store.path(*ENTRY).stat().st_mtime_ns == written, "unchanged uses are not written again"
    assert build(store, [PAGES[0], "<p>three</p>", "<p>three</p>"]).scanned == 1
    assert build(store, PAGES).scanned == 1, "only the last build's pages are kept"


def test_other_code_or_another_stylesheet_scans_every_page_again(tmp_path: Path) -> None:
    store = Store(tmp_path)
    build(store, PAGES)
    assert build(store, PAGES, code="v2").scanned == 2
    markup = Markup(selected_attributes(parse("[lang]{x:1}")))
    assert PageUses.load(store, PageScanning(markup), "v2").kept == {}


def test_an_unreadable_entry_is_scanned_again(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.write(*ENTRY, b"not a pickle")
    assert build(store, PAGES).scanned == 2


def test_pages_the_worker_scans_are_kept_in_the_order_written(tmp_path: Path) -> None:
    store = Store(tmp_path)
    markup = Markup(selected_attributes(RULES))
    pages = PAGES + [f'<p class="b{n}">{n}</p>' for n in range(10)]
    uses = PageUses.load(store, PageScanning(markup, start_after=1), "v1")
    assert uses.use(pages[0]) == markup.scan(pages[0])
    assert [uses.use(page) for page in pages[1:]] == [None] * (len(pages) - 1)
    assert sorted(map(repr, uses.finish())) == sorted(repr(markup.scan(page)) for page in pages[1:])
    uses.save(store)
    again = PageUses.load(store, PageScanning(markup, start_after=0), "v1")
    assert [again.use(page) for page in pages] == [markup.scan(page) for page in pages] and again.scanned == 0
    assert list(again.now) == list(uses.now), "the worker's pages keep the places they were written in"
