"""Cache entries written by one thread beside the build, so the build does not wait on the disk.

A cold build stores about two entries a page (the page, its rendered body, the feeds). Creating
each entry's temporary file and renaming it in costs about a millisecond of waiting on the file
system here, which the build's one rendering thread paid for every page: 3.6 s of a 43 s build at
1,000 articles. Writing releases the interpreter lock, so a thread of its own overlaps it with the
rendering.

An entry waiting to be written is still read from memory (`pending`), so the build that wrote it
sees it at once. `flush` waits for every entry and returns what could not be written; a build
flushes before it ends, so the next build (or another process) finds every entry on disk. Each is
still written atomically: a process stopped half way leaves no truncated entry.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections import deque
from pathlib import Path

from .atomic_write import write_atomically


IDLE_SECONDS = 1.0  # a writer thread with nothing to write this long ends


class WriteBehind:
    """A queue of (path, bytes) and the one thread that writes them, started at the first entry.

    Paths are strings: the store asks for one on every read, and a Path costs more to make and to hash.
    """

    def __init__(self) -> None:
        self._pending: dict[str, bytes] = {}  # the latest bytes of every path not yet on disk
        self._queue: deque[str] = deque()  # each pending path once, in the order first submitted
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._failed: list[tuple[str, OSError]] = []

    def submit(self, path: str, data: bytes) -> None:
        """Write `data` to `path` soon; until then `pending(path)` returns it."""
        with self._changed:
            if path not in self._pending:
                self._queue.append(path)
            self._pending[path] = data
            self._changed.notify_all()
            if self._thread is None:
                # A daemon, so a process never hangs on it; atexit still flushes before daemons stop. It ends when
                # the queue is empty: the live preview makes a store for every rebuild.
                self._thread = threading.Thread(target=self._run, name="press-write-behind", daemon=True)
                self._thread.start()
                _LIVE.add(self)

    def pending(self, path: str) -> bytes | None:
        """The bytes waiting to be written to `path`, or None when it is on disk (or was never submitted)."""
        with self._changed:
            return self._pending.get(path)

    def flush(self) -> list[tuple[str, OSError]]:
        """Wait until every submitted entry is written; the entries that failed since the last flush."""
        with self._changed:
            while self._pending:
                self._changed.wait()
            failed, self._failed = self._failed, []
            return failed

    def _run(self) -> None:
        while True:
            with self._changed:
                if not self._queue:
                    self._changed.wait(timeout=IDLE_SECONDS)  # a build submits page after page: keep the thread
                if not self._queue:
                    self._thread = None
                    return
                path = self._queue.popleft()
                data = self._pending[path]
            try:
                write_atomically(Path(path), data)
            except OSError as exc:
                with self._changed:
                    self._failed.append((path, exc))
            with self._changed:
                if self._pending[path] is data:
                    del self._pending[path]
                else:
                    self._queue.append(path)  # submitted again while it was written: write the newer bytes
                self._changed.notify_all()


_LIVE: weakref.WeakSet[WriteBehind] = weakref.WeakSet()  # queues with a thread started: flushed at exit


@atexit.register
def _flush_all() -> None:
    for queue in list(_LIVE):
        queue.flush()
