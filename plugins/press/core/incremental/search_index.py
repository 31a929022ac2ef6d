"""Reusing the search index: Pagefind runs only for the shards whose pages have changed.

A shard's index (`press.core.features.search_shards`) is a function of its HTML pages, Pagefind's version
and its configuration; the shard's key hashes all three. Bundles are kept under their key, for the shards of
the newest two builds: the current one, and the previous one that the live preview shows while a new index
is built in the background.

A bundle is placed into a site by hard links (copies across file systems): nothing writes into a built site's
files afterwards. A build starts from an empty folder, or, in the live preview, removes each page before
writing it again (``press/incremental``). A stored bundle records its files and sizes; one that no longer
matches is not used.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterable, Sequence

from ..features.search_shards import folder_name

MANIFEST = "press-bundle.json"
GENERATIONS = "generations.json"
CONTENTS = "bundles.json"  # in the site's index folder: the shards' folders, for the search page to merge
KEEP = 2  # builds whose bundles are kept: the newest, and the one before it


def html_pages(site: Path, bundle: str) -> list[str]:
    """Every HTML page of the site outside the index's own folder, as a sorted path relative to `site`.

    A walk of strings that never enters the index's folder: at 10,000 articles, a glob of Paths that
    asked each one for its parents cost a rebuild two seconds.
    """
    skip = os.path.normpath(bundle)
    found = []
    for folder, subfolders, names in os.walk(site):
        rel = os.path.relpath(folder, site)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        subfolders[:] = [d for d in subfolders if os.path.normpath(prefix + d) != skip]
        found += [prefix + name for name in names if name.endswith(".html")]
    return sorted(found)


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
    """Pagefind bundles by key, in ``folder``, and the keys each of the last builds placed."""

    def __init__(self, folder: Path):
        self.folder = folder

    def scratch(self, key: str) -> Path:
        """An empty folder on the store's file system for an index being built."""
        path = self.folder / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def put(self, key: str, built: Path) -> None:
        """Keep the bundle Pagefind wrote into ``built`` (a ``scratch`` folder) under ``key``."""
        files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
        (built / MANIFEST).write_text(json.dumps({rel: (built / rel).stat().st_size for rel in files}), encoding="utf-8")
        final = self.folder / key
        shutil.rmtree(final, ignore_errors=True)
        os.replace(built, final)

    def has(self, key: str) -> bool:
        return self._files(key) is not None

    def place(self, keys: Sequence[str], target: Path) -> bool:
        """Put the bundles stored under ``keys`` at ``target``, one folder each, replacing what is there.

        False, and ``target`` untouched, if one of them is missing or damaged.
        """
        found = [(key, self._files(key)) for key in keys]
        if any(files is None for _, files in found):
            return False
        staging = target.with_name(f".{target.name}.{os.getpid()}.new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for key, files in found:
            link_tree(self.folder / key, staging / folder_name(key), files or [])
        names = [f"{folder_name(key)}/" for key in keys]
        (staging / CONTENTS).write_text(json.dumps({"bundles": names}) + "\n", encoding="utf-8")
        old = target.with_name(f".{target.name}.{os.getpid()}.old")
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def commit(self, keys: Sequence[str]) -> None:
        """Record the keys a build placed; drop the bundles that none of the last `KEEP` builds placed."""
        generations = [list(keys)] + [g for g in self._generations() if g != list(keys)][: KEEP - 1]
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / GENERATIONS).write_text(json.dumps(generations), encoding="utf-8")
        kept = {key for generation in generations for key in generation}
        for stored in self._bundles():
            if stored.name not in kept:
                shutil.rmtree(stored, ignore_errors=True)

    def latest(self) -> list[str] | None:
        """The keys the last build placed."""
        generations = self._generations()
        return generations[0] if generations else None

    def _files(self, key: str) -> list[str] | None:
        stored = self.folder / key
        try:
            sizes = json.loads((stored / MANIFEST).read_text(encoding="utf-8"))
            if any((stored / rel).stat().st_size != size for rel, size in sizes.items()):
                return None
        except (OSError, ValueError, AttributeError):
            return None
        return sorted(sizes)

    def _generations(self) -> list[list[str]]:
        try:
            generations = json.loads((self.folder / GENERATIONS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [g for g in generations if isinstance(g, list)] if isinstance(generations, list) else []

    def _bundles(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
