"""Changes to the docs folder are told at once and once each (``press.adapters.docs_watch``)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from press.adapters.docs_watch import DocsWatch


class Told:
    """What the watch told, and a way to wait for it."""

    def __init__(self) -> None:
        self.calls: list[set[str]] = []
        self.event = threading.Condition()

    def __call__(self, paths: set[str]) -> None:
        with self.event:
            self.calls.append(paths)
            self.event.notify_all()

    def wait(self, count: int) -> bool:
        with self.event:
            return self.event.wait_for(lambda: len(self.calls) >= count, timeout=10)


def event(kind: str, path: Path, dest: Path | None = None) -> Any:
    return type("Event", (), {"is_directory": False, "event_type": kind, "src_path": str(path),
                              "dest_path": str(dest) if dest else ""})()


def test_a_change_is_told_once_however_many_watchers_report_it(tmp_path: Path) -> None:
    told = Told()
    watch = DocsWatch(told)
    article = tmp_path / "article.md"
    article.write_text("first", encoding="utf-8")
    watch.event(event("modified", article))
    watch.event(event("modified", article))  # the poll, after the notification: the same file as told
    assert told.calls == [{str(article)}]
    article.write_text("second, longer", encoding="utf-8")
    watch.event(event("modified", article))
    article.unlink()
    watch.event(event("deleted", article))
    watch.event(event("deleted", article))
    assert told.calls == [{str(article)}] * 3


def test_reading_a_file_is_no_change(tmp_path: Path) -> None:
    told = Told()
    watch = DocsWatch(told)
    article = tmp_path / "article.md"
    article.write_text("text", encoding="utf-8")
    for kind in ("opened", "closed", "closed_no_write"):
        watch.event(event(kind, article))
    watch.event(type("Event", (), {"is_directory": True, "event_type": "modified", "src_path": str(tmp_path)})())
    assert told.calls == []


def test_a_move_tells_both_names(tmp_path: Path) -> None:
    told = Told()
    watch = DocsWatch(told)
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    new.write_text("text", encoding="utf-8")
    watch.event(event("moved", old, new))
    assert told.calls == [{str(old), str(new)}]


def test_the_operating_system_tells_a_save_without_a_poll(tmp_path: Path) -> None:
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if Observer is PollingObserver:
        pytest.skip("this platform has no change notifications")
    told = Told()
    watch = DocsWatch(told)
    (tmp_path / "posts").mkdir()
    watch.start_native(str(tmp_path))
    try:
        assert watch.native is not None
        (tmp_path / "posts" / "article.md").write_text("saved", encoding="utf-8")
        assert told.wait(1)
        assert str(tmp_path / "posts" / "article.md") in set().union(*told.calls)
    finally:
        watch.stop()
    assert watch.native is None
