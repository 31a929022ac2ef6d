"""What each written page uses of the stylesheet, kept by the digest of its HTML from one build to the next.

``press/styles`` scans every page it writes (``press.core.features.trimmed_css``), about a millisecond a
page; a rebuild writes mostly the same pages again (the page cache hands back their stored output), and
a page's use is a function of its HTML and of the attributes the stylesheet tests. So the uses are kept
by the digest of the page as written, under a version that covers the tested attributes and our code:
a page written before is hashed, not scanned. The entry holds the uses of the last build's pages only,
so it never grows with history, and is written only when it changed.
"""

from __future__ import annotations

import pickle
from typing import Any

from ..features.page_bytes import page_bytes, page_digest
from ..features.page_scanning import PageScanning, ScanFailed
from ..features.trimmed_css import PageUse, shared_use
from .digest import digest
from .store import Store

ENTRY = ("memos", "page-uses")  # pickled (version, {digest of a page's HTML: PageUse})


class PageUses:
    """Page uses by the digest of each page's HTML: `use` scans only a page no recent build wrote."""

    def __init__(self, scanning: PageScanning, version: str) -> None:
        self.scanning, self.version = scanning, version
        self.kept: dict[bytes, PageUse] = {}  # from the last build
        # This build's pages in the order written, each use and each of its sets held once; None: the scanning
        # worker has the page (`finish` brings its use).
        self.now: dict[bytes, PageUse | None] = {}
        self.shared: dict[Any, Any] = {}
        self.scanned = 0

    def use(self, html: str) -> PageUse | None:
        """The page's use, or None when it is scanned beside the build: `finish` returns it then."""
        data, key = page_bytes(html), page_digest(html)
        found = self.now.get(key) or self.kept.get(key)
        if found is None:
            self.scanned += 1
            found = self.scanning.scan(key, html, data)
            if found is None:
                self.now.setdefault(key, None)
                return None
            found = shared_use(self.shared, found)
        self.now[key] = found
        return found

    def finish(self) -> list[PageUse]:
        """The uses of the pages scanned beside the build, kept with the others (``page_scanning.ScanFailed``)."""
        later = self.scanning.results()
        missing = [key for key, use in self.now.items() if use is None and key not in later]
        if missing:
            raise ScanFailed(f"the page scanner returned {len(later)} pages, {len(missing)} short")
        for key, use in later.items():
            self.now[key] = shared_use(self.shared, use)
        return list(later.values())

    @classmethod
    def load(cls, store: Store, scanning: PageScanning, code: str) -> PageUses:
        """The uses kept in `store` (our own cache: pickled records) when made under this version, else none."""
        tested = scanning.markup.tested
        uses = cls(scanning, digest("press-page-uses:1", [("tested", repr(sorted(tested.items()))), ("code", code)]))
        try:
            version, kept = pickle.loads(store.read(*ENTRY) or b"")
            if version == uses.version:
                uses.kept = kept
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # absent, unreadable or from other code: every page is scanned
        return uses

    def save(self, store: Store) -> None:
        """This build's uses, when they differ from the last build's."""
        assert None not in self.now.values(), "finish() first"
        if self.now.keys() != self.kept.keys():
            one: dict[Any, Any] = {}  # the kept and the new uses, each set once
            shared = {key: shared_use(one, use) for key, use in self.now.items()}
            store.write(*ENTRY, pickle.dumps((self.version, shared), protocol=pickle.HIGHEST_PROTOCOL))
