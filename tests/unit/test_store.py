"""The one keyed store: where entries land, keyed slots, atomic writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

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
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [store.path("feeds", "feed.xml").name]  # no temporary file


def test_namespaces_keep_equal_names_apart(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.write("memos", "articles", b"a")
    store.write("pages", "articles", b"b")
    assert (store.read("memos", "articles"), store.read("pages", "articles"), store.read("memos", "related")) == (b"a", b"b", None)
