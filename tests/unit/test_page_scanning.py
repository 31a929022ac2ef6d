"""Pages scanned by a worker process: the same uses as a scan here, and a stopped worker is never silent."""

from __future__ import annotations

import pytest

from press.core.features.page_scanning import PageScanning, ScanFailed
from press.core.features.trimmed_css import Markup, parse, selected_attributes

MARKUP = Markup(selected_attributes(parse("[dir=rtl]{x:1}.a{x:2}[data-md-color-scheme=slate]{x:3}")))
PAGES = [f'<p class="a{n}" dir="{"rtl" if n % 2 else "ltr"}" id="p{n}" data-md-color-scheme="Slate">{n}</p>'
         for n in range(40)]


def key(n: int) -> bytes:
    return n.to_bytes(32, "big")


def test_the_worker_finds_what_a_scan_here_finds_and_takes_pages_after_the_first() -> None:
    scanning = PageScanning(MARKUP, start_after=3)
    here = {key(n): scanning.scan(key(n), page, page.encode()) for n, page in enumerate(PAGES)}
    assert all(use is not None for n, use in here.items() if int.from_bytes(n, "big") < 3)
    took = {k for k, use in here.items() if use is None}
    assert took and scanning.sent == len(took)
    found = scanning.results()
    assert found.keys() == took
    assert all(found[key(n)] == MARKUP.scan(page) for n, page in enumerate(PAGES) if key(n) in took)
    assert scanning.process is None, "the worker is stopped once it has returned"


def test_a_build_with_few_pages_starts_no_worker() -> None:
    scanning = PageScanning(MARKUP)
    assert all(scanning.scan(key(n), page, page.encode()) == MARKUP.scan(page) for n, page in enumerate(PAGES))
    assert scanning.process is None and scanning.results() == {}


def test_a_worker_that_stops_early_fails_the_scan_instead_of_dropping_pages() -> None:
    scanning = PageScanning(MARKUP, start_after=0)
    scanning.scan(key(0), PAGES[0], PAGES[0].encode())
    scanning.process.kill()
    with pytest.raises(ScanFailed, match="exit code"):
        scanning.results()
