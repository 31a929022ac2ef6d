"""The pages ``press/styles`` scans, scanned by a worker process beside the build once there are many.

A cold build at 10,000 articles writes 14,000 pages and scanning each for what it uses of the stylesheet
(``trimmed_css.Markup.scan``) costs about 1.4 ms: 20 s of the rendering process, while the second core
waits for Pagefind. A page's use is a function of its bytes alone, and the stylesheet is written only
after the last page, so the scan need not happen where the page is rendered.

`PageScanning` scans the first pages itself (a process costs more than a few scans: an edit's rebuild
never starts one), then starts one worker and hands it each page's bytes through a queue whose
feeding thread writes the pipe while the build renders. The queue holds at most `BACKLOG` pages; a page
that finds it full is scanned here, so memory stays bounded whatever the worker's pace. `results`
returns the uses of the pages the worker took once the last page is written. The worker scans exactly
as this process does (the same `Markup`), so which process scanned a page changes nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import time
from typing import Any

from .trimmed_css import Markup, PageUse, shared_use

START_AFTER = 64  # pages scanned here before a worker is started
BACKLOG = 256  # pages waiting for the worker at most: about 10 MB at 40 KB a page
NICENESS = 5  # added to the worker's: the rendering the whole build waits on keeps its core first
POLL_SECONDS = 1.0
# After the last page the worker has at most BACKLOG pages left, a third of a second of scanning. A worker
# still silent this long after the last page is alive but stuck (stopped, swapping, deadlocked): the build fails
# and says so.
DEADLINE_SECONDS = 120.0


class ScanFailed(Exception):
    """The worker stopped before returning what it scanned; the message says how."""


class PageScanning:
    """Pages scanned here, or past `start_after` by one worker process."""

    def __init__(self, markup: Markup, start_after: int | None = None) -> None:
        self.markup = markup
        self.start_after = START_AFTER if start_after is None else start_after
        self.offered = self.sent = 0
        self.process: Any = None
        self.pages: Any = None
        self.found: Any = None

    def scan(self, key: bytes, html: str, data: bytes) -> PageUse | None:
        """The use of the page `html` (`data` is its UTF-8, `key` its digest), or None when the worker took it."""
        self.offered += 1
        if self.offered > self.start_after:
            if self.process is None:
                self._start()
            try:
                self.pages.put_nowait((key, data))
                self.sent += 1
                return None
            except queue.Full:
                pass  # the worker is behind: this page is scanned here
        return self.markup.scan(html)

    def results(self) -> dict[bytes, PageUse]:
        """The use of every page the worker took, by key; the worker is stopped."""
        if self.process is None:
            return {}
        deadline = time.monotonic() + DEADLINE_SECONDS
        try:
            self._wait(lambda: self.pages.put(None, timeout=POLL_SECONDS), queue.Full, deadline)  # the last page
            found: dict[bytes, PageUse] = self._wait(lambda: self.found.get(timeout=POLL_SECONDS), queue.Empty, deadline)
            return found
        finally:
            self.close()

    def _wait(self, step: Any, pending: type[Exception], deadline: float) -> Any:
        """`step` retried while it raises `pending`; ScanFailed once the worker has stopped or the deadline passed."""
        while True:
            try:
                return step()
            except pending:
                if not self.process.is_alive():
                    raise ScanFailed(f"the page scanner stopped with exit code {self.process.exitcode} "
                                     f"before returning the {self.sent} pages it took") from None
                if time.monotonic() > deadline:
                    raise ScanFailed(f"the page scanner returned nothing {DEADLINE_SECONDS:.0f} s after the last page "
                                     f"({self.sent} pages taken) and was stopped") from None

    def close(self) -> None:
        """Stop the worker (a failed build does not wait for its scans)."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()  # a stopped process never acts on a terminate
            self.process.join()
            self.pages.close()
            self.found.close()
            self.process = None

    def _start(self) -> None:
        # spawn, not fork: the build has threads by now (the writer of the cache, the progress display)
        context = multiprocessing.get_context("spawn")
        self.pages, self.found = context.Queue(BACKLOG), context.Queue()
        self.process = context.Process(target=scan_pages, args=(self.markup.tested, self.pages, self.found),
                                       name="press-page-scanner", daemon=True)
        self.process.start()


def scan_pages(tested: dict[str, bool], pages: Any, found: Any) -> None:
    """The worker: scan each (key, bytes) from `pages` until None, then put every use on `found` at once."""
    os.nice(NICENESS)
    markup = Markup(tested)
    uses: dict[bytes, PageUse] = {}
    one: dict[Any, Any] = {}  # equal sets sent once: the build holds what comes back until its last page
    while (page := pages.get()) is not None:
        key, data = page
        uses[key] = shared_use(one, markup.scan(data.decode("utf-8")))
    found.put(uses)
