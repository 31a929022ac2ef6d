"""Pages scanned by a worker process: the same uses as a scan here, and a stopped worker is never silent."""

from __future__ import annotations

import os
import signal
import time

import pytest

from press.core.features import page_scanning
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


@pytest.mark.parametrize("backlog", [4, 256])  # stuck with its queue full (the last page cannot go in), or not
def test_a_worker_alive_but_stuck_fails_the_scan_at_the_deadline(monkeypatch: pytest.MonkeyPatch, backlog: int) -> None:
    monkeypatch.setattr(page_scanning, "BACKLOG", backlog)
    monkeypatch.setattr(page_scanning, "DEADLINE_SECONDS", 1.5)
    scanning = PageScanning(MARKUP, start_after=0)
    scanning.scan(key(0), PAGES[0], PAGES[0].encode())
    process = scanning.process
    os.kill(process.pid, signal.SIGSTOP)  # alive, and never reads another page
    here = [scanning.scan(key(n), page, page.encode()) for n, page in enumerate(PAGES[1:10], 1)]
    assert (backlog < 10) == any(use is not None for use in here), "a full queue: the page is scanned here"
    started = time.monotonic()
    with pytest.raises(ScanFailed, match=r"returned nothing 2 s after the last page \(\d+ pages taken\) and was stopped"):
        scanning.results()
    assert time.monotonic() - started < 15
    assert scanning.process is None and not process.is_alive(), "the stuck worker is stopped"
