"""The one keyed store under ``cache_dir``: every cache entry of every feature lives here.

An entry is named by a namespace (``pages``, ``render``, ``feeds``, ``cards``, ``memos``, ...) and a
name (an output path, or a key); it lands at ``<namespace>/<h[:2]>/<h><suffix>`` where ``h`` is the
name when it already is a hex digest, else the digest of the name. Two shapes of entry:

- a slot (`read` / `write`): one entry per name, overwritten when its input changes, so the cache
  holds one copy of the site, never a growing history;
- a keyed slot (`get` / `put`): a slot whose first line is the key it was made for; `get` returns
  the rest only for that exact key.

Every write goes through `write_atomically`, so a stopped build never leaves half an entry. Raw
files that the build hard-links into the site (cards, image variants) take their `path` directly.
Keyed slots and the entries written with ``behind=True`` go to disk from a thread of their own
(`write_behind`); reads see them at once, and `flush` waits for them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .atomic_write import write_atomically
from .digest import digest
from .write_behind import WriteBehind

HEX = re.compile(r"[0-9a-f]{16,128}")


class Store:
    def __init__(self, root: Path):
        self.root = root
        self.behind = WriteBehind()

    def __getstate__(self) -> dict[str, Path]:
        return {"root": self.root}  # a card worker gets its own queue: a thread does not cross processes

    def __setstate__(self, state: dict[str, Path]) -> None:
        self.__init__(state["root"])  # type: ignore[misc]

    def path(self, namespace: str, name: str, suffix: str = "") -> Path:
        """Where the entry `name` of `namespace` is kept."""
        return Path(self._place(namespace, name, suffix))

    def _place(self, namespace: str, name: str, suffix: str) -> str:
        """`path` as a string: a rebuild reads every cached page and card, and making a Path of each cost a second."""
        hashed = name if HEX.fullmatch(name) else digest("press-store-name", [("name", name)])
        return os.path.join(self.root, namespace, hashed[:2], hashed + suffix)

    def folder(self, namespace: str) -> Path:
        """A namespace's own folder, for entries that are folders (search bundles)."""
        return self.root / namespace

    def read(self, namespace: str, name: str, suffix: str = "") -> bytes | None:
        place = self._place(namespace, name, suffix)
        pending = self.behind.pending(place)
        if pending is not None:
            return pending
        try:
            with open(place, "rb") as entry:
                return entry.read()
        except OSError:
            return None  # absent or unreadable: computed again

    def write(self, namespace: str, name: str, data: bytes, suffix: str = "", *, behind: bool = False) -> Path:
        """Store an entry; `behind`: from the writing thread, for a caller that never opens the file itself."""
        place = self._place(namespace, name, suffix)
        if behind:
            self.behind.submit(place, data)
        else:
            if self.behind.pending(place) is not None:
                self.behind.flush()  # an older write of this entry must not land after this one
            write_atomically(Path(place), data)
        return Path(place)

    def flush(self) -> list[tuple[Path, OSError]]:
        """Wait until every entry is on disk; the entries that could not be written (computed again next time)."""
        return [(Path(place), exc) for place, exc in self.behind.flush()]

    def get(self, namespace: str, name: str, key: str) -> bytes | None:
        """The entry made for exactly `key`, or None.

        The key line is read first and the rest only when it matches: after a change of code every
        entry is stale, and reading each whole only to drop it read the site's 560 MB of pages for
        nothing at 10,000 articles (and raised that build's peak memory by 36 MiB).
        """
        place = self._place(namespace, name, "")
        head = key.encode() + b"\n"
        pending = self.behind.pending(place)
        if pending is not None:
            return pending[len(head):] if pending.startswith(head) else None
        try:
            with open(place, "rb", buffering=0) as entry:
                return entry.read() if entry.read(len(head)) == head else None
        except OSError:
            return None  # absent or unreadable: computed again

    def put(self, namespace: str, name: str, key: str, data: bytes) -> None:
        self.write(namespace, name, key.encode() + b"\n" + data, behind=True)
