"""The one keyed store: where entries land, keyed slots, atomic writes, writes from a thread of their own."""

from __future__ import annotations

import hashlib
import pickle
import threading
from pathlib import Path

import pytest

from press.core.incremental import store as store_module, write_behind

from press.core.incremental.store import Store


def test_a_hex_name_is_its_own_file_name_and_any_other_name_is_hashed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    key = hashlib.sha256(b"card").hexdigest()
    assert store.path("cards", key, ".png") == tmp_path / "cards" / key[:2] / f"{key}.png"
    other = store.path("pages", "vera2/index.html")
    assert other.parent.parent == tmp_path / "pages" and "/" not in other.name and "index" not in other.name


def test_a_keyed_slot_answers_only_for_its_key_and_keeps_one_entry(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.get("feeds", "feed.xml", "k1") is None
    store.put("feeds", "feed.xml", "k1", b"<rss>one</rss>\n")
    assert store.get("feeds", "feed.xml", "k1") == b"<rss>one</rss>\n"
    assert store.get("feeds", "feed.xml", "k2") is None and store.get("feeds", "atom.xml", "k1") is None
    store.put("feeds", "feed.xml", "k2", b"two")
    assert store.get("feeds", "feed.xml", "k1") is None and store.get("feeds", "feed.xml", "k2") == b"two"
    assert store.flush() == []
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [store.path("feeds", "feed.xml").name]  # no temporary file


def test_namespaces_keep_equal_names_apart(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.write("memos", "articles", b"a")
    store.write("pages", "articles", b"b")
    assert (store.read("memos", "articles"), store.read("pages", "articles"), store.read("memos", "related")) == (b"a", b"b", None)


def test_a_stale_entry_is_dropped_after_its_key_line_without_reading_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(tmp_path).write("pages", "a/index.html", b"k-old\n" + b"x" * 1_000_000)  # from a build of other code
    Store(tmp_path).write("pages", "b/index.html", b"k\n<p>b</p>")
    read: list[int] = []

    class Counted:
        def __init__(self, *args, **kwargs) -> None:
            self.file = open(*args, **kwargs)

        def __enter__(self) -> "Counted":
            return self

        def __exit__(self, *exc) -> None:
            self.file.close()

        def read(self, *size: int) -> bytes:
            data = self.file.read(*size)
            read.append(len(data))
            return data

    monkeypatch.setattr(store_module, "open", Counted, raising=False)
    store = Store(tmp_path)
    assert store.get("pages", "a/index.html", "k") is None and store.get("pages", "a/index.html", "k-ol") is None
    assert sum(read) < 20  # the key lines only, not the megabyte behind them
    assert store.get("pages", "b/index.html", "k") == b"<p>b</p>" and store.get("pages", "b/index.html", "k\n<p>") is None


def test_an_entry_written_behind_is_read_at_once_and_on_disk_after_a_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    real = write_behind.write_atomically

    def slow(path: Path, data: bytes) -> None:
        gate.wait(5)  # the disk is slow: the entry stays pending until the test lets it through
        real(path, data)

    monkeypatch.setattr(write_behind, "write_atomically", slow)
    store = Store(tmp_path)
    store.put("pages", "a/index.html", "k", b"<p>a</p>")
    path = store.write("render", "b", b"{}", ".json", behind=True)
    assert not path.exists()
    assert store.get("pages", "a/index.html", "k") == b"<p>a</p>" and store.read("render", "b", ".json") == b"{}"
    gate.set()
    assert store.flush() == []
    assert path.read_bytes() == b"{}" and Store(tmp_path).get("pages", "a/index.html", "k") == b"<p>a</p>"


def test_the_last_bytes_submitted_for_an_entry_are_the_ones_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writing, release = threading.Event(), threading.Event()
    real = write_behind.write_atomically

    def held(path: Path, data: bytes) -> None:
        writing.set()
        release.wait(5)
        real(path, data)

    monkeypatch.setattr(write_behind, "write_atomically", held)
    store = Store(tmp_path)
    store.write("render", "x", b"old", behind=True)
    assert writing.wait(5)  # the thread is writing the old bytes
    store.write("render", "x", b"new", behind=True)
    release.set()
    store.flush()
    assert Store(tmp_path).read("render", "x") == b"new"
    store.write("render", "x", b"newer", behind=True)
    store.write("render", "x", b"now")  # a direct write waits for the pending one, so the older bytes never land after it
    assert store.flush() == [] and Store(tmp_path).read("render", "x") == b"now"


def test_an_entry_that_cannot_be_written_is_reported_by_the_flush(tmp_path: Path) -> None:
    (tmp_path / "pages").write_text("a file where the namespace's folder belongs")
    store = Store(tmp_path)
    store.put("pages", "a/index.html", "k", b"x")
    failed = store.flush()
    assert [path for path, _ in failed] == [store.path("pages", "a/index.html")]
    assert store.get("pages", "a/index.html", "k") is None and store.flush() == []


def test_a_store_crosses_to_a_card_worker_without_its_thread(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put("pages", "a", "k", b"x")
    copy = pickle.loads(pickle.dumps(store))
    assert copy.root == tmp_path and copy.behind is not store.behind
    store.flush()


def test_the_writer_thread_ends_when_idle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The live preview makes a store for every rebuild: an idle store must not keep a thread."""
    monkeypatch.setattr(write_behind, "IDLE_SECONDS", 0.01)
    store = Store(tmp_path)
    store.put("pages", "a", "k", b"x")
    thread = store.behind._thread
    assert thread is not None and store.flush() == []
    thread.join(5)
    assert not thread.is_alive() and store.behind._thread is None
    store.put("pages", "b", "k", b"y")  # a new entry starts a thread again
    assert store.flush() == [] and Store(tmp_path).get("pages", "b", "k") == b"y"
