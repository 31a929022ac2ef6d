"""Pagefind runs only when indexed pages changed; in the live preview it catches up in the background."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from press.adapters.serve_state import STATE
from press.adapters.engine import NAME as ENGINE

from .builder import Fixture, article, make_fixture, press_messages
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
    assert any(name.startswith("pagefind/fragment/") for name in first)
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
