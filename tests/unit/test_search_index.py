"""Reusing the search index: pages are read once, the store keeps the shards of the last two builds intact."""

from __future__ import annotations

import json
from pathlib import Path

from press.core.features.search_shards import folder_name, read_page
from press.core.incremental.search_index import BundleStore, html_pages


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_pages_are_the_sites_html_outside_the_index(tmp_path: Path) -> None:
    write(tmp_path / "a/index.html", "<p>a</p>")
    write(tmp_path / "b/index.html", '<nav>x</nav><article data-pagefind-body><p>b</p></article>')
    write(tmp_path / "pagefind/x.html", "ignored: the index's own folder")
    write(tmp_path / "feed.xml", "<rss/>")
    write(tmp_path / "c/pagefind/index.html", "<p>c: only the top-level folder of that name is the index's</p>")
    found = html_pages(tmp_path, "pagefind")
    assert found == ["a/index.html", "b/index.html", "c/pagefind/index.html"]
    pages = {rel: read_page(rel, (tmp_path / rel).read_bytes()) for rel in found}
    assert not pages["a/index.html"].marked and pages["a/index.html"].weight == len("<p>a</p>")
    assert pages["b/index.html"].marked and pages["b/index.html"].weight == len('data-pagefind-body><p>b</p></article>')


def bundle(store: BundleStore, key: str, text: str) -> None:
    built = store.scratch(key)
    write(built / "fragment/one.pf_fragment", text)
    store.put(key, built)


def test_shards_are_placed_one_folder_each_with_a_list_for_the_search_page(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "store")
    target = tmp_path / "site/pagefind"
    target.parent.mkdir()
    bundle(store, "a" * 64, "first")
    bundle(store, "b" * 64, "second")
    assert store.place(["a" * 64, "b" * 64], target)
    assert json.loads((target / "bundles.json").read_text()) == {"bundles": [f"{folder_name('a' * 64)}/", f"{folder_name('b' * 64)}/"]}
    assert (target / folder_name("b" * 64) / "fragment/one.pf_fragment").read_text() == "second"
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "aaaaaaaaaaaa/fragment/one.pf_fragment", "bbbbbbbbbbbb/fragment/one.pf_fragment", "bundles.json"]


def test_the_store_keeps_the_shards_of_the_last_two_builds(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "store")
    for key in ("k1", "k2", "k4"):
        bundle(store, key, key)
    store.commit(["k1", "k2"])
    assert not store.has("k4")  # placed by no build
    bundle(store, "k3", "k3")
    store.commit(["k1", "k3"])  # one shard changed
    assert store.latest() == ["k1", "k3"] and all(store.has(k) for k in ("k1", "k2", "k3"))
    store.commit(["k1", "k3"])  # the same build again: the previous generation stays
    assert store.has("k2")
    store.commit(["k3"])
    assert store.latest() == ["k3"] and not store.has("k2") and store.has("k1")


def test_a_missing_or_damaged_shard_places_nothing(tmp_path: Path) -> None:
    store = BundleStore(tmp_path / "store")
    target = tmp_path / "pagefind"
    bundle(store, "k1", "complete")
    bundle(store, "k2", "complete")
    assert store.place(["k1"], target)
    (tmp_path / "store/k2/fragment/one.pf_fragment").write_text("cut")
    assert not store.has("k2")
    assert not store.place(["k1", "k2"], target) and not store.place(["k1", "k9"], target)
    assert json.loads((target / "bundles.json").read_text()) == {"bundles": ["k1/"]}  # left as it was
