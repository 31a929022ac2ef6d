"""Changes to the docs folder, told the moment they happen, each once (for ``fast_render``).

MkDocs' live server polls what it watches every half second: an edit waited up to 0.5 s before the
preview started on it, a third of the budget of a second from save to reloaded page. The operating
system tells a change at once (inotify, FSEvents, ReadDirectoryChangesW, through watchdog's native
observer), but some file systems never do (network shares, some container mounts), which is why
MkDocs polls. So both run: the notifications for speed, the poll as the fallback, into one handler
that tells a change only when the file's state (modification time and size, or its absence) differs
from the last one told. The poll that follows a notification finds the same state and tells nothing,
so one save means one rebuild.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Callable

from mkdocs.plugins import get_plugin_logger
from watchdog.events import FileSystemEvent, FileSystemEventHandler

log = get_plugin_logger(__name__)

CHANGES = frozenset({"created", "modified", "deleted", "moved"})  # not "opened" or "closed": a build reads every file
State = tuple[int, int] | None  # (modification time in ns, size), None for a file that is gone


class DocsWatch:
    """One handler for the poll and the notifications; ``told`` gets the paths whose state is new."""

    def __init__(self, told: Callable[[set[str]], None]) -> None:
        self.told = told
        self.states: dict[str, State] = {}
        self.lock = threading.Lock()
        self.native: Any = None  # watchdog's native observer, once started

    def handler(self) -> FileSystemEventHandler:
        handler = FileSystemEventHandler()
        handler.on_any_event = self.event  # type: ignore[method-assign]
        return handler

    def event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        paths = {os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p}
        new = set()
        with self.lock:
            for path in paths:
                state = _state(path)
                if path not in self.states or self.states[path] != state:
                    self.states[path] = state
                    new.add(path)
        if new:
            self.told(new)

    def start_native(self, folder: str) -> None:
        """Add the operating system's notifications for ``folder``; where there are none, the poll alone tells."""
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        if Observer is PollingObserver:
            return
        observer = Observer()
        try:
            observer.schedule(self.handler(), folder, recursive=True)
            observer.start()
        except OSError as exc:  # the system's limit of watches, say: polling still tells every change
            log.debug(f"preview: no change notifications for {folder} ({exc}); changes are seen by polling")
            return
        self.native = observer

    def stop(self) -> None:
        if self.native is not None:
            self.native.stop()
            self.native.join(timeout=5)
            self.native = None


def _state(path: str) -> State:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
