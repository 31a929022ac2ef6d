"""The live preview shows an edit to an article's prose before its rebuild (``press.adapters.fast_render``)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from press.adapters.fast_render import FAST

from .builder import Fixture, base_config, make_fixture
from .test_discovery import FILES
from .test_incremental_preview import EDITS, MORE, serve_build

ARTICLE = "vera2/posts/2025/tariffs.md"
PAGE = "vera2/2025/11/tariffs/index.html"
NEW = "A paragraph written while the preview runs."


@pytest.fixture
def running(tmp_path: Path) -> Fixture:
    """A fixture site with a preview built once, as `make serve` leaves it (press/incremental keeps its build)."""
    fixture = make_fixture(tmp_path / "site", FILES | MORE, base_config())
    serve_build(fixture, fixture.root / "preview", dirty=True)
    return fixture


def record(fixture: Fixture, src: str) -> None:
    """What the watcher records when the author saves `src`."""
    FAST.changed = {str(fixture.root / "content" / src)}


def test_a_prose_edit_is_rendered_at_once_and_the_rebuild_keeps_it(running: Fixture) -> None:
    page = running.root / "preview" / PAGE
    assert NEW not in page.read_text(encoding="utf-8")
    EDITS["prose"][0](running)
    text = (running.root / "content" / ARTICLE).read_text(encoding="utf-8")
    (running.root / "content" / ARTICLE).write_text(text + f"\n{NEW}\n", encoding="utf-8")
    record(running, ARTICLE)
    assert FAST.render_edit()
    early = page.read_text(encoding="utf-8")
    assert NEW in early and "with a new paragraph" in early
    serve_build(running, running.root / "preview", dirty=True)  # the usual rebuild follows
    assert NEW in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["title", "tags", "source", "a link to another article", "a broken article"])
def test_any_other_edit_waits_for_the_rebuild(running: Fixture, name: str) -> None:
    page = running.root / "preview" / PAGE
    before = page.read_bytes(), page.stat().st_ino
    EDITS[name][0](running)
    record(running, ARTICLE)
    assert not FAST.render_edit()
    assert (page.read_bytes(), page.stat().st_ino) == before


def test_two_files_saved_at_once_wait_for_the_rebuild(running: Fixture) -> None:
    EDITS["prose"][0](running)
    FAST.changed = {str(running.root / "content" / ARTICLE), str(running.root / "content" / "about.md")}
    assert not FAST.render_edit()


class Server:
    """What the wrapper needs of MkDocs' live-reload server: its builder and its watcher."""

    def __init__(self) -> None:
        self._epoch_cond = threading.Condition()
        self._visible_epoch = self._wanted_epoch = 1  # browsers hold epoch 1
        self.started, self.finished = threading.Event(), threading.Event()
        self.release = threading.Event()
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False
        self.observer = self
        self.builder = self.rebuild
        self.unwatched: list[str] = []

    def rebuild(self) -> None:
        self.started.set()
        self.release.wait(10)
        self.finished.set()

    def schedule(self, handler: Any, path: str, recursive: bool) -> None:
        self.handler, self.path = handler, path

    def unwatch(self, path: str) -> None:
        self.unwatched.append(path)


def test_the_builder_returns_after_an_early_render_and_waits_for_the_rebuild_otherwise(running: Fixture) -> None:
    server = Server()
    config: Any = type("Config", (), {"docs_dir": str(running.root / "content")})()
    try:
        _builder_returns_early(running, server, config)
    finally:
        FAST.detach()


def _builder_returns_early(running: Fixture, server: Server, config: Any) -> None:
    assert FAST.attach(server, config) is server and Path(server.path) == running.root / "content"
    assert server.unwatched == [str(running.root / "content")]  # the poll of MkDocs' own watch would rebuild twice
    EDITS["prose"][0](running)
    event = type("Event", (), {"is_directory": False, "event_type": "modified",
                               "src_path": str(running.root / "content" / ARTICLE)})()
    server.handler.on_any_event(event)  # the poll's report; the notifications may have told it already
    assert server._want_rebuild  # the server's build loop is woken
    server.builder()  # returns while the rebuild is held: MkDocs reloads the browsers now
    assert server.started.wait(10) and not server.finished.is_set()
    assert server._visible_epoch == 1
    server.release.set()
    assert server.finished.wait(10)
    with server._epoch_cond:  # browsers reload once more when the rebuild is done
        assert server._epoch_cond.wait_for(lambda: server._visible_epoch > 1, timeout=10)
        assert server._visible_epoch == server._wanted_epoch
    server.started.clear(), server.finished.clear()
    FAST.changed = set()  # no prose edit: the builder returns only once the rebuild is done
    server.builder()
    assert server.started.is_set() and server.finished.is_set()


def test_a_failed_rebuild_is_raised_to_the_builder_that_waits_for_it() -> None:
    from press.adapters.fast_render import CatchUp

    def broken() -> None:
        raise RuntimeError("a broken build")

    catch_up = CatchUp(broken, lambda: pytest.fail("browsers reloaded after a failed rebuild"))
    with pytest.raises(RuntimeError, match="a broken build"):
        catch_up.wait(catch_up.request())


def test_the_rebuild_after_an_early_render_leaves_the_reload_a_head_start() -> None:
    from press.adapters.fast_render import CatchUp

    started = threading.Event()
    catch_up = CatchUp(started.set)
    ticket = catch_up.request(grace=1.0)
    assert not started.wait(0.2)  # the browsers reload while the rebuild waits
    catch_up.wait(ticket)
    assert started.is_set()


def test_a_save_during_the_rebuild_is_shown_when_that_rebuild_is_done(running: Fixture) -> None:
    server = Server()
    config: Any = type("Config", (), {"docs_dir": str(running.root / "content")})()
    FAST.attach(server, config)
    try:
        page = running.root / "preview" / PAGE
        EDITS["prose"][0](running)
        record(running, ARTICLE)
        server.builder()  # shown early; the rebuild starts after the grace and is held
        assert server.started.wait(10)
        source = running.root / "content" / ARTICLE
        source.write_text(source.read_text(encoding="utf-8") + f"\n{NEW}\n", encoding="utf-8")
        record(running, ARTICLE)
        second = threading.Thread(target=server.builder)
        second.start()
        second.join(0.5)
        assert second.is_alive() and NEW not in page.read_text(encoding="utf-8")  # no early render beside a rebuild
        server.release.set()
        second.join(10)
        assert not second.is_alive() and NEW in page.read_text(encoding="utf-8")  # shown without a second rebuild
    finally:
        server.release.set()
        FAST.detach()


def test_an_edit_to_an_article_rendered_from_the_cache_shows_its_new_prose_and_caches_it(running: Fixture) -> None:
    """The early render reuses the last build's page; there, the render cache had replaced the page's conversion
    with its stored HTML. Kept, it turned the edit into an empty body, cached for every later build."""
    serve_build(running, running.root / "again", dirty=True)  # a new preview: every article from the render cache
    page = running.root / "again" / PAGE
    source = running.root / "content" / ARTICLE
    source.write_text(source.read_text(encoding="utf-8") + f"\n{NEW}\n", encoding="utf-8")
    record(running, ARTICLE)
    assert FAST.render_edit()
    assert NEW in page.read_text(encoding="utf-8") and "Body text." in page.read_text(encoding="utf-8")
    serve_build(running, running.root / "fresh", dirty=False)  # a build that takes the edit from the cache
    assert NEW in (running.root / "fresh" / PAGE).read_text(encoding="utf-8")
