"""Pagefind runs only when indexed pages changed; in the live preview it catches up in the background."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from press.adapters.serve_state import STATE
from press.adapters.engine import NAME as ENGINE

from .builder import Fixture, article, base_config, make_fixture, press_messages
from .test_determinism import snapshot

FILES = {"vera2/posts/2025/first.md": article("First", body="Ordinary words."),
         "vera2/posts/2025/second.md": article("Second", date="2025-11-21", body="More ordinary words.")}
REUSED = "press: search: no indexed page changed, the index is reused"


def bundle(fixture: Fixture) -> dict[str, bytes]:
    return {name: data for name, data in snapshot(fixture.site).items() if name.startswith("pagefind/")}


def build_logged(fixture: Fixture, caplog: pytest.LogCaptureFixture, command: str = "build") -> list[str]:
    caplog.clear()
    config = load_config(str(fixture.root / "mkdocs.yml"), strict=command == "build")
    config.plugins.on_startup(command=command, dirty=False)
    with caplog.at_level(logging.DEBUG, logger=ENGINE):  # the engine logger: `press check` sets its level
        build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    return press_messages(caplog, logging.DEBUG) + press_messages(caplog, logging.INFO)


def test_an_unchanged_site_reuses_its_index_byte_for_byte(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, FILES)
    assert REUSED not in build_logged(fixture, caplog)
    first = bundle(fixture)
    assert "pagefind/bundles.json" in first and any("/fragment/" in name for name in first)
    assert REUSED in build_logged(fixture, caplog)
    assert bundle(fixture) == first  # Pagefind's own run-to-run differences (#638) are gone too


def test_a_changed_page_is_indexed_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, FILES)
    build_logged(fixture, caplog)
    first = bundle(fixture)
    fixture.write("vera2/posts/2025/second.md", article("Second", date="2025-11-21", body="Words about zeppelins."))
    assert REUSED not in build_logged(fixture, caplog)
    assert bundle(fixture).keys() != first.keys()  # new fragments, named by their content


def test_the_preview_shows_the_page_first_and_the_index_follows(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, FILES)
    build_logged(fixture, caplog, "serve")
    stale = bundle(fixture)
    fixture.write("vera2/posts/2025/second.md", article("Second", date="2025-11-21", body="Words about zeppelins."))
    messages = build_logged(fixture, caplog, "serve")
    assert any(m.startswith("press: search: indexing the changed pages in the background") for m in messages)
    STATE.search.executor.submit(lambda: None).result()  # wait for the queued index
    assert bundle(fixture) != stale
    # The index it placed is the one a full build makes for these pages.
    assert REUSED in build_logged(fixture, caplog, "serve")


def sharded(tmp_path: Path) -> Fixture:
    """Six articles in shards of a kilobyte or two: a cut at least every other page."""
    config = base_config()
    config["plugins"] = [{"press/search": {"shard_kb": 1}} if p == "press/search" else p for p in config["plugins"]]
    files = {f"vera2/posts/2025/story-{i}.md": article(f"Story {i}", date=f"2025-11-{10 + i}", body=f"Words about topic{i}.")
             for i in range(6)}
    return make_fixture(tmp_path, files, config)


def test_an_edit_indexes_its_own_shard_again_and_reuses_the_others(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = sharded(tmp_path)
    messages = build_logged(fixture, caplog)
    # Each shard is indexed as soon as its last article is written, while MkDocs renders the rest.
    started = [m for m in messages if m.startswith("press: search: a shard of ")]
    first = bundle(fixture)
    shards = json.loads(first["pagefind/bundles.json"])["bundles"]
    written_after = [int(m.split()[-2]) for m in started]
    assert len(started) == len(shards) and written_after == sorted(written_after)
    assert written_after[0] < written_after[-1] < len(list(fixture.site.rglob("*.html")))
    assert "search: 0 of" not in " ".join(messages) and f"press: search: {len(shards)} of {len(shards)} index shards built again" in messages
    assert len(shards) >= 3 and all(f"pagefind/{name}pagefind-entry.json" in first for name in shards)
    assert not any(name.endswith("pagefind-ui.js") for name in first)  # the search page uses the JavaScript API only
    fixture.write("vera2/posts/2025/story-3.md", article("Story 3", date="2025-11-13", body="Words about zeppelins."))
    messages = build_logged(fixture, caplog)
    assert f"press: search: 1 of {len(shards)} index shards built again" in messages
    again = json.loads(bundle(fixture)["pagefind/bundles.json"])["bundles"]
    assert len(again) == len(shards) and len(set(again) - set(shards)) == 1
