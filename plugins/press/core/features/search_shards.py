"""Splitting the search index into shards: Pagefind bundles of bounded size that the search page merges.

Pagefind holds everything it indexes in memory until it writes the bundle: about 15 to 20 bytes for each byte
of indexed page (400 MB for 1,000 articles of 1,500 words, 4.3 GB for 10,000). One bundle per slice of the site
bounds that peak, and lets a build index again only the slice whose pages changed.

Slices are cut the way content-defined chunking cuts a file, so that adding or editing a page moves no other
boundary: pages in path order, a shard ends at a page whose path hashes to a cut once the shard holds
`target` bytes, or at twice that whatever the hash says. A shard's folder is named for a hash of its pages, so
a deployment changes only the folders whose pages changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Sequence

MARKER = b"data-pagefind-body"  # with one marked page in a site, Pagefind indexes only the marked ones
CUT_EVERY = 64  # past the target, one page in this many ends a shard: on average 64 pages more
FORMAT = 1


@dataclass(frozen=True)
class IndexedPage:
    """One HTML page as Pagefind would see it."""

    path: str  # relative to the site, with forward slashes
    digest: bytes  # of the file's bytes
    weight: int  # bytes Pagefind indexes: from the body marker to the end, or the whole page
    marked: bool


@dataclass(frozen=True)
class Shard:
    """A bundle's worth of pages, and the key that names its index."""

    key: str
    pages: tuple[str, ...]

    @property
    def name(self) -> str:
        return folder_name(self.key)


def folder_name(key: str) -> str:
    """The folder of a shard's bundle inside the site's index folder."""
    return key[:12]


def read_page(path: str, data: bytes, digest: bytes | None = None) -> IndexedPage:
    """What the planner needs of one page; `data` is the file's bytes, `digest` their SHA-256 if known."""
    at = data.find(MARKER)
    return IndexedPage(path, digest or hashlib.sha256(data).digest(), len(data) - at if at >= 0 else len(data), at >= 0)


def plan(pages: Iterable[IndexedPage], settings: Sequence[tuple[str, str]], target: int) -> list[Shard]:
    """The shards for these pages, in path order; ``settings`` (the indexer and its configuration) go into every key.

    Only marked pages are indexed when any page is marked, as Pagefind itself decides; an unmarked site is
    indexed whole.
    """
    ordered = sorted(pages, key=lambda page: page.path)
    if any(page.marked for page in ordered):
        ordered = [page for page in ordered if page.marked]
    cutter = Cutter(settings, target)
    shards = [shard for page in ordered if (shard := cutter.add(page)) is not None]
    return shards + [shard for shard in [cutter.finish()] if shard is not None]


class Cutter:
    """`plan`'s cuts one page at a time: a build hands it the pages in path order as it writes them, and can
    index each shard as soon as it is complete."""

    def __init__(self, settings: Sequence[tuple[str, str]], target: int) -> None:
        self.settings, self.target = settings, target
        self.current: list[IndexedPage] = []
        self.weight = 0

    def add(self, page: IndexedPage) -> Shard | None:
        """The shard this page completes, if it does."""
        self.current.append(page)
        self.weight += page.weight
        if self.weight >= 2 * self.target or (self.weight >= self.target and _cuts(page.path)):
            return self.finish()
        return None

    def finish(self) -> Shard | None:
        """The last shard: the pages added since the last cut."""
        shard = _shard(self.current, self.settings) if self.current else None
        self.current, self.weight = [], 0
        return shard


def _cuts(path: str) -> bool:
    return int.from_bytes(hashlib.sha256(path.encode()).digest()[:4], "big") % CUT_EVERY == 0


def _shard(pages: list[IndexedPage], settings: Sequence[tuple[str, str]]) -> Shard:
    digest = hashlib.sha256(f"press-search-shard:{FORMAT}".encode())
    for name, value in settings:
        digest.update(f"{name}\0{value}\0".encode())
    for page in pages:
        digest.update(page.path.encode() + b"\0" + page.digest)
    return Shard(digest.hexdigest(), tuple(page.path for page in pages))
