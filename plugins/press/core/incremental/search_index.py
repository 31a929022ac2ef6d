"""Reusing the search index: Pagefind runs only when the pages it reads have changed.

Pagefind's index is a function of the built HTML pages, its version and its
configuration. The key hashes all three (every ``.html`` file of the site, path and
bytes, outside the index's own folder). Bundles are kept under the key they were
built for, the newest two at most: the current one, and the previous one that the
live preview shows while a new index is built in the background.

A bundle is placed into a site by hard links (copies across file systems): nothing
writes into a built site's files afterwards. A build starts from an empty folder, or,
in the live preview, removes each page before writing it again (``press/incremental``).
A stored bundle records its files and sizes; one that no longer matches is not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterable

FORMAT = 2  # 2: bundles are stabilized (search_order), so earlier ones are not reused
MANIFEST = "press-bundle.json"
KEEP = 2  # bundles kept: the newest, and the one before it


def index_key(site: Path, bundle: str, settings: Iterable[tuple[str, str]]) -> str:
    """A hash of the site's HTML pages (outside ``bundle``) and the indexer's settings."""
    digest = hashlib.sha256(f"press-search-index:{FORMAT}".encode())
    for name, value in settings:
        digest.update(f"{name}\0{value}\0".encode())
    for path in sorted(html_pages(site, bundle)):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def html_pages(site: Path, bundle: str) -> list[Path]:
    skip = site / bundle
    return [p for p in site.rglob("*.html") if skip not in p.parents]


def link_tree(source: Path, target: Path, files: Iterable[str]) -> None:
    """``files`` (relative paths) of ``source`` into ``target``, hard-linked where the file system allows."""
    for rel in files:
        destination = target / rel
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source / rel, destination)
        except OSError:
            shutil.copy2(source / rel, destination)


class BundleStore:
    """Pagefind bundles by key, in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder

    def scratch(self, key: str) -> Path:
        """An empty folder on the store's file system for an index being built."""
        path = self.folder / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def put(self, key: str, built: Path) -> None:
        """Keep the bundle Pagefind wrote into ``built`` (a ``scratch`` folder) under ``key``; drop the oldest."""
        files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
        (built / MANIFEST).write_text(json.dumps({rel: (built / rel).stat().st_size for rel in files}), encoding="utf-8")
        final = self.folder / key
        shutil.rmtree(final, ignore_errors=True)
        os.replace(built, final)
        # Strictly newer than every other bundle, whatever the file system's time resolution: it orders them.
        newest = max((b.stat().st_mtime_ns for b in self._bundles() if b != final), default=0)
        stamp = max(final.stat().st_mtime_ns, newest + 1)
        os.utime(final, ns=(stamp, stamp))
        for old in sorted(self._bundles(), key=lambda p: p.stat().st_mtime_ns, reverse=True)[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)

    def latest(self) -> str | None:
        bundles = sorted(self._bundles(), key=lambda p: p.stat().st_mtime_ns)
        return bundles[-1].name if bundles else None

    def place(self, key: str, target: Path) -> bool:
        """Put the bundle stored under ``key`` at ``target`` (replacing what is there); False if there is none intact."""
        stored = self.folder / key
        try:
            sizes = json.loads((stored / MANIFEST).read_text(encoding="utf-8"))
            if any((stored / rel).stat().st_size != size for rel, size in sizes.items()):
                return False
        except (OSError, ValueError, AttributeError):
            return False
        staging = target.with_name(f".{target.name}.{os.getpid()}.new")
        shutil.rmtree(staging, ignore_errors=True)
        link_tree(stored, staging, sorted(sizes))
        old = target.with_name(f".{target.name}.{os.getpid()}.old")
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def _bundles(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
