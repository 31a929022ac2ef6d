"""Reusing the search index: the key follows the pages, the store keeps two intact bundles."""

from __future__ import annotations

from pathlib import Path

from press.core.incremental.search_index import BundleStore, index_key


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_key_follows_html_pages_and_settings_only(tmp_path: Path) -> None:
    write(tmp_path / "a/index.html", "<p>a</p>")
    key = index_key(tmp_path, "pagefind", [("pagefind", "1.5.2")])
    write(tmp_path / "pagefind/pagefind-entry.json", "{}")
    write(tmp_path / "pagefind/x.html", "ignored: the index's own folder")
    write(tmp_path / "feed.xml", "<rss/>")
    assert index_key(tmp_path, "pagefind", [("pagefind", "1.5.2")]) == key
    assert index_key(tmp_path, "pagefind", [("pagefind", "1.6.0")]) != key
    write(tmp_path / "a/index.html", "<p>b</p>")
    assert index_key(tmp_path, "pagefind", [("pagefind", "1.5.2")]) != key


def bundle(store: BundleStore, key: str, text: str) -> None:
    built = store.scratch(key)
    write(built / "fragment/one.pf_fragment", text)
    store.put(key, built)


def test_bundles_are_placed_by_key_and_the_two_newest_kept(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "store")
    target = tmp_path / "site/pagefind"
    target.parent.mkdir()
    assert not store.place("k1", target) and store.latest() is None
    for key in ("k1", "k2", "k3"):
        bundle(store, key, key)
    assert store.latest() == "k3"
    assert not store.place("k1", target)  # pruned
    assert store.place("k2", target) and (target / "fragment/one.pf_fragment").read_text() == "k2"
    assert store.place("k3", target) and sorted(p.name for p in target.rglob("*")) == ["fragment", "one.pf_fragment"]


def test_a_damaged_bundle_is_not_used(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "store")
    bundle(store, "k1", "complete")
    (tmp_path / "store/k1/fragment/one.pf_fragment").write_text("cut")
    assert not store.place("k1", tmp_path / "pagefind")
